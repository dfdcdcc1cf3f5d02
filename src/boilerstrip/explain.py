"""``--explain``: a page as the pipeline saw it, from one run of :func:`clean`.

1. every line of the text the pipeline read (the extracted text for HTML),
   numbered as ``Removal.line`` counts, removed pieces marked with their
   detector;
2. how each line's role changed, step by step (first pass, revision,
   repairs, metadata), with what a metadata line said;
3. for HTML, the page's skeleton: which lines each candidate took and which
   the extraction kept;
4. the metadata evidence and the value each field got;
5. a tally: articles, and what each detector removed.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import replace

from .article import Removal
from .lines import Line
from .metadata.resolve import line_evidence
from .options import DEFAULT
from .pipeline import Result, clean

_RED, _YELLOW, _RESET = "\x1b[31m", "\x1b[33m", "\x1b[0m"


def explain(page: str | bytes, *, colour: bool = False, options=None, url: str | None = None) -> str:
    """The report for ``page``; removed text is red when ``colour``, else in ``⟦…⟧``."""
    result = clean(page, replace(options or DEFAULT, keep_stages=True), url=url)
    by_line: dict[int, list[Removal]] = defaultdict(list)
    for article in result.articles:
        for piece in article.removed:
            by_line[piece.line].append(piece)
    texts = [line.text for line in result.stages[0][1].lines] if result.stages else []
    width = max((len(piece.detector) for pieces in by_line.values() for piece in pieces), default=0)
    out = [_explain_line(number, text, by_line.get(number, []), width, colour) for number, text in enumerate(texts, 1)]
    sections = [_stages(result), _extraction(result), _evidence(result)]
    for section in sections:
        if section:
            out += ["", *section]
    out += ["", _tally(result, by_line)]
    return "\n".join(out)


def _explain_line(number: int, text: str, pieces: list[Removal], width: int, colour: bool) -> str:
    """``  12 share_buttons │ ⟦分享到：微博⟧``: the detectors on the left,
    removed pieces marked inside the line; a piece no longer found in the
    line is appended."""
    names = ",".join(dict.fromkeys(piece.detector for piece in pieces))
    marked, missing, cursor = [], [], 0
    for piece in pieces:
        start = text.find(piece.text, cursor)
        if start < 0:
            missing.append(piece.text)
            continue
        marked += [text[cursor:start], _mark(piece.text, colour)]
        cursor = start + len(piece.text)
    marked.append(text[cursor:])
    marked += [" " + _mark(extra, colour) for extra in missing]
    gutter = f"{names:<{width}}"
    if colour:
        gutter = f"{_YELLOW}{gutter}{_RESET}"
    return f"{number:>5} {gutter} │ {''.join(marked)}".rstrip()


def _mark(text: str, colour: bool) -> str:
    return f"{_RED}{text}{_RESET}" if colour else f"⟦{text}⟧"


def _describe(lines: list[Line]) -> str:
    parts = []
    for line in lines:
        what = line.role if line.detector is None else f"{line.role} ({line.detector})"
        if line.cuts:
            what += " cut " + ", ".join(f"{d}: {t!r}" for t, d in line.cuts)
        if line.fields is not None:
            said = {k: v for k, v in vars(line.fields).items() if k != "kind" and v}
            what += f" says {said}" if said else ""
        parts.append(what)
    return "; ".join(parts)


def _stages(result: Result) -> list[str]:
    """``   12 detectors: removed (share_buttons)`` for every change a step made."""
    if not result.stages:
        return []
    rows = ["stages (a line's role after each step that changed it):"]
    previous: dict[int, list[Line]] = {}
    for step, page in result.stages:
        now: dict[int, list[Line]] = defaultdict(list)
        for line in page.lines:
            now[line.number].append(line)
        if previous:
            for number, lines in now.items():
                if lines != previous.get(number):
                    rows.append(f"{number:>5} {step}: {_describe(lines)}")
        previous = now
    return rows if len(rows) > 1 else []


#: The mark of each content candidate in the skeleton's margin.
_MARKS = {"trafilatura": "T", "resiliparse": "S", "readability": "R"}


def _extraction(result: Result) -> list[str]:
    """The HTML page's skeleton: ``R`` readability took the line, ``T``
    trafilatura, ``S`` resiliparse, ``+`` the extraction kept it."""
    extraction = result.extraction
    if extraction is None:
        return []
    taken = extraction.taken
    chosen = set(extraction.chosen)
    head = (
        f"HTML extraction: {extraction.method}; title {extraction.title!r}; the page has "
        f"{len(extraction.skeleton)} lines"
        + "".join(f", {name} took {len(lines)}" for name, lines in taken.items())
        + f", kept {len(chosen)} ("
        + ", ".join(f"{_MARKS[name]} {name}" for name in taken)
        + ", + kept):"
    )
    rows = [head]
    for k, text in enumerate(extraction.skeleton):
        marks = "".join(_MARKS[name] if k in lines else " " for name, lines in taken.items())
        marks += "+" if k in chosen else " "
        rows.append(f"{k + 1:>5} {marks} │ {text[:120]}")
    return rows


def _evidence(result: Result) -> list[str]:
    """Every piece of metadata evidence of the lead article, and its source."""
    if not result.articles or not result.stages:
        return []
    evidence = line_evidence(result.stages[-1][1].lines) + list(result.facts.html_evidence)
    if not evidence:
        return []
    lead = result.articles[0]
    rows = ["metadata evidence (lower rank first; the lead article's values: "
            + ", ".join(f"{name} {getattr(lead, name)!r}" for name in ("source", "date", "editor", "authors")) + "):"]
    for item in sorted(evidence, key=lambda e: e.rank):
        where = f" line {item.line}" if item.line else ""
        rows.append(f"  {item.field:<14} {item.value!r}  ({item.source}, rank {item.rank}{where})")
    return rows


def _tally(result: Result, by_line: dict[int, list[Removal]]) -> str:
    """``2 articles; removed: related_feed 44 pieces (812 chars), ...``."""
    pieces: Counter = Counter()
    chars: Counter = Counter()
    for line_pieces in by_line.values():
        for piece in line_pieces:
            pieces[piece.detector] += 1
            chars[piece.detector] += len(piece.text)
    articles = result.articles
    titles = "; ".join(json.dumps(a.title, ensure_ascii=False) for a in articles)
    count = len(articles)
    head = f"{count} article{'' if count == 1 else 's'}" + (f": {titles}" if titles else "")
    if result.warnings:
        head += "\nwarnings: " + "; ".join(result.warnings)
    if not chars:
        return f"{head}\nnothing removed"
    detail = ", ".join(f"{name} {pieces[name]} ({chars[name]:,} chars)" for name, _ in chars.most_common())
    return f"{head}\nremoved: {detail}"
