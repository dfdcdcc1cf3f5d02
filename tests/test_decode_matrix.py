"""A fast subset of the decode matrix (``benchmarks/bench_decode.py``): a few
pages in every encoding and with every kind of declaration read back to the
text exactly; with 0.1% invalid bytes, each broken byte costs only the
character it was in."""
import gc
import re

import pytest

from benchmarks.bench_decode import DECLARATIONS, ENCODINGS, faithful, variants
from boilerstrip import clean_article
from boilerstrip.decode import decode

from .conftest import FIXTURES, seed_text


class _AsWritten:
    """Stands in for the OpenCC conversion: the traditional page below is
    traditional already; the others are not representable in Big5."""

    @staticmethod
    def convert(text: str) -> str:
        return text


def _traditional_page() -> str:
    """The traditional seed without its scraped ruby annotations, the lines
    Big5 can hold, as a page."""
    lines = []
    for line in re.sub(r"\([^()]*\)", "", seed_text("004_fc4762bbda85c93c")).splitlines():
        try:
            line.encode("big5")
        except UnicodeEncodeError:
            continue
        if line.strip():
            lines.append(line)
    paragraphs = "".join(f"<p>{line}</p>\n" for line in lines[1:])
    return f"<html><head><title>{lines[0]}</title></head><body><h1>{lines[0]}</h1>\n{paragraphs}</body></html>"


SOURCES = [
    ("pages/xinhuanet_1", decode((FIXTURES / "pages" / "xinhuanet_1" / "page.html").read_bytes())[0], True),
    ("thirdparty/ia_0df12126", decode((FIXTURES / "thirdparty" / "ia_0df12126" / "page.html").read_bytes())[0], True),
    ("thirdparty/ia_05e98007", decode((FIXTURES / "thirdparty" / "ia_05e98007" / "page.html").read_bytes())[0], True),
    ("seeds/000", seed_text("000_6ceb450048dfa4e8"), False),
    ("traditional", _traditional_page(), True),
]
CONVERT = {"tw": _AsWritten, "hk": _AsWritten}


@pytest.fixture(scope="module")
def ALL():  # noqa: N802 - the list of every variant
    """Every variant of the pages (some 30 MB, freed after this module)."""
    every = [v for index, source in enumerate(SOURCES) for v in variants(*source, index, CONVERT)]
    yield every
    every.clear()
    gc.collect()


def test_the_subset_covers_every_row_and_declaration(ALL):
    assert {v.encoding for v in ALL} == {row for row, *_ in ENCODINGS}
    assert {v.declaration for v in ALL} == set(DECLARATIONS)


@pytest.mark.parametrize("row", [row for row, *_ in ENCODINGS])
def test_clean_bytes_read_back_exactly(ALL, row):
    wrong = [
        (v.page, v.declaration)
        for v in ALL
        if v.encoding == row and not v.invalid and decode(v.data, v.transport)[0] != v.text
    ]
    assert wrong == []


@pytest.mark.parametrize("row", [row for row, *_ in ENCODINGS])
def test_each_invalid_byte_costs_only_its_character(ALL, row):
    wrong = [
        (v.page, v.declaration)
        for v in ALL
        if v.encoding == row and v.invalid and not faithful(decode(v.data, v.transport)[0], v.text)
    ]
    assert wrong == []


def test_the_bytes_clean_like_the_text(ALL):
    """End to end on the traditional page: Big5 with a lying declaration."""
    variant = next(v for v in ALL if v.page == "traditional" and v.encoding == "Big5" and v.declaration == "wrong BOM+meta")
    assert not variant.invalid and variant.data.startswith(b"\xef\xbb\xbf")
    assert clean_article(variant.data).body == clean_article(variant.text).body != ""


def test_faithful():
    assert faithful("h\ufffdt\ufffds:/\ufffdnews", "https://news")
    assert faithful("ab\ufffd\ufffd\ufffdcd", "abXcd")
    assert not faithful("ab\ufffdYcd", "abXcd")
    assert not faithful("abcd", "abXcd")
    assert not faithful("\ufffdabc", "abc")
