"""Step 7 of the pipeline: cut a page holding several articles into articles.

An e-paper page prints its articles one after another. A new article starts

* after a closing byline (``新重庆-重庆日报记者 杨帆 卢志民``): at the first
  headline line after it (credits right after the byline stay with the
  article that closes);
* at the headline lines right before a dateline lead (``重庆日报讯(…)``),
  when the current article already has body text.

A piece with no prose of its own is not an article: it stays with the one
before it.
"""
from __future__ import annotations

from typing import Sequence

from .lines import TEXT, Line, Page
from .text import is_prose


def split_articles(page: Page, article_min: int) -> list[list[Line]]:
    """The page's lines cut into articles (one list of lines each); an
    article has at least ``article_min`` characters of prose before a byline
    or a dateline lead can close it (a title ending in ？ is no body)."""
    lines = page.lines
    starts = [0]
    body = 0
    after_byline = False
    for i, line in enumerate(lines):
        if line.role != TEXT:
            if line.fields and line.fields.kind == "byline" and body >= article_min:
                after_byline = True
            continue
        prose = is_prose(line.text)
        if after_byline and not prose:
            starts.append(i)
            body, after_byline = 0, False
            continue
        if prose and line.fields and line.fields.kind == "dateline" and body >= article_min:
            head = _headline_run_start(lines, i)
            if head is not None and head > starts[-1]:
                starts.append(head)
                body = 0
        after_byline = False
        if prose:
            body += len(line.text)
    segments = [list(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)])]
    return _merge_bodiless(segments)


def _headline_run_start(lines: Sequence[Line], i: int) -> int | None:
    """Index of the first of the headline lines right above line ``i``."""
    head = None
    for j in range(i - 1, -1, -1):
        line = lines[j]
        if line.role != TEXT:
            continue
        if is_prose(line.text) or line.joins_previous:
            break
        head = j
    return head


def _merge_bodiless(segments: list[list[Line]]) -> list[list[Line]]:
    merged: list[list[Line]] = []
    for segment in segments:
        if merged and not any(line.role == TEXT and is_prose(line.text) for line in segment):
            merged[-1].extend(segment)  # in place: many bodiless pieces stay linear
        else:
            merged.append(segment)
    return merged
