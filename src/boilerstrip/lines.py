"""Step 2 of the pipeline: the page as a list of :class:`Line` objects.

Every later step works on these lines. A line starts as ``TEXT`` (kept, not
yet placed) and each step may give it another role: ``REMOVED`` (with the name
of the detector), ``CAPTION``, or ``HEADLINE``. Pieces cut out of a line (an
inline credit, a ruby annotation) are kept on the line as ``cuts`` so that the
text stays accounted for: kept text + cuts + removed lines == input.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

# Roles a line can have.
TEXT = "text"
REMOVED = "removed"
CAPTION = "caption"
HEADLINE = "headline"
BLANK = "blank"

# Characters that end a sentence (ASCII forms too: some crawlers fold them).
SENTENCE_END = frozenset("。！？!?…；;」』")
CLOSING_QUOTES = frozenset("”’\"'」』)）】]")
_CLOSING_ONLY = "".join(sorted(CLOSING_QUOTES - SENTENCE_END))

_PROSE_PUNCT = re.compile(r"[，,。；;！!？?]")


def is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF and not 0x4DC0 <= code <= 0x4DFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F


@dataclass(eq=False, slots=True)
class Line:
    """One input line: its 1-based number, its text (surrounding whitespace
    stripped, inner runs folded to one space) and where it goes."""

    number: int
    text: str
    role: str = TEXT
    detector: str | None = None
    #: (text, detector) pieces cut out of this line; they go to ``removed``.
    cuts: list[tuple[str, str]] = field(default_factory=list)
    #: True when this line continues the previous kept line's paragraph
    #: (a sentence split by a page break).
    joins_previous: bool = False
    #: Metadata parsed from this line (``source``, ``date``, ``editor``,
    #: ``authors``), and what kind of metadata line it is.
    meta: dict | None = None

    @property
    def kept(self) -> bool:
        return self.role == TEXT

    def remove(self, detector: str) -> None:
        self.role = REMOVED
        self.detector = detector

    def cut(self, start: int, end: int, detector: str) -> None:
        """Cut ``text[start:end]`` out of this line into ``removed``."""
        piece = self.text[start:end]
        if piece.strip():
            self.cuts.append((piece.strip(), detector))
        self.text = fold_spaces(self.text[:start] + self.text[end:])

    def cut_spans(self, spans: list[tuple[int, int]], detector: str) -> None:
        """Cut each ``text[start:end]`` of ``spans`` (in order, apart, none
        touching the next) as :meth:`cut` would from the last to the first,
        but in one pass: a line with thousands of spans stays linear."""
        text = self.text
        if any(a[1] >= b[0] for a, b in zip(spans, spans[1:])) or any(
            text[start:end] != text[start:end].strip() for start, end in spans
        ):
            # Touching spans or spans with outer spaces: folding after each
            # cut could reach into the next one, so cut one by one.
            for start, end in reversed(spans):
                self.cut(start, end, detector)
            return
        kept, at = [], 0
        for start, end in spans:
            kept.append(text[at:start])
            at = end
        kept.append(text[at:])
        self.cuts.extend((text[start:end], detector) for start, end in reversed(spans) if text[start:end])
        self.text = fold_spaces("".join(kept))


@dataclass
class Page:
    """The lines of one page plus page-level warnings."""

    lines: list[Line]
    warnings: list[str] = field(default_factory=list)


def fold_spaces(text: str) -> str:
    return " ".join(text.split())


def split_lines(text: str) -> Page:
    """Split text into numbered lines; blank lines become ``BLANK``."""
    folded = [" ".join(raw.split()) for raw in text.splitlines()]
    return Page([Line(number, line, TEXT if line else BLANK) for number, line in enumerate(folded, 1)])


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


def cued_lines(lines: list[Line], cue: re.Pattern) -> set[int]:
    """Indices of the lines in which ``cue`` occurs: one search pass over the
    page's text, resumed at the next line after each hit (so a long line
    full of cues costs one hit). ``cue`` must not match a newline."""
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    search = cue.search
    found: set[int] = set()
    match = search(joined)
    if match is None:
        return found
    # ends[i]: offset just past line i's newline.
    ends = list(accumulate(map((1).__add__, map(len, texts))))
    while match is not None:
        i = bisect_right(ends, match.start())
        found.add(i)
        match = search(joined, ends[i])
    return found
