"""boilerstrip as a datatrove pipeline step (``pip install 'boilerstrip[datatrove]'``).

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from boilerstrip.integrations.datatrove import BoilerstripStep

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/"), BoilerstripStep(), JsonlWriter("out/"),
    ], tasks=4, workers=2).run()

``BoilerstripStep`` takes Documents whose ``text`` holds a page (HTML, scraped
text, or bytes in any encoding; ``metadata["charset"]`` is then the
transport's declared charset) and yields one Document per article, the body in
``doc.text`` and the rest in ``doc.metadata`` under ``article_*`` keys:
``article_title``, ``article_subtitles``, ``article_date``, ``article_source``,
``article_editor``, ``article_authors``, ``article_captions``,
``article_confidence``, ``article_warnings``, ``article_index``,
``article_count`` (and ``article_removed``, with ``removals=True``). The
prefix keeps the reader's keys intact: ``WarcReader``'s ``date`` is the crawl
date, ``article_date`` the date the page shows.

``WarcPageReader`` reads WARC files as ``python -m boilerstrip X.warc.gz``
does (the HTTP ``Content-Type`` decides what is a page, and its charset
travels in ``metadata["charset"]``), for ``WarcPageReader -> BoilerstripStep``.

Like datatrove's own extractors (``BaseExtractor``), each page is cleaned in
a child process with a per-document timeout, and the same stats are counted:
``total``, ``extracted``, ``timeout``, ``broken_process`` (the child died),
``clean_error`` (an exception), ``forwarded`` and ``dropped``; documents that
time out or fail are skipped with a warning in the log.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from ..options import Options
from ..warc import iter_records
from .core import article_fields, clean_page

#: The keys every article document gets in its metadata, without the prefix
#: (``removed`` only with ``removals=True``).
METADATA_FIELDS = (
    "title", "subtitles", "date", "source", "editor", "authors", "captions",
    "confidence", "warnings", "index", "count",
)


class BoilerstripStep(BaseExtractor):
    """Clean each Document's page with boilerstrip.

    Args:
        options: the library's :class:`boilerstrip.Options`; ``removals``
            decides ``keep_removed``.
        timeout: seconds a page may take; a slower one is killed, counted as
            ``timeout`` and skipped.
        removals: also put every removed piece in
            ``metadata["article_removed"]`` (``{text, detector, line}``); off
            by default, as they are most of the output's size.
        all_articles: an e-paper page holds several articles: yield one
            Document each (ids ``ID``, ``ID/1``, ``ID/2``, ...). Off: the
            lead article only (``article_count`` still tells how many).
        keep_empty: a page without an article is forwarded with an empty
            ``text`` and its ``article_warnings`` (why), instead of dropped.
        metadata_prefix: the prefix of the keys this step writes.
    """

    name = "🧹 boilerstrip"

    def __init__(
        self,
        options: Options | None = None,
        *,
        timeout: float = 5.0,
        removals: bool = False,
        all_articles: bool = True,
        keep_empty: bool = False,
        metadata_prefix: str = "article_",
    ):
        super().__init__(timeout)
        self.options = replace(options or Options(), keep_removed=removals)
        self.removals = removals
        self.all_articles = all_articles
        self.keep_empty = keep_empty
        self.metadata_prefix = metadata_prefix

    def extract(self, text: str) -> str:
        """The lead article's body (``BaseExtractor``'s API: text in, text out)."""
        articles, _ = clean_page(text, options=self.options)
        return articles[0].body if articles else ""

    def clean(self, job: Any) -> dict[str, Any] | Exception:
        """Runs in the sandbox's child process. ``job`` is ``{"page",
        "url", "charset"}`` (or the sandbox's warm-up text); returns the
        articles' fields and the page's warnings, or the exception (which
        the sandbox raises in the parent: a ``clean_error``)."""
        if not isinstance(job, dict):
            job = {"page": job}
        try:
            articles, warnings = clean_page(
                job["page"], url=job.get("url"), options=self.options, charset=job.get("charset")
            )
        except Exception as error:  # sent back: counted as clean_error, the child lives on
            return RuntimeError(f"{type(error).__name__}: {error}")
        return {"articles": [article_fields(article) for article in articles], "warnings": warnings}

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with ExtractorSandbox(timeout=self.timeout) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    job = {"page": doc.text, "url": _str(doc.metadata.get("url")), "charset": _str(doc.metadata.get("charset"))}
                    try:
                        result = sandbox.process_document(job, self.clean)
                        self.stat_update("extracted")
                    except TimeoutError:
                        self.stat_update("timeout")
                        logger.warning(f"⏰ Timeout while cleaning document {doc.id} with boilerstrip. Skipping it.")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        logger.warning("Process died unexpectedly, will create new process for next document")
                        continue
                    except Exception as error:
                        self.stat_update("clean_error")
                        if not self._warned_error:
                            logger.warning(
                                f'❌ Error "{error}" while cleaning document {doc.id} with boilerstrip. '
                                "Skipping it. This message will only appear once."
                            )
                            self._warned_error = True
                        continue
                yield from self._documents(doc, result)

    def _documents(self, doc: Document, result: dict[str, Any]) -> DocumentsPipeline:
        """The article Documents of ``doc`` (counted forwarded or dropped)."""
        articles = result["articles"]
        if not articles:
            if self.keep_empty:
                doc.text = ""
                doc.metadata.update(self._metadata({"warnings": result["warnings"]}, 0, 0))
                self.stat_update(StatHints.forwarded)
                yield doc
            else:
                self.stat_update(StatHints.dropped)
            return
        chosen = articles if self.all_articles else articles[:1]
        for index, fields in enumerate(chosen):
            out = doc if index == 0 else Document(text="", id=f"{doc.id}/{index}", metadata=dict(doc.metadata))
            out.text = fields["body"]
            out.metadata.update(self._metadata(fields, index, len(articles)))
            if out.text or self.keep_empty:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(out)
                yield out
            else:
                self.stat_update(StatHints.dropped)

    def _metadata(self, fields: dict[str, Any], index: int, count: int) -> dict[str, Any]:
        values = {name: fields.get(name) for name in METADATA_FIELDS}
        for name in ("subtitles", "authors", "captions", "warnings"):
            values[name] = values[name] or []
        values["index"], values["count"] = index, count
        if self.removals:
            values["removed"] = fields.get("removed", [])
        return {self.metadata_prefix + name: value for name, value in values.items()}


class WarcPageReader(BaseDiskReader):
    """WARC files as the command line reads them, for ``BoilerstripStep``.

    One Document per page record (a 2xx ``response`` with an HTML or text
    ``Content-Type``, see :func:`boilerstrip.warc.iter_records`): ``text``
    is the raw HTTP body (bytes), ``id`` the WARC-Record-ID, and
    ``metadata`` holds ``url``, ``date`` (WARC-Date), ``charset`` (from the
    HTTP ``Content-Type``, which ``BoilerstripStep`` passes on as the
    declared charset) and ``offset``. Unlike datatrove's ``WarcReader`` it
    neither decodes the body itself nor sniffs types with libmagic. Other
    records are counted as ``skipped``, unreadable ones as ``bad_record``
    (with a warning). Put ``BoilerstripStep`` right after it: the text is
    bytes until then.

    Takes ``BaseDiskReader``'s arguments (``data_folder``, ``glob_pattern``,
    ``limit``, ...) and ``max_bytes``, the largest body read (larger ones are
    bad records).
    """

    name = "🕷 WARC pages (boilerstrip)"
    _requires_dependencies = ["warcio"]

    def __init__(self, data_folder, *args, max_bytes: int = 50 * 1024 * 1024, **kwargs):
        super().__init__(data_folder, *args, **kwargs)
        self.max_bytes = max_bytes

    def read_file(self, filepath: str):
        # warcio reads .warc.gz itself, a gzip member per record
        with self.data_folder.open(filepath, "rb", compression=None) as stream:
            for record in iter_records(stream, max_bytes=self.max_bytes):
                if record.kind == "skip":
                    self.stat_update("skipped")
                    continue
                if record.kind == "error":
                    self.stat_update("bad_record")
                    logger.warning(f"{filepath} at byte {record.offset}: {record.reason}")
                    continue
                with self.track_time():
                    metadata = {"url": record.url, "date": record.date, "charset": record.charset, "offset": record.offset}
                    data = {"text": record.payload, "id": record.record_id or f"{filepath}/{record.offset}", "metadata": metadata}
                    document = self.get_document_from_dict(data, filepath, record.offset)
                if document:
                    yield document


def parquet_schema(reader_fields: dict[str, Any] | None = None, *, removals: bool = False, metadata_prefix: str = "article_"):
    """The ``pyarrow`` schema of the Documents this step yields, for
    ``ParquetWriter(..., schema=parquet_schema())``: ``text``, ``id`` and a
    ``metadata`` struct of ``reader_fields`` (name -> pyarrow type; default
    ``WarcReader``'s ``url``, ``date`` and ``file_path``) and this step's keys.
    """
    import pyarrow as pa

    strings = pa.list_(pa.string())
    types = {
        "title": pa.string(), "subtitles": strings, "date": pa.string(), "source": pa.string(),
        "editor": pa.string(), "authors": strings, "captions": strings, "confidence": pa.float64(),
        "warnings": strings, "index": pa.int32(), "count": pa.int32(),
    }
    if removals:
        types["removed"] = pa.list_(pa.struct([("text", pa.string()), ("detector", pa.string()), ("line", pa.int32())]))
    if reader_fields is None:
        reader_fields = {"url": pa.string(), "date": pa.string(), "file_path": pa.string()}
    fields = [pa.field(name, kind) for name, kind in reader_fields.items()]
    fields += [pa.field(metadata_prefix + name, kind) for name, kind in types.items()]
    return pa.schema([("text", pa.string()), ("id", pa.string()), ("metadata", pa.struct(fields))])


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
