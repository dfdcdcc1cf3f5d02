"""Step 3 of the pipeline: the page as numbered :class:`Line` values.

Every later step takes a :class:`Page` and returns a new one; a line is never
changed in place. A line starts as ``TEXT`` (kept, not yet placed) and a step
may give it another role: ``REMOVED`` (with the name of the detector),
``CAPTION`` or ``HEADLINE``. Pieces cut out of a line (an inline credit, a
ruby annotation) stay on the new line as ``cuts``, so the text is accounted
for: kept text + cuts + removed lines == input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .text import display_width, fold_spaces

# Roles a line can have.
TEXT = "text"
REMOVED = "removed"
CAPTION = "caption"
HEADLINE = "headline"
BLANK = "blank"


@dataclass(frozen=True)
class LineFields:
    """What a metadata line, byline, credit or dateline says (step 6)."""

    #: ``metadata``, ``byline``, ``account``, ``credit`` or ``dateline``.
    kind: str
    source: str | None = None
    date: str | None = None
    editor: str | None = None
    authors: tuple[str, ...] = ()


class Line(NamedTuple):
    """One input line: its 1-based number, its text (surrounding whitespace
    stripped, inner runs folded to one space) and where it goes."""

    number: int
    text: str
    role: str = TEXT
    #: The detector, repair or step that gave the line its role.
    detector: str | None = None
    #: ``(text, detector)`` pieces cut out of this line; they go to ``removed``.
    cuts: tuple[tuple[str, str], ...] = ()
    #: True when this line continues the previous kept line's paragraph
    #: (a sentence split by a page break).
    joins_previous: bool = False
    #: What the line says as metadata (step 6).
    fields: LineFields | None = None

    @property
    def kept(self) -> bool:
        return self.role == TEXT

    def removed(self, detector: str) -> Line:
        """This line, removed by ``detector``."""
        return _new(Line, (self[0], self[1], REMOVED, detector, self[4], self[5], self[6]))

    def placed(self, role: str, detector: str | None) -> Line:
        """This line with another role (``CAPTION``, ``HEADLINE``, ``TEXT``)."""
        return _new(Line, (self[0], self[1], role, detector, self[4], self[5], self[6]))

    def cut(self, start: int, end: int, detector: str) -> Line:
        """This line with ``text[start:end]`` cut out into ``removed``."""
        piece = self.text[start:end].strip()
        cuts = self.cuts + ((piece, detector),) if piece else self.cuts
        text = fold_spaces(self.text[:start] + self.text[end:])
        return Line(self.number, text, self.role, self.detector, cuts, self.joins_previous, self.fields)

    def cut_spans(self, spans: list[tuple[int, int]], detector: str) -> Line:
        """This line with each ``text[start:end]`` of ``spans`` (in order,
        apart, none touching the next) cut out, as :meth:`cut` would from
        the last to the first, but in one pass: a line with thousands of
        spans stays linear."""
        text = self.text
        if any(a[1] >= b[0] for a, b in zip(spans, spans[1:])) or any(
            text[start:end] != text[start:end].strip() for start, end in spans
        ):
            # Touching spans or spans with outer spaces: folding after each
            # cut could reach into the next one, so cut one by one.
            line = self
            for start, end in reversed(spans):
                line = line.cut(start, end, detector)
            return line
        kept, at = [], 0
        for start, end in spans:
            kept.append(text[at:start])
            at = end
        kept.append(text[at:])
        cuts = self.cuts + tuple((text[start:end], detector) for start, end in reversed(spans) if text[start:end])
        return Line(self.number, fold_spaces("".join(kept)), self.role, self.detector, cuts, self.joins_previous, self.fields)


@dataclass(frozen=True)
class Page:
    """The lines of one page at one step, and the warnings so far."""

    lines: tuple[Line, ...]
    warnings: tuple[str, ...] = ()
    #: The lines whose spacing folding lost (a run of three or more spaces
    #: inside the text, or eight before it): ``(line number, raw line)``; a
    #: text dump lays table cells out that way (:func:`cells`).
    spaced: tuple[tuple[int, str], ...] = ()

    def with_lines(self, lines) -> Page:
        return Page(tuple(lines), self.warnings, self.spaced)

    def warned(self, warnings) -> Page:
        return Page(self.lines, self.warnings + tuple(warnings), self.spaced) if warnings else self


#: Makes a :class:`Line` from a full tuple of its fields, without the
#: keyword handling of ``Line(...)`` (the hot path: every line of every page).
_new = tuple.__new__


def split_lines(text: str, warnings=(), first: int = 1) -> Page:
    """Split text into lines numbered from ``first``; blank lines become ``BLANK``.

    A text dump renders a table's cells side by side with a run of spaces
    between them (w3m pads to the column, lynx and inscriptis put three or
    more): ``连载：乔冠华才情人生   出版社：团结出版社   作者：罗银胜   小说 畅销``.
    Folding loses that, so such lines are kept on the page as they were."""
    raws = text.splitlines()
    folded = [" ".join(raw.split()) for raw in raws]
    spaced = [(number, raw) for number, raw in enumerate(raws, first) if "   " in raw]
    spaced = tuple([pair for pair in spaced if has_cells(pair[1]) or pair[1].startswith(_FAR_INDENT)])
    return Page(
        tuple([_new(Line, (number, line, TEXT if line else BLANK, None, (), False, None)) for number, line in enumerate(folded, first)]),
        tuple(warnings),
        spaced,
    )


def has_cells(raw: str) -> bool:
    """True when a raw line holds two cells or more (not only an indentation)."""
    return "   " in raw.strip()


def cells(raw: str) -> tuple[tuple[int, int, str], ...]:
    """The cells of a raw line: ``(display column, end column, text folded)``,
    a cell being what lies between runs of three or more spaces."""
    row, column, at = [], 0, 0
    for match in _CELL.finditer(raw):
        start = column + match.start() - at  # (spaces between cells are one column each)
        cell = match.group()
        column = start + display_width(cell)
        row.append((start, column, " ".join(cell.split())))
        at = match.end()
    return tuple(row)


#: An indentation that may be a column's start (a dump's usual 2-4 spaces are not).
_FAR_INDENT = " " * 8

#: A cell: text whose inner space runs are shorter than three.
_CELL = re.compile(r"[^ \u00a0\t]+(?:[ \u00a0\t]{1,2}[^ \u00a0\t]+)*")
