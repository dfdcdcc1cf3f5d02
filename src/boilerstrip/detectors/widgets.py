"""Portal widgets: mood polls and like counters, and the labels of boxes."""
from __future__ import annotations

import re
from typing import Sequence

from ..lines import TEXT, Line
from ..vocab import both_scripts
from .base import BULLET, LineDetector, cue_words, cued_lines, next_text, words
from .comments import COMMENT_HEADING_WORDS

WIDGET_OPENING_WORDS = both_scripts(
    "您此时的心情", "你此时的心情", "此时的心情", "看完此文你的心情", "读完这篇文章后，您心情如何", "新闻表情排行",
    "我要表态", "心情指数", "表态", "你的心情", "您的心情", "文章有用吗", "这篇文章对你有用吗",
)
MOOD_WORDS = both_scripts(
    "开心", "难过", "点赞", "飘过", "愤怒", "感动", "同情", "搞笑", "无聊", "震惊", "惊讶", "高兴", "伤心", "支持",
    "反对", "鄙视", "路过", "雷人", "给力", "囧", "喜欢", "期待", "担忧", "气愤", "可怕", "难受", "好文", "有用",
    "没用", "赞", "踩", "顶", "欠揍", "加油", "流泪", "惊呆", "搞怪", "无奈",
)
MOODS = words(*MOOD_WORDS)
_MOOD_WITH_COUNT = re.compile(BULLET + MOODS + r"\s*[：:]?\s*(?:\d+|\(\d+\)|（\d+）)?")


class ReactionWidget:
    """A mood poll or like counter: its heading, the mood words and their counts.

    Removes ``您此时的心情``, ``新闻表情排行 /``, ``• 开心``, ``0``. A rule set
    may add headings (``extra``); compiled once per rule set.
    """

    name = "reaction_widget"

    def __init__(self, extra: Sequence[str] = ()):
        openings = words(*WIDGET_OPENING_WORDS, *extra)
        # Only a line holding an opening or a mood word can start a widget.
        self._start_cue = re.compile(cue_words(*WIDGET_OPENING_WORDS, *extra, *MOOD_WORDS))
        self._opening = re.compile(openings + r"\s*[：:/]?\s*")
        self._part = re.compile(
            BULLET + r"(?:" + MOODS + r"\s*[：:]?\s*(?:\d+|\(\d+\)|（\d+）)?|\d{1,9}\s*(?:人|票|次|%)?|" + openings + r"\s*[：:/]?\s*)"
        )

    def __call__(self, lines: Sequence[Line]) -> list[Line]:
        out = list(lines)
        starts = cued_lines(out, self._start_cue)
        i = 0
        while i < len(out):
            line = out[i]
            if i in starts and line.role == TEXT and (self._opening.fullmatch(line.text) or _mood_run_starts(out, i)):
                out[i] = line.removed(self.name)
                j = next_text(out, i + 1)
                while j is not None and (self._part.fullmatch(out[j].text) or len(out[j].text) <= 6 and self._followed_by_part(out, j)):
                    out[j] = out[j].removed(self.name)
                    j = next_text(out, j + 1)
                i = j if j is not None else len(out)
                continue
            i += 1
        return out

    def _followed_by_part(self, lines: Sequence[Line], i: int) -> bool:
        j = next_text(lines, i + 1)
        return j is not None and bool(self._part.fullmatch(lines[j].text))


def _mood_run_starts(lines: Sequence[Line], i: int) -> bool:
    """Three mood words (each maybe with its count) in a row, no heading."""
    count, j = 0, i
    while j is not None and count < 3:
        text = lines[j].text
        if _MOOD_WITH_COUNT.fullmatch(text):
            count += 1
        elif not (text.isdigit() and count):
            return False
        j = next_text(lines, j + 1)
    return count >= 3


WIDGET_LABELS = words(*both_scripts(
    "视觉焦点", "独家策划", "光明云投", "图片新闻", "图片推荐", "热点专题", "专题推荐", "排行榜", "点击排行",
    "热门排行", "新闻排行", "24小时排行", "24小时热文", "今日热点", "热门视频", "精彩视频", "精彩图片", "热门图片",
    *COMMENT_HEADING_WORDS, "推荐",
    "热点", "热门", "视频", "图片", "专题", "直播", "热搜", "热榜", "要闻", "滚动", "快讯", "关注我们",
    "下载客户端", "客户端下载", "APP下载", "手机看", "手机版", "返回首页", "网站地图", "联系我们", "关于我们",
))


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
