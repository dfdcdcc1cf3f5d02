"""Text mode on the dev pages: body F1/P/R, metadata rates and pages/s per dump.

    python benchmarks/bench_text.py                 # the table
    python benchmarks/bench_text.py --worst 5       # and the five worst pages per dump
    python benchmarks/bench_text.py --page 163_1 --dump w3m   # one page: gold vs predicted

Pages are ``fixtures/pages/*/`` (three text dumps each and ``gold.json``).
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks import score  # noqa: E402
from boilerstrip import clean_article  # noqa: E402

PAGES = ROOT / "fixtures" / "pages"
DUMPS = ("w3m", "lynx", "inscriptis")
META_FIELDS = ("source", "editor", "authors")


def load_pages() -> list[tuple[str, dict, dict[str, str]]]:
    pages = []
    for folder in sorted(p for p in PAGES.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        dumps = {d: (folder / f"{d}.txt").read_text(encoding="utf-8") for d in DUMPS}
        pages.append((folder.name, gold, dumps))
    return pages


def evaluate(pages, dump: str) -> dict:
    """Clean every page's ``dump``; score body, title, date and metadata."""
    pairs, per_page, hits = [], [], {f: [] for f in ("title", "date", *META_FIELDS)}
    started = time.perf_counter()
    results = [(name, gold, clean_article(dumps[dump])) for name, gold, dumps in pages]
    elapsed = time.perf_counter() - started
    for name, gold, article in results:
        pairs.append((gold["body"], article.body))
        per_page.append((score.doc_f1(gold["body"], article.body), name))
        hits["title"].append(score.norm_meta(gold["title"]) == score.norm_meta(article.title))
        hits["date"].append(score.date_match(gold.get("date"), article.date))
        for field in META_FIELDS:
            want = gold.get(field)
            if want:
                hits[field].append(score.norm_meta(want) == score.norm_meta(getattr(article, field)))
    body = score.score(pairs)
    return {
        "dump": dump,
        "f1": body["f1"],
        "precision": body["precision"],
        "recall": body["recall"],
        **{field: sum(v) / len(v) if v else float("nan") for field, v in hits.items()},
        "pages_per_s": len(pages) / elapsed,
        "per_page": sorted(per_page),
    }


def table(rows: list[dict]) -> str:
    head = "| dump | body F1 | P | R | title | date | source | editor | authors | pages/s |"
    lines = [head, "|" + "---|" * 10]
    for r in rows:
        lines.append(
            f"| {r['dump']} | {r['f1']:.3f} | {r['precision']:.3f} | {r['recall']:.3f} | {r['title']:.2f} | "
            f"{r['date']:.2f} | {r['source']:.2f} | {r['editor']:.2f} | {r['authors']:.2f} | {r['pages_per_s']:.0f} |"
        )
    return "\n".join(lines)


def show_page(pages, name: str, dump: str) -> None:
    for page_name, gold, dumps in pages:
        if page_name != name:
            continue
        article = clean_article(dumps[dump])
        print(f"F1 {score.doc_f1(gold['body'], article.body):.3f}")
        for field in ("title", "subtitles", "source", "date", "editor", "authors", "captions"):
            print(f"{field:10} gold={gold.get(field)!r}\n{'':10} got ={getattr(article, field)!r}")
        diff = difflib.unified_diff(gold["body"].split("\n\n"), article.body.split("\n\n"), "gold", "got", lineterm="", n=0)
        for line in diff:
            print(line[:160])
        return
    raise SystemExit(f"no page {name!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages per dump")
    parser.add_argument("--page", help="show one page's fields and body diff")
    parser.add_argument("--dump", default="w3m", choices=DUMPS)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    pages = load_pages()
    if args.page:
        show_page(pages, args.page, args.dump)
        return
    rows = [evaluate(pages, dump) for dump in DUMPS]
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "per_page"} for r in rows], indent=1))
        return
    print(f"{len(pages)} pages\n")
    print(table(rows))
    for r in rows:
        if args.worst:
            print(f"\nworst {r['dump']}: " + ", ".join(f"{n} {f:.2f}" for f, n in r["per_page"][: args.worst]))


if __name__ == "__main__":
    main()
