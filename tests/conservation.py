"""Conservation of text: every visible character of the input ends up in
exactly one place (a headline, the body, a caption, or ``removed``)."""
from collections import Counter
import unicodedata

from boilerstrip import clean

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
    """The articles of ``text``, checking conservation when it was read as
    text (for HTML it holds against the extracted text, not the markup)."""
    result = clean(text)
    if not result.is_html:
        assert_conserved(text, result.articles)
    return list(result.articles)
