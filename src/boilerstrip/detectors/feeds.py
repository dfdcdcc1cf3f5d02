"""Lists of other stories: 推荐阅读 / 相关阅读 feeds, teasers, headline lists."""
from __future__ import annotations

import re

from ..lines import TEXT, Line, ends_sentence, is_prose
from .base import BULLET, LineDetector, cue_words, cued_lines, next_text, words

FEED_HEADING_WORDS = (
    "相关阅读", "推荐阅读", "延伸阅读", "扩展阅读", "相关新闻", "相关文章", "相关报道", "相关推荐", "相关链接",
    "相关稿件", "相关内容", "热门推荐", "热点推荐", "精彩推荐", "猜你喜欢", "为您推荐", "为你推荐", "今日推荐",
    "编辑推荐", "热门文章", "热门新闻", "热点新闻", "热点阅读", "最新文章", "最新新闻", "最新资讯", "更多新闻",
    "更多阅读", "你可能会喜欢", "您可能会喜欢", "猜您喜欢", "作者最新文章", "小编最近文章", "相关专题", "大家都在看", "看了本文的人还看了", "你可能感兴趣", "您可能感兴趣", "可能感兴趣", "往期回顾",
    "热门阅读", "新闻推荐", "阅读推荐", "相关閱讀", "推薦閱讀", "相關新聞", "相關閱讀", "延伸閱讀", "熱門推薦",
)
FEED_HEADINGS = words(*FEED_HEADING_WORDS)
_HEADING = re.compile(r"[\[【]?" + BULLET + FEED_HEADINGS + r"[\]】]?\s*[：:>》»]*\s*(?:更多\s*[>》»]*)?", re.I)
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
# Cues (see ``base.cued_lines``): a line can only be a feed heading, a dated
# headline or a teaser if it holds one of these.
_HEADING_CUE = re.compile(cue_words(*FEED_HEADING_WORDS))
_DATED_CUE = re.compile(r"-|\[")
_TEASER_CUE = re.compile(r"\[详|\[詳|\[全|\[更|【详|【詳|【全|>>|》》")


def is_feed_heading(text: str) -> bool:
    """``推荐阅读``, ``相关新闻：``, ``【热门推荐】`` and the like."""
    return bool(_HEADING.fullmatch(text))


# ``他对政治没兴趣，却老跟政治扯上关系2015-09-22``: a headline with its date glued on.
# ``云南两教师上课点名发现异常，救下一家5口性命[u=3321818931,…]``: with its thumbnail.
DATED_HEADLINE = re.compile(
    r".{4,60}?(?:(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\[[\x21-\x5a\x5c\x5e-\x7e]{8,400}\])"
)


def _is_item(lines: list[Line], i: int) -> bool:
    """A feed item: a timestamp, a line followed by a timestamp, or a short
    link-like line."""
    text = lines[i].text
    if TIMESTAMP.fullmatch(text):
        return True
    j = next_text(lines, i + 1)
    if j is not None and TIMESTAMP.fullmatch(lines[j].text):
        return True
    return len(text) <= 40 and not is_prose(text)


def related_feed(lines: list[Line]) -> None:
    """A 推荐阅读 / 相关阅读 heading and the feed of teasers under it, and any
    run of teaser + timestamp lines.

    Removes ``推荐阅读`` with the lines under it such as
    ``该公司牌楼500千伏输变电工程于11月25日正式投运,…`` / ``2024-12-04 09:13``.
    """
    headings = cued_lines(lines, _HEADING_CUE)
    dated = cued_lines(lines, _DATED_CUE)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.role != TEXT:
            i += 1
            continue
        if i in headings and is_feed_heading(line.text):
            line.remove("related_feed")
            j = next_text(lines, i + 1)
            while j is not None and _is_item(lines, j):
                lines[j].remove("related_feed")
                j = next_text(lines, j + 1)
            i = j if j is not None else len(lines)
            continue
        if TIMESTAMP.fullmatch(line.text):
            _remove_timestamp_run(lines, i)
        elif i in dated and DATED_HEADLINE.fullmatch(line.text):
            i = _remove_dated_run(lines, i, dated)
        i += 1


def _remove_dated_run(lines: list[Line], i: int, dated: set[int]) -> int:
    """Two or more headlines in a row, each with its date glued on."""
    run = [i]
    j = next_text(lines, i + 1)
    while j is not None and j in dated and DATED_HEADLINE.fullmatch(lines[j].text) and not ends_sentence(lines[j].text):
        run.append(j)
        j = next_text(lines, j + 1)
    if len(run) >= 2:
        for k in run:
            lines[k].remove("related_feed")
    return run[-1]


def _remove_timestamp_run(lines: list[Line], i: int) -> None:
    """Teaser + timestamp pairs without a heading: two or more in a row."""
    pairs = []
    j = i
    while j is not None and TIMESTAMP.fullmatch(lines[j].text):
        prev = _prev_text(lines, j)
        if prev is None or TIMESTAMP.fullmatch(lines[prev].text) or (pairs and prev <= pairs[-1][1]):
            break
        pairs.append((prev, j))
        k = next_text(lines, j + 1)
        j = next_text(lines, k + 1) if k is not None else None
    if len(pairs) >= 2:
        for teaser, stamp in pairs:
            lines[teaser].remove("related_feed")
            lines[stamp].remove("related_feed")


def _prev_text(lines: list[Line], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j].role == TEXT:
            return j
    return None


def teasers(lines: list[Line]) -> None:
    """Related-story teasers ending ``[详细]``, with the headline above them.

    Removes ``全國政協委員陳軍:讓生態優勢轉化為發展優勢`` /
    ``在注重生態建設的同時,…向綠水青山要紅利福利。[詳細] -``.
    """
    for i in sorted(cued_lines(lines, _TEASER_CUE)):
        line = lines[i]
        if line.role == TEXT and _TEASER_END.fullmatch(line.text):
            line.remove("teaser")
            prev = _prev_any(lines, i)
            if prev is not None and lines[prev].role == TEXT and len(lines[prev].text) <= 60 and not is_prose(lines[prev].text):
                lines[prev].remove("teaser")


_LIST_MARKS = "-•·*▪■◆●○"
_LIST_ITEM = re.compile(rf"[{_LIST_MARKS}]\s*(.{{1,80}})")


def headline_list(lines: list[Line]) -> None:
    """A bulleted list of other stories' headlines: three or more short
    bullet lines with no sentence end, or two right under a removed label.

    Removes ``- 國內首條海底高鐵隧道完成海上鉆探工作`` and the lines like it.
    """
    i = 0
    while i < len(lines):
        run = []
        j: int | None = i
        while j is not None and lines[j].role == TEXT and _is_headline_item(lines[j].text):
            run.append(j)
            j = next_text(lines, j + 1)
        if run:
            prev = _prev_any(lines, run[0])
            under_label = prev is not None and lines[prev].role != TEXT
            if len(run) >= 3 or (len(run) >= 1 and under_label and lines[prev].detector in LABEL_DETECTORS):
                for k in run:
                    lines[k].remove("headline_list")
            i = run[-1] + 1
        else:
            i += 1


LABEL_DETECTORS = frozenset({"widget_label", "related_feed"})


def _is_headline_item(text: str) -> bool:
    if text[:1] not in _LIST_MARKS:
        return False
    match = _LIST_ITEM.fullmatch(text)
    return bool(match) and not ends_sentence(match.group(1))


def _prev_any(lines: list[Line], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j].text:
            return j
    return None


WIDGET_LABELS = words(
    "视觉焦点", "独家策划", "光明云投", "图片新闻", "图片推荐", "热点专题", "专题推荐", "排行榜", "点击排行",
    "热门排行", "新闻排行", "24小时排行", "24小时热文", "今日热点", "热门视频", "精彩视频", "精彩图片", "热门图片",
    "热门评论", "最新评论", "网友评论", "我要评论", "发表评论", "评论", "跟帖", "热门跟帖", "文章评论", "推荐",
    "热点", "热门", "视频", "图片", "专题", "直播", "热搜", "热榜", "要闻", "滚动", "快讯", "关注我们",
    "下载客户端", "客户端下载", "APP下载", "手机看", "手机版", "返回首页", "网站地图", "联系我们", "关于我们",
)


class WidgetLabelDetector(LineDetector):
    """The label of a portal widget or box alone on its line, and tag lines.

    Removes ``视觉焦点``, ``独家策划``, ``光明云投``, ``关键词 >> 共享充电宝``.
    """

    name = "widget_label"
    max_length = 60
    pattern = (
        r"[\[【]?" + WIDGET_LABELS + r"[\]】]?\s*[：:>》»]*\s*(?:更多\s*[>》»]*)?"
        r"|" + BULLET + r"(?:标签|標籤|关键词|關鍵詞|关键字|關鍵字|文章关键词|Tags?)\s*[：:>》»]*.{0,40}"
    )
