"""Metadata from the HTML itself: evidence beside what the text lines say.

:func:`html_evidence` gives :class:`~boilerstrip.metadata.resolve.Evidence`
for the fields ``resolve`` did not find in the article's lines. Within the
HTML each field has its own ordered sources, first plausible answer wins
(what the page *shows* comes before generic ``<meta>``); the evidence names
the source that gave it:

* title:   the ``<h1>`` that matches og:title / the head of ``<title>``
           best (an ``<h1>`` showing the site's name is its logo), og:title,
           ``<title>`` without its site suffix (:func:`html_title`, read by
           step 2 to place the headline);
* date:    a date with a time in the byline block after the title, the
           local time a ``<time>`` element there shows (its ``datetime`` is
           often UTC), a date
           shown without its year and completed from the page's own
           metadata, ``article:published_time`` and kin, JSON-LD
           ``datePublished``, ``itemprop=datePublished``, ``<time datetime>``,
           any date in the byline block, then a date-classed element; a
           date-only value gives way to the same day shown with its time;
* source:  a 来源 line in the byline block, one anywhere on the page, an
           element classed ``source`` near the title, ``<meta name=source>``;
* editor:  the last 责任编辑 / 责编 line on the page, an element classed
           ``editor`` with a label;
* authors: a labelled line, a byline or a post's attribution
           (``由X张贴 @ <date>``) in the byline block, an element
           classed ``author`` near the title, JSON-LD ``author``,
           ``<meta name=author>`` when it is a name shown in the byline block.

Nothing is invented: every value is text of the page (dates normalised to
ISO 8601 at the precision shown).
"""
from __future__ import annotations

import datetime
import json
import re
from typing import Callable, Iterable

from lxml import etree

from ..markup import element_text
from ..text import fold_spaces, is_lead, squeeze, text_lines
from ..vocab import ACCOUNT_CARD
from .dates import DATE, parse_date
from .labels import DATE_LABELS, NAME_SEPARATORS, SOURCE_LABELS
from .resolve import HTML_RANK, Evidence, names_outlet
from .validators import valid_names
from .validators import official_account, outlet_shaped
from .text_fields import byline, metadata_line, post_line

_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "og:release_date", "pubdate", "publishdate", "publish_date", "publish-date",
    "publishtime", "publish_time", "datepublished", "dc.date.issued", "dc.date",
    "sailthru.date", "parsely-pub-date", "weibo:article:create_at", "created_at",
)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|–|\s-\s|-(?=[^-]{2,20}$))\s*")
_CLASS_TOKEN = re.compile(r"[a-z]+")
_EMAIL_OR_URL = re.compile(r"@|https?:|www\.|\.com\b", re.I)
#: ``EDITOR`` in any case as ``editor`` (an XPath ``translate``: other letters keep their case).
_EDITOR_CASE = str.maketrans("EDITOR", "editor")
_LABELLED_EDITOR = re.compile(r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:]")


def html_title(root) -> tuple[str | None, object]:
    """The headline as printed and its element (None when from ``<meta>``)."""
    return _title(root, _metas(root))


def html_evidence(root, skeleton: Iterable[str] | None, title: str | None, title_element, options) -> list[Evidence]:
    """Evidence for each field from the page parsed as ``root``;
    ``skeleton``: the page's body text one block a line, when already made."""
    if root is None:
        return []
    metas = _metas(root)
    ld = _json_ld(root)
    if skeleton:
        lines = list(skeleton)
    else:
        body = root.find("body")
        lines = text_lines(element_text(body if body is not None else root))
    start = _title_index(lines, title)
    window = lines[start + 1 : start + 1 + options.byline_window] if start is not None else []
    near, anchored = _near_title(root, title_element, title, options)
    # The near elements a class, id or bosszone marks, each read once.
    marked = [(el, marks) for el in near if (marks := _marks(el))]
    dated = [el for el, marks in marked if _marked_with(marks, _DATE_WORDS)]
    # The byline block ends where the article's running text starts.
    lead = _lead_index(window, options.lead_min)
    head = window[:lead]

    date = _pick(
        ("byline-block-time", lambda: _first(parse_date(line) for line in window if _has_time(line))),
        ("shown-time", lambda: _first(_shown_time(el) for el in near if el.tag == "time") if anchored else None),
        ("completed-year", lambda: _completed_date(window, dated, metas, ld, root)),
        ("meta", lambda: _first(parse_date(metas.get(key, "")) for key in _META_DATE_KEYS)),
        ("json-ld", lambda: _first(parse_date(str(item.get("datePublished", ""))) for item in ld)),
        ("itemprop", lambda: _first(parse_date(el.get("content") or el.text_content()) for el in root.iterfind(".//*[@itemprop='datePublished']"))),
        ("time-element", lambda: _first(parse_date(el.get("datetime") or el.text_content()) for el in root.iter("time"))),
        ("byline-block", lambda: _first(parse_date(line) for line in window)),
        ("date-element", lambda: _first(parse_date(_text(el)) for el in dated)),
    )
    if date and "T" not in date[1]:
        # A date shown with its time under the title beats a date-only value.
        timed = _first(_same_day_with_time(date[1], text) for text in window + [_spaced(el) for el in dated])
        date = ("shown-time", timed) if timed else date
    all_meta = [metadata_line(line) for line in lines]
    meta_lines = [fields for fields in all_meta if fields]
    window_all = [metadata_line(line) for line in window]
    source_element = _first(_short(_text(el)) for el, marks in marked if _source_slot(marks))
    labelled = [fields for line, fields in zip(lines, all_meta) if fields and _SOURCE_LABEL.search(line)]
    source = _pick(
        ("byline-block", lambda: _first(_outlet_like(line, fields.get("source")) for line, fields in zip(window, window_all) if fields)),
        ("source-line", lambda: _first(fields.get("source") for fields in labelled)),
        ("source-element", lambda: source_element),
        ("meta", lambda: _short(metas.get("source"))),
    )
    editor = _pick(
        ("editor-line", lambda: _first(fields.get("editor") for fields in reversed(meta_lines))),
        ("editor-element", lambda: _first(_editor(el) for el in _editor_elements(root))),
    )
    head_meta = [fields for fields in (metadata_line(line) for line in head) if fields]
    authors = _pick(
        ("byline-block", lambda: _first(fields.get("authors") for fields in head_meta)),
        ("byline", lambda: _first((byline(line) or {}).get("authors") for line in head)),
        ("post", lambda: _first((post_line(line) or {}).get("authors") for line in window)),
        ("author-element", lambda: _first(_author_names(el) for el, marks in marked if _author_slot(marks, anchored))),
        ("json-ld", lambda: _first(_ld_authors(item) for item in ld)),
        ("meta", lambda: _shown(_names(metas.get("author") or metas.get("article:author"), exclude=metas.get("og:site_name")), head)),
        ("bare-name", lambda: _first(_bare_names(line) for line in head[:BARE_NAME_REACH])),
    )
    if authors:
        # An outlet's name is no author (a CMS account named after the source).
        names = [name for name in authors[1] if squeeze(name) != squeeze(source[1] if source else "")]
        official = next((name for name in names if official_account(name)), None)
        if official:
            # ``中国广州发布``: a government's publishing account is the outlet.
            names = [name for name in names if name != official]
            source = source or ("official-account", official)
        outlet = _dateline_outlet(names, window, lead)
        if outlet:
            # The account under the title is the outlet the lead paragraph
            # names (``IT之家9月30日消息``): the source, not an author.
            names = [name for name in names if name != outlet]
            source = source or ("dateline-account", outlet)
        authors = (authors[0], tuple(names)) if names else None
    found = [("date", date), ("source", source), ("editor", editor), ("authors", authors)]
    if source_element:
        found.append(("source-element", ("source-element", source_element)))
    return [Evidence(name, value, f"html:{where}", HTML_RANK) for name, picked in found if picked for where, value in (picked,)]


_SOURCE_LABEL = re.compile(SOURCE_LABELS)


def _outlet_like(line: str, value: str | None) -> str | None:
    """A source from a line of the byline block: labelled, or one that says
    it is an outlet (``2022-02-13 09:57 光明网``; not a list item's title)."""
    if not value:
        return None
    return value if _SOURCE_LABEL.search(line) or outlet_shaped(value) else None


#: How many lines under the title a name alone may be the author's.
BARE_NAME_REACH = 3


def _bare_names(line: str) -> tuple[str, ...] | None:
    """``胡平`` alone under the title: names that open with a surname."""
    return valid_names(NAME_SEPARATORS.split(line), han_only=True, split=False) if len(line) <= 20 else None


def _pick(*sources: tuple[str, Callable[[], object]]) -> tuple[str, object] | None:
    """The first source that gives a value, and its value (sources are
    tried in order; the later ones are not evaluated)."""
    for name, get in sources:
        value = get()
        if value:
            return name, value
    return None


# ---------------------------------------------------------------- helpers

def _first(values):
    for value in values:
        if value:
            return value
    return None


def _text(element) -> str:
    return fold_spaces(element.text_content()) if isinstance(element.tag, str) else ""


def _metas(root) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        key = key.replace(" ", "")
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = fold_spaces(content)
    return metas


def _json_ld(root) -> list[dict]:
    items: list[dict] = []
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(items) < 50:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                items.append(node)
                if isinstance(node.get("@graph"), list):
                    stack.extend(node["@graph"])
    return items


def _ld_authors(item: dict) -> list[str]:
    author = item.get("author")
    authors = author if isinstance(author, list) else [author]
    names = []
    for entry in authors:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip() and not _EMAIL_OR_URL.search(name):
            names.append(name.strip())
    return names


def _title(root, metas: dict[str, str]):
    """The headline as printed and its element (None when from ``<meta>``).

    An ``<h1>`` that shows the site's name (og:site_name, or the suffix of
    ``<title>``: ``TVBS``, ``中時電子報``, ``松花江网``) is the site's logo,
    never the headline; headings are compared with the head of ``<title>``,
    not with its site suffix."""
    og = metas.get("og:title") or metas.get("twitter:title") or ""
    tag = fold_spaces(root.findtext(".//title") or "")
    parts = _TITLE_SPLIT.split(tag) if tag else []
    head = parts[0] if parts and len(parts[0]) >= 4 else tag
    sites = {squeeze(name) for name in [metas.get("og:site_name"), metas.get("application-name"), *parts[1:]] if name}
    references = [squeeze(t) for t in (og, head) if t]
    squeezed_tag = squeeze(tag)
    best, best_score, logo = None, 0.0, None
    for h1 in root.iter("h1"):
        text = _text(h1)
        squeezed = squeeze(text)
        if len(squeezed) < 2:
            continue
        if squeezed in sites or (squeezed_tag.endswith(squeezed) and len(squeezed_tag) >= len(squeezed) + 4):
            logo = text  # the site's name in a heading
            continue
        if len(squeezed) < 4:
            continue
        score = 0.5 + max((_overlap(squeezed, ref) for ref in references), default=0.0)
        if squeezed_tag.startswith(squeezed):
            score = 1.5
        if score > best_score:
            best, best_score = (text, h1), score
    if best is not None and (best_score > 0.9 or not references):
        return best
    if og:
        return og, None
    if tag:
        if logo and head == tag and tag.endswith(logo) and len(tag) - len(logo) >= 4:
            head = tag[: -len(logo)].rstrip(" -_|｜–—·")  # ``土豆不“土” 土豆无“土” 松花江网``
        return head, None
    return (best if best else (None, None))


def _overlap(text: str, reference: str) -> float:
    """Share of ``text`` that opens ``reference`` (1.0: the reference starts with it)."""
    if not text:
        return 0.0
    if reference.startswith(text) or text in reference:
        return 1.0
    common = 0
    for a, b in zip(text, reference):
        if a != b:
            break
        common += 1
    return common / len(text)


def _title_index(lines: list[str], title: str | None) -> int | None:
    if not title:
        return None
    target = squeeze(title)
    for k, line in enumerate(lines):
        squeezed = squeeze(line)
        if squeezed == target or (target in squeezed and len(squeezed) <= len(target) + 12):
            return k
    return None


def _shown_time(element) -> str | None:
    """The local date and time a ``<time>`` element shows
    (``<time datetime="2022-02-06T12:48:06+00:00">06/02/2022 - 13:48</time>``
    -> 2022-02-06T13:48): the page's ``datetime`` is often UTC, the reader
    sees the local time. The machine value tells the order of day and month
    and must agree on the day (±1 for the time zone)."""
    shown = _text(element)
    machine = parse_date(element.get("datetime") or "")
    if not shown or not machine:
        return None
    for day_first in (True, False):
        date = parse_date(shown, day_first=day_first)
        if date and len(date) > 10 and _days_apart(date, machine) <= 1:
            return date
    return None


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((datetime.date.fromisoformat(a[:10]) - datetime.date.fromisoformat(b[:10])).days)
    except ValueError:
        return 99


def _same_day_with_time(day: str, text: str) -> str | None:
    if len(text) > 80:
        return None
    date = parse_date(text)
    return date if date and len(date) > 10 and date[:10] == day[:10] else None


def _has_time(line: str) -> bool:
    match = DATE.search(line)
    return bool(match and match["H"] is not None) and len(line) <= 80


def _near_title(root, title_element, title: str | None, options) -> tuple[list, bool]:
    """Elements after the title in document order (the byline block) and
    True, or the whole page and False when the title's element is unknown.

    Without an ``<h1>`` the title's element is the first element that holds
    the title text alone (an ``<h2>``, a ``div.title``)."""
    if title_element is None and title:
        title_element = _title_element(root, title, options.title_badge)
    if title_element is None:
        return [el for el in root.iter() if isinstance(el.tag, str)], False
    elements: list = []
    seen = False
    for el in root.iter():
        if el is title_element:
            seen = True
        elif seen and isinstance(el.tag, str):
            elements.append(el)
            if len(elements) >= options.near_title:
                break
    if not seen:
        return [el for el in root.iter() if isinstance(el.tag, str)], False
    return elements, True


def _title_element(root, title: str, badge: int):
    """The first heading (``<h2>``… or an element classed ``title``) that
    shows the title, alone or after a short badge (``<span>原创</span>``,
    at most ``badge`` characters)."""
    target = squeeze(title)
    body = root.find("body")
    for element in (body if body is not None else root).iter(_HEADINGS + ("div", "p", "span")):
        if element.tag not in _HEADINGS and not _classed(element, "title", "headline"):
            continue
        text = squeeze(_text(element))
        if text == target or (text.endswith(target) and len(text) - len(target) <= badge):
            return element
    return None


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _classed(element, *words: str) -> bool:
    """True when a token of the element's class or id is one of ``words``
    (or its ``bosszone`` holds one)."""
    marks = _marks(element)
    return marks is not None and _marked_with(marks, words)


def _marks(element) -> tuple[frozenset[str], str] | None:
    """The tokens of the element's class and id, and its ``bosszone``
    (lower case); None when it has none of the three."""
    get = element.get
    names, ident, zone = get("class"), get("id"), get("bosszone")
    if names is None and ident is None and zone is None:
        return None
    return frozenset(_CLASS_TOKEN.findall(f"{names or ''} {ident or ''}".lower())), (zone or "").lower()


def _marked_with(marks: tuple[frozenset[str], str], words: tuple[str, ...]) -> bool:
    tokens, zone = marks
    return not tokens.isdisjoint(words) or bool(zone) and any(word in zone for word in words)


_DATE_WORDS = ("time", "date")
_SOURCE_WORDS = ("source", "from", "media", "jgname")
_ACCOUNT_WORDS = ("user", "author")
_AUTHOR_WORDS = ("author", "writer", "byline")
_USER_WORDS = ("user",)


def _short(value: str | None) -> str | None:
    if not value:
        return None
    value = re.sub(rf"^{SOURCE_LABELS}\s*[：:]?\s*", "", value.strip()).strip()
    value = DATE.sub("", value).strip()
    if not value or len(value) > 30 or _EMAIL_OR_URL.search(value) or _GLUED_FIELDS.search(value):
        return None
    return value


# A date label or a time left in a value: several fields glued together
# (``发布时间：10-0812:00优质原创作者``), no source and no name.
_GLUED_FIELDS = re.compile(rf"{DATE_LABELS}\s*[：:]|\d{{1,2}}[:：]\d{{2}}")


def _editor(element) -> str | None:
    text = _text(element)
    if len(text) > 40 or not _LABELLED_EDITOR.search(text):
        return None
    fields = metadata_line(text) or {}
    return fields.get("editor")


def _shown(names: list[str], window: list[str]) -> list[str]:
    """``names`` when each is printed in the byline block (generic ``<meta>``
    author is often the site or the CMS account)."""
    block = squeeze(" ".join(window))
    return names if names and all(squeeze(name) in block for name in names) else []


def _names(text: str | None, exclude: str | None = None) -> list[str]:
    if not text or _EMAIL_OR_URL.search(text) or len(text) > 40:
        return []
    if exclude and squeeze(text) == squeeze(exclude):
        return []
    names = [name for name in NAME_SEPARATORS.split(text.strip()) if name and not ACCOUNT_CARD.fullmatch(name)]
    if not names or any(len(name) > 20 for name in names):
        return []
    return names


# ---------------------------------------------------------------- byline block

def _lead_index(window: list[str], least: int) -> int:
    """Index in ``window`` of the article's first paragraph (running text of
    ``least`` characters or more), or its end."""
    for k, line in enumerate(window):
        if is_lead(line, least):
            return k
    return len(window)


def _dateline_outlet(names: list[str], window: list[str], lead: int) -> str | None:
    """The name under the title that the lead paragraph (``window[lead]``)
    gives as its outlet (``IT之家9月30日消息 据外媒报道，…``), else None."""
    if lead >= len(window):
        return None
    return next((name for name in names if names_outlet(name, window[lead])), None)


def _editor_elements(root):
    """Elements classed ``editor`` whose class or id holds ``editor`` in any
    case, or whose ``bosszone`` holds it in lower case, in document order
    (a loop over lxml's elements costs half the XPath
    ``contains(translate(@class, 'EDITOR', 'editor'), 'editor')``)."""
    for element in root.iter(etree.Element):
        get = element.get
        names, ident, zone = get("class"), get("id"), get("bosszone")
        if (
            (names and "editor" in names.translate(_EDITOR_CASE))
            or (ident and "editor" in ident.translate(_EDITOR_CASE))
            or (zone and "editor" in zone)
        ) and _classed(element, "editor"):
            yield element


def _source_slot(marks: tuple[frozenset[str], str]) -> bool:
    """An element the page marks (``_marks``) as the source (``span.source``,
    ``span.a_source``); an account card (``a.media-user``) is no source."""
    return _marked_with(marks, _SOURCE_WORDS) and not _marked_with(marks, _ACCOUNT_WORDS)


def _author_slot(marks: tuple[frozenset[str], str], anchored: bool) -> bool:
    """An element the page marks (``_marks``) as the author or, right under
    the title, the publishing account (``p.author-name``, ``a.media-user``;
    elsewhere ``user`` is the reader's login menu or a commenter)."""
    return _marked_with(marks, _AUTHOR_WORDS) or (anchored and _marked_with(marks, _USER_WORDS))


def _author_names(element) -> list[str]:
    """Names in an author-classed element; a labelled line there gives only
    what its label says (``<p class="show_author">责任编辑：张迪</p>`` holds
    an editor, no author). Child elements are apart (``<div>中国广州发布</div>
    <div>关注</div>``)."""
    if any(_author_slot(marks, True) for inner in element.iterdescendants() if isinstance(inner.tag, str) and (marks := _marks(inner))):
        return []  # the innermost slot speaks (``div.author-txt`` > ``p.author-name``)
    text = _spaced(element)
    fields = metadata_line(text)
    if fields is not None:
        return list(fields.get("authors") or [])
    return [] if _GLUED_FIELDS.search(text) else _names(text)


# ---------------------------------------------------------------- dates without a year

#: ``发布时间：10-08 12:00``: a labelled month and day (and time) without a year.
_MONTH_DAY = re.compile(
    rf"{DATE_LABELS}\s*[：:]?\s*(?<!\d)(?P<m>\d{{1,2}})\s*(?:-|/|月)\s*(?P<d>\d{{1,2}})\s*日?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：]\s*(?P<M>\d{2}))?(?!\d)"
)
_DATED_KEYS = re.compile(r"date|time|pub|created|modified|updated", re.I)


def _completed_date(window: list[str], dated: list, metas: dict[str, str], ld: list[dict], root) -> str | None:
    """A date the byline block shows without a year, completed with the
    year of a full date the page itself carries (``<meta>``, JSON-LD,
    ``itemprop``) when month and day (and the time, if shown) agree.

    ``发布时间：10-08 12:00`` + ``<meta itemprop="dateUpdate"
    content="2019-10-08 12:00:57">`` -> ``2019-10-08T12:00`` (the precision
    the page prints). Nothing is guessed: with no agreeing full date, None.
    ``dated``: the elements after the title classed ``time`` or ``date``.
    """
    shown = None
    for text in window + [_spaced(el) for el in dated]:
        if parse_date(text):
            return None  # the page shows its year: not this source's case
        shown = _MONTH_DAY.search(text)
        if shown:
            break
    if not shown:
        return None
    month, day = int(shown["m"]), int(shown["d"])
    for full in _carried_dates(metas, ld, root):
        date = parse_date(full)
        if not date or int(date[5:7]) != month or int(date[8:10]) != day:
            continue
        iso = date[:10]
        if shown["H"] is not None:
            if len(date) < 16 or (int(date[11:13]), date[14:16]) != (int(shown["H"]), shown["M"]):
                continue
            iso += f"T{int(shown['H']):02d}:{shown['M']}"
        try:
            datetime.date.fromisoformat(iso[:10])
        except ValueError:
            continue
        return iso
    return None


def _carried_dates(metas: dict[str, str], ld: list[dict], root):
    """Full dates in the page's own metadata, in document order of kind."""
    for key, value in metas.items():
        if _DATED_KEYS.search(key):
            yield value
    for item in ld:
        for key in ("datePublished", "dateCreated", "dateModified", "uploadDate"):
            if item.get(key):
                yield str(item[key])
    for element in root.iterfind(".//*[@itemprop]"):
        if _DATED_KEYS.search(element.get("itemprop") or ""):
            yield element.get("content") or element.get("datetime") or ""
    for element in root.iter("time"):
        yield element.get("datetime") or ""


def _spaced(element) -> str:
    """The text of ``element`` with a space between its child elements
    (``<span>10-08</span><span>12:00</span>`` -> ``10-08 12:00``)."""
    return " ".join(fold_spaces(part) for part in element.itertext() if part.strip())
