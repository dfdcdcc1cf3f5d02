"""Quality gate for text mode: the dev pages must not score below the floors
pinned in benchmarks/floors.json (the figures themselves: benchmarks/bench_text.py)."""
import json
from pathlib import Path

import pytest

from benchmarks.bench_text import DUMPS, evaluate, load_pages

FLOORS = json.loads((Path(__file__).resolve().parent.parent / "benchmarks" / "floors.json").read_text())["text"]
PAGES = load_pages()


@pytest.mark.parametrize("dump", DUMPS)
def test_text_mode_holds_its_floors(dump):
    measured = evaluate(PAGES, dump)
    below = {
        field: (round(measured[field], 3), floor)
        for field, floor in FLOORS[dump].items()
        if not field.startswith("_") and measured[field] < floor
    }
    assert not below, f"{dump}: below the pinned floor (measured, floor): {below}"
