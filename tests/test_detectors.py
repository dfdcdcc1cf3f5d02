"""Each detector on real lines from the fixtures: what it takes, what it leaves."""
import pytest

from boilerstrip import RuleSet, clean_article
from boilerstrip.detectors import detect_chrome
from boilerstrip.lines import split_lines

PROSE = "袁家军指出,对口支援西藏昌都,是党中央赋予重庆的重大政治责任。"


def roles(text: str) -> list[tuple[str, str | None]]:
    page = detect_chrome(split_lines(text), RuleSet.default())
    return [(line.role, line.detector) for line in page.lines if line.text]


@pytest.mark.parametrize(
    "line, detector",
    [
        ("点击右上角微信好友", "share_buttons"),
        ("朋友圈", "share_buttons"),
        ("请使用浏览器分享功能进行分享", "share_buttons"),
        ("分享到：", "share_buttons"),
        ("  • 微信", "share_buttons"),
        ("用微信扫码二维码", "share_buttons"),
        ("T + -", "share_buttons"),
        ("正在阅读:重庆市代表团来疆考察交流", "reading_echo"),
        ("首页> 地方频道> 地方频道-新疆> 要闻 > 正文", "breadcrumb"),
        ("网易首页 > 财经频道 > 正文", "breadcrumb"),
        ("阅读剩余全文(", "read_more"),
        ("加载更多", "read_more"),
        ("-", "separator"),
        ("[img]", "scraper_marker"),
        ("版權聲明:凡注明“來源:中國西藏網”或“中國西藏網文”的所有作品,版權歸高原(北京)文化傳播有限公司。", "copyright_notice"),
        ("图片来自网络，如有侵权，请联系删除", "copyright_notice"),
        ("视觉焦点", "widget_label"),
        ("光明云投", "widget_label"),
    ],
)
def test_line_detectors_remove_chrome(line, detector):
    assert roles(f"{PROSE}\n{line}\n{PROSE}") == [("text", None), ("removed", detector), ("text", None)]


@pytest.mark.parametrize(
    "line",
    [
        "6月4日,重庆市·新疆维吾尔自治区及新疆生产建设兵团经济社会发展合作交流座谈会在乌鲁木齐召开。石榴云/新疆日报记者崔志坚摄",
        "7月10日,西部(重庆)科学城西永综保区100兆瓦/200兆瓦时电网侧集中式储能电站正式并网。重庆日报首席记者龙帆摄\\视觉重庆",
        "资料图",
        "图片由渝北区委宣传部提供",
    ],
)
def test_photo_captions_are_set_aside(line):
    assert roles(f"{PROSE}\n{line}\n{PROSE}")[1] == ("caption", "photo_caption")


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "业绩会突现业主维权插曲",
        "在疆期间,代表团来到哈密和乌鲁木齐深入考察。",
        "“今年上半年,我们全力实施‘14710’工作体系。”重庆市生态环境局党组成员、副局长刘芹介绍。",
    ],
)
def test_prose_and_subheadings_stay(line):
    assert roles(f"{PROSE}\n{line}\n{PROSE}") == [("text", None)] * 3


def test_feed_under_heading_goes_with_its_timestamps():
    text = "\n".join([
        PROSE,
        "推荐阅读",
        "该公司牌楼500千伏输变电工程于11月25日正式投运,并在工程验收过程中首次应用无人机激光建模技术。",
        "2024-12-04 09:13",
        "这一发现将有助于研发实蝇类害虫的新型控制方式,从而提升我国果蔬产业抵御这类害虫的能力。",
        "2024-12-04 09:12",
        "加载更多",
    ])
    assert roles(text) == [("text", None)] + [("removed", "related_feed")] * 5 + [("removed", "read_more")]


def test_reaction_widget_with_counts():
    text = "\n".join([PROSE, "您此时的心情", "新闻表情排行 /", "  • 开心", "    0", "  • 难过", "    0"])
    assert roles(text) == [("text", None)] + [("removed", "reaction_widget")] * 6


def test_teaser_and_its_headline():
    text = "\n".join([
        PROSE,
        "垃圾分類你我同行",
        "為進一步加大垃圾分類宣傳力度,近日,西藏拉薩市城關區潔達環衛保潔有限公司在宗角祿康公園開展了垃圾分類宣傳活動。[詳細]",
    ])
    assert roles(text) == [("text", None), ("removed", "teaser"), ("removed", "teaser")]


def test_headline_list():
    text = "\n".join([
        PROSE,
        "- 國內首條海底高鐵隧道完成海上鉆探工作",
        "- 2020珠峰高程測量登山隊第三次向頂峰進發",
        "- 人民日報:在危機中育新機 於變局中開新局",
    ])
    assert roles(text) == [("text", None)] + [("removed", "headline_list")] * 3


@pytest.mark.parametrize(
    "line",
    [
        "“不要作糊涂人，要______主的______如何。”（弗5:17）",  # an exercise: blanks inside a sentence
        "记者：你通过什么渠道最快的获取这些信息？",  # an interview's question, not a byline
    ],
)
def test_prose_that_looks_like_chrome_stays(line):
    assert roles(f"{PROSE}\n{line}\n{PROSE}")[1] == ("text", None)
    assert clean_article(f"{PROSE}\n{line}\n袁家军强调，要坚持以习近平新时代中国特色社会主义思想为指导。").body.split("\n\n")[1] == line


def test_form_fields_go():
    assert roles(f"{PROSE}\n请输入检索内容_____________\n{PROSE}")[1] == ("removed", "scraper_marker")
    assert roles(f"{PROSE}\n如果您喜欢网易新闻，请告诉您的朋友。 给网易提意见 ____________________\n{PROSE}")[1] == ("removed", "scraper_marker")


@pytest.mark.parametrize(
    "line, detector",
    [
        ("发送给朋友 打印本文", "share_buttons"),
        ("返回页首 | 关闭窗口", "share_buttons"),
        ("【评论】【楼盘论坛】【推荐】【大 中 小】【打印】【下载点点通】 【关闭】", "share_buttons"),
        ("扫描下方二维码解锁更多技能", "share_buttons"),
        ("1、回复【公租房】查看最新消息", "promo"),
        ("点击菜单栏【便民服务】解锁更多服务！", "promo"),
        ("看都看完了，点【在看】试试", "promo"),
    ],
)
def test_tool_rows_and_account_menus(line, detector):
    assert roles(f"{PROSE}\n{line}\n{PROSE}")[1] == ("removed", detector)


@pytest.mark.parametrize(
    "line, detector",
    [
        ("相關閱讀", "related_feed"),
        ("延伸閱讀：", "related_feed"),
        ("熱門新聞", "related_feed"),
        ("分享到：", "share_buttons"),
        ("列印", "share_buttons"),
        ("點擊查看更多", "read_more"),
        ("版權所有 © 2024 聯合報系", "copyright_notice"),
        ("發表評論", "comments"),
        ("圖片來源：中央社", "photo_caption"),
    ],
)
def test_traditional_script_chrome(line, detector):
    """Every vocabulary is read in both scripts (Taiwan and Hong Kong forms
    generated from the simplified phrases: data/traditional.txt)."""
    assert roles(f"{PROSE}\n{line}\n{PROSE}")[1][1] == detector


def test_the_traditional_table_holds_every_vocabulary_phrase():
    from boilerstrip.vocab import _TRADITIONAL, REGISTERED

    missing = [phrase for phrase in REGISTERED if phrase not in _TRADITIONAL]
    assert not missing, f"run scripts/make_traditional.py: {missing[:5]}"


def test_data_uri_lines_match_as_before_the_look_ahead_guard():
    """The data-URI alternative of ``scraper_marker`` tries its look-ahead
    only where a ``;`` can follow: the same lines match as without the
    guard (the toutiao_2 lynx dump's data-URI lines, alone and with a
    teaser after them, and several URIs on one line)."""
    import re

    from boilerstrip.detectors.navigation import MarkerDetector

    from .conftest import FIXTURES

    unguarded = re.compile(MarkerDetector.contains.replace(r"(?=[\w+./=:\[\]\s-]*;)", ""), re.IGNORECASE)
    guarded = re.compile(MarkerDetector.contains, re.IGNORECASE)
    assert unguarded.pattern != guarded.pattern
    dump = (FIXTURES / "pages" / "toutiao_2" / "lynx.txt").read_text(encoding="utf-8")
    lines = sorted({line.strip() for line in dump.splitlines() if ";base64," in line})
    uri = lines[0].split("]")[0] + "]"
    lines += [uri + " " + uri, uri + uri + " 5图", "[data:image/png;base64,AAAAAAAA][data:image/png;base64,BBBBBBBB]", "x;base64,AAAAAAAA;"]
    assert len(lines) > 10
    outcomes = [bool(guarded.fullmatch(line)) for line in lines]
    assert outcomes == [bool(unguarded.fullmatch(line)) for line in lines]
    assert True in outcomes and False in outcomes
    assert roles(uri) == [("removed", "scraper_marker")]
