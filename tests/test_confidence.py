"""Article.confidence: low for each known way to fail, high for articles."""
from boilerstrip import Article, clean_article

from .conftest import FIXTURES, seed_text


def test_a_clean_article_is_trusted():
    article = clean_article(seed_text("002_dabc6c0c243ffe8f"))
    assert article.confidence >= 0.9 and not any("confidence" in w for w in article.warnings)


def test_nothing_is_no_article():
    assert clean_article("").confidence == 0.0 == Article().confidence


def test_mojibake_text_is_not_trusted():
    """A GBK page a scraper read as Cyrillic: ``РВОЕ | РРЗй | ЖАІв``."""
    article = clean_article((FIXTURES / "thirdparty" / "ia_6dc2d508" / "w3m.txt").read_text(encoding="utf-8"))
    assert article.confidence < 0.5
    assert any("mojibake" in w for w in article.warnings)


def test_an_error_page_is_not_trusted():
    article = clean_article((FIXTURES / "thirdparty" / "ia_386d70f8" / "page.html").read_bytes())
    assert article.confidence < 0.5
    assert any("error, not-found or login page" in w for w in article.warnings)


def test_a_gallery_dump_without_its_slides_is_not_trusted():
    """The slides' text is only in a script, which no dump shows: the little
    prose kept is a small part of the page's."""
    article = clean_article((FIXTURES / "pages" / "toutiao_2" / "w3m.txt").read_text(encoding="utf-8"))
    assert article.confidence < 0.5


def test_the_same_gallery_in_html_is_trusted():
    article = clean_article((FIXTURES / "pages" / "toutiao_2" / "page.html").read_bytes())
    assert article.confidence >= 0.5
