"""Finding the article among a page's lines (text mode), on real dumps of
kinds of layout: each test names the layout, not the site."""
import json

from boilerstrip import clean_article, clean_articles
from boilerstrip.text import squeeze

from .conftest import FIXTURES


def _page(corpus: str, name: str, dump: str) -> tuple[dict, str]:
    folder = FIXTURES / corpus / name
    return json.loads((folder / "gold.json").read_text(encoding="utf-8")), (folder / f"{dump}.txt").read_text(encoding="utf-8")


def test_a_source_line_under_the_body_closes_it_and_opens_nothing():
    """2005 portal: ``来源：新闻晨报`` printed under the article, then text ads
    (``暴利---一部电话打天下``); the article above it is the page's best run."""
    gold, text = _page("thirdparty", "ia_2bac7fb2", "w3m")
    body = squeeze(clean_article(text).body)
    assert "像许多日本女性一样，顺子一直等到30岁出头才结婚。" in body
    assert body.endswith(squeeze(gold["body"].split("\n\n")[-1]))
    assert "暴利---一部电话打天下" not in body


def test_a_comments_date_line_opens_no_article():
    """Blog post: the comments under it carry their own date lines
    (``33 | 2005-08-26 17:43``); the post is kept, not the comment after the date."""
    gold, text = _page("thirdparty", "ia_064b591b", "w3m")
    first = squeeze(gold["body"].split("\n\n")[0])
    assert squeeze(clean_article(text).body).startswith(first)


def test_an_article_under_its_date_line_beats_longer_comments_below():
    """The dated article stays chosen when the comments under it are longer
    (they lie below the date line, not above it)."""
    gold, text = _page("pages", "toutiao_3", "lynx")
    assert clean_article(text).body == gold["body"]


def test_the_articles_source_line_ends_the_body():
    """Government portal: ``信息来源：内蒙古日报`` closes the article; the link
    blocks under it (long CJK runs without punctuation) are not body."""
    gold, text = _page("thirdparty", "ia_d232c5df", "lynx")
    body = clean_article(text).body
    assert gold["body"].endswith("信息来源： 内蒙古日报")  # the annotators kept the line
    assert squeeze(gold["body"].split("\n\n")[-2]) in squeeze(body)
    assert "国家发展和改革委员会" not in body


def test_a_byline_under_a_question_title_closes_no_article():
    """The headline ends in ？ (so it reads as prose) and a byline follows it:
    that byline opens the article, it does not close one (HTML mode)."""
    gold = json.loads((FIXTURES / "thirdparty" / "ia_ab65832c" / "gold.json").read_text(encoding="utf-8"))
    articles = clean_articles((FIXTURES / "thirdparty" / "ia_ab65832c" / "page.html").read_bytes())
    assert len(articles) == 1
    assert squeeze(gold["body"].split("\n\n")[1]) in squeeze(articles[0].body)


def test_a_date_line_inside_the_best_run_is_no_anchor_when_the_run_above_it_is_the_article():
    """A scraper printed a side column into the article (``来源：新闻晨报
    1.5万元开一家餐饮名店``); the article above that line is kept, not the
    few lines after it."""
    gold, text = _page("thirdparty", "ia_2bac7fb2", "inscriptis")
    assert squeeze(gold["body"].split("\n\n")[1]) in squeeze(clean_article(text).body)


def test_a_glued_menu_above_the_date_line_does_not_win():
    """A page's menu of headlines glued into one long line above the date
    line: the article under the date line is kept."""
    gold, text = _page("pages", "xinhuanet_1", "inscriptis")
    assert clean_article(text).body == gold["body"]


def test_a_name_alone_under_the_title_is_the_author():
    """``犬儒病(上)`` / ``胡平`` / ``——当代中国的精神危机 (上)``: an essay's
    author printed alone under its title."""
    _, text = _page("thirdparty", "ia_5dc3fa2d", "lynx")
    assert clean_article(text).authors == ("胡平",)
