"""The pipeline: where every line of a page goes, top to bottom.

1. ``decode``     bytes -> text (declarations checked against the bytes:
                  UTF-8, GB18030, Big5-HKSCS, UTF-16 scored by how
                  plausible each reading is); ``sniff`` tells markup from
                  text.
2. ``extract``    HTML only: the main content (trafilatura and readability
                  candidates chosen by prose density), one block a line,
                  with the title and byline lines in front; metadata from
                  the HTML (``html_metadata``) fills fields left empty.
3. ``lines``      the text as numbered :class:`~boilerstrip.lines.Line` objects.
4. ``detectors``  chrome (share rows, feeds, widgets, notices, ...) is marked
                  removed with the detector's name; captions are set aside.
4b. ``region``    the article is found in the whole page (the densest run of
                  prose, widened up to its headline); the rest is removed.
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

from dataclasses import dataclass, field, replace

from .article import Article
from .assemble import build_article
from .decode import decode
from .detectors import detect_chrome
from .extract import extract_main
from .lines import split_lines
from .metadata import parse_metadata
from .options import Options
from .region import find_article
from .repairs import repair
from .sniff import is_markup
from .split import split_articles

EMPTY_INPUT = "empty input: no text to clean"


def clean_articles(
    page: str | bytes, *, url: str | None = None, options: Options | None = None, charset: str | None = None
) -> list[Article]:
    """Every article on ``page`` in reading order (``[]`` for empty input).

    ``page`` is scraped text, HTML, or raw bytes in any Chinese encoding;
    ``charset`` is the encoding the transport declared (an HTTP
    ``Content-Type``), weighed like a declaration inside the page.
    """
    return _clean(page, url, charset)[0]


def clean_article(
    page: str | bytes, *, url: str | None = None, options: Options | None = None, charset: str | None = None
) -> Article:
    """The lead article on ``page``; an empty :class:`Article` with a warning
    when there is nothing to clean."""
    articles, warnings = _clean(page, url, charset)
    if articles:
        return articles[0]
    return Article(warnings=tuple(warnings) or (EMPTY_INPUT,))


@dataclass(frozen=True)
class PageText:
    """Steps 1 and 2: the text whose lines ``Removal.line`` counts."""

    text: str
    warnings: list[str]
    #: Metadata read from the HTML (fallbacks for empty fields); ``{}`` for text.
    html_meta: dict = field(default_factory=dict)
    #: True when the HTML extractor has already found the article.
    extracted: bool = False


def page_text(page: str | bytes, *, url: str | None = None, charset: str | None = None) -> PageText:
    """Decode ``page`` (``charset``: the transport's declaration) and, for
    markup, extract its main content."""
    text, warnings = _decoded(page, url, charset)
    if not text.strip() or not is_markup(text):
        return PageText(text, warnings)
    extraction = extract_main(text)
    return PageText(
        extraction.text,
        warnings + extraction.warnings,
        extraction.meta,
        extraction.method not in ("page", "none"),
    )


def _clean(page: object, url: object, charset: object = None) -> tuple[list[Article], list[str]]:
    """The articles, and the decoding warnings (for an empty result)."""
    read = page_text(page, url=url, charset=charset)
    if not read.text.strip():
        return [], read.warnings
    fallback, extracted, warnings = read.html_meta, read.extracted, read.warnings
    lines = split_lines(read.text)
    lines.warnings.extend(warnings)
    detect_chrome(lines)
    if not extracted:
        # The HTML extractor has already found the article's region.
        find_article(lines)
    repair(lines)
    if fallback:
        # In HTML the block structure is authoritative: a block boundary is
        # a paragraph boundary, never a page break inside a sentence.
        for line in lines.lines:
            line.joins_previous = False
    parse_metadata(lines)
    articles = [build_article(segment, lines.warnings) for segment in split_articles(lines)]
    if articles and fallback:
        articles[0] = _fill(articles[0], fallback)
    return articles, warnings


def _fill(article: Article, fallback: dict) -> Article:
    """Fields the text pipeline left empty, from the HTML's metadata."""
    title = fallback.get("title")
    paragraphs = article.paragraphs
    if title and not article.title and paragraphs and "".join(paragraphs[0].split()) == "".join(title.split()):
        # The page's <h1> read as prose (a long title with a comma).
        article = replace(article, title=paragraphs[0], body="\n\n".join(paragraphs[1:]))
    fields = {key: fallback[key] for key in ("title", "source", "date", "editor") if not getattr(article, key) and fallback.get(key)}
    slot = fallback.get("source_element")
    if article.source and slot and slot != article.source and slot in article.source:
        # A text line glued two elements (``金融市场棱镜`` = column + outlet):
        # the element the page marks as the source is the value.
        fields["source"] = slot
    if not article.authors and fallback.get("authors"):
        fields["authors"] = tuple(fallback["authors"])
    return replace(article, **fields) if fields else article


def _decoded(page: object, url: object, charset: object = None) -> tuple[str, list[str]]:
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if charset is not None and not isinstance(charset, str):
        raise TypeError(f"charset must be a str or None, not {type(charset).__name__}")
    if isinstance(page, str):
        return page, []
    if isinstance(page, (bytes, bytearray, memoryview)):
        return decode(bytes(page), charset)
    raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
