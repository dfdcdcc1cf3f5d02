"""Step 2 of the pipeline: the page as a list of :class:`Line` objects.

Every later step works on these lines. A line starts as ``TEXT`` (kept, not
yet placed) and each step may give it another role: ``REMOVED`` (with the name
of the detector), ``CAPTION``, or ``HEADLINE``. Pieces cut out of a line (an
inline credit, a ruby annotation) are kept on the line as ``cuts`` so that the
text stays accounted for: kept text + cuts + removed lines == input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Roles a line can have.
TEXT = "text"
REMOVED = "removed"
CAPTION = "caption"
HEADLINE = "headline"
BLANK = "blank"

# Characters that end a sentence (ASCII forms too: some crawlers fold them).
SENTENCE_END = frozenset("。！？!?…；;」』")
CLOSING_QUOTES = frozenset("”’\"'」』)）】]")
CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))

_PROSE_PUNCT = re.compile(r"[，,。；;！!？?]")


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in CJK_RANGES)


@dataclass(eq=False)
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


@dataclass
class Page:
    """The lines of one page plus page-level warnings."""

    lines: list[Line]
    warnings: list[str] = field(default_factory=list)

    def kept_lines(self) -> list[Line]:
        return [line for line in self.lines if line.role == TEXT]


def fold_spaces(text: str) -> str:
    return " ".join(text.split())


def split_lines(text: str) -> Page:
    """Split text into numbered lines; blank lines become ``BLANK``."""
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        folded = " ".join(raw.split())
        lines.append(Line(number, folded, TEXT if folded else BLANK))
    return Page(lines)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (a closing
    quote or bracket after it counts too)."""
    text = text.rstrip()
    while text and text[-1] in CLOSING_QUOTES:
        if text[-1] in SENTENCE_END:
            return True
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END


def is_prose(text: str) -> bool:
    """A line of running text: sentence punctuation inside, or a sentence end."""
    return ends_sentence(text) or (len(text) > 20 and bool(_PROSE_PUNCT.search(text)))
