"""Batch CLI: speedup of ``--workers 2`` over ``--workers 1``, and peak memory.

    python benchmarks/bench_batch.py                       # both figures (takes ~3 min on 2 cores)
    python benchmarks/bench_batch.py --speed-pages 500 --memory-pages 0   # a quick look
    python benchmarks/bench_batch.py --speed-pages 0 --memory-pages 0 --hostile 1000   # hostile trees

Builds a corpus in a temporary folder from ``fixtures/pages/*/*.txt`` and
``fixtures/seeds/*.txt``, copied and varied (a numbered line appended; every
third copy GB18030-encoded, every fifth gzipped; 100 pages a folder), then
runs ``python -m boilerstrip`` on it as a user would:

- speed: the same 2,000 pages with ``--workers 1`` and ``--workers 2``
  (fresh output folders), wall time and pages/s; target speedup >= 1.8;
- memory: 20,000 pages with ``--workers 2 --jsonl``. The RSS of the whole
  process tree (CLI, forkserver, workers) is sampled from ``/proc`` every
  0.1 s and summed, which overcounts pages the processes share, so it is an
  upper bound; the largest single process (``getrusage(RUSAGE_CHILDREN)``)
  is reported too. Target: under 300 MB. Linux only.

- hostile trees (``--hostile N``): trees of N and 10 N tiny pages shaped to
  hurt the walk and the output naming (one huge folder, a deep chain,
  symlink loops and broken links, names that are not UTF-8 or 250 bytes
  long, folders named like their neighbours' outputs). For each: exit code,
  errors, wall time, pages/s and peak RSS of the process tree; the batch
  must not die, and time and memory must grow with N, not N squared.

- time of check to time of use (``--race N``): N real pages are cleaned
  while pages (and sometimes whole folders) are swapped for symlinks to a
  file outside the tree, one every 10 ms; the outputs must never hold the
  outside file's marker, and pages caught between walk and open are errors.

The speedup needs an otherwise idle machine: the load average is printed
before each run, and with other CPU-bound processes on 2 cores ``--workers 2``
cannot get two cores.
"""
from __future__ import annotations

import argparse
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGES_PER_FOLDER = 100


def source_pages() -> list[tuple[str, str]]:
    """(name, text) of every text page among the fixtures."""
    paths = sorted(FIXTURES.glob("pages/*/*.txt")) + sorted(FIXTURES.glob("seeds/*.txt"))
    return [(f"{p.parent.name}_{p.stem}", p.read_text(encoding="utf-8")) for p in paths]


def build_corpus(folder: Path, count: int) -> None:
    """``count`` varied copies of the fixture pages under ``folder``."""
    sources = source_pages()
    for number in range(count):
        name, text = sources[number % len(sources)]
        text = f"{text.rstrip()}\n\n（编号：{number}）\n"
        data = text.encode("gb18030" if number % 3 == 0 else "utf-8")
        target = folder / f"site{number // PAGES_PER_FOLDER:04d}" / f"{number:06d}_{name}.txt"
        if number % 5 == 0:
            data, target = gzip.compress(data, compresslevel=1), target.with_name(target.name + ".gz")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def tree_rss(root: int) -> int:
    """Summed RSS in bytes of process ``root`` and all its descendants."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    family, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in family]
        family.update(children)
        frontier.extend(children)
    total = 0
    for pid in family:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total


def run_cli(args: list[str], sample: bool = False) -> tuple[float, int]:
    """Run the CLI; wall seconds and (when ``sample``) peak tree RSS."""
    command = [sys.executable, "-m", "boilerstrip", *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sampler() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss(process.pid))
            time.sleep(0.1)

    thread = threading.Thread(target=sampler, daemon=True)
    if sample:
        thread.start()
    _, report = process.communicate()
    seconds = time.perf_counter() - started
    if sample:
        thread.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} exited with {process.returncode}:\n{report}")
    print("   ", report.strip().replace("\n", "\n    "))
    return seconds, peak[0]


def speed(workdir: Path, pages: int) -> None:
    corpus = workdir / "speed"
    build_corpus(corpus, pages)
    times = {}
    for workers in (1, 2):
        print(f"{pages:,} pages, --workers {workers} (load average {os.getloadavg()[0]:.2f}):")
        times[workers], _ = run_cli([str(corpus), "-o", str(workdir / f"out{workers}"), "--workers", str(workers)])
        print(f"    wall {times[workers]:.1f} s, {pages / times[workers]:.1f} pages/s")
    print(f"speedup --workers 2 / --workers 1: {times[1] / times[2]:.2f}x (target >= 1.8)")


def memory(workdir: Path, pages: int) -> None:
    corpus = workdir / "memory"
    build_corpus(corpus, pages)
    print(f"{pages:,} pages, --workers 2 --jsonl (load average {os.getloadavg()[0]:.2f}):")
    args = [str(corpus), "-o", str(workdir / "out-memory"), "--workers", "2", "--jsonl", str(workdir / "all.jsonl")]
    seconds, peak = run_cli(args, sample=True)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"    wall {seconds:.1f} s, {pages / seconds:.1f} pages/s")
    print(f"peak RSS, whole process tree summed: {peak / 2**20:.0f} MB (target < 300 MB)")
    print(f"peak RSS, largest single process: {largest / 2**20:.0f} MB")


TINY = "第{n}页。这是一段用来计时的正文，不长。\n"


def _tiny(folder: bytes, name: bytes, number: int) -> None:
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as stream:
        stream.write(TINY.format(n=number).encode("utf-8"))


def hostile_tree(shape: str, root: Path, pages: int) -> None:
    """A tree of ``pages`` tiny pages (and as many hostile entries) of ``shape``."""
    base = os.fsencode(root)
    for n in range(pages):
        if shape == "plain":
            _tiny(os.path.join(base, b"f%04d" % (n // PAGES_PER_FOLDER)), b"%06d.txt" % n, n)
        elif shape == "one_folder":
            _tiny(base, b"%06d.txt" % n, n)
        elif shape == "deep":  # 10 pages a level: pages / 10 levels
            _tiny(os.path.join(base, *[b"d"] * (n // 10)), b"%d.txt" % (n % 10), n)
        elif shape == "loops":  # beside each page: a symlink loop and a broken link
            folder = os.path.join(base, b"f%04d" % (n // PAGES_PER_FOLDER))
            _tiny(folder, b"%06d.txt" % n, n)
            os.symlink(b"loop%06d.html" % n, os.path.join(folder, b"loop%06d.html" % n))
            os.symlink(b"missing", os.path.join(folder, b"gone%06d.txt" % n))
        elif shape == "names":  # GBK bytes, or 250 bytes long
            folder = os.path.join(base, b"\xb9\xfa%04d" % (n // PAGES_PER_FOLDER))
            name = b"\xd0\xc2%06d.html" % n if n % 2 else b"%06d" % n + b"x" * 240 + b".txt"
            _tiny(folder, name, n)
        elif shape == "collisions":  # a.txt beside a.txt.json/ holding b.txt
            folder = os.path.join(base, b"f%04d" % (n // (2 * PAGES_PER_FOLDER)))
            if n % 2:
                _tiny(os.path.join(folder, b"%06d.txt.json" % (n - 1)), b"b.txt", n)
            else:
                _tiny(folder, b"%06d.txt" % n, n)


HOSTILE_SHAPES = ("plain", "one_folder", "deep", "loops", "names", "collisions")


def hostile(workdir: Path, pages: int) -> None:
    print(f"hostile trees, tiny pages, --workers 2 (load average {os.getloadavg()[0]:.2f}):")
    print("| shape | pages | exit | errors | wall s | pages/s | peak RSS MB | time ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for shape in HOSTILE_SHAPES:
        walls = []
        for count in (pages, 10 * pages):
            corpus, out = workdir / f"{shape}{count}", workdir / f"out-{shape}{count}"
            hostile_tree(shape, corpus, count)
            command = [sys.executable, "-m", "boilerstrip", str(corpus), "-o", str(out), "--workers", "2"]
            started = time.perf_counter()
            process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
            peak = 0
            while process.poll() is None:
                peak = max(peak, tree_rss(process.pid))
                time.sleep(0.1)
            report = process.stderr.read()
            wall = time.perf_counter() - started
            walls.append(wall)
            errors = out / "errors.jsonl"
            failed = sum(1 for _ in errors.open()) if errors.exists() else 0
            ratio = f"{walls[1] / walls[0]:.1f}" if len(walls) == 2 else ""
            if "Traceback" in report:
                print(report)
            print(f"| {shape} | {count:,} | {process.returncode} | {failed:,} | {wall:.1f} | {count / wall:.0f} | {peak / 2**20:.0f} | {ratio} |", flush=True)
            subprocess.run(["rm", "-rf", str(corpus), str(out)], check=True)  # shutil.rmtree recurses per level


SECRET_MARK = "外部文件标记XYZZY"


def race(workdir: Path, pages: int) -> None:
    import json
    import random
    from collections import Counter

    secret = workdir / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET_MARK}。\n" + source_pages()[0][1], encoding="utf-8")
    crawl, out = workdir / "race", workdir / "out-race"
    sources = source_pages()
    for n in range(pages):
        target = crawl / f"f{n // 20:04d}" / f"p{n:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sources[n % len(sources)][1], encoding="utf-8")
    command = [sys.executable, "-m", "boilerstrip", str(crawl), "-o", str(out), "--workers", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    chance, swaps = random.Random(1), 0
    time.sleep(0.5)
    while process.poll() is None:
        n = chance.randrange(pages)
        path = crawl / f"f{n // 20:04d}" / f"p{n:05d}.txt"
        try:
            if chance.random() < 0.02 and not path.parent.is_symlink():
                path.parent.rename(path.parent.with_name(path.parent.name + ".moved"))
                path.parent.symlink_to(secret.parent)
            else:
                path.with_suffix(".tmp").symlink_to(secret)
                os.replace(path.with_suffix(".tmp"), path)
            swaps += 1
        except OSError:
            pass
        time.sleep(0.01)
    report = process.stderr.read()
    outputs = [p for p in out.rglob("*") if p.is_file()]
    leaks = sum(SECRET_MARK in p.read_text(encoding="utf-8", errors="replace") for p in outputs)
    errors = out / "errors.jsonl"
    kinds = Counter(json.loads(line)["error"] for line in errors.open()) if errors.exists() else Counter()
    print("   ", report.strip().replace("\n", "\n    "))
    print(f"race, {pages:,} pages: exit {process.returncode}, {swaps:,} swaps, {len(outputs):,} files written, "
          f"{leaks} holding the outside file, errors: {dict(kinds)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--speed-pages", type=int, default=2_000, help="pages for the speedup run (0: skip)")
    parser.add_argument("--memory-pages", type=int, default=20_000, help="pages for the memory run (0: skip)")
    parser.add_argument("--hostile", type=int, default=0, metavar="N", help="hostile trees of N and 10 N pages (0: skip)")
    parser.add_argument("--race", type=int, default=0, metavar="N", help="swap pages for symlinks out of the tree while N pages are cleaned (0: skip)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench_batch_") as workdir:
        if args.speed_pages:
            speed(Path(workdir), args.speed_pages)
        if args.memory_pages:
            memory(Path(workdir), args.memory_pages)
        if args.hostile:
            hostile(Path(workdir), args.hostile)
        if args.race:
            race(Path(workdir), args.race)


if __name__ == "__main__":
    main()
