"""Metadata from the HTML itself: fallbacks for what the text lines miss.

:func:`html_metadata` returns ``{"title", "date", "source", "editor",
"authors"}``; the pipeline fills only the fields the text pipeline left
empty. Each field is an ordered list of sources, first plausible answer wins
(what the page *shows* comes before generic ``<meta>``):

* title:   the ``<h1>`` that matches og:title / ``<title>`` best, og:title,
           ``<title>`` without its site suffix;
* date:    a date with a time in the byline block after the title,
           ``article:published_time`` and kin, JSON-LD ``datePublished``,
           ``itemprop=datePublished``, ``<time datetime>``, any date in the
           byline block, then a date-classed element;
* source:  a 来源 line on the page, an element classed ``source`` near the
           title, ``<meta name=source>``;
* editor:  a 责任编辑 / 责编 line anywhere on the page, an element classed
           ``editor`` with a label;
* authors: a byline line in the byline block, an element classed
           ``author`` near the title, JSON-LD ``author``, ``<meta name=author>``
           when it is a name (not the site, not an e-mail).

Nothing is invented: every value is text of the page (dates normalised to
ISO 8601 at the precision shown).
"""
from __future__ import annotations

import json
import re

from .extract import element_text, text_lines
from .metadata import DATE, SOURCE_LABELS, byline, metadata_line, parse_date

#: How many lines after the title the byline block may reach.
BYLINE_WINDOW = 12

_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "og:release_date", "pubdate", "publishdate", "publish_date", "publish-date",
    "publishtime", "publish_time", "datepublished", "dc.date.issued", "dc.date",
    "sailthru.date", "parsely-pub-date", "weibo:article:create_at", "created_at",
)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|–|\s-\s|-(?=[^-]{2,20}$))\s*")
_CLASS_TOKEN = re.compile(r"[a-z]+")
_EMAIL_OR_URL = re.compile(r"@|https?:|www\.|\.com\b", re.I)
_LABELLED_EDITOR = re.compile(r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:]")


def html_metadata(root) -> dict:
    """Fallback metadata of the page parsed as ``root`` (lxml element)."""
    result: dict = {"title": None, "date": None, "source": None, "editor": None, "authors": []}
    if root is None:
        return result
    metas = _metas(root)
    ld = _json_ld(root)
    body = root.find("body")
    lines = text_lines(element_text(body if body is not None else root))
    title, title_element = _title(root, metas)
    result["title"] = title
    start = _title_index(lines, title)
    window = lines[start + 1 : start + 1 + BYLINE_WINDOW] if start is not None else []
    near = _near_title(root, title_element)

    result["date"] = (
        _first(parse_date(line) for line in window if _has_time(line))
        or _first(parse_date(metas.get(key, "")) for key in _META_DATE_KEYS)
        or _first(parse_date(str(item.get("datePublished", ""))) for item in ld)
        or _first(parse_date(el.get("content") or el.text_content()) for el in root.iterfind(".//*[@itemprop='datePublished']"))
        or _first(parse_date(el.get("datetime") or el.text_content()) for el in root.iter("time"))
        or _first(parse_date(line) for line in window)
        or _first(parse_date(_text(el)) for el in near if _classed(el, "time", "date"))
    )
    meta_lines = [fields for fields in (metadata_line(line) for line in lines) if fields]
    window_meta = [fields for fields in (metadata_line(line) for line in window) if fields]
    result["source"] = (
        _first(fields.get("source") for fields in window_meta)
        or _first(fields.get("source") for fields in meta_lines)
        or _first(_short(_text(el)) for el in near if _classed(el, "source", "from", "media", "jgname"))
        or _short(metas.get("source"))
    )
    result["editor"] = (
        _first(fields.get("editor") for fields in reversed(meta_lines))
        or _first(_editor(el) for el in root.iter() if _classed(el, "editor"))
    )
    bylines = [byline(line) for line in window]
    result["authors"] = (
        _first(fields.get("authors") for fields in window_meta)
        or _first((fields or {}).get("authors") for fields in bylines)
        or _first(_names(_text(el)) for el in near if _classed(el, "author", "writer", "byline"))
        or _first(_ld_authors(item) for item in ld)
        or _shown(_names(metas.get("author") or metas.get("article:author"), exclude=metas.get("og:site_name")), window)
        or []
    )
    return result


# ---------------------------------------------------------------- helpers

def _first(values):
    for value in values:
        if value:
            return value
    return None


def _text(element) -> str:
    return " ".join(element.text_content().split()) if isinstance(element.tag, str) else ""


def _metas(root) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        key = key.replace(" ", "")
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = " ".join(content.split())
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


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _title(root, metas: dict[str, str]):
    """The headline as printed and its element (None when from ``<meta>``)."""
    og = metas.get("og:title") or metas.get("twitter:title") or ""
    tag = " ".join((root.findtext(".//title") or "").split())
    references = [_squeeze(t) for t in (og, tag) if t]
    best, best_score = None, 0.0
    for h1 in root.iter("h1"):
        text = _text(h1)
        squeezed = _squeeze(text)
        if len(squeezed) < 4:
            continue
        score = 0.5 + max((_overlap(squeezed, ref) for ref in references), default=0.0)
        if score > best_score:
            best, best_score = (text, h1), score
    if best is not None and (best_score > 0.9 or not references):
        return best
    if og:
        return og, None
    if tag:
        parts = _TITLE_SPLIT.split(tag)
        head = parts[0] if len(parts[0]) >= 4 else tag
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
    target = _squeeze(title)
    for k, line in enumerate(lines):
        squeezed = _squeeze(line)
        if squeezed == target or (target in squeezed and len(squeezed) <= len(target) + 12):
            return k
    return None


def _has_time(line: str) -> bool:
    match = DATE.search(line)
    return bool(match and match["H"] is not None) and len(line) <= 80


def _near_title(root, title_element) -> list:
    """Elements after the title in document order (the byline block), or the
    whole page when the title element is unknown."""
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    if title_element is None:
        return elements
    try:
        start = elements.index(title_element)
    except ValueError:
        return elements
    return elements[start + 1 : start + 120]


def _classed(element, *words: str) -> bool:
    tokens = _CLASS_TOKEN.findall(((element.get("class") or "") + " " + (element.get("id") or "")).lower())
    return any(token in words for token in tokens) or any(
        word in (element.get("bosszone") or "").lower() for word in words
    )


def _short(value: str | None) -> str | None:
    if not value:
        return None
    value = re.sub(rf"^{SOURCE_LABELS}\s*[：:]?\s*", "", value.strip()).strip()
    value = DATE.sub("", value).strip()
    if not value or len(value) > 30 or _EMAIL_OR_URL.search(value):
        return None
    return value


def _editor(element) -> str | None:
    text = _text(element)
    if len(text) > 40 or not _LABELLED_EDITOR.search(text):
        return None
    fields = metadata_line(text) or {}
    return fields.get("editor")


def _shown(names: list[str], window: list[str]) -> list[str]:
    """``names`` when each is printed in the byline block (generic ``<meta>``
    author is often the site or the CMS account)."""
    block = _squeeze(" ".join(window))
    return names if names and all(_squeeze(name) in block for name in names) else []


def _names(text: str | None, exclude: str | None = None) -> list[str]:
    if not text or _EMAIL_OR_URL.search(text) or len(text) > 40:
        return []
    if exclude and _squeeze(text) == _squeeze(exclude):
        return []
    names = [name for name in re.split(r"[\s、,，/／&＆]+", text.strip()) if name]
    if not names or any(len(name) > 20 for name in names):
        return []
    return names
