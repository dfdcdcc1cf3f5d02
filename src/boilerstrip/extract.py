"""Step 2 of the pipeline (HTML only): the main content as text lines.

One block element a line (paragraphs, headings, list items, table rows,
``<br>``), so the later steps see the same line structure a text scraper
would give. Scripts, styles, comments and hidden elements are dropped.

:func:`extract_main` is a cascade, each stage a named function:

1. ``parse_html``     markup -> lxml tree, without network, entity expansion
                      or huge-tree mode; oversized input is trimmed first.
2. ``element_text``   the whole page, one block a line (the *skeleton*).
3. ``candidates``     the main content according to readability-lxml and
                      a second extractor (resiliparse where it agrees,
                      else trafilatura), each as skeleton lines.
4. ``choose``         the candidates are weighed by prose and by the lead
                      paragraph under the title; when both are empty the
                      whole page goes on, and step 4b finds the article.
5. ``_headline``      the title line (``<h1>`` / og:title) and the byline and
                      date lines near it go in front when the candidate
                      dropped them, so the metadata step finds them.

Nothing is rewritten: every line is text of the page, whitespace folded.
The :class:`Extraction` keeps the tree, the skeleton and what each
candidate took, for the metadata step and for ``--explain``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .candidates import candidates, choose
from .detectors.threads import is_thread
from .markup import MAX_DEPTH, element_text, flat_text, nests_at_least, page_text, parse_html, prepare_markup
from .metadata.html_fields import html_title
from .metadata.text_fields import byline, metadata_line, post_line
from .text import fold_spaces, is_lead, is_prose, squeeze, text_lines
from .vocab import ORIGINAL_TITLE

if TYPE_CHECKING:
    from .options import Options

#: Methods by which the article was found (the others leave it to step 4b).
FOUND = frozenset({"consensus", "trafilatura", "readability", "script-slides"})


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract_main` found."""

    #: The text for the line pipeline: the article's lines, title in front.
    text: str
    #: ``consensus``, ``trafilatura``, ``readability``, ``script-slides``
    #: (the article was found); ``page`` (too large for the candidates),
    #: ``flat`` (too deep for a tree), ``none`` (no candidate found anything).
    method: str
    warnings: tuple[str, ...] = ()
    #: The parsed page (None when it could not be parsed).
    root: Any = field(default=None, repr=False, compare=False)
    #: The page's visible text, one block a line.
    skeleton: tuple[str, ...] = field(default=(), repr=False)
    #: Skeleton lines each candidate took, and the lines chosen.
    taken: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    chosen: tuple[int, ...] = field(default=(), repr=False)
    #: The headline as printed (``<h1>``, og:title, ``<title>``), and its element.
    title: str | None = None
    title_element: Any = field(default=None, repr=False, compare=False)
    #: The address the page gives itself (``<link rel=canonical>``, og:url).
    url: str | None = None

    @property
    def found_article(self) -> bool:
        return self.method in FOUND


def extract_main(markup: str, options: Options) -> Extraction:
    """The main content of the page ``markup`` as text, one block a line."""
    markup, warnings = prepare_markup(markup, options.max_markup_chars)
    root = parse_html(markup)
    if root is None:
        return Extraction("", "none", tuple(warnings) + ("HTML could not be parsed: nothing to clean",))
    title, title_element = html_title(root)
    url = own_url(root)
    if nests_at_least(root, MAX_DEPTH - 2):
        warnings.append(f"page nests elements deeper than {MAX_DEPTH} levels; read as flat text")
        return Extraction(flat_text(markup), "flat", tuple(warnings), root, title=title, title_element=title_element, url=url)
    body = root.find("body")
    skeleton = text_lines(element_text(body if body is not None else root))
    found = dict(root=root, skeleton=tuple(skeleton), title=title, title_element=title_element, url=url)
    if not options.extract_html:
        return Extraction(page_text(root), "page", tuple(warnings), **found)
    if len(markup) > options.max_extractor_chars:
        warnings.append("page too large for content extraction; whole-page text used")
        return Extraction(page_text(root), "page", tuple(warnings), **found)
    lead = _lead(skeleton, title, options)
    taken = candidates(root, markup, skeleton, lead, is_thread(skeleton), options)
    chosen, method = choose(skeleton, taken, lead, options.core_share)
    found.update(taken={name: frozenset(lines) for name, lines in taken.items()}, chosen=tuple(chosen))
    slides = _script_slides(root, [skeleton[i] for i in chosen], skeleton, options.slides_below)
    if slides:
        lines = ([title] if title else []) + [line for text in slides for line in text_lines(text)]
        return Extraction("\n".join(lines), "script-slides", tuple(warnings), **found)
    if not chosen:
        warnings.append("no main content found; whole-page text used")
        return Extraction(page_text(root), "none", tuple(warnings), **found)
    lines = _headline(skeleton, chosen, title, options.byline_window) + _footer(skeleton, chosen, options.footer_reach)
    return Extraction("\n".join(lines), method, tuple(warnings), **found)


def own_url(root) -> str | None:
    """The address the page gives itself: ``<link rel="canonical">``, else
    ``<meta property="og:url">`` (absolute http(s) addresses only)."""
    for href in root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")[:4]:
        href = href.strip()
        if href.startswith(("http://", "https://", "//")):
            return href
    return None


def _lead(skeleton: list[str], title: str | None, options: Options) -> int | None:
    """Index of the first paragraph of running text under the page's title
    line (within ``lead_window`` lines), or None."""
    if not title:
        return None
    target = squeeze(title)
    for k, line in enumerate(skeleton):
        if squeeze(line) == target:
            for j in range(k + 1, min(k + 1 + options.lead_window, len(skeleton))):
                if is_lead(skeleton[j], options.lead_min):
                    return j
            return None
    return None


_JSON_STRING_ARRAY = re.compile(r'\[\s*"(?:[^"\\]|\\.)*"(?:\s*,\s*"(?:[^"\\]|\\.)*")+\s*\]')

#: What an invalid byte leaves of an escaped quote (``\\"``) in an array
#: unescaped from a string: its backslash and the broken quote before a
#: delimiter (``。\\�,"在``: the string ended there), or a broken
#: backslash between a delimiter and the quote (``。",�"在``: nothing).
_BROKEN_QUOTE = re.compile(r'\\\ufffd(?=\s*[,\]])')
_BROKEN_BACKSLASH = re.compile(r'(?<=[\[,])(\s*)\ufffd(?=")')


def _script_slides(root, visible: list[str], page: list[str], below: int) -> list[str]:
    """The texts of a script-driven slideshow (photo gallery) when the page
    shows only the first slide's text (less than ``below`` characters of prose).

    Gallery pages print slide 1 and keep every slide's text in an inline
    script as a JSON array of strings; when one string of such an array is a
    prose line shown on the page, the array (in order) is the article.
    """
    if sum(len(line) for line in visible if is_prose(line)) >= below:
        return []
    # A slide's text may share its line with the slide counter (``1/10 …``).
    shown = "\n".join(squeeze(line) for line in page if len(line) >= 20 and is_prose(line))
    if not shown:
        return []
    best: list[str] = []
    for script in root.iter("script"):
        code = script.text or ""
        if len(code) < 100:
            continue
        # Data embedded as a string inside a string: unescape one level.
        layers = [code, code.replace('\\"', '"').replace('\\\\', '\\').replace('\\"', '"')]
        if "\ufffd" in code:
            # Where an invalid byte broke an escaped quote, the array reads
            # only with that quote read back.
            mended = _BROKEN_BACKSLASH.sub(r"\1", _BROKEN_QUOTE.sub('"', layers[1]))
            if mended != layers[1]:
                layers.append(mended)
        for layer in layers:
            for match in _JSON_STRING_ARRAY.finditer(layer):
                items = _json_array(match.group(0))
                if items is None:
                    continue
                texts = [fold_spaces(item) for item in items if isinstance(item, str)]
                if len(texts) >= 2 and any(_shown(t, shown) for t in texts) and sum(map(len, texts)) > sum(map(len, best)):
                    best = [t for t in texts if t]
    prose = sum(len(t) for t in best)
    return best if prose > below else []


def _shown(slide: str, shown: str) -> bool:
    """Whether a slide's text (20 characters or more) is on the page; where
    an invalid byte broke it, its longest unbroken piece."""
    piece = max(squeeze(slide).split("\ufffd"), key=len)
    return len(piece) >= 20 and piece in shown


#: A JSON escape, or a backslash starting one that an invalid byte broke
#: (``\\u7\ufffd84``, ``\\\ufffd4e2d``).
_JSON_ESCAPE = re.compile(r'\\(?:(?P<good>u[0-9a-fA-F]{4}|["\\/bfnrt])|u[0-9a-fA-F\ufffd]{0,4}|\ufffd(?:u?[0-9a-fA-F]{4})?|.?)', re.S)


def _json_array(source: str) -> list | None:
    """A JSON array read with ``json``; an escape an invalid byte broke is
    read as the U+FFFD it stands for (so one broken byte does not lose every
    slide), anything else unreadable is None."""
    try:
        return json.loads(source)
    except ValueError:
        if "\ufffd" not in source:
            return None
    mended = _JSON_ESCAPE.sub(lambda m: m.group(0) if m.group("good") else "\\ufffd", source)
    try:
        return json.loads(mended)
    except ValueError:
        return None


def _footer(skeleton: list[str], chosen: list[int], reach: int) -> list[str]:
    """Metadata lines right under the chosen lines that the candidates left
    out (``责任编辑：…``, a post's ``发表于 2004年12月27日 12:40``), so the
    metadata step reads them; they never reach the body."""
    end = chosen[-1] + 1
    return [line for line in skeleton[end : end + reach] if len(line) <= 160 and _says_metadata(line)]


def _says_metadata(line: str) -> bool:
    return bool(metadata_line(line) or byline(line) or post_line(line))


def _headline(skeleton: list[str], chosen: list[int], title: str | None, window: int) -> list[str]:
    """The chosen lines, with the title line and the metadata lines of the
    byline block (``window`` lines under the title) in front when the
    extractor dropped them."""
    if not title:
        return [skeleton[i] for i in chosen]
    target = squeeze(title)
    # The title goes in front, once: copies of it inside the block go.
    chosen = [i for i in chosen if squeeze(skeleton[i]) != target]
    if not chosen:
        return [title]
    lines = [skeleton[i] for i in chosen]
    at = None
    for k, line in enumerate(skeleton[: chosen[0] + 1]):
        squeezed = squeeze(line)
        if squeezed == target or (target in squeezed and len(squeezed) <= len(target) + 12):
            at = k
    # A ``（原标题：…）`` line quotes the title; it is not the headline.
    head_present = any(target in squeeze(line) and not ORIGINAL_TITLE.search(line) for line in lines[:3])
    front: list[str] = [] if head_present else [title]
    if at is not None:
        taken = set(chosen)
        for k in range(at + 1, min(at + 1 + window, chosen[0])):
            line = skeleton[k]
            if k not in taken and len(line) <= 80 and (metadata_line(line) or byline(line)):
                front.append(line)
    return front + lines
