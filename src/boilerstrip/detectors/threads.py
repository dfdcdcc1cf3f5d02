"""Forum threads, blog comments and post archives: the posts after the first.

A thread prints every post with a *frame* of the same shape, a header or a
footer holding the post's date: ``# re: 很高兴入住博客堂 2004-12-27 12:46
flyingbirds``, ``〓网易娱乐明星话题发布时间 2005/03/16 01:08:28 by mi来mi去〓``,
``由海姑娘张贴 @ 2005-06-13 15:00:14 (697) 共 29 篇评论发表评论 >>>``, or a
reply index of such lines (``一把辛酸泪啊。【皮皮说话】08-11 17:15 80字
[176/0]``). The text beside the date changes from post to post, but on one
side of it the frame stays the same once its digits are masked (``# re:
很高兴入住博客堂`` before, ``(0) 共 0 篇评论发表评论 >>>`` after).

Three or more lines sharing a frame make a thread. The article is its first
post; the other posts, or the index, are removed as ``replies`` (and the
region step ends the article where they begin).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ..lines import BLANK, TEXT, Line
from ..lines import _new
from ..text import cued_lines, is_prose
from .comments import COMMENT_MARKS

_COMMENT_MARK = re.compile(COMMENT_MARKS)

NAME = "replies"
#: A post's date: year-month-day (a time may follow) or month-day and a time.
_STAMP = re.compile(
    r"(?<!\d)(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?)(?!\d)"
)
_CUE = re.compile(r"\d[-/.年月]\d")
_DIGITS = re.compile(r"\d+")
#: Fewest frames of one shape that make a thread.
FRAMES_MIN = 3
#: Prose (characters) before the first frame for it to be the first post.
POST_MIN = 50
#: Longest line that may be a frame (a header or a footer, not a paragraph).
FRAME_MAX = 150


def _frames(lines: Sequence[Line]) -> list[int]:
    """Indices of the lines of the most frequent frame shape (at least
    :data:`FRAMES_MIN` of them), in order; ``[]`` when there is none."""
    keys: dict[int, tuple[str, str]] = {}
    stamps: dict[int, str] = {}
    counts: Counter = Counter()
    for i in cued_lines(lines, _CUE):
        line = lines[i]
        if line.role == BLANK or len(line.text) > FRAME_MAX:
            continue
        stamp = _STAMP.search(line.text)
        if stamp is None:
            continue
        stamps[i] = stamp.group()
        before = _DIGITS.sub("0", line.text[: stamp.start()]).strip()
        after = _DIGITS.sub("0", line.text[stamp.end() :]).strip()
        sides = tuple(key for key in (("before", before), ("after", after)) if _has_words(key[1]))
        if sides:
            keys[i] = sides
            counts.update(sides)
    shape, count = next(iter(counts.most_common(1)), (None, 0))
    if count < FRAMES_MIN:
        return []
    frames = sorted(i for i, sides in keys.items() if shape in sides)
    # Posts are written at different times; one line printed three times
    # (a paragraph repeated in a sidebar) is no thread.
    return frames if len({stamps[i] for i in frames}) >= FRAMES_MIN else []


def is_thread(texts: Sequence[str]) -> bool:
    """True when the lines ``texts`` hold a thread's frames."""
    return bool(_frames([_new(Line, (k, text, TEXT, None, (), False, None)) for k, text in enumerate(texts, 1)]))


def _has_words(text: str) -> bool:
    """A side of a frame that can be told apart: it holds a letter, not only
    digits and punctuation (``0字 [0/0]`` is a reply's size and counts, but
    ``0 |`` is every numbered list)."""
    return any(ch.isalpha() for ch in text)


def _prose(lines: Sequence[Line], start: int, end: int) -> int:
    return sum(len(lines[i].text) for i in range(start, end) if lines[i].role == TEXT and is_prose(lines[i].text))


def replies(lines: Sequence[Line]) -> list[Line]:
    """The lines of a thread after its first post, or its reply index.

    Removes, after ``很高兴入住博客堂`` (a blog post), every comment from its
    first ``# re: 很高兴入住博客堂 2004-12-27 12:46 flyingbirds`` on.
    """
    frames = _frames(lines)
    out = list(lines)
    if not frames:
        return out
    gaps = [_prose(lines, a + 1, b) for a, b in zip(frames, frames[1:])]
    if sum(1 for gap in gaps if gap) * 2 < len(gaps):
        # A list of frames with nothing between them: a reply index.
        for i in frames:
            if out[i].role == TEXT:
                out[i] = out[i].removed(NAME)
        return out
    first, last = frames[0], frames[-1]
    if _prose(lines, 0, first) >= POST_MIN:
        # The first post stands before the first frame; the frames are the
        # posts' footers when nothing follows the last one or when they
        # count the post's comments (``共 11 篇评论 发表评论 >>>``), else headers.
        footers = _prose(lines, last + 1, len(lines)) == 0 or _COMMENT_MARK.search(lines[first].text) is not None
        cut = first + 1 if footers else first
    else:
        # The first frame heads the first post; the second starts the replies.
        cut = frames[1]
    for i in range(cut, len(out)):
        if out[i].role == TEXT:
            out[i] = out[i].removed(NAME)
    return out
