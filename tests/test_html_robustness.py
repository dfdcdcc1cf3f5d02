"""HTML mode never crashes: deep, huge, binary, cut or mis-encoded input
gives a result (with a warning where something was given up)."""
import time

import pytest

from boilerstrip import Options, clean_article
from boilerstrip.markup import element_text, html_to_text, parse_html
from boilerstrip.text import text_lines

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"


def test_hundred_thousand_nested_divs():
    page = "<html><body>" + "<div>" * 100_000 + "深处的文字。" + "</div>" * 100_000 + "<p>正文在这里。</p></body></html>"
    article = clean_article(page)
    assert "正文在这里。" in article.body
    assert any("deeper" in w for w in article.warnings)


@pytest.mark.parametrize("divs, deep", [(250, False), (251, True), (300, True)])
def test_the_depth_probe_finds_the_level_libxml2_stops_at(divs, deep):
    """html (1) > body (2) > 251 divs reaches level 253, MAX_DEPTH - 2."""
    from boilerstrip.markup import MAX_DEPTH, nests_at_least

    root = parse_html("<html><body>" + "<div>" * divs + "字" + "</div>" * divs + "</body></html>")
    assert nests_at_least(root, MAX_DEPTH - 2) is deep


def test_iterative_walker_handles_any_depth():
    from lxml import etree

    root = etree.Element("div")
    node = root
    for _ in range(20_000):
        node = etree.SubElement(node, "div")
    node.text = "底部"
    assert element_text(root).strip() == "底部"


def test_large_page_is_trimmed_with_a_warning():
    options = Options(max_markup_chars=200_000, max_extractor_chars=100_000)
    page = "<html><body><h1>大页面标题</h1>" + "<p>这是一段正文内容，用来测试很大的页面。</p>" * 20_000 + "</body></html>"
    start = time.perf_counter()
    article = clean_article(page.encode("utf-8"), options=options)
    assert time.perf_counter() - start < 30
    assert article.body.startswith("这是一段正文内容") and len(article.body) < 200_000
    assert "only the first 200,000 were read" in " ".join(article.warnings)


def test_no_entity_expansion_or_network():
    page = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY ext SYSTEM "http://127.0.0.1:9/secret">]>'
        "<html><body><p>&b;&ext;正文。</p></body></html>"
    )
    text = html_to_text(page)
    assert "AAAAAAAAAA" not in text and "secret" not in text


@pytest.mark.parametrize(
    "page",
    [
        "<p>中文测试</p>".encode("utf-8")[:-2],
        ("<html><body><p>" + "中文" * 50).encode("gbk")[:-1],
        "<p>前面是UTF-8中文，".encode() + "后面是GBK。".encode("gbk") + "</p>".encode(),
        "<html><body><p>UTF-16 页面。</p></body></html>".encode("utf-16"),
        b"<html><body><p>NUL\x00 bytes\x00 here.</p></body></html>",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        b"",
        b"<html>",
        b"<<<>>>",
        "<html><body>\ud800</body></html>",
    ],
)
def test_edge_cases_never_raise(page):
    article = clean_article(page)
    # Either some text came out, or a warning says why nothing did.
    assert article.body or article.title or article.removed or article.warnings


def test_png_renamed_html_warns():
    article = clean_article(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert article.body == "" and any("PNG" in w for w in article.warnings)


def test_parse_html_of_empty_markup_is_none():
    assert parse_html("") is None


def test_every_element_of_our_parse_is_a_plain_html_element():
    """The element classes are chosen inside lxml, with no call back into
    Python: form controls too are ``HtmlElement``s (lxml.html's own lookup
    would make them ``InputElement`` and the like)."""
    from lxml import html

    root = parse_html("<html><body><form><label>搜索</label><input name='q'><select><option>新闻</option></select>"
                      "<textarea>留言</textarea></form><p>正文</p></body></html>")
    assert {type(element) for element in root.iter()} == {html.HtmlElement}
    assert root.find(".//p").text_content() == "正文"


#: What readability's adapted methods decide (a portal's shapes): divs of
#: inline text, a span holding a div, custom and prefixed tags (``<o:p>``
#: from Word, ``<pxyz>``, ``<divider>``, which its markup search takes for
#: block tags by their first letters), block tags' names inside text and
#: attribute values, unlikely classes and ids (one inside ``<pre>``, one
#: holding an ``<article>``), commas and white-space runs in paragraphs.
MISUSED_DIVS = (
    "<html><body><div id='header'>首页 新闻</div><div class='sidebar-menu'>推荐 <a href='/r'>阅读</a></div>"
    "<div class='comment'><article><p>评论区里的文章，内容足够长，像一篇文章的段落，有逗号，也有句号。</p></article></div>"
    "<pre><span class='footer'>代码 &lt;div&gt; 里的文字</span></pre>"
    "<div class='content'><div>第一段，没有块元素的div，讲述了事情的经过，内容足够长，像一篇文章。<b>加粗</b>"
    "<span>行内<div>藏在span里的div，内容足够长，像一篇文章的段落，有逗号。</div></span>尾巴文字，也够长。</div>"
    "<div title='<p>属性里的p'>第二段，\t\t逗号，  逗号，\n\n 讲述了事情的经过，内容足够长，像一篇文章。<o:p></o:p></div>"
    "<div><span>带<pxyz>自定义标签</pxyz>的段落，内容足够长，像一篇文章的段落，有逗号。</span><br>换行后的文字，也足够长，像一段。</div>"
    "<div><i>斜体<divider>分隔</divider></i>文本 &lt;p&gt; 与 &lt;table&gt; 只是文字，内容足够长，像一篇文章的段落。</div>"
    + "<p>这是正文的一段话，讲述了事情的经过，内容足够长，像一篇文章的段落，有逗号，有句号。</p>" * 4
    + "</div><div id='footer'>版权所有</div></body></html>"
)


def test_readabilitys_adapted_methods_are_in_force():
    """The installed readability's methods are the ones adapted in
    ``readability_doc`` (a new readability fails this: review the adapted
    methods against its code, then update their digests)."""
    from readability import Document

    from boilerstrip.readability_doc import _ADAPTED, adapted_methods, text_document_class

    assert adapted_methods(Document) == list(_ADAPTED)
    assert all(name in vars(text_document_class()) for name in _ADAPTED)


def test_holding_blocks_is_readabilitys_markup_search():
    """Whether an element holds a block element, looked up, equals
    readability's search of the element's children's markup for every
    element of the dev pages and of a page of corner cases."""
    from lxml.etree import tostring
    from readability.readability import REGEXES

    from boilerstrip.decode import decode
    from boilerstrip.readability_doc import holding_blocks

    pattern = REGEXES["divToPElementsRe"]
    pages = [MISUSED_DIVS] + [decode(path.read_bytes())[0] for path in sorted(PAGES.glob("*/page.html"))]
    checked = 0
    for page in pages:
        root = parse_html(page)
        holding = holding_blocks(root, pattern)
        for element in root.iter():
            searched = bool(pattern.search(str(b"".join(tostring(child, encoding="utf-8") for child in element))))
            assert (element in holding) == searched, tostring(element)[:200]
            checked += 1
    assert checked > 25_000


def test_readability_on_our_parse_gives_the_stock_summary():
    """readability reads a copy of our parse, with its own cleaner minus
    link rewriting and a remembered link density: the text of its summary
    is the stock ``Document``'s on every dev page (and on the page with a
    ``javascript:`` link the stock cleaner rewrites)."""
    from readability import Document

    from boilerstrip.candidates import _readability_lines
    from boilerstrip.decode import decode
    from boilerstrip.markup import prepare_markup

    javascript_link = (
        "<html><body><div class='nav'><a href='javascript:void(0)' onclick='x()'>菜单</a></div>"
        "<div class='article'>" + "<p>这是正文的一段话，讲述了事情的经过，内容足够长，像一篇文章的段落。<a href='/a'>链接</a></p>" * 6
        + "</div><div class='footer'>版权所有</div></body></html>"
    )
    # Form controls are plain HtmlElements in our parse, classes of their own in readability's.
    form = javascript_link.replace(
        "<div class='footer'>", "<form action='/s'><label>搜索</label><input name='q' value='关键词'>"
        "<select><option>新闻</option></select><textarea>留言</textarea></form><div class='footer'>"
    )
    pages = [javascript_link, form, MISUSED_DIVS] + [decode(path.read_bytes())[0] for path in sorted(PAGES.glob("*/page.html"))]
    assert len(pages) == 25
    for page in pages:
        markup, _ = prepare_markup(page, 10**8)
        ours = _readability_lines(parse_html(markup))
        stock = text_lines(text_of(Document(markup).summary(html_partial=True)))
        assert ours == stock and ours


def test_remembered_link_density_is_readabilitys():
    """Every element's link density, remembered by text, equals the stock
    ``get_link_density`` (a page whose texts have runs of spaces, tabs and
    newlines, and a run of 300 spaces and no-break spaces)."""
    from readability import Document

    from boilerstrip.readability_doc import text_document_class

    page = (PAGES / "people_1" / "page.html").read_bytes().decode("utf-8")
    page = page.replace("<body>", "<body><div><a href='/x'>链接" + " \u00a0" * 150 + "尾</a> 文字\t\t两 个</div>", 1)
    ours = text_document_class()(parse_html(page))
    stock = Document(page)
    elements = list(ours._html(True).iter("div", "p", "a", "td", "ul", "li", "span"))
    assert len(elements) > 200
    assert [ours.get_link_density(e) for e in elements] == [Document.get_link_density(stock, e) for e in elements]


def test_cleaned_length_is_readabilitys():
    """The length of readability's ``clean`` counted from the runs of white
    space: the same on 20,000 seeded strings of letters and every kind of
    white space (runs of tabs, of newlines, of no-break and ideographic
    spaces, of the separators ``str.isspace`` knows, runs over 255), and on
    the dev pages' texts."""
    import random

    from readability.readability import clean

    from boilerstrip.readability_doc import cleaned_length

    rng = random.Random(7)
    alphabet = ["a", "中", " ", " ", "\t", "\n", "\n", "\xa0", "\u3000", "\r", "\x0b", "\x1f", "\x85", "\u2028"]
    texts = []
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.05:
            spaces = rng.choice([" \n\t\xa0", " \t\xa0\u3000", " "])  # with and without a newline
            text = text[:9] + "".join(rng.choice(spaces) for _ in range(rng.randint(250, 300))) + text[9:]
        texts.append(text)
    # Runs either side of 255 without a newline (``\s{255,}`` shortens them, then the tab step).
    texts += [f"a{(' ' + chr(9) + chr(0xA0)) * 86}"[: n + 1] + "b" for n in (253, 254, 255, 256)]
    texts += [parse_html(path.read_text(encoding="utf-8", errors="replace")).text_content() for path in sorted(PAGES.glob("*/page.html"))[:5]]
    assert [cleaned_length(text) for text in texts] == [len(clean(text)) for text in texts]


def text_of(fragment: str) -> str:
    return element_text(parse_html("<html><body>" + fragment + "</body></html>"))


def test_a_huge_text_is_cleaned_a_block_at_a_time():
    """Past ``Options.block_chars`` a text is cleaned in blocks that end at a
    blank line: memory stays bounded, line numbers count the whole input,
    and nothing is lost."""
    from boilerstrip import clean_articles

    from .conservation import assert_conserved

    page = (FIXTURES / "pages" / "163_1" / "w3m.txt").read_text(encoding="utf-8")
    text = "\n\n".join([page] * 6)
    options = Options(block_chars=len(page) * 2)
    articles = clean_articles(text, options=options)
    assert_conserved(text, articles)
    assert len(articles) >= 2 and any("cleaned in" in w for w in articles[0].warnings)
    lines = text.splitlines()
    for article in articles:
        for piece in article.removed:
            assert piece.text.split()[0] in lines[piece.line - 1]


def test_the_lead_article_of_a_huge_text_is_found_in_its_first_blocks():
    """``clean_article`` stops at the first block that holds an article
    (an article never spans two blocks): the same lead article as
    ``clean_articles`` gives, without cleaning the rest."""
    from boilerstrip import clean, clean_article, clean_articles

    page = (FIXTURES / "pages" / "163_1" / "w3m.txt").read_text(encoding="utf-8")
    text = "\n\n".join([page] * 6)
    options = Options(block_chars=len(page) * 2)
    every = clean_articles(text, options=options)
    assert clean_article(text, options=options) == every[0]
    lead = clean(text, options, lead_only=True)
    assert 1 <= len(lead.articles) < len(every)


def test_a_huge_text_in_bytes_gives_what_the_same_text_gives():
    # From bytes the decoded text is cut into its blocks and let go (memory);
    # the articles are those of the same text given as a str.
    from boilerstrip import clean_articles

    page = (FIXTURES / "pages" / "163_1" / "w3m.txt").read_text(encoding="utf-8")
    text = "\n\n".join([page] * 6)
    options = Options(block_chars=len(page) * 2)
    assert clean_articles(text.encode("gb18030"), options=options) == clean_articles(text, options=options)
