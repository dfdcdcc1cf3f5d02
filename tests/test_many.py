"""``clean_many``: many pages from Python, in order, an error result per bad page."""
import gzip
import time
from pathlib import Path

import pytest

from boilerstrip import PageResult, clean_articles, clean_many

from .conftest import FIXTURES, SEEDS

SEED = SEEDS / "002_dabc6c0c243ffe8f.txt"
EPAPER = SEEDS / "000_6ceb450048dfa4e8.txt"
GBK_PAGE = FIXTURES / "pages" / "hexun_1" / "page.html"


def test_results_come_in_input_order_with_an_error_per_bad_page(tmp_path):
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(SEED.read_bytes()))
    (tmp_path / "broken.html.gz").write_bytes(b"\x1f\x8b not gzip")
    (tmp_path / "big.html").write_bytes(b"<p>x</p>" * 50_000)
    (tmp_path / "page.php").write_bytes(EPAPER.read_bytes())
    items = [
        GBK_PAGE,
        EPAPER.read_bytes(),
        SEED.read_text(encoding="utf-8"),
        tmp_path / "page.txt.gz",
        tmp_path / "missing.html",
        tmp_path / "broken.html.gz",
        tmp_path / "big.html",
        42,
        b"",
        tmp_path / "page.php",
    ]
    results = list(clean_many(iter(items), workers=2, max_bytes=300_000))
    assert [r.index for r in results] == list(range(len(items)))
    assert [r.path for r in results] == [item if isinstance(item, Path) else None for item in items]
    assert results[0].articles == clean_articles(GBK_PAGE.read_bytes())
    assert results[1].articles == clean_articles(EPAPER.read_bytes()) and len(results[1].articles) > 1
    assert results[2].articles == results[3].articles == clean_articles(SEED.read_bytes())
    assert results[4].error == "cannot read file: No such file or directory"
    assert results[5].error.startswith("not valid gzip data")
    assert results[6].error == "size is over the limit of 300000 bytes (--max-bytes)"
    assert results[7].error == "not a page: int (give bytes, str or a path)"
    assert results[8] == PageResult(8, None, [], ["empty input: no text to clean"])
    assert results[9].articles == clean_articles(EPAPER.read_bytes())
    assert [r.ok for r in results] == [True] * 4 + [False] * 4 + [True] * 2


def test_a_slow_page_times_out_and_the_next_goes_on():
    results = list(clean_many([EPAPER.read_bytes(), SEED.read_bytes()], workers=1, timeout=0.001))
    assert results[0].error == "cleaning took longer than 0.001 s (--timeout)"
    assert results[1].error in (None, results[0].error)  # the second may also be too slow for 1 ms
    (again,) = clean_many([SEED], workers=1)
    assert again.articles == clean_articles(SEED.read_bytes())


def test_stopping_early_stops_the_workers(tmp_path):
    def endless():
        while True:
            yield SEED

    started = time.monotonic()
    results = clean_many(endless(), workers=2)
    first = next(results)
    results.close()
    assert first.ok and time.monotonic() - started < 30


def test_bad_worker_count_is_a_value_error():
    with pytest.raises(ValueError, match="workers must be a positive int"):
        next(clean_many([SEED], workers=0))


@pytest.mark.parametrize(
    "given,error,message",
    [
        ({"timeout": -1}, ValueError, "timeout must be a positive number of seconds, not -1"),
        ({"timeout": "30"}, ValueError, "timeout must be a positive number of seconds, not '30'"),
        ({"max_bytes": 0}, ValueError, "max_bytes must be a positive int, not 0"),
        ({"options": {"keep_removed": False}}, TypeError, "options must be an Options or None, not dict"),
    ],
)
def test_bad_settings_are_an_error_naming_them_not_an_error_on_every_page(given, error, message):
    with pytest.raises(error, match=f"^{message}$"):
        next(clean_many([SEED], workers=1, **given))
