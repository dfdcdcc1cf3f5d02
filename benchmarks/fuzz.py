"""Fuzz the cleaner with mutated real pages (issue 6).

    python benchmarks/fuzz.py                          # 100,000 inputs, 2 processes
    python benchmarks/fuzz.py -n 5000 --jobs 1 --seed 3
    python benchmarks/fuzz.py --replay 3:41217         # rerun one input (seed:index)

Inputs start from the dev dumps (``fixtures/pages/*/*.txt``), the seeds and
their expected bodies, and some ``page.html`` files; each is cut to a random
slice and mutated (spans deleted, duplicated, moved; chrome phrases, odd
separators, random code points and long runs inserted; lines shuffled). About
four in five inputs are ``str`` (text mode): ``clean_articles`` must not raise
and, unless the text looks like HTML, must conserve every visible character
(``tests/conservation.py``). The rest are ``bytes`` in a random encoding with
flipped bytes: ``clean_article`` must not raise. Every input is rebuilt from
``(seed, index)``, so a failure prints what reproduces it.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from boilerstrip import clean_article, clean_articles  # noqa: E402
from boilerstrip.sniff import is_markup as looks_like_html  # noqa: E402
from tests.conservation import assert_conserved  # noqa: E402

CHROME = [
    "来源:", "来源：", "责编:", "[ 责编:邢彬 ]", "记者", "(chǎn)", "產", "• 开心", "0", "推荐阅读", "相关阅读",
    "2024-12-04 09:15", "正在阅读:", "首页> 新闻 > 正文", "[詳細]", "- ", "摄", "图片由", "提供", "讯(", ")",
    "(文/记者 杨帆 卢志民)", "。", ",", "，", "?!", "_", "\ufffd", "阅读剩余全文(", "加载更多", "版權聲明:",
    "ICP备", "[img]", "IFRAME: x", ";base64,AAAAAAAAAA", "____", ">>", "【点击下载】", "评论", "<p>", "<html>",
    "重庆日报讯(记者杨帆)", "新重庆-重庆日报记者 杨帆 卢志民", "责任编辑：刘响", "3小时前", "分享到", "【1】",
]
SEPARATORS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\x85", "\x0c", "\u3000", "\t", " ", ""]
ENCODINGS = ["utf-8", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-8-sig"]


def corpus() -> tuple[list[str], list[bytes]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "pages").glob("*/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "fixtures" / "seeds").glob("*.expected.json")):
        texts += [a["body"] for a in json.loads(path.read_text(encoding="utf-8"))["articles"]]
    htmls = [p.read_bytes() for p in sorted((ROOT / "fixtures" / "pages").glob("*/page.html"))]
    return texts, htmls


TEXTS, HTMLS = corpus()


def _random_piece(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        return rng.choice(CHROME)
    if kind < 0.7:
        return rng.choice(SEPARATORS)
    if kind < 0.85:
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x3000, 0x9FFF), rng.randrange(0, 0x110000)]))
                       for _ in range(rng.randrange(1, 12))).replace("\ud800", "")
    # A long run of one thing: punctuation, a fragment, a bullet line.
    return rng.choice(["，", "。", "-", "_", ">", "记者", "来源:", "(chǎn)", "• 赞\n", "0\n", "12:30\n"]) * rng.randrange(10, 2000)


def _mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randrange(1, 8)):
        n = len(text)
        a = rng.randrange(n + 1)
        b = min(n, a + rng.randrange(0, 400))
        op = rng.random()
        if op < 0.2:
            text = text[:a] + text[b:]  # delete
        elif op < 0.35:
            text = text[:b] + text[a:b] * rng.randrange(1, 4) + text[b:]  # duplicate
        elif op < 0.45:
            c = rng.randrange(len(text) + 1)
            piece, rest = text[a:b], text[:a] + text[b:]
            c = min(c, len(rest))
            text = rest[:c] + piece + rest[c:]  # move
        elif op < 0.85:
            text = text[:a] + _random_piece(rng) + text[a:]  # insert
        elif op < 0.95:
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)  # swap lines
        else:
            text = text.replace("\n", rng.choice(SEPARATORS))  # other line ends
    return text


def make_input(seed: int, index: int) -> str | bytes:
    rng = random.Random(seed * 1_000_003 + index)
    if rng.random() < 0.01:
        data = bytearray(rng.choice(HTMLS))
        for _ in range(rng.randrange(0, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    source = rng.choice(TEXTS)
    start = rng.randrange(len(source) + 1)
    text = _mutate(source[start : start + rng.choice([200, 1000, 3000, 10000])], rng)
    if rng.random() < 0.2:
        data = bytearray(text.encode(rng.choice(ENCODINGS), errors="replace"))
        for _ in range(rng.randrange(0, 8)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    return text


def check(seed: int, index: int) -> tuple[bool, str | None]:
    """Whether the input is text, and None when it passes, else what went wrong."""
    page = make_input(seed, index)
    try:
        if isinstance(page, bytes):
            clean_article(page)
            return False, None
        articles = clean_articles(page)
        if not looks_like_html(page):
            assert_conserved(page, articles)
        return True, None
    except Exception:  # noqa: BLE001 (reporting every failure is the point)
        return isinstance(page, str), traceback.format_exc(limit=4)


def _run(args: tuple[int, range]) -> tuple[int, int, int, list[tuple[int, str]]]:
    seed, indices = args
    texts = failures_count = 0
    failures = []
    for index in indices:
        is_text, error = check(seed, index)
        texts += is_text
        if error:
            failures_count += 1
            if len(failures) < 5:
                failures.append((index, error))
    return len(indices), texts, failures_count, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100_000, help="number of inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--replay", help="SEED:INDEX of one input to rerun")
    args = parser.parse_args()
    if args.replay:
        seed, index = map(int, args.replay.split(":"))
        print(repr(make_input(seed, index))[:2000])
        print(check(seed, index)[1] or "passes")
        return
    started = time.time()
    chunks = [(args.seed, range(k, min(args.n, k + 1000))) for k in range(0, args.n, 1000)]
    total = texts = failed = 0
    shown = 0
    with Pool(args.jobs) as pool:
        for done, n_texts, n_failed, failures in pool.imap_unordered(_run, chunks):
            total, texts, failed = total + done, texts + n_texts, failed + n_failed
            for index, error in failures:
                if shown < 10:
                    print(f"FAIL {args.seed}:{index}\n{error}", flush=True)
                    shown += 1
            if total % 10_000 == 0:
                print(f"{total} inputs, {failed} failures, {time.time() - started:.0f} s", flush=True)
    print(
        f"\n{total} inputs ({texts} text with conservation checked, {total - texts} bytes), "
        f"seed {args.seed}: {failed} failures, {time.time() - started:.0f} s"
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
