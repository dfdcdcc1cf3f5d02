"""Traditional script: does boilerstrip say the same of a page written in
traditional characters as of the same page in simplified?

Only 1 of the 91 development pages is in traditional script, so the Taiwan
and Hong Kong forms of every vocabulary cannot be checked on real pages
here. This benchmark converts every development input (both corpora, the
HTML and the three dumps) with OpenCC (``s2tw``: characters; ``s2twp``:
Taiwan phrasing, 点击 -> 點選, 发布 -> 釋出; ``s2hk``: Hong Kong), cleans it,
and compares with the simplified page's result converted the same way: a
field is *kept* when it comes out equal, the body when its 4-gram F1 against
the converted simplified body is at least 0.99 (OpenCC converts a phrase
differently in different contexts). No gold is involved: a rule that works
in one script and not in the other shows as a difference.

    python benchmarks/bench_scripts.py                  # s2tw, s2twp, s2hk
    python benchmarks/bench_scripts.py --config s2twp --show

Needs OpenCC (``pip install -e '.[bench]'``). Known differences that are
the conversion's, not the pipeline's: a gallery page whose slides are
``\\u`` escapes in a script (the escapes are not converted, the page is), an
outlet's name that s2twp rewrites (参考消息 -> 參考訊息).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks import score  # noqa: E402
from benchmarks.bench_quality import MODES, load, page_input  # noqa: E402
from boilerstrip import clean_article  # noqa: E402
from boilerstrip.decode import decode  # noqa: E402

CONFIGS = ("s2tw", "s2twp", "s2hk")
FIELDS = ("title", "date", "source", "editor", "authors")
#: Body F1 (against the simplified body converted) that counts as the same.
SAME_BODY = 0.99


def _converted(value, convert):
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, tuple):
        return tuple(convert(v) for v in value)
    return value


def compare(config: str, corpora=("pages", "thirdparty"), modes=MODES) -> dict:
    """Per mode: how many inputs keep each field and the body, and the
    differences ``(input, field, simplified converted, traditional)``."""
    import opencc

    convert = opencc.OpenCC(config).convert
    out = {}
    for mode in modes:
        kept = {field: 0 for field in (*FIELDS, "body")}
        differences = []
        total = 0
        for corpus in corpora:
            for name, folder, _ in load(corpus):
                page = page_input(folder, mode)
                text = decode(page)[0] if isinstance(page, bytes) else page
                simplified, traditional = clean_article(text), clean_article(convert(text))
                total += 1
                for field in FIELDS:
                    want, got = _converted(getattr(simplified, field), convert), getattr(traditional, field)
                    if want == got:
                        kept[field] += 1
                    else:
                        differences.append((f"{corpus}/{name}", field, want, got))
                f1 = score.doc_f1(convert(simplified.body), traditional.body)
                if f1 >= SAME_BODY:
                    kept["body"] += 1
                else:
                    differences.append((f"{corpus}/{name}", "body", f"F1 {f1:.3f}", ""))
        out[mode] = {"inputs": total, "kept": kept, "differences": differences}
    return out


def table(results: dict[str, dict]) -> str:
    lines = [
        "| conversion | mode | inputs | " + " | ".join(FIELDS) + " | body |",
        "|---|---|---|" + "---|" * (len(FIELDS) + 1),
    ]
    for config, by_mode in results.items():
        for mode, row in by_mode.items():
            cells = " | ".join(str(row["kept"][field]) for field in (*FIELDS, "body"))
            lines.append(f"| {config} | {mode} | {row['inputs']} | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", action="append", choices=CONFIGS, help="OpenCC conversion (repeatable; default: all three)")
    parser.add_argument("--show", action="store_true", help="list every difference")
    args = parser.parse_args(argv)
    try:
        import opencc  # noqa: F401
    except ImportError:
        print("bench_scripts needs OpenCC: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    results = {config: compare(config) for config in args.config or CONFIGS}
    print("Inputs whose field (body: F1 >= 0.99) comes out the same in traditional script:\n")
    print(table(results))
    if args.show:
        for config, by_mode in results.items():
            for mode, row in by_mode.items():
                for where, field, want, got in row["differences"]:
                    print(f"{config} {mode:10} {where:24} {field:7} {want!r} -> {got!r}"[:220])
    return 0


if __name__ == "__main__":
    sys.exit(main())
