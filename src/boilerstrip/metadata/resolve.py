"""One resolver for every metadata field, from text lines and from HTML.

Each field's value is the first :class:`Evidence` that passes its field's
validators, in the order of the sources (lower ``rank`` first):

====  =====================  ===============================================
rank  source                 what
====  =====================  ===============================================
0     ``line:metadata``      a metadata line (``来源:重庆日报 2024-07-11 10:01``)
0     ``line:dated``         a date with a name beside it (``2018年12月28日 19:55 新京报``)
1     ``line:post``          a post's attribution (``由海姑娘张贴 @ 2005-06-14 03:25:55``):
                             the poster may be a user's handle
1     ``line:byline``        a byline (``新重庆-重庆日报记者 杨帆 卢志民``,
                             ``【聯合報╱記者古硯偉／台北報導】``)
2     ``line:account``       a self-media account's name under the title
2     ``line:name-outlet``   a name and an outlet, no label (``石佳/中国青年报``)
3     ``line:credit``        a trailing credit (``(文/记者 杨帆 卢志民)``)
3     ``line:bare``          names in brackets, no role word (``（姚峰 上海报道）``)
4     ``line:dateline``      a dateline lead (``重庆日报讯(记者杨帆卢志民)``,
                             ``（中央社記者王揚宇台北15日電）``, ``【明報專訊】``)
10+   ``html:…``             the HTML page (``html_fields``): the byline
                             block, ``<meta>``, JSON-LD, classed elements
====  =====================  ===============================================

Two rules are not a plain "first wins":

* editors: the names of every metadata line add up (``编辑|张三 责编|李四``),
  other lines give names only when no earlier line did; so do the names of
  bylines on consecutive lines (``本报实习生 刘国栋 周炜`` / ``本报记者 王燕平``);
* an account name under the title is the outlet, not an author, when the
  lead paragraph opens with it (``IT之家9月30日消息…``) or when it is a
  government's publishing account (``中国广州发布``);

and one refines: a source read from a line that glued two elements
(``金融市场棱镜``: column + outlet) becomes the element the HTML marks as
the source (``html:source-element``) when that element's text is part of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..lines import Line
from .validators import official_account, outlet_shaped, valid_editor, valid_names, valid_outlet, valid_person

#: Rank of each kind of text line (lower is more trusted).
LINE_RANKS = {
    "metadata": 0, "dated": 0, "post": 1, "byline": 1, "account": 2, "name-outlet": 2,
    "credit": 3, "bare": 3, "name": 3, "dateline": 4,
}
#: Sources that name an outlet without a 来源 label: the value must also
#: be shaped like an outlet's name (``validators.outlet_shaped``).
UNLABELLED_SOURCES = frozenset({"line:dated", "line:byline", "line:dateline", "line:name-outlet"})
#: Sources of an author that may be a user's handle (``加拿大必读``, ``zboygirl``):
#: slots the page marks as its author's (or its poster's), not a reporter's byline.
USER_NAME_SOURCES = frozenset({"html:author-element", "html:json-ld", "html:meta", "line:post", "html:post"})
#: Sources whose names no label or role word marks as names: each must
#: open with a surname (``validators.valid_person(han_only=True)``).
UNLABELLED_NAMES = frozenset({"line:dated", "line:name-outlet", "line:bare", "line:name", "html:bare-name"})
#: Of those, the sources where a run of five or six characters is never
#: split into two names (nothing but the line's shape says it holds names).
UNSPLIT_NAMES = frozenset({"line:dated", "line:name", "html:bare-name"})
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


def validated(item: Evidence) -> Evidence | None:
    """``item`` if its value looks like what its field holds (the value
    trimmed to its names for an editor), else None (``validators``)."""
    if item.field in ("source", "source-element"):
        ok = valid_outlet(item.value) and (item.source not in UNLABELLED_SOURCES or outlet_shaped(item.value))
        return item if ok else None
    if item.source == "line:account":
        return item  # the outlet or the author: ``resolve`` decides, and checks
    if item.field == "editor":
        editor = valid_editor(item.value)
        return Evidence(item.field, editor, item.source, item.rank, item.line) if editor else None
    if item.field == "authors":
        names = valid_names(
            item.value, user_names=item.source in USER_NAME_SOURCES, han_only=item.source in UNLABELLED_NAMES,
            split=item.source not in UNSPLIT_NAMES,
        )
        return Evidence(item.field, names, item.source, item.rank, item.line) if names else None
    return item


def _next_bylines(first: Evidence, ordered: list[Evidence]) -> tuple[str, ...]:
    """Names of the bylines printed right below ``first`` (``本报实习生 刘国栋
    周炜`` over ``本报记者 王燕平 方云凤 柏建斌``): one credit on two lines."""
    if first.source != "line:byline" or first.line is None:
        return ()
    more: list[str] = []
    line = first.line
    for item in sorted((e for e in ordered if e.field == "authors" and e.source == "line:byline" and e.line), key=lambda e: e.line):
        if line < item.line <= line + 2:
            more.extend(name for name in item.value if name not in first.value and name not in more)
            line = item.line
    return tuple(more)


def resolve(evidence: Sequence[Evidence], lead: str = "") -> dict:
    """``{"source", "date", "editor", "authors"}`` from ``evidence``;
    ``lead`` is the article's first paragraph."""
    checked = (validated(item) for item in evidence)
    ordered = sorted((item for item in checked if item is not None), key=lambda e: e.rank)  # stable
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
        elif item.source == "line:account":
            name = item.value[0]
            if (names_outlet(name, lead) or official_account(name)) and valid_outlet(name):
                result["source"] = result["source"] or name
            elif not result["authors"] and valid_person(name, user_names=True):
                result["authors"] = (name,)
        elif not result["authors"]:
            result["authors"] = tuple(item.value) + _next_bylines(item, from_lines)
    result["editor"] = " ".join(editors) or None
    html = {e.field: e.value for e in ordered if e.rank >= HTML_RANK}
    for name in FIELDS:
        if not result[name] and html.get(name):
            result[name] = tuple(html[name]) if name == "authors" else html[name]
    slot = html.get("source-element")
    if result["source"] and slot and slot != result["source"] and slot in result["source"]:
        result["source"] = slot
    return result
