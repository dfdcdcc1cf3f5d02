"""Speed gate: a gross slowdown fails, measured as a ratio against
trafilatura run alternately in the same process on the same pages (a ratio
holds on a busy or slow machine where a time in seconds would not).

- HTML mode: ``clean_article(page.html bytes)`` docs/s over
  ``trafilatura.extract(html)`` docs/s (default settings, page given as a
  decoded ``str``);
- text mode: ``clean_article(w3m.txt)`` pages/s over the same trafilatura
  docs/s.

The floors are in ``benchmarks/speed_floors.json``; the full figures come
from ``benchmarks/bench_speed.py`` (docs/speed.md).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import trafilatura  # a dependency of boilerstrip's: never skipped

from boilerstrip import clean_article
from boilerstrip.decode import decode

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((ROOT / "benchmarks" / "speed_floors.json").read_text(encoding="utf-8"))
ROUNDS = 3


@pytest.fixture(scope="module")
def ratios():
    folders = sorted(p.parent for p in (ROOT / "fixtures" / "pages").glob("*/page.html"))
    assert len(folders) == 22, "the speed floors were pinned on the 22 pages of fixtures/pages"
    pages = [(f / "page.html").read_bytes() for f in folders]
    decoded = [decode(page)[0] for page in pages]
    dumps = [(f / "w3m.txt").read_text(encoding="utf-8") for f in folders]
    for page, text in zip(pages[:3], dumps[:3]):  # warm up: imports, compiled rules
        clean_article(page), clean_article(text), trafilatura.extract(decode(page)[0])

    def best(run, items) -> float:
        started = time.process_time()
        for item in items:
            run(item)
        return time.process_time() - started

    theirs = html = text = float("inf")
    for _ in range(ROUNDS):  # alternately, so that a change of load hits all three
        theirs = min(theirs, best(trafilatura.extract, decoded))
        html = min(html, best(clean_article, pages))
        text = min(text, best(clean_article, dumps))
    return {"html_vs_trafilatura": theirs / html, "text_vs_trafilatura": theirs / text}


@pytest.mark.parametrize("key", ["html_vs_trafilatura", "text_vs_trafilatura"])
def test_speed_holds_its_floor(ratios, key):
    assert ratios[key] >= FLOORS[key], (
        f"{key}: {ratios[key]:.2f}x trafilatura's docs/s, floor {FLOORS[key]}x: something got much slower "
        f"(python benchmarks/bench_speed.py --html / --runs 9 to see where)"
    )
