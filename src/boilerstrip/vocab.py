"""Vocabularies that more than one step reads, one per concept, compiled once.

Each detector keeps the phrases only it uses beside it (``detectors/``);
what is here is read by several steps: a follow button is chrome under the
title (``region``) and no name in an author card (``metadata``).
"""
from __future__ import annotations

import re

#: Buttons of a self-media account card (``中国广州发布 关注``).
FOLLOW_BUTTONS = (
    "关注", "+关注", "+ 关注", "订阅", "+订阅", "已关注", "關注", "+關注", "+ 關注", "訂閱", "+訂閱", "已關注", "追蹤", "+追蹤"
)
#: Words of an account card that are no name: its buttons and counters.
ACCOUNT_CARD = re.compile(r"[+＋]?(?:关注|關注|已关注|已關注|订阅|訂閱|已订阅|已訂閱|追蹤|私信|主页|主頁|粉丝|粉絲)")

#: An account card's counters: ``粉丝：23文章：11``, ``粉絲 1.2萬 · 獲讚 30``.
ACCOUNT_STATS = re.compile(
    r"(?:(?:粉丝|粉絲|文章|获赞|獲讚|关注|關注|作品|阅读|閱讀|閲讀)\s*[：:]?\s*\d[\d.,]*[万萬wWkK]?\s*[|·/]?\s*){2,}"
)

#: ``原标题`` and its spellings: a line quoting the article's original headline.
ORIGINAL_TITLE_WORDS = ("原标题", "原標題", "原题", "原題")
ORIGINAL_TITLE = re.compile("|".join(ORIGINAL_TITLE_WORDS))

#: Buttons and links of a page's tools, posts and comments: they leak into
#: byline slots (``作者：博客联系``) and are never a name.
PAGE_CONTROLS = frozenset(
    "引用 投诉 投訴 支持 反对 反對 回复 回覆 举报 舉報 我来说两句 我來說兩句 我來説兩句 博客联系 博客聯繫 收藏 分享 打印 关闭 關閉 "
    "评论 評論 关注 關注 订阅 訂閱 已关注 私信 主页 主頁 粉丝 粉絲 加好友 留言 顶 頂 踩 赞 讚 转发 轉發 纠错 糾錯 "
    "上一页 下一页 上一篇 下一篇 返回 首页 首頁 更多 登录 登錄 注册 註冊 编辑本段 編輯本段".split()
)
#: What a button's or a link's text opens with (``返回搜狐``, ``查看更多``).
CONTROL_OPENING = re.compile(
    r"(?:返回|查看|点击|點擊|进入|進入|登录|登錄|注册|註冊|下载|下載|分享|收藏|打印|关闭|關閉|更多|发表|發表|我来|我來|我要|加入|订阅|訂閱|关注|關注)"
)


# ---------------------------------------------------------------- both scripts
#
# Every built-in vocabulary is written once, in simplified characters, and
# read in both scripts: ``both_scripts`` adds each phrase's Taiwan and Hong
# Kong forms (``相关阅读`` -> ``相關閱讀``; ``视频`` -> ``影片``; ``打印`` ->
# ``列印``) from ``data/traditional.txt``, which scripts/make_traditional.py
# generates with OpenCC from the phrases registered here (a test checks that
# the table holds every one of them).

#: Every phrase and pattern given to :func:`both_scripts` or
#: :func:`pattern_both_scripts`, in order (read by the generator).
REGISTERED: dict[str, None] = {}


def _table() -> dict[str, tuple[str, ...]]:
    from importlib import resources

    text = resources.files(__package__).joinpath("data", "traditional.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: tuple(row[1:]) for row in rows}


_TRADITIONAL = _table()


def both_scripts(*phrases: str) -> tuple[str, ...]:
    """``phrases`` and their traditional forms (Taiwan, Hong Kong)."""
    out = list(phrases)
    for phrase in phrases:
        REGISTERED[phrase] = None
        out.extend(form for form in _TRADITIONAL.get(phrase, ()) if form not in out)
    return tuple(out)


def pattern_both_scripts(pattern: str) -> str:
    """A regular expression that also matches its traditional forms (the
    pattern's Chinese characters converted; its syntax is ASCII): one
    alternation of the pattern's alternatives and those of its forms, none
    twice (a form repeats most of them: ``跟帖`` is the same in both
    scripts), so a match tries each once. An alternative equal to an earlier
    one can only match where that one already did: the matches are the same."""
    REGISTERED[pattern] = None
    forms = [form for form in _TRADITIONAL.get(pattern, ()) if form != pattern]
    return "(?:" + "|".join(_joined_alternatives(pattern, forms)) + ")" if forms else pattern


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``, or the pattern whole
    where a piece is no expression of its own (a ``|`` inside a character
    class ``_top_level`` took for a top-level one)."""
    pieces = _top_level(pattern)
    try:
        for piece in pieces:
            re.compile(piece)
    except re.error:
        return [pattern]
    return pieces


def cue_both_scripts(cue: str) -> str:
    """A cue (an alternation, literals mostly) with its traditional forms as
    more alternatives of the same alternation, none twice."""
    REGISTERED[cue] = None
    return "|".join(_joined_alternatives(cue, _TRADITIONAL.get(cue, ())))


def _joined_alternatives(pattern: str, forms) -> list[str]:
    """The alternatives of ``pattern``, then those of each form not already
    there: an alternative equal to an earlier one can only match where that
    one did."""
    alternatives = _alternatives(pattern)
    for form in forms:
        for alternative in _alternatives(form):
            if alternative not in alternatives:
                alternatives.append(alternative)
    return alternatives


def _top_level(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` split at its top-level ``|``."""
    out, depth, start, escaped = [], 0, 0, False
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out
