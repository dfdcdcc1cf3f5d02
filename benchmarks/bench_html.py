"""HTML mode, side by side: boilerstrip and its peers on the Chinese dev pages
and the English article-extraction benchmark.

    python benchmarks/bench_html.py                 # print the table
    python benchmarks/bench_html.py --write-docs    # also docs/html-benchmark.{md,png}
    python benchmarks/bench_html.py --only boilerstrip --no-english

Body F1 / P / R with the CJK-aware scorer (``score.score``), metadata rates on
the dev pages (title and date over all pages; source, editor and authors over
the pages whose gold shows them), and docs/s over every page read.
Peers that are not installed are skipped with a note.
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import importlib.metadata
import json
import os
import platform
import sys
import time
import warnings
from pathlib import Path

SHARED = Path(os.environ.get("BOILERSTRIP_SHARED", "/work/shared"))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(SHARED / "eval"))
import score  # noqa: E402

warnings.filterwarnings("ignore")
FIELDS = ("title", "date", "source", "editor", "authors")


# ---------------------------------------------------------------- data

def dev_pages() -> list[tuple[str, bytes, dict]]:
    return [
        (path.parent.name, path.read_bytes(), json.loads((path.parent / "gold.json").read_text(encoding="utf-8")))
        for path in sorted((SHARED / "pages").glob("*/page.html"))
    ]


def english_pages() -> list[tuple[str, bytes, dict]]:
    truth = json.loads((SHARED / "english" / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (key, gzip.open(SHARED / "english" / "html" / f"{key}.html.gz").read(), {"body": value["articleBody"]})
        for key, value in sorted(truth.items())
    ]


def _text(page: bytes) -> str:
    from boilerstrip.decode import decode

    return decode(page)[0]


# ---------------------------------------------------------------- extractors
# Each takes (bytes, lang) and returns a dict with "body" and what metadata it gives.

def run_boilerstrip(page: bytes, lang: str) -> dict:
    from boilerstrip import clean_article

    article = clean_article(page)
    return {"body": article.body, "title": article.title, "date": article.date, "source": article.source,
            "editor": article.editor, "authors": list(article.authors)}


def run_trafilatura(page: bytes, lang: str, **options) -> dict:
    import trafilatura

    result = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True, **options)
    if result is None:
        return {"body": ""}
    doc = result if isinstance(result, dict) else result.as_dict()
    body = "\n\n".join(line for line in (doc.get("text") or "").splitlines() if line.strip())
    authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
    return {"body": body, "title": doc.get("title"), "date": doc.get("date"), "authors": authors}


def run_trafilatura_precision(page: bytes, lang: str) -> dict:
    return run_trafilatura(page, lang, favor_precision=True)


def run_readability(page: bytes, lang: str) -> dict:
    from readability import Document

    from boilerstrip.markup import element_text, parse_html
    from boilerstrip.text import text_lines

    document = Document(_text(page))
    title = document.short_title()
    root = parse_html("<html><body>" + document.summary(html_partial=True) + "</body></html>")
    body = "\n\n".join(text_lines(element_text(root))) if root is not None else ""
    return {"body": body, "title": title}


def run_gne(page: bytes, lang: str) -> dict:
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(_text(page))
    body = "\n\n".join(line.strip() for line in (result.get("content") or "").splitlines() if line.strip())
    author = result.get("author")
    return {"body": body, "title": result.get("title"), "date": result.get("publish_time"),
            "authors": [author] if author else []}


def run_newspaper(page: bytes, lang: str) -> dict:
    import tldextract

    # tldextract fetches the public-suffix list over the network by default:
    # use its bundled snapshot (this benchmark runs offline).
    offline = tldextract.TLDExtract(suffix_list_urls=())
    tldextract.extract = tldextract.tldextract.extract = offline
    import newspaper

    article = newspaper.Article("http://example.com/a.html", language=lang)
    article.download(input_html=_text(page))
    article.parse()
    body = "\n\n".join(line.strip() for line in (article.text or "").splitlines() if line.strip())
    date = article.publish_date.isoformat() if article.publish_date else None
    return {"body": body, "title": article.title, "date": date, "authors": list(article.authors)}


EXTRACTORS = {
    "boilerstrip": (run_boilerstrip, "boilerstrip"),
    "trafilatura": (run_trafilatura, "trafilatura"),
    "trafilatura (favor_precision)": (run_trafilatura_precision, "trafilatura"),
    "readability-lxml": (run_readability, "readability-lxml"),
    "GNE": (run_gne, "gne"),
    "newspaper4k": (run_newspaper, "newspaper4k"),
}


# ---------------------------------------------------------------- scoring

def meta_ok(field: str, gold, got) -> bool | None:
    """Whether ``got`` matches ``gold`` (None: the page does not show it)."""
    if field == "date":
        return score.date_match(gold, got) if gold else None
    if field == "title":
        return score.norm_meta(gold) == score.norm_meta(got)
    if not gold:
        return None
    return score.norm_meta(gold) == score.norm_meta(got)


def evaluate(name: str, dev, english) -> dict:
    function, _ = EXTRACTORS[name]
    row: dict = {"name": name}
    seconds, docs = 0.0, 0
    for label, pages, lang in (("dev", dev, "zh"), ("en", english, "en")):
        if not pages:
            continue
        pairs, hits = [], {field: [] for field in FIELDS}
        for _key, page, gold in pages:
            start = time.perf_counter()
            try:
                got = function(page, lang)
            except Exception as error:  # noqa: BLE001 - a peer's crash scores 0
                got = {"body": "", "error": repr(error)}
            seconds += time.perf_counter() - start
            docs += 1
            pairs.append((gold["body"], got.get("body") or ""))
            if label == "dev":
                for field in FIELDS:
                    ok = meta_ok(field, gold.get(field), got.get(field))
                    if ok is not None:
                        hits[field].append(ok)
        result = score.score(pairs)
        row[label] = {k: result[k] for k in ("f1", "precision", "recall")}
        if label == "dev":
            row["meta"] = {field: (sum(v) / len(v) if v else 0.0) for field, v in hits.items()}
    row["docs_per_s"] = docs / seconds if seconds else 0.0
    return row


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def table(rows: list[dict]) -> str:
    head = ("| extractor | version | dev F1 | dev P | dev R | title | date | source | editor | authors "
            "| EN F1 | EN P | EN R | docs/s |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for row in rows:
        dev, en, meta = row.get("dev", {}), row.get("en", {}), row.get("meta", {})
        cell = lambda d, k: f"{d[k]:.3f}" if k in d else "–"  # noqa: E731
        lines.append(
            f"| {row['name']} | {version(EXTRACTORS[row['name']][1])} | {cell(dev, 'f1')} | {cell(dev, 'precision')} "
            f"| {cell(dev, 'recall')} | " + " | ".join(cell(meta, f) for f in FIELDS)
            + f" | {cell(en, 'f1')} | {cell(en, 'precision')} | {cell(en, 'recall')} | {row['docs_per_s']:.1f} |"
        )
    return "\n".join(lines)


def chart(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [row["name"].replace(" (", "\n(") for row in rows]
    dev = [row.get("dev", {}).get("f1", 0) for row in rows]
    en = [row.get("en", {}).get("f1", 0) for row in rows]
    fig, ax = plt.subplots(figsize=(max(8, 1.8 * len(rows)), 4.4))
    x = range(len(names))
    ax.bar([i - 0.2 for i in x], dev, 0.4, label="Chinese dev pages (22)")
    ax.bar([i + 0.2 for i in x], en, 0.4, label="English benchmark (181)")
    ax.set_xticks(list(x), names)
    ax.set_ylim(0.5, 1.0)
    ax.set_ylabel("body F1")
    ax.set_title("HTML mode: body F1, side by side")
    ax.legend(loc="lower left")
    for i, (a, b) in enumerate(zip(dev, en)):
        ax.text(i - 0.2, a + 0.005, f"{a:.3f}", ha="center", fontsize=7)
        ax.text(i + 0.2, b + 0.005, f"{b:.3f}", ha="center", fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def write_docs(rows: list[dict], text: str) -> None:
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    chart(rows, docs / "html-benchmark.png")
    today = datetime.date.today().isoformat()
    (docs / "html-benchmark.md").write_text(
        f"""# HTML mode benchmark

Measured {today} on {platform.machine()} ({os.cpu_count()} cores), Python {platform.python_version()},
one run, side by side, with `python benchmarks/bench_html.py --write-docs`.

* **dev**: the 22 Chinese news pages of 13 sites in `fixtures/pages/` (HTML in,
  gold `gold.json`; the script reads the same pages from `$BOILERSTRIP_SHARED/pages/`). Metadata columns: share of pages right (title and date
  over all pages; source, editor and authors over the pages whose gold shows
  them; peers that do not extract a field score 0 on it).
* **EN**: the 181 pages of the public English article-extraction benchmark
  (not in the repository: `bench_html.py` reads them from `$BOILERSTRIP_SHARED/english/`,
  default `/work/shared/english/`; without them it runs with `--no-english`).
* Body F1 / P / R: `benchmarks/score.py` (4-gram shingles, every CJK character a token).
* docs/s: all 203 pages, single process.

{text}

![body F1](html-benchmark.png)
{_left_out(rows)}
docs/s is wall-clock time on a shared 2-core machine where other benchmarks
run at the same time: expect ±20 % between runs (compare rows of one run).

Peers run with their defaults for article text: trafilatura `include_comments=False`
(with metadata; a second row with `favor_precision=True`), readability-lxml `summary()`, GNE `extract()`, newspaper4k
(`language="zh"` / `"en"`).
""",
        encoding="utf-8",
    )


#: Why a peer may be left out of a documented run.
LEFT_OUT_WHY = {
    "newspaper4k": "offline it waits on network sockets (it scored 0.837 dev F1 in `fixtures/pages/README.md`)",
}


def _version_note(dist: str) -> str:
    found = version(dist)
    return f" {found}" if found[:1].isdigit() else f" ({found})"


def _left_out(rows: list[dict]) -> str:
    run = {row["name"] for row in rows}
    notes = [
        f"{name}{_version_note(dist)} is in `bench_html.py` but left out of this run"
        + (f": {LEFT_OUT_WHY[name]}" if name in LEFT_OUT_WHY else "") + "."
        for name, (_, dist) in EXTRACTORS.items() if name not in run
    ]
    return ("\n" + "\n".join(notes) + "\n") if notes else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=list(EXTRACTORS), help="run only these extractors")
    parser.add_argument("--no-english", action="store_true", help="skip the English benchmark")
    parser.add_argument("--write-docs", action="store_true", help="write docs/html-benchmark.md and .png")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = parser.parse_args(argv)
    import socket

    socket.setdefaulttimeout(2)  # offline: no peer may hang on a connection
    dev = dev_pages()
    english = [] if args.no_english else english_pages()
    rows = []
    for name in args.only or list(EXTRACTORS):
        if version(EXTRACTORS[name][1]) == "not installed":
            print(f"skipping {name}: not installed", file=sys.stderr)
            continue
        rows.append(evaluate(name, dev, english))
        print(f"done {name}", file=sys.stderr)
    text = table(rows)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    if args.write_docs:
        write_docs(rows, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
