"""Instructions a pass, counted by valgrind's callgrind: the same count for
the same code and inputs whatever else the machine is doing, so two versions
of the code can be compared on a busy machine (times cannot).

    python benchmarks/bench_instructions.py                 # html, text and trafilatura
    python benchmarks/bench_instructions.py --only text     # one of them
    python benchmarks/bench_instructions.py --only html-without-resiliparse --only trafilatura

Each figure is a run that makes one pass over the inputs minus a run that
makes none (imports, the first page's warm-up and the interpreter's start
cancel out): HTML mode on the 91 pages of ``fixtures/pages`` and
``fixtures/thirdparty`` (bytes in), text mode on the dev dumps and the seeds
(the inputs of ``bench_speed.py``), and ``trafilatura.extract`` on the 91
pages decoded. Needs ``valgrind`` (Debian: ``apt-get install valgrind``);
each count takes a minute or two.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: What each job does ``passes`` times after one warm-up call.
JOBS = {
    "html": (
        "from bench_speed import load_html\nfrom boilerstrip import clean_article\n"
        "inputs = load_html()\nrun = clean_article\n"
    ),
    # HTML mode as installed without the ``fast`` extra (no resiliparse).
    "html-without-resiliparse": (
        "from bench_speed import load_html\nfrom functools import partial\nfrom boilerstrip import Options, clean_article\n"
        "inputs = load_html()\nrun = partial(clean_article, options=Options(ask_resiliparse=False))\n"
    ),
    "text": (
        "from bench_speed import load_texts\nfrom boilerstrip import clean_article\n"
        "inputs = [text for _, text in load_texts()]\nrun = clean_article\n"
    ),
    "trafilatura": (
        "from bench_speed import load_html\nfrom boilerstrip.decode import decode\nimport trafilatura\n"
        "inputs = [decode(page)[0] for page in load_html()]\nrun = trafilatura.extract\n"
    ),
}
#: What runs without ``--only``.
DEFAULT = ("html", "text", "trafilatura")

_TEMPLATE = (
    "import sys\nsys.path[:0] = [{src!r}, {benchmarks!r}]\n{job}"
    "run(inputs[0])\nfor _ in range({passes}):\n    for item in inputs:\n        run(item)\n"
)


def instructions(job: str, passes: int) -> int:
    """Instructions callgrind counts for ``job`` making ``passes`` passes."""
    code = _TEMPLATE.format(src=str(ROOT / "src"), benchmarks=str(ROOT / "benchmarks"), job=JOBS[job], passes=passes)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code],
        capture_output=True, text=True, check=False,
    )
    found = re.search(r"refs:\s*([\d,]+)", done.stderr)
    if done.returncode != 0 or not found:
        raise SystemExit(f"callgrind failed on {job}:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(JOBS), action="append", help="count only these (repeatable)")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    counts = {}
    for job in args.only or DEFAULT:
        counts[job] = instructions(job, 1) - instructions(job, 0)
        print(f"{job}: {counts[job] / 1e9:.3f} G instructions a pass", flush=True)
    for html in ("html", "html-without-resiliparse"):
        if html in counts and "trafilatura" in counts:
            print(f"{html} against trafilatura.extract, by instructions: {counts['trafilatura'] / counts[html]:.3f}x")


if __name__ == "__main__":
    main()
