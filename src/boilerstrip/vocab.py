"""Vocabularies that more than one step reads, one per concept, compiled once.

Each detector keeps the phrases only it uses beside it (``detectors/``);
what is here is read by several steps: a follow button is chrome under the
title (``region``) and no name in an author card (``metadata``).
"""
from __future__ import annotations

import re

#: Buttons of a self-media account card (``中国广州发布 关注``).
FOLLOW_BUTTONS = ("关注", "+关注", "+ 关注", "订阅", "+订阅", "已关注")
#: Words of an account card that are no name: its buttons and counters.
ACCOUNT_CARD = re.compile(r"[+＋]?(?:关注|已关注|订阅|已订阅|私信|主页|粉丝)")

#: ``原标题`` and its spellings: a line quoting the article's original headline.
ORIGINAL_TITLE_WORDS = ("原标题", "原標題", "原题", "原題")
ORIGINAL_TITLE = re.compile("|".join(ORIGINAL_TITLE_WORDS))
