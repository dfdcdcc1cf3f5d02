"""Step 8 of the pipeline: one article's lines become an :class:`Article`.

The headline block is the run of kept lines before the first line of prose:
its first line is the title, the others subtitles, except lines that repeat
the title whole or in part (removed as ``duplicate_headline``). Every other
kept line is body; lines marked ``joins_previous`` continue the paragraph
before them. The metadata is resolved from the article's lines and, for the
lead article of an HTML page, the page's own evidence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .article import Article, RemovedPieces
from .detectors.captions import PhotoCaptionDetector
from .lines import CAPTION, HEADLINE, REMOVED, TEXT, Line
from .metadata.resolve import Evidence, line_evidence, resolve
from .text import is_cjk, is_prose, squeeze

if TYPE_CHECKING:
    from .options import Options


@dataclass(frozen=True)
class PageFacts:
    """What every article of a page may draw on besides its own lines."""

    #: Warnings about the page as a whole.
    warnings: tuple[str, ...] = ()
    #: Warnings about one line, by its number (``line 12: garbled text …``).
    line_warnings: dict[int, tuple[str, ...]] | None = None
    #: The HTML's title and evidence (for the lead article only).
    html_title: str | None = None
    html_evidence: tuple[Evidence, ...] = ()


def build_article(lines: Sequence[Line], facts: PageFacts, options: Options, *, lead_article: bool) -> Article:
    """The :class:`Article` of one article's ``lines``."""
    lines = list(lines)
    headlines, body_lines = _headline_block(lines, options.headline_block_max)
    title = headlines[0][1].text if headlines else None
    subtitles = []
    # The title and the subtitles so far, without spaces, one a line: a line
    # repeats one of them when it is a substring of this text (it has no
    # newline, so it cannot straddle two). One C-level search per line instead
    # of a Python loop over every earlier subtitle.
    seen = squeeze(title or "")
    for index, line in headlines[1:]:
        squeezed = squeeze(line.text)
        if squeezed and squeezed in seen:
            lines[index] = line.removed("duplicate_headline")
        else:
            subtitles.append(line.text)
            seen += "\n" + squeezed
    paragraphs = _paragraphs(body_lines)
    evidence = line_evidence(lines)
    if lead_article:
        html_title = facts.html_title
        if html_title and not title and paragraphs and squeeze(paragraphs[0]) == squeeze(html_title):
            # The page's <h1> read as prose (a long title with a comma).
            title, paragraphs = paragraphs[0], paragraphs[1:]
        title = title or html_title
        evidence += facts.html_evidence
    meta = resolve(evidence, lead=paragraphs[0] if paragraphs else "")
    captions = tuple(line.text for line in lines if line.role == CAPTION)
    if not options.keep_captions:
        lines = [line.removed(PhotoCaptionDetector.name) if line.role == CAPTION else line for line in lines]
        captions = ()
    return Article(
        title=title,
        subtitles=tuple(subtitles),
        body="\n\n".join(paragraphs),
        captions=captions,
        source=meta["source"],
        date=meta["date"],
        editor=meta["editor"],
        authors=tuple(meta["authors"]),
        warnings=_warnings(lines, facts),
        removed=removed_pieces(lines) if options.keep_removed else (),
    )


def _headline_block(lines: list[Line], most: int) -> tuple[list[tuple[int, Line]], list[Line]]:
    """The headline lines with their indexes (those the region step marked,
    then the kept lines before the first prose) and the body lines. More
    than ``most`` kept lines before the first prose are no headline block
    (and would make the duplicate check quadratic): then the page reads as
    if it had no prose."""
    marked = [(i, line) for i, line in enumerate(lines) if line.role == HEADLINE]
    kept = [(i, line) for i, line in enumerate(lines) if line.role == TEXT]
    for k, (_, line) in enumerate(kept):
        if k > most:
            break
        if is_prose(line.text) or line.fields:
            return marked + kept[:k], [line for _, line in kept[k:]]
    if marked:
        return marked, [line for _, line in kept]
    return kept[:1], [line for _, line in kept[1:]]


def _paragraphs(lines: list[Line]) -> list[str]:
    paragraphs: list[str] = []
    for line in lines:
        if not line.text:
            continue
        if line.joins_previous and paragraphs:
            glue = "" if is_cjk(paragraphs[-1][-1]) or is_cjk(line.text[0]) or not paragraphs[-1][-1].isalnum() else " "
            paragraphs[-1] += glue + line.text
        else:
            paragraphs.append(line.text)
    return paragraphs


def removed_pieces(lines: Sequence[Line]) -> RemovedPieces:
    """Every removed piece of ``lines``: whole lines and pieces cut out."""
    texts: list[str] = []
    detectors: list[str] = []
    numbers: list[int] = []
    for line in lines:
        if line.role == REMOVED and line.text:
            texts.append(line.text)
            detectors.append(line.detector or "unknown")
            numbers.append(line.number)
        for text, detector in line.cuts:
            texts.append(text)
            detectors.append(detector)
            numbers.append(line.number)
    return RemovedPieces.of(texts, detectors, numbers)


def _warnings(lines: Sequence[Line], facts: PageFacts) -> tuple[str, ...]:
    """The page's warnings and those about this article's lines."""
    if not facts.line_warnings:
        return facts.warnings
    numbers = sorted({line.number for line in lines if line.number in facts.line_warnings})
    return facts.warnings + tuple(w for number in numbers for w in facts.line_warnings[number])
