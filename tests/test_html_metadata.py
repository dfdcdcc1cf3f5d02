"""HTML mode: metadata from the page's markup, and how the two content
candidates are combined (kinds of layout, each from a real page shape)."""
import json
import re

from boilerstrip import Options, clean_article
from boilerstrip.candidates import choose
from boilerstrip.markup import element_text, parse_html
from boilerstrip.metadata import html_evidence, html_title, resolve
from boilerstrip.text import text_lines

from .conftest import FIXTURES

BODY = "<p>" + "正文第一段，写的是这件事情的来龙去脉，很长的一段话，足够像一段正文。" * 2 + "</p>"


def _meta(markup: str) -> dict:
    """Metadata of ``markup``, with a ``<title>`` made of its first heading
    and a site suffix (as every real page has)."""
    heading = re.search(r"<h[12][^>]*>(?:<span>[^<]*</span>)?([^<]+)</h", markup)
    if heading and "<title>" not in markup:
        markup = markup.replace("<html>", f"<html><title>{heading.group(1)}_新闻网</title>", 1)
    root = parse_html(markup)
    title, element = html_title(root)
    meta = resolve(html_evidence(root, None, title, element, Options()))
    return {**meta, "title": title, "authors": list(meta["authors"])}


def test_line_break_in_markup_text_is_a_space():
    root = parse_html("<html><body><span>责任编辑：\n\t尹世杰</span><pre>第一行\n第二行</pre></body></html>")
    assert text_lines(element_text(root)) == ["责任编辑： 尹世杰", "第一行", "第二行"]


def test_date_without_a_year_takes_the_year_of_the_pages_own_date():
    page = (
        '<html><head><meta itemprop="dateUpdate" content="2019-10-08 12:00:57"></head><body>'
        "<h2>英国美女转行当美人鱼</h2><div class='article-source'><span class='date'>发布时间：10-08</span>"
        f"<span class='time'>12:00</span><span>优质原创作者</span></div>{BODY}</body></html>"
    )
    meta = _meta(page)
    assert meta["date"] == "2019-10-08T12:00"  # the precision the page prints
    assert meta["source"] is None  # date, time and a badge glued: no source


def test_date_without_a_year_is_not_completed_from_a_different_day():
    page = (
        '<html><head><meta itemprop="dateUpdate" content="2019-10-09 08:00:00"></head><body>'
        f"<h2>英国美女转行当美人鱼</h2><div><span class='date'>发布时间：10-08 12:00</span></div>{BODY}</body></html>"
    )
    assert _meta(page)["date"] is None  # never guessed


def test_account_named_by_the_lead_dateline_is_the_source():
    page = (
        "<html><body><h2>日本最后一家传呼机公司停止服务</h2><p class='author-name'>IT之家</p>"
        "<p>IT之家9月30日消息 据外媒报道，9月30日，日本现存的唯一一家提供传呼机服务的营运商将正式终止服务，用户数一度超1000万人。</p>"
        "</body></html>"
    )
    meta = _meta(page)
    assert meta["source"] == "IT之家" and meta["authors"] == []


def test_account_under_the_title_is_the_author():
    page = (
        "<html><body><h2 class='title'><span>原创</span>最不愁吃肉的国家：顿顿有肉吃</h2>"
        f"<a class='media-user'><span>去驴行</span></a><div class='subscribe'>关注</div>{BODY}"
        "<a class='footer-bar-action source'>别的账号 ⋅</a></body></html>"
    )
    meta = _meta(page)
    assert meta["authors"] == ["去驴行"]


def test_labelled_editor_in_an_author_slot_is_no_author():
    page = f"<html><body><h1>标题在这里</h1>{BODY}<p class='show_author'>责任编辑：张迪 </p></body></html>"
    meta = _meta(page)
    assert meta["authors"] == [] and meta["editor"] == "张迪"


def test_follow_button_in_an_author_card_is_no_name():
    page = f"<html><body><h1>标题在这里</h1><div class='author'><div class='name'>去驴行</div><div>关注</div></div>{BODY}</body></html>"
    assert _meta(page)["authors"] == ["去驴行"]


def test_government_publishing_account_is_the_outlet_not_an_author():
    page = f"<html><body><h1>标题在这里</h1><div class='author'><div class='name'>中国广州发布</div><div>关注</div></div>{BODY}</body></html>"
    meta = _meta(page)
    assert meta["authors"] == [] and meta["source"] == "中国广州发布"


def test_source_element_inside_a_glued_line():
    page = (
        "<html><body><h1>棱镜|数据业大整顿</h1><div><span class='a_catalog'><a>金融市场</a></span>"
        f"<span class='a_source'>棱镜</span><span class='a_time'>2019-09-23 07:48</span></div>{BODY}</body></html>"
    )
    # The line reads ``金融市场棱镜2019-09-23 07:48`` (column + outlet glued):
    # the element the page marks as the source is the value.
    article = clean_article(page)
    assert (article.source, article.date) == ("棱镜", "2019-09-23T07:48")


def test_original_title_line_is_not_the_headline():
    from boilerstrip import clean_article

    page = (
        "<html><head><meta property='og:title' content='姚明对周琦说了啥？周琦上下半场判若两人'></head><body>"
        "<h1>姚明对周琦说了啥？周琦上下半场判若两人</h1><div>2019-09-07 09:59:22 来源: 新京报</div>"
        "<div class='post_text'><p>（原标题：姚明对周琦说了啥？周琦上下半场判若两人）</p>"
        "<p>姚明对周琦说了啥？大魔王上下半场判若两人</p>"
        + "<p>新京报讯 2019年篮球世界杯17-32名排位赛，中国男篮以77比73战胜韩国队，保住进军东京奥运会的希望。</p>" * 3
        + "</div></body></html>"
    )
    assert clean_article(page).title == "姚明对周琦说了啥？周琦上下半场判若两人"


# ---------------------------------------------------------------- candidates

PROSE = "This is a sentence of running text, long enough to be a paragraph of the article."


def test_agreement_keeps_disputed_prose_inside_and_drops_repeated_captions():
    skeleton = [
        "Home News Sport",                         # 0
        PROSE + " 1",                              # 1 both
        "A caption under the photo, repeated.",    # 2 readability only, repeated below
        "A caption under the photo, repeated.",    # 3 readability only
        PROSE + " 2",                              # 4 trafilatura only, inside the core
        PROSE + " 3",                              # 5 both
        "Another story you may like, a teaser.",   # 6 trafilatura only, beyond the core
    ]
    chosen, method = choose(skeleton, {"trafilatura": {1, 4, 5, 6}, "readability": {1, 2, 3, 5}})
    assert method == "consensus" and chosen == [1, 4, 5]


def test_without_agreement_the_candidate_under_the_title_wins():
    skeleton = ["Only the title", PROSE + " lead", "Share Whatsapp", "You may like", PROSE + " a", PROSE + " b", PROSE + " c"]
    chosen, _ = choose(skeleton, {"trafilatura": {0, 1}, "readability": {2, 3, 4, 5, 6}}, lead=1)
    assert chosen == [0, 1]


def test_agreement_on_a_related_box_is_no_article():
    skeleton = [PROSE + " 1", PROSE + " 2", PROSE + " 3", "Related one", "Related two"]
    chosen, method = choose(skeleton, {"trafilatura": {3, 4}, "readability": {0, 1, 2, 3, 4}})
    assert method == "readability" and chosen == [0, 1, 2, 3, 4]


def test_a_candidate_holding_the_whole_page_around_the_other_does_not_agree():
    """An old portal page (a real one's lines): resiliparse took the whole
    page, readability the article; the prose test passes (the article is
    most of the prose), but what both took is a third of resiliparse's
    text: it holds readability's block, it did not choose it."""
    from boilerstrip.candidates import _mutual, agree

    article = [
        "像许多日本女性一样，顺子一直等到30岁出头才结婚。在决定结婚后，顺子便把精力放在建立新家庭上。",
        "据英国《卫报》4日报道，目前，每年平均有200名过着无性婚姻生活的日本女性到东京郊区的一家诊所寻求帮助。",
    ]
    chrome = [
        "雅虎中国 - 体育 - 娱乐 - 房产 - 汽车 - 电邮",
        "西门子无绳电话邀您 看新闻 读新闻 评新闻 真切 持久 更自由",
        "首页 滚动 国内 国际 财经 社会 声音 专题 两性 幻灯",
        "·富夫妻望子成龙假离婚 三月后丈夫另娶妻子傻眼（2005-04-03 17:19PM）",
        "·沪银行关照直系亲属房贷记录 夫妻为同一借款人（2005-04-01 16:19PM）",
        "·夫妻勾结受贿近37万 原华中电管局长被判13年(图)（2005-04-01 15:57PM）",
        "·长期忍而不射 下下之策（2005-04-01 09:56AM）",
    ]
    skeleton = chrome[:3] + article + chrome[3:]
    whole, block = set(range(len(skeleton))), {3, 4}
    assert agree(skeleton, whole, block) and not _mutual(skeleton, whole, block, 0.5)
    assert _mutual(skeleton, block | {2}, block, 0.5)


def test_the_second_opinion_on_chinese_pages(monkeypatch):
    """readability holds the lead: no second extractor; else resiliparse,
    and trafilatura only where resiliparse does not agree (163_2: it took a
    page of which readability's block is a sixth; guancha_2: it found
    nothing)."""
    from boilerstrip import candidates, clean

    asked = []
    shipped = candidates._trafilatura_lines
    monkeypatch.setattr(candidates, "_trafilatura_lines", lambda root: asked.append(1) or shipped(root))

    def taken(name: str) -> list[str]:
        return sorted(clean((FIXTURES / "pages" / name / "page.html").read_bytes()).extraction.taken)

    assert taken("sina_1") == ["readability"]
    assert taken("163_1") == ["readability", "resiliparse"] and not asked
    assert taken("163_2") == ["readability", "trafilatura"]
    assert taken("guancha_2") == ["readability", "trafilatura"] and len(asked) == 2


def test_without_resiliparse_trafilatura_is_asked(monkeypatch):
    """Installed without the ``fast`` extra, or with ``ask_resiliparse``
    off, a page where resiliparse would be asked (163_1) gets trafilatura,
    and the two give the same article."""
    from boilerstrip import Options, candidates, clean

    page = (FIXTURES / "pages" / "163_1" / "page.html").read_bytes()
    off = clean(page, Options(ask_resiliparse=False))
    assert sorted(off.extraction.taken) == ["readability", "trafilatura"]
    monkeypatch.setattr(candidates, "resiliparse_extractor", lambda: None)
    missing = clean(page)
    assert sorted(missing.extraction.taken) == ["readability", "trafilatura"]
    assert missing.articles == off.articles and missing.articles[0].body


def test_innermost_author_slot_speaks():
    page = (
        "<html><body><h2>英国美女转行当美人鱼</h2><div class='author-txt'><p class='author-name'>加拿大必读</p>"
        "<div class='article-source'><span class='date'>发布时间：10-08</span><span class='time'>12:00</span>"
        f"<span>优质原创作者</span></div></div>{BODY}</body></html>"
    )
    assert _meta(page)["authors"] == ["加拿大必读"]


def test_trafilatura_table_rows_are_located_cell_by_cell():
    """Table-layout pages: trafilatura prints each row as ``| cell | cell |``;
    the page shows the cells, so each is a line of the candidate."""
    from boilerstrip.candidates import _cells

    assert _cells("|  | 一、培养目标：培养德智体美全面发展的人才。 | 第二格\\|续 |") == ["一、培养目标：培养德智体美全面发展的人才。", "第二格|续"]
    assert _cells("正文里的竖线 | 不是表格") == ["正文里的竖线 | 不是表格"]


# ---------------------------------------------------------------- titles and dates on unseen sites

def test_a_logo_heading_is_not_the_headline():
    page = (
        "<html><head><title>土豆不“土” 土豆无“土” 松花江网</title></head><body><h1>松花江网</h1>"
        f"<h2>土豆不“土” 土豆无“土”</h2><div>2022-02-13 09:57 光明网</div>{BODY}</body></html>"
    )
    meta = _meta(page)
    assert meta["title"] == "土豆不“土” 土豆无“土”"
    assert meta["date"] == "2022-02-13T09:57"


def test_a_site_name_heading_is_not_the_headline_in_traditional_script():
    page = (
        "<html><head><title>颱風凱米來襲 北北基停班停課 - 中時新聞網</title>"
        "<meta property='og:site_name' content='中時新聞網'></head><body><h1 class='logo'>中時新聞網</h1>"
        f"<h1>颱風凱米來襲 北北基停班停課</h1><div>2024/07/24 10:01</div>{BODY}</body></html>"
    )
    assert _meta(page)["title"] == "颱風凱米來襲 北北基停班停課"


def test_the_shown_local_time_beats_a_utc_datetime():
    page = (
        "<html><head><meta property='article:published_time' content='2022-02-06T12:48:06+00:00'></head><body>"
        "<h1>马克龙星期一在莫斯科与普京会面</h1><div><time datetime='2022-02-06T12:48:06+00:00'>06/02/2022 - 13:48</time></div>"
        f"{BODY}</body></html>"
    )
    assert _meta(page)["date"] == "2022-02-06T13:48"


def test_a_date_shown_with_its_time_beats_a_date_only_value():
    page = (
        "<html><head><meta name='pubdate' content='2022-02-13'></head><body><h1>土豆不“土” 土豆无“土”</h1>"
        f"<div class='info'><span class='time'>2022-02-13 09:57</span> 光明网</div>{BODY}</body></html>"
    )
    assert _meta(page)["date"] == "2022-02-13T09:57"


def test_a_copyright_is_no_source():
    page = f"<html><body><h1>标题在这里的新闻</h1><div>来源：Podcast © FMM</div>{BODY}</body></html>"
    assert _meta(page)["source"] is None


def test_a_post_footer_under_the_chosen_lines_is_read():
    """A blog post's ``发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)``
    under the text the candidates took: read for the date, not body."""
    from boilerstrip import clean_article
    from .conftest import FIXTURES

    article = clean_article((FIXTURES / "thirdparty" / "ia_54e89e4e" / "page.html").read_bytes())
    assert article.date == "2004-12-27T12:40" and "发表于" not in article.body


def test_a_comment_section_the_candidate_took_goes():
    """A candidate takes the article and its comments (163.com prints
    ``目前没有热门跟贴`` above them): what follows the comment section's
    first line goes as comments."""
    from boilerstrip import Options, RuleSet
    from boilerstrip.detectors import detect_chrome
    from boilerstrip.lines import split_lines
    from boilerstrip.region import cut_comments

    article = "受访人士表示，龙湖集团的项目在多地出现问题，引发市场关注，投资者担心其资金链紧张。" * 5
    text = "\n".join([article, "目前没有热门跟贴", "只要不让它们把钱转移出去。。。。肉烂在锅里问题不大。", "这群人那个身边没有智囊？"])
    page = cut_comments(detect_chrome(split_lines(text), RuleSet.default()), Options())
    assert [(line.role, line.detector) for line in page.lines] == [
        ("text", None), ("removed", "comments"), ("removed", "comments"), ("removed", "comments")
    ]


def test_editor_elements_are_the_xpath_ones():
    """The loop that finds editor-classed elements finds what the XPath it
    replaced found (then ``_classed``): the case rules of ``translate`` on
    class and id, ``bosszone`` matched in lower case only, on every page of
    both corpora and on a page of the corner cases."""
    from boilerstrip.decode import decode
    from boilerstrip.metadata.html_fields import _classed, _editor_elements

    xpath = ("//*[contains(translate(@class, 'EDITOR', 'editor'), 'editor')"
             " or contains(translate(@id, 'EDITOR', 'editor'), 'editor') or contains(@bosszone, 'editor')]")
    corners = (
        "<html><body><p class='EDITOR'>1</p><p id='EdItOr'>2</p><p bosszone='Editor'>3</p><p bosszone='x-editor'>4</p>"
        "<p class='Editor-name' bosszone='Editor'>5</p><p class='editors'>6</p><p class='edİtor'>7</p>"
        "<p class='news editor'><span class='editor'>8</span></p><p class='ÉDITOR'>9</p></body></html>"
    )
    pages = [corners] + [decode(path.read_bytes())[0] for path in sorted(FIXTURES.glob("*/*/page.html"))]
    assert len(pages) == 92
    found = 0
    for page in pages:
        root = parse_html(page)
        expected = [el for el in root.xpath(xpath) if _classed(el, "editor")]
        assert list(_editor_elements(root)) == expected
        found += len(expected)
    assert found > 10
