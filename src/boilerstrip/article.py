"""The result types: :class:`Article` and :class:`Removal`."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
    removed: tuple[Removal, ...] = field(default=(), repr=False)
    #: How sure the pipeline is that ``body`` is the article, 0 to 1
    #: (:mod:`boilerstrip.confidence`); filter on ``>= 0.5``.
    confidence: float = 0.0

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (lists instead of tuples)."""
        return {
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
            "removed": [r.to_dict() for r in self.removed],
        }
