"""Step 2b (HTML only): the main-content candidates and the choice between them.

readability-lxml and a second extractor each say where the article is; each
answer is mapped onto the page's skeleton (its visible text, one block a
line) as a set of line indexes, and :func:`choose` decides from the two
sets: where they agree on the running text, the agreed core and the lines
that belong with it; where they do not, the one that holds the lead
paragraph under the title, else the one with more prose. The second
extractor is trafilatura, or on a Chinese page resiliparse when it agrees
with readability (:func:`candidates`).
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from typing import TYPE_CHECKING, Callable

from .markup import element_text, parse_html
from .readability_doc import text_document_class
from .text import cjk_count, is_prose, squeeze, text_lines

if TYPE_CHECKING:
    from .options import Options


def _trafilatura_lines(root) -> list[str]:
    """trafilatura's text of the page parsed as ``root`` (it copies the tree
    before it prunes, so the page is not parsed again)."""
    import trafilatura

    try:
        text = trafilatura.extract(
            root, fast=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - a peer's failure must not stop us
        return []
    return [cell for line in text_lines(text or "") for cell in _cells(line)]


_CELL_BORDER = re.compile(r"(?<!\\)\|")


@functools.cache
def resiliparse_extractor() -> Callable[..., str] | None:
    """resiliparse's ``extract_plain_text``, or None when resiliparse is not
    installed (it comes with the ``fast`` extra)."""
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError:
        return None
    return extract_plain_text


def _resiliparse_lines(markup: str) -> list[str]:
    """resiliparse's main-content text of ``markup`` (its own parser,
    lexbor, and rules in C++: a few milliseconds a page). Comment sections
    are left out, and list bullets and alt texts, which the page does not
    show as text."""
    extract_plain_text = resiliparse_extractor()
    if extract_plain_text is None:
        return []
    try:
        text = extract_plain_text(
            markup, preserve_formatting=True, main_content=True, list_bullets=False,
            alt_texts=False, links=False, comments=False,
        )
    except Exception:  # noqa: BLE001 - a peer's failure must not stop us
        return []
    return text_lines(text)


def _cells(line: str) -> list[str]:
    """trafilatura prints a table row as ``| cell | cell |`` (``\\|`` inside
    a cell); the page shows the cells, so each is located on its own."""
    if not (line.startswith("|") and line.endswith("|")):
        return [line]
    cells = (cell.replace("\\|", "|").strip() for cell in _CELL_BORDER.split(line))
    return [cell for cell in cells if cell]


def _readability_lines(root) -> list[str]:
    """readability-lxml's text of the page parsed as ``root`` (a copy: it
    prunes the tree it reads)."""
    try:
        summary = text_document_class()(root).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - a peer's failure must not stop us
        return []
    summary_root = parse_html("<html><body>" + summary + "</body></html>")
    return [] if summary_root is None else text_lines(element_text(summary_root))


def candidates(root, markup: str, skeleton: list[str], lead: int | None, threaded: bool, options: Options) -> dict[str, set[int]]:
    """Each extractor's output as the set of skeleton line indexes it covers.

    readability runs first, on every page. On a page that is not Chinese,
    trafilatura runs beside it (on the English benchmark their agreement
    trims readability's extra lines). On a Chinese page:

    * when readability's lines hold the lead paragraph under the page's
      title and the page is no thread (``threaded``), no second extractor
      runs: :func:`choose` would follow readability (on the 91 Chinese
      pages, running trafilatura there changed no body);
    * else resiliparse reads ``markup`` (when ``options.ask_resiliparse``
      and it is installed); when it agrees with readability
      (:func:`agree`, the test :func:`choose` applies) and the agreement is
      mutual (:func:`_mutual`: resiliparse did not take the whole page
      around readability's block), the two are the candidates: two
      extractors built differently agree on the article;
    * else trafilatura is asked, as before.

    Where trafilatura runs it is the larger part of HTML mode's time; on
    the 91 Chinese pages it now runs on 11 instead of 44 (docs/speed.md
    for the figures). On the English benchmark resiliparse's agreement
    would score 0.957 against trafilatura's 0.969, so pages that are not
    Chinese keep trafilatura.
    """
    readability = _locate(skeleton, _readability_lines(root))
    if _chinese(skeleton):
        if lead is not None and lead in readability and not threaded:
            return {"readability": readability}  # no second extractor run
        resiliparse = _locate(skeleton, _resiliparse_lines(markup)) if options.ask_resiliparse else set()
        if agree(skeleton, resiliparse, readability, options.core_share) and _mutual(skeleton, resiliparse, readability, options.core_share):
            return {"resiliparse": resiliparse, "readability": readability}
    return {"trafilatura": _locate(skeleton, _trafilatura_lines(root)), "readability": readability}


def _mutual(skeleton: list[str], first: set[int], second: set[int], share: float) -> bool:
    """Whether the lines both took hold at least ``share`` of the text of
    each (one that took the whole page around the other's block holds the
    other, it does not agree with it)."""
    both = sum(len(skeleton[i]) for i in first & second)
    return both >= share * max(sum(len(skeleton[i]) for i in first), sum(len(skeleton[i]) for i in second))


def _chinese(skeleton: list[str]) -> bool:
    sample = "".join(skeleton)[:20_000]
    return cjk_count(sample) >= 0.3 * len(sample)


def _locate(skeleton: list[str], lines: list[str]) -> set[int]:
    """Skeleton lines covered by ``lines``, found in order in the page text
    (whitespace ignored, so merged or split lines still match)."""
    if not lines:
        return set()
    starts, parts, pos = [], [], 0
    for line in skeleton:
        starts.append(pos)
        squeezed = squeeze(line)
        parts.append(squeezed)
        pos += len(squeezed)
    page = "".join(parts)
    covered: set[int] = set()
    cursor = 0
    for line in lines:
        needle = squeeze(line)
        if len(needle) < 2:
            continue
        found = page.find(needle, cursor)
        if found < 0:
            found = page.find(needle)
            if found < 0:
                continue
        else:
            cursor = found + len(needle)
        first = bisect_right(starts, found) - 1
        last = bisect_right(starts, found + len(needle) - 1) - 1
        covered.update(range(first, last + 1))
    return covered


# ---------------------------------------------------------------- 4. choosing

def _prose_weight(line: str) -> float:
    """Positive for running text (long, sentence punctuation), negative for
    short unpunctuated lines (links, buttons, labels)."""
    if is_prose(line):
        return len(line)
    return -min(len(line), 30) * 0.5


def choose(skeleton: list[str], candidates: dict[str, set[int]], lead: int | None = None, core_share: float = 0.5) -> tuple[list[int], str]:
    """The article's lines from the two candidates.

    When they agree on the article's running text (the *core*: the lines
    both took carry at least ``core_share`` (:attr:`Options.core_share`) of the better candidate's
    prose weight), the lines only one of them took are settled one by one
    (:func:`_settle`). When they share nothing,
    the one that holds the first running text under the page's title
    (``lead``) wins, else the one with more
    prose (:func:`_prose_weight`); the other's lines inside its span are
    merged in.
    """
    named = {name: lines for name, lines in candidates.items() if lines}
    if not named:
        return [], "none"
    if len(named) == 2:
        first, second = named.values()
        if agree(skeleton, first, second, core_share):
            return sorted(_settle(skeleton, first & second, first ^ second, named.get("readability", set()))), "consensus"
    scored = sorted(
        ((_follows(lines, lead), _weight(skeleton, lines), name, lines) for name, lines in named.items()),
        reverse=True,
    )
    _, _, name, chosen = scored[0]
    chosen = set(chosen)
    first, last = min(chosen), max(chosen)
    for _, _, _, other in scored[1:]:
        chosen.update(i for i in other if first <= i <= last)
    return sorted(chosen), name


def agree(skeleton: list[str], first: set[int], second: set[int], core_share: float = 0.5) -> bool:
    """Whether two candidates agree on the article: the lines both took
    carry at least ``core_share`` of the heavier one's prose weight
    (agreeing on a "related" box is no article)."""
    core = first & second
    return bool(core) and _weight(skeleton, core) >= core_share * max(_weight(skeleton, first), _weight(skeleton, second))


def _weight(skeleton: list[str], lines: set[int]) -> float:
    return sum(_prose_weight(skeleton[i]) for i in lines)


def _settle(skeleton: list[str], core: set[int], disputed: set[int], readability: set[int]) -> set[int]:
    """The core and the disputed lines that belong with it.

    * inside the core's span, a disputed line is kept unless the page shows
      its text more than once and never in the core (a caption repeated as
      image alt text and figcaption, a credit under every photo of a
      gallery; a summary point that repeats a sentence of the body stays);
    * outside the span, only readability's running text is kept (it takes
      a lead paragraph or a closing one that trafilatura cut); trafilatura's
      lines beyond the core are teasers of other articles, "about the
      company" boxes and copyright notes.

    Measured on the English benchmark, disputed lines outside the core
    taken by trafilatura alone belong to the article 9 times in 570;
    readability's prose there 84 times in 120; repeated prose inside the
    core 3 times in 52.
    """
    counts: dict[str, int] = {}
    for line in skeleton:
        key = squeeze(line)
        counts[key] = counts.get(key, 0) + 1
    agreed = {squeeze(skeleton[i]) for i in core}
    low, high = min(core), max(core)
    keep = set(core)
    for i in disputed:
        line = skeleton[i]
        key = squeeze(line)
        if counts[key] > 1 and key not in agreed:
            continue
        if low <= i <= high or (i in readability and is_prose(line)):
            keep.add(i)
    return keep


def _follows(lines: set[int], lead: int | None) -> bool:
    """True when the candidate holds the first running text under the
    page's title (where an article starts); a candidate without it is a
    list of other articles elsewhere on the page."""
    return lead is not None and lead in lines


