"""HTML as text: parsing without network, and the visible text one block a line.

Only the markup side of step 2: :func:`parse_html` (markup -> lxml tree),
:func:`element_text` (an element's visible text, one block element a line,
as a text scraper would print it) and the fallbacks for pages too large or
too deep for a tree. Choosing the article is ``extract``'s work.
"""
from __future__ import annotations

import html as html_lib
import re

from lxml import etree, html

from .text import fold_spaces, text_lines

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot "
    "title tr ul caption center".split()
)
# Table cells stay on their row's line, separated by a space.
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset("script style noscript template svg iframe object embed head select textarea button".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

#: libxml2 stops nesting at this depth without huge-tree mode.
MAX_DEPTH = 255

_BULKY = re.compile(
    r"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<!--.*?-->|<svg\b.*?</svg\s*>"
    r"|\b(?:src|href)\s*=\s*[\"']data:[^\"']{200,}[\"']",
    re.I | re.S,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# ---------------------------------------------------------------- 1. parsing

def _parser() -> html.HTMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe to share.
    return html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        huge_tree=False, recover=True, default_doctype=False,
    )


def prepare_markup(markup: str, max_chars: int) -> tuple[str, list[str]]:
    """Control characters out (libxml2 refuses them) and markup over
    ``max_chars`` trimmed (scripts, styles, comments and inline data first,
    then the tail), with a warning."""
    warnings: list[str] = []
    if _CONTROL.search(markup):
        markup = _CONTROL.sub("", markup)
    if len(markup) > max_chars:
        size = len(markup)
        markup = _BULKY.sub(" ", markup)
        if len(markup) > max_chars:
            markup = markup[:max_chars]
            warnings.append(
                f"page is {size:,} characters; only the first {max_chars:,} were read"
            )
        else:
            warnings.append(f"page is {size:,} characters; scripts, styles and inline data were skipped")
    return markup, warnings


def parse_html(markup: str):
    """The document's root element, or None when nothing could be parsed.

    No network access, no DTD loading, no entity expansion beyond the HTML
    ones, no huge-tree mode (libxml2 caps depth and text-node size).
    """
    data = markup.encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        return html.document_fromstring(data, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def tree_depth(root) -> int:
    """How deep the tree nests (iterative: any depth)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest = depth
        stack.extend((child, depth + 1) for child in node)
    return deepest


# ---------------------------------------------------------------- 2. lines

def _hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def element_text(element, *, skip_hidden: bool = True) -> str:
    """The text of ``element``, one block a line (iterative: any depth).

    A line break in the markup's text is white space, as in a browser
    (``责任编辑：\n尹世杰`` is one line on screen); only block elements and
    ``<br>`` break lines, and ``<pre>`` keeps its own breaks.
    """
    chunks: list[str] = []
    # Stack of (element, entering, inside <pre>); on leaving we add the
    # closing break and tail.
    stack: list[tuple[object, bool, bool]] = [(element, True, False)]
    while stack:
        node, entering, pre = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if not entering:
            if tag in _BLOCK_TAGS:
                chunks.append("\n")
            elif tag in _CELL_TAGS:
                chunks.append(" ")
            if node is not element and node.tail:
                chunks.append(_fold(node.tail, pre))
            continue
        if tag in _SKIP_TAGS or not tag or (skip_hidden and tag != "html" and _hidden(node)):
            if node is not element and node.tail:
                chunks.append(_fold(node.tail, pre))
            continue
        if tag in _BLOCK_TAGS:
            chunks.append("\n")
        inner = pre or tag in _PRE_TAGS
        if node.text:
            chunks.append(_fold(node.text, inner))
        # The tail belongs to the parent's context.
        stack.append((node, False, pre))
        for child in reversed(node):
            stack.append((child, True, inner))
    return "".join(chunks)


_PRE_TAGS = frozenset(("pre", "listing", "plaintext", "xmp"))
_NEWLINES = re.compile(r"[\r\n]+")


def _fold(text: str, pre: bool) -> str:
    """Raw line breaks in text are spaces outside ``<pre>``."""
    return text if pre or "\n" not in text and "\r" not in text else _NEWLINES.sub(" ", text)


def html_to_text(markup: str, max_chars: int = 8_000_000) -> str:
    """All visible text of ``markup``, one block element a line (the
    ``<title>`` first)."""
    markup, _ = prepare_markup(markup, max_chars)
    root = parse_html(markup)
    if root is None:
        return ""
    return page_text(root)


def page_text(root) -> str:
    """All visible text of the parsed page, one block a line (the
    ``<title>`` first)."""
    title = root.findtext(".//title") or ""
    body = root.find("body")
    if body is None:
        body = root
    head = [fold_spaces(title)] if title.strip() else []
    return "\n".join(head + text_lines(element_text(body)))



_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK_TAGS | _CELL_TAGS)), re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def flat_text(markup: str) -> str:
    """The text of markup too deep for a tree: tags stripped by pattern,
    block tags as line breaks, HTML character references resolved."""
    markup = _BULKY.sub(" ", markup)
    markup = _BLOCK_TAG.sub("\n", markup)
    return "\n".join(text_lines(html_lib.unescape(_ANY_TAG.sub("", markup))))


