"""Lists of other stories: 推荐阅读 / 相关阅读 feeds, teasers, headline lists."""
from __future__ import annotations

import re
from typing import Sequence

from ..lines import TEXT, Line
from ..text import ends_sentence, is_prose
from ..vocab import both_scripts
from .base import BULLET, cue_words, cued_lines, next_text, prev_nonblank, prev_text, words
from .widgets import WidgetLabelDetector

RELATED_FEED, TEASER, HEADLINE_LIST = "related_feed", "teaser", "headline_list"

FEED_HEADING_WORDS = both_scripts(
    "相关阅读", "推荐阅读", "延伸阅读", "扩展阅读", "相关新闻", "相关文章", "相关报道", "相关推荐", "相关链接",
    "相关稿件", "相关内容", "热门推荐", "热点推荐", "精彩推荐", "猜你喜欢", "为您推荐", "为你推荐", "今日推荐",
    "编辑推荐", "热门文章", "热门新闻", "热点新闻", "热点阅读", "最新文章", "最新新闻", "最新资讯", "更多新闻",
    "更多阅读", "你可能会喜欢", "您可能会喜欢", "猜您喜欢", "作者最新文章", "小编最近文章", "相关专题", "大家都在看", "看了本文的人还看了", "你可能感兴趣", "您可能感兴趣", "可能感兴趣", "往期回顾",
    "热门阅读", "新闻推荐", "阅读推荐", "相关閱讀", "推薦閱讀", "相關新聞", "相關閱讀", "延伸閱讀", "熱門推薦",
    "推荐新闻", "你可能也喜欢", "您可能也喜欢", "即时新闻", "最新消息", "热门话题",
)


class FeedHeadings:
    """The feed headings (``推荐阅读``, ``相关新闻：``, ``【热门推荐】``), with
    the phrases a rule set adds; compiled once per rule set."""

    def __init__(self, extra: Sequence[str] = ()):
        phrases = FEED_HEADING_WORDS + tuple(extra)
        self.heading = re.compile(r"[\[【]?" + BULLET + words(*phrases) + r"[\]】]?\s*[：:>》»]*\s*(?:更多\s*[>》»]*)?", re.I)
        # Cue (see ``text.cued_lines``): a feed heading holds one of these.
        self.cue = re.compile(cue_words(*phrases))

    def match(self, text: str) -> bool:
        return self.heading.fullmatch(text) is not None


DEFAULT_HEADINGS = FeedHeadings()

# A feed item's timestamp: ``2024-12-04 09:15``, ``12-04 09:15``, ``3小时前``.
TIMESTAMP = re.compile(
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}[-/月]\d{1,2}日?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}:\d{2}|刚刚|\d{1,2}\s*(?:秒|分钟|小时|天)前|昨天(?:\s*\d{1,2}:\d{2})?|前天(?:\s*\d{1,2}:\d{2})?"
)
# ``…[詳細]`` ends a teaser of any length; a bare ``>>`` only a short link line
# (a paragraph ending ``…仍将持续。●返回腾讯网首页>>`` is prose with a link glued on).
_TEASER_END = re.compile(
    r".{2,400}?(?:\[(?:详细|詳細|全文|更多|详情|詳情)\]|【(?:详细|詳細|全文|详情)】)\s*[-—]?|[^。！？!?]{2,60}?(?:>>+|》》)\s*[-—]?"
)
# A date with its time before a bare ``>>``: a post's attribution
# (``由海姑娘张贴 @ 2005-03-21 01:20:44 (359) 共 3 篇评论 发表评论 >>>``), not a teaser.
_DATED_LINK = re.compile(r"\d[-/.年月]\d{1,2}日?\s*\d{1,2}:\d{2}[^\[\]【】]*(?:>>|》》)\s*[-—]?$")
# Cues: a line can only be a dated headline or a teaser if it holds one of these.
_DATED_CUE = re.compile(r"-|\[")
_TEASER_CUE = re.compile(r"\[详|\[詳|\[全|\[更|【详|【詳|【全|>>|》》")

# ``他对政治没兴趣，却老跟政治扯上关系2015-09-22``: a headline with its date glued on.
# ``云南两教师上课点名发现异常，救下一家5口性命[u=3321818931,…]``: with its thumbnail.
DATED_HEADLINE = re.compile(
    r".{4,60}?(?:(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\[[\x21-\x5a\x5c\x5e-\x7e]{8,400}\])"
)


def _is_item(lines: Sequence[Line], i: int) -> bool:
    """A feed item: a timestamp, a line followed by a timestamp, or a short
    link-like line."""
    text = lines[i].text
    if TIMESTAMP.fullmatch(text):
        return True
    j = next_text(lines, i + 1)
    if j is not None and TIMESTAMP.fullmatch(lines[j].text):
        return True
    return len(text) <= 40 and not is_prose(text)


def related_feed(lines: Sequence[Line], headings: FeedHeadings = DEFAULT_HEADINGS) -> list[Line]:
    """A 推荐阅读 / 相关阅读 heading and the feed of teasers under it, and any
    run of teaser + timestamp lines.

    Removes ``推荐阅读`` with the lines under it such as
    ``该公司牌楼500千伏输变电工程于11月25日正式投运,…`` / ``2024-12-04 09:13``.
    """
    out = list(lines)
    cued = cued_lines(out, headings.cue)
    dated = cued_lines(out, _DATED_CUE)
    i = 0
    while i < len(out):
        line = out[i]
        if line.role != TEXT:
            i += 1
            continue
        if i in cued and headings.match(line.text):
            out[i] = line.removed(RELATED_FEED)
            j = next_text(out, i + 1)
            while j is not None and _is_item(out, j):
                out[j] = out[j].removed(RELATED_FEED)
                j = next_text(out, j + 1)
            i = j if j is not None else len(out)
            continue
        if TIMESTAMP.fullmatch(line.text):
            _remove_timestamp_run(out, i)
        elif i in dated and DATED_HEADLINE.fullmatch(line.text):
            i = _remove_dated_run(out, i, dated)
        i += 1
    return out


def _remove_dated_run(out: list[Line], i: int, dated: set[int]) -> int:
    """Two or more headlines in a row, each with its date glued on."""
    run = [i]
    j = next_text(out, i + 1)
    while j is not None and j in dated and DATED_HEADLINE.fullmatch(out[j].text) and not ends_sentence(out[j].text):
        run.append(j)
        j = next_text(out, j + 1)
    if len(run) >= 2:
        for k in run:
            out[k] = out[k].removed(RELATED_FEED)
    return run[-1]


def _remove_timestamp_run(out: list[Line], i: int) -> None:
    """Teaser + timestamp pairs without a heading: two or more in a row."""
    pairs = []
    j = i
    while j is not None and TIMESTAMP.fullmatch(out[j].text):
        prev = prev_text(out, j)
        if prev is None or TIMESTAMP.fullmatch(out[prev].text) or (pairs and prev <= pairs[-1][1]):
            break
        pairs.append((prev, j))
        k = next_text(out, j + 1)
        j = next_text(out, k + 1) if k is not None else None
    if len(pairs) >= 2:
        for teaser, stamp in pairs:
            out[teaser] = out[teaser].removed(RELATED_FEED)
            out[stamp] = out[stamp].removed(RELATED_FEED)


def teasers(lines: Sequence[Line]) -> list[Line]:
    """Related-story teasers ending ``[详细]``, with the headline above them.

    Removes ``全國政協委員陳軍:讓生態優勢轉化為發展優勢`` /
    ``在注重生態建設的同時,…向綠水青山要紅利福利。[詳細] -``.
    """
    out = list(lines)
    for i in sorted(cued_lines(out, _TEASER_CUE)):
        line = out[i]
        if line.role == TEXT and _TEASER_END.fullmatch(line.text) and not _DATED_LINK.search(line.text):
            out[i] = line.removed(TEASER)
            prev = prev_nonblank(out, i)
            if prev is not None and out[prev].role == TEXT and len(out[prev].text) <= 60 and not is_prose(out[prev].text):
                out[prev] = out[prev].removed(TEASER)
    return out


_LIST_MARKS = "-•·*▪■◆●○"
_LIST_ITEM = re.compile(rf"[{_LIST_MARKS}]\s*(.{{1,80}})")
#: Detectors whose line may head a headline list (a box's label).
LABEL_DETECTORS = frozenset({WidgetLabelDetector.name, RELATED_FEED})


def headline_list(lines: Sequence[Line]) -> list[Line]:
    """A bulleted list of other stories' headlines: three or more short
    bullet lines with no sentence end, or one or more right under a removed label.

    Removes ``- 國內首條海底高鐵隧道完成海上鉆探工作`` and the lines like it.
    """
    out = list(lines)
    i = 0
    while i < len(out):
        run = []
        j: int | None = i
        while j is not None and out[j].role == TEXT and _is_headline_item(out[j].text):
            run.append(j)
            j = next_text(out, j + 1)
        if run:
            prev = prev_nonblank(out, run[0])
            under_label = prev is not None and out[prev].role != TEXT and out[prev].detector in LABEL_DETECTORS
            if len(run) >= 3 or under_label:
                for k in run:
                    out[k] = out[k].removed(HEADLINE_LIST)
            i = run[-1] + 1
        else:
            i += 1
    return out


def _is_headline_item(text: str) -> bool:
    if text[:1] not in _LIST_MARKS:
        return False
    match = _LIST_ITEM.fullmatch(text)
    return bool(match) and not ends_sentence(match.group(1))
