"""The pipeline: where every line of a page goes, top to bottom.

:func:`clean` is the whole of it; each step is its own module and returns a
new value, so the :class:`Result` keeps every stage for ``--explain``.

1. ``decode``    bytes -> text (declarations checked against the bytes:
                 UTF-8, GB18030, Big5-HKSCS, UTF-16 scored by how plausible
                 each reading is); ``sniff`` tells markup from text.
2. ``extract``   HTML only: the article's lines chosen from the trafilatura
                 and readability candidates, title and byline in front.
3. ``lines``     the text as numbered lines.
4. ``detectors`` first pass, each line on its own or with its neighbours:
                 chrome is removed with the detector's name, captions set aside.
4b. ``region``   revision with context: the article's run of prose and its
                 headline among the page's lines; the rest goes as
                 ``outside_article`` (when step 2 found the article, only
                 a comment section after it goes).
5. ``repairs``   scraping damage undone: ruby pinyin, glued credits,
                 captions mid-sentence, sentences split by page breaks
                 (text only); garbled text is flagged, never rewritten.
6. ``metadata``  metadata lines, bylines, credits and dateline leads are
                 read (and removed); the HTML's own evidence is gathered.
7. ``split``     an e-paper page is cut into its articles.
8. ``assemble``  each article's headline block, body, captions, removals and
                 resolved metadata become an :class:`~boilerstrip.article.Article`.
9. ``confidence`` how sure we are that each body is the article, with the
                 signs that lowered it in ``warnings`` when it is low.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article import Article
from .assemble import PageFacts, build_article
from .confidence import rate
from .decode import decode
from .detectors import compiled, detect_chrome
from .extract import Extraction, extract_main
from .columns import cut_side_columns
from .lines import Page, split_lines
from .metadata import find_line_fields, html_evidence
from .options import Options, given
from .region import cut_comments, find_article
from .repairs import repair
from .sniff import is_markup
from .split import split_articles

EMPTY_INPUT = "empty input: no text to clean"


@dataclass(frozen=True)
class Result:
    """Everything :func:`clean` made of a page."""

    #: Every article on the page, in reading order.
    articles: tuple[Article, ...]
    #: Warnings about the page itself (decoding, extraction), also when no
    #: article came out.
    warnings: tuple[str, ...]
    #: True when the page was read as HTML.
    is_html: bool = False
    #: Step 2's record (HTML only): the skeleton, each candidate's lines.
    extraction: Extraction | None = field(default=None, repr=False)
    #: ``(step, page)`` after each line step, from ``lines`` to ``metadata``
    #: (with ``Options(keep_stages=True)``, as ``--explain`` asks; else empty).
    stages: tuple[tuple[str, Page], ...] = field(default=(), repr=False)
    #: The page's warnings and HTML evidence the articles drew on.
    facts: PageFacts = field(default_factory=PageFacts, repr=False)

    @property
    def text(self) -> str:
        """The text whose lines ``Removal.line`` counts (steps 1 and 2; kept
        with the stages)."""
        return "\n".join(line.text for line in self.stages[0][1].lines) if self.stages else ""


def clean(
    page: str | bytes, options: Options | None = None, *, url: str | None = None, charset: str | None = None, lead_only: bool = False
) -> Result:
    """Clean ``page`` (scraped text, HTML, or raw bytes in any Chinese
    encoding): every article, the page's warnings, and every stage.

    ``lead_only``: stop after the first block of a long text that holds an
    article (what :func:`clean_article` needs; an article never spans two
    blocks, so the lead article is the same): ``articles`` then holds that
    block's only."""
    options = _checked(options, url, charset)
    text, warnings = _decoded(page, charset)                                # 1
    extraction = None
    is_html = bool(text.strip()) and is_markup(text)
    if is_html:
        extraction = extract_main(text, options)                            # 2
        text, warnings = extraction.text, warnings + list(extraction.warnings)
    if not text.strip():
        return Result((), tuple(warnings) or (EMPTY_INPUT,), is_html, extraction)
    site = url or (extraction.url if extraction else None)
    blocks = list(_block_bounds(text, options.block_chars))
    if len(blocks) > 1:
        warnings.append(f"the text is {len(text):,} characters; it was cleaned in blocks of about {options.block_chars:,} ({len(blocks)} blocks), an article never spanning two")
    articles: list[Article] = []
    stages: tuple[tuple[str, Page], ...] = ()
    facts = PageFacts()
    first = 1
    pending = None
    if len(blocks) > 1 and not lead_only and not is_html and not isinstance(page, str):
        # The text decoded from bytes is ours alone: cut into its blocks and
        # let go, each block's characters are freed as its articles are made.
        pending = [text[start:end] for start, end in blocks]
        del text
    for k, (start, end) in enumerate(blocks):
        # One block's text at a time (a slice is a copy).
        if pending is not None:
            block, pending[k] = pending[k], None
        else:
            block = text[start:end] if len(blocks) > 1 else text
        found, stages, block_facts = _clean_lines(block, warnings if k == 0 else (), options, extraction, site, first, is_html)
        articles.extend(found)
        facts = block_facts if k == 0 else facts
        if lead_only and articles:
            break
        first += len(block.splitlines())
    return Result(tuple(articles), tuple(warnings), is_html, extraction, stages, facts)


def _clean_lines(
    text: str, warnings, options: Options, extraction: Extraction | None, site: str | None, first: int, is_html: bool
) -> tuple[tuple[Article, ...], tuple[tuple[str, Page], ...], PageFacts]:
    """Steps 3 to 9 on ``text`` (its lines numbered from ``first``): the
    articles, the stages kept (``Options.keep_stages``) and the page's facts."""
    detectors = compiled(options.rules)
    stages: list[tuple[str, Page]] = []
    keep = stages.append if options.keep_stages else (lambda stage: None)
    page = split_lines(text, warnings, first)                                   # 3
    keep(("lines", page))
    if not is_html:
        page = cut_side_columns(page, options)                                  # 3b
        keep(("columns", page))
    page = detect_chrome(page, options.rules, site)                             # 4
    keep(("detectors", page))
    if options.find_region and not (extraction and extraction.found_article):
        page = find_article(page, options, detectors.feed_headings)             # 4b
        keep(("region", page))
    elif options.find_region:
        page = cut_comments(page, options)                                      # 4b
        keep(("region", page))
    page = repair(page, options.rules, is_html=is_html)                         # 5
    keep(("repairs", page))
    page = find_line_fields(page)                                               # 6
    keep(("metadata", page))
    facts = _page_facts(page.warnings, extraction if first == 1 else None, options)
    segments = split_articles(page, options.article_min)                        # 7
    articles = tuple(build_article(lines, facts, options, lead_article=k == 0 and first == 1) for k, lines in enumerate(segments))  # 8
    articles = rate(articles, segments, page.lines, extraction)                 # 9
    return articles, tuple(stages), facts


def _block_bounds(text: str, size: int):
    """Where ``text`` is cut into pieces of about ``size`` characters, each
    ending at a blank line (else at a line end), so a huge text is cleaned a
    block at a time in bounded memory: ``(start, end)`` of each; one piece
    for any text under 1.5 ``size``."""
    start = 0
    while len(text) - start > size * 3 // 2:
        cut = text.find("\n\n", start + size, start + 2 * size)
        cut = cut + 2 if cut >= 0 else text.find("\n", start + size) + 1
        if cut <= start:
            break
        yield start, cut
        start = cut
    yield start, len(text)


def clean_articles(
    page: str | bytes, *, url: str | None = None, options: Options | None = None, charset: str | None = None
) -> list[Article]:
    """Every article on ``page`` in reading order (``[]`` for empty input).

    ``page`` is scraped text, HTML, or raw bytes in any Chinese encoding;
    ``url`` selects a rule set's site rules; ``charset`` is the encoding the
    transport declared (an HTTP ``Content-Type``), weighed like a
    declaration inside the page.
    """
    return list(clean(page, options, url=url, charset=charset).articles)


def clean_article(
    page: str | bytes, *, url: str | None = None, options: Options | None = None, charset: str | None = None
) -> Article:
    """The lead article on ``page``; an empty :class:`Article` with the
    page's warnings when there is nothing to clean."""
    result = clean(page, options, url=url, charset=charset, lead_only=True)
    if result.articles:
        return result.articles[0]
    return Article(warnings=result.warnings)


_LINE_WARNING = re.compile(r"line (\d+): ")


def _page_facts(warnings: tuple[str, ...], extraction: Extraction | None, options: Options) -> PageFacts:
    """The warnings split into page and line warnings, and the HTML's title
    and evidence."""
    general, by_line = [], {}
    for warning in warnings:
        match = _LINE_WARNING.match(warning)
        if match:
            by_line.setdefault(int(match[1]), []).append(warning)
        else:
            general.append(warning)
    line_warnings = {number: tuple(found) for number, found in by_line.items()}
    if extraction is None:
        return PageFacts(tuple(general), line_warnings)
    evidence = html_evidence(extraction.root, extraction.skeleton, extraction.title, extraction.title_element, options)
    return PageFacts(tuple(general), line_warnings, extraction.title, tuple(evidence))


def _checked(options: object, url: object, charset: object) -> Options:
    options = given(options)
    for name, value in (("url", url), ("charset", charset)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    return options


def _decoded(page: object, charset: str | None) -> tuple[str, list[str]]:
    if isinstance(page, str):
        return page, []
    if isinstance(page, (bytes, bytearray, memoryview)):
        text, warnings = decode(bytes(page), charset)
        return text, list(warnings)
    raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
