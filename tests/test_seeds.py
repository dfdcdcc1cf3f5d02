"""The five seed pages, compared field by field as fixtures/seeds/README.md says."""
import pytest

from boilerstrip import clean_article, clean_articles

from .conftest import SEED_NAMES, seed_expected, seed_text

EPAPER = {"000_6ceb450048dfa4e8", "001_7d4affe2e832ce19"}


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n\n")]


def _check(name: str, got, want: dict) -> None:
    where = f"{name} «{want['headlines'][0]}»"
    assert _paragraphs(got.body) == _paragraphs(want["body"]), where
    headlines = want["headlines"]
    if name in EPAPER:
        assert got.title in headlines, where
    else:
        assert got.title == want["title"], where
    assert list(got.subtitles) == [h for h in headlines if h != got.title and h in want["subtitles"] + [want["title"]]], where
    assert list(got.captions) == want["captions"], where
    assert got.source in [want["source"], *want["source_alternatives"]], where
    assert got.date == want["date"], where
    assert got.editor == want["editor"], where
    assert list(got.authors) in [want["authors"], *want["authors_alternatives"]], where
    for fragment in want["warnings_contain"]:
        assert any(fragment in w for w in got.warnings), (where, fragment, got.warnings)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_article_of_every_seed(name):
    want = seed_expected(name)
    got = clean_articles(seed_text(name))
    assert len(got) == len(want), [a.title for a in got]
    for article, expected in zip(got, want):
        _check(name, article, expected)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_clean_article_returns_the_lead_article(name):
    _check(name, clean_article(seed_text(name)), seed_expected(name)[0])
