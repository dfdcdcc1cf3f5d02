"""Clean scraped news pages in bulk, or show why text was removed from one.

  python -m boilerstrip INPUT [INPUT ...] -o OUT_DIR [options]
  python -m boilerstrip --explain FILE

Inputs are pages or folders of pages (walked recursively). Pages are *.txt,
*.html, *.htm, *.shtml, *.xhtml, and the same with .gz; other files are
skipped and counted. Symlinks are not followed out of an input's tree.

The output mirrors the input tree: with one folder as input, crawl/a/b.html
-> OUT_DIR/a/b.html.json, holding {"file": "a/b.html", "articles": [...],
"warnings": [...]}. With several inputs, each keeps its own name at the top
(OUT_DIR/crawl/a/b.html.json), as `cp -r INPUT... OUT_DIR` would.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tqdm import tqdm

from . import __version__
from .article import Removal
from .batch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    ERRORS_NAME,
    FORMATS,
    BatchError,
    BatchOptions,
    PageError,
    Summary,
    default_workers,
    format_size,
    is_page,
    mirror_name,
    read_page,
    run,
    walk,
)
from .lines import split_lines
from .pipeline import clean_articles, page_text
from .warc import is_warc, warc_command

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EPILOG = f"""\
output:
  --format json (default) writes OUT_DIR/<path>.json per page; --format txt
  writes a readable OUT_DIR/<path>.txt instead (title, metadata lines, body;
  articles separated by a line of '='). --jsonl FILE also writes one JSON
  object per article ({{"file", "index", title, body, ...}}), in input order.

resuming:
  Every output is written to a temporary file and renamed, so a killed run
  leaves no partial file. Re-running the same command skips pages whose
  output is newer than the page (--force redoes them): a killed run plus a
  re-run gives exactly the output of an uninterrupted run. The JSONL file
  always covers every page: records of skipped pages are read back from their
  .json output (with --format txt those pages are cleaned again, their .txt
  is left alone). It is renamed into place at the end of the run; use
  '--jsonl -' to stream records to standard output as they come.

errors:
  A page that cannot be read or cleaned (unreadable, over --max-bytes, bad
  gzip, over --timeout) goes into OUT_DIR/{ERRORS_NAME} as
  {{"file", "error"}} and the run goes on; the file lists the failures of the
  latest run (failed pages have no output, so every re-run tries them again).
  Junk bytes and empty files are not errors: they give no article and a
  warning.

exit codes:
  0  every page was cleaned (or was up to date)
  1  some pages failed: see OUT_DIR/{ERRORS_NAME} (--explain: the page could not be read)
  2  usage error (bad option, missing input, output folder unusable or in use)
  130  interrupted (Ctrl-C): re-run the same command to finish

See docs/cli.md for details and benchmark figures.
"""

_SIZE = re.compile(r"(\d+)\s*([kmg]?)i?b?", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"50M"``, ``"50MB"``, ``"52428800"`` -> bytes (K/M/G are binary units).

    >>> parse_size("50M"), parse_size("1kb"), parse_size("7")
    (52428800, 1024, 7)
    """
    match = _SIZE.fullmatch(text.strip())
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 50M, 200K or a number of bytes)")
    return int(match.group(1)) * 1024 ** " kmg".index(match.group(2).lower() or " ")


def _positive(kind: type):
    """An argparse type: a finite number above zero, of ``kind``."""

    def convert(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if not (value > 0 and math.isfinite(value)):
            raise argparse.ArgumentTypeError(f"must be a positive number, not {text!r}")
        return value

    convert.__name__ = kind.__name__
    return convert


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m boilerstrip",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", type=Path, metavar="INPUT", help="pages or folders of pages")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT_DIR", help="folder for the results (created if needed)")
    parser.add_argument("--format", choices=FORMATS, default="json", help="output per page: json (default) or readable txt")
    parser.add_argument("--jsonl", type=Path, metavar="FILE", help="also write one JSON object per article to FILE ('-': standard output)")
    parser.add_argument("--force", action="store_true", help="clean every page again, also those whose output is up to date")
    parser.add_argument(
        "--workers", type=_positive(int), default=default_workers(), metavar="N",
        help="worker processes (default: all cores, here %(default)s)",
    )
    parser.add_argument(
        "--timeout", type=_positive(float), default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help="a page taking longer becomes an error (default: %(default)g)",
    )
    parser.add_argument(
        "--max-bytes", type=parse_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
        help=f"larger pages (after gunzip) become errors; e.g. 50M, 500K (default: {format_size(DEFAULT_MAX_BYTES)})",
    )
    parser.add_argument("--explain", type=Path, metavar="FILE", help="print FILE with every removed piece marked by its detector, and exit")
    parser.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv``; returns the exit code (a usage
    error raises ``SystemExit(2)`` after printing one line, as argparse does)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.explain is not None:
        if args.inputs or args.output:
            parser.error("--explain takes one page and no INPUT or -o")
        return explain_command(args.explain, args.max_bytes, parser)
    if any(is_warc(path) for path in args.inputs):
        return warc_command(args, parser)
    options = _batch_options(args, parser)
    progress = _progress_bar(args.inputs, options)
    try:
        summary = run(args.inputs, options, on_result=lambda result: progress.update())
    except BatchError as error:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {error}\n")
    except BrokenPipeError:
        _silence_stdout()
        parser.exit(EXIT_FAILED, "standard output was closed (--jsonl -); stopped\n")
    except KeyboardInterrupt:
        parser.exit(EXIT_INTERRUPTED, "\ninterrupted; re-run the same command to finish\n")
    finally:
        progress.close()
    print(summary_report(summary, options), file=sys.stderr)
    return EXIT_FAILED if summary.errors else EXIT_OK


def _batch_options(args: argparse.Namespace, parser: argparse.ArgumentParser) -> BatchOptions:
    """Check the batch arguments; every problem is a usage error (exit 2)."""
    if not args.inputs:
        parser.error("give at least one INPUT (or --explain FILE)")
    if args.output is None:
        parser.error("give the output folder: -o OUT_DIR")
    if args.output.exists() and not args.output.is_dir():
        parser.error(f"output {args.output} is not a folder")
    output = args.output.resolve()
    for path in args.inputs:
        if not path.exists():
            parser.error(f"no such file or folder: {path}")
        if output == path.resolve() or output in path.resolve().parents:
            parser.error(f"input {path} is inside the output folder {args.output}: results would land among the pages")
    names: dict[str, Path] = {}
    for path in args.inputs if len(args.inputs) > 1 else ():
        other = names.setdefault(mirror_name(path), path)
        if other is not path:
            parser.error(f"inputs {other} and {path} would both be written to {args.output / mirror_name(path)}")
    if args.jsonl is not None and str(args.jsonl) != "-" and not args.jsonl.parent.is_dir():
        parser.error(f"--jsonl: no such folder: {args.jsonl.parent}")
    return BatchOptions(
        output=args.output,
        format=args.format,
        jsonl=args.jsonl,
        workers=args.workers,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        force=args.force,
    )


def _progress_bar(inputs: list[Path], options: BatchOptions) -> tqdm:
    """A progress bar on a terminal (counting the pages first, without
    keeping them), a disabled one otherwise."""
    if not sys.stderr.isatty():
        return tqdm(disable=True)
    total = sum(1 for _ in walk(inputs, Counter(), exclude=options.output))
    return tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True)


def summary_report(summary: Summary, options: BatchOptions) -> str:
    """The closing lines: counts, speed, and the detectors that removed most."""
    lines = [
        f"{_count(summary.files, 'page')}: {summary.cleaned:,} cleaned ({_count(summary.articles, 'article')}), "
        f"{summary.up_to_date:,} up to date, {_count(summary.errors, 'error')} "
        f"in {summary.seconds:.1f} s ({summary.pages_per_second:.1f} pages/s)",
    ]
    if summary.skipped:
        reasons = ", ".join(f"{count:,} {reason}" for reason, count in summary.skipped.most_common())
        lines.append(f"skipped {_count(sum(summary.skipped.values()), 'other file')}: {reasons}")
    if summary.removed:
        top = ", ".join(f"{name} {chars:,}" for name, chars in summary.removed.most_common(5))
        lines.append(f"most text removed by (characters): {top}")
    if summary.errors:
        lines.append(f"errors are listed in {options.output / ERRORS_NAME}")
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    """``_count(1, "page")`` -> ``"1 page"``, ``_count(2_000, "page")`` -> ``"2,000 pages"``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


# --explain ---------------------------------------------------------------------

_RED, _YELLOW, _RESET = "\x1b[31m", "\x1b[33m", "\x1b[0m"


def explain_command(path: Path, max_bytes: int, parser: argparse.ArgumentParser) -> int:
    """``--explain FILE``: print the page with its removals marked."""
    if not path.is_file():
        parser.error(f"--explain: no such file: {path}")
    if not is_page(path.name):
        print(f"note: {path.name} does not have a page suffix; explaining it anyway", file=sys.stderr)
    try:
        data = read_page(path, max_bytes)
    except PageError as error:
        print(f"{parser.prog}: {path}: {error}", file=sys.stderr)
        return EXIT_FAILED
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    try:
        print(explain(data, colour=colour))
    except BrokenPipeError:  # piped into head: the reader has what it wanted
        _silence_stdout()
    return EXIT_OK


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's final
    flush of a closed pipe does not print a traceback."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def pipeline_text(data: bytes) -> str:
    """The text whose lines ``Removal.line`` counts: the decoded page, or
    for HTML the main-content text the pipeline extracts from it (steps 1
    and 2 of :mod:`boilerstrip.pipeline`)."""
    return page_text(data).text


def explain(data: bytes, *, colour: bool = False) -> str:
    """The page as the pipeline saw it, one numbered line each, every
    removed piece marked with its detector's name; then a tally.

    Removed text is red on a terminal (``colour``), else in ``⟦…⟧``.
    """
    articles = clean_articles(data)
    by_line: dict[int, list[Removal]] = defaultdict(list)
    for article in articles:
        for piece in article.removed:
            by_line[piece.line].append(piece)
    lines = [line.text for line in split_lines(pipeline_text(data)).lines]
    width = max((len(piece.detector) for pieces in by_line.values() for piece in pieces), default=0)
    out = [_explain_line(number, text, by_line.get(number, []), width, colour) for number, text in enumerate(lines, 1)]
    out += ["", _tally(articles, by_line)]
    return "\n".join(out)


def _explain_line(number: int, text: str, pieces: list[Removal], width: int, colour: bool) -> str:
    """``  12 share_buttons │ ⟦分享到：微博⟧``: the detectors on the left,
    removed pieces marked inside the line; a piece no longer found in the
    line (already rewritten) is appended."""
    names = ",".join(dict.fromkeys(piece.detector for piece in pieces))
    marked, missing, cursor = [], [], 0
    for piece in pieces:
        start = text.find(piece.text, cursor)
        if start < 0:
            missing.append(piece.text)
            continue
        marked += [text[cursor:start], _mark(piece.text, colour)]
        cursor = start + len(piece.text)
    marked.append(text[cursor:])
    marked += [" " + _mark(extra, colour) for extra in missing]
    gutter = f"{names:<{width}}"
    if colour:
        gutter = f"{_YELLOW}{gutter}{_RESET}"
    return f"{number:>5} {gutter} │ {''.join(marked)}".rstrip()


def _mark(text: str, colour: bool) -> str:
    return f"{_RED}{text}{_RESET}" if colour else f"⟦{text}⟧"


def _tally(articles, by_line: dict[int, list[Removal]]) -> str:
    """``2 articles; removed: related_feed 44 pieces (812 chars), ...``."""
    pieces = Counter()
    chars = Counter()
    for line_pieces in by_line.values():
        for piece in line_pieces:
            pieces[piece.detector] += 1
            chars[piece.detector] += len(piece.text)
    titles = "; ".join(json.dumps(a.title, ensure_ascii=False) for a in articles)
    head = _count(len(articles), "article") + (f": {titles}" if titles else "")
    if not chars:
        return f"{head}\nnothing removed"
    detail = ", ".join(f"{name} {pieces[name]} ({chars[name]:,} chars)" for name, _ in chars.most_common())
    return f"{head}\nremoved: {detail}"
