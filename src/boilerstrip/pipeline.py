"""The pipeline: where every line of a page goes, top to bottom.

1. ``decode``     bytes -> text (BOM, declared charset, charset-normalizer).
2. ``extract``    HTML only: the page's text, one block element a line.
3. ``lines``      the text as numbered :class:`~boilerstrip.lines.Line` objects.
4. ``detectors``  chrome (share rows, feeds, widgets, notices, ...) is marked
                  removed with the detector's name; captions are set aside.
5. ``repairs``    scraping damage is undone: ruby pinyin, glued credits,
                  captions mid-sentence, sentences split by page breaks;
                  garbled text is flagged, never rewritten.
6. ``metadata``   metadata lines, bylines, dateline leads and trailing credits
                  give source, date, editor and authors.
7. ``split``      an e-paper page is cut into its articles.
8. ``assemble``   each article's headline block, body, captions and removals
                  become an :class:`~boilerstrip.article.Article`.
"""
from __future__ import annotations

from .article import Article
from .assemble import build_article
from .decode import decode
from .detectors import detect_chrome
from .extract import html_to_text, looks_like_html
from .lines import split_lines
from .metadata import parse_metadata
from .repairs import repair
from .split import split_articles

EMPTY_INPUT = "empty input: no text to clean"


def clean_articles(page: str | bytes, *, url: str | None = None) -> list[Article]:
    """Every article on ``page`` in reading order (``[]`` for empty input).

    ``page`` is scraped text, HTML, or raw bytes in any Chinese encoding.
    """
    text, warnings = _page_text(page, url)
    if not text.strip():
        return []
    if looks_like_html(text):
        text = html_to_text(text)
    lines = split_lines(text)
    lines.warnings.extend(warnings)
    detect_chrome(lines)
    repair(lines)
    parse_metadata(lines)
    return [build_article(segment, lines.warnings) for segment in split_articles(lines)]


def clean_article(page: str | bytes, *, url: str | None = None) -> Article:
    """The lead article on ``page``; an empty :class:`Article` with a warning
    when there is nothing to clean."""
    articles = clean_articles(page, url=url)
    if articles:
        return articles[0]
    _, warnings = _page_text(page, url)
    return Article(warnings=tuple(warnings) or (EMPTY_INPUT,))


def _page_text(page: object, url: object) -> tuple[str, list[str]]:
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if isinstance(page, str):
        return page, []
    if isinstance(page, (bytes, bytearray, memoryview)):
        return decode(bytes(page))
    raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
