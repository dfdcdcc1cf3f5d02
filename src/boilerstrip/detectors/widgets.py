"""Reaction widgets: mood polls and like counters."""
from __future__ import annotations

import re

from ..lines import TEXT, Line
from .base import BULLET, cue_words, cued_lines, next_text, words

WIDGET_OPENING_WORDS = (
    "您此时的心情", "你此时的心情", "此时的心情", "看完此文你的心情", "读完这篇文章后，您心情如何", "新闻表情排行",
    "我要表态", "心情指数", "表态", "你的心情", "您的心情", "文章有用吗", "这篇文章对你有用吗",
)
WIDGET_OPENINGS = words(*WIDGET_OPENING_WORDS)
MOOD_WORDS = (
    "开心", "难过", "点赞", "飘过", "愤怒", "感动", "同情", "搞笑", "无聊", "震惊", "惊讶", "高兴", "伤心", "支持",
    "反对", "鄙视", "路过", "雷人", "给力", "囧", "喜欢", "期待", "担忧", "气愤", "可怕", "难受", "好文", "有用",
    "没用", "赞", "踩", "顶", "欠揍", "加油", "流泪", "惊呆", "搞怪", "无奈",
)
MOODS = words(*MOOD_WORDS)
# Only a line holding an opening or a mood word can start a widget.
_START_CUE = re.compile(cue_words(*WIDGET_OPENING_WORDS, *MOOD_WORDS))
_OPENING = re.compile(WIDGET_OPENINGS + r"\s*[：:/]?\s*")
_WIDGET_PART = re.compile(
    BULLET + r"(?:" + MOODS + r"\s*[：:]?\s*(?:\d+|\(\d+\)|（\d+）)?|\d{1,9}\s*(?:人|票|次|%)?|" + WIDGET_OPENINGS + r"\s*[：:/]?\s*)"
)


def reaction_widget(lines: list[Line]) -> None:
    """A mood poll or like counter: its heading, the mood words and their counts.

    Removes ``您此时的心情``, ``新闻表情排行 /``, ``• 开心``, ``0``.
    """
    starts = cued_lines(lines, _START_CUE)
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in starts and line.role == TEXT and (_OPENING.fullmatch(line.text) or _mood_run_starts(lines, i)):
            line.remove("reaction_widget")
            j = next_text(lines, i + 1)
            while j is not None and (_WIDGET_PART.fullmatch(lines[j].text) or len(lines[j].text) <= 6 and _followed_by_mood(lines, j)):
                lines[j].remove("reaction_widget")
                j = next_text(lines, j + 1)
            i = j if j is not None else len(lines)
            continue
        i += 1


_MOOD_WITH_COUNT = re.compile(BULLET + MOODS + r"\s*[：:]?\s*(?:\d+|\(\d+\)|（\d+）)?")


def _mood_run_starts(lines: list[Line], i: int) -> bool:
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


def _followed_by_mood(lines: list[Line], i: int) -> bool:
    j = next_text(lines, i + 1)
    return j is not None and bool(_WIDGET_PART.fullmatch(lines[j].text))
