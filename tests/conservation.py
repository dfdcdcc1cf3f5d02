"""Conservation of text: every visible character of the input ends up in
exactly one place (a headline, the body, a caption, or ``removed``)."""
from collections import Counter
import unicodedata

from boilerstrip import clean_articles
from boilerstrip.extract import looks_like_html

_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}


def visible(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace() and unicodedata.category(ch) not in _INVISIBLE)


def output_chars(articles) -> Counter:
    total = Counter()
    for article in articles:
        for piece in (article.title or "", *article.subtitles, article.body, *article.captions):
            total += visible(piece)
        for removal in article.removed:
            total += visible(removal.text)
    return total


def assert_conserved(text: str, articles) -> None:
    got, want = output_chars(articles), visible(text)
    assert got == want, {"lost": dict(want - got), "invented": dict(got - want)}


def cleaned_and_conserved(text: str):
    """``clean_articles(text)``, checking conservation unless ``text`` is HTML
    (then it holds against the extracted text, not the markup)."""
    articles = clean_articles(text)
    if not looks_like_html(text):
        assert_conserved(text, articles)
    return articles
