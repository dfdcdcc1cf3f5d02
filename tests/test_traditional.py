"""Traditional script is first-class: how Taiwan and Hong Kong outlets print
bylines, datelines, source and date lines (``記者``, ``報導``, ``／``,
``╱``, ``〔〕``, ``【】``, 上午/下午, the Republic of China's years), each
a line as those outlets print it."""
import pytest

from boilerstrip.metadata import byline, dateline, metadata_line, parse_date

from .conftest import plain


@pytest.mark.parametrize(
    "line, fields",
    [
        ("【聯合報╱記者古硯偉／台北報導】", {"source": "聯合報", "authors": ["古硯偉"]}),        # 聯合報
        ("【聯合報╱本報記者古硯偉】", {"source": "聯合報", "authors": ["古硯偉"]}),
        ("〔記者林曉雲／台北報導〕", {"authors": ["林曉雲"]}),                                    # 自由時報
        ("〔記者林曉雲、吳柏軒／台北報導〕", {"authors": ["林曉雲", "吳柏軒"]}),
        ("記者林育綾／綜合報導", {"authors": ["林育綾"]}),                                        # ETtoday
        ("記者 陳宏銘 / 攝影 林志明 報導", {"authors": ["陳宏銘"]}),                              # TVBS: no photographer
        ("中時新聞網 記者林志成", {"source": "中時新聞網", "authors": ["林志成"]}),                # 中時
        ("中時新聞網 記者林志成／台北報導", {"source": "中時新聞網", "authors": ["林志成"]}),
        ("撰文：張家豪", {"authors": ["張家豪"]}),                                                # 香港01
        ("文／王小明", {"authors": ["王小明"]}),
        ("文／記者王小明", {"authors": ["王小明"]}),
        ("（中央社記者王揚宇台北15日電）", {"source": "中央社", "authors": ["王揚宇"]}),
    ],
)
def test_taiwan_and_hong_kong_bylines(line, fields):
    assert plain(byline(line)) == fields


@pytest.mark.parametrize(
    "lead, fields",
    [
        ("（中央社記者王揚宇台北15日電）行政院今天召開院會，通過…", {"source": "中央社", "authors": ["王揚宇"]}),
        ("（中央社記者張淑伶、李雅雯華盛頓14日專電）美國國務院表示…", {"source": "中央社", "authors": ["張淑伶", "李雅雯"]}),
        ("（中央社台北15日電）中央氣象署今天表示…", {"source": "中央社"}),
        ("〔記者林曉雲／台北報導〕教育部今天公布…", {"authors": ["林曉雲"]}),
        ("【聯合報╱記者古硯偉／台北報導】台北市政府今天…", {"source": "聯合報", "authors": ["古硯偉"]}),
        ("【明報專訊】政府昨日公布…", {"source": "明報"}),
        ("【本報訊】政府昨日公布…", {}),
    ],
)
def test_taiwan_and_hong_kong_dateline_leads(lead, fields):
    assert dateline(lead) == fields


@pytest.mark.parametrize(
    "line, fields",
    [
        ("發布時間：2024/07/11 10:01", {"date": "2024-07-11T10:01"}),
        ("更新時間：2024/07/11 12:30", {"date": "2024-07-11T12:30"}),
        ("2024年7月11日 週四 下午3:05 來源：中央社", {"date": "2024-07-11T15:05", "source": "中央社"}),
        ("來源：聯合新聞網", {"source": "聯合新聞網"}),
        ("編輯：王小明", {"editor": "王小明"}),
        ("責任編輯：陳大文", {"editor": "陳大文"}),
        ("發布日期：113-07-11", {"date": "2024-07-11"}),                   # a government page's ROC year
        ("中華民國113年7月11日", {"date": "2024-07-11"}),
    ],
)
def test_taiwan_metadata_lines(line, fields):
    assert plain(metadata_line(line)) == fields


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2024年7月11日 上午10:01", "2024-07-11T10:01"),
        ("2024年7月11日 下午3:05", "2024-07-11T15:05"),
        ("2024年7月11日 中午12:30", "2024-07-11T12:30"),
        ("2024年7月11日 晚上8:15", "2024-07-11T20:15"),
        ("2024/07/11 10:01", "2024-07-11T10:01"),
        ("民國113年7月11日", "2024-07-11"),
        ("發布日期：113-07-11", "2024-07-11"),
        ("113年7月11日", None),                 # no label says it is the ROC's year
        ("總共113年7月11日", None),
    ],
)
def test_taiwan_dates(text, iso):
    assert parse_date(text) == iso


def test_a_pattern_in_both_scripts_tries_each_alternative_once():
    """``pattern_both_scripts`` joins the alternatives of the pattern and of
    its traditional forms, none twice; it matches the same lines as all the
    forms side by side (the comment marks, on every line of the dev dumps and
    comment lines in both scripts), and a pattern whose ``|`` sits in a
    character class stays whole."""
    import re

    from boilerstrip.detectors.comments import COMMENT_MARKS
    from boilerstrip.vocab import _TRADITIONAL, _alternatives, _top_level, pattern_both_scripts

    from .conftest import FIXTURES

    raw = next(p for p in _TRADITIONAL if p.startswith(r"\d+\s*[条件篇则]评论"))
    side_by_side = re.compile("(?:" + "|".join((raw, *_TRADITIONAL[raw])) + ")")
    joined = re.compile(COMMENT_MARKS)
    alternatives = _top_level(COMMENT_MARKS[3:-1])
    assert len(alternatives) == len(set(alternatives)) < len(_top_level(side_by_side.pattern[3:-1]))
    lines = [line for path in sorted((FIXTURES / "pages").glob("*/*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["0条评论|0人参与网友评论", "寫評論已有0條評論跟帖用戶自律公約", "查看剩下100條評論", "網友回覆", "檢視全部評論"]
    assert [bool(side_by_side.search(line)) for line in lines] == [bool(joined.search(line)) for line in lines]
    assert sum(bool(joined.search(line)) for line in lines) > 20
    assert _alternatives(r"[|]a|b") == [r"[|]a", "b"]
    assert _alternatives(r"[)|(]a|b") == [r"[)|(]a|b"]  # the bracket in the class miscounted: kept whole
    assert pattern_both_scripts("跟帖") == "跟帖"  # no traditional form: as it was
