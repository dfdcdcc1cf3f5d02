"""Linear time (issue 6): 10x more hostile input may cost about 10x the time,
never 100x. The shapes are those of ``benchmarks/bench_linear_time.py``, at
small sizes; the bound is generous (timing on a shared machine is noisy) but
catches a quadratic scan or a backtracking regex."""
import time

import pytest

from benchmarks.bench_linear_time import SHAPES, SLOW_SHAPES
from boilerstrip import clean_articles

SMALL, LARGE = 20_000, 200_000  # bytes of UTF-8
#: Linear is 10, quadratic 100.
MAX_RATIO = 30


def _seconds(text: str) -> float:
    """CPU time of the fastest of three runs (other jobs on the machine
    inflate single runs, never the fastest of several)."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        clean_articles(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("shape", sorted(set(SHAPES) - SLOW_SHAPES))
def test_ten_times_the_input_costs_about_ten_times_the_time(shape):
    small, large = SHAPES[shape](SMALL), SHAPES[shape](LARGE)
    assert 8 <= len(large) / len(small) <= 12
    # A floor for the small page, so that timer resolution cannot make the ratio.
    ratio = _seconds(large) / max(_seconds(small), 0.002)
    assert ratio < MAX_RATIO, f"{shape}: 10x the input took {ratio:.0f}x the time"
