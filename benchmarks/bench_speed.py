"""Speed: text mode's pages/s and where the time goes; HTML mode against trafilatura.

    python benchmarks/bench_speed.py               # text mode, min of 5 runs
    python benchmarks/bench_speed.py --runs 9      # more runs on a busy machine
    python benchmarks/bench_speed.py --json        # the figures as JSON
    python benchmarks/bench_speed.py --html        # HTML mode beside trafilatura, both corpora

HTML mode (``--html``): ``clean_article(page.html bytes)`` and
``trafilatura.extract(html)`` with its default settings, run alternately on
the same pages (``fixtures/pages`` and ``fixtures/thirdparty``, 91 pages) in
one process; trafilatura gets the page already decoded to ``str`` (its own
decoding is not timed), boilerstrip the bytes. The figure that counts is the
ratio of docs/s, which the machine's load moves far less than the docs/s.

Inputs are every dev dump (``fixtures/pages/*/{w3m,lynx,inscriptis}.txt``) and
the seeds (``fixtures/seeds/*.txt``), as ``str`` (text mode: no decoding, no
HTML extraction). Single process. Times are CPU time (``time.process_time``),
and each figure is the minimum over the runs, so other work on the machine
inflates them as little as possible.

The per-step breakdown replays the pipeline of
:func:`boilerstrip.pipeline.clean` step by step on the same inputs
(split_lines, cut_side_columns, detect_chrome, find_article, repair, find_line_fields, split,
assemble) and times each; their sum is close to, not exactly, the total.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from boilerstrip import Options, clean_article  # noqa: E402
from boilerstrip.assemble import build_article  # noqa: E402
from boilerstrip.detectors import compiled, detect_chrome  # noqa: E402
from boilerstrip.columns import cut_side_columns  # noqa: E402
from boilerstrip.lines import split_lines  # noqa: E402
from boilerstrip.metadata import find_line_fields  # noqa: E402
from boilerstrip.pipeline import _page_facts  # noqa: E402
from boilerstrip.region import find_article  # noqa: E402
from boilerstrip.repairs import repair  # noqa: E402
from boilerstrip.split import split_articles  # noqa: E402

STEPS = ("split_lines", "cut_side_columns", "detect_chrome", "find_article", "repair", "find_line_fields", "split", "assemble")


def load_texts() -> list[tuple[str, str]]:
    files = sorted((ROOT / "fixtures" / "pages").glob("*/*.txt")) + sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    return [(str(f.relative_to(ROOT)), f.read_text(encoding="utf-8")) for f in files]


def time_total(texts: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        for text in texts:
            clean_article(text)
        best = min(best, time.process_time() - started)
    return best


def load_html() -> list[bytes]:
    files = sorted((ROOT / "fixtures" / "pages").glob("*/page.html"))
    files += sorted((ROOT / "fixtures" / "thirdparty").glob("*/page.html"))
    return [f.read_bytes() for f in files]


def html_against_trafilatura(pages: list[bytes], runs: int) -> dict:
    """docs/s of HTML mode and of ``trafilatura.extract`` (default settings)
    on ``pages``, each the best of ``runs`` rounds run alternately."""
    import trafilatura

    from boilerstrip.decode import decode

    texts = [decode(page)[0] for page in pages]
    ours = theirs = float("inf")
    for _ in range(runs):
        started = time.process_time()
        for text in texts:
            trafilatura.extract(text)
        theirs = min(theirs, time.process_time() - started)
        started = time.process_time()
        for page in pages:
            clean_article(page)
        ours = min(ours, time.process_time() - started)
    return {
        "pages": len(pages), "runs": runs,
        "trafilatura_docs_per_s": round(len(pages) / theirs, 2),
        "boilerstrip_docs_per_s": round(len(pages) / ours, 2),
        "ratio": round(theirs / ours, 3),
    }


def time_steps(texts: list[str], runs: int) -> dict[str, float]:
    """Minimum over ``runs`` of the time spent in each step, summed over pages."""
    clock = time.process_time
    options = Options()
    headings = compiled(options.rules).feed_headings
    best = {step: float("inf") for step in STEPS}
    for _ in range(runs):
        spent = dict.fromkeys(STEPS, 0.0)
        for text in texts:
            t0 = clock()
            page = split_lines(text)
            t1 = clock()
            page = cut_side_columns(page, options)
            t1b = clock()
            page = detect_chrome(page, options.rules)
            t2 = clock()
            page = find_article(page, options, headings)
            t3 = clock()
            page = repair(page, options.rules, is_html=False)
            t4 = clock()
            page = find_line_fields(page)
            t5 = clock()
            segments = split_articles(page, options.article_min)
            t6 = clock()
            facts = _page_facts(page.warnings, None, options)
            for k, segment in enumerate(segments):
                build_article(segment, facts, options, lead_article=k == 0)
            t7 = clock()
            for step, a, b in zip(STEPS, (t0, t1, t1b, t2, t3, t4, t5, t6), (t1, t1b, t2, t3, t4, t5, t6, t7)):
                spent[step] += b - a
        for step in STEPS:
            best[step] = min(best[step], spent[step])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--html", action="store_true", help="HTML mode beside trafilatura.extract instead")
    args = parser.parse_args()
    if args.html:
        pages = load_html()
        for page in pages[:5]:  # warm up
            clean_article(page)
        result = html_against_trafilatura(pages, args.runs)
        if args.json:
            print(json.dumps(result, indent=1))
        else:
            print(f"{result['pages']} pages, best of {args.runs} alternating rounds, Python {platform.python_version()}")
            print(f"trafilatura.extract: {result['trafilatura_docs_per_s']:.1f} docs/s; boilerstrip HTML mode: "
                  f"{result['boilerstrip_docs_per_s']:.1f} docs/s; ratio {result['ratio']:.2f}")
        return
    named = load_texts()
    texts = [text for _, text in named]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(len(t) for t in texts)
    for text in texts:  # warm up: imports, regex caches
        clean_article(text)
    total = time_total(texts, args.runs)
    steps = time_steps(texts, args.runs)
    result = {
        "pages": len(texts),
        "mb_utf8": round(mb, 3),
        "avg_kb_utf8": round(mb * 1000 / len(texts), 1),
        "avg_chars": round(chars / len(texts)),
        "runs": args.runs,
        "seconds": round(total, 4),
        "pages_per_s": round(len(texts) / total, 1),
        "mb_per_s": round(mb / total, 3),
        "ms_per_page": {step: round(1000 * s / len(texts), 3) for step, s in steps.items()},
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(
        f"{result['pages']} pages, {mb:.2f} MB UTF-8 (avg {result['avg_kb_utf8']} KB, {result['avg_chars']} chars), "
        f"min of {args.runs} runs, Python {result['python']}"
    )
    print(f"clean_article: {result['pages_per_s']:.1f} pages/s, {result['mb_per_s']:.3f} MB/s "
          f"({1000 * total / len(texts):.2f} ms/page)\n")
    step_total = sum(steps.values())
    print("| step | ms/page | share |")
    print("|---|---|---|")
    for step, s in steps.items():
        print(f"| {step} | {1000 * s / len(texts):.3f} | {100 * s / step_total:.0f}% |")


if __name__ == "__main__":
    main()
