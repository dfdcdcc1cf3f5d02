"""Repairs on real lines: ruby pinyin, garbled text, glued credits, page breaks."""
from boilerstrip import Removal, clean_article
from boilerstrip.lines import split_lines
from boilerstrip.repairs import flag_garbled_text, remove_ruby_pinyin

from .conftest import FIXTURES


def test_ruby_pinyin_is_cut_and_accounted_for():
    page = remove_ruby_pinyin(split_lines("清潔能源產(chǎn)業(yè)發(fā)展壯大"))
    line = page.lines[0]
    assert line.text == "清潔能源產業發展壯大"
    assert line.cuts == (("(fā)", "ruby_pinyin"), ("(yè)", "ruby_pinyin"), ("(chǎn)", "ruby_pinyin"))


def test_english_in_brackets_is_not_pinyin():
    page = remove_ruby_pinyin(split_lines("硬岩掘进机(TBM)始发"))
    assert page.lines[0].text == "硬岩掘进机(TBM)始发"


def test_garbled_span_is_kept_and_named():
    page = flag_garbled_text(split_lines("落實“六?!比蝿眨_處理好“十三對關系”"))
    assert page.lines[0].text == "落實“六?!比蝿眨_處理好“十三對關系”"
    assert len(page.warnings) == 1 and "?!比蝿眨_" in page.warnings[0]


def test_undecodable_bytes_are_named_once_not_once_a_line():
    page = flag_garbled_text(split_lines("华人\ufffd工集中的地方。\n华\ufffd居住的村庄\ufffd屋子。\n可以到\ufffd地登记处取得証书。"))
    assert page.warnings == ("4 run(s) of U+FFFD (undecodable bytes) kept in the text, line(s) 1, 2, 3",)


def test_question_marks_in_folded_text_are_not_garbled():
    page = flag_garbled_text(split_lines("如何在成渝地区双城经济圈建设中,体现新担当?随着南北大道通车!"))
    assert page.warnings == ()


def test_page_break_and_caption_mid_sentence():
    text = "\n\n".join([
        "标题",
        "为保障项目顺利完成并网,国网重庆市区供电公司还组建了20人并网服务专班,使项目提前50天完成并网。",
        "中核汇能重庆公司执行董事朱冬表",
        "7月10日,西部(重庆)科学城西永综保区储能电站正式并网。重庆日报首席记者龙帆摄\\视觉重庆",
        "示,下一步,该公司将以该项目为依托,拓展与重庆高新区在能源领域的深度合作,",
        "力争实现能源产业串珠成链、聚链成群。",
    ])
    article = clean_article(text)
    assert article.body.split("\n\n")[1] == (
        "中核汇能重庆公司执行董事朱冬表示,下一步,该公司将以该项目为依托,拓展与重庆高新区在能源领域的深度合作,"
        "力争实现能源产业串珠成链、聚链成群。"
    )
    assert article.captions == ("7月10日,西部(重庆)科学城西永综保区储能电站正式并网。重庆日报首席记者龙帆摄\\视觉重庆",)


def test_a_link_glued_to_the_last_paragraph_is_cut_not_the_paragraph():
    last = next(
        line.strip()
        for line in (FIXTURES / "pages" / "qq_2" / "w3m.txt").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("转型之路")
    )
    assert last.endswith("●返回腾讯网首页>>")
    article = clean_article("标题：数据业大整顿\n\n" + last)
    assert article.body == last[: -len("●返回腾讯网首页>>")]
    assert Removal("●返回腾讯网首页>>", "trailing_link", 3) in article.removed
