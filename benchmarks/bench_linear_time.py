"""Linear time: does 10x more input cost about 10x the time? (issue 6)

    python benchmarks/bench_linear_time.py                 # 0.5 MB and 5 MB
    python benchmarks/bench_linear_time.py --small 0.05 --large 0.5
    python benchmarks/bench_linear_time.py --shape timestamps

For each shape of hostile input (text, and HTML where the name says so),
``clean_articles`` runs on a page
of about SMALL and about LARGE megabytes (UTF-8) and the table shows the CPU
time per MB at both sizes and ``ratio`` = time(LARGE) / time(SMALL). Linear
time gives a ratio near LARGE / SMALL (10 by default); quadratic gives 100.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from boilerstrip import clean_articles  # noqa: E402

SEED = (ROOT / "fixtures" / "seeds" / "002_dabc6c0c243ffe8f.txt").read_text(encoding="utf-8")
PAGE = (ROOT / "fixtures" / "pages" / "163_1" / "w3m.txt").read_text(encoding="utf-8")


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated (and cut) to about ``size`` bytes of UTF-8."""
    text = unit * (size // len(unit.encode("utf-8")) + 1)
    return text[: int(len(text) * size / len(text.encode("utf-8")))]


def long_punct_lines(size: int) -> str:
    """Lines of 2,000 copies of one punctuation mark each."""
    marks = "，。-_>)】[:：…—!?·"
    unit = "".join(mark * 2_000 + "\n" for mark in marks)
    return _fill(unit, size)


def source_fragments(size: int) -> str:
    """``来源:`` / ``记者`` / ruby ``(chǎn)`` fragments repeated inside lines."""
    unit = "来源:" * 40 + "\n" + "记者" * 60 + "\n" + "產(chǎn)" * 30 + "\n" + "责编:记者来源:(chǎn)" * 20 + "\n"
    return _fill(unit, size)


def fragment_line(size: int) -> str:
    """One single line of ``来源:记者產(chǎn)`` repeated."""
    return _fill("来源:记者產(chǎn)", size)


def bullet_counts(size: int) -> str:
    """Thousands of bullet + count lines (a reaction widget gone wild)."""
    return _fill("• 开心\n0\n• 难过\n12\n• 赞 3\n4\n", size)


def timestamps(size: int) -> str:
    """Thousands of timestamp lines, some with a teaser above them."""
    return _fill("2024-12-04 09:15\n10:30\n某地发布新政策\n2024-12-04 09:16\n3小时前\n", size)


def single_line(size: int) -> str:
    """A real page with its newlines removed, repeated: one huge line."""
    return _fill(" ".join(SEED.split()) + " ", size)


def short_lines(size: int) -> str:
    """A real portal page repeated: many short lines (menus, feeds, prose)."""
    return _fill(PAGE + "\n", size)


def headline_lines(size: int) -> str:
    """Thousands of distinct headline-like lines (CJK, no punctuation) above
    one sentence: all of them open the article's headline block."""
    lines = ("".join(chr(0x4E00 + (k * 7919 + i * 104729) % 20000) for i in range(12)) for k in range(size // 37 + 1))
    text = "\n".join(lines)
    return _fill_to(text, size) + "\n这是正文的第一句话，内容很长很长很长很长很长很长很长很长。\n"


def regex_traps(size: int) -> str:
    """Lines that once made the line scan backtrack exponentially: many
    bracketed tokens, share targets with several readings, chained data URIs
    and long breadcrumbs, each spoilt at the end."""
    unit = (
        "[abc]" * 30 + "[\n" + "[img]" * 30 + "x\n" + "分享" + "微信朋友圈" * 30 + "。\n"
        + "a;base64,AAAAAAAAAAAAAAAAAAAA" * 30 + "!\n" + "首页 > " * 30 + "新闻>\n"
    )
    return _fill(unit, size)


def epaper_warnings(size: int) -> str:
    """An e-paper page of many short articles, each closed by a byline and
    each carrying a garbled span (a warning per article)."""
    unit = (
        "某地召开会议部署工作\n重庆日报讯(记者杨帆)会议指出，要落實“六?!比蝿眨_處理好各项工作，推动高质量发展取得新成效。\n"
        "会议强调，要坚持问题导向，抓好各项任务落实，确保取得实效。\n新重庆-重庆日报记者 杨帆 卢志民\n"
    )
    return _fill(unit, size)


def many_attributes(size: int) -> str:
    """HTML: one element with thousands of distinct attributes, then an article."""
    body = "<p>这是正文的一段话，讲述了事情的经过，内容足够长，像一篇文章的段落。</p>" * 20
    attributes = " ".join(f'data-a{k}="{k}"' for k in range(size // 16))
    return _fill_to(f"<html><head><title>标题</title></head><body><div {attributes}>x</div><h1>标题</h1>{body}</body></html>", size) + "</div></body></html>"


def deep_unclosed_scripts(size: int) -> str:
    """HTML: 300 nested divs, then unclosed ``<script>`` tags to the end."""
    head = "<html><body>" + "<div>" * 300 + "<p>正文。</p>"
    return head + _fill("<script>x", size - len(head))


def deep_links(size: int) -> str:
    """HTML: 240 nested divs holding many links and some prose."""
    unit = '<p>这是正文的一段话，内容足够长。<a href="/a">链接一</a><a href="/b">链接二</a></p>'
    return "<html><body>" + "<div>" * 240 + _fill(unit, size) + "</div>" * 240 + "</body></html>"


def _fill_to(text: str, size: int) -> str:
    return text[: int(len(text) * size / len(text.encode("utf-8")))]


SHAPES: dict[str, Callable[[int], str]] = {
    "long_punct_lines": long_punct_lines,
    "source_fragments": source_fragments,
    "fragment_line": fragment_line,
    "bullet_counts": bullet_counts,
    "timestamps": timestamps,
    "single_line": single_line,
    "short_lines": short_lines,
    "headline_lines": headline_lines,
    "regex_traps": regex_traps,
    "epaper_warnings": epaper_warnings,
    "many_attributes": many_attributes,
    "deep_unclosed_scripts": deep_unclosed_scripts,
    "deep_links": deep_links,
}
#: Shapes slow at any size (trafilatura's own link-density pass on deep
#: markup: linear, measured here, too slow for the test suite).
SLOW_SHAPES = frozenset({"deep_links"})


def seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        clean_articles(text)
        best = min(best, time.process_time() - started)
    return best


def measure(shape: Callable[[int], str], small: float, large: float) -> tuple[float, float, float]:
    """Seconds per MB at ``small`` and ``large`` MB, and the time ratio."""
    timings = []
    for mb in (small, large):
        text = shape(int(mb * 1e6))
        actual = len(text.encode("utf-8")) / 1e6
        t = seconds(text, runs=3 if mb < 1 else 1)
        timings.append((t, actual))
    (t_small, mb_small), (t_large, mb_large) = timings
    return t_small / mb_small, t_large / mb_large, t_large / t_small


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=float, default=0.5, help="MB")
    parser.add_argument("--large", type=float, default=5.0, help="MB")
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append")
    args = parser.parse_args()
    print(f"| shape | s/MB at {args.small:g} MB | s/MB at {args.large:g} MB | ratio (linear = {args.large / args.small:g}) |")
    print("|---|---|---|---|")
    for name in args.shape or SHAPES:
        per_small, per_large, ratio = measure(SHAPES[name], args.small, args.large)
        print(f"| {name} | {per_small:.3f} | {per_large:.3f} | {ratio:.1f} |", flush=True)


if __name__ == "__main__":
    main()
