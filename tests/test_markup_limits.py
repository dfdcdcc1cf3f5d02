"""Markup at libxml2's limits: a text node over 10 MB must not cut the page
(libxml2 without huge-tree mode stops there and drops the rest), and
stripping scripts and comments is linear even when they are never closed."""
import re
import time
from pathlib import Path

import pytest

from boilerstrip import clean_article
from boilerstrip.markup import cut_text_nodes, strip_bulky
from boilerstrip.markup import prepare_markup as _prepare
from boilerstrip.options import DEFAULT
from boilerstrip.sniff import is_markup

from .conftest import FIXTURES


def prepare_markup(markup: str):
    return _prepare(markup, DEFAULT.max_markup_chars)

ARTICLE = "<h1>大页面的标题在这里</h1>" + "<p>这是一段正文内容，用来测试很大的页面会不会被截断。</p>" * 30


def test_a_text_node_over_10_mb_is_cut_and_the_rest_of_the_page_kept():
    huge = "中" * 3_500_000  # 10.5 MB of UTF-8
    article = clean_article(f"<html><body><p>{huge}</p>{ARTICLE}</body></html>")
    assert article.body.endswith("这是一段正文内容，用来测试很大的页面会不会被截断。")
    assert "a text of 3,500,000 characters in <p> was cut to its first 1,000,000" in article.warnings


@pytest.mark.parametrize("tag,warning", [
    ("script", "a <script> of 3,000 characters was skipped"),
    ("style", "a <style> of 3,000 characters was skipped"),
    ("textarea", "a text of 3,000 characters in <textarea> was cut to its first 1,000"),
    ("div", "a text of 3,000 characters in <div> was cut to its first 1,000"),
])
def test_long_text_nodes_are_cut_with_a_warning(tag, warning):
    warnings = []
    markup = cut_text_nodes(f'<html><body><{tag} class="x">{"字" * 3_000}</{tag}>{ARTICLE}</body></html>', warnings, limit=1_000)
    assert warnings == [warning]
    assert markup.endswith(ARTICLE + "</body></html>")
    assert max((len(run) for run in re.findall("字+", markup)), default=0) <= 1_000


def test_an_unclosed_script_is_cut_to_the_end():
    markup, warnings = prepare_markup("<html><body><p>正文。</p><script>" + "x" * 1_500_000)
    assert markup == "<html><body><p>正文。</p><script>" and warnings == ["a <script> of 1,500,000 characters was skipped"]


def test_strip_bulky_removes_what_the_old_pattern_did():
    markup = (
        '<p>甲</p><script type="x">var a = "<p>";</script><style>p{}</style><!-- 注释 --><svg><g/></svg>'
        '<img src="data:image/png;base64,' + "A" * 300 + '"><img src="data:image/png;base64,AAAA"><p>乙</p>'
    )
    assert strip_bulky(markup) == '<p>甲</p>    <img  ><img src="data:image/png;base64,AAAA"><p>乙</p>'
    assert strip_bulky("<p>甲</p><script>never closed<p>乙</p>") == "<p>甲</p><script>never closed<p>乙</p>"


@pytest.mark.parametrize("unit", ["<script>x", "<style>", "<svg ", "<!--", ' src="data:', "<p>中</p>"])
def test_strip_bulky_is_linear(unit):
    def seconds(count: int) -> float:
        started = time.process_time()
        strip_bulky(unit * count)
        return time.process_time() - started

    small, large = seconds(5_000), seconds(50_000)
    assert large < 30 * max(small, 0.002), (small, large)


@pytest.mark.parametrize("broken", ["</scr\ufffdpt>", "\ufffd/script>", "</script\ufffd"])
def test_an_end_tag_broken_by_an_invalid_byte_still_ends_its_element(broken):
    markup, warnings = prepare_markup(f"<html><body><script>var a = 1;{broken}{ARTICLE}</body></html>")
    assert f"<script>var a = 1;</script>{ARTICLE}" in markup
    assert warnings == ["1 markup character(s) lost to invalid bytes read from the tags around them"]


# Tags of real pages (fixtures/pages, fixtures/thirdparty) with one byte lost.
@pytest.mark.parametrize(
    "broken, read",
    [
        ("二、报考条件：<br\ufffd\n   1、热爱祖国，", "二、报考条件：<br>\n   1、热爱祖国，"),
        ('<script language=javascript src="js/list.js"\ufffd</script></div>', '<script language=javascript src="js/list.js"></script></div>'),
        ('<p><img data-image="%7B%22mime%22%3A%22%22%7D\ufffd></p><p>这也能看出当前英国的底色。 </p>', '<p><img data-image="%7B%22mime%22%3A%22%22%7D"></p><p>这也能看出当前英国的底色。 </p>'),
        ('<span class="mw-editsection-bracket\ufffd>]</span>', '<span class="mw-editsection-bracket">]</span>'),
        ('<td background\ufffd"/skins/default/jc05.gif" width="7%">', '<td background="/skins/default/jc05.gif" width="7%">'),
        ('控制面板</font></a> | \ufffda href="http://web.wenxuecity.com/BBSList.php?SubID=origin">', '控制面板</font></a> | <a href="http://web.wenxuecity.com/BBSList.php?SubID=origin">'),
        ('</title>\n<\ufffdeta name="description" content="1月20日">', '</title>\n<meta name="description" content="1月20日">'),
        ('<\ufffdtitle>\n<meta name="keywords" content="棱镜">', '</title>\n<meta name="keywords" content="棱镜">'),
        ('</span> <span\ufffdclass="reference-text">', '</span> <span class="reference-text">'),
        ('<b>兩性</b></a><a\ufffd href=index.asp?boardid=57><b>健康</b>', '<b>兩性</b></a><a  href=index.asp?boardid=57><b>健康</b>'),
        ('</div></div></div></div>\ufffd/div></div>', '</div></div></div></div></div></div>'),
        ("<!-- 正文页画中画 begin \ufffd->，还 在 香港时，他就为", "<!-- 正文页画中画 begin -->，还 在 香港时，他就为"),
        ('(<a target=_blank href="Jas_5.php?section=13#13">雅 5:13</\ufffd>)<br>', '(<a target=_blank href="Jas_5.php?section=13#13">雅 5:13</a>)<br>'),
        ('<td class="zly_xxgk_20170120l1">分&nbsp;&nb\ufffdp;类：</td>', '<td class="zly_xxgk_20170120l1">分&nbsp;&nbsp;类：</td>'),
        ("<td>标&nbsp;&nbsp\ufffd&nbsp;题：</td>", "<td>标&nbsp;&nbsp;&nbsp;题：</td>"),
        ('<table width="100%">\n\t\t\t\t<t\ufffd>\n\t\t\t\t  <td class="post-body">正文</td></tr>', '<table width="100%">\n\t\t\t\t<tr>\n\t\t\t\t  <td class="post-body">正文</td></tr>'),
        ('<font color="#990000">发表评论 >>></font></a>\n</td>\n\t\ufffd\t\t</tr>', '<font color="#990000">发表评论 >>></font></a>\n</td>\n\t \t\t</tr>'),
    ],
)
def test_a_markup_character_lost_to_an_invalid_byte_is_read_from_its_tag(broken, read):
    markup, warnings = prepare_markup(broken)
    assert markup == read
    assert warnings == ["1 markup character(s) lost to invalid bytes read from the tags around them"]


@pytest.mark.parametrize(
    "kept",
    [
        '<img src=images/face2/0.gi\ufffd height="22">',  # a letter of an unquoted value
        '<td background="/skins/default/jc05.gif" width="7%" height="20" styl\ufffd="font-size:9pt">',  # of a name
        '<img src="x.gif" \ufffdlt="" />',  # the first letter of a name
        "<p>这是正文\ufffd的一段。</p>",  # text
        "<p>当 x\ufffda 时，需求上升。</p>",  # text: not a tag of a known element after it
        "<p>&\ufffdt;</p>",  # &gt; or &lt;: no telling
    ],
)
def test_a_lost_character_that_is_not_plainly_markup_stays_u_fffd(kept):
    assert prepare_markup(kept) == (kept, [])


def test_a_page_with_a_broken_script_end_tag_cleans_like_the_whole_page():
    page = f"<html><head><title>标题</title></head><body><script>var a = 1;</script>{ARTICLE}</body></html>"
    data = bytearray(page.encode("gbk"))
    data[data.index(b"</script>") + 4] = 0xFF
    assert clean_article(bytes(data)).body == clean_article(page).body != ""


def test_an_element_with_thousands_of_attributes_keeps_a_few():
    """libxml2 checks each attribute against the earlier ones (quadratic)."""
    attributes = " ".join(f'data-a{k}="{k}"' for k in range(20_000))
    article = clean_article(f"<html><body><div {attributes}>x</div>{ARTICLE}</body></html>")
    assert article.body.endswith("这是一段正文内容，用来测试很大的页面会不会被截断。")
    assert "19,744 attributes of an element were dropped (too many or too long to parse)" in article.warnings


def test_the_long_tag_look_ahead_finds_what_the_pattern_alone_finds():
    """Tags around 4,000 characters with names of every length (a shorter
    name leaves more to the attributes, so ``<div`` + 3,998 matches as
    ``d``), touching or not, and the dev pages: the same matches and groups."""
    import random

    from boilerstrip.markup import _LONG_TAG

    alone = re.compile(r"<([A-Za-z][A-Za-z0-9:_-]{0,30})([^<>]{4000,})")
    rng = random.Random(13)
    pieces = []
    for _ in range(400):
        name = rng.choice("abcdefgh") + "".join(rng.choice("ab9:_-") for _ in range(rng.randrange(0, 40)))
        rest = "".join(rng.choice(' x="1"') for _ in range(rng.randrange(3950, 4060)))
        pieces.append(rng.choice(["<", "<<", "x<", "<1"]) + name + rest + rng.choice([">", "<", "", ">text"]))
    pages = ["".join(pieces)] + [path.read_text(encoding="utf-8", errors="replace") for path in sorted(FIXTURES.glob("pages/*/page.html"))]
    matched = 0
    for page in pages:
        ours = [(m.span(), m.groups()) for m in _LONG_TAG.finditer(page)]
        assert ours == [(m.span(), m.groups()) for m in alone.finditer(page)]
        matched += len(ours)
    assert matched > 100


def test_an_attribute_over_libxml2s_limit_is_dropped_not_the_page():
    article = clean_article(f'<html><body><div data-x="{"A" * 11_000_000}">x</div>{ARTICLE}</body></html>')
    assert article.body.endswith("这是一段正文内容，用来测试很大的页面会不会被截断。")


def test_a_slideshow_with_a_byte_lost_in_its_script_loses_one_character():
    """toutiao_2 keeps its slides' text as a JSON array inside a script
    string; a broken ``\\u5f3a`` escape is the one character it spells."""
    raw = (Path(__file__).resolve().parent.parent / "fixtures/pages/toutiao_2/page.html").read_bytes()
    at = raw.index(b"\\\\u5f3a\\\\u529b") + 4
    body, broken = clean_article(raw).body, clean_article(raw[:at] + b"\xff" + raw[at + 1 :]).body
    assert [(a, b) for a, b in zip(body, broken) if a != b] == [("强", "\ufffd")]
    assert len(body) == len(broken) == 1011


@pytest.mark.parametrize("offset", [1, 3])  # the quote of \" (\?,\"), the backslash of the next (\",?")
def test_a_slideshow_whose_escaped_quote_lost_a_byte_keeps_every_slide(offset):
    """In toutiao_2's script the slides are ``[\"…\",\"…\"]``, an array
    inside a string: an invalid byte on the quote or the backslash of one of
    its escaped quotes made the array unreadable (1,011 -> 260 characters)."""
    raw = (Path(__file__).resolve().parent.parent / "fixtures/pages/toutiao_2/page.html").read_bytes()
    at = raw.index(b'\\",\\"', raw.index(b"sub_abstracts")) + offset
    assert clean_article(raw[:at] + b"\xff" + raw[at + 1 :]).body == clean_article(raw).body


def test_a_page_of_broken_bytes_is_mended_in_bounded_time():
    started = time.process_time()
    prepare_markup("中\ufffd" * 200_000 + '<a href="x" \ufffd' * 20_000)
    assert time.process_time() - started < 1.0


def test_a_page_whose_first_tag_lost_a_byte_is_still_markup():
    """sina_2 in UTF-16 with the ``h`` of ``<html>`` broken, scripts first."""
    page = '<\ufffdtml><head><meta charset="utf-16le"><script type="text/javascript">' + "var a = 1;" * 600
    page += "</script></head><body><h1>标题</h1><p>这是一段正文内容，用来测试很大的页面会不会被截断。</p></body></html>"
    assert is_markup(page)
    assert clean_article(page).body == "这是一段正文内容，用来测试很大的页面会不会被截断。"
