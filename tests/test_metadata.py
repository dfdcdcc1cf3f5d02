"""Metadata parsing on real lines."""
import pytest

from boilerstrip.metadata import byline, dateline, metadata_line, parse_date


@pytest.mark.parametrize(
    "line, fields",
    [
        ("来源:重庆日报2024-07-11 10:01", {"source": "重庆日报", "date": "2024-07-11T10:01"}),
        ("来源:石榴云/新疆日报2024-06-06 10:55", {"source": "石榴云/新疆日报", "date": "2024-06-06T10:55"}),
        ("[ 责编:邢彬 ]", {"editor": "邢彬"}),
        ("2019-09-07 13:43:45　来源: 证券市场红周刊举报", {"source": "证券市场红周刊", "date": "2019-09-07T13:43:45"}),
        ("责任编辑：杨倩_NF4425", {"editor": "杨倩"}),
    ],
)
def test_metadata_lines(line, fields):
    assert metadata_line(line) == fields


@pytest.mark.parametrize("line", ["袁家军指出,对口支援西藏昌都,是党中央赋予重庆的重大政治责任。", "重庆市代表团来疆考察交流"])
def test_prose_is_no_metadata_line(line):
    assert metadata_line(line) is None


@pytest.mark.parametrize(
    "line, fields",
    [
        ("新重庆-重庆日报记者 杨帆 卢志民", {"source": "新重庆-重庆日报", "authors": ["杨帆", "卢志民"]}),
        ("新重庆-重庆晨报记者 杨新宇", {"source": "新重庆-重庆晨报", "authors": ["杨新宇"]}),
        ("(文/记者 杨帆 卢志民)", {"authors": ["杨帆", "卢志民"]}),
    ],
)
def test_bylines(line, fields):
    assert byline(line) == fields


@pytest.mark.parametrize(
    "line, fields",
    [
        ("重庆日报讯(记者杨帆卢志民)7月8日至10日,重庆市代表团赴西藏", {"source": "重庆日报", "authors": ["杨帆卢志民"]}),
        ("重庆日报讯(新重庆-重庆日报首席记者张亦筑实习生文彦之)“合闸!”", {"source": "重庆日报", "authors": ["张亦筑", "文彦之"]}),
        ("石榴云/新疆日报讯(记者王兴瑞报道)6月2日至4日", {"source": "石榴云/新疆日报", "authors": ["王兴瑞"]}),
    ],
)
def test_dateline_leads(line, fields):
    assert dateline(line) == fields


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2024-07-11 10:01", "2024-07-11T10:01"),
        ("2019年11月25日 18:57", "2019-11-25T18:57"),
        ("2024-07-11", "2024-07-11"),
        ("2024-13-45", None),
        ("1900-01-01", None),
    ],
)
def test_dates_keep_the_precision_shown(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "line, fields",
    [
        ("来源：重庆日报 2024-07-11 10:01", {"source": "重庆日报", "date": "2024-07-11T10:01"}),
        ("来源于：人民网", {"source": "人民网"}),
        ("【责任编辑：邢彬】", {"editor": "邢彬"}),
        ("(责编：汤诗瑶、丁涛)", {"editor": "汤诗瑶 丁涛"}),
        ("杜硕 本文来源：新京报 责任编辑：杜硕_NB12556", {"source": "新京报", "editor": "杜硕"}),
        ("【纠错】 责任编辑： 尹世杰", {"editor": "尹世杰"}),
        ("2019年11月25日 18:57 参考消息", {"date": "2019-11-25T18:57", "source": "参考消息"}),
        ("原创：路闻卓立编译人民币交易与研究", {"authors": ["路闻卓立"]}),
    ],
)
def test_metadata_lines_in_other_wordings(line, fields):
    assert metadata_line(line) == fields


@pytest.mark.parametrize(
    "line, fields",
    [
        ("（文/记者 杨帆 卢志民）", {"authors": ["杨帆", "卢志民"]}),
        ("记者 张三 通讯员 李四", {"authors": ["张三", "李四"]}),
        ("执笔/叨叨姐、胡一刀&李小飞刀", {"authors": ["叨叨姐", "胡一刀", "李小飞刀"]}),
        ("石佳/中国青年报", {"authors": ["石佳"], "source": "中国青年报"}),
    ],
)
def test_bylines_in_other_wordings(line, fields):
    assert byline(line) == fields


def test_a_word_starting_with_wen_is_no_byline():
    assert byline("文化社会") is None
