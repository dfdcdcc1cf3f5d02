"""What a compiled multi-pattern matcher would save in text mode.

    pip install hyperscan                     # not a dependency of boilerstrip
    python benchmarks/bench_matchers.py       # min of 5 runs

Text mode spends part of its time in Python's ``re`` on two kinds of work
that one pass of a compiled matcher over the page could do instead:

1. the page-wide cue searches (:func:`boilerstrip.text.cued_lines`): each
   detector or repair that runs only on lines holding a literal searches the
   page's text for it; this script records every call the pipeline makes on
   each page (its lines' texts and its cue) while ``clean_article`` runs;
2. the line scan's anchored patterns (``LineScanner.fast``), matched against
   every kept line.

For each it times, per page, what the pipeline does now and one Hyperscan
(Intel's multi-pattern engine, the ``hyperscan`` package from PyPI) pass in
its place, counting the work of turning matches into line numbers; the
patterns' compile time is printed apart. For the anchored patterns Hyperscan
runs in its prefilter mode (it may report lines the pattern does not match,
never miss one), so Python would still confirm the lines it reports: that
confirmation is timed too, and the script fails if a line that ``re``
matches is not reported. Hyperscan needs the patterns in its own dialect
(``\\uXXXX`` as ``\\x{XXXX}``; an assertion inside a pattern widened to
nothing, which a prefilter may do).

The pages are every dev dump (``fixtures/pages/*/*.txt``) and the seeds, as
in ``bench_speed.py``; the text-mode total per page is timed in the same run
so that the shares can be read.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

import boilerstrip  # noqa: E402
from boilerstrip import Options, clean_article  # noqa: E402
from boilerstrip import text as text_module  # noqa: E402
from boilerstrip.detectors import compiled  # noqa: E402
from boilerstrip.lines import TEXT, split_lines  # noqa: E402

from benchmarks.bench_speed import load_texts  # noqa: E402


def record_cue_searches(texts: list[str]) -> list[list[tuple[tuple[str, ...], re.Pattern]]]:
    """For each page, the ``cued_lines`` calls the pipeline makes: the lines'
    texts and the cue, in order."""
    original = text_module.cued_lines
    calls: list[tuple[tuple[str, ...], re.Pattern]] = []

    def recording(lines, cue):
        calls.append((tuple(line.text for line in lines), cue))
        return original(lines, cue)

    patched = [m for name, m in list(sys.modules.items()) if name.startswith("boilerstrip") and getattr(m, "cued_lines", None) is original]
    for module in patched:
        module.cued_lines = recording
    try:
        pages = []
        for text in texts:
            calls = []
            clean_article(text)
            pages.append(calls)
        return pages
    finally:
        for module in patched:
            module.cued_lines = original


class _Lines:
    """What ``cued_lines`` reads of a line."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


def best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def hyperscan_dialect(pattern: str) -> str:
    """``pattern`` in Hyperscan's dialect, widened where a prefilter may be:
    ``\\uXXXX`` escapes spelled ``\\x{XXXX}``, ``\\Z`` as ``$``, and an
    alternative ``^`` inside a group (``(?:^|[。！？\\s])``) as nothing."""
    pattern = re.sub(r"\\u([0-9a-fA-F]{4})", r"\\x{\1}", pattern)
    return pattern.replace(r"\Z", "$").replace("(?:^|", "(?:")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    try:
        import hyperscan
    except ImportError:
        raise SystemExit("this benchmark needs the hyperscan package: pip install hyperscan")

    texts = [text for _, text in load_texts()]
    n = len(texts)
    for text in texts:
        clean_article(text)  # warm: compiled patterns, caches
    total = best_of(args.runs, lambda: [clean_article(t) for t in texts])
    print(f"{n} pages; text mode {total / n * 1000:.3f} ms a page (boilerstrip {boilerstrip.__version__}, min of {args.runs})")

    # 1. The cue searches, as the pipeline makes them.
    recorded = record_cue_searches(texts)
    replay = [[([_Lines(t) for t in texts_], cue) for texts_, cue in calls] for calls in recorded]
    python_cues = best_of(args.runs, lambda: [text_module.cued_lines(lines, cue) for calls in replay for lines, cue in calls])
    cues = sorted({cue.pattern for calls in recorded for _, cue in calls})
    ids = {pattern: i for i, pattern in enumerate(cues)}
    flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP | hyperscan.HS_FLAG_MULTILINE
    started = time.perf_counter()
    cue_db = hyperscan.Database()
    cue_db.compile(expressions=[c.encode() for c in cues], ids=list(range(len(cues))), elements=len(cues), flags=[flags] * len(cues))
    cue_compile = time.perf_counter() - started

    # One pass per distinct text of a page's lines (the detectors change
    # roles, not texts; a repair's cut makes a new text), every cue at once.
    layouts = []
    for calls in recorded:
        distinct = {}
        for texts_, cue in calls:
            distinct.setdefault(texts_, []).append(ids[cue.pattern])
        layouts.append(list(distinct))

    def hyperscan_cues():
        found_all = []
        for page in layouts:
            for texts_ in page:
                encoded = [t.encode() for t in texts_]
                ends = list(accumulate(len(b) + 1 for b in encoded))
                hits: list[tuple[int, int]] = []
                cue_db.scan(b"\n".join(encoded), match_event_handler=lambda i, start, end, flags, context: hits.append((i, end)))
                found: dict[int, set[int]] = {}
                for i, end in hits:
                    found.setdefault(i, set()).add(bisect_right(ends, end - 1))
                found_all.append(found)
        return found_all

    # The same answers as the pipeline's searches.
    answers = iter(hyperscan_cues())
    for calls, page in zip(replay, layouts):
        by_texts = {texts_: next(answers) for texts_ in page}
        for lines, cue in calls:
            expected = text_module.cued_lines(lines, cue)
            got = by_texts[tuple(line.text for line in lines)].get(ids[cue.pattern], set())
            if got != expected:
                raise SystemExit(f"hyperscan's lines differ from cued_lines for cue {cue.pattern[:60]!r}")
    hyperscan_cue_time = best_of(args.runs, hyperscan_cues)
    searches = sum(len(calls) for calls in recorded)

    # 2. The line scan's anchored patterns.
    scanner = compiled(Options().rules).scanner
    pages = [[line.text for line in split_lines(text).lines if line.role == TEXT and len(line.text) <= scanner.max_length] for text in texts]
    fast = scanner.fast.fullmatch
    python_scan = best_of(args.runs, lambda: [fast(t) for page in pages for t in page])
    detectors = [d for d in scanner.detectors if d.pattern]
    prefilter = flags | hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_ALLOWEMPTY
    started = time.perf_counter()
    scan_db = hyperscan.Database()
    scan_db.compile(
        expressions=[("^(?:" + hyperscan_dialect(d.pattern) + ")$").encode() for d in detectors],
        ids=list(range(len(detectors))), elements=len(detectors), flags=[prefilter] * len(detectors),
    )
    scan_compile = time.perf_counter() - started
    alone = [re.compile(d.pattern, re.IGNORECASE).fullmatch for d in detectors]

    def hyperscan_scan():
        matched = []
        for page in pages:
            encoded = [t.encode() for t in page]
            ends = list(accumulate(len(b) + 1 for b in encoded))
            reported: dict[int, set[int]] = {}
            scan_db.scan(
                b"\n".join(encoded),
                match_event_handler=lambda i, start, end, flags, context: reported.setdefault(bisect_right(ends, end - 1), set()).add(i),
            )
            # Python confirms: the first reported detector whose own pattern matches.
            matched.append({line: next((i for i in sorted(ids_) if alone[i](page[line])), None) for line, ids_ in reported.items()})
        return matched

    for page, confirmed in zip(pages, hyperscan_scan()):
        for line, text in enumerate(page):
            match = fast(text)
            want = detectors.index(scanner.by_name[match.lastgroup]) if match else None
            if confirmed.get(line) != want:
                raise SystemExit(f"the prefilter and confirmation give {confirmed.get(line)} for {text!r}, re gives {want}")
    hyperscan_scan_time = best_of(args.runs, hyperscan_scan)
    lines = sum(map(len, pages))

    ms = lambda seconds: seconds / n * 1000  # noqa: E731
    print()
    print("| work | now (Python `re`) ms a page | Hyperscan ms a page | saved, share of text mode | compile |")
    print("|---|---|---|---|---|")
    print(f"| {searches / n:.1f} cue searches a page ({len(cues)} cues) | {ms(python_cues):.3f} | {ms(hyperscan_cue_time):.3f} "
          f"| {(python_cues - hyperscan_cue_time) / total:.0%} | {cue_compile:.2f} s |")
    print(f"| the line scan's anchored patterns, {lines / n:.0f} lines a page | {ms(python_scan):.3f} | {ms(hyperscan_scan_time):.3f} (prefilter and confirmation) "
          f"| {(python_scan - hyperscan_scan_time) / total:.0%} | {scan_compile:.2f} s |")
    saved = python_cues - hyperscan_cue_time + python_scan - hyperscan_scan_time
    print(f"\nBoth: {ms(total):.3f} -> {ms(total - saved):.3f} ms a page, {n / total:.0f} -> {n / (total - saved):.0f} pages/s.")


if __name__ == "__main__":
    main()
