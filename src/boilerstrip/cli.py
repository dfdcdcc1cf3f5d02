"""Command line: ``python -m boilerstrip INPUT_DIR -o OUT_DIR``.

Writes one ``<file>.json`` per input file: ``{"file": ..., "articles": [...]}``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .pipeline import clean_articles

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m boilerstrip", description=__doc__)
    parser.add_argument("input", type=Path, help="folder (or file) of scraped pages")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder for the JSON results")
    args = parser.parse_args(argv)
    root = args.input
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and p.name.endswith(PAGE_SUFFIXES))
    failed = 0
    for path in files:
        rel = path.name if path == root else path.relative_to(root).as_posix()
        try:
            articles = clean_articles(path.read_bytes())
        except OSError as error:
            print(f"{rel}: {error}", file=sys.stderr)
            failed += 1
            continue
        out = args.output / f"{rel}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        record = {"file": rel, "articles": [a.to_dict() for a in articles]}
        out.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(files)} files cleaned into {args.output}", file=sys.stderr)
    return 1 if failed else 0
