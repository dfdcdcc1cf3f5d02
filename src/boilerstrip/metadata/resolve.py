"""One resolver for every metadata field, from text lines and from HTML.

Each field's value is the first :class:`Evidence` that passes its field's
validators, in the order of the sources (lower ``rank`` first):

====  =====================  ===============================================
rank  source                 what
====  =====================  ===============================================
0     ``line:metadata``      a metadata line (``来源:重庆日报 2024-07-11 10:01``)
1     ``line:byline``        a byline (``新重庆-重庆日报记者 杨帆 卢志民``)
2     ``line:account``       a self-media account's name under the title
3     ``line:credit``        a trailing credit (``(文/记者 杨帆 卢志民)``)
4     ``line:dateline``      a dateline lead (``重庆日报讯(记者杨帆卢志民)``)
10+   ``html:…``             the HTML page (``html_fields``): the byline
                             block, ``<meta>``, JSON-LD, classed elements
====  =====================  ===============================================

Two rules are not a plain "first wins":

* editors: the names of every metadata line add up (``编辑|张三 责编|李四``),
  other lines give names only when no earlier line did;
* an account name under the title is the outlet, not an author, when the
  lead paragraph opens with it (``IT之家9月30日消息…``);

and one refines: a source read from a text line that glued two elements
(``金融市场棱镜``: column + outlet) becomes the element the HTML marks as
the source (``html:source-element``) when that element's text is part of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..lines import Line

#: Rank of each kind of text line (lower is more trusted).
LINE_RANKS = {"metadata": 0, "byline": 1, "account": 2, "credit": 3, "dateline": 4}
#: Rank of the HTML's own sources: after every text line.
HTML_RANK = 10
FIELDS = ("source", "date", "editor", "authors")


@dataclass(frozen=True)
class Evidence:
    """A value for a field, where it was found and how far it is trusted."""

    field: str
    #: A string, or a tuple of names for ``authors``.
    value: str | tuple[str, ...]
    source: str
    rank: int
    #: The input line it was read from (text lines only).
    line: int | None = None


_DATELINE_WORDS = re.compile(r"\s*(?:\d{1,2}月\d{1,2}日)?\s*(?:消息|讯|訊|电|電|报道|報道)")


def names_outlet(name: str, lead: str) -> bool:
    """True when the lead paragraph opens with ``name`` as its dateline's
    outlet (``IT之家9月30日消息 据外媒报道，…``): an account of that name is
    the outlet, not an author."""
    return lead.startswith(name) and _DATELINE_WORDS.match(lead, len(name)) is not None


def line_evidence(lines: Iterable[Line]) -> list[Evidence]:
    """The evidence of an article's lines, from their fields (step 6)."""
    found = []
    for line in lines:
        fields = line.fields
        if fields is None:
            continue
        rank, source = LINE_RANKS[fields.kind], f"line:{fields.kind}"
        for name in FIELDS:
            value = getattr(fields, name)
            if value:
                found.append(Evidence(name, value, source, rank, line.number))
    return found


def resolve(evidence: Sequence[Evidence], lead: str = "") -> dict:
    """``{"source", "date", "editor", "authors"}`` from ``evidence``;
    ``lead`` is the article's first paragraph."""
    ordered = sorted(evidence, key=lambda e: e.rank)  # stable: document order within a rank
    result: dict = {"source": None, "date": None, "editor": None, "authors": ()}
    editors: list[str] = []
    from_lines = [e for e in ordered if e.rank < HTML_RANK]
    for item in from_lines:
        if item.field in ("source", "date"):
            result[item.field] = result[item.field] or item.value
        elif item.field == "editor":
            for name in item.value.split():
                if name not in editors and (not editors or item.source == "line:metadata"):
                    editors.append(name)
        elif item.source == "line:account" and names_outlet(item.value[0], lead):
            result["source"] = result["source"] or item.value[0]
        elif not result["authors"]:
            result["authors"] = tuple(item.value)
    result["editor"] = " ".join(editors) or None
    html = {e.field: e.value for e in ordered if e.rank >= HTML_RANK}
    slot = html.get("source-element")
    if result["source"] and slot and slot != result["source"] and slot in result["source"]:
        result["source"] = slot
    for name in FIELDS:
        if not result[name] and html.get(name):
            result[name] = tuple(html[name]) if name == "authors" else html[name]
    return result
