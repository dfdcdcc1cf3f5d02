"""What boilerstrip makes of every fixture page, to compare two checkouts.

    python tools/snapshot.py write before.jsonl            # this checkout's outputs
    python tools/snapshot.py diff before.jsonl after.jsonl # what changed, field by field
    python tools/snapshot.py write after.jsonl --src ../other/src   # another checkout

Every input: ``page.html`` and the three text dumps of ``fixtures/pages`` and
``fixtures/thirdparty``, and the seeds. One JSON line per input: its path,
every article's ``to_dict()`` (``clean_articles``) and the page's warnings
when no article comes out. A refactoring must leave the file unchanged,
except where a change is named as a fix.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("page.html", "w3m.txt", "lynx.txt", "inscriptis.txt")


def inputs() -> list[Path]:
    fixtures = ROOT / "fixtures"
    pages = [folder / name for corpus in ("pages", "thirdparty") for folder in sorted((fixtures / corpus).iterdir())
             if (folder / "gold.json").exists() for name in INPUTS]
    return pages + sorted((fixtures / "seeds").glob("*.txt"))


def record(boilerstrip, path: Path) -> dict:
    data = path.read_bytes() if path.suffix == ".html" else path.read_text(encoding="utf-8")
    articles = boilerstrip.clean_articles(data)
    entry = {"input": str(path.relative_to(ROOT)), "articles": [a.to_dict() for a in articles]}
    if not articles:
        entry["warnings"] = list(boilerstrip.clean_article(data).warnings)
    return entry


def write(target: Path, src: Path | None) -> None:
    sys.path.insert(0, str(src or ROOT / "src"))
    boilerstrip = importlib.import_module("boilerstrip")
    with open(target, "w", encoding="utf-8") as out:
        for path in inputs():
            out.write(json.dumps(record(boilerstrip, path), ensure_ascii=False, sort_keys=True) + "\n")


def diff(before: Path, after: Path, limit: int) -> int:
    """Print what differs; the number of inputs that changed."""
    old = {e["input"]: e for e in map(json.loads, before.read_text(encoding="utf-8").splitlines())}
    new = {e["input"]: e for e in map(json.loads, after.read_text(encoding="utf-8").splitlines())}
    changed = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        changed += 1
        print(f"== {key}")
        if a is None or b is None:
            print("   only in", "after" if a is None else "before")
            continue
        if len(a["articles"]) != len(b["articles"]):
            print(f"   articles: {len(a['articles'])} -> {len(b['articles'])}")
        for k, (x, y) in enumerate(zip(a["articles"], b["articles"])):
            for field in sorted(x.keys() | y.keys()):
                if x.get(field) != y.get(field):
                    print(f"   [{k}] {field}: {_short(x.get(field), limit)} -> {_short(y.get(field), limit)}")
        if a.get("warnings") != b.get("warnings"):
            print(f"   warnings: {a.get('warnings')} -> {b.get('warnings')}")
    print(f"{changed} of {len(old.keys() | new.keys())} inputs changed")
    return changed


def _short(value, limit: int) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit // 2] + " … " + text[-limit // 2 :]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write this checkout's outputs")
    w.add_argument("target", type=Path)
    w.add_argument("--src", type=Path, help="the src/ folder of another checkout")
    d = sub.add_parser("diff", help="compare two snapshots")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--width", type=int, default=200, help="longest value shown")
    args = parser.parse_args()
    if args.command == "write":
        write(args.target, args.src)
    else:
        raise SystemExit(1 if diff(args.before, args.after, args.width) else 0)


if __name__ == "__main__":
    main()
