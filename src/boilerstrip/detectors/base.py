"""What a detector is, and the one combined scan that runs the line detectors.

A *line detector* recognises a whole line by itself (a share prompt, a
breadcrumb, a copyright notice). It is a class with a ``name``, a ``pattern``
that must match the whole line, and a ``role`` (``REMOVED`` for chrome,
``CAPTION`` for captions). All line detectors are compiled into one regular
expression with a named group each, so every line is scanned once however
many detectors there are; ``match.lastgroup`` names the detector.

A *context detector* needs its neighbours (a feed under a 推荐阅读 heading,
a reaction widget): it is a function ``(lines) -> None`` over the page.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from ..lines import REMOVED, TEXT, Line

#: Optional list bullet in front of a line (lynx ``*``, w3m ``•``, ``-``).
BULLET = r"(?:[•·*+\-–—▪■□◆◇○●]\s*)?"


class LineDetector:
    """Base class: ``pattern`` must match the whole (stripped) line."""

    name: str = ""
    pattern: str = ""
    role: str = REMOVED
    #: Longest line this detector may remove (keeps prose safe).
    max_length: int = 200


ContextDetector = Callable[[list[Line]], None]


class LineScanner:
    """Runs many :class:`LineDetector` s with one regular expression."""

    def __init__(self, detectors: Sequence[type[LineDetector]]):
        names = [d.name for d in detectors]
        if len(set(names)) != len(names) or not all(names):
            raise ValueError(f"line detectors need unique names: {names}")
        self.by_name = {d.name: d for d in detectors}
        alternatives = "|".join(f"(?P<{d.name}>{d.pattern})" for d in detectors)
        self.regex = re.compile(alternatives, re.IGNORECASE)
        self.max_length = max(d.max_length for d in detectors)

    def scan(self, lines: list[Line]) -> None:
        fullmatch = self.regex.fullmatch
        by_name = self.by_name
        for line in lines:
            if line.role != TEXT or len(line.text) > self.max_length:
                continue
            match = fullmatch(line.text)
            if match is None:
                continue
            detector = by_name[match.lastgroup]
            if len(line.text) > detector.max_length:
                continue
            line.role = detector.role
            line.detector = detector.name


def words(*phrases: str) -> str:
    """An alternation of literal phrases, longest first."""
    if not phrases:
        raise ValueError("an empty phrase group matches nothing")
    return "(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


def next_text(lines: list[Line], start: int) -> int | None:
    """Index of the first ``TEXT`` line at or after ``start`` (skipping blanks
    and lines already placed), or None."""
    for i in range(start, len(lines)):
        if lines[i].role == TEXT:
            return i
    return None
