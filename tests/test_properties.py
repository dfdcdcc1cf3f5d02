"""Properties over any input (issue 6), beyond ``test_conservation.py``:
arbitrary text and bytes never raise, text is conserved, results are
deterministic, and a clean article's body survives a second cleaning whole."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilerstrip import clean_article, clean_articles
import pytest

from boilerstrip import RuleSet
from boilerstrip.detectors import compiled
from boilerstrip.detectors.base import LineDetector, LineScanner
from boilerstrip.lines import TEXT, split_lines

from .conftest import SEED_NAMES, SEEDS, seed_text
from .conservation import assert_conserved, cleaned_and_conserved

settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")

SEED_LINES = [line for name in SEED_NAMES for line in seed_text(name).splitlines()]
BODIES = [
    article["body"].split("\n\n")
    for path in sorted(SEEDS.glob("*.expected.json"))
    for article in json.loads(path.read_text(encoding="utf-8"))["articles"]
]
# Line and paragraph separators str.splitlines() knows, and other odd spacing.
SEPARATORS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\u3000", "\t", " ", ""]


@given(st.text(max_size=3000))
@settings(max_examples=300)
def test_any_text_never_raises_and_is_conserved(text):
    cleaned_and_conserved(text)


@given(st.lists(st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(SEPARATORS), st.text(max_size=6)), max_size=60))
@settings(max_examples=200)
def test_seed_lines_with_odd_separators_are_conserved(parts):
    cleaned_and_conserved("".join(parts))


@st.composite
def encoded_seed_bytes(draw):
    """A slice of a seed in a Chinese encoding, with a few bytes flipped."""
    text = seed_text(draw(st.sampled_from(SEED_NAMES)))
    start = draw(st.integers(0, len(text)))
    piece = text[start : start + draw(st.integers(0, 1500))]
    data = bytearray(piece.encode(draw(st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"])), errors="replace"))
    for _ in range(draw(st.integers(0, 6))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


@given(st.one_of(encoded_seed_bytes(), st.binary(max_size=3000)))
@settings(max_examples=200)
def test_any_bytes_never_raise(data):
    article = clean_article(data)
    # Either some text came out, or a warning says why nothing did.
    assert article.body or article.title or article.captions or article.removed or article.warnings


@given(st.one_of(st.text(max_size=1500), st.lists(st.sampled_from(SEED_LINES), max_size=40).map("\n".join)))
@settings(max_examples=100)
def test_results_are_deterministic_for_any_text(text):
    first = [a.to_dict() for a in clean_articles(text)]
    assert [a.to_dict() for a in clean_articles(text)] == first


@given(st.sampled_from(BODIES), st.data())
@settings(max_examples=150)
def test_a_clean_body_loses_nothing_when_cleaned_again(paragraphs, data):
    """Any run of paragraphs of an expected seed body, cleaned again, comes
    back as body text: nothing removed, nothing set aside as a caption."""
    i = data.draw(st.integers(0, len(paragraphs) - 1))
    j = data.draw(st.integers(i + 1, len(paragraphs)))
    text = "\n\n".join(paragraphs[i:j])
    articles = clean_articles(text)
    assert [r for a in articles for r in a.removed] == []
    assert [c for a in articles for c in a.captions] == []
    assert_conserved(text, articles)


def test_every_expected_body_is_a_fixed_point():
    for paragraphs in BODIES:
        body = "\n\n".join(paragraphs)
        (article,) = clean_articles(body)
        assert article.body == body and not article.removed and not article.captions


# Pieces of the line detectors' phrases and markers, to build near-misses.
DETECTOR_PIECES = [
    "分享", "微信", "朋友圈", "微信朋友圈", "QQ", "qQ", "，", "/", "|", "：", ">", ">>", "›", "»", "＞", " ", "、", "首页",
    "[", "]", "[img]", "[IMG]", "[abc]", "[a:b]", "data:", ";base64,", ";BASE64,", "AAAAAAAA", "____", "【1】",
    "本站", "版权所有", "如有侵权", "ICP备", "icp证", "京ICP", "评论", "3条评论", "下载", "安装", "APP", "客户端", "【点击下载】",
    "点击进入", "摄", "记者", "张三", "供图", "截图", "(视觉中国)", "（资料图）", "图片来源", "▲", "。", "…", "标签",
    "更多", "展开全文", "原标题：", "正在阅读:", "\ufffd", "-", "•", "*", "T", "+", "A", "x", "中",
]


FULL = compiled(RuleSet.default()).scanner.full_expression()


@given(st.lists(st.lists(st.sampled_from(DETECTOR_PIECES), min_size=1, max_size=5).map("".join), max_size=40))
@settings(max_examples=200)
def test_the_cued_scan_equals_one_full_match_per_line(lines):
    """The line scan tries ``contains`` alternatives only on lines with a cue;
    that must never change what a line is: every line gets what the full
    expression of all detectors says (first match wins, within its length)."""
    scanner = compiled(RuleSet.default()).scanner
    page = split_lines("\n".join(lines))
    expected = []
    for line in page.lines:
        match = FULL.fullmatch(line.text) if line.role == TEXT and len(line.text) <= scanner.max_length else None
        detector = match and scanner.by_name[match.lastgroup]
        expected.append(detector.name if detector and len(line.text) <= detector.max_length else None)
    assert [line.detector for line in scanner.scan(page.lines)] == expected


def test_a_detector_with_contains_needs_a_cue():
    class NoCue(LineDetector):
        name = "no_cue"
        contains = ".{0,20}?广告.{0,20}"

    with pytest.raises(ValueError, match="needs a ``cue``"):
        LineScanner([NoCue])
