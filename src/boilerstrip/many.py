"""Many pages from Python, in worker processes: :func:`clean_many`.

>>> from pathlib import Path
>>> from boilerstrip import clean_many
>>> for result in clean_many(sorted(Path("crawl").rglob("*.html")), workers=2):  # doctest: +SKIP
...     if result.error:
...         print(result.path, result.error)
...     else:
...         print(result.path, [article.title for article in result.articles])

The pool, the timeout, the size cap and the error messages are the batch
command's (:mod:`boilerstrip.batch`): a page that cannot be read, is too
large, takes too long or kills its worker gives a result with ``error`` set,
never an exception, and the next page goes on.
"""
from __future__ import annotations

import os
from contextlib import closing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .batch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, CleanConfig, InputFile, Job, Result, WorkerPool, default_workers
from .options import Options, given


@dataclass(frozen=True)
class PageResult:
    """The outcome of one page of :func:`clean_many`.

    ``index`` is the page's position in the input; ``path`` the path given
    (None for a page given as ``bytes`` or ``str``). ``articles`` is
    ``clean_articles()`` of the page, ``warnings`` says why there is no
    article (empty, an image, binary data, ...), ``error`` why the page
    could not be cleaned at all (then ``articles`` is empty).
    """

    index: int
    path: str | os.PathLike | None
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def clean_many(
    pages: Iterable[os.PathLike | bytes | str],
    *,
    workers: int | None = None,
    options: Options | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[PageResult]:
    """Clean ``pages`` in ``workers`` processes (default: all cores) and
    yield one :class:`PageResult` per page, in input order.

    Each item is a path (``pathlib.Path`` or any ``os.PathLike``; ``.gz``
    files are gunzipped), or the page itself as ``bytes`` (any encoding) or
    ``str``: as in :func:`~boilerstrip.clean_article`, a ``str`` is page
    text, not a file name. ``pages`` is read lazily (a generator of
    millions of paths is fine) and at most 32 pages per worker are in
    flight. A page that takes longer than ``timeout`` seconds has its worker
    killed; one larger than ``max_bytes`` (after gunzip) is not read. Both,
    and anything else that goes wrong with one page, give a result with
    ``error`` set; the iteration goes on.

    Stopping the iteration early (``break``) stops the workers. As with any
    use of :mod:`multiprocessing`, a script calling this must guard its
    top level with ``if __name__ == "__main__":``.
    """
    if workers is None:
        workers = default_workers()
    if not (isinstance(workers, int) and workers > 0):
        raise ValueError(f"workers must be a positive int, not {workers!r}")
    if isinstance(timeout, bool) or not (isinstance(timeout, (int, float)) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if isinstance(max_bytes, bool) or not (isinstance(max_bytes, int) and max_bytes > 0):
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")
    config = CleanConfig(given(options), max_bytes)
    items: dict[int, os.PathLike | None] = {}

    def jobs() -> Iterator[Job]:
        for index, item in enumerate(pages):
            if isinstance(item, os.PathLike):
                path = Path(item)
                items[index] = item
                yield Job(index, InputFile(path, (os.fspath(path),)))
            else:
                items[index] = None
                yield Job(index, data=item, label=f"<page {index}>")

    with closing(clean_results(jobs(), workers, config, timeout)) as results:
        for result in results:
            yield _page_result(result, items.pop(result.seq))


def clean_results(jobs: Iterable[Job], workers: int, config: CleanConfig, timeout: float, *, quick: bool = False) -> Iterator[Result]:
    """The pool's results for ``jobs``, in order (shared with the command
    line's standard output modes; ``quick``: see ``batch._context``)."""
    with WorkerPool(workers, config, timeout, quick=quick) as pool:
        yield from pool.map(jobs)


def _page_result(result: Result, path: os.PathLike | None) -> PageResult:
    if result.error is not None or result.stop is not None:
        return PageResult(result.seq, path, error=result.error or result.stop)
    return PageResult(result.seq, path, result.articles or [], result.warnings or [])
