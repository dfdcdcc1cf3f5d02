"""Checks a metadata value must pass to be returned: a value that does not
look like what it is (a date, an outlet, a person's name) is no value.

As htmldate keeps ``validators.py`` apart from its sources, these checks are
apart from the places values are found (``text_fields``, ``html_fields``)
and are applied in one place (``resolve``): a value that fails is passed
over and the next source is tried; with none left the field is ``None``.
A wrong source or author is worse than none.
"""
from __future__ import annotations

import datetime
import re
from importlib import resources

from ..text import cjk_count
from ..vocab import CONTROL_OPENING, PAGE_CONTROLS

#: No news page is dated before this year.
EARLIEST_YEAR = 1990


def plausible_date(year: int, month: int, day: int, today: datetime.date | None = None) -> bool:
    """A real calendar day from 1990 to the end of next year."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    latest = (today or datetime.date.today()).year + 1
    return EARLIEST_YEAR <= year <= latest


# ---------------------------------------------------------------- what is no value

#: Words that sit in a 来源 / 作者 slot but name no outlet and no person:
#: how the text came (原创, 转载), who the reader is (网友, 楼主), unknowns.
NOT_A_NAME = frozenset(
    "原创 原創 转载 轉載 转贴 整理 综合 綜合 网络 網絡 网路 網路 互联网 互聯網 網際網路 网友 網友 楼主 樓主 本站 本网 本網 "
    "本报 本報 作者 佚名 未知 匿名 不详 不詳 暂无 暫無 管理员 管理員 admin 编辑 編輯 记者 記者 来源 來源 "
    "投稿 荐稿 在线荐稿 在線薦稿 独家 獨家 推荐 推薦 置顶 置頂 精华 精華 热门 熱門".split()
)
# Relative times, clock words, page numbers and counters: never a name.
_NOT_A_NAME_SHAPE = re.compile(
    r"(?:昨天|今天|前天|明天|刚刚|剛剛|上午|下午|凌晨|晚上|am|pm|AM|PM)"
    r"|\d+\s*(?:秒|分钟|分鐘|小时|小時|天|周|月|年)前"
    r"|(?:第?[A-Za-z]?\d{1,3}\s*版)"
    r"|(?:阅读|閱讀|閲讀|浏览|瀏覽|点击|點擊|點選|點閱|评论|評論|回复|回覆|人气|人氣)\s*[:：]?\s*\d+\s*次?"
    r"|\d+\s*(?:次|人|条|條|楼|樓)"
)
# Characters no outlet or name holds: markup, file names, URLs, brackets
# left open, sentence punctuation.
_JUNK_CHAR = re.compile(r"[<>=\"'{}\[\]|\\/@#*&^$%!！?？。，,；;…©®™]|\.(?:gif|jpe?g|png|html?|s?html)\b|https?:|www\.", re.I)
_OPEN_CLOSE = (("(", ")"), ("（", "）"), ("【", "】"), ("《", "》"), ("“", "”"))
# Administrative areas: ``山东冠县`` is a place, not a reporter.
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,}(?:省|市|县|縣|区|區|镇|鎮|乡|鄉|村|州|盟|旗)$")
# A name never opens with a particle or a function word.
_BAD_OPENING = tuple("的了是在和与與或及被把将將从從向对對为為于於我你他她它这這那")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{1,30}")
_CJK_NAME = re.compile(r"[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{1,8}[·•][\u3400-\u9fff]{1,10}")
_USER_NAME = re.compile(r"[\w\u3400-\u9fff·•.\-]{2,16}")


# ``中国广州发布``, ``上海发布``: a government's publishing account, an outlet.
_OFFICIAL_ACCOUNT = re.compile(r"[\u4e00-\u9fff]{2,10}(?:发布|發布|發佈|釋出)")
# How the text came, in a source slot: ``转载文章``, ``原创作品``.
_HOW_IT_CAME = re.compile(r"(?:原创|原創|转载|轉載|转贴|轉貼|整理|综合|綜合)(?:文章|作品|稿件|内容|內容)?")


# A group, a column or a desk, not a person: ``维基媒体项目贡献者``,
# ``工作动态``, ``本报编辑部``.
_NOT_A_PERSON_ENDING = re.compile(
    r"(?:贡献者|貢獻者|编辑部|編輯部|编辑组|編輯組|团队|團隊|小组|小組|工作室|委员会|委員會|办公室|辦公室|中心|课题组|課題組"
    r"|动态|動態|要闻|要聞|快讯|快訊|头条|頭條|热点|熱點|专题|專題|视点|視點|新闻|新聞|资讯|資訊|频道|頻道)$"
)


_GAP = re.compile(r"\s{3,}|-{2,}|—{3,}")


def official_account(name: str) -> bool:
    """``中国广州发布``: an official publishing account (the outlet, never an author)."""
    return _OFFICIAL_ACCOUNT.fullmatch(name.strip()) is not None


def _balanced(value: str) -> bool:
    return all(value.count(a) == value.count(b) for a, b in _OPEN_CLOSE)


def _no_value(value: str) -> bool:
    """True for a word that names nothing (a time, a counter, a role, a button)."""
    bare = value.strip(" 　:：·-—")
    return (
        bare in NOT_A_NAME
        or bare in PAGE_CONTROLS
        or _NOT_A_NAME_SHAPE.fullmatch(bare) is not None
        or _HOW_IT_CAME.fullmatch(bare) is not None
        or CONTROL_OPENING.match(bare) is not None
        or bare.isdigit()
    )


# ---------------------------------------------------------------- the checks

def valid_outlet(value: str) -> bool:
    """An outlet's name as printed: ``重庆日报``, ``新重庆-重庆日报``,
    ``IT之家``, ``EETOP``, ``21世纪经济报道`` — not ``昨天``, ``02版``,
    ``阅读10544次``, ``size="20"``, ``(图``, ``楼主``, ``在线荐稿``."""
    value = value.strip()
    # ``石榴云/新疆日报``: two outlets with a slash are one value.
    if not 2 <= len(value) <= 30 or _no_value(value) or _JUNK_CHAR.search(value.replace("/", "")) or not _balanced(value):
        return False
    if value.startswith(("于", "於")) or value.endswith(("写于", "寫於", "发表于", "發表於", "于", "於")):
        return False
    if _GAP.search(value):
        return False  # ``21世纪经济报道     ---（独家）…``: columns a dump printed side by side
    letters = sum(ch.isalpha() for ch in value)
    return cjk_count(value) >= 2 or letters >= 2 and letters >= len(value) // 2


#: How outlets' names end: papers, sites, agencies, stations, magazines.
_OUTLET_ENDING = re.compile(
    r"(?:报|報|报道|報道|報導|网|網|社|台|刊|志|誌|站|号|號|频道|頻道|新闻|新聞|在线|在線|客户端|客戶端|电视|電視|广播|廣播"
    r"|传媒|傳媒|媒体|媒體|资讯|資訊|财经|財經|日报|晚报|周报|早报|时报|商报|导报|青年|观察|觀察|之家|消息)$"
    r"|^[A-Z0-9][A-Za-z0-9 .&\-]{1,29}$"
)


def outlet_shaped(value: str) -> bool:
    """A name that says it is an outlet (``新京报``, ``光明网``, ``新华社``,
    ``央视新闻``, ``CNN``, ``新浪财经-自媒体综合``): what a name beside a date needs to be taken for
    the source without a 来源 label (``2018年12月28日 19:55 新京报``, but not
    ``随机生产边界方式之应用 2005-06-12``, a list's title and date)."""
    return any(_OUTLET_ENDING.search(part) for part in _OUTLET_PARTS.split(value.strip()) if part)


# ``新浪财经-自媒体综合``, ``新华日报·交汇点``: an outlet and its channel.
_OUTLET_PARTS = re.compile(r"\s*[-—–·•/／|｜]\s*")


def valid_person(name: str, *, user_names: bool = False, han_only: bool = False) -> bool:
    """A person's name: 2-4 Han characters (``杨帆``), a name with a middle
    dot (``阿卜杜拉·买买提``), a Latin name (``Alice``); with ``user_names``
    also a forum or blog user's handle (``海姑娘``, ``mi来mi去``). Never a
    place (``山东冠县``), a button (``博客联系``), a word opening with a
    particle (``的衡量``) or anything with punctuation (``恶心！！！``)."""
    name = name.strip()
    if not name or _no_value(name) or _JUNK_CHAR.search(name) or not _balanced(name):
        return False
    if name.startswith(_BAD_OPENING) or _PLACE.fullmatch(name) or official_account(name) or _NOT_A_PERSON_ENDING.search(name):
        return False
    if han_only:
        # No label says these are names: they must open with a surname.
        return _CJK_NAME.fullmatch(name) is not None and name[0] in SURNAMES
    if _CJK_NAME.fullmatch(name):
        return True
    return _LATIN_NAME.fullmatch(name) is not None or user_names and _USER_NAME.fullmatch(name) is not None


def valid_names(names, *, user_names: bool = False, han_only: bool = False, split: bool = True) -> tuple[str, ...] | None:
    """The names of a byline when every one is a person's name (buttons
    that leaked into the slot, ``我来说两句``, are left out; two names a
    text dump printed without a space are split, ``杨帆卢志民``); None when
    any other does not look like a name: then the slot held something else.
    ``split=False`` where nothing says the run is names (``中国民权运动`` is
    a menu item, not two names)."""
    kept: list[str] = []
    for name in names:
        name = name.strip()
        if name in PAGE_CONTROLS or CONTROL_OPENING.match(name):
            continue
        parts = [name] if valid_person(name, user_names=user_names, han_only=han_only) else split_glued_names(name) if split else []
        if not parts:
            return None
        kept.extend(part for part in parts if part not in kept)
    return tuple(kept) or None


def split_glued_names(run: str) -> list[str]:
    """Names printed without a space (``杨帆卢志民`` -> 杨帆, 卢志民;
    ``王燕平方云凤柏建斌`` -> three): a run of 5 to 12 Han characters that
    splits one way only into the fewest names of 2 or 3 characters, each
    opening with a surname and none a place; else ``[]``
    (``闵乐夫赵兰波刘韬刘晋芳胡玉顺`` splits four ways into five)."""
    if not (5 <= len(run) <= 12 and cjk_count(run) == len(run)):
        return []
    fewest = (len(run) + 2) // 3
    found = [split for split in _name_splits(run, fewest) if len(split) == fewest]
    return list(found[0]) if len(found) == 1 else []


def _name_splits(run: str, most: int) -> list[tuple[str, ...]]:
    """The ways ``run`` splits into at most ``most`` names of 2 or 3
    characters opening with a surname (none a place)."""
    if not run:
        return [()]
    if most == 0 or run[0] not in SURNAMES:
        return []
    out = []
    for k in (2, 3):
        name = run[:k]
        if len(name) == k and not _PLACE.fullmatch(name):
            out.extend((name, *rest) for rest in _name_splits(run[k:], most - 1))
    return out


def _surnames() -> frozenset[str]:
    text = resources.files(__package__.rpartition(".")[0]).joinpath("data", "surnames.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


#: Characters that open personal names (``data/surnames.txt``).
SURNAMES = _surnames()


_NAME_RUN = re.compile(r"[^\s】\]）)》>|｜/]+(?:\s+[^\s】\]）)》>|｜/]+)*")


def valid_editor(value: str) -> str | None:
    """The editor's name(s), space-separated: ``刘欢`` out of
    ``刘欢】 返回搜狐 查看更多`` (what follows a closing bracket, and the
    links after the name, are the page's); None when they are no names."""
    head = _NAME_RUN.match(value.strip())
    if head is None:
        return None
    kept = valid_names(head.group().split())
    return " ".join(kept) if kept else None
