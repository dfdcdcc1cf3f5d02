"""A page's result as JSON, readable text or Markdown.

A page's *document* is ``{"file": ..., "articles": [...], "warnings": [...]}``
(``articles`` being :meth:`Article.to_dict` shaped by :class:`Options`:
``removed`` is left out when ``keep_removed`` is off, ``captions`` when
``keep_captions`` is off). The batch writes one per page; the command line
prints one for a single page.

>>> from boilerstrip import Article
>>> print(render(page_document("a.txt", [Article(title="标题", body="第一段。")], []), "markdown"), end="")
# 标题
<BLANKLINE>
第一段。
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .article import Article
from .options import Options

FORMATS = ("json", "txt", "markdown")
#: The file name suffix of each format's output.
SUFFIXES = {"json": ".json", "txt": ".txt", "markdown": ".md"}
TEXT_SEPARATOR = "\n\n" + "=" * 40 + "\n\n"
MARKDOWN_SEPARATOR = "\n\n* * *\n\n"
METADATA = ("source", "date", "editor", "authors")


def article_dict(article: Article, options: Options | None = None) -> dict[str, Any]:
    """``article.to_dict()`` without the fields ``options`` leaves out."""
    fields = article.to_dict()
    if options is not None and not options.keep_removed:
        del fields["removed"]
    if options is not None and not options.keep_captions:
        del fields["captions"]
    return fields


def page_document(file: str, articles: Iterable[Article], warnings: Iterable[str], options: Options | None = None) -> dict[str, Any]:
    """The document of one page: its name, its articles, and (when there is
    no article) the warnings saying why."""
    return {"file": file, "articles": [article_dict(a, options) for a in articles], "warnings": list(warnings)}


def document_chunks(
    file: str, articles: Sequence[Article], warnings: Iterable[str], options: Options | None, output_format: str
) -> Iterator[bytes]:
    """The encoded output of one page, as :func:`render` of its
    :func:`page_document` gives it, in pieces: in JSON the removed pieces
    are serialized a thousand at a time, never all held as dicts (a 50 MB
    page has a million of them)."""
    if output_format != "json" or not articles or (options is not None and not options.keep_removed):
        yield encode(render(page_document(file, articles, warnings, options), output_format))
        return
    yield encode('{"file": ' + _dumps(file) + ', "articles": [')
    for k, article in enumerate(articles):
        fields = article.to_dict(removed=False)
        if options is not None and not options.keep_captions:
            del fields["captions"]
        head = _dumps(fields)
        yield encode((", " if k else "") + head[:-1] + ', "removed": [')
        batch: list[str] = []
        first = True
        for piece in article.removed:
            batch.append(_dumps(piece.to_dict()))
            if len(batch) == _BATCH:
                yield encode(("" if first else ", ") + ", ".join(batch))
                batch, first = [], False
        if batch:
            yield encode(("" if first else ", ") + ", ".join(batch))
        yield encode("]}")
    yield encode('], "warnings": ' + _dumps(list(warnings)) + "}\n")


# Removed pieces serialized at a time.
_BATCH = 1000


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def render(document: dict[str, Any], output_format: str) -> str:
    """``document`` as ``json`` (one compact line), ``txt`` or ``markdown``."""
    if output_format == "json":
        # Compact: indenting would take json's pure-Python path, 4x slower.
        return _dumps(document) + "\n"
    if output_format == "txt":
        if not document["articles"]:
            return "\n".join(["(no article)", *document["warnings"]]) + "\n"
        return TEXT_SEPARATOR.join(article_text(a) for a in document["articles"]) + "\n"
    if output_format == "markdown":
        if not document["articles"]:
            return "\n".join(["*(no article)*", "", *(f"- {escape_markdown(w)}" for w in document["warnings"])]) + "\n"
        return MARKDOWN_SEPARATOR.join(article_markdown(a) for a in document["articles"]) + "\n"
    raise ValueError(f"unknown format {output_format!r}; one of {', '.join(FORMATS)}")


def encode(text: str) -> bytes:
    """UTF-8 bytes of rendered ``text``. A file name that is not UTF-8 is
    held as surrogate escapes (as ``os.fsdecode`` gives it); in JSON these
    become ``\\udcXX`` escapes, which ``json.loads`` reads back and
    ``os.fsencode`` turns into the original bytes."""
    return text.encode("utf-8", errors="backslashreplace")


def jsonl_records(document: dict[str, Any]) -> str:
    """One JSON line per article of ``document``, with ``file`` and ``index``."""
    return "".join(
        _dumps({"file": document["file"], "index": index, **article}) + "\n"
        for index, article in enumerate(document["articles"])
    )


def _metadata(article: dict[str, Any]) -> list[tuple[str, str]]:
    values = {**article, "authors": "、".join(article["authors"])}
    return [(name, values[name]) for name in METADATA if values[name]]


def article_text(article: dict[str, Any]) -> str:
    """An article as readable text: title and subtitles, metadata lines,
    body, then captions and warnings."""
    head = [article["title"] or "(no title)", *article["subtitles"]]
    meta = [f"{name}: {value}" for name, value in _metadata(article)]
    captions = article.get("captions") or []
    blocks = ["\n".join(head), "\n".join(meta), article["body"]]
    blocks += ["\n".join(["captions:", *(f"- {c}" for c in captions)])] if captions else []
    blocks += ["\n".join(["warnings:", *(f"- {w}" for w in article["warnings"])])] if article["warnings"] else []
    return "\n\n".join(block for block in blocks if block)


def article_markdown(article: dict[str, Any]) -> str:
    """An article as Markdown: ``# title``, ``## subtitle``, a metadata list
    (``- source: …``), the paragraphs, captions as quotes, warnings as a list."""
    blocks = [f"# {escape_markdown(article['title'] or '(no title)')}"]
    blocks += [f"## {escape_markdown(subtitle)}" for subtitle in article["subtitles"]]
    meta = [f"- {name}: {escape_markdown(value)}" for name, value in _metadata(article)]
    blocks += ["\n".join(meta)] if meta else []
    blocks += [escape_markdown(paragraph) for paragraph in article["body"].split("\n\n") if paragraph]
    blocks += [f"> {escape_markdown(caption)}" for caption in article.get("captions") or []]
    if article["warnings"]:
        blocks.append("\n".join(["warnings:", "", *(f"- {escape_markdown(w)}" for w in article["warnings"])]))
    return "\n\n".join(blocks)


# Characters with a meaning anywhere in a line (emphasis, code, links,
# HTML and entities, strikethrough, headings' closing #, tables).
_INLINE = re.compile(r"([\\`*_\[\]<>&~#|])")
# What opens a block at the start of a line: a list item, a setext underline.
_LINE_START = re.compile(r"^(?:([+\-=])|(\d{1,9})([.)]))")


def escape_markdown(text: str) -> str:
    """``text`` with a backslash before every character Markdown would read
    as markup, so it shows as written; lines lose their leading spaces and
    tabs (four would make a code block).

    >>> escape_markdown("1. 第一 *重要* <b>")
    '1\\\\. 第一 \\\\*重要\\\\* \\\\<b\\\\>'
    """
    lines = []
    for line in _INLINE.sub(r"\\\1", text).split("\n"):
        lines.append(_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line.lstrip(" \t")))
    return "\n".join(lines)
