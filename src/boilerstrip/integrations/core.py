"""The one place where the integrations (and the WARC run) call the library.

Everything that turns a page into articles goes through :func:`clean_page`,
and everything that turns an :class:`~boilerstrip.Article` into plain values
goes through :func:`article_fields`, so that a change of the library's API
is made here once.
"""
from __future__ import annotations

from typing import Any

from ..article import Article
from ..options import Options
from ..pipeline import clean
from ..render import article_dict

#: The fields every output has (the columns of a frame, whose schema is fixed).
ARTICLE_FIELDS = (
    "title", "subtitles", "body", "captions", "source", "date", "editor",
    "authors", "confidence", "warnings", "removed",
)


def clean_page(
    page: str | bytes, *, url: str | None = None, options: Options | None = None, charset: str | None = None
) -> tuple[list[Article], list[str]]:
    """The articles on ``page`` in reading order, and the page's warnings
    (why there is no article; empty when there is one, as the command line's
    page documents have them).

    ``charset`` is the transport's declared charset (the HTTP
    ``Content-Type`` of a WARC record). Raises ``TypeError`` for a page that
    is neither str nor bytes.
    """
    result = clean(page, options, url=url, charset=charset)
    return list(result.articles), [] if result.articles else list(result.warnings)


def article_fields(article: Article, options: Options | None = None) -> dict[str, Any]:
    """The article as JSON-ready values, as the command line writes them:
    ``Article.to_dict()`` (with ``confidence``), less ``removed`` and
    ``captions`` when ``options`` leaves them out."""
    fields = article_dict(article, options)
    fields.setdefault("confidence", getattr(article, "confidence", None))
    return fields
