"""One pandas function for every dataframe engine.

Spark ``mapInPandas``, Ray Data ``map_batches(batch_format="pandas")`` and
Dask ``map_partitions`` all hand a function a pandas DataFrame and want one
back; :func:`clean_frame` is that function::

    from boilerstrip.integrations.frame import clean_frame
    cleaned = clean_frame(pages, column="html", url_column="url")

The result has one row per input row (the page's lead article), with the
input's index, so ``pages.join(cleaned)`` lines them up. ``all_articles=True``
gives one row per article instead (an e-paper page holds several), the index
repeated. Columns (:data:`COLUMNS`): ``keep_columns`` copied from the input,
then the article's fields (lists as lists, ``removed`` as a list of
``{text, detector, line}``), ``article_index``, ``article_count`` and
``error``. A row that cannot be cleaned (a null or non-text value, a bug)
has ``error`` set and the run goes on. :data:`SPARK_SCHEMA` is the schema
for ``mapInPandas``. See docs/engines.md for the Spark, Ray and Dask recipes.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..options import Options
from .core import ARTICLE_FIELDS, article_fields, clean_page

#: The columns after ``keep_columns``, in order.
COLUMNS = (*ARTICLE_FIELDS, "article_index", "article_count", "error")

#: ``mapInPandas`` schema of :data:`COLUMNS`; put the kept columns in front:
#: ``"url string, " + SPARK_SCHEMA``.
SPARK_SCHEMA = (
    "title string, subtitles array<string>, body string, captions array<string>, "
    "source string, date string, editor string, authors array<string>, confidence double, "
    "warnings array<string>, removed array<struct<text: string, detector: string, line: int>>, "
    "article_index int, article_count int, error string"
)

_LISTS = ("subtitles", "captions", "authors", "warnings", "removed")
_NULLABLE_INTS = ("article_index", "article_count")


def clean_frame(
    df,
    column: str = "html",
    url_column: str | None = None,
    options: Options | None = None,
    *,
    charset_column: str | None = None,
    keep_columns: Sequence[str] = (),
    all_articles: bool = False,
):
    """Clean the pages in ``df[column]`` (str, or bytes in any encoding).

    ``url_column`` holds each page's URL, ``charset_column`` the charset its
    transport declared (an HTTP ``Content-Type``'s). Returns a new
    ``pandas.DataFrame``: see the module's docstring.
    """
    import pandas as pd

    for name in (column, url_column, charset_column, *keep_columns):
        if name is not None and name not in df.columns:
            raise KeyError(f"clean_frame: no column {name!r} in the frame (columns: {list(df.columns)})")
    pages = df[column].tolist()
    urls = df[url_column].tolist() if url_column else [None] * len(pages)
    charsets = df[charset_column].tolist() if charset_column else [None] * len(pages)
    rows: list[dict[str, Any]] = []
    index: list[Any] = []
    for label, page, url, charset in zip(df.index, pages, urls, charsets):
        for row in _rows(page, _text_or_none(url), _text_or_none(charset), options, all_articles):
            rows.append(row)
            index.append(label)
    out = pd.DataFrame(rows, columns=list(COLUMNS), index=pd.Index(index, name=df.index.name))
    for name in _NULLABLE_INTS:
        out[name] = out[name].astype("Int32")
    out["confidence"] = out["confidence"].astype("Float64")
    if keep_columns:
        kept = df[list(keep_columns)].loc[index] if all_articles else df[list(keep_columns)]
        out = pd.concat([kept.set_axis(out.index), out], axis=1)
    return out


def _rows(page: object, url: str | None, charset: str | None, options: Options | None, all_articles: bool) -> list[dict]:
    """The output rows of one input row."""
    if page is None or (isinstance(page, float) and page != page):  # None, NaN
        return [_empty(error="no page: the value is null")]
    if isinstance(page, memoryview):
        page = page.tobytes()
    try:
        articles, warnings = clean_page(page, url=url, options=options, charset=charset)
    except TypeError as error:
        return [_empty(error=str(error))]
    except Exception as error:  # a bug in boilerstrip must not stop the job
        return [_empty(error=f"cleaning failed: {type(error).__name__}: {error}")]
    if not articles:
        return [_empty(warnings=warnings, article_count=0)]
    chosen = articles if all_articles else articles[:1]
    return [
        {**_columns(article_fields(article)), "article_index": number, "article_count": len(articles), "error": None}
        for number, article in enumerate(chosen)
    ]


def _columns(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: fields.get(name) for name in ARTICLE_FIELDS}


def _empty(*, warnings: Sequence[str] = (), article_count: int | None = None, error: str | None = None) -> dict:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update({name: [] for name in _LISTS})
    row.update(body="", warnings=list(warnings), article_count=article_count, error=error)
    return row


def _text_or_none(value: object) -> str | None:
    """A URL or charset cell: a str, or None for a missing value."""
    return value if isinstance(value, str) and value else None
