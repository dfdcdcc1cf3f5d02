"""Rendering a page's result: JSON fields left out on request, text, Markdown."""
import json

from boilerstrip import Article, Options, Removal, clean_articles
from boilerstrip.render import encode, escape_markdown, page_document, render

from .conftest import SEEDS

SEED = (SEEDS / "002_dabc6c0c243ffe8f.txt").read_text(encoding="utf-8")
EPAPER = (SEEDS / "000_6ceb450048dfa4e8.txt").read_text(encoding="utf-8")
CAPTIONED = Article(title="标题", body="第一段。", captions=("图为现场。",), removed=(Removal("分享到", "share_buttons", 1),))


def test_removed_and_captions_can_be_left_out():
    full = page_document("a.txt", [CAPTIONED], [])["articles"][0]
    assert full["removed"] == [{"text": "分享到", "detector": "share_buttons", "line": 1}]
    assert full["captions"] == ["图为现场。"]
    lean = page_document("a.txt", [CAPTIONED], [], Options(keep_removed=False, keep_captions=False))["articles"][0]
    assert "removed" not in lean and "captions" not in lean
    assert {k: v for k, v in full.items() if k not in ("removed", "captions")} == lean
    assert "图为现场" not in render(page_document("a.txt", [CAPTIONED], [], Options(keep_captions=False)), "markdown")


def test_markdown_has_headings_metadata_paragraphs_and_captions():
    (article,) = clean_articles(SEED)
    text = render(page_document("p.txt", [article], []), "markdown")
    blocks = text.rstrip("\n").split("\n\n")
    assert blocks[0] == f"# {article.title}"
    assert blocks[1 : 1 + len(article.subtitles)] == [f"## {s}" for s in article.subtitles]
    assert blocks[1 + len(article.subtitles)] == "- source: 重庆日报\n- date: 2024-07-11T10:01\n- authors: 杨帆、卢志民"
    assert blocks[2 + len(article.subtitles) :] == [escape_markdown(p) for p in article.paragraphs]
    assert render(page_document("p.txt", [CAPTIONED], []), "markdown") == "# 标题\n\n第一段。\n\n> 图为现场。\n"


def test_markdown_of_an_epaper_separates_articles_and_of_nothing_gives_the_warnings():
    articles = clean_articles(EPAPER)
    text = render(page_document("e.txt", articles, []), "markdown")
    assert len(articles) > 1 and text.count("\n\n* * *\n\n") == len(articles) - 1
    assert [line for line in text.splitlines() if line.startswith("# ")] == [f"# {a.title}" for a in articles]
    assert render(page_document("x", [], ["empty input: no text to clean"]), "markdown") == (
        "*(no article)*\n\n- empty input: no text to clean\n"
    )


def test_markdown_shows_markup_characters_as_written():
    assert escape_markdown("1. 第一 *重要* <b>[链接](x) #话题# a_b ~~删~~ &copy;") == (
        "1\\. 第一 \\*重要\\* \\<b\\>\\[链接\\](x) \\#话题\\# a\\_b \\~\\~删\\~\\~ \\&copy;"
    )
    assert escape_markdown("- 条目\n+ 加\n===\n    缩进\n2) 二") == "\\- 条目\n\\+ 加\n\\===\n缩进\n2\\) 二"
    assert escape_markdown("正文，2024. 年") == "正文，2024. 年"  # only at a line's start


def test_a_file_name_that_is_not_utf8_round_trips_through_json():
    name = b"d/\xd0\xc2\xce\xc5.html".decode("utf-8", "surrogateescape")
    data = encode(render(page_document(name, [CAPTIONED], []), "json"))
    data.decode("utf-8")  # valid UTF-8
    assert b'"file": "d/\\udcd0\\udcc2\\udcce\\udcc5.html"' in data
    assert json.loads(data)["file"].encode("utf-8", "surrogateescape") == b"d/\xd0\xc2\xce\xc5.html"


def test_the_json_output_written_in_pieces_is_the_document_rendered():
    # A page with over a thousand removed pieces in one article, and a page
    # of several articles: the pieces joined are byte for byte the document.
    from boilerstrip import Options, clean_articles
    from boilerstrip.render import document_chunks, encode, page_document, render

    from .conftest import FIXTURES

    page = (FIXTURES / "pages" / "163_1" / "w3m.txt").read_text(encoding="utf-8")
    for text in ("\n".join([page] * 4), "\n\n".join([page] * 3)):
        for options in (Options(), Options(keep_captions=False), Options(keep_removed=False)):
            articles = clean_articles(text, options=options)
            assert articles and (not options.keep_removed or max(len(a.removed) for a in articles) > 1000 or len(articles) > 1)
            whole = encode(render(page_document("a/b.txt", articles, [], options), "json"))
            assert b"".join(document_chunks("a/b.txt", articles, [], options, "json")) == whole
