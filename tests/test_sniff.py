"""Markup or text: markup is recognised wherever it starts, and text that
mentions a tag stays text (and is conserved)."""
import time

import pytest

from boilerstrip import clean_article
from boilerstrip.decode import decode
from boilerstrip.sniff import is_markup

from .conftest import FIXTURES, seed_text
from .conservation import cleaned_and_conserved

PAGE = decode((FIXTURES / "pages" / "xinhuanet_1" / "page.html").read_bytes())[0]
PARAGRAPH = "今年的6月16日是父亲节。每当诵读那些关于父亲的古诗词，许多人的心中都会涌起一种深沉而又温暖的情感。"


@pytest.mark.parametrize("before", [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    "\ufeff",
    "\n\n  <!-- saved by a crawler -->\n",
    '<?xml version="1.0"?><!-- a --><!-- b -->',
])
def test_a_page_after_a_prologue_is_cleaned_as_html(before):
    bare = clean_article(PAGE)
    article = clean_article(before + PAGE)
    assert is_markup(before + PAGE)
    assert (article.title, article.body) == (bare.title, bare.body) and bare.title


@pytest.mark.parametrize("name", ["ia_c25d25c2", "ia_ebe9df29"])
def test_a_crawler_wrapper_element_around_the_page(name):
    """``<text id=… encoding="gb2312">`` around the page: HTML, not text
    with its tags in the body."""
    data = (FIXTURES / "thirdparty" / name / "page.html").read_bytes()
    assert data.startswith(b"<text id=")
    assert is_markup(decode(data)[0])
    article = clean_article(data)
    assert article.title and "<" not in article.title and "</" not in article.body and len(article.body) > 500


@pytest.mark.parametrize("fragment", [
    f"<div><p>{PARAGRAPH}</p><p>第二段。</p></div>",
    f"<p>{PARAGRAPH}</p>",
    f'<section class="article">\n<p>{PARAGRAPH}</p>\n</section>',
    f"<font face=宋体>{PARAGRAPH}</font>",
    f"{PARAGRAPH}<br>第二段。<br>第三段。</p><p>第四段。</p><p>第五段。</p>",
])
def test_a_fragment_is_html(fragment):
    assert is_markup(fragment)
    assert "<" not in clean_article(fragment).body and PARAGRAPH in clean_article(fragment).body


@pytest.mark.parametrize("text", [
    "当 x<a 时，需求上升。\n" * 5 + "这是正文的最后一段，内容完整，不能丢失。\n",
    "网页的段落写在 <p> 标签里，标题写在 <h1> 标签里。\n" + PARAGRAPH + "\n",
    "若 a<b 且 c>d，则结论成立。\n" + PARAGRAPH + "\n",
    "<<返回首页\n" + PARAGRAPH + "\n下一页>>\n",
    "x<a and y>b, then " + PARAGRAPH,
    seed_text("000_6ceb450048dfa4e8"),
])
def test_text_that_mentions_a_tag_stays_text_and_is_conserved(text):
    assert not is_markup(text)
    articles = cleaned_and_conserved(text)
    last = "这是正文的最后一段，内容完整，不能丢失。"
    assert last not in text or last in [a.body for a in articles]


def test_every_text_dump_is_text():
    for path in sorted((FIXTURES / "pages").glob("*/*.txt")):
        assert not is_markup(path.read_text(encoding="utf-8")), path


def test_every_page_is_markup():
    for path in sorted((FIXTURES / "pages").glob("*/page.html")) + sorted((FIXTURES / "thirdparty").glob("*/page.html")):
        assert is_markup(decode(path.read_bytes())[0]), path


@pytest.mark.parametrize("unit", ["<a ", "<p title=\"x ", "<div class=a b=c d=e ", "<!--", "<?x ", "x<a 时，", "<a\n" * 3])
def test_hostile_text_is_sniffed_fast(unit):
    text = unit * (1_000_000 // len(unit))
    started = time.process_time()
    is_markup(text)
    assert time.process_time() - started < 0.5
