"""The result types: :class:`Article`, :class:`Removal` and
:class:`RemovedPieces`, the compact sequence ``Article.removed`` holds."""
from __future__ import annotations

from array import array
from itertools import accumulate
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, overload


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed piece of the input.

    ``text`` is exactly the removed text, ``detector`` the name of the detector
    or repair that removed it, ``line`` the 1-based input line it came from.
    """

    text: str
    detector: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "detector": self.detector, "line": self.line}


class RemovedPieces(Sequence):
    """Every removed piece of an article, as a read-only sequence of
    :class:`Removal` that compares equal to the tuple of the same pieces.

    A portal page is mostly chrome, so an article may carry thousands of
    removed pieces; they are kept compactly (their texts joined in one string,
    the ends, line numbers and detectors in arrays) and each :class:`Removal`
    is made when it is read: 50 MB of text keeps its removals in about a
    tenth of the memory that one object a piece takes.
    """

    __slots__ = ("_text", "_ends", "_lines", "_kinds", "_names")

    def __init__(self, pieces: Iterable[Removal] = ()):
        pieces = list(pieces)
        self._store([p.text for p in pieces], [p.detector for p in pieces], [p.line for p in pieces])

    @classmethod
    def of(cls, texts: list[str], detectors: list[str], lines: list[int]) -> RemovedPieces:
        """The pieces given as three lists (the ``i``-th piece is
        ``texts[i]``, removed by ``detectors[i]`` from line ``lines[i]``)."""
        made = cls.__new__(cls)
        made._store(texts, detectors, lines)
        return made

    def _store(self, texts: list[str], detectors: list[str], lines: list[int]) -> None:
        names: dict[str, int] = {}
        self._text = "".join(texts)
        self._ends = array("I", accumulate(map(len, texts)))
        self._lines = array("I", lines)
        self._kinds = array("H", [names.setdefault(name, len(names)) for name in detectors])
        self._names = tuple(names)

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Removal: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Removal, ...]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("removed piece index out of range")
        start = self._ends[index - 1] if index else 0
        return Removal(self._text[start : self._ends[index]], self._names[self._kinds[index]], self._lines[index])

    def __iter__(self):
        text, names, start = self._text, self._names, 0
        for end, line, kind in zip(self._ends, self._lines, self._kinds):
            yield Removal(text[start:end], names[kind], line)
            start = end

    def __eq__(self, other) -> bool:
        if isinstance(other, (RemovedPieces, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


@dataclass(frozen=True)
class Article:
    """One cleaned article.

    ``body`` holds the paragraphs joined by ``"\\n\\n"``; ``date`` is ISO 8601
    with only the precision the page shows (``2024-07-11T10:01``,
    ``2024-07-11``); ``removed`` lists every piece taken out, with the name of
    the detector that took it.
    """

    title: str | None = None
    subtitles: tuple[str, ...] = ()
    body: str = ""
    captions: tuple[str, ...] = ()
    source: str | None = None
    date: str | None = None
    editor: str | None = None
    authors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    #: Every removed piece (a :class:`RemovedPieces`; ``()`` when not kept).
    removed: Sequence[Removal] = field(default=(), repr=False)
    #: How sure the pipeline is that ``body`` is the article, 0 to 1
    #: (:mod:`boilerstrip.confidence`); filter on ``>= 0.5``.
    confidence: float = 0.0

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    def to_dict(self, *, removed: bool = True) -> dict[str, Any]:
        """JSON-ready values (lists instead of tuples); ``removed=False``
        leaves the removed pieces out."""
        fields = {
            "title": self.title,
            "subtitles": list(self.subtitles),
            "body": self.body,
            "captions": list(self.captions),
            "source": self.source,
            "date": self.date,
            "editor": self.editor,
            "authors": list(self.authors),
            "confidence": self.confidence,
            "warnings": list(self.warnings),
        }
        if removed:
            fields["removed"] = [r.to_dict() for r in self.removed]
        return fields
