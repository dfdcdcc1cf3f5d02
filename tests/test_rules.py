"""Rules as data: a rules file extends the detectors for a kind of chrome or
for one site, switches detectors off, and reaches every worker."""
import pickle

import pytest

from boilerstrip import Options, RuleSet, RulesError, clean_article

from .conftest import FIXTURES

EXAMPLE = FIXTURES.parent / "examples" / "site_rules.toml"
THEPAPER = (FIXTURES / "pages" / "thepaper_2" / "page.html").read_bytes()
URL = "https://www.thepaper.cn/newsDetail_forward_4867212"
PROSE = "袁家军指出,对口支援西藏昌都,是党中央赋予重庆的重大政治责任。"
MORE = "重庆将进一步深入学习贯彻习近平总书记关于对口支援工作的重要论述。"


def test_a_sites_own_chrome_goes_on_that_site_only():
    rules = RuleSet.from_file(EXAMPLE)
    plain = clean_article(THEPAPER, url=URL)
    assert plain.body.endswith("发送邮件至zhengwu@thepaper.cn申请加入澎湃政务号或媒体团")
    article = clean_article(THEPAPER, url=URL, options=Options(rules=rules))
    assert article.body.endswith("开始搓搓手了！！！")
    site = [r.text for r in article.removed if r.detector == "site_rules"]
    assert site[0] == "扫描下方二维码解锁更多技能" and "1、回复【公租房】查看最新消息" in site
    # Another host, or no url: the site's phrases do not apply.
    assert clean_article(THEPAPER, url="https://news.example.com/a.html", options=Options(rules=rules)) == plain
    assert clean_article(THEPAPER, options=Options(rules=rules)) == plain


def test_subdomains_share_the_sites_rules():
    rules = RuleSet.default().extended({"site": {"example.com": {"chrome": ["本站声明"]}}})
    assert rules.site_phrases("https://news.example.com/x") == ("本站声明",)
    assert rules.site_phrases("https://example.com.cn/x") == ()
    assert rules.site_phrases("not a url") == ()


def test_more_phrases_for_a_kind_of_chrome():
    page = f"{PROSE}\n发送到手机\n{MORE}"
    assert "发送到手机" in clean_article(page).body
    article = clean_article(page, options=Options(rules=RuleSet.from_file(EXAMPLE)))
    assert [(r.text, r.detector) for r in article.removed] == [("发送到手机", "share_buttons")]


def test_a_feed_heading_takes_its_feed():
    page = f"{PROSE}\n本周热文\n这家公司又出新品\n另一条新闻标题"
    article = clean_article(page, options=Options(rules=RuleSet.from_file(EXAMPLE)))
    assert article.body == PROSE
    assert {r.detector for r in article.removed} == {"related_feed"}


def test_a_detector_switched_off():
    promo = "安装新浪财经客户端第一时间接收最全面的市场资讯→【下载地址】"
    page = f"{PROSE}\n{promo}\n{MORE}"
    assert [r.detector for r in clean_article(page).removed] == ["promo"]
    rules = RuleSet.default().extended({"detectors": {"off": ["promo"]}})
    assert clean_article(page, options=Options(rules=rules)).body == f"{PROSE}\n\n{promo}\n\n{MORE}"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"sites": {}}, "unknown section"),
        ({"chrome": {"outside_article": ["x"]}}, "no such detector takes phrases"),
        ({"chrome": {"promo": "x"}}, "must be a list of non-empty strings"),
        ({"chrome": {"promo": [""]}}, "must be a list of non-empty strings"),
        ({"detectors": {"off": ["nonesuch"]}}, "unknown ['nonesuch']"),
        ({"site": {"a.com": {"phrases": ["x"]}}}, "holds only chrome"),
        ({"site": {"a.com/x": {"chrome": ["x"]}}}, "not a host name"),
    ],
)
def test_a_rules_file_it_cannot_use_is_refused_with_the_reason(data, message):
    with pytest.raises(RulesError, match=message.replace("[", r"\[").replace("]", r"\]")):
        RuleSet.default().extended(data)


def test_bad_files(tmp_path):
    with pytest.raises(RulesError, match="cannot read"):
        RuleSet.from_file(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[chrome\n", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid TOML"):
        RuleSet.from_file(bad)


def test_options_travel_to_workers_whole():
    options = Options(rules=RuleSet.from_file(EXAMPLE), keep_removed=False)
    copy = pickle.loads(pickle.dumps(options))
    assert copy == options and hash(copy.rules) == hash(options.rules)
    assert clean_article(THEPAPER, url=URL, options=copy) == clean_article(THEPAPER, url=URL, options=options)
    assert clean_article(THEPAPER, url=URL, options=copy).removed == ()


def test_the_command_line_gives_what_the_api_gives(tmp_path, capsys):
    import json

    from boilerstrip.cli import main

    page = tmp_path / "page.html"
    page.write_bytes(THEPAPER)
    assert main([str(page), "--rules", str(EXAMPLE), "--url", URL]) == 0
    printed = json.loads(capsys.readouterr().out)["articles"][0]
    expected = clean_article(THEPAPER, url=URL, options=Options(rules=RuleSet.from_file(EXAMPLE)))
    assert printed == expected.to_dict()
    # A batch run: every worker has the rules (the site's own by the page's
    # canonical address, as a folder of pages gives no URL).
    canonical = THEPAPER.replace(b"<head>", f'<head><link rel="canonical" href="{URL}">'.encode(), 1)
    (tmp_path / "in").mkdir()
    for k in range(3):
        (tmp_path / "in" / f"{k}.html").write_bytes(canonical)
    assert main([str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--rules", str(EXAMPLE), "--workers", "2"]) == 0
    for k in range(3):
        written = json.loads((tmp_path / "out" / f"{k}.html.json").read_text(encoding="utf-8"))["articles"][0]
        assert written == expected.to_dict()


def test_a_bad_rules_file_is_a_usage_error(tmp_path, capsys):
    from boilerstrip.cli import main

    bad = tmp_path / "bad.toml"
    bad.write_text('[chrome]\nnonesuch = ["x"]\n', encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["-", "--rules", str(bad)])
    assert stop.value.code == 2
    assert "no such detector takes phrases" in capsys.readouterr().err
