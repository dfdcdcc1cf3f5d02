"""Text helpers every step shares: one copy of each.

Whitespace (``squeeze``, ``fold_spaces``, ``text_lines``), script
(``is_cjk``, ``cjk_share``), sentences (``ends_sentence``, ``is_prose``,
``is_lead``) and the one-pass cue search over a page's lines
(``cued_lines``). Nothing here knows about chrome or metadata.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from itertools import accumulate
from operator import attrgetter
from typing import Sequence

# Characters that end a sentence (ASCII forms too: some crawlers fold them).
SENTENCE_END = frozenset("。！？!?…；;」』")
CLOSING_QUOTES = frozenset("”’\"'」』)）】]")
_CLOSING_ONLY = "".join(sorted(CLOSING_QUOTES - SENTENCE_END))

_PROSE_PUNCT = re.compile(r"[，,。；;！!？?]")
#: Punctuation between clauses: running text has it, a breadcrumb
#: (``Mensagens » Autoestima » Só quem se Ama…``) does not.
CLAUSE = re.compile(r"[，,。；;！!？?]|\.\s")
_NON_CJK = re.compile(r"[^\u3400-\u9fff]+")


def squeeze(text: str) -> str:
    """``text`` without any whitespace (for comparing lines that a scraper
    broke or spaced differently)."""
    return "".join(text.split())


def fold_spaces(text: str) -> str:
    """Surrounding whitespace stripped, inner runs folded to one space."""
    return " ".join(text.split())


def text_lines(text: str) -> list[str]:
    """Non-empty lines of ``text``, whitespace folded."""
    out = []
    for raw in text.splitlines():
        folded = " ".join(raw.split())
        if folded:
            out.append(folded)
    return out


#: Characters a terminal shows two columns wide (East Asian Wide and
#: Fullwidth; the ambiguous ones are narrow, as w3m lays them out).
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes (wide characters count two)."""
    return len(text) + len(_WIDE.findall(text))


def is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF and not 0x4DC0 <= code <= 0x4DFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


def cjk_count(text: str) -> int:
    """How many characters of ``text`` are CJK ideographs (U+3400-U+9FFF)."""
    return len(_NON_CJK.sub("", text))


def mostly_cjk(text: str) -> bool:
    return cjk_count(text) >= 0.6 * len(text)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (a closing
    quote or bracket after it counts too)."""
    # Closing quotes that are no sentence end are peeled off; ``」』`` are both.
    text = text.rstrip().rstrip(_CLOSING_ONLY)
    return bool(text) and (text[-1] in SENTENCE_END or _ends_english_sentence(text))


def _ends_english_sentence(text: str) -> bool:
    """``… in the city centre.``: a full stop after a word, in a line of
    words (not ``更多...``, not ``news.163.com.``)."""
    return text[-1] == "." and text[-2:-1].isalnum() and text.count(" ") >= 2


def is_prose(text: str) -> bool:
    """A line of running text: sentence punctuation inside, or a sentence end."""
    end = text.rstrip().rstrip(_CLOSING_ONLY)
    if end and (end[-1] in SENTENCE_END or _ends_english_sentence(end)):
        return True
    return len(text) > 20 and _PROSE_PUNCT.search(text) is not None


def is_lead(text: str, least: int) -> bool:
    """A paragraph of running text at least ``least`` characters long (the
    article's first paragraph, as opposed to a byline or a breadcrumb)."""
    return len(text) >= least and CLAUSE.search(text) is not None


def cued_lines(lines: Sequence, cue: re.Pattern) -> set[int]:
    """Indices of the lines (objects with a ``text``) in which ``cue``
    occurs: one search pass over the page's text, resumed at the next line
    after each hit (so a long line full of cues costs one hit). ``cue``
    must not match a newline."""
    joined, ends = _layout(tuple(map(_TEXT, lines)))
    search = cue.search
    found: set[int] = set()
    match = search(joined)
    while match is not None:
        i = bisect_right(ends, match.start())
        found.add(i)
        match = search(joined, ends[i])
    return found


_TEXT = attrgetter("text")


@functools.lru_cache(maxsize=4)
def _layout(texts: tuple[str, ...]) -> tuple[str, tuple[int, ...]]:
    """The lines joined by newlines, and the offset just past each line's
    newline: made once for the ten cue searches over a page's lines (the
    detectors change the lines' roles, not their texts)."""
    return "\n".join(texts), tuple(accumulate(map((1).__add__, map(len, texts))))
