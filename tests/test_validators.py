"""A filled field is right: values that do not look like what they are
(an outlet, a person's name, an editor) become null. Values are the junk seen
on real pages (the issue's list and the third-party pages), and the right
values beside them."""
import pytest

from boilerstrip.metadata.validators import (
    outlet_shaped,
    split_glued_names,
    valid_editor,
    valid_names,
    valid_outlet,
    valid_person,
)


@pytest.mark.parametrize("value", ["重庆日报", "新重庆-重庆日报", "IT之家", "EETOP", "21世纪经济报道", "石榴云/新疆日报", "新浪财经-自媒体综合"])
def test_outlets(value):
    assert valid_outlet(value)


@pytest.mark.parametrize(
    "value",
    ["昨天", "原创", "02版", "楼主", "在线荐稿", "阅读10544次", 'size="20"', "am", "(图", "海姑娘写于", "于JTBC播放",
     "Works娱乐（2014年至", "3948", "[arrow-up.gif", "（京港台时间"],
)
def test_no_outlets(value):
    assert not valid_outlet(value)


def test_a_name_beside_a_date_must_say_it_is_an_outlet():
    assert all(map(outlet_shaped, ["新京报", "光明网", "新华社", "参考消息", "新浪财经-自媒体综合", "CNN"]))
    assert not any(map(outlet_shaped, ["随机生产边界方式之应用", "金融市场棱镜", "欺负女的"]))


@pytest.mark.parametrize("name", ["杨帆", "卢志民", "阿卜杜拉·买买提", "Alice", "zboygirl"])
def test_people(name):
    assert valid_person(name)


@pytest.mark.parametrize("name", ["博客联系", "山东冠县", "的衡量", "恶心！！！", "返回搜狐", "我打电话", "楼主", "引用"])
def test_no_people(name):
    assert not valid_person(name, user_names=True)


def test_handles_only_where_a_page_marks_its_author():
    assert not valid_person("mi来mi去") and valid_person("mi来mi去", user_names=True)
    assert valid_person("演唱会") and not valid_person("演唱会", han_only=True)  # no surname opens it


def test_names_in_a_byline():
    assert valid_names(["郭励弘", "我来说两句", "我来说两句"]) == ("郭励弘",)  # a button glued on
    assert valid_names(["彭冲", "山东冠县"]) is None  # a place: the slot held more than names
    assert valid_names(["引用", "投诉", "支持"]) is None
    assert valid_names(["湘菜粤菜", "兵分两路", "(图"]) is None


@pytest.mark.parametrize(
    "run, names",
    [("杨帆卢志民", ["杨帆", "卢志民"]), ("段彦超廖艳", ["段彦超", "廖艳"]), ("王建宏张文攀", ["王建宏", "张文攀"]),
     ("宋怡杨志华", ["宋怡", "杨志华"]), ("彭冲山东冠县", []), ("新华社记者", []),
     ("王燕平方云凤柏建斌", ["王燕平", "方云凤", "柏建斌"]), ("闵乐夫赵兰波刘韬刘晋芳胡玉顺", [])],
)
def test_two_names_a_dump_printed_without_a_space(run, names):
    assert split_glued_names(run) == names


def test_editors():
    assert valid_editor("刘欢】 返回搜狐 查看更多") == "刘欢"
    assert valid_editor("萧潇 张妍") == "萧潇 张妍"
    assert valid_editor("山石 中国1000个赚钱好项目") is None
