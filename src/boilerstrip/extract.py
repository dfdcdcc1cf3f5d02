"""Step 1b of the pipeline (HTML input only): the page's text, one block a line.

Block elements (paragraphs, headings, list items, table rows, ``<br>``) each
start a new line, so the later steps see the same line structure a text
scraper would give. Scripts, styles and comments are dropped.
"""
from __future__ import annotations

import re

from lxml import etree, html

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_TAG = re.compile(r"</?(?:p|div|br|span|a|table|td|tr|li|ul|h[1-6]|img|section|article)\b", re.I)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead "
    "title tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg iframe object embed head".split())


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than text."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


def html_to_text(markup: str) -> str:
    """All visible text of ``markup``, one block element a line."""
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False)
    try:
        root = html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    title = root.findtext(".//title") or ""
    body = root.find("body")
    chunks: list[str] = [title.strip(), "\n"] if title.strip() else []
    if body is not None:
        _walk(body, chunks)
    return "".join(chunks)


def _walk(element, chunks: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP_TAGS:
        if element.tail:
            chunks.append(element.tail)
        return
    block = tag in _BLOCK_TAGS
    if block:
        chunks.append("\n")
    if element.text and tag:
        chunks.append(element.text)
    for child in element:
        _walk(child, chunks)
    if block:
        chunks.append("\n")
    if element.tail:
        chunks.append(element.tail)
