"""Is a text markup (HTML) or plain text?

Markup is recognised wherever it starts: after a byte-order mark, an XML
prologue, comments or a doctype; without ``<html>`` (a fragment such as
``<div>…<p>…</p>``); inside a crawler's wrapper element
(``<text id=… encoding="gb2312">`` around the page). Plain text that merely
mentions a tag (``<p>`` in an article about web pages, ``当 x<a 时``) stays
text, so that every character of it is conserved.

Only well-formed tags count: ``<`` and an ASCII name, then attributes that
are ASCII names with optional values (quoted or not), then ``>``. The scan
is linear: the pattern's runs are bounded and cannot backtrack into each
other.
"""
from __future__ import annotations

import re

from .markup import HTML_ELEMENTS, mend_broken_markup

#: How much of a text is looked at.
WINDOW = 65_536
#: Text that does not open with markup is markup when it holds at least this
#: many well-formed HTML tags, this many of them end tags...
MIN_TAGS = 5
MIN_END_TAGS = 2
#: ... at least one tag per this many characters.
MAX_CHARS_PER_TAG = 400

#: Where a broken byte may have hidden that a text is markup.
BROKEN_WINDOW = 4096
#: Elements that only open a document, never a fragment of text.
_DOCUMENT_ELEMENTS = frozenset("html head body meta title link base script style frameset".split())

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?=[\s/>])([^<>]{0,1000})>")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
#: Attributes in plain ASCII (the common case), checked in one match.
_ASCII_ATTRIBUTES = re.compile(r"(?:[\s/][\s\w:.@=/-]*)?", re.ASCII)
#: One token of an attribute list: space, ``/``, a name, ``=value``.
_ATTRIBUTE_TOKEN = re.compile(r"\s+|/|[A-Za-z_:@][A-Za-z0-9_:.@-]*|=\s*[^\s\"'=<>`]*")
_SPACE = " \t\n\r\f\ufeff"


def is_markup(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than text;
    also when it is once the markup characters invalid bytes took are read
    back (``<\ufffdtml><head>``)."""
    head = text[:WINDOW]
    if _is_markup(head):
        return True
    if "\ufffd" not in head[:BROKEN_WINDOW]:
        return False
    mended = mend_broken_markup(head, [])
    return mended != head and _is_markup(mended)


def _is_markup(head: str) -> bool:
    start, prologue = _skip_prologue(head)
    first = _TAG.match(head, start)
    if first and _well_formed(first):
        if prologue or not first.group(1) and first.group(2).lower() in _DOCUMENT_ELEMENTS:
            return True
        return not first.group(1) and any(tag.group(1) for tag in _tags(head, first.end()))
    if prologue == "doctype":
        return True
    tags = ends = 0
    needed = (len(head) - start) / MAX_CHARS_PER_TAG
    for tag in _tags(head, start):
        if tag.group(2).lower() in HTML_ELEMENTS:
            tags += 1
            ends += bool(tag.group(1))
            if tags >= MIN_TAGS and ends >= MIN_END_TAGS and tags >= needed:
                return True
    return False


def _tags(text: str, start: int):
    """The well-formed tags of ``text`` from ``start``."""
    for tag in _TAG.finditer(text, start):
        if _well_formed(tag):
            yield tag


def _well_formed(tag: re.Match) -> bool:
    rest = tag.group(3)
    if tag.group(1):
        return not rest.strip()
    if '"' in rest or "'" in rest:
        rest = _QUOTED.sub("", rest)
    if _ASCII_ATTRIBUTES.fullmatch(rest):
        return True
    # Unquoted values in other scripts (``<font face=宋体>``), token by token.
    if rest[0] not in _SPACE + "/":
        return False
    pos = 0
    while pos < len(rest):
        token = _ATTRIBUTE_TOKEN.match(rest, pos)
        if token is None:
            return False
        pos = token.end()
    return True


def _skip_prologue(text: str) -> tuple[int, str]:
    """Where the content starts after white space, byte-order marks, XML
    declarations and processing instructions, comments and doctypes; and the
    strongest of those seen (``doctype``, ``xml`` or ``""``)."""
    pos, seen = 0, ""
    while True:
        while pos < len(text) and text[pos] in _SPACE:
            pos += 1
        if text.startswith("<?", pos):
            end = text.find(">", pos)
            seen = seen or ("xml" if text[pos : pos + 5].lower() == "<?xml" else "")
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            end = end + 2 if end >= 0 else -1
        elif text[pos : pos + 9].lower() == "<!doctype":
            end = text.find(">", pos)
            seen = "doctype"
        else:
            return pos, seen
        if end < 0:
            return pos, seen
        pos = end + 1
