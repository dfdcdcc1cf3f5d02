"""HTML mode with other second opinions beside readability: body F1 on the
dev pages, the third-party pages and the English benchmark, and the time of
one pass.

    python benchmarks/bench_second_opinion.py                  # every variant
    python benchmarks/bench_second_opinion.py --only trafilatura --only none

HTML mode asks readability-lxml where the article is, and a second extractor
(``candidates.candidates``): on a Chinese page whose lead paragraph
readability missed, resiliparse, and trafilatura where the two disagree; on
other pages trafilatura. This measures what the pipeline scores with other
second opinions, the question any replacement must answer on pages it was
not written for:

* ``shipped``: as above;
* ``trafilatura``: trafilatura wherever a second opinion is asked
  (resiliparse never asked; the pipeline before 2026-12-02);
* ``resiliparse``: resiliparse wherever trafilatura would be asked (on our
  tree, serialised);
* ``text``: our own line pipeline on the page's visible text
  (``page_text(root)`` in text mode), its title and body lines, in
  trafilatura's place (resiliparse never asked);
* ``none``: readability alone.

A new candidate is a function from the parsed page (lxml root) to text
lines; add a variant to ``VARIANTS``. Results are in docs/speed.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BOILERSTRIP_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks import score  # noqa: E402
from benchmarks.bench_quality import load  # noqa: E402
from boilerstrip import candidates, clean_article  # noqa: E402
from boilerstrip.decode import decode  # noqa: E402
from boilerstrip.markup import page_text, parse_html  # noqa: E402
from boilerstrip.text import text_lines  # noqa: E402
from lxml import etree  # noqa: E402


def _text_mode(root) -> list[str]:
    article = clean_article(page_text(root))
    return ([article.title] if article.title else []) + text_lines(article.body)


_RESILIPARSE = candidates._resiliparse_lines


def _resiliparse_on_tree(root) -> list[str]:
    return _RESILIPARSE(etree.tostring(root, encoding="unicode", method="html"))


def _nothing(*_) -> list[str]:
    return []


#: Each variant: what stands for trafilatura's and resiliparse's lines
#: (None: the shipped function).
VARIANTS = {
    "shipped": (None, None),
    "trafilatura": (None, _nothing),
    "resiliparse": (_resiliparse_on_tree, _nothing),
    "text": (_text_mode, _nothing),
    "none": (_nothing, _nothing),
}


def corpora() -> dict[str, list[tuple[str, bytes, str]]]:
    """(name, page bytes, gold body) of each corpus."""
    found = {
        label: [(name, (folder / "page.html").read_bytes(), gold["body"]) for name, folder, gold in load(corpus)]
        for label, corpus in (("dev", "pages"), ("thirdparty", "thirdparty"))
    }
    truth = SHARED / "english" / "ground-truth.json"
    if not truth.exists():
        raise FileNotFoundError(f"no English benchmark at {truth.parent} (set BOILERSTRIP_SHARED)")
    found["english"] = [
        (key, gzip.open(SHARED / "english" / "html" / f"{key}.html.gz").read(), value["articleBody"])
        for key, value in sorted(json.loads(truth.read_text(encoding="utf-8")).items())
    ]
    return found


def measure(name: str, pages: list[tuple[str, bytes, str]]) -> tuple[dict, dict[str, float], float]:
    """Body P/R/F1 over ``pages`` with the variant ``name``, the F1 of each
    page, and the seconds of the pass."""
    shipped = candidates._trafilatura_lines, candidates._resiliparse_lines
    trafilatura, resiliparse = VARIANTS[name]
    candidates._trafilatura_lines = trafilatura or shipped[0]
    candidates._resiliparse_lines = resiliparse or shipped[1]
    try:
        pairs, each = [], {}
        # Warm: imports, compiled patterns and XPaths of every extractor.
        clean_article(pages[0][1])
        root = parse_html(decode(pages[0][1])[0])
        candidates._trafilatura_lines(root), candidates._resiliparse_lines(etree.tostring(root, encoding="unicode"))
        start = time.perf_counter()
        for key, page, gold in pages:
            body = clean_article(page).body
            pairs.append((gold, body))
            each[key] = score.score([(gold, body)])["f1"]
        seconds = time.perf_counter() - start
    finally:
        candidates._trafilatura_lines, candidates._resiliparse_lines = shipped
    return score.score(pairs), each, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=list(VARIANTS), action="append", help="only this variant (repeatable)")
    args = parser.parse_args(argv)
    names = args.only or list(VARIANTS)
    sets = corpora()
    print("| second opinion | corpus | pages | F1 | P | R | s a pass | pages lost / won against shipped |")
    print("|---|---|---|---|---|---|---|---|")
    shipped: dict[str, dict[str, float]] = {}
    for name in ["shipped"] + [n for n in names if n != "shipped"]:
        for label, pages in sets.items():
            result, each, seconds = measure(name, pages)
            if name == "shipped":
                shipped[label] = each
                if "shipped" not in names:
                    continue
                change = "–"
            else:
                lost = sum(1 for key, f1 in each.items() if f1 < shipped[label][key] - 0.005)
                won = sum(1 for key, f1 in each.items() if f1 > shipped[label][key] + 0.005)
                change = f"{lost} / {won}"
            print(
                f"| {name} | {label} | {len(pages)} | {result['f1']:.3f} | {result['precision']:.3f} "
                f"| {result['recall']:.3f} | {seconds:.1f} | {change} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
