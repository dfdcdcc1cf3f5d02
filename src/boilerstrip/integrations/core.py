"""The one place where the integrations (and the WARC run) call the library.

Everything that turns a page into articles goes through :func:`clean_page`,
and everything that turns an :class:`~boilerstrip.Article` into plain values
goes through :func:`article_fields`, so that a change of the library's API
(``boilerstrip.clean() -> Result`` with page warnings, ``Article.confidence``)
is made here once.
"""
from __future__ import annotations

from typing import Any

from ..article import Article
from ..options import Options
from ..pipeline import clean_article, clean_articles

#: The fields every output has (the columns of a frame, whose schema is fixed).
ARTICLE_FIELDS = (
    "title", "subtitles", "body", "captions", "source", "date", "editor",
    "authors", "confidence", "warnings", "removed",
)


def clean_page(
    page: str | bytes, *, url: str | None = None, options: Options | None = None, charset: str | None = None
) -> tuple[list[Article], list[str]]:
    """The articles on ``page`` in reading order, and the page's warnings
    (why there is no article; empty when there is one).

    ``charset`` is the transport's declared charset (the HTTP
    ``Content-Type`` of a WARC record). Raises ``TypeError`` for a page that
    is neither str nor bytes.
    """
    articles = clean_articles(page, url=url, options=options, charset=charset)
    if articles:
        return articles, []
    # No article: clean_article says why. (boilerstrip.clean() will give
    # both in one call.)
    return [], list(clean_article(page, url=url, options=options, charset=charset).warnings)


def article_fields(article: Article) -> dict[str, Any]:
    """The article as JSON-ready values: ``Article.to_dict()`` with
    ``confidence`` (``None`` until the library computes it)."""
    fields = article.to_dict()
    fields.setdefault("confidence", getattr(article, "confidence", None))
    return fields
