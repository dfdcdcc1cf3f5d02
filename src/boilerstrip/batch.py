"""Batch cleaning: trees of pages in, a mirrored tree of results out.

A run goes through these steps, each a named function or class below:

1. ``walk``        the inputs are walked lazily in sorted order; every page
                   becomes an :class:`InputFile`, other files are counted as
                   skipped. Symlinks are never followed out of an input tree.
2. ``plan_jobs``   a page whose output is newer than the page is up to date
                   and not cleaned again (``force`` redoes it). With a JSONL
                   stream it is *replayed*: its records are read back from its
                   ``.json`` output, so the stream still covers every page.
3. ``WorkerPool``  worker processes clean one page at a time each: read with
                   a size cap (``read_page``), clean, and write the output
                   atomically (``write_atomically``). A worker that overruns
                   the timeout is killed and replaced.
4. ``run``         results come back in input order; the JSONL stream,
                   ``errors.jsonl`` and the :class:`Summary` are fed from them.

Partial files live in ``OUT_DIR/.boilerstrip-partial/`` (locked while a run
uses it, emptied when the next run starts, removed when a run ends), so a
killed run leaves no partial file where an output belongs, and re-running the
same command gives exactly the output of an uninterrupted run.
"""
from __future__ import annotations

import errno
import gzip
import json
import multiprocessing
import os
import shutil
import signal
import sys
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import IO, Any

from .pipeline import clean_article, clean_articles

try:
    import fcntl
except ImportError:  # Windows: concurrent runs into one folder are not detected.
    fcntl = None

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml")
GZIP_SUFFIX = ".gz"
FORMATS = ("json", "txt")
ERRORS_NAME = "errors.jsonl"
STAGING_NAME = ".boilerstrip-partial"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
#: Results that may wait for an earlier, slower page before they are written,
#: per worker. Bounds memory; a page slower than this many others stalls the
#: pool until it is done (or times out).
WINDOW_PER_WORKER = 32
ARTICLE_SEPARATOR = "\n\n" + "=" * 40 + "\n\n"


class BatchError(Exception):
    """A run cannot start (the output folder is unusable or in use)."""


class PageError(Exception):
    """One page cannot be read; the message says why, for ``errors.jsonl``."""


def default_workers() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass(frozen=True)
class BatchOptions:
    """Everything a run needs besides its inputs, built once by the CLI."""

    output: Path
    format: str = "json"
    #: JSONL stream of every article; ``Path("-")`` is standard output.
    jsonl: Path | None = None
    workers: int = field(default_factory=default_workers)
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    force: bool = False


# 1. Walking the inputs ------------------------------------------------------


@dataclass(frozen=True)
class InputFile:
    """A page to clean: where it is, and its path in the mirrored tree.

    ``error`` is set for an input that cannot even be listed (a folder
    without read permission); it goes straight to ``errors.jsonl``.
    """

    path: Path
    rel: str
    error: str | None = None


def is_page(name: str) -> bool:
    """True for the names of pages: ``*.html``, ``*.txt.gz``, ...

    >>> is_page("a.shtml"), is_page("a.HTM.gz"), is_page("a.json")
    (True, True, False)
    """
    name = name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return name.endswith(PAGE_SUFFIXES)


def mirror_name(path: Path) -> str:
    """The top-level name an input gets in the output tree when there are
    several inputs: its own name (``.`` is the current folder's name)."""
    return Path(os.path.abspath(path)).name


def walk(inputs: Iterable[Path], skipped: Counter, exclude: Path | None = None) -> Iterator[InputFile]:
    """Every page under ``inputs``, lazily, in sorted order.

    Files that are not pages are counted in ``skipped`` by reason. The
    folder ``exclude`` (the output folder) is never entered.
    """
    excluded = exclude.resolve() if exclude is not None else None
    inputs = list(inputs)
    one_folder = len(inputs) == 1 and inputs[0].is_dir()
    for root in inputs:
        name = "" if one_folder else mirror_name(root)
        if root.is_dir():
            yield from _walk_tree(root, name, excluded, skipped)
        elif is_page(root.name):
            yield InputFile(root, name)
        else:
            skipped["not a page"] += 1


def _walk_tree(root: Path, prefix: str, excluded: Path | None, skipped: Counter) -> Iterator[InputFile]:
    real_root = root.resolve()
    folders = [(root, prefix)]
    while folders:
        folder, rel = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield InputFile(folder, (rel or mirror_name(folder)) + "/", f"cannot list folder: {error.strerror or error}")
            continue
        subfolders = []
        for entry in entries:
            path, entry_rel = Path(entry.path), f"{rel}/{entry.name}" if rel else entry.name
            kind = _entry_kind(entry, real_root)
            if kind == "folder":
                if path.resolve() != excluded:
                    subfolders.append((path, entry_rel))
            elif kind != "file":
                skipped[kind] += 1
            elif is_page(entry.name):
                yield InputFile(path, entry_rel)
            else:
                skipped["not a page"] += 1
        folders.extend(reversed(subfolders))


def _entry_kind(entry: os.DirEntry, real_root: Path) -> str:
    """``"file"``, ``"folder"``, or why the entry is skipped."""
    if not entry.is_symlink():
        if entry.is_dir():
            return "folder"
        return "file" if entry.is_file() else "not a regular file"
    target = Path(entry.path).resolve()
    if not target.is_relative_to(real_root):
        return "symlink out of the tree"
    if target.is_dir():
        return "symlinked folder (walked where it is)"
    return "file" if target.is_file() else "broken symlink"


# 2. Planning: what to clean, replay or skip ---------------------------------


@dataclass(frozen=True)
class Job:
    """One page for a worker: clean it, or only replay its JSONL records."""

    seq: int
    path: Path
    rel: str
    replay: bool = False
    error: str | None = None


def output_path(options: BatchOptions, rel: str) -> Path:
    """Where the result for the page at ``rel`` goes."""
    return options.output / f"{rel}.{options.format}"


def is_up_to_date(page: Path, output: Path) -> bool:
    """True when ``output`` exists and is newer than ``page``."""
    try:
        return output.stat().st_mtime_ns > page.stat().st_mtime_ns
    except OSError:
        return False


def plan_jobs(files: Iterable[InputFile], options: BatchOptions, summary: Summary) -> Iterator[Job]:
    """Jobs for ``files``, counting them in ``summary`` (pages skipped as
    up to date are counted here, replayed ones when their result is in)."""
    seq = 0
    for page in files:
        summary.files += 1
        current = not options.force and page.error is None and is_up_to_date(page.path, output_path(options, page.rel))
        if current and options.jsonl is None:
            summary.up_to_date += 1
            continue
        yield Job(seq, page.path, page.rel, replay=current, error=page.error)
        seq += 1


# 3. The worker's side: read, clean, write -----------------------------------


@dataclass(frozen=True)
class WorkerConfig:
    """What every worker needs to know, sent once when it starts."""

    output: Path
    staging: Path
    format: str
    max_bytes: int
    records: bool


@dataclass
class Result:
    """What a worker reports for one job."""

    seq: int
    rel: str
    articles: int = 0
    #: Characters removed per detector (pages cleaned in this run only).
    removed: Counter = field(default_factory=Counter)
    #: The page's JSONL records, one line per article (when asked for).
    records: str = ""
    replayed: bool = False
    error: str | None = None


def read_page(path: Path, max_bytes: int) -> bytes:
    """The bytes of the page at ``path``, gunzipped for ``*.gz``.

    Never reads more than ``max_bytes + 1`` bytes (decompressed), so a gzip
    bomb or a huge file costs no memory; either raises :class:`PageError`.
    """
    compressed = path.name.lower().endswith(GZIP_SUFFIX)
    try:
        with (gzip.open(path, "rb") if compressed else open(path, "rb")) as stream:
            data = stream.read(max_bytes + 1)
    except (gzip.BadGzipFile, EOFError, zlib.error) as error:
        raise PageError(f"not valid gzip data: {error}") from None
    except OSError as error:
        raise PageError(f"cannot read file: {error.strerror or error}") from None
    if len(data) > max_bytes:
        what = "decompressed size" if compressed else "size"
        raise PageError(f"{what} is over the limit of {format_size(max_bytes)} (--max-bytes)")
    return data


def format_size(size: int) -> str:
    """``52428800`` -> ``"50 MB"`` (binary units, as ``--max-bytes`` reads them)."""
    for unit in ("GB", "MB", "KB"):
        scale = 1024 ** ("KMG".index(unit[0]) + 1)
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size} bytes"


def process(job: Job, config: WorkerConfig) -> Result:
    """Do one job; any failure becomes the result's ``error``."""
    if job.error is not None:
        return Result(job.seq, job.rel, error=job.error)
    try:
        if job.replay:
            return _replay(job, config)
        return _clean(job, config, write=True)
    except PageError as error:
        return Result(job.seq, job.rel, error=str(error))
    except Exception as error:  # a bug in boilerstrip must not stop the run
        return Result(job.seq, job.rel, error=f"cleaning failed: {type(error).__name__}: {error}")


def _clean(job: Job, config: WorkerConfig, *, write: bool) -> Result:
    data = read_page(job.path, config.max_bytes)
    articles = clean_articles(data)
    warnings = [] if articles else list(clean_article(data).warnings)
    document = {"file": job.rel, "articles": [a.to_dict() for a in articles], "warnings": warnings}
    if write:
        target = config.output / f"{job.rel}.{config.format}"
        try:
            write_atomically(target, render(document, config.format), config.staging)
        except OSError as error:
            raise PageError(f"cannot write {target}: {error.strerror or error}") from None
    removed = Counter()
    for article in articles:
        for piece in article.removed:
            removed[piece.detector] += len(piece.text)
    records = jsonl_records(document) if config.records else ""
    return Result(job.seq, job.rel, len(articles), removed, records, replayed=not write)


def _replay(job: Job, config: WorkerConfig) -> Result:
    """The records of an up-to-date page, read back from its ``.json``
    output; a ``.txt`` output does not hold them, so the page is cleaned
    again (without rewriting its output)."""
    if config.format == "json":
        try:
            with open(config.output / f"{job.rel}.json", encoding="utf-8") as stream:
                document = json.load(stream)
            return Result(job.seq, job.rel, len(document["articles"]), records=jsonl_records(document), replayed=True)
        except (OSError, ValueError, KeyError, TypeError):
            return _clean(job, config, write=True)
    return _clean(job, config, write=False)


def jsonl_records(document: dict[str, Any]) -> str:
    """One JSON line per article of ``document``, with ``file`` and ``index``."""
    return "".join(
        json.dumps({"file": document["file"], "index": index, **article}, ensure_ascii=False) + "\n"
        for index, article in enumerate(document["articles"])
    )


def render(document: dict[str, Any], output_format: str) -> str:
    """The output file's text for ``document`` in ``output_format``."""
    if output_format == "json":
        # Compact: indenting would take json's pure-Python path, 4x slower.
        return json.dumps(document, ensure_ascii=False) + "\n"
    if not document["articles"]:
        return "\n".join(["(no article)", *document["warnings"]]) + "\n"
    return ARTICLE_SEPARATOR.join(render_article_text(a) for a in document["articles"]) + "\n"


def render_article_text(article: dict[str, Any]) -> str:
    """An article as readable text: title and subtitles, metadata lines,
    body, then captions and warnings."""
    head = [article["title"] or "(no title)", *article["subtitles"]]
    meta = [
        f"{name}: {value}"
        for name, value in (
            ("source", article["source"]),
            ("date", article["date"]),
            ("editor", article["editor"]),
            ("authors", "、".join(article["authors"])),
        )
        if value
    ]
    blocks = ["\n".join(head), "\n".join(meta), article["body"]]
    blocks += ["\n".join(["captions:", *(f"- {c}" for c in article["captions"])])] if article["captions"] else []
    blocks += ["\n".join(["warnings:", *(f"- {w}" for w in article["warnings"])])] if article["warnings"] else []
    return "\n\n".join(block for block in blocks if block)


def write_atomically(target: Path, text: str, staging: Path) -> None:
    """Write ``text`` to a temporary file in ``staging``, then rename it to
    ``target``: a reader (or a killed run) never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = staging / f"{uuid.uuid4().hex}.partial"
    try:
        with open(temporary, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _serve(connection, config: WorkerConfig) -> None:
    """A worker process: do jobs from ``connection`` until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            job = connection.recv()
            if job is None:
                return
            connection.send(process(job, config))
        except (EOFError, OSError):  # the parent is gone (killed): stop quietly
            return


# 3b. The pool -----------------------------------------------------------------


def _context():
    """Forkserver where there is one (workers start from a clean, small
    process that has already imported boilerstrip), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["boilerstrip.batch"])
        return context
    return multiprocessing.get_context("spawn")


class _Worker:
    """One worker process, its pipe, and the job it is on (if any)."""

    def __init__(self, context, config: WorkerConfig):
        self.connection, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, config), daemon=True)
        self.process.start()
        child_end.close()
        self.job: Job | None = None
        self.deadline = 0.0

    def start(self, job: Job, timeout: float) -> None:
        """Hand ``job`` to the process; it is due within ``timeout`` s."""
        self.job, self.deadline = job, time.monotonic() + timeout
        self.connection.send(job)

    def finish(self) -> Job:
        """Mark the worker idle; the job it was on."""
        job, self.job = self.job, None
        return job

    def stop(self, *, kill: bool = False) -> None:
        """Ask the process to exit (or kill it), and wait for it."""
        if not kill:
            try:
                self.connection.send(None)
            except OSError:
                kill = True
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


class WorkerPool:
    """``size`` worker processes that each clean one page at a time.

    :meth:`map` yields results in job order. At most ``size *
    WINDOW_PER_WORKER`` jobs are between dispatch and being yielded, so
    memory stays flat however many pages there are. A worker that takes
    longer than ``timeout`` seconds, or dies, is replaced and its page
    becomes an error.
    """

    def __init__(self, size: int, config: WorkerConfig, timeout: float):
        self._context = _context()
        self._config = config
        self._timeout = timeout
        self._window = size * WINDOW_PER_WORKER
        self._workers = [_Worker(self._context, config) for _ in range(size)]

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        for worker in self._workers:
            worker.stop(kill=exc_info[0] is not None)

    def map(self, jobs: Iterable[Job]) -> Iterator[Result]:
        """Results of ``jobs`` (numbered 0, 1, ... by ``seq``) in order,
        pulling jobs only as workers and the window free up."""
        pending = iter(jobs)
        held: Job | None = None
        done: dict[int, Result] = {}
        next_seq = 0
        while True:
            for worker in self._workers:
                if worker.job is None:
                    held = held or next(pending, None)
                    if held is None or held.seq >= next_seq + self._window:
                        break
                    worker.start(held, self._timeout)
                    held = None
            if not any(worker.job for worker in self._workers):
                return
            for result in self._collect():
                done[result.seq] = result
            while next_seq in done:
                yield done.pop(next_seq)
                next_seq += 1

    def _collect(self) -> list[Result]:
        """Wait for at least one busy worker to finish, die or time out."""
        busy = [worker for worker in self._workers if worker.job]
        soonest = min(worker.deadline for worker in busy)
        wait(
            [w.connection for w in busy] + [w.process.sentinel for w in busy],
            timeout=max(0.0, soonest - time.monotonic()),
        )
        results = []
        for index, worker in enumerate(self._workers):
            if worker.job is not None:
                result = self._poll(index, worker)
                if result is not None:
                    results.append(result)
        return results

    def _poll(self, index: int, worker: _Worker) -> Result | None:
        """The worker's result if it has one; an error if it died or overran."""
        if worker.connection.poll():
            try:
                result = worker.connection.recv()
                worker.finish()
                return result
            except (EOFError, OSError):
                failure = f"the worker process died while cleaning (exit code {worker.process.exitcode})"
        elif not worker.process.is_alive():
            failure = f"the worker process died while cleaning (exit code {worker.process.exitcode})"
        elif time.monotonic() >= worker.deadline:
            failure = f"cleaning took longer than {self._timeout:g} s (--timeout)"
        else:
            return None
        job = worker.finish()
        worker.stop(kill=True)
        self._workers[index] = _Worker(self._context, self._config)
        return Result(job.seq, job.rel, error=failure)


# 4. The run -----------------------------------------------------------------------


@dataclass
class Summary:
    """What a run did, for the closing report."""

    files: int = 0
    cleaned: int = 0
    up_to_date: int = 0
    articles: int = 0
    errors: int = 0
    skipped: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, result: Result) -> None:
        if result.error is not None:
            self.errors += 1
        elif result.replayed:
            self.up_to_date += 1
        else:
            self.cleaned += 1
            self.articles += result.articles
            self.removed.update(result.removed)

    @property
    def pages_per_second(self) -> float:
        return self.cleaned / self.seconds if self.seconds else 0.0


def run(
    inputs: list[Path], options: BatchOptions, on_result: Callable[[Result], None] | None = None
) -> Summary:
    """Clean every page under ``inputs`` into ``options.output``.

    ``on_result`` is called once per page done (for a progress bar).
    Raises :class:`BatchError` when the output folder cannot be used.
    """
    summary = Summary()
    started = time.monotonic()
    with _staging(options.output) as staging:
        config = WorkerConfig(options.output, staging, options.format, options.max_bytes, options.jsonl is not None)
        jobs = plan_jobs(walk(inputs, summary.skipped, exclude=options.output), options, summary)
        with _Sinks(options, staging) as sinks, WorkerPool(options.workers, config, options.timeout) as pool:
            for result in pool.map(jobs):
                summary.add(result)
                sinks.write(result)
                if on_result is not None:
                    on_result(result)
            sinks.publish(has_errors=summary.errors > 0)
    summary.seconds = time.monotonic() - started
    return summary


@contextmanager
def _staging(output: Path) -> Iterator[Path]:
    """The run's folder for partial files, inside ``output`` (so renames
    stay on one file system), locked against a second run into ``output``,
    emptied of a killed run's leftovers, and removed at the end."""
    staging = output / STAGING_NAME
    try:
        staging.mkdir(parents=True, exist_ok=True)
        lock = open(staging / "lock", "w")
    except OSError as error:
        raise BatchError(f"cannot write to output folder {output}: {error.strerror or error}") from None
    with lock:
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BatchError(f"another boilerstrip run is writing to {output}") from None
        for leftover in staging.glob("*.partial"):
            leftover.unlink(missing_ok=True)
        try:
            yield staging
        finally:
            shutil.rmtree(staging, ignore_errors=True)


class _Sinks:
    """The run's two streams: the JSONL records and ``errors.jsonl``.

    Both are written to partial files and published (renamed into place)
    only when the run completes; a JSONL stream to ``-`` goes straight to
    standard output.
    """

    def __init__(self, options: BatchOptions, staging: Path):
        self._options = options
        self._errors_partial = staging / f"{ERRORS_NAME}.partial"
        self._jsonl_partial = staging / "records.jsonl.partial"
        self._errors: IO[str] | None = None
        self._jsonl: IO[str] | None = None

    def __enter__(self) -> _Sinks:
        self._errors = open(self._errors_partial, "w", encoding="utf-8")
        if self._options.jsonl is not None:
            self._jsonl = sys.stdout if self._to_stdout else open(self._jsonl_partial, "w", encoding="utf-8")
        return self

    def __exit__(self, *exc_info) -> None:
        self._errors.close()
        if self._jsonl is not None and not self._to_stdout:
            self._jsonl.close()

    @property
    def _to_stdout(self) -> bool:
        return str(self._options.jsonl) == "-"

    def write(self, result: Result) -> None:
        if result.error is not None:
            record = {"file": result.rel, "error": result.error}
            self._errors.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self._jsonl is not None:
            self._jsonl.write(result.records)
            if self._to_stdout:
                self._jsonl.flush()

    def publish(self, *, has_errors: bool) -> None:
        """Move the finished streams into place; a run without errors
        removes an ``errors.jsonl`` left by an earlier run."""
        self._errors.close()
        errors = self._options.output / ERRORS_NAME
        if has_errors:
            os.replace(self._errors_partial, errors)
        else:
            errors.unlink(missing_ok=True)
        if self._jsonl is not None and not self._to_stdout:
            self._jsonl.close()
            _move_into_place(self._jsonl_partial, self._options.jsonl)


def _move_into_place(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``; across file systems, copy to a
    partial file next to ``target`` first, then rename that."""
    try:
        os.replace(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(source, partial)
        os.replace(partial, target)
