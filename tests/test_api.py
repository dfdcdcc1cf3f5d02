"""The public API's contract: types, empty input, encodings."""
import pytest

from boilerstrip import Article, Removal, clean_article, clean_articles

from .conftest import seed_text

SEED = "002_dabc6c0c243ffe8f"


@pytest.mark.parametrize("page", [None, 42, ["text"], {"a": 1}])
def test_wrong_type_raises_type_error_naming_it(page):
    with pytest.raises(TypeError, match=type(page).__name__):
        clean_article(page)


def test_wrong_url_type_raises_type_error():
    with pytest.raises(TypeError, match="url must be a str"):
        clean_article("text", url=3)


@pytest.mark.parametrize(
    "given,error,message",
    [
        ({"ask_resiliparse": "no"}, TypeError, "Options.ask_resiliparse must be True or False, not 'no'"),
        ({"lead_min": 5.0}, TypeError, "Options.lead_min must be an int, not 5.0"),
        ({"lead_min": -5}, ValueError, "Options.lead_min must be 0 or more, not -5"),
        ({"block_chars": 0}, ValueError, "Options.block_chars must be 1 or more, not 0"),
        ({"core_share": 2}, ValueError, "Options.core_share is a share: from 0 to 1, not 2"),
        ({"core_share": True}, TypeError, "Options.core_share must be a number, not True"),
        ({"rules": "site_rules.toml"}, TypeError, r"Options.rules must be a RuleSet \(RuleSet.from_file\(...\)\), not 'site_rules.toml'"),
    ],
)
def test_an_option_of_the_wrong_type_or_range_is_an_error_naming_it(given, error, message):
    from boilerstrip import Options

    with pytest.raises(error, match=f"^{message}$"):
        Options(**given)


def test_every_option_of_the_defaults_is_valid_and_replace_checks_too():
    from dataclasses import replace

    from boilerstrip import Options

    assert Options(core_share=1, max_extractor_chars=0, lead_min=0) != Options()
    with pytest.raises(ValueError, match="max_markup_chars"):
        replace(Options(), max_markup_chars=0)


@pytest.mark.parametrize("page", ["", "   \n\t\n", b"", b"\n\n"])
def test_empty_input_gives_empty_article_with_warning(page):
    article = clean_article(page)
    assert article == Article(warnings=article.warnings)
    assert article.warnings
    assert clean_articles(page) == []


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_bytes_in_any_encoding_give_the_same_article(encoding):
    text = seed_text(SEED)
    assert clean_article(text.encode(encoding)).to_dict() == clean_article(text).to_dict()


def test_big5_bytes_decode():
    text = seed_text("004_fc4762bbda85c93c")
    assert clean_article(text.encode("big5hkscs", errors="ignore")).title.startswith("莊嚴")


def test_article_is_frozen_and_json_ready():
    article = clean_article(seed_text(SEED))
    with pytest.raises(AttributeError):
        article.title = "x"
    data = article.to_dict()
    assert data["authors"] == ["杨帆", "卢志民"]
    assert data["removed"][0] == {"text": "点击右上角微信好友", "detector": "share_buttons", "line": 1}
    assert isinstance(article.removed[0], Removal)


def test_removed_pieces_name_their_detector_and_line():
    removed = clean_article(seed_text(SEED)).removed
    assert Removal("(文/记者 杨帆 卢志民)", "credit", 40) in removed
    assert Removal("来源:重庆日报2024-07-11 10:01", "metadata", 12) in removed
    assert Removal("携手打造援藏工作标志性成果", "duplicate_headline", 16) in removed


def test_junk_bytes_give_an_empty_article_with_a_warning():
    article = clean_article(bytes(range(1, 256)) * 10)
    assert article.body == "" and article.title is None
    assert "not text in any known encoding" in article.warnings[0]
