"""Step 8 of the pipeline: one article's lines become an :class:`Article`.

The headline block is the run of kept lines before the first line of prose:
its first line is the title, the others subtitles, except lines that repeat
the title whole or in part (removed as ``duplicate_headline``). Every other
kept line is body; lines marked ``joins_previous`` continue the paragraph
before them.
"""
from __future__ import annotations

from .article import Article, Removal
from .lines import CAPTION, HEADLINE, REMOVED, TEXT, Line, is_cjk, is_prose
from .metadata import resolve_metadata
from .region import HEADLINE_BLOCK_MAX


def build_article(lines: list[Line], page_warnings: list[str]) -> Article:
    headlines, body_lines = _headline_block(lines)
    title = headlines[0].text if headlines else None
    subtitles = []
    # The title and the subtitles so far, without spaces, one a line: a line
    # repeats one of them when it is a substring of this text (it has no
    # newline, so it cannot straddle two). One C-level search per line instead
    # of a Python loop over every earlier subtitle.
    seen = "".join((title or "").split())
    for line in headlines[1:]:
        squeezed = "".join(line.text.split())
        if squeezed and squeezed in seen:
            line.remove("duplicate_headline")
        else:
            subtitles.append(line.text)
            seen += "\n" + squeezed
    paragraphs = _paragraphs(body_lines)
    meta = resolve_metadata(lines, lead=paragraphs[0] if paragraphs else "")
    numbers = {line.number for line in lines}
    warnings = [w for w in page_warnings if not w.startswith("line ") or _warning_line(w) in numbers]
    return Article(
        title=title,
        subtitles=tuple(subtitles),
        body="\n\n".join(paragraphs),
        captions=tuple(line.text for line in lines if line.role == CAPTION),
        source=meta["source"],
        date=meta["date"],
        editor=meta["editor"],
        authors=tuple(meta["authors"]),
        warnings=tuple(warnings),
        removed=tuple(_removals(lines)),
    )


def _headline_block(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The headline lines (those the region step marked, then the kept lines
    before the first prose) and the body lines. More than
    ``HEADLINE_BLOCK_MAX`` kept lines before the first prose are no headline
    block (and would make the duplicate check quadratic): then the page reads
    as if it had no prose."""
    marked = [line for line in lines if line.role == HEADLINE]
    kept = [line for line in lines if line.role == TEXT]
    for k, line in enumerate(kept):
        if k > HEADLINE_BLOCK_MAX:
            break
        if is_prose(line.text) or line.meta:
            return marked + kept[:k], kept[k:]
    if marked:
        return marked, kept
    return kept[:1], kept[1:]


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


def _removals(lines: list[Line]):
    for line in lines:
        if line.role == REMOVED and line.text:
            yield Removal(line.text, line.detector or "unknown", line.number)
        for text, detector in line.cuts:
            yield Removal(text, detector, line.number)


def _warning_line(warning: str) -> int:
    number = warning[5 : warning.index(":")]
    return int(number) if number.isdigit() else -1
