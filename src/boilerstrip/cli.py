"""Clean scraped news pages: one to standard output, or trees of them in bulk.

  python -m boilerstrip PAGE                 print the article (JSON; --format txt|markdown)
  python -m boilerstrip - < page.html        the same for standard input
  python -m boilerstrip INPUT [INPUT ...] -o OUT_DIR [options]
  python -m boilerstrip INPUT [INPUT ...] --jsonl -       stream the articles as JSON lines
  python -m boilerstrip --explain FILE

Inputs are pages or folders of pages (walked recursively). In folders, pages
are *.txt, *.html, *.htm, *.shtml, *.xhtml (--ext adds more), and the same
with .gz; other files are skipped and counted. A file named as an INPUT is a
page whatever its name. Symlinks are not followed out of an input's tree.

The output mirrors the input tree: with one folder as input, crawl/a/b.html
-> OUT_DIR/a/b.html.json, holding {"file": "a/b.html", "articles": [...],
"warnings": [...]}. With several inputs, each keeps its own name at the top
(OUT_DIR/crawl/a/b.html.json), as `cp -r INPUT... OUT_DIR` would.
"""
from __future__ import annotations

import argparse
import dataclasses

import math
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

from tqdm import tqdm

from . import __version__
from .batch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    ERRORS_NAME,
    PAGE_SUFFIXES,
    BatchError,
    BatchOptions,
    CleanConfig,
    InputFile,
    Job,
    PageError,
    RunStopped,
    Summary,
    default_workers,
    format_size,
    mirror_name,
    output_file_name,
    output_folder_name,
    plan_jobs,
    read_page,
    run,
    walk,
)
from .explain import explain
from .many import clean_results
from .options import Options
from .render import FORMATS, SUFFIXES, encode, page_document, render
from .rules import RulesError, load_rules
from .warc import is_warc, warc_command

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_STOPPED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
STDIN = "-"

EPILOG = f"""\
output:
  Without -o, one PAGE (or '-', standard input) is cleaned and its result
  printed on standard output: {{"file", "articles", "warnings"}} as JSON, or
  with --format txt / markdown the article as readable text or Markdown.
  With -o, --format json (default) writes OUT_DIR/<path>.json per page, txt
  OUT_DIR/<path>.txt (title, metadata lines, body; articles separated by a
  line of '='), markdown OUT_DIR/<path>.md. --jsonl FILE also writes one
  JSON object per article ({{"file", "index", title, body, ...}}), in input
  order; '--jsonl -' streams them to standard output, with or without -o.
  --no-removed and --no-captions leave those fields out.

resuming:
  Every output is written to a temporary file and renamed, so a killed run
  leaves no partial file. Re-running the same command skips pages whose
  output is newer than the page (--force redoes them): a killed run plus a
  re-run gives exactly the output of an uninterrupted run. A run with other
  options (--format, --no-removed, ...) than the last one into OUT_DIR
  cleans every page again. The JSONL file always covers every page: records
  of skipped pages are read back from their .json output (with --format txt
  or markdown those pages are cleaned again, their output is left alone).
  It is renamed into place at the end of the run.

errors:
  A page that cannot be read or cleaned (unreadable, over --max-bytes, bad
  gzip, over --timeout, a symlink loop) goes into OUT_DIR/{ERRORS_NAME} as
  {{"file", "error"}} and the run goes on (without -o: a line on standard
  error); the file lists the failures of the latest run (failed pages have
  no output, so every re-run tries them again). Junk bytes and empty files
  are not errors: they give no article and a warning. A full disk stops the
  run (exit code 3): what was written is complete, and the same command
  finishes the run once there is space.

exit codes:
  0  every page was cleaned (or was up to date)
  1  some pages failed: see OUT_DIR/{ERRORS_NAME} (one page, --explain: it could not be read)
  2  usage error (bad option, missing input, output folder unusable or in use)
  3  the run stopped: the output disk is full or not writable; re-run to finish
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


def parse_extensions(text: str) -> tuple[str, ...]:
    """``"php,.ASP"`` -> ``(".php", ".asp")``; ``"*"``: every file.

    >>> parse_extensions("php, .ASP,jsp"), parse_extensions("*")
    (('.php', '.asp', '.jsp'), ('*',))
    """
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"no extension in {text!r} (try php,asp or '*' for every file)")
    if "*" in names:
        return ("*",)
    for name in names:
        if "/" in name or name.strip(".") == "":
            raise argparse.ArgumentTypeError(f"not an extension: {name!r}")
    return tuple("." + name.lstrip(".") for name in names)


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
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="pages or folders of pages; '-': a page on standard input")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT_DIR", help="folder for the results (created if needed); without it, one page is printed")
    parser.add_argument("--format", choices=FORMATS, default="json", help="json (default), readable txt, or markdown")
    parser.add_argument("--no-removed", action="store_true", help="leave out `removed` (every removed piece; most of the JSON)")
    parser.add_argument("--no-captions", action="store_true", help="leave out `captions` (they count as removed pieces instead)")
    parser.add_argument("--rules", type=Path, metavar="FILE", help="a rules file (TOML): a site's chrome, more phrases, detectors off (docs/rules.md)")
    parser.add_argument("--url", metavar="URL", help="the page's address, for a rules file's site rules (one page only; HTML pages default to their canonical URL)")
    parser.add_argument("--jsonl", type=Path, metavar="FILE", help="also write one JSON object per article to FILE ('-': standard output)")
    parser.add_argument(
        "--ext", type=parse_extensions, default=(), metavar="LIST",
        help="more page extensions in folders, e.g. php,asp,aspx,jsp ('*': every file)",
    )
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
    parser.add_argument("--explain", metavar="FILE", help="print FILE ('-': standard input) with every removed piece marked by its detector, and exit")
    parser.add_argument("--version", action=_Version, help="print the version and the extractors' versions, and exit")
    return parser


class _Version(argparse.Action):
    """``--version``: boilerstrip's version and, on a second line, those of
    the extractors HTML mode asks (its output depends on them)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"boilerstrip {__version__}\n{extractor_versions()}")
        parser.exit()


def extractor_versions() -> str:
    """``readability-lxml 0.9, trafilatura 2.3.1, resiliparse 2.0.1``
    (resiliparse comes with the ``fast`` extra)."""
    from importlib.metadata import PackageNotFoundError, version

    shown = []
    for name in ("readability-lxml", "trafilatura", "resiliparse"):
        try:
            shown.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            shown.append(f"{name} not installed" + (" (pip install 'boilerstrip[fast]': HTML mode 1.3x faster)" if name == "resiliparse" else ""))
    return ", ".join(shown)


def main(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv``; returns the exit code (a usage
    error raises ``SystemExit(2)`` after printing one line, as argparse does)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        rules = load_rules(args.rules)
    except RulesError as error:
        parser.error(f"--rules: {error}")
    options = Options(rules=rules, keep_removed=not args.no_removed, keep_captions=not args.no_captions)
    try:
        if args.explain is not None:
            if args.inputs or args.output:
                parser.error("--explain takes one page and no INPUT or -o")
            return explain_command(args.explain, args.max_bytes, parser, options, args.url)
        if any(is_warc(name) for name in args.inputs):
            return warc_command(args, parser, options)
        if args.output is None:
            return _to_stdout(args, parser, options)
        return _batch(args, parser, options)
    except BrokenPipeError:  # piped into head: the reader has what it wanted
        _silence_stdout()
        return EXIT_OK if args.explain is not None or args.jsonl is None else EXIT_FAILED
    except KeyboardInterrupt:
        parser.exit(EXIT_INTERRUPTED, "\ninterrupted; re-run the same command to finish\n")


def _batch(args: argparse.Namespace, parser: argparse.ArgumentParser, options: Options) -> int:
    """``INPUT... -o OUT_DIR``: clean into a tree."""
    if args.url is not None:
        parser.error("--url names one page: use it without -o (HTML pages default to their canonical URL)")
    batch = _batch_options(args, parser, options)
    progress = _progress_bar(args.inputs, batch)
    try:
        summary = run([Path(i) for i in args.inputs], batch, on_result=lambda result: progress.update())
    except BatchError as error:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {error}\n")
    except RunStopped as error:
        parser.exit(
            EXIT_STOPPED,
            f"{parser.prog}: stopped: {error}. The outputs written are complete; "
            "make room and re-run the same command to finish.\n",
        )
    except BrokenPipeError:
        _silence_stdout()
        parser.exit(EXIT_FAILED, "standard output was closed (--jsonl -); stopped\n")
    finally:
        progress.close()
    print(summary_report(summary, batch.output), file=sys.stderr)
    return EXIT_FAILED if summary.errors else EXIT_OK


def _to_stdout(args: argparse.Namespace, parser: argparse.ArgumentParser, options: Options) -> int:
    """Without -o: one page printed, or (``--jsonl -``) the records of many
    streamed, to standard output."""
    if not args.inputs:
        parser.error("give at least one INPUT ('-' for standard input), or --explain FILE")
    if args.jsonl is not None and str(args.jsonl) != STDIN:
        parser.error("--jsonl FILE needs -o OUT_DIR (or stream with --jsonl -)")
    if STDIN in args.inputs and args.inputs != [STDIN]:
        parser.error("'-' (standard input) is one page on its own")
    for name in args.inputs:
        if name != STDIN and not os.path.exists(name):
            parser.error(f"no such file or folder: {name}")
    if args.jsonl is None and (len(args.inputs) > 1 or os.path.isdir(args.inputs[0])):
        parser.error(
            "give the output folder: -o OUT_DIR (without it, one page is printed, "
            "and --jsonl - streams the articles of many)"
        )
    config = CleanConfig(options, args.max_bytes, records=args.jsonl is not None)
    summary = Summary()
    if args.url is not None and args.jsonl is not None:
        parser.error("--url names one page; it cannot go with --jsonl")
    if args.inputs == [STDIN]:
        data = sys.stdin.buffer.read(args.max_bytes + 1)
        jobs = plan_jobs([None], summary)
        jobs = (Job(job.seq, data=data, label=STDIN, url=args.url) for job in jobs)
    else:
        suffixes = PAGE_SUFFIXES + args.ext
        pages = walk([Path(name) for name in args.inputs], summary.skipped, suffixes=suffixes)
        if args.jsonl is None:  # one page named: the name as given
            pages = (InputFile(page.root, (args.inputs[0],)) for page in pages)
        jobs = plan_jobs(pages, summary)
        if args.url is not None:
            jobs = (dataclasses.replace(job, url=args.url) for job in jobs)
    started = time.monotonic()
    one_page = args.jsonl is None
    for result in clean_results(jobs, 1 if one_page else args.workers, config, args.timeout, quick=one_page):
        summary.add(result)
        if result.error is not None:
            print(f"{parser.prog}: {result.rel}: {result.error}", file=sys.stderr)
        elif args.jsonl is not None:
            _write_stdout(encode(result.records), parser)
        else:
            document = page_document(result.rel, result.articles, result.warnings, options)
            _write_stdout(encode(render(document, args.format)), parser)
    summary.seconds = time.monotonic() - started
    if not one_page:
        print(summary_report(summary, None), file=sys.stderr)
    return EXIT_FAILED if summary.errors else EXIT_OK


def _write_stdout(data: bytes, parser: argparse.ArgumentParser) -> None:
    """Write to standard output; a full disk or a closed file behind it
    stops with one line (exit code 3), a closed pipe is the reader's choice."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _silence_stdout()
        parser.exit(EXIT_STOPPED, f"{parser.prog}: stopped: cannot write to standard output: {error.strerror or error}\n")


def _batch_options(args: argparse.Namespace, parser: argparse.ArgumentParser, options: Options) -> BatchOptions:
    """Check the batch arguments; every problem is a usage error (exit 2)."""
    if not args.inputs:
        parser.error("give at least one INPUT (or --explain FILE)")
    if STDIN in args.inputs:
        parser.error("'-' (standard input) is printed to standard output: give it without -o")
    if args.output.exists() and not args.output.is_dir():
        parser.error(f"output {args.output} is not a folder")
    output = os.path.realpath(args.output)
    for name in args.inputs:
        if not os.path.exists(name):
            parser.error(f"no such file or folder: {name}")
        real = os.path.realpath(name)
        if os.path.commonpath([real, output]) == output:
            parser.error(f"input {name} is inside the output folder {args.output}: results would land among the pages")
    suffix = SUFFIXES[args.format]
    names: dict[str, str] = {}
    for name in args.inputs if len(args.inputs) > 1 else ():
        top = mirror_name(Path(name))
        mapped = output_folder_name(top, suffix, top=True) if os.path.isdir(name) else output_file_name(top, suffix)
        other = names.setdefault(mapped, name)
        if other is not name:
            parser.error(f"inputs {other} and {name} would both be written to {args.output / mapped}")
    if args.jsonl is not None and str(args.jsonl) != STDIN:
        if not args.jsonl.parent.is_dir():
            parser.error(f"--jsonl: no such folder: {args.jsonl.parent}")
        if os.path.commonpath([os.path.realpath(args.jsonl), output]) == output:
            parser.error(f"--jsonl {args.jsonl} is inside the output folder {args.output}: an output could have its name")
    return BatchOptions(
        output=args.output,
        format=args.format,
        jsonl=args.jsonl,
        workers=args.workers,
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        force=args.force,
        options=options,
        suffixes=PAGE_SUFFIXES + args.ext if "*" not in args.ext else ("*",),
    )


def _progress_bar(inputs: list[str], options: BatchOptions) -> tqdm:
    """A progress bar on a terminal (counting the pages first, without
    keeping them), a disabled one otherwise."""
    if not sys.stderr.isatty():
        return tqdm(disable=True)
    total = sum(1 for _ in walk([Path(i) for i in inputs], Counter(), exclude=options.output, suffixes=options.suffixes))
    return tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True)


def summary_report(summary: Summary, output: Path | None) -> str:
    """The closing lines: counts, speed, and the detectors that removed most."""
    articles = _count(summary.articles, "article")
    if summary.uncounted:
        articles += f" (not counting the {summary.uncounted:,} up to date: their output does not hold them)"
    rate = f" ({summary.pages_per_second:.1f} pages/s)" if summary.pages_per_second is not None else ""
    lines = [
        f"{_count(summary.files, 'page')}: {summary.cleaned:,} cleaned, {summary.up_to_date:,} up to date, "
        f"{_count(summary.errors, 'error')}; {articles}; {summary.seconds:.1f} s{rate}",
    ]
    if summary.redone:
        lines.append(summary.redone)
    if summary.skipped:
        reasons = ", ".join(f"{count:,} {reason}" for reason, count in summary.skipped.most_common())
        lines.append(f"skipped {_count(sum(summary.skipped.values()), 'other file')}: {reasons}")
    if summary.removed:
        top = ", ".join(f"{name} {chars:,}" for name, chars in summary.removed.most_common(5))
        lines.append(f"most text removed by (characters): {top}")
    if summary.errors and output is not None:
        lines.append(f"errors are listed in {output / ERRORS_NAME}")
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    """``_count(1, "page")`` -> ``"1 page"``, ``_count(2_000, "page")`` -> ``"2,000 pages"``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


# --explain ---------------------------------------------------------------------

def explain_command(name: str, max_bytes: int, parser: argparse.ArgumentParser, options: Options | None = None, url: str | None = None) -> int:
    """``--explain FILE``: print the page with its removals marked."""
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise PageError(f"size is over the limit of {format_size(max_bytes)} (--max-bytes)")
        elif os.path.isdir(name):
            parser.error(f"--explain takes one page; {name} is a folder")
        elif not os.path.exists(name):
            parser.error(f"--explain: no such file: {name}")
        else:
            data = read_page(Path(name), max_bytes)
    except PageError as error:
        print(f"{parser.prog}: {name}: {error}", file=sys.stderr)
        return EXIT_FAILED
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.buffer.write(encode(explain(data, colour=colour, options=options, url=url) + "\n"))
    sys.stdout.buffer.flush()
    return EXIT_OK


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's final
    flush of a closed pipe does not print a traceback."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
