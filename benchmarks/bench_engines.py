"""Pages/s through datatrove: ``BoilerstripStep`` beside datatrove's own
``Trafilatura`` step, on the same WARC files, with 1 and 2 workers; and the
WARC run of the command line on the same files.

    pip install -e '.[test]'
    python benchmarks/bench_engines.py                 # 440 pages (3 to 6 min on 2 cores)
    python benchmarks/bench_engines.py --pages 88      # a quick look
    python benchmarks/bench_engines.py --write-warc crawl/sample.warc.gz   # only the WARC

The corpus is the HTML fixture pages (``fixtures/pages/*/page.html``), each
copy made distinct by a numbered comment, as ``response`` records with the
``WARC-Identified-Payload-Type`` Common Crawl writes, split into two WARC
files (two datatrove tasks). Every run is a fresh process:
``WarcReader -> step -> JsonlWriter`` on the ``LocalPipelineExecutor``
(``tasks=2``, ``workers`` 1 or 2), or ``python -m boilerstrip
a.warc.gz b.warc.gz -o OUT --workers N``. Pages/s is page records over the
wall time of the run (the executor's ``run()``, or the whole command),
process start excluded for datatrove, included for the CLI.

Both steps clean each page in datatrove's extractor sandbox (a child
process, timeout 5 s). ``Trafilatura`` runs with datatrove's defaults
(``favour_precision=True``) but ``deduplicate=False``: the corpus repeats
the 22 pages, and with deduplication trafilatura returns nothing for a
repeat (it dropped 310 of 440 documents). Trafilatura keeps the text only; boilerstrip also
returns title, date, source, editor, authors, captions and warnings. The
runs alternate (boilerstrip, trafilatura, CLI for 1 worker, then for 2),
``--rounds`` times, and the fastest run of each counts, so that a change of
load on the shared machine hits all alike; the load average is printed before
each run.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTML_PAGES = sorted((ROOT / "fixtures" / "pages").glob("*/page.html"))


def write_warc(path: Path, pages: list[int]) -> None:
    """A WARC of the fixture pages numbered ``pages`` (page ``n`` is copy
    ``n // 22`` of fixture ``n % 22``, with its number in a comment)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for number in pages:
            source = HTML_PAGES[number % len(HTML_PAGES)]
            body = source.read_bytes() + f"\n<!-- copy {number} -->\n".encode()
            charset = "gb2312" if source.parent.name == "hexun_1" else "utf-8"
            url = f"http://{source.parent.name}.example.com/{number}.html"
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={charset}")], protocol="HTTP/1.1"),
                warc_headers_dict={"WARC-Identified-Payload-Type": "text/html"},
            )
            writer.write_record(record)


def child(engine: str, workers: int, crawl: str, out: str) -> None:
    """One datatrove run; prints ``{"seconds", "stats"}`` as JSON."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from boilerstrip.integrations.datatrove import BoilerstripStep

    # deduplicate=False: the corpus repeats the fixture pages, and trafilatura's
    # deduplication (datatrove's default) would return nothing for a repeat.
    step = BoilerstripStep(timeout=5) if engine == "boilerstrip" else Trafilatura(timeout=5, deduplicate=False)
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(crawl, glob_pattern="*.warc.gz"), step, JsonlWriter(f"{out}/jsonl")],
        tasks=2, workers=workers, logging_dir=f"{out}/logs",
    )
    started = time.monotonic()
    executor.run()
    seconds = time.monotonic() - started
    stats = json.loads(Path(f"{out}/logs/stats.json").read_text())
    step_stats = next(s["stats"] for s in stats if "EXTRAC" in s["name"])
    counts = {k: v if isinstance(v, int) else v.get("total") for k, v in step_stats.items() if k != "doc_len"}
    print(json.dumps({"seconds": seconds, "stats": counts}))


def run_datatrove(engine: str, workers: int, crawl: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(workers), str(crawl), str(out)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_cli(workers: int, crawl: Path, out: Path) -> dict:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "boilerstrip", *sorted(map(str, crawl.glob("*.warc.gz"))), "-o", str(out), "--workers", str(workers)],
        capture_output=True, text=True, check=True,
    )
    seconds = time.monotonic() - started
    records = sum(1 for path in out.glob("*.jsonl") for _ in open(path, encoding="utf-8"))
    return {"seconds": seconds, "stats": {"records": records}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=440, help="page records in all (default 440)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each configuration; the fastest counts (default 2)")
    parser.add_argument("--write-warc", type=Path, metavar="PATH", help="only write a WARC of --pages pages to PATH")
    parser.add_argument("--child", nargs=4, metavar=("ENGINE", "WORKERS", "CRAWL", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        engine, workers, crawl, out = args.child
        child(engine, int(workers), crawl, out)
        return
    if args.write_warc:
        write_warc(args.write_warc, list(range(args.pages)))
        return
    with tempfile.TemporaryDirectory() as folder:
        crawl = Path(folder) / "crawl"
        crawl.mkdir()
        write_warc(crawl / "a.warc.gz", list(range(0, args.pages, 2)))
        write_warc(crawl / "b.warc.gz", list(range(1, args.pages, 2)))
        print(f"{args.pages} page records in 2 WARC files ({len(HTML_PAGES)} fixture pages, copied)\n")
        best: dict[tuple[str, int], dict] = {}
        for round_ in range(args.rounds):
            for workers in (1, 2):
                for engine in ("boilerstrip", "trafilatura", "cli"):
                    load = os.getloadavg()[0]
                    out = Path(folder) / f"{engine}-{workers}"
                    shutil.rmtree(out, ignore_errors=True)
                    if engine == "cli":
                        result = run_cli(workers, crawl, out)
                    else:
                        result = run_datatrove(engine, workers, crawl, out)
                    print(
                        f"round {round_ + 1}  {engine:12} workers={workers}  {result['seconds']:6.1f} s  "
                        f"{args.pages / result['seconds']:6.1f} pages/s  "
                        f"load {load:.2f}  {result['stats']}",
                        flush=True,
                    )
                    key = (engine, workers)
                    if key not in best or result["seconds"] < best[key]["seconds"]:
                        best[key] = result
        print(f"\nbest of {args.rounds} rounds:\n")
        print("| run | workers | wall | pages/s | pages/s vs trafilatura |\n|---|---|---|---|---|")
        names = {"boilerstrip": "`BoilerstripStep`", "trafilatura": "datatrove `Trafilatura`", "cli": "`python -m boilerstrip` (WARC run)"}
        for (engine, workers), result in best.items():
            peer = best[("trafilatura", workers)]["seconds"]
            print(
                f"| {names[engine]} | {workers} | {result['seconds']:.1f} s | {args.pages / result['seconds']:.1f} | "
                f"{peer / result['seconds']:.2f}x |"
            )


if __name__ == "__main__":
    main()
