"""Metadata parsing on real lines."""
import pytest

from boilerstrip.metadata import byline, dateline, metadata_line, parse_date
from boilerstrip.metadata.text_fields import cut_trailing_credit, post_line

from .conftest import plain


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
    assert plain(metadata_line(line)) == fields


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
    assert plain(byline(line)) == fields


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
    assert plain(metadata_line(line)) == fields


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
    assert plain(byline(line)) == fields


def test_a_word_starting_with_wen_is_no_byline():
    assert byline("文化社会") is None


# ---------------------------------------------------------------- forms seen on unseen sites (M2–M4, M7)

@pytest.mark.parametrize(
    "line, fields",
    [
        ("□ 本报记者 葛灵丹", {"authors": ["葛灵丹"]}),
        ("本报记者罗科苏盈发自北京", {"authors": ["罗科苏盈"]}),
        ("本报实习生 刘国栋 周炜", {"authors": ["刘国栋", "周炜"]}),
        ("（信报记者蔡雪婧）", {"authors": ["蔡雪婧"], "source": "信报"}),
        ("（总台记者 张倩）", {"authors": ["张倩"]}),
        ("新京报记者 彭冲 山东冠县报道", {"authors": ["彭冲"], "source": "新京报"}),
        ("新京报记者彭冲山东冠县报道", {"authors": ["彭冲"], "source": "新京报"}),  # w3m glues the place on
        ("顶端新闻·河南商报记者马俊峰/文受访者供图", {"authors": ["马俊峰"], "source": "顶端新闻·河南商报"}),
        ("整合 新华日报·交汇点记者 徐睿翔", {"authors": ["徐睿翔"], "source": "新华日报·交汇点"}),
    ],
)
def test_reporter_bylines(line, fields):
    assert plain(byline(line)) == fields


@pytest.mark.parametrize("line", ["据记者了解", "——作者手记", "【作者单位：中国社会科学院研究生院、华中科技大学社会学系】", "记者近日从西藏自治区农业农村厅了解到"])
def test_words_after_a_role_word_that_are_no_names(line):
    assert byline(line) is None


@pytest.mark.parametrize(
    "line, fields",
    [
        ("据新华社拉萨电（记者格桑边觉）记者近日从西藏自治区农业农村厅召开的全区农牧业工作会议上了解到", {"authors": ["格桑边觉"]}),
        ("长江网10月4日讯（记者陈智 整合） 国庆中秋长假过半", {"source": "长江网", "authors": ["陈智"]}),
    ],
)
def test_dateline_leads_in_other_forms(line, fields):
    assert dateline(line) == fields


@pytest.mark.parametrize(
    "line, fields",
    [
        ("执笔人：闵乐夫 赵兰波 刘韬 刘晋芳 胡玉顺", {"authors": ["闵乐夫", "赵兰波", "刘韬", "刘晋芳", "胡玉顺"]}),
        ("作者： 赵婕 出自[人民文学出版社]", {"authors": ["赵婕"]}),
        ("作者: 赵培：北京物资学院，北京", {"authors": ["赵培"]}),
        ("编辑： 金金 来源： 21世纪经济报道 作者：宋怡 杨志华", {"editor": "金金", "source": "21世纪经济报道", "authors": ["宋怡", "杨志华"]}),
        ("2015-11-05 阅读：8169 来源:转载作者:孙仲旻", {"date": "2015-11-05", "source": "转载", "authors": ["孙仲旻"]}),
        ("时间：2004年10月21日14:18 作者：郭励弘 我来说两句我来说两句(0", {"date": "2004-10-21T14:18", "authors": ["郭励弘"]}),
        ("作者:zboygirl 阅读(1660) 评论(5) 编辑发表于:2005-07-31 12:30", {"date": "2005-07-31T12:30", "authors": ["zboygirl"]}),
    ],
)
def test_labelled_credits(line, fields):
    assert plain(metadata_line(line)) == fields


@pytest.mark.parametrize(
    "line, fields",
    [
        ("2005-04-27 14:32更新来源：千龙新闻网 发表评论", {"date": "2005-04-27T14:32", "source": "千龙新闻网"}),
        ("BUSINESS.SOHU.COM 2005年3月11日12:12 来源：[ 人民网 ]", {"date": "2005-03-11T12:12", "source": "人民网"}),
        ("报纸网 |发布: 2021-1-29 13:18|点击: 313|来自: 互联网", {"date": "2021-01-29T13:18", "source": "互联网"}),
        ("http://biz.163.com 2005-04-25 08:24:06 来源: 第一财经日报 网友评论 0 条", {"date": "2005-04-25T08:24:06", "source": "第一财经日报"}),
        ("同人连载 2022-02-14 03:01--阅读 · --喜欢 · --评论", {"date": "2022-02-14T03:01", "source": "同人连载"}),
        ("2005-04-05 06:40更新来源：转载文章 第1页/共1页 << 上一页 | 下一页 >>", {"date": "2005-04-05T06:40", "source": "转载文章"}),
        ("http://www.qianlong.com/ 　 2005-07-18 13:03:17", {"date": "2005-07-18T13:03:17"}),
        ("http://house.sina.com.cn 2005年03月31日03:18 北京娱乐信报 [楼盘名称] [搜索]", {"date": "2005-03-31T03:18", "source": "北京娱乐信报"}),
        ("发布日期： 9/17/2004 5:54:13 AM", {"date": "2004-09-17T05:54:13"}),
    ],
)
def test_datelines_with_the_pages_chrome_beside_them(line, fields):
    assert plain(metadata_line(line)) == fields


@pytest.mark.parametrize(
    "line",
    [
        "2005-06-14 03:25:55 湘菜粤菜 兵分两路 (图)",       # a list's title, no names
        "记者：你通过什么渠道最快的获取这些信息？",          # an interview's question
        "2005-06-14 03:25:55 点此进入我的相册！",            # no chrome we know of
        "〓网易娱乐明星话题发布时间 2005/03/15 22:36:13 by duscha 〓",  # a post's attribution (post_line)
    ],
)
def test_lines_that_are_no_metadata(line):
    assert metadata_line(line) is None


@pytest.mark.parametrize(
    "line, fields",
    [
        ("由海姑娘张贴 @ 2005-06-14 03:25:55 (370) 共 11 篇评论 发表评论 >>>", {"date": "2005-06-14T03:25:55", "authors": ["海姑娘"]}),
        ("本贴由大卫于2005年8月12日16:12:21在〖心灵体操（在线心理咨询）〗发表.", {"date": "2005-08-12T16:12:21", "authors": ["大卫"]}),
        ("ggjjzhzz 发表于 2005-9-15 11:46:00", {"date": "2005-09-15T11:46:00", "authors": ["ggjjzhzz"]}),
        ("〓网易娱乐周黎明留言板发布时间 2005/05/17 22:11:42 by 眉间尺〓", {"date": "2005-05-17T22:11:42", "authors": ["眉间尺"]}),
        ("Posted by duscha at 2005-03-15 22:36", {"date": "2005-03-15T22:36", "authors": ["duscha"]}),
        ("发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)", {"date": "2004-12-27T12:40"}),
        ("[点击此处收藏本文] 发表于2005年09月07日 11:57 AM", {"date": "2005-09-07T11:57"}),
    ],
)
def test_post_attributions(line, fields):
    assert plain(post_line(line)) == fields


def test_prose_with_you_and_a_year_is_no_post():
    assert post_line("由此可见，2005年的发展并不均衡。") is None


@pytest.mark.parametrize(
    "text, credit",
    [
        ("……过一个平安、祥和、温馨、廉洁的新春佳节。（常书香马丹阳）", ({"authors": ["常书香马丹阳"]}, "bare")),
        ("“所有的改革难道不都是利益再分配的过程吗？”（姚峰 上海报道）", ({"authors": ["姚峰"]}, "bare")),
        ("……投资者创业成功。(信报记者 蔡雪婧)", ({"authors": ["蔡雪婧"], "source": "信报"}, "credit")),
    ],
)
def test_trailing_credits(text, credit):
    assert cut_trailing_credit(text)[1:] == credit


@pytest.mark.parametrize("text", ["他引用了李白的诗（李白）", "会议在北京举行。（上海）", "全文完。（完）"])
def test_trailing_brackets_that_are_no_credit(text):
    assert cut_trailing_credit(text) is None


@pytest.mark.parametrize(
    "text, iso",
    [
        ("9/17/2004 5:54:13 AM", "2004-09-17T05:54:13"),   # month first: 17 is no month
        ("2005年09月07日 11:57 PM", "2005-09-07T23:57"),
        ("13/02/2022", "2022-02-13"),                       # day first
        ("06/02/2022 - 13:48", None),                      # June 2 or 6 February: not said
        ("2005年08月30日, 星期二 13:22", "2005-08-30T13:22"),
    ],
)
def test_dates_in_other_orders(text, iso):
    assert parse_date(text) == iso


def test_the_page_says_which_order_its_dates_are_in():
    assert parse_date("06/02/2022 - 13:48", day_first=True) == "2022-02-06T13:48"
    from boilerstrip.metadata.dates import page_day_first

    assert page_day_first(["发表时间： 06/02/2022 - 13:48", "13/02/2022"]) is True
    assert page_day_first(["06/02/2022", "02/13/2022"]) is False
    assert page_day_first(["06/02/2022"]) is None


# Text dumps render a table's cells side by side; the cells of a row are
# kept, and a row that opens with metadata gives it (real rows, from a w3m
# and an inscriptis dump).
@pytest.mark.parametrize(
    "raw, cut, kept, authors, date",
    [
        ("  新华网黑龙江频道 记者 伊琳 李清芬          · 推进大连工业经济发展对策",
         "新华网黑龙江频道 记者 伊琳 李清芬", "· 推进大连工业经济发展对策", ("伊琳", "李清芬"), None),
        ("本贴由大卫于2005年8月12日16:12:21在〖心灵体操（在线心理咨询）〗发表.   郑 重 声 明",
         "本贴由大卫于2005年8月12日16:12:21在〖心灵体操（在线心理咨询）〗发表.", "郑 重 声 明", ("大卫",), "2005-08-12T16:12:21"),
    ],
)
def test_a_row_of_cells_that_opens_with_metadata(raw, cut, kept, authors, date):
    from boilerstrip.lines import split_lines
    from boilerstrip.metadata import find_line_fields

    page = split_lines(raw)
    assert page.spaced == ((1, raw),)
    line = find_line_fields(page).lines[0]
    assert (line.text, line.cuts[0][0]) == (kept, cut)
    assert (line.fields.authors, line.fields.date) == (authors, date)


def test_a_row_of_short_cells_is_a_menu_not_a_byline():
    from boilerstrip.lines import split_lines
    from boilerstrip.metadata import find_line_fields

    line = find_line_fields(split_lines("麻辣杂谈          记者江湖          中国川剧          指上谈兵")).lines[0]
    assert line.fields is None and line.text == "麻辣杂谈 记者江湖 中国川剧 指上谈兵"


def test_a_bracket_of_names_may_be_padded():
    # A real line's end (a county paper's report): a space before the bracket closes.
    text = "倡树廉洁家风，过一个平安、祥和、温馨、廉洁的新春佳节。（常书香 马丹阳 ）"
    (start, _), fields, kind = cut_trailing_credit(text)
    assert text[start:].strip() == "（常书香 马丹阳 ）" and list(fields["authors"]) == ["常书香", "马丹阳"]


def test_an_account_name_above_its_counters_is_the_author():
    from boilerstrip import clean_article

    body = "中午下课，曼城茶座拿着咖啡杯一如既往地向着教室走去。走到门前握住把手刚要开门时，眼前的窗口爆出几团烟雾。" * 3
    page = "\n".join(["【赛马娘】情人节赠礼", "", "同人连载 2022-02-14 03:01--阅读 · --喜欢 · --评论", "魑皇", "粉丝：23文章：11", "关注", "", body])
    article = clean_article(page)
    assert (article.title, article.authors, article.date) == ("【赛马娘】情人节赠礼", ("魑皇",), "2022-02-14T03:01")


def test_a_byline_whose_names_a_dump_glued():
    from boilerstrip.metadata.text_fields import reporter_byline

    # w3m printed ``本报记者 王燕平 方云凤 柏建斌`` without its spaces.
    assert list(reporter_byline("本报记者王燕平方云凤柏建斌")["authors"]) == ["王燕平", "方云凤", "柏建斌"]
    # A sentence after the role word is no byline.
    assert reporter_byline("本报记者从市教育局获悉") is None
