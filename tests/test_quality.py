"""Quality gate: every corpus × mode holds the floors pinned in
benchmarks/floors.json (the figures: benchmarks/bench_quality.py, docs/quality.md).

Missing fixtures, a missing row or a figure that cannot be measured fail;
nothing is skipped. A floor is raised when quality improves and never lowered
without saying why in the commit.
"""
import json
import math
from pathlib import Path

import pytest

from benchmarks.bench_quality import CORPORA, MODES, evaluate, evaluate_all
from boilerstrip import Options

FLOORS = json.loads((Path(__file__).resolve().parent.parent / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
ROWS = [(corpus, mode) for corpus in CORPORA for mode in MODES]


@pytest.fixture(scope="module")
def measured():
    return {(row["corpus"], row["mode"]): row for row in evaluate_all()}


def test_every_corpus_and_mode_has_floors_for_every_field():
    for corpus, mode in ROWS:
        floors = FLOORS[corpus][mode]
        wanted = {"pages", "f1", "precision", "recall"} | {k for f in CORPORA[corpus] for k in (f, f"{f}_precision")}
        assert wanted <= set(floors), f"{corpus}/{mode}: no floor for {sorted(wanted - set(floors))}"


@pytest.mark.parametrize("corpus,mode", ROWS)
def test_quality_holds_its_floors(measured, corpus, mode):
    _holds_floors(measured[(corpus, mode)], FLOORS[corpus][mode], f"{corpus}/{mode}")


@pytest.mark.parametrize("corpus", CORPORA)
def test_html_mode_without_resiliparse_holds_the_html_floors(corpus):
    """Installed without the ``fast`` extra, HTML mode asks trafilatura
    where it would ask resiliparse: the same floors hold."""
    row = evaluate(corpus, "html", options=Options(ask_resiliparse=False))
    _holds_floors(row, FLOORS[corpus]["html"], f"{corpus}/html without resiliparse")


def _holds_floors(row: dict, floors: dict, name: str) -> None:
    assert row["pages"] == floors["pages"], f"{name}: {row['pages']} pages, floors pinned on {floors['pages']}"
    below = {}
    for key, floor in floors.items():
        if key == "pages":
            continue
        value = row[key]
        assert not math.isnan(value), f"{name}: {key} could not be measured (no page to count)"
        if value < floor:
            below[key] = (round(value, 3), floor)
    assert not below, f"{name}: below the pinned floor (measured, floor): {below}"
