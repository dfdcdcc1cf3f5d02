"""Side columns a text browser printed beside the article (step 3b)."""
from pathlib import Path

from boilerstrip.columns import SIDE_COLUMN, cut_side_columns
from boilerstrip.lines import REMOVED, TEXT, split_lines
from boilerstrip.options import Options

from .conservation import assert_conserved, cleaned_and_conserved

ROOT = Path(__file__).resolve().parents[1]
# A w3m dump of a page laid out in two table columns: the interview on the
# left, a sidebar of links from display column 108.
W3M = (ROOT / "fixtures/thirdparty/ia_a0cb0242/w3m.txt").read_text(encoding="utf-8")


def _by_number(text):
    return {line.number: line for line in cut_side_columns(split_lines(text), Options()).lines}


def test_the_sidebar_pieces_are_cut_from_the_article_rows():
    lines = _by_number(W3M)
    row = lines[18]
    assert row.role == TEXT
    assert row.text == "李金泽同志现任黑龙江省勃农机械有限责任公司党委书记、董事长兼总经理。 1956年生人，1978年参加工作"
    assert row.cuts == (("· 辽宁沿海七城共签协议组成更紧密经济", SIDE_COLUMN),)
    # A row of the sidebar alone goes whole; a row of the article alone stays.
    assert (lines[26].role, lines[26].detector, lines[26].text) == (REMOVED, SIDE_COLUMN, "· 东北地区11月份人事动态")
    assert lines[20].role == TEXT and not lines[20].cuts


def test_the_article_keeps_its_byline_and_loses_the_sidebar():
    (article,) = cleaned_and_conserved(W3M)
    assert article.authors == ("伊琳", "李清芬")
    assert "辽宁沿海七城" not in article.body and "人事任免" not in article.body
    assert any(r.detector == SIDE_COLUMN and r.text == "· 东北地区11月份人事动态" for r in article.removed)


def test_a_table_of_figures_is_no_layout():
    # Aligned columns, but no side holds running text: nothing is cut.
    rows = ["        地区          2019年          2020年          增长"] + [
        f"        {name}          {a}          {b}          {c}" for name, a, b, c in [
            ("北京", "35371", "36102", "1.2%"), ("上海", "38155", "38700", "1.7%"), ("广东", "107671", "110760", "2.3%"),
            ("江苏", "99631", "102719", "3.7%"), ("浙江", "62352", "64613", "3.6%"), ("山东", "71067", "73129", "3.6%"),
            ("河南", "54259", "54997", "1.3%"), ("四川", "46615", "48598", "3.8%"), ("湖北", "45828", "43443", "-5.0%"),
        ]
    ]
    text = "\n".join(["全国各地区生产总值如下表所示，单位为亿元。"] + rows)
    page = split_lines(text)
    assert cut_side_columns(page, Options()) is page
    assert_conserved(text, cleaned_and_conserved(text))


def test_fewer_rows_than_the_threshold_are_no_layout():
    page = split_lines("\n".join(W3M.splitlines()[14:20]))
    assert cut_side_columns(page, Options()) is page
