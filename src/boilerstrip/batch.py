"""Batch cleaning: trees of pages in, a mirrored tree of results out.

A run goes through these steps, each a named function or class below:

1. ``walk``        the inputs are walked lazily in sorted order, folder by
                   folder through directory descriptors; every page becomes
                   an :class:`InputFile`, other files are counted as skipped,
                   unreadable entries (a symlink loop, a folder that cannot be
                   listed) become errors. Symlinks are never followed out of
                   an input tree.
2. ``output_parts`` every page's output name, a pure function of its input
                   name that cannot collide with another output, a folder of
                   the input, or the run's own files (``errors.jsonl``, the
                   staging folder).
3. ``WorkerPool``  worker processes do one page at a time each
                   (:class:`PageWriter`): open the page below its input's
                   root without following any symlink (``open_page``), skip it
                   if its output is newer, else read it with a size cap,
                   clean it, and write its output atomically below OUT_DIR,
                   again without following symlinks. A worker that overruns
                   the timeout is killed and replaced.
4. ``run``         results come back in input order; the JSONL stream,
                   ``errors.jsonl`` and the :class:`Summary` are fed from
                   them. A full disk stops the run (:class:`RunStopped`).

Partial files live in ``OUT_DIR/.boilerstrip-partial/`` (locked while a run
uses it, emptied when the next run starts, removed when a run ends), so a
killed run leaves no partial file where an output belongs, and re-running the
same command gives exactly the output of an uninterrupted run.

:mod:`boilerstrip.many` uses the same pool for ``clean_many``.
"""
from __future__ import annotations

import contextlib
import dataclasses
import errno
import gzip
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import stat
import sys
import time
import uuid
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import IO, Any

from .article import Article
from .candidates import resiliparse_extractor
from .options import Options
from .pipeline import clean
from .render import SUFFIXES, document_chunks, encode, jsonl_records, page_document

try:
    import fcntl
except ImportError:  # Windows: concurrent runs into one folder are not detected.
    fcntl = None

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml")
GZIP_SUFFIX = ".gz"
ERRORS_NAME = "errors.jsonl"
STAGING_NAME = ".boilerstrip-partial"
#: The options of the latest run into OUT_DIR (a run with other options
#: cleans every page again).
RUN_NAME = ".boilerstrip-run"
#: Names of the run's own files at the top of OUT_DIR; an input folder with
#: one of these names gets another output name (see ``output_folder_name``).
RESERVED_NAMES = frozenset({ERRORS_NAME, STAGING_NAME, RUN_NAME})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0
#: Results that may wait for an earlier, slower page before they are written,
#: per worker. Bounds memory; a page slower than this many others stalls the
#: pool until it is done (or times out).
WINDOW_PER_WORKER = 32
#: The longest file name (bytes) of the usual file systems (ext4, XFS,
#: Btrfs, tmpfs, APFS, NTFS).
NAME_MAX = 255
#: Write failures that no later page can escape: the run stops.
STOPPING_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO})

#: Open files relative to directory descriptors without following symlinks
#: (POSIX). Elsewhere paths are used, checked against the tree (racy).
_DIR_FD = (
    hasattr(os, "O_NOFOLLOW")
    and hasattr(os, "O_DIRECTORY")
    and {os.open, os.mkdir, os.stat, os.rename, os.unlink, os.rmdir} <= os.supports_dir_fd
    and os.scandir in os.supports_fd
)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_FOLDER_FLAGS = os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC


class BatchError(Exception):
    """A run cannot start (the output folder is unusable or in use)."""


class RunStopped(Exception):
    """The run cannot go on (the output disk is full or read-only); what was
    written is complete, and the same command resumes the run."""


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
    #: What the pipeline does and which fields the outputs hold; every
    #: worker gets this object.
    options: Options = field(default_factory=Options)
    #: Names of the pages in folder walks (lower case); ``"*"``: every file.
    #: A file named as an INPUT is a page whatever its name.
    suffixes: tuple[str, ...] = PAGE_SUFFIXES


# 1. Walking the inputs ------------------------------------------------------


@dataclass(frozen=True)
class InputFile:
    """A page to clean: where it is, and its path in the mirrored tree.

    ``names`` is the page's path in the output tree (and, joined by ``/``,
    its ``"file"``); ``parts`` is the path to open below ``root``: the same
    names without the top one, or for a symlink inside the tree its target's
    real path; ``()`` for a file named as an INPUT, opened as given.
    ``root_id`` is the ``(st_dev, st_ino)`` of the root folder as walked.
    ``error`` is set for an entry that cannot be read at all (a folder that
    cannot be listed, a symlink loop); it goes straight to ``errors.jsonl``.
    """

    root: Path
    names: tuple[str, ...]
    parts: tuple[str, ...] = ()
    root_id: tuple[int, int] | None = None
    error: str | None = None

    @property
    def rel(self) -> str:
        return "/".join(self.names)


def is_page(name: str, suffixes: tuple[str, ...] = PAGE_SUFFIXES) -> bool:
    """True for the names of pages: ``*.html``, ``*.txt.gz``, ...

    >>> is_page("a.shtml"), is_page("a.HTM.gz"), is_page("a.json"), is_page("a.php", (".php",))
    (True, True, False, True)
    """
    if "*" in suffixes:
        return True
    name = name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[: -len(GZIP_SUFFIX)]
    return name.endswith(suffixes)


def mirror_name(path: Path) -> str:
    """The top-level name an input gets in the output tree when there are
    several inputs: its own name (``.`` is the current folder's name)."""
    return os.path.basename(os.path.abspath(path)) or os.path.abspath(path)


def _file_id(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def walk(
    inputs: Iterable[Path],
    skipped: Counter,
    exclude: Path | None = None,
    suffixes: tuple[str, ...] = PAGE_SUFFIXES,
) -> Iterator[InputFile]:
    """Every page under ``inputs``, lazily, in sorted order.

    A folder's pages come first, then its subfolders. Files that are not
    pages are counted in ``skipped`` by reason. The folder ``exclude`` (the
    output folder) is never entered, nor anything a symlink points to in it.
    """
    excluded = None
    if exclude is not None:
        try:
            excluded = (_file_id(os.stat(exclude)), os.path.realpath(exclude))
        except OSError:
            pass
    inputs = list(inputs)
    one_folder = len(inputs) == 1 and os.path.isdir(inputs[0])
    for root in inputs:
        top = () if one_folder else (mirror_name(root),)
        if os.path.isdir(root):
            yield from _walk_tree(root, top, excluded, skipped, suffixes)
        else:  # named on the command line: a page whatever its name
            yield InputFile(root, top)


@dataclass
class _Frame:
    """A folder of the walk whose subfolders are still to be visited; its
    descriptor is closed (``None``) while it is far above the current one."""

    fd: int | None
    id: tuple[int, int]
    names: tuple[str, ...]
    parts: tuple[str, ...]
    subfolders: Iterator[tuple[str, tuple[int, int]]]


CHANGED_FOLDER = "it changed during the walk (symlinks are not followed)"
#: Folder descriptors the walk keeps open (the root and the deepest ones),
#: so that a tree thousands of folders deep needs no more than this.
HELD_FOLDERS = 64


def _walk_tree(root: Path, top: tuple[str, ...], excluded, skipped: Counter, suffixes) -> Iterator[InputFile]:
    try:
        root_fd = os.open(root, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC) if _DIR_FD else None
        root_id = _file_id(os.fstat(root_fd) if _DIR_FD else os.stat(root))
    except OSError as error:
        yield InputFile(root, (top or (mirror_name(root),)) + ("",), error=f"cannot list folder: {error.strerror or error}")
        return
    tree = _Tree(root, os.path.realpath(root), root_id, excluded, suffixes, skipped)
    stack = [_Frame(root_fd, root_id, top, (), iter(()))]
    try:
        stack[0].subfolders = iter((yield from tree.list(root_fd, top, ())))
        while stack:
            frame = stack[-1]
            entry = next(frame.subfolders, None)
            if entry is None:
                tree.close(stack.pop().fd)
                continue
            name, entry_id = entry
            names, parts = frame.names + (name,), frame.parts + (name,)
            try:
                fd = tree.open_folder(tree.reopen(stack), parts, entry_id)
            except OSError as error:
                why = error.strerror or str(error)
                if error.errno in (errno.ELOOP, errno.ENOTDIR):
                    why = CHANGED_FOLDER
                yield InputFile(root, names + ("",), error=f"cannot list folder: {why}")
                continue
            stack.append(_Frame(fd, entry_id, names, parts, iter(())))
            if _DIR_FD and len(stack) > HELD_FOLDERS:
                tree.close(stack[-HELD_FOLDERS].fd)
                stack[-HELD_FOLDERS].fd = None
            stack[-1].subfolders = iter((yield from tree.list(fd, names, parts)))
    finally:
        for frame in stack:
            tree.close(frame.fd)


@dataclass
class _Tree:
    """One input folder being walked."""

    root: Path
    real_root: str
    root_id: tuple[int, int]
    excluded: tuple[tuple[int, int], str] | None
    suffixes: tuple[str, ...]
    skipped: Counter

    def open_folder(self, parent_fd: int | None, parts: tuple[str, ...], entry_id: tuple[int, int]) -> int | None:
        """The descriptor of a subfolder, opened without following a symlink;
        an error if it is no longer the folder that was listed."""
        if not _DIR_FD:
            return None
        fd = os.open(parts[-1], _FOLDER_FLAGS, dir_fd=parent_fd)
        if _file_id(os.fstat(fd)) != entry_id:
            os.close(fd)
            raise OSError(errno.ESTALE, CHANGED_FOLDER)
        return fd

    def reopen(self, stack: list[_Frame]) -> int | None:
        """The descriptor of the deepest frame, opened again from the
        deepest frame that still has one if it was closed."""
        if not _DIR_FD or stack[-1].fd is not None:
            return stack[-1].fd
        held = max(index for index, frame in enumerate(stack) if frame.fd is not None)
        fd = stack[held].fd
        for frame in stack[held + 1 :]:
            inner = self.open_folder(fd, frame.parts, frame.id)
            if fd != stack[held].fd:
                os.close(fd)
            fd = inner
        stack[-1].fd = fd
        return fd

    @staticmethod
    def close(fd: int | None) -> None:
        if fd is not None:
            os.close(fd)

    def list(self, fd: int | None, names: tuple[str, ...], parts: tuple[str, ...]):
        """Yield a folder's pages (and errors) in sorted order; return its
        subfolders (none if it cannot be listed)."""
        try:
            with os.scandir(fd if _DIR_FD else os.path.join(self.root, *parts)) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield InputFile(self.root, names + ("",), error=f"cannot list folder: {error.strerror or error}")
            return []
        subfolders = []
        for entry in entries:
            try:
                kind, target = self._kind(entry, parts)
            except OSError as error:  # vanished or unreadable entry
                kind, target = f"cannot read entry: {error.strerror or error}", None
            if kind == "folder":
                subfolders.append((entry.name, target))
            elif kind == "page":
                yield InputFile(self.root, names + (entry.name,), target, self.root_id)
            elif kind.startswith("cannot ") or kind == "symlink loop":
                yield InputFile(self.root, names + (entry.name,), error=kind)
            else:
                self.skipped[kind] += 1
        return subfolders

    def _kind(self, entry: os.DirEntry, parts: tuple[str, ...]) -> tuple[str, Any]:
        """What an entry is: ``"page"`` (with the parts to open),
        ``"folder"`` (with its identity), an error, or why it is skipped."""
        if entry.is_symlink():
            return self._symlink_kind(entry, parts)
        if entry.is_dir(follow_symlinks=False):
            entry_id = _file_id(entry.stat(follow_symlinks=False))
            if self.excluded is not None and entry_id == self.excluded[0]:
                return "output folder", None
            return "folder", entry_id
        if not entry.is_file(follow_symlinks=False):
            return "not a regular file", None
        if not is_page(entry.name, self.suffixes):
            return "not a page", None
        return "page", parts + (entry.name,)

    def _symlink_kind(self, entry: os.DirEntry, parts: tuple[str, ...]) -> tuple[str, Any]:
        """A symlink is a page only when its target is a page file inside the
        tree; the worker then opens the target's real path."""
        path = os.path.join(self.real_root, *parts, entry.name)
        try:
            target_status = os.stat(path)
        except OSError as error:
            if error.errno == errno.ELOOP:
                return "symlink loop", None
            if not is_page(entry.name, self.suffixes):
                return "broken symlink", None
            return f"cannot read file: broken symlink ({error.strerror or error})", None
        target = os.path.realpath(path)
        if os.path.commonpath([target, self.real_root]) != self.real_root:
            return "symlink out of the tree", None
        if self.excluded is not None and os.path.commonpath([target, self.excluded[1]]) == self.excluded[1]:
            return "symlink into the output folder", None
        if stat.S_ISDIR(target_status.st_mode):
            return "symlinked folder (walked where it is)", None
        if not stat.S_ISREG(target_status.st_mode):
            return "not a regular file", None
        if not is_page(entry.name, self.suffixes):
            return "not a page", None
        return "page", tuple(Path(os.path.relpath(target, self.real_root)).parts)


# 2. Output names ---------------------------------------------------------------


def _fits(name: str) -> bool:
    return len(os.fsencode(name)) <= NAME_MAX


def _shortened(name: str, tail: str) -> str:
    """``name`` cut to fit, with the hash of the whole name: ``<cut>~<32 hex>~<tail>``."""
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:32]
    room = NAME_MAX - len(os.fsencode(tail)) - len(digest) - 2
    return f"{os.fsdecode(os.fsencode(name)[:room])}~{digest}~{tail}"


def output_file_name(name: str, suffix: str) -> str:
    """The output name of the page ``name``: ``name + suffix``, unless that
    is too long for the file system or ``name`` ends with ``~`` (the mark of
    changed names): then the name is cut and its hash appended.

    >>> output_file_name("a.html", ".json")
    'a.html.json'
    """
    if not name.endswith("~") and _fits(name + suffix):
        return name + suffix
    return _shortened(name, suffix)


def output_folder_name(name: str, suffix: str, top: bool = False) -> str:
    """The output name of the input folder ``name``: the same name, with a
    ``~`` appended when it ends with ``suffix`` or ``~`` (``a.txt.json/``
    beside ``a.txt``) or, at the top, is one of the run's own names
    (``errors.jsonl``, ``.boilerstrip-partial``). No two inputs get the same
    output name, whatever the names (proof in ``docs/cli.md``).

    >>> output_folder_name("a", ".json"), output_folder_name("a.txt.json", ".json")
    ('a', 'a.txt.json~')
    """
    if not (name.endswith((suffix, "~")) or (top and name in RESERVED_NAMES)):
        return name
    return name + "~" if _fits(name + "~") else _shortened(name, "")


def output_parts(names: tuple[str, ...], suffix: str) -> tuple[str, ...]:
    """The output path (below OUT_DIR) of the page at ``names``."""
    folders = tuple(output_folder_name(name, suffix, top=index == 0) for index, name in enumerate(names[:-1]))
    return folders + (output_file_name(names[-1], suffix),)


# 3. The worker's side: open, read, clean, write -----------------------------------


@dataclass(frozen=True)
class Job:
    """One page for a worker: a page on disk, or its bytes (``data``)."""

    seq: int
    page: InputFile | None = None
    data: bytes | str | None = None
    #: The name of an in-memory page in results and error messages.
    label: str = ""
    #: The page's address (a rules file's site rules go by its host).
    url: str | None = None

    @property
    def rel(self) -> str:
        return self.page.rel if self.page is not None else self.label


@dataclass
class Result:
    """What a worker reports for one job."""

    seq: int
    rel: str
    #: Number of articles (known when ``counted``).
    count: int = 0
    #: Characters removed per detector.
    removed: Counter = field(default_factory=Counter)
    #: The page's JSONL records, one line per article (when asked for).
    records: str = ""
    #: The output was newer than the page: not cleaned again.
    up_to_date: bool = False
    #: ``count`` and ``removed`` are known (an up-to-date page in a format
    #: that does not hold them is not read back).
    counted: bool = True
    error: str | None = None
    #: A failure that stops the run (a full disk).
    stop: str | None = None
    #: ``clean_many``: the articles and the page's warnings.
    articles: list[Article] | None = None
    warnings: list[str] | None = None


def clean_page(data: bytes | str, options: Options, url: str | None = None) -> tuple[list[Article], list[str]]:
    """The page's articles, and its warnings when there is none (one run
    of the pipeline: :func:`~boilerstrip.clean` keeps the page's warnings)."""
    result = clean(data, options, url=url)
    return list(result.articles), [] if result.articles else list(result.warnings)


def removed_chars(articles: Iterable[dict[str, Any]] | Iterable[Article]) -> Counter:
    """Characters removed per detector in ``articles`` (objects or dicts)."""
    removed = Counter()
    for article in articles:
        pieces = article.get("removed", ()) if isinstance(article, dict) else article.removed
        for piece in pieces:
            detector, text = (piece["detector"], piece["text"]) if isinstance(piece, dict) else (piece.detector, piece.text)
            removed[detector] += len(text)
    return removed


class FolderCache:
    """The last folder a worker opened a page in, kept open: the next page
    in it, or below it, is opened from there (a tree 20,000 folders deep
    costs one open per page, not one per level)."""

    def __init__(self):
        self.key: tuple | None = None
        self.fd: int | None = None

    def folder(self, page: InputFile) -> int:
        """A descriptor of the folder of ``page`` (the caller closes it)."""
        folders = page.parts[:-1]
        start, fd = 0, None
        if self.key is not None and self.key[:2] == (page.root, page.root_id):
            cached = self.key[2]
            if folders[: len(cached)] == cached:
                start, fd = len(cached), os.dup(self.fd)
        if fd is None:
            fd = os.open(page.root, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
            if _file_id(os.fstat(fd)) != page.root_id:
                os.close(fd)
                raise PageError("cannot read file: the input folder was replaced during the run")
        try:
            for name in folders[start:]:
                inner = os.open(name, _FOLDER_FLAGS, dir_fd=fd)
                os.close(fd)
                fd = inner
        except BaseException:
            os.close(fd)
            raise
        self.close()
        self.key, self.fd = (page.root, page.root_id, folders), os.dup(fd)
        return fd

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
        self.key = self.fd = None


def open_page(page: InputFile, cache: FolderCache | None = None) -> int:
    """A descriptor of ``page``'s file. Below a folder input, every part of
    the path is opened relative to the one before without following a
    symlink, so what is opened is inside the tree, whatever happened to it
    since it was walked; the file must be a regular file. A file named as an
    INPUT is opened as given."""
    try:
        if not page.parts:
            return os.open(page.root, os.O_RDONLY | _O_CLOEXEC | _O_BINARY)
        if not _DIR_FD:
            return _open_page_by_path(page)
        if cache is None:
            cache = own = FolderCache()
        else:
            own = None
        try:
            folder = cache.folder(page)
        finally:
            if own is not None:
                own.close()
        try:
            fd = os.open(page.parts[-1], os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC, dir_fd=folder)
        finally:
            os.close(folder)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
            raise PageError("cannot read file: its path changed during the run (symlinks are not followed)") from None
        raise PageError(f"cannot read file: {error.strerror or error}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PageError("cannot read file: no longer a regular file")
    return fd


def _open_page_by_path(page: InputFile) -> int:
    """``open_page`` without directory descriptors: the path is checked to
    resolve inside the tree before it is opened (racy)."""
    path = os.path.join(page.root, *page.parts)
    real_root = os.path.realpath(page.root)
    if os.path.commonpath([os.path.realpath(path), real_root]) != real_root:
        raise PageError("cannot read file: its path changed during the run (symlinks are not followed)")
    return os.open(path, os.O_RDONLY | _O_BINARY)


def read_page(path: Path | int, max_bytes: int, compressed: bool | None = None) -> bytes:
    """The bytes of the page at ``path`` (or an open descriptor, which is
    closed), gunzipped for ``*.gz``.

    Never reads more than ``max_bytes + 1`` bytes (decompressed), so a gzip
    bomb or a huge file costs no memory; either raises :class:`PageError`.
    """
    if compressed is None:
        compressed = os.fspath(path).lower().endswith(GZIP_SUFFIX)
    try:
        raw = open(path, "rb")
    except OSError as error:
        raise PageError(f"cannot read file: {error.strerror or error}") from None
    try:
        with raw, (gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw) as stream:
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


def _read_job(job: Job, max_bytes: int, cache: FolderCache | None = None) -> bytes | str:
    if job.page is None:
        if not isinstance(job.data, (bytes, str)):
            raise PageError(f"not a page: {type(job.data).__name__} (give bytes, str or a path)")
        if len(job.data) > max_bytes:
            raise PageError(f"size is over the limit of {format_size(max_bytes)} (--max-bytes)")
        return job.data
    return read_page(open_page(job.page, cache), max_bytes, compressed=is_gzip(job.page))


def is_gzip(page: InputFile) -> bool:
    """A page is gzipped when its name (or a named INPUT's) ends with ``.gz``."""
    name = page.names[-1] if page.names else os.fspath(page.root)
    return name.lower().endswith(GZIP_SUFFIX)


class Worker:
    """What a worker process does with each job (built once per process
    from its configuration by :meth:`WorkerConfig.start`)."""

    def do(self, job: Job) -> Result:
        raise NotImplementedError

    def process(self, job: Job) -> Result:
        """Do one job; any failure becomes the result's ``error``."""
        if job.page is not None and job.page.error is not None:
            return Result(job.seq, job.rel, error=job.page.error)
        try:
            return self.do(job)
        except PageError as error:
            return Result(job.seq, job.rel, error=str(error))
        except Exception as error:  # a bug in boilerstrip must not stop the run
            return Result(job.seq, job.rel, error=f"cleaning failed: {type(error).__name__}: {error}")


@dataclass(frozen=True)
class CleanConfig:
    """Workers that send the articles back (``clean_many``, streaming)."""

    options: Options
    max_bytes: int
    #: Send JSONL records (rendered in the worker) instead of the articles.
    records: bool = False

    def start(self) -> Worker:
        return Cleaner(self)


class Cleaner(Worker):
    def __init__(self, config: CleanConfig):
        self.config = config
        self.folders = FolderCache()

    def do(self, job: Job) -> Result:
        articles, warnings = clean_page(_read_job(job, self.config.max_bytes, self.folders), self.config.options, job.url)
        if self.config.records:
            records = jsonl_records(page_document(job.rel, articles, warnings, self.config.options))
            return Result(job.seq, job.rel, len(articles), removed_chars(articles), records)
        return Result(job.seq, job.rel, len(articles), removed_chars(articles), articles=articles, warnings=warnings)


@dataclass(frozen=True)
class WorkerConfig:
    """Workers that write each page's output below OUT_DIR."""

    output: Path
    #: ``(st_dev, st_ino)`` of OUT_DIR: a worker refuses another folder.
    output_id: tuple[int, int]
    format: str
    max_bytes: int
    records: bool
    force: bool = False
    options: Options = field(default_factory=Options)

    def start(self) -> Worker:
        return PageWriter(self)


class PageWriter(Worker):
    """Clean a page into OUT_DIR, or skip (and replay) it when its output is
    up to date."""

    def __init__(self, config: WorkerConfig):
        self.config = config
        self.suffix = SUFFIXES[config.format]
        self.out = OutputTree(config.output, config.output_id)
        self.folders = FolderCache()

    def do(self, job: Job) -> Result:
        page, config = job.page, self.config
        parts = output_parts(page.names, self.suffix)
        fd = open_page(page, self.folders)
        if not config.force:
            try:
                output_time = self.out.mtime(parts)
                replayed = None
                if output_time is not None and output_time > os.fstat(fd).st_mtime_ns:
                    replayed = self._replay(job, parts)
            except BaseException:
                os.close(fd)
                raise
            if replayed is not None:
                os.close(fd)
                return replayed
        return self._clean(job, read_page(fd, config.max_bytes, compressed=is_gzip(page)), parts)

    def _clean(self, job: Job, data: bytes, parts: tuple[str, ...] | None) -> Result:
        """Clean ``data``; write the output unless ``parts`` is None."""
        articles, warnings = clean_page(data, self.config.options, job.url)
        if parts is not None:
            try:
                self.out.write(parts, document_chunks(job.rel, articles, warnings, self.config.options, self.config.format))
            except OSError as error:
                where = os.path.join(self.config.output, *parts)
                if error.errno in STOPPING_ERRNOS:
                    return Result(job.seq, job.rel, stop=f"cannot write {where}: {error.strerror or error}")
                raise PageError(f"cannot write {where}: {error.strerror or error}") from None
        records = jsonl_records(page_document(job.rel, articles, warnings, self.config.options)) if self.config.records else ""
        return Result(job.seq, job.rel, len(articles), removed_chars(articles), records)

    def _replay(self, job: Job, parts: tuple[str, ...]) -> Result | None:
        """The result of an up-to-date page: counts (and records) read back
        from its ``.json`` output. A ``.txt`` or ``.md`` output does not hold
        them: the page is cleaned again only for records (its output is not
        rewritten). ``None``: the output cannot be read back, clean again."""
        if self.config.format == "json":
            try:
                document = json.loads(self.out.read(parts))
                articles = document["articles"]
                records = jsonl_records(document) if self.config.records else ""
                return Result(job.seq, job.rel, len(articles), removed_chars(articles), records, up_to_date=True)
            except (OSError, ValueError, KeyError, TypeError):
                return None
        if self.config.records:
            result = self._clean(job, read_page(open_page(job.page, self.folders), self.config.max_bytes, is_gzip(job.page)), None)
            result.up_to_date = True
            return result
        return Result(job.seq, job.rel, up_to_date=True, counted=False)


def _write_all(stream, data: bytes | Iterable[bytes]) -> None:
    if isinstance(data, (bytes, bytearray)):
        stream.write(data)
    else:
        for piece in data:
            stream.write(piece)


class OutputTree:
    """OUT_DIR as a worker sees it: outputs are written to a partial file in
    the staging folder and renamed into place; every folder on the way is
    created or opened without following a symlink, so nothing is written
    outside OUT_DIR."""

    def __init__(self, output: Path, output_id: tuple[int, int]):
        self.path = output
        #: The last folder written to: (parts, descriptor).
        self.last: tuple[tuple[str, ...], int] | None = None
        if not _DIR_FD:
            self.fd = self.staging = None
            return
        self.fd = os.open(output, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
        if _file_id(os.fstat(self.fd)) != output_id:
            raise BatchError(f"output folder {output} was replaced during the run")
        self.staging = os.open(STAGING_NAME, _FOLDER_FLAGS, dir_fd=self.fd)

    def close(self) -> None:
        for fd in (self.fd, self.staging, self.last and self.last[1]):
            if fd is not None:
                os.close(fd)
        self.fd = self.staging = self.last = None

    def _folder(self, parts: tuple[str, ...], create: bool) -> int:
        """A descriptor of the folder ``parts`` below OUT_DIR (the caller
        closes it); the last one is kept open for the next page."""
        start, folder = 0, None
        if self.last is not None and parts[: len(self.last[0])] == self.last[0]:
            start, folder = len(self.last[0]), os.dup(self.last[1])
        folder = os.dup(self.fd) if folder is None else folder
        try:
            for name in parts[start:]:
                if create:
                    try:
                        os.mkdir(name, dir_fd=folder)
                    except FileExistsError:
                        pass
                try:
                    inner = os.open(name, _FOLDER_FLAGS, dir_fd=folder)
                except OSError as error:
                    if error.errno in (errno.ELOOP, errno.ENOTDIR):
                        raise PageError(f"cannot write output: {name} in OUT_DIR is not a folder (symlinks are not followed)") from None
                    raise
                os.close(folder)
                folder = inner
        except BaseException:
            os.close(folder)
            raise
        if self.last is not None:
            os.close(self.last[1])
        self.last = (parts, os.dup(folder))
        return folder

    def mtime(self, parts: tuple[str, ...]) -> int | None:
        """The modification time of the output at ``parts`` (a regular file,
        not followed if a symlink), or None."""
        try:
            if not _DIR_FD:
                status = os.lstat(os.path.join(self.path, *parts))
            else:
                folder = self._folder(parts[:-1], create=False)
                try:
                    status = os.stat(parts[-1], dir_fd=folder, follow_symlinks=False)
                finally:
                    os.close(folder)
        except (OSError, PageError):
            return None
        return status.st_mtime_ns if stat.S_ISREG(status.st_mode) else None

    def read(self, parts: tuple[str, ...]) -> bytes:
        if not _DIR_FD:
            with open(os.path.join(self.path, *parts), "rb") as stream:
                return stream.read()
        folder = self._folder(parts[:-1], create=False)
        try:
            fd = os.open(parts[-1], os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC, dir_fd=folder)
        finally:
            os.close(folder)
        with open(fd, "rb") as stream:
            return stream.read()

    def write(self, parts: tuple[str, ...], data: bytes | Iterable[bytes]) -> None:
        """Write ``data`` (bytes, or pieces of them) to a partial file in the
        staging folder, then rename it to ``parts``: a reader (or a killed
        run) never sees half a file."""
        if not _DIR_FD:
            return self._write_by_path(parts, data)
        partial = f"{uuid.uuid4().hex}.partial"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC, 0o666, dir_fd=self.staging)
        try:
            with open(fd, "wb") as stream:
                _write_all(stream, data)
            folder = self._folder(parts[:-1], create=True)
            try:
                os.replace(partial, parts[-1], src_dir_fd=self.staging, dst_dir_fd=folder)
            finally:
                os.close(folder)
        except BaseException:
            try:
                os.unlink(partial, dir_fd=self.staging)
            except OSError:
                pass
            raise

    def _write_by_path(self, parts: tuple[str, ...], data: bytes) -> None:
        target = Path(self.path, *parts)
        for depth in range(1, len(parts)):
            if Path(self.path, *parts[:depth]).is_symlink():
                raise PageError(f"cannot write output: {parts[depth - 1]} in OUT_DIR is not a folder (symlinks are not followed)")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(self.path, STAGING_NAME, f"{uuid.uuid4().hex}.partial")
        try:
            with open(partial, "wb") as stream:
                _write_all(stream, data)
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise


def _serve(connection, config) -> None:
    """A worker process: do jobs from ``connection`` until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        worker = config.start()
    except (OSError, BatchError) as error:
        worker = _Broken(f"the worker cannot start: {error}")
    while True:
        try:
            job = connection.recv()
            if job is None:
                return
            connection.send(worker.process(job))
        except (EOFError, OSError):  # the parent is gone (killed): stop quietly
            return


class _Broken(Worker):
    def __init__(self, message: str):
        self.message = message

    def do(self, job: Job) -> Result:
        return Result(job.seq, job.rel, stop=self.message)


# 3b. The pool -----------------------------------------------------------------


def _context(quick: bool = False):
    """Forkserver where there is one (workers start from a clean, small
    process that has already imported boilerstrip), else spawn. ``quick``:
    fork where it is safe (Linux), which saves starting the forkserver when
    a single page is cleaned."""
    if quick and sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["boilerstrip.batch"])
        return context
    return multiprocessing.get_context("spawn")


class _Process:
    """One worker process, its pipe, and the job it is on (if any)."""

    def __init__(self, context, config):
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
    """``size`` worker processes that each do one job at a time.

    ``config.start()`` (run once in each process) makes the
    :class:`Worker`. :meth:`map` yields results in job order. At most
    ``size * WINDOW_PER_WORKER`` jobs are between dispatch and being
    yielded, so memory stays flat however many pages there are. A worker
    that takes longer than ``timeout`` seconds, or dies, is replaced and its
    page becomes an error.
    """

    def __init__(self, size: int, config, timeout: float, *, quick: bool = False):
        self._context = _context(quick)
        self._config = config
        self._timeout = timeout
        self._window = size * WINDOW_PER_WORKER
        self._workers: list[_Process] = []
        try:
            for _ in range(size):
                self._workers.append(_Process(self._context, config))
        except BaseException:
            self.__exit__(*sys.exc_info())
            raise

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info) -> None:
        for worker in self._workers:
            worker.stop(kill=exc_info[0] is not None or worker.job is not None)

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

    def _poll(self, index: int, worker: _Process) -> Result | None:
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
        self._workers[index] = _Process(self._context, self._config)
        return Result(job.seq, job.rel, error=failure)


# 4. The run -----------------------------------------------------------------------


@dataclass
class Summary:
    """What a run did, for the closing report."""

    files: int = 0
    cleaned: int = 0
    up_to_date: int = 0
    #: Articles and removed characters of every page whose output holds them
    #: (pages up to date included).
    articles: int = 0
    removed: Counter = field(default_factory=Counter)
    #: Pages up to date whose output (``.txt``, ``.md``) was not read back.
    uncounted: int = 0
    errors: int = 0
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    #: Why every page was cleaned again (the options changed), if so.
    redone: str | None = None

    def add(self, result: Result) -> None:
        if result.error is not None:
            self.errors += 1
            return
        if result.up_to_date:
            self.up_to_date += 1
        else:
            self.cleaned += 1
        if result.counted:
            self.articles += result.count
            self.removed.update(result.removed)
        else:
            self.uncounted += 1

    @property
    def pages_per_second(self) -> float | None:
        """Pages cleaned per second; None when none was cleaned."""
        return self.cleaned / self.seconds if self.cleaned and self.seconds else None


def plan_jobs(files: Iterable[InputFile], summary: Summary) -> Iterator[Job]:
    """One job per page of ``files``, numbered in input order."""
    for seq, page in enumerate(files):
        summary.files += 1
        yield Job(seq, page)


def run(inputs: list[Path], options: BatchOptions, on_result: Callable[[Result], None] | None = None) -> Summary:
    """Clean every page under ``inputs`` into ``options.output``.

    ``on_result`` is called once per page done (for a progress bar).
    Raises :class:`BatchError` when the output folder cannot be used, and
    :class:`RunStopped` when the run cannot go on (the disk is full); what
    was written is then complete, and the same command resumes.
    """
    summary = Summary()
    started = time.monotonic()
    with OutputFolder(options) as out:
        if out.options_changed and not options.force:
            summary.redone = "the options differ from the last run into this folder: every page is cleaned again"
        config = WorkerConfig(
            options.output, out.identity, options.format, options.max_bytes, options.jsonl is not None,
            force=options.force or out.options_changed, options=options.options,
        )
        files = walk(inputs, summary.skipped, exclude=options.output, suffixes=options.suffixes)
        with _Sinks(options, out) as sinks, WorkerPool(options.workers, config, options.timeout) as pool:
            try:
                for result in pool.map(plan_jobs(files, summary)):
                    if result.stop is not None:
                        raise RunStopped(result.stop)
                    summary.add(result)
                    sinks.write(result)
                    if on_result is not None:
                        on_result(result)
            except RunStopped:
                sinks.publish_errors(summary.errors > 0, quiet=True)
                raise
            sinks.publish(has_errors=summary.errors > 0)
    summary.seconds = time.monotonic() - started
    return summary


def run_settings(options: BatchOptions) -> bytes:
    """What the outputs depend on besides the pages: the format and the
    pipeline's options (written to ``OUT_DIR/.boilerstrip-run``), with
    ``ask_resiliparse`` as it takes effect (off where resiliparse is not
    installed)."""
    pipeline = dataclasses.asdict(options.options)
    pipeline["ask_resiliparse"] = options.options.ask_resiliparse and resiliparse_extractor() is not None
    settings = {"format": options.format, "options": pipeline}
    return (json.dumps(settings, sort_keys=True, default=str) + "\n").encode("utf-8")


class OutputFolder:
    """OUT_DIR for the run: created if needed, its staging folder (for
    partial files, on the same file system so renames are atomic) locked
    against a second run, emptied of a killed run's leftovers, and removed
    at the end. Nothing is followed through a symlink inside OUT_DIR."""

    def __init__(self, options: BatchOptions):
        self.path = options.output
        self.settings = run_settings(options)
        self.options_changed = False

    def __enter__(self) -> OutputFolder:
        path = self.path
        try:
            path.mkdir(parents=True, exist_ok=True)
            self.identity = _file_id(os.stat(path))
            if _DIR_FD:
                self.fd = os.open(path, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
                try:
                    os.mkdir(STAGING_NAME, dir_fd=self.fd)
                except FileExistsError:
                    pass
                self.staging = os.open(STAGING_NAME, _FOLDER_FLAGS, dir_fd=self.fd)
                lock = os.open("lock", os.O_RDWR | os.O_CREAT | _O_NOFOLLOW | _O_CLOEXEC, 0o666, dir_fd=self.staging)
            else:
                self.fd = self.staging = None
                (path / STAGING_NAME).mkdir(exist_ok=True)
                lock = os.open(path / STAGING_NAME / "lock", os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            if error.errno in STOPPING_ERRNOS:
                raise RunStopped(f"cannot write to output folder {path}: {error.strerror or error}") from None
            if error.errno in (errno.ELOOP, errno.ENOTDIR):
                raise BatchError(f"{path / STAGING_NAME} is not a folder (a symlink is not followed); remove it") from None
            raise BatchError(f"cannot write to output folder {path}: {error.strerror or error}") from None
        self.lock = lock
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self._close()
                raise BatchError(f"another boilerstrip run is writing to {path}") from None
        for name in os.listdir(self.staging if _DIR_FD else path / STAGING_NAME):
            if name.endswith(".partial"):
                self.unlink(name, staging=True)
        try:
            previous = self._read(RUN_NAME)
            # An OUT_DIR from before this file existed is taken as up to date.
            self.options_changed = previous is not None and previous != self.settings
            if previous != self.settings:
                self.publish_bytes(self.settings, RUN_NAME)
        except OSError as error:
            self.__exit__(*sys.exc_info())
            raise RunStopped(f"cannot write to output folder {path}: {error.strerror or error}") from None
        return self

    def __exit__(self, *exc_info) -> None:
        if _DIR_FD:
            # The staging folder holds files only (the lock, partial outputs);
            # ``shutil.rmtree(dir_fd=...)`` would need Python 3.11.
            for name in os.listdir(self.staging):
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=self.staging)
            with contextlib.suppress(OSError):
                os.rmdir(STAGING_NAME, dir_fd=self.fd)
        else:
            shutil.rmtree(self.path / STAGING_NAME, ignore_errors=True)
        self._close()

    def _close(self) -> None:
        os.close(self.lock)
        for fd in (self.staging, self.fd):
            if fd is not None:
                os.close(fd)
        self.staging = self.fd = None

    def _read(self, name: str) -> bytes | None:
        """The regular file ``name`` at the top of OUT_DIR, or None."""
        try:
            if _DIR_FD:
                fd = os.open(name, os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC, dir_fd=self.fd)
            else:
                fd = os.open(self.path / name, os.O_RDONLY)
        except OSError:
            return None
        with open(fd, "rb") as stream:
            return stream.read()

    def open_partial(self, name: str) -> IO[str]:
        """A new text file in the staging folder (a file name that is not
        UTF-8 is written as ``\\udcXX`` escapes, see ``render.encode``)."""
        if _DIR_FD:
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _O_NOFOLLOW | _O_CLOEXEC
            fd = os.open(name, flags, 0o666, dir_fd=self.staging)
        else:
            fd = os.open(self.path / STAGING_NAME / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        return open(fd, "w", encoding="utf-8", errors="backslashreplace")

    def publish(self, partial: str, name: str) -> None:
        """Rename the staging folder's ``partial`` to ``name`` at the top."""
        if _DIR_FD:
            os.replace(partial, name, src_dir_fd=self.staging, dst_dir_fd=self.fd)
        else:
            os.replace(self.path / STAGING_NAME / partial, self.path / name)

    def publish_bytes(self, data: bytes, name: str) -> None:
        """Write ``data`` (UTF-8) to ``name`` at the top, atomically."""
        partial = f"{uuid.uuid4().hex}.partial"
        with self.open_partial(partial) as stream:
            stream.write(data.decode("utf-8"))
        self.publish(partial, name)

    def unlink(self, name: str, *, staging: bool = False) -> None:
        try:
            if _DIR_FD:
                os.unlink(name, dir_fd=self.staging if staging else self.fd)
            else:
                (self.path / STAGING_NAME / name if staging else self.path / name).unlink()
        except FileNotFoundError:
            pass

    def staging_path(self, name: str) -> Path:
        return self.path / STAGING_NAME / name


class _Sinks:
    """The run's two streams: the JSONL records and ``errors.jsonl``.

    Both are written to partial files and published (renamed into place)
    only when the run completes; a JSONL stream to ``-`` goes straight to
    standard output. A write that fails stops the run.
    """

    ERRORS_PARTIAL = f"{ERRORS_NAME}.partial"
    JSONL_PARTIAL = "records.jsonl.partial"

    def __init__(self, options: BatchOptions, out: OutputFolder):
        self._options = options
        self._out = out
        self._errors: IO[str] | None = None
        self._jsonl: IO[str] | None = None

    def __enter__(self) -> _Sinks:
        with self._writing(ERRORS_NAME):
            self._errors = self._out.open_partial(self.ERRORS_PARTIAL)
            if self._options.jsonl is not None:
                self._jsonl = sys.stdout if self._to_stdout else self._out.open_partial(self.JSONL_PARTIAL)
        return self

    def __exit__(self, *exc_info) -> None:
        for stream in (self._errors, None if self._to_stdout else self._jsonl):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass

    @property
    def _to_stdout(self) -> bool:
        return str(self._options.jsonl) == "-"

    def _writing(self, what: str):
        return _StopOnWriteError(f"cannot write {what}")

    def write(self, result: Result) -> None:
        if result.error is not None:
            with self._writing(ERRORS_NAME):
                self._errors.write(json.dumps({"file": result.rel, "error": result.error}, ensure_ascii=False) + "\n")
        elif self._jsonl is not None:
            if self._to_stdout:
                with self._writing("standard output"):
                    sys.stdout.buffer.write(encode(result.records))
                    sys.stdout.buffer.flush()
            else:
                with self._writing(str(self._options.jsonl)):
                    self._jsonl.write(result.records)

    def publish_errors(self, has_errors: bool, *, quiet: bool = False) -> None:
        """Move ``errors.jsonl`` into place; a run without errors removes the
        one an earlier run left. ``quiet``: a failure is ignored (the run is
        stopping for another reason)."""
        try:
            with self._writing(ERRORS_NAME):
                self._errors.close()
                if has_errors:
                    self._out.publish(self.ERRORS_PARTIAL, ERRORS_NAME)
                else:
                    self._out.unlink(ERRORS_NAME)
        except RunStopped:
            if not quiet:
                raise

    def publish(self, *, has_errors: bool) -> None:
        """Move the finished streams into place."""
        self.publish_errors(has_errors)
        if self._jsonl is not None and not self._to_stdout:
            with self._writing(str(self._options.jsonl)):
                self._jsonl.close()
                _move_into_place(self._out.staging_path(self.JSONL_PARTIAL), self._options.jsonl)


class _StopOnWriteError:
    """A context in which a failed write raises :class:`RunStopped`."""

    def __init__(self, what: str):
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> bool:
        if isinstance(error, OSError) and not isinstance(error, BrokenPipeError):
            raise RunStopped(f"{self.what}: {error.strerror or error}") from None
        return False


def _move_into_place(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``; across file systems, copy to a
    partial file next to ``target`` first, then rename that."""
    try:
        os.replace(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        partial = target.with_name(target.name + ".partial")
        try:
            shutil.copyfile(source, partial)
            os.replace(partial, target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
