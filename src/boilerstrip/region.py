"""Step 4b of the pipeline: find the article in a whole page of text.

A scraped page is mostly chrome around a dense run of prose. Each line gets a
score on its own (jusText's first pass, without a stoplist):

* a line of prose (sentence punctuation inside or at its end) scores its length;
* a short line that is not prose (a link, a menu item) scores ``-SHORT``;
* a line a detector removed scores ``-CHROME``; a feed heading (推荐阅读,
  相关新闻) scores ``-FEED_HEADING``: articles rarely go on after one.

The article body is the run of lines with the highest total (the maximum
subarray), so a subheading or a share row inside the article is carried by
the prose around it, while menus and feeds around the article are not.

Then the run is widened upwards to the headline: the title is the headline
line just above the page's date/source line (or just above the body when
there is none). What lies outside is removed as ``outside_article``, except
metadata lines right below the body (责任编辑：…), which the metadata step
still reads.
"""
from __future__ import annotations

from .lines import BLANK, CAPTION, HEADLINE, REMOVED, TEXT, Line, Page, is_prose
from .detectors.feeds import is_feed_heading
from .metadata import byline, metadata_line

SHORT = 20
CHROME = 8
FEED_HEADING = 250
#: How far above the body the headline may stand (in lines, blanks included).
HEADER_REACH = 40
#: How far below the body metadata lines are still read.
FOOTER_REACH = 12
_HEADINGS = frozenset({"related_feed", "comments"})
_LINK_MARKS = ("•", "*", "+", "□", "●", "[", "-", "·")
#: A date line opens the article when its body starts within this many lines.
ANCHOR_REACH = 30
#: The least an anchored run must score to be taken over the page's best run.
ANCHORED_MIN = 60


def line_score(line: Line) -> int:
    if line.role == TEXT:
        text = line.text
        if is_prose(text):
            return len(text)
        if len(text) >= 8 and not text.startswith(_LINK_MARKS) and _mostly_cjk(text):
            return len(text) // 2 - 4
        return -SHORT
    if line.role == REMOVED:
        return -FEED_HEADING if line.detector in _HEADINGS and _is_heading(line) else -CHROME
    return 0


def _is_heading(line: Line) -> bool:
    return is_feed_heading(line.text)


def best_run(scores: list[int]) -> tuple[int, int] | None:
    """``(start, end)`` of the maximum-sum run of ``scores`` (inclusive), or
    None when no run is positive."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def find_article(page: Page) -> None:
    """Remove everything outside the article as ``outside_article``."""
    lines = page.lines
    scores = [line_score(line) for line in lines]
    span = _anchored_run(lines, scores) or best_run(scores)
    if span is None:
        return
    start, end = span
    top = _headline_start(lines, start)
    bottom = _footer_end(lines, end)
    for i, line in enumerate(lines):
        if (i < top or i > bottom) and line.role in (TEXT, CAPTION):
            line.remove("outside_article")
    _mark_headlines(lines, top, start)
    _clear_header(lines, top, start)


def _mark_headlines(lines: list[Line], top: int, start: int) -> None:
    """The title (and a headline block printed right above it) get the
    ``HEADLINE`` role, so a title that ends with ？ or ！ is not taken for prose."""
    for i in range(top, start):
        line = lines[i]
        if line.role == BLANK:
            continue
        if line.role != TEXT or not _is_headline(line.text) or (i > top and is_prose(line.text)):
            break
        if metadata_line(line.text) is not None or byline(line.text) is not None:
            break
        line.role = HEADLINE


def _anchored_run(lines: list[Line], scores: list[int]) -> tuple[int, int] | None:
    """The best run that starts right below a date/source line (the article's
    own dateline sits between its title and its body), if one scores enough.

    On a page whose article is short and whose comments or feeds are long,
    this keeps the article rather than the longest prose on the page.
    """
    best, best_span = ANCHORED_MIN, None
    anchors = 0
    for d, line in enumerate(lines):
        if line.role != TEXT or not _is_date_line(line.text):
            continue
        anchors += 1
        if anchors > 20:
            break
        total, start = 0, d + 1
        for i in range(d + 1, len(lines)):
            if total <= 0 and i <= d + ANCHOR_REACH:
                total, start = scores[i], i
            else:
                total += scores[i]
            if total > best:
                best, best_span = total, (start, i)
    return best_span


def _is_headline(text: str) -> bool:
    return 4 <= len(text) <= 80 and not text.startswith(_LINK_MARKS) and "[" not in text and not text.isdigit()


def _headline_start(lines: list[Line], start: int) -> int:
    """Index of the title line above the body run starting at ``start``."""
    first = max(0, start - HEADER_REACH)
    meta_at = None
    for i in range(start - 1, first - 1, -1):
        line = lines[i]
        if line.role == TEXT and _is_date_line(line.text):
            meta_at = i
            break
    anchor = meta_at if meta_at is not None else start
    candidates = []
    for i in range(anchor - 1, first - 1, -1):
        line = lines[i]
        if line.role != TEXT:
            continue
        if _is_headline(line.text) and metadata_line(line.text) is None and byline(line.text) is None:
            candidates.append(i)
        if len(candidates) >= 3:
            break
    if not candidates:
        return meta_at if meta_at is not None else start
    longest = max(candidates, key=lambda i: len(lines[i].text))
    title = longest if len(lines[longest].text) >= 8 else candidates[0]
    return _headline_block_top(lines, title)


def _headline_block_top(lines: list[Line], i: int) -> int:
    """Widen a title line at ``i`` upwards over the headline lines printed
    right above it (an e-paper kicker, a repeated title)."""
    top = i
    for j in range(i - 1, -1, -1):
        line = lines[j]
        if line.role == BLANK:
            continue
        if line.role != TEXT or len(line.text) < 8 or not _mostly_cjk(line.text) or is_prose(line.text):
            break
        top = j
    return top


def _is_date_line(text: str) -> bool:
    fields = metadata_line(text)
    return bool(fields) and ("date" in fields or "source" in fields)


def _footer_end(lines: list[Line], end: int) -> int:
    """Index of the last line the article keeps: the body's last line, or a
    metadata line or byline shortly below it."""
    last = end
    for i in range(end + 1, min(len(lines), end + 1 + FOOTER_REACH)):
        line = lines[i]
        if line.role == TEXT and (metadata_line(line.text) is not None or byline(line.text) is not None):
            last = i
    return last


def _clear_header(lines: list[Line], top: int, start: int) -> None:
    """Between the title and the body, keep headline lines, metadata and
    bylines; remove the rest (font-size switches, follow buttons, counters)."""
    for i in range(top + 1, start):
        line = lines[i]
        if line.role != TEXT:
            continue
        text = line.text
        if metadata_line(text) is not None or byline(text) is not None:
            continue
        if len(text) >= 8 and _mostly_cjk(text) and not text.startswith("["):
            continue
        line.remove("outside_article")


def _mostly_cjk(text: str) -> bool:
    cjk = sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")
    return cjk >= 0.6 * len(text)



