"""Step 4b of the pipeline: find the article in a whole page of text.

A scraped page is mostly chrome around a dense run of prose. Each line gets a
score on its own (jusText's first pass, without a stoplist):

* a line of prose (sentence punctuation inside or at its end) scores its length;
* a short line that is not prose (a link, a menu item) scores ``-short_penalty``;
* a line a detector removed scores ``-chrome_penalty``; a feed heading (推荐阅读,
  相关新闻) scores ``-feed_heading_penalty``: articles rarely go on after one; a
  comment-section line ends the article outright;
* a line repeated verbatim on the page scores as a short line.

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

import re
from itertools import accumulate
from typing import TYPE_CHECKING, Sequence

from .detectors.comments import CommentsDetector
from .detectors.feeds import HEADLINE_LIST, RELATED_FEED
from .detectors.threads import NAME as REPLIES
from .lines import BLANK, CAPTION, HEADLINE, REMOVED, TEXT, Line, LineFields, Page
from .metadata.labels import NAME_SEPARATORS
from .metadata.text_fields import METADATA_CUE, byline, metadata_line, names_line, post_line
from .metadata.validators import valid_names
from .text import cued_lines, ends_sentence, is_prose, mostly_cjk, cjk_count
from .vocab import ACCOUNT_STATS, FOLLOW_BUTTONS

if TYPE_CHECKING:
    from .detectors.feeds import FeedHeadings
    from .options import Options

_LINK_MARKS = ("•", "*", "+", "□", "●", "[", "-", "·")
#: Detectors of comment sections and a thread's replies: none stands inside an article.
_COMMENTS = frozenset({CommentsDetector.name, REPLIES})


def line_scores(lines: Sequence[Line], options: Options, headings: FeedHeadings) -> list[int]:
    """Each line's score; a line repeated verbatim further down the page (a
    carousel printed twice, a teaser echoed) scores as a short line."""
    seen: set[str] = set()
    scores = []
    for line in lines:
        if line.role == BLANK:
            scores.append(0)
            continue
        score = line_score(line, options, headings)
        if line.role == TEXT and len(line.text) >= 10:
            if line.text in seen and score > 0:
                score = -options.short_penalty
            seen.add(line.text)
        scores.append(score)
    return scores


def line_score(line: Line, options: Options, headings: FeedHeadings) -> int:
    if line.role == TEXT:
        text = line.text
        if is_prose(text):
            return len(text)
        if len(text) >= 8 and not text.startswith(_LINK_MARKS) and mostly_cjk(text):
            return len(text) // 2 - 4
        return -options.short_penalty
    if line.role == REMOVED:
        if line.detector in _COMMENTS:
            return -options.comments_penalty
        if line.detector == RELATED_FEED and headings.match(line.text):
            return -options.feed_heading_penalty
        return -options.chrome_penalty
    return 0


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


def find_article(page: Page, options: Options, headings: FeedHeadings) -> Page:
    """``page`` with everything outside the article removed as
    ``outside_article`` and the headline lines marked."""
    lines = list(page.lines)
    scores = line_scores(lines, options, headings)
    span = _choose_run(_anchored_run(lines, scores, options), best_run(scores), scores)
    if span is None:
        return page
    start, end = span
    start = _body_start(lines, start, end, options)
    end = _body_end(lines, start, end, options)
    top = _headline_start(lines, start, options)
    bottom = _footer_end(lines, end, options)
    for i, line in enumerate(lines):
        if (i < top or i > bottom) and line.role in (TEXT, CAPTION):
            lines[i] = line.removed("outside_article")
        elif end < i <= bottom and line.role == TEXT and not _is_metadata(line.text):
            lines[i] = line.removed("outside_article")
    _clear_header(lines, top, start)
    _mark_headlines(lines, top, start)
    return page.with_lines(lines)


def cut_comments(page: Page, options: Options) -> Page:
    """The article found by the HTML step, without the comment section a
    candidate took with it: after the first line of a comment section
    (``目前没有热门跟贴``, a thread's replies) that follows an article's worth
    of prose, every line goes as ``comments`` (as the region step ends an
    article there in text mode)."""
    lines = list(page.lines)
    prose = 0
    for i, line in enumerate(lines):
        if line.role == REMOVED and line.detector in _COMMENTS and prose >= options.article_min:
            for j in range(i + 1, len(lines)):
                if lines[j].role in (TEXT, CAPTION):
                    lines[j] = lines[j].removed(CommentsDetector.name)
            return page.with_lines(lines)
        if line.role == TEXT and is_prose(line.text):
            prose += len(line.text)
    return page


def _choose_run(anchored: tuple[int, int, int] | None, best: tuple[int, int] | None, scores: list[int]) -> tuple[int, int] | None:
    """The run under a date line, unless the page's best run ends above that
    line, or holds it, and outscores the run after it: then the date line is
    the best run's footer (``来源：新闻晨报`` printed under the body, a
    comment's date) or a line inside it (a scraper printed a side column
    into the article), and what follows it is not the article."""
    if anchored is None:
        return best
    start, end, date_line = anchored
    if best is not None and best[0] <= date_line:
        # What the best run holds above the date line, against the run after it.
        above = sum(scores[best[0] : min(best[1], date_line) + 1])
        if above > sum(scores[start : end + 1]):
            return best
    return start, end


def _mark_headlines(lines: list[Line], top: int, start: int) -> None:
    """The title (and a headline block printed right above it) get the
    ``HEADLINE`` role, so a title that ends with ？ or ！ is not taken for prose."""
    for i in range(top, start):
        line = lines[i]
        if line.role == BLANK:
            continue
        if line.role != TEXT or not _is_headline(line.text) or (i > top and is_prose(line.text)):
            break
        if _is_metadata(line.text):
            break
        lines[i] = line.placed(HEADLINE, line.detector)


def _anchored_run(lines: Sequence[Line], scores: list[int], options: Options) -> tuple[int, int, int] | None:
    """The best run that starts right below a date/source line (the article's
    own dateline sits between its title and its body), if one scores enough:
    its start, its end and the date line.

    On a page whose article is short and whose comments or feeds are long,
    this keeps the article rather than the longest prose on the page.
    """
    best, best_span = options.anchored_min, None
    anchors = 0
    n = len(lines)
    peaks: tuple[list[int], list[int]] | None = None
    cued = cued_lines(lines, METADATA_CUE)
    for d, line in enumerate(lines):
        if line.role != TEXT or d not in cued or not _is_date_line(line.text):
            continue
        anchors += 1
        if anchors > 20:
            break
        # Within reach of the date line the run may restart (Kadane), but
        # not past a comment section: what follows one is no article ...
        total, start = 0, d + 1
        reach = min(d + options.anchor_reach, n - 1)
        blocked = False
        for i in range(d + 1, reach + 1):
            if scores[i] <= -options.comments_penalty:
                blocked = True
                break
            if total <= 0:
                total, start = scores[i], i
            else:
                total += scores[i]
            if total > best:
                best, best_span = total, (start, i, d)
        # ... beyond it the start is fixed, so the best end is where the
        # running sum peaks: looked up, not rescanned from every date line.
        if reach + 1 < n and not blocked:
            if peaks is None:
                peaks = _prefix_peaks(scores)
            prefix, peak = peaks
            end = peak[reach + 1]
            value = total + prefix[end] - prefix[reach]
            if value > best:
                best, best_span = value, (start, end, d)
    return best_span


def _prefix_peaks(scores: list[int]) -> tuple[list[int], list[int]]:
    """Prefix sums of ``scores``, and for each index ``k`` the first index at
    or after ``k`` where the prefix sum is highest."""
    prefix = list(accumulate(scores))
    peak = list(range(len(prefix)))
    for k in range(len(prefix) - 2, -1, -1):
        if prefix[peak[k + 1]] > prefix[k]:
            peak[k] = peak[k + 1]
    return prefix, peak


def _body_start(lines: Sequence[Line], start: int, end: int, options: Options) -> int:
    """A title that reads like prose (``…转行当美人鱼！每小时收入近千元``) may
    open the best run; when a metadata line or byline follows it within the
    first lines of the run, the body starts after that line."""
    last_meta = None
    seen = 0
    for i in range(start, end + 1):
        line = lines[i]
        if line.role != TEXT:
            continue
        seen += 1
        if seen > options.header_lines:
            break
        if _is_metadata(line.text):
            last_meta = i
        elif len(line.text) > 80 or ends_sentence(line.text):
            break
    if last_meta is None:
        return start
    following = next((i for i in range(last_meta + 1, end + 1) if lines[i].role == TEXT), None)
    return following if following is not None else start


def _body_end(lines: Sequence[Line], start: int, end: int, options: Options) -> int:
    """The body ends at the editor's or the source's line (``责任编辑：刘响``,
    ``信息来源：内蒙古日报``) once there is an article's worth of prose above
    it: what follows is page furniture."""
    prose = 0
    for i in range(start, end + 1):
        line = lines[i]
        if line.role != TEXT:
            continue
        if prose >= options.article_min:
            fields = metadata_line(line.text)
            if fields and ("editor" in fields or "source" in fields):
                return i
        if is_prose(line.text):
            prose += len(line.text)
    return end


#: Characters that take no room: byte-order marks, zero-width spaces and joiners.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


def _is_headline(text: str) -> bool:
    if not 4 <= len(text) <= 80 or text.startswith(_LINK_MARKS) or "[" in text or "#" in text:
        return False
    cjk = cjk_count(text)
    words = text.split()
    if len(words) >= 4 and all(len(word) <= 4 for word in words) and cjk:
        return False  # a menu: ``面板 文章 编辑 管理 资料 模板``
    # (Visible words: a line of byte-order marks ``\ufeff \ufeff \ufeff`` is none.)
    return cjk >= 4 or (cjk == 0 and sum(1 for word in words if word.isprintable() or word.strip(_INVISIBLE)) >= 3)


def _headline_start(lines: list[Line], start: int, options: Options) -> int:
    """Index of the title line above the body run starting at ``start``: the
    headline just above the page's date/source lines (or above the body).
    A title a list detector took is given back (in ``lines``)."""
    first = max(0, start - options.header_reach)
    meta_at = None
    for i in range(start - 1, first - 1, -1):
        line = lines[i]
        if line.role == TEXT and _is_date_line(line.text):
            meta_at = i
            break
    if meta_at is not None:
        meta_at = _metadata_cluster_top(lines, meta_at, first)
    anchor = meta_at if meta_at is not None else start
    candidates, seen = [], 0
    for i in range(anchor - 1, first - 1, -1):
        line = lines[i]
        if not _may_be_title(line):
            continue
        seen += 1
        if seen > options.title_reach:
            break
        if _is_headline(_unbulleted(line.text)) and not _is_metadata(line.text):
            candidates.append(i)
    if not candidates:
        return meta_at if meta_at is not None else start
    title = next((i for i in candidates if len(lines[i].text) >= 8), candidates[0])
    if lines[title].role != TEXT:
        lines[title] = _restored_title(lines[title])
    if meta_at is not None or any(lines[i].role == TEXT and _is_metadata(lines[i].text) for i in range(title, start)):
        return title
    return _headline_block_top(lines, title, options.headline_block_max)


def _may_be_title(line: Line) -> bool:
    """A kept line, or a long line a list detector took (w3m prints some
    pages' ``<h1>`` as a list item: ``• 我国集成电路进口突破3000亿美元！…``)."""
    if line.role == TEXT:
        return True
    return line.detector == HEADLINE_LIST and len(line.text) >= 12


def _unbulleted(text: str) -> str:
    return text[1:].lstrip() if text[:1] in "•*-·" else text


def _restored_title(line: Line) -> Line:
    """The title line a list detector took, kept, its bullet cut."""
    bullet = len(line.text) - len(_unbulleted(line.text))
    return line.placed(TEXT, None).cut(0, bullet, "bullet")


def _metadata_cluster_top(lines: list[Line], i: int, first: int) -> int:
    """Widen a date line upwards over the metadata lines printed with it
    (``2019-09-07 15:10:53 来源：EETOP`` above ``最后更新: …``)."""
    top, gap = i, 0
    for j in range(i - 1, first - 1, -1):
        line = lines[j]
        if line.role != TEXT:
            continue
        if _is_metadata(line.text):
            top, gap = j, 0
        else:
            gap += 1
            if gap > 2:
                break
    return top


def _is_metadata(text: str) -> bool:
    """A metadata line, a byline, a post's attribution (``由X张贴 @ …``) or
    names in brackets (``（袁源）``): kept near the article for step 6,
    never taken for its prose."""
    return metadata_line(text) is not None or byline(text) is not None or post_line(text) is not None or names_line(text) is not None


def _headline_block_top(lines: Sequence[Line], i: int, most: int) -> int:
    """Widen a title line at ``i`` upwards over the headline lines that open
    the page (an e-paper page's kicker and headlines). A headline-like line
    with anything above it is a portal's menu, not part of the headline, and
    so are more than ``most`` of them (a list, not a headline;
    the bound also keeps the headline checks downstream linear)."""
    top, count = i, 0
    for j in range(i - 1, -1, -1):
        line = lines[j]
        if line.role == BLANK:
            continue
        if line.role != TEXT or not _is_headline(line.text) or len(line.text) < 8 or is_prose(line.text):
            return i
        count += 1
        if count > most:
            return i
        top = j
    return top


def _is_date_line(text: str) -> bool:
    fields = metadata_line(text)
    return bool(fields) and ("date" in fields or "source" in fields)


def _footer_end(lines: Sequence[Line], end: int, options: Options) -> int:
    """Index of the last line the article keeps: the body's last line, or a
    metadata line or byline shortly below it."""
    last = end
    for i in range(end + 1, min(len(lines), end + 1 + options.footer_reach)):
        line = lines[i]
        if line.role == TEXT and _is_metadata(line.text):
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
        if _is_metadata(text):
            continue
        account = _account_name(lines, i, start)
        if account:
            lines[i] = line.removed("byline")._replace(fields=LineFields("account", authors=(account,)))
            continue
        names = _bare_names(text) if i - top <= BARE_NAME_REACH else None
        if names:
            lines[i] = line.removed("byline")._replace(fields=LineFields("name", authors=names))
            continue
        if len(text) >= 8 and mostly_cjk(text) and not text.startswith("["):
            continue
        lines[i] = line.removed("outside_article")


#: How far under the title (lines, blanks included) a name alone is its author's.
BARE_NAME_REACH = 4


def _bare_names(text: str) -> tuple[str, ...] | None:
    """The author's name alone on a line under the title (``胡平``,
    ``赵延东 风笑天``): names that open with a surname, nothing else."""
    if len(text) > 20:
        return None
    return valid_names(NAME_SEPARATORS.split(text), han_only=True, split=False)


_ACCOUNT = re.compile(r"(?:\[[^\[\]]{0,60}\]\s*)?(?P<name>[^\s\[\]，。,:：|/]{2,12})")
_FOLLOW_BUTTONS = frozenset(FOLLOW_BUTTONS)
_TIME_WORD = re.compile("时间|時間")


def _account_name(lines: Sequence[Line], i: int, start: int) -> str | None:
    """A self-media account's name under the title: a short name right above
    the publish-time line (``加拿大必读`` / ``发布时间：10-08 12:00``) or
    right before a follow button or the account's counters
    (``[ff82000003] 去驴行`` / ``关注``; ``魑皇`` / ``粉丝：23文章：11``)."""
    match = _ACCOUNT.fullmatch(lines[i].text)
    if match is None or match["name"] in _FOLLOW_BUTTONS:
        return None
    following = next((j for j in range(i + 1, start) if lines[j].role == TEXT), None)
    if following is None:
        return None
    text = lines[following].text
    if text in _FOLLOW_BUTTONS or ACCOUNT_STATS.fullmatch(text) or (_is_date_line(text) or metadata_line(text) is not None and _TIME_WORD.search(text) is not None):
        return match["name"]
    return None
