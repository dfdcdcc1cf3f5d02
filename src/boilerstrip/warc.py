"""WARC files in: every HTTP response cleaned, one JSON line per record.

  python -m boilerstrip crawl.warc.gz [more.warc ...] -o OUT_DIR

Reading (:func:`iter_records`, also used by the Spark and Ray recipes of
docs/engines.md) goes through warcio (``pip install 'boilerstrip[warc]'``).
Each ``response`` record with an HTTP status 2xx and an HTML or text
``Content-Type`` (or none) is a page: its body (de-chunked and decompressed)
is cleaned with the ``charset`` of its HTTP ``Content-Type`` as the declared
one. Other records (``request``, ``metadata``, ``warcinfo``, redirects, images,
``dns:`` responses) are skipped and counted. A record that cannot be read
(an unparsable HTTP head, a body over ``--max-bytes``, a broken archive) is
an error.

The run (:func:`run`) writes, for ``crawl.warc.gz``:

- ``OUT_DIR/crawl.warc.gz.jsonl``: one line per page record, in archive order,
  ``{"url", "record_id", "warc_date", "offset", "articles": [...],
  "warnings": [...]}`` (``articles`` as ``clean_articles()`` gives them,
  each with ``confidence``; ``warnings`` says why there is none);
- ``OUT_DIR/errors.jsonl``: ``{"file", "offset", "record_id", "url",
  "error"}`` per bad record (and per WARC file that cannot be opened) of
  every input, removed when there is none.

Records are cleaned by worker processes (``--workers``), each killed and
replaced when a record takes longer than ``--timeout``; results are written
in archive order. Resuming: while a WARC is in progress its output and
errors grow in ``OUT_DIR/.boilerstrip-warc/`` beside a checkpoint (records
done, bytes written), updated every second. A killed run is re-run with the
same command: the files are cut back to the checkpoint, the records done are
skipped (read, not cleaned), and the output is byte for byte that of an
uninterrupted run. A finished WARC's output is renamed into place; a re-run
skips it while it is newer than the WARC (``--force`` redoes it).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from email.message import Message
from pathlib import Path
from typing import IO, Any, BinaryIO

from . import __version__
from .integrations.core import article_fields, clean_page
from .options import Options

try:
    import fcntl
except ImportError:  # Windows: concurrent runs into one folder are not detected.
    fcntl = None

WARC_SUFFIXES = (".warc", ".warc.gz")
STATE_NAME = ".boilerstrip-warc"
ERRORS_NAME = "errors.jsonl"
#: Content types cleaned as pages (a record without one is tried too).
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
#: Seconds between checkpoints: the work a kill can cost.
CHECKPOINT_EVERY = 1.0
#: Records cleaned ahead of the one being written, per worker.
WINDOW_PER_WORKER = 16
_MAX_MESSAGE = 300


def is_warc(path: Path | str) -> bool:
    """True for ``*.warc`` and ``*.warc.gz`` (any case)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def _install_hint() -> str:
    return "reading WARC files needs warcio and pebble: pip install 'boilerstrip[warc]'"


# 1. Reading records ------------------------------------------------------------


@dataclass(frozen=True)
class WarcRecord:
    """One WARC record, classified.

    ``kind`` is ``"page"`` (``payload`` is the HTTP body to clean,
    ``charset`` its declared charset), ``"skip"`` (``reason`` says why) or
    ``"error"`` (``reason`` is the error). ``offset`` is the record's byte
    offset in the file (in the compressed file for ``.warc.gz``).
    """

    kind: str
    offset: int | None = None
    record_id: str | None = None
    url: str | None = None
    date: str | None = None
    payload: bytes = b""
    charset: str | None = None
    reason: str | None = None


def iter_records(stream: BinaryIO, *, max_bytes: int = 50 * 1024 * 1024) -> Iterator[WarcRecord]:
    """Every record of the WARC ``stream`` (plain or gzipped), in order.

    Never raises for bad data: a record that cannot be read is an
    ``"error"`` record, and an archive that breaks off ends with one.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as error:
        raise ImportError(_install_hint()) from error
    records = ArchiveIterator(stream, no_record_parse=True)
    end = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
            yield WarcRecord("error", offset=end, reason=_short(f"the archive cannot be read from here on: {error}"))
            return
        item = _classify(record, max_bytes)
        try:
            offset, length = records.get_record_offset(), records.get_record_length()
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
            yield WarcRecord("error", offset=end, reason=_short(f"the archive cannot be read from here on: {error}"))
            return
        end = offset + length
        yield replace(item, offset=offset)


def pages(path: str | Path, *, max_bytes: int = 50 * 1024 * 1024) -> Iterator[dict[str, Any]]:
    """The page records of the WARC file at ``path`` as rows:
    ``{"url", "record_id", "warc_date", "offset", "html" (bytes), "charset"}``.

    For dataframe engines (docs/engines.md): feed the rows to
    ``clean_frame(..., column="html", url_column="url", charset_column="charset")``.
    """
    with open(path, "rb") as stream:
        for record in iter_records(stream, max_bytes=max_bytes):
            if record.kind == "page":
                yield {
                    "url": record.url, "record_id": record.record_id, "warc_date": record.date,
                    "offset": record.offset, "html": record.payload, "charset": record.charset,
                }


def _classify(record, max_bytes: int) -> WarcRecord:
    """A warcio record as a :class:`WarcRecord` (without its offset)."""
    from warcio.statusandheaders import StatusAndHeadersParser

    head = record.rec_headers
    meta = {"record_id": head.get_header("WARC-Record-ID"), "url": head.get_header("WARC-Target-URI"), "date": head.get_header("WARC-Date")}
    if record.rec_type != "response":
        return WarcRecord("skip", reason=str(record.rec_type), **meta)
    if not (meta["url"] or "").lower().startswith(("http:", "https:")):
        scheme = (meta["url"] or "").partition(":")[0] or "no"
        return WarcRecord("skip", reason=f"{scheme} response (not HTTP)", **meta)
    try:
        record.http_headers = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1", "HTTP/2", "HTTP/2.0"]).parse(record.raw_stream)
    except Exception as error:  # warcio's parser raises several kinds
        return WarcRecord("error", reason=_short(f"unparsable HTTP response head: {type(error).__name__}: {error}"), **meta)
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return WarcRecord("skip", reason=f"HTTP status {status[:1] or '?'}xx", **meta)
    content_type = Message()
    content_type["Content-Type"] = record.http_headers.get_header("Content-Type") or ""
    mime = content_type.get_content_type() if content_type["Content-Type"] else None
    if mime is not None and mime not in PAGE_TYPES:
        return WarcRecord("skip", reason=f"not a page ({mime})", **meta)
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except Exception as error:  # a broken chunked or compressed body
        return WarcRecord("error", reason=_short(f"cannot read the HTTP body: {type(error).__name__}: {error}"), **meta)
    if len(payload) > max_bytes:
        return WarcRecord("error", reason=f"the HTTP body is over the limit of {_size(max_bytes)} (--max-bytes)", **meta)
    return WarcRecord("page", payload=payload, charset=content_type.get_param("charset") or None, **meta)


def _short(message: str) -> str:
    message = " ".join(str(message).split())
    return message if len(message) <= _MAX_MESSAGE else message[: _MAX_MESSAGE - 1] + "…"


def _size(size: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size} bytes"


# 2. Cleaning a record (in a worker) ------------------------------------------------


def record_line(record: WarcRecord, options: Options | None = None) -> tuple[str, int]:
    """The output line of a page record, and its number of articles."""
    articles, warnings = clean_page(record.payload, url=record.url, options=options, charset=record.charset)
    line = {
        "url": record.url, "record_id": record.record_id, "warc_date": record.date, "offset": record.offset,
        "articles": [article_fields(article, options) for article in articles], "warnings": warnings,
    }
    return json.dumps(line, ensure_ascii=False) + "\n", len(articles)


def _error_line(name: str, record: WarcRecord, error: str) -> str:
    line = {"file": name, "offset": record.offset, "record_id": record.record_id, "url": record.url, "error": error}
    return json.dumps(line, ensure_ascii=False) + "\n"


# 3. The run -----------------------------------------------------------------------


@dataclass
class Summary:
    """What a run did, for the closing report."""

    files: int = 0
    up_to_date: int = 0
    records: int = 0
    resumed: int = 0
    pages: int = 0
    articles: int = 0
    errors: int = 0
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    #: ``errors.jsonl`` lists bad records (of this run or of a finished WARC).
    failed: bool = False

    def report(self, output: Path) -> str:
        rate = self.pages / self.seconds if self.seconds else 0.0
        lines = [
            f"{_count(self.files, 'WARC file')}: {_count(self.records, 'record')} read, {self.pages:,} pages cleaned "
            f"({_count(self.articles, 'article')}), {_count(self.errors, 'error')} in {self.seconds:.1f} s ({rate:.1f} pages/s)"
        ]
        if self.up_to_date or self.resumed:
            lines.append(f"{self.up_to_date:,} up to date, {_count(self.resumed, 'record')} done by an earlier run")
        if self.skipped:
            reasons = ", ".join(f"{count:,} {reason}" for reason, count in self.skipped.most_common())
            lines.append(f"skipped {_count(sum(self.skipped.values()), 'record')} (not pages): {reasons}")
        if self.failed:
            lines.append(f"bad records are listed in {output / ERRORS_NAME}")
        return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@dataclass(frozen=True)
class RunOptions:
    """Everything a WARC run needs besides its inputs."""

    output: Path
    workers: int = 1
    timeout: float = 30.0
    max_bytes: int = 50 * 1024 * 1024
    force: bool = False
    options: Options = field(default_factory=Options)


class RunError(Exception):
    """The run cannot start (the output folder is unusable or in use)."""


def run(inputs: list[Path], settings: RunOptions, on_record: Callable[[], None] | None = None) -> Summary:
    """Clean every WARC in ``inputs`` into ``settings.output`` (resuming
    where a killed run stopped). ``on_record`` is called per record written."""
    summary = Summary()
    started = time.monotonic()
    with _state_folder(settings.output) as state, _Pool(settings) as pool:
        file_errors: dict[str, str] = {}
        for path in inputs:
            summary.files += 1
            error = _Warc(path, settings, state).process(pool, summary, on_record)
            if error is not None:
                file_errors[path.name] = error
        summary.failed = _publish_errors(inputs, settings.output, state, file_errors)
    summary.seconds = time.monotonic() - started
    return summary


@contextmanager
def _state_folder(output: Path) -> Iterator[Path]:
    """``OUT_DIR/.boilerstrip-warc``, locked against a second run."""
    state = output / STATE_NAME
    try:
        state.mkdir(parents=True, exist_ok=True)
        lock = open(state / "lock", "w")
    except OSError as error:
        raise RunError(f"cannot write to output folder {output}: {error.strerror or error}") from None
    with lock:
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RunError(f"another boilerstrip run is writing to {output}") from None
        for leftover in state.glob("*.tmp"):
            leftover.unlink(missing_ok=True)
        yield state


def _publish_errors(inputs: list[Path], output: Path, state: Path, file_errors: dict[str, str]) -> bool:
    """``errors.jsonl``: the bad records of every input, in input order
    (also those of inputs up to date); True when there are any."""
    temporary = state / f"{ERRORS_NAME}.tmp"
    with open(temporary, "w", encoding="utf-8") as sink:
        for path in inputs:
            if path.name in file_errors:
                sink.write(json.dumps({"file": path.name, "error": file_errors[path.name]}, ensure_ascii=False) + "\n")
                continue
            done = state / f"{path.name}.errors.jsonl"
            if done.exists():
                with open(done, encoding="utf-8") as source:
                    shutil.copyfileobj(source, sink)
    if temporary.stat().st_size:
        os.replace(temporary, output / ERRORS_NAME)
        return True
    temporary.unlink()
    (output / ERRORS_NAME).unlink(missing_ok=True)
    return False


class _Warc:
    """One WARC input: its output, its errors and its checkpoint."""

    def __init__(self, path: Path, settings: RunOptions, state: Path):
        self.path, self.settings, self.name = path, settings, path.name
        self.final = settings.output / f"{self.name}.jsonl"
        self.done_errors = state / f"{self.name}.errors.jsonl"
        self.partial = state / f"{self.name}.jsonl.partial"
        self.partial_errors = state / f"{self.name}.errors.partial"
        self.checkpoint = state / f"{self.name}.checkpoint.json"

    def process(self, pool: _Pool, summary: Summary, on_record) -> str | None:
        """Clean the WARC (or skip it when up to date); an error message
        when the file cannot be read at all."""
        try:
            stat = self.path.stat()
            stream = open(self.path, "rb")
        except OSError as error:
            return f"cannot read file: {error.strerror or error}"
        with stream:
            if not self.settings.force and self._up_to_date(stat):
                summary.up_to_date += 1
                return None
            self.done_errors.unlink(missing_ok=True)
            identity = {
                "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "max_bytes": self.settings.max_bytes,
                "options": repr(self.settings.options), "version": __version__,
            }
            # --force starts afresh, also from a killed run's checkpoint.
            done, out_bytes, err_bytes = (0, 0, 0) if self.settings.force else self._resume_point(identity)
            with open(self.partial, "r+b" if out_bytes else "wb") as out, open(self.partial_errors, "r+b" if err_bytes else "wb") as errors:
                out.truncate(out_bytes)
                errors.truncate(err_bytes)
                out.seek(out_bytes)
                errors.seek(err_bytes)
                summary.resumed += done
                self._clean(stream, done, out, errors, identity, pool, summary, on_record)
            os.replace(self.partial_errors, self.done_errors)
            os.replace(self.partial, self.final)
            self.checkpoint.unlink(missing_ok=True)
        return None

    def _up_to_date(self, stat: os.stat_result) -> bool:
        try:
            return self.done_errors.exists() and self.final.stat().st_mtime_ns > stat.st_mtime_ns
        except OSError:
            return False

    def _resume_point(self, identity: dict) -> tuple[int, int, int]:
        """Records done and bytes written by a killed run of the same WARC
        with the same settings; zeros to start afresh."""
        try:
            point = json.loads(self.checkpoint.read_text(encoding="utf-8"))
            if point["identity"] == identity and self.partial.stat().st_size >= point["output_bytes"] and self.partial_errors.stat().st_size >= point["error_bytes"]:
                return point["records"], point["output_bytes"], point["error_bytes"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
        return 0, 0, 0

    def _save(self, identity: dict, records: int, out: IO[bytes], errors: IO[bytes]) -> None:
        out.flush()
        errors.flush()
        point = {"identity": identity, "records": records, "output_bytes": out.tell(), "error_bytes": errors.tell()}
        temporary = self.checkpoint.with_suffix(".tmp")
        temporary.write_text(json.dumps(point), encoding="utf-8")
        os.replace(temporary, self.checkpoint)

    def _clean(self, stream, done: int, out, errors, identity, pool: _Pool, summary: Summary, on_record) -> None:
        records = iter_records(stream, max_bytes=self.settings.max_bytes)
        for _ in range(done):  # done by the killed run: read past them
            next(records, None)
        number = done
        saved = time.monotonic()
        for record, result in pool.map(records):
            number += 1
            summary.records += 1
            if record.kind == "skip":
                summary.skipped[record.reason] += 1
            elif record.kind == "error" or isinstance(result, str):
                summary.errors += 1
                errors.write(_error_line(self.name, record, record.reason if record.kind == "error" else result).encode("utf-8"))
            else:
                line, articles = result
                summary.pages += 1
                summary.articles += articles
                out.write(line.encode("utf-8"))
            if on_record is not None:
                on_record()
            if time.monotonic() - saved >= CHECKPOINT_EVERY:
                self._save(identity, number, out, errors)
                saved = time.monotonic()
        out.flush()
        errors.flush()


def _clean_in_worker(record: WarcRecord, options: Options) -> tuple[str, int] | str:
    """A worker's job: the record's line, or the error message of a failure."""
    try:
        return record_line(record, options)
    except Exception as error:  # a bug in boilerstrip must not stop the run
        return f"cleaning failed: {type(error).__name__}: {error}"


class _Pool:
    """Worker processes (pebble) that clean page records with a timeout.

    :meth:`map` yields ``(record, result)`` in archive order, keeping at most
    ``workers * WINDOW_PER_WORKER`` records in flight, so memory stays flat.
    A result is ``(line, articles)``, an error message, or ``None`` for a
    record that needs no cleaning.
    """

    def __init__(self, settings: RunOptions):
        try:
            from pebble import ProcessPool
        except ImportError as error:
            raise ImportError(_install_hint()) from error
        self._settings = settings
        self._pool = ProcessPool(max_workers=settings.workers, context=_context())
        self._window = settings.workers * WINDOW_PER_WORKER

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, exc_type, *_) -> None:
        if exc_type is None:
            self._pool.close()
        else:
            self._pool.stop()
        self._pool.join()

    def map(self, records: Iterable[WarcRecord]) -> Iterator[tuple[WarcRecord, Any]]:
        pending: deque = deque()
        for record in records:
            future = None
            if record.kind == "page":
                future = self._pool.schedule(_clean_in_worker, (record, self._settings.options), timeout=self._settings.timeout)
            pending.append((record, future))
            while len(pending) >= self._window or (pending and (pending[0][1] is None or pending[0][1].done())):
                yield self._result(*pending.popleft())
        while pending:
            yield self._result(*pending.popleft())

    def _result(self, record: WarcRecord, future) -> tuple[WarcRecord, Any]:
        if future is None:
            return record, None
        from pebble import ProcessExpired

        try:
            return record, future.result()
        except FutureTimeout:
            return record, f"cleaning took longer than {self._settings.timeout:g} s (--timeout)"
        except ProcessExpired as error:
            return record, f"the worker process died while cleaning (exit code {error.exitcode})"
        except Exception as error:
            return record, f"cleaning failed: {type(error).__name__}: {error}"


def _context():
    """Forkserver where there is one (workers start from a process that has
    already imported boilerstrip), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["boilerstrip.warc"])
        return context
    return multiprocessing.get_context("spawn")


# 4. The command line ----------------------------------------------------------------


def warc_command(args: argparse.Namespace, parser: argparse.ArgumentParser, options: Options) -> int:
    """``python -m boilerstrip X.warc.gz ... -o OUT_DIR``: called by the CLI
    when an input is a WARC file, with the ``Options`` its flags made
    (``--no-removed``, ``--no-captions``, ``--rules``). Returns the exit code:
    0 all good, 1 some records failed (``errors.jsonl`` lists them), 2 usage
    error, 3 stopped (the output folder is full or gone: re-run to finish),
    130 interrupted."""
    inputs = [Path(name) for name in args.inputs]
    others = [str(path) for path in inputs if not is_warc(path)]
    if others:
        parser.error(f"WARC files and other inputs cannot be mixed in one run: {', '.join(others)}")
    if args.output is None:
        parser.error("give the output folder: -o OUT_DIR (a WARC run writes OUT_DIR/<name>.jsonl)")
    if args.jsonl is not None or args.format != "json":
        parser.error("--jsonl and --format do not apply to WARC input: OUT_DIR/<name>.jsonl has one JSON line per record")
    if getattr(args, "url", None) is not None:
        parser.error("--url does not apply to WARC input: each record has its own URL")
    if args.output.exists() and not args.output.is_dir():
        parser.error(f"output {args.output} is not a folder")
    names: dict[str, Path] = {}
    for path in inputs:
        if not path.is_file():
            parser.error(f"no such file: {path}")
        other = names.setdefault(path.name, path)
        if other is not path:
            parser.error(f"inputs {other} and {path} would both be written to {args.output / (path.name + '.jsonl')}")
    settings = RunOptions(
        output=args.output, workers=args.workers, timeout=args.timeout, max_bytes=args.max_bytes,
        force=args.force, options=options,
    )
    from tqdm import tqdm

    progress = tqdm(unit="record", file=sys.stderr, dynamic_ncols=True, disable=not sys.stderr.isatty())
    try:
        summary = run(inputs, settings, on_record=progress.update)
    except (ImportError, RunError) as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    except OSError as error:  # the output folder filled up or went away
        parser.exit(
            3, f"{parser.prog}: stopped: cannot write to {args.output}: {error.strerror or error}. "
            "Make room and re-run the same command to finish.\n",
        )
    finally:
        progress.close()
    print(summary.report(args.output), file=sys.stderr)
    return 1 if summary.failed else 0
