"""Peak memory of one call on a huge input (issue 15: at most 5x the input).

Each case runs in a fresh process: the input (a development w3m dump
repeated to about ``--mb`` MB of UTF-8, as a ``str``, or the same text as
GB18030 bytes) is built, the process's high-water mark (``VmHWM``) is reset,
the call runs, and the mark is read: the interpreter, the imports and the
input itself are in the figure. Linux only (``/proc/self/clear_refs``).

    python benchmarks/bench_memory.py            # 50 MB, every case (about 4 minutes)
    python benchmarks/bench_memory.py --mb 10
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CASE = r"""
import gc, json, sys
sys.path.insert(0, {src!r})
from boilerstrip import Options, clean_article, clean_articles
unit = open({page!r}, encoding="utf-8").read() + "\n\n"
text = unit * (int({mb} * 1e6) // len(unit.encode("utf-8")) + 1)
size = len(text.encode("utf-8"))
data = text.encode("gb18030") if {kind!r} == "bytes" else text
if {kind!r} == "bytes":
    size = len(data)
    del text
del unit
gc.collect()
def mark():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
open("/proc/self/clear_refs", "w").write("5")
before = mark()
call = clean_article if {call!r} == "clean_article" else clean_articles
call(data, options=Options(keep_removed={keep}))
print(json.dumps({{"size_mb": size / 1e6, "before_mb": before, "peak_mb": mark()}}))
"""


def measure(kind: str, call: str, keep: bool, mb: float) -> dict:
    page = sorted((ROOT / "fixtures" / "pages").glob("*/w3m.txt"))[0]
    code = _CASE.format(src=str(ROOT / "src"), page=str(page), mb=mb, kind=kind, call=call, keep=keep)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Peak memory of one call on a huge input.")
    parser.add_argument("--mb", type=float, default=50.0, help="size of the UTF-8 text (default 50)")
    args = parser.parse_args(argv)
    if not Path("/proc/self/clear_refs").exists():
        print("bench_memory needs Linux (/proc/self/clear_refs)", file=sys.stderr)
        return 2
    print("| input | call | removals | before the call | peak | peak / input |")
    print("|---|---|---|---|---|---|")
    for kind in ("text", "bytes"):
        for call in ("clean_article", "clean_articles"):
            for keep in (True, False):
                row = measure(kind, call, keep, args.mb)
                what = f"{row['size_mb']:.0f} MB {'UTF-8 text (str)' if kind == 'text' else 'GB18030 bytes'}"
                print(
                    f"| {what} | `{call}` | {'kept' if keep else 'off'} | {row['before_mb']:.0f} MB "
                    f"| {row['peak_mb']:.0f} MB | {row['peak_mb'] / row['size_mb']:.1f}x |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
