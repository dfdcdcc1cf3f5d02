"""What a detector is, and the one combined scan that runs the line detectors.

A *line detector* recognises a whole line by itself (a share prompt, a
breadcrumb, a copyright notice). It is a class with a ``name``, a ``pattern``
that must match the whole line, and a ``role`` (``REMOVED`` for chrome,
``CAPTION`` for captions). The ``pattern`` s of all line detectors are
compiled into one regular expression with a named group each, so every line
is matched once however many detectors there are; ``match.lastgroup`` names
the detector.

Alternatives that may start anywhere in a line (``.{0,120}?如有侵权.{0,120}``)
are costly on every long line of prose that does *not* match them, so a
detector keeps them apart, in ``contains``, with a ``cue``: a cheap regex
(a literal or two) that occurs in every line ``contains`` can match. One
``search`` pass over the whole page finds the lines with a cue; on those,
the ``contains`` of each detector before the one the ``pattern`` s give
is tried when that detector's own cue is in the line. Either way the first
detector in order whose alternatives match the whole line wins
(``LineScanner.full_expression`` is that rule as one expression).

Phrases a :class:`~boilerstrip.rules.RuleSet` adds for a line detector are
one more ``contains`` alternative of it: a line holding one of them (and no
longer than the detector's ``max_length``) is that detector's.

A *context detector* needs its neighbours (a feed under a 推荐阅读 heading,
a reaction widget): a function ``(lines) -> lines`` returning a new list.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from ..lines import TEXT, Line
from ..text import cued_lines  # noqa: F401  (re-exported for the detectors)
from ..vocab import cue_both_scripts

#: Optional list bullet in front of a line (lynx ``*``, w3m ``•``, ``-``).
BULLET = r"(?:[•·*+\-–—▪■□◆◇○●]\s*)?"


class LineDetector:
    """Base class: ``pattern`` must match the whole (stripped) line."""

    name: str = ""
    pattern: str = ""
    role: str = "removed"
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

    def __init_subclass__(cls, **kwargs) -> None:
        """Every detector's cue is read in both scripts (``【点击`` also finds
        ``【點擊`` and ``【點選``; ``data/traditional.txt``): a line holding a
        traditional form reaches the detector's ``contains``."""
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("cue"):
            cls.cue = cue_both_scripts(cls.cue)


ContextDetector = Callable[[Sequence[Line]], list[Line]]


class LineScanner:
    """Runs many :class:`LineDetector` s in one pass over the lines.

    ``extra`` maps a detector's name to phrases a line may hold to be that
    detector's (from a :class:`~boilerstrip.rules.RuleSet`).
    """

    def __init__(self, detectors: Sequence[type[LineDetector]], extra: dict[str, tuple[str, ...]] | None = None):
        names = [d.name for d in detectors]
        if len(set(names)) != len(names) or not all(names):
            raise ValueError(f"line detectors need unique names: {names}")
        if any(bool(d.contains) != bool(d.cue) for d in detectors):
            raise ValueError("a detector with ``contains`` needs a ``cue`` (and only then)")
        extra = extra or {}
        self.by_name = {d.name: d for d in detectors}
        self.detectors = tuple(detectors)
        contains = {d.name: _holding(d, extra.get(d.name, ())) for d in detectors}
        cue_of = {d.name: "|".join(c for c in (d.cue, _literals(extra.get(d.name, ()))) if c) for d in detectors}
        self._contains = contains
        fast = "|".join(f"(?P<{d.name}>{d.pattern})" for d in detectors if d.pattern)
        #: The ``pattern`` s only (all a line without a cue can match).
        self.fast = re.compile(fast or "(?!)", re.IGNORECASE)
        # Joined bare (not each in a group): the engine then sees one
        # alternation of literals and skips ahead to their first characters.
        self.cues = re.compile("|".join(c for c in cue_of.values() if c) or "(?!)", re.MULTILINE)
        #: For each detector with a ``contains``, in order: its place, its own
        #: cue and its ``contains`` (a cued line meets only those it holds the cue of).
        self.holding = tuple(
            (i, re.compile(cue_of[d.name], re.MULTILINE).search, re.compile(contains[d.name], re.IGNORECASE).fullmatch)
            for i, d in enumerate(detectors) if contains[d.name]
        )
        self.order = {d.name: i for i, d in enumerate(detectors)}
        self.max_length = max((d.max_length for d in detectors), default=0)

    def full_expression(self) -> re.Pattern:
        """Every alternative of every detector in one expression: what
        ``scan`` decides for a line (the first group that matches wins), as
        a reference; ``scan`` gets there cheaper."""
        contains = self._contains
        full = "|".join(f"(?P<{d.name}>{'|'.join(p for p in (d.pattern, contains[d.name]) if p)})" for d in self.detectors)
        return re.compile(full or "(?!)", re.IGNORECASE)

    def _winner(self, text: str) -> str | None:
        """The first detector in order whose alternatives match ``text``, a
        line holding a cue: the one ``pattern`` s give, unless an earlier
        detector's ``contains`` (tried only if its cue is there) matches."""
        match = self.fast.fullmatch(text)
        before = self.order[match.lastgroup] if match else len(self.detectors)
        for i, cue, holding in self.holding:
            if i >= before:
                break
            if cue(text) and holding(text):
                return self.detectors[i].name
        return match.lastgroup if match else None

    def scan(self, lines: Sequence[Line]) -> list[Line]:
        """The lines, each line a detector takes given its role."""
        fast = self.fast.fullmatch
        by_name = self.by_name
        max_length = self.max_length
        cued = cued_lines(lines, self.cues)
        out = list(lines)
        for i, line in enumerate(lines):
            text = line.text
            if line.role != TEXT or len(text) > max_length:
                continue
            if i in cued:
                name = self._winner(text)
            else:
                match = fast(text)
                name = match.lastgroup if match else None
            if name is None:
                continue
            detector = by_name[name]
            if len(text) > detector.max_length:
                continue
            out[i] = line.placed(detector.role, detector.name)
        return out


def _holding(detector: type[LineDetector], phrases: tuple[str, ...]) -> str:
    """The detector's ``contains``, and a line holding one of ``phrases``."""
    if not phrases:
        return detector.contains
    reach = detector.max_length
    holding = rf"(?s:.{{0,{reach}}}?){words(*phrases)}(?s:.{{0,{reach}}})"
    return "|".join(p for p in (detector.contains, holding) if p)


def _literals(phrases: tuple[str, ...]) -> str:
    """A cue for ``phrases`` (the scan's cue search is case-sensitive, the
    match is not: letters are spelled in both cases)."""
    return "|".join(re.escape(p) if p.lower() == p.upper() else f"(?i:{re.escape(p)})" for p in phrases)


def words(*phrases: str) -> str:
    """A pattern matching any of the literal phrases, longest first, as a
    trie (``分享(?:到|给|至)?``): at each character one branch at most goes
    on, where a flat alternation would try every phrase in turn."""
    if not phrases:
        raise ValueError("an empty phrase group matches nothing")
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here: what follows is optional, longest first
        return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else body + "?"
    return body


def cue_words(*phrases: str) -> str:
    """A cue of literal phrases: a bare alternation (no group around it), so
    that joined with other cues it stays one alternation of literals."""
    if not phrases:
        raise ValueError("an empty phrase group matches nothing")
    return "|".join(re.escape(p) for p in phrases)


def next_text(lines: Sequence[Line], start: int) -> int | None:
    """Index of the first ``TEXT`` line at or after ``start`` (skipping blanks
    and lines already placed), or None."""
    for i in range(start, len(lines)):
        if lines[i].role == TEXT:
            return i
    return None


def prev_text(lines: Sequence[Line], i: int) -> int | None:
    """Index of the last ``TEXT`` line before ``i``, or None."""
    for j in range(i - 1, -1, -1):
        if lines[j].role == TEXT:
            return j
    return None


def prev_nonblank(lines: Sequence[Line], i: int) -> int | None:
    """Index of the last line with text (of any role) before ``i``, or None."""
    for j in range(i - 1, -1, -1):
        if lines[j].text:
            return j
    return None
