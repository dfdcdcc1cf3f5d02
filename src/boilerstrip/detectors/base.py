"""What a detector is, and the one combined scan that runs the line detectors.

A *line detector* recognises a whole line by itself (a share prompt, a
breadcrumb, a copyright notice). It is a class with a ``name``, a ``pattern``
that must match the whole line, and a ``role`` (``REMOVED`` for chrome,
``CAPTION`` for captions). All line detectors are compiled into one regular
expression with a named group each, so every line is scanned once however
many detectors there are; ``match.lastgroup`` names the detector.

Alternatives that may start anywhere in a line (``.{0,120}?如有侵权.{0,120}``)
are costly on every long line of prose that does *not* match them, so a
detector keeps them apart, in ``contains``, with a ``cue``: a cheap regex
(a literal or two) that occurs in every line ``contains`` can match. One
``search`` pass over the whole page finds the lines with a cue; only those
are matched against the full expression (``pattern`` and ``contains`` of
every detector), the others against the ``pattern`` s alone. Either way the
first detector in order whose alternatives match the whole line wins.

A *context detector* needs its neighbours (a feed under a 推荐阅读 heading,
a reaction widget): it is a function ``(lines) -> None`` over the page.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from ..lines import REMOVED, TEXT, Line, cued_lines  # noqa: F401  (cued_lines: for the detectors)

#: Optional list bullet in front of a line (lynx ``*``, w3m ``•``, ``-``).
BULLET = r"(?:[•·*+\-–—▪■□◆◇○●]\s*)?"


class LineDetector:
    """Base class: ``pattern`` must match the whole (stripped) line."""

    name: str = ""
    pattern: str = ""
    role: str = REMOVED
    #: Longest line this detector may remove (keeps prose safe).
    max_length: int = 200
    #: Alternatives that may start anywhere in the line; tried only on lines
    #: where ``cue`` occurs. Like ``pattern`` they must match the whole line.
    contains: str = ""
    #: A regex found in every line that ``contains`` matches. It is searched
    #: *without* IGNORECASE (spell letters in every case, ``CP|Cp|cP|cp``, or
    #: scoped after a literal, ``;(?i:base64),``), with MULTILINE
    #: (``$`` is a line end), and must not match a newline. Every alternative
    #: should open with a literal character (``>|＞``, not ``[>＞]``): then
    #: the regex engine skips ahead to those characters and the pass is cheap.
    cue: str = ""


ContextDetector = Callable[[list[Line]], None]


class LineScanner:
    """Runs many :class:`LineDetector` s with one regular expression."""

    def __init__(self, detectors: Sequence[type[LineDetector]]):
        names = [d.name for d in detectors]
        if len(set(names)) != len(names) or not all(names):
            raise ValueError(f"line detectors need unique names: {names}")
        if any(bool(d.contains) != bool(d.cue) for d in detectors):
            raise ValueError("a detector with ``contains`` needs a ``cue`` (and only then)")
        self.by_name = {d.name: d for d in detectors}
        full = "|".join(f"(?P<{d.name}>{'|'.join(p for p in (d.pattern, d.contains) if p)})" for d in detectors)
        fast = "|".join(f"(?P<{d.name}>{d.pattern})" for d in detectors if d.pattern)
        #: Every alternative of every detector (for lines with a cue).
        self.regex = re.compile(full, re.IGNORECASE)
        #: The ``pattern`` s only (for lines without a cue).
        self.fast = re.compile(fast, re.IGNORECASE)
        # Joined bare (not each in a group): the engine then sees one
        # alternation of literals and skips ahead to their first characters.
        self.cues = re.compile("|".join(d.cue for d in detectors if d.cue), re.MULTILINE)
        self.max_length = max(d.max_length for d in detectors)

    def scan(self, lines: list[Line]) -> None:
        full, fast = self.regex.fullmatch, self.fast.fullmatch
        by_name = self.by_name
        max_length = self.max_length
        cued = cued_lines(lines, self.cues)
        for i, line in enumerate(lines):
            text = line.text
            if line.role != TEXT or len(text) > max_length:
                continue
            match = full(text) if i in cued else fast(text)
            if match is None:
                continue
            detector = by_name[match.lastgroup]
            if len(text) > detector.max_length:
                continue
            line.role = detector.role
            line.detector = detector.name


def words(*phrases: str) -> str:
    """An alternation of literal phrases, longest first."""
    if not phrases:
        raise ValueError("an empty phrase group matches nothing")
    return "(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


def cue_words(*phrases: str) -> str:
    """A cue of literal phrases: a bare alternation (no group around it), so
    that joined with other cues it stays one alternation of literals."""
    if not phrases:
        raise ValueError("an empty phrase group matches nothing")
    return "|".join(re.escape(p) for p in phrases)


def next_text(lines: list[Line], start: int) -> int | None:
    """Index of the first ``TEXT`` line at or after ``start`` (skipping blanks
    and lines already placed), or None."""
    for i in range(start, len(lines)):
        if lines[i].role == TEXT:
            return i
    return None
