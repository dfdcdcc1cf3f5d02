"""Metadata from text lines: what each line of a page says.

* metadata lines (``来源:重庆日报2024-07-11 10:01``, ``[ 责编:邢彬 ]``,
  ``编辑|… 责编|… 来源|…``, ``發布時間：2024/07/11 10:01``): removed whole
  (detector ``metadata``); a page's chrome on the same line (a domain,
  counters, buttons, ``更新``, pagination: a closed vocabulary) is allowed;
* a post's attribution (``由海姑娘张贴 @ 2005-06-14 03:25:55``,
  ``ggjjzhzz 发表于 2005-9-15 11:46:00``): the poster and the date;
* closing bylines (``新重庆-重庆日报记者 杨帆 卢志民``,
  ``【聯合報╱記者古硯偉／台北報導】``): removed whole (detector ``byline``);
* trailing credits cut from the end of a paragraph (``(文/记者 杨帆 卢志民)``,
  ``（姚峰 上海报道）``, detector ``credit``);
* dateline leads (``重庆日报讯(记者…)``, ``据新华社拉萨电（记者…）``,
  ``（中央社記者王揚宇台北15日電）``, ``〔記者林曉雲／台北報導〕``,
  ``【明報專訊】``): they stay in the body.

:func:`find_line_fields` (step 6) gives every such line its
:class:`~boilerstrip.lines.LineFields`; ``resolve`` weighs them.
"""
from __future__ import annotations

import functools
import re
from types import MappingProxyType
from importlib import resources

from ..lines import HEADLINE, TEXT, LineFields, Page, cells, has_cells
from ..text import cued_lines
from .dates import date_matches, page_day_first, parse_date, strip_dates
from .validators import SURNAMES, split_glued_names
from .labels import AUTHOR_LABELS, DATE_LABELS, EDITOR_LABELS, NAME_SEPARATORS, OTHER_LABELS, SOURCE_LABELS

_LABEL = re.compile(
    rf"(?P<label>{SOURCE_LABELS}|{EDITOR_LABELS}|{AUTHOR_LABELS}|{OTHER_LABELS}|{DATE_LABELS})\s*[：:|丨︱]\s*"
)
_SOURCE_LABEL, _EDITOR_LABEL = re.compile(SOURCE_LABELS), re.compile(EDITOR_LABELS)
_AUTHOR_LABEL, _OTHER_LABEL = re.compile(AUTHOR_LABELS), re.compile(OTHER_LABELS)
# Words that sit on a metadata line but are no value: buttons and counters.
_FILLER_WORDS = r"举报|舉報|分享到?|字号|字號|字體|字体|打印|列印|评论|評論|收藏|关注|關注|大|中|小|阅读|閱讀|閲讀|点击|點擊|點選"
_FILLER = re.compile(rf"(?:{_FILLER_WORDS}|[\s:：|丨/()（）\[\]【】,，、·])(?:{_FILLER_WORDS}|[\d\s:：|丨/()（）\[\]【】,，、·])*$")
_NAME = r"[\u4e00-\u9fff·•]{2,6}"
_ONE_NAME = re.compile(rf"{_NAME}|[A-Za-z][A-Za-z0-9_.\-]{{1,30}}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff·•]{2,8}")
_WEN_PREFIX = re.compile(r"^文\s*[/／╱|:：]\s*")
_REPORTED = re.compile(r"(?:摄影?报道|报道|報道|報導)$")
_EDITOR_CREDIT = re.compile(r"(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[：:]?\s*(.+)")
_ROLE_WORDS = re.compile(
    r"(?:本报|本報|本刊|本网|本網|本台|本臺|总台|總台|總檯|總枱)?(?:驻\S{1,6}?|駐\S{1,6}?)?"
    r"(?:首席记者|首席記者|特约记者|特約記者|见习记者|見習記者|实习记者|實習記者|摄影记者|攝影記者|全媒体记者|全媒體記者"
    r"|融媒体记者|融媒體記者|记者|記者|实习生|實習生|通讯员|通訊員|撰文|撰稿人?|执笔人?|執筆人?|作者|文字|采写|採寫"
    r"|摄影|攝影|摄像|攝像|编辑|編輯|整理)"
)
# Roles whose names are no authors: the photographer, the cameraman, the editor.
_NOT_AUTHOR_ROLE = re.compile(r"摄|攝|编辑|編輯|整理")


def _load_places() -> frozenset[str]:
    text = resources.files(__package__.rpartition(".")[0]).joinpath("data", "places.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


#: Place names (``data/places.txt``, from jieba's ``ns`` words): where a
#: story was filed from, printed after the reporter's name.
PLACES = _load_places()
_ADMIN_PLACE = re.compile(r"[\u4e00-\u9fff]{2,}(?:省|市|县|縣|区|區|镇|鎮|乡|鄉|州)$")


def strip_place(text: str) -> str:
    """``彭冲山东冠县`` -> ``彭冲``, ``王揚宇台北`` -> ``王揚宇``: the place
    names a credit prints after the reporter's name are cut, as long as
    a name of two characters or more is left."""
    tokens = text.split()
    while len(tokens) > 1 and (tokens[-1] in PLACES or _ADMIN_PLACE.fullmatch(tokens[-1])):
        tokens.pop()
    text = " ".join(tokens)
    for _ in range(3):
        last = NAME_SEPARATORS.split(text)[-1]
        for size in (4, 3, 2):
            if len(last) - size >= 2 and last[-size:] in PLACES and _HAN_NAME.fullmatch(last[:-size]):
                text = text[:-size]
                break
        else:
            break
    return text


def split_names(text: str) -> list[str]:
    """Names separated by spaces, 、 or commas; role words and 报道 dropped."""
    text = _NAME_TAIL.sub("", text.strip())
    compiled = _COMPILED_BY.match(text)
    if compiled:
        text = compiled.group(1)
    return [name for name in NAME_SEPARATORS.split(text) if name and not _NAME_TAIL.fullmatch(name)]


# ``路闻卓立编译人民币交易与研究``: the translator, then where the text was from.
_COMPILED_BY = re.compile(r"([\u4e00-\u9fff·]{2,6}?)(?:编译|編譯|整合|综合|撰写)")
# Words after a reporter's name that are no name: 报道, 整合, 编译, 发自…
_NAME_TAIL = re.compile(r"\s*(?:摄影?报道|报道|報道|報導|整合|综合|編譯|编译|电|電|发自\S{1,6}|發自\S{1,6}|摄|攝)$")
# What closes a reporter's names: where from and how (``／台北報導``,
# ``山东冠县报道``, ``台北15日電``, ``发自北京``), a text credit (``/文``),
# a photo courtesy (``受访者供图``), a book or an affiliation (``出自[…]``).
_CREDIT_TAIL = re.compile(
    r"\s*(?:[/／╱|]\s*[^/／╱|\s]{1,8}?(?:综合|綜合|连线|連線|联合|聯合)?(?:报道|報導|報道)"
    r"|(?:综合|綜合|连线|連線|联合|聯合)?(?:摄影?报道|报道|報導|報道)"
    r"|\d{1,2}日(?:专|專)?(?:电|電)|(?:专|專)?(?:电|電)|(?:发自|發自)\S{1,8}"
    r"|[/／]\s*文|(?:受访者|受訪者|网友|網友|读者|讀者|本报|本報|资料|資料|单位|單位)?(?:供图|供圖|提供)"
    r"|(?:出自|摘自|选自|選自|节选自|節選自)\s*\S*"
    r"|整合|综合|綜合|编译|編譯|整理|撰写|撰寫)$"
)
# Words saying where from a story was filed: a place may sit before them.
_FILED_WORD = re.compile(r"(?:报道|報導|報道|电|電|发自|發自)\S*$")
# ``赵培：北京物资学院，北京``, ``张三（北京大学）``: a name and where the author works.
_AFFILIATION = re.compile(r"(?P<name>[\u4e00-\u9fff·]{2,6})\s*[：:（(](?=[^\s]{2,})")
# ``马俊峰/文``, ``李四/图``: what each name did.
_NAME_ROLE = re.compile(r"[/／]\s*(文|图|圖|摄|攝|摄影|攝影)(?=\s|$)")


def _names_of(chunk: str) -> list[str] | None:
    """The names in the text after a role word, or None when it holds
    anything else (a link's text, a sentence: then it is no credit)."""
    chunk = chunk.strip(" :：/／╱|、,，·-—")
    affiliated = _AFFILIATION.match(chunk)
    if affiliated:
        chunk = affiliated["name"]  # ``赵培：北京物资学院，北京``
    previous = None
    filed = False
    while chunk and chunk != previous:
        previous = chunk
        chunk = _CREDIT_TAIL.sub("", chunk).strip(" :：/／╱|、,，")
        filed = filed or (chunk != previous and _FILED_WORD.search(previous) is not None)
    if filed:
        chunk = strip_place(chunk)
    names: list[str] = []
    for match in re.finditer(r"[^\s/／╱、,，&＆]+(?:\s*[/／]\s*(?:文|图|圖|摄|攝|摄影|攝影)(?=\s|$))?", chunk):
        token = match.group()
        role = _NAME_ROLE.search(token)
        if role:
            token = token[: role.start()].strip()
            if role.group(1) != "文":
                continue
        if token in ("文", "图", "圖", "摄", "攝"):
            continue
        if not _ONE_NAME.fullmatch(token):
            glued = split_glued_names(token) if len(token) > 6 else None
            if not glued:
                return None
            names.extend(glued)  # ``王燕平方云凤柏建斌``: a dump dropped the spaces
            continue
        names.append(token)
    return names


def parse_credits(text: str) -> dict:
    """Authors (and source) from a credit such as
    ``新重庆-重庆日报首席记者张亦筑实习生文彦之`` or ``文/记者 杨帆 卢志民``."""
    text = _WEN_PREFIX.sub("", text.strip())
    text = _REPORTED.sub("", text)
    parts = _ROLE_WORDS.split(text)
    roles = _ROLE_WORDS.findall(text)
    if not roles:
        names = _names_of(text)
        if names is None:
            names = [name for name in split_names(text)]
            names = names if names and all(_ONE_NAME.fullmatch(n) for n in names) else None
        return {"authors": names} if names else {}
    authors = []
    for role, chunk in zip(roles, parts[1:]):
        names = _names_of(chunk)
        if names is None:
            names = split_names(chunk)
        if _NOT_AUTHOR_ROLE.search(role):
            continue
        authors.extend(names)
    result: dict = {"authors": [a for a in authors if 2 <= len(a) <= 8]}
    outlet = _OUTLET_PREFIX.sub("", parts[0].strip(" -—╱/／|"))
    if outlet and not outlet.startswith(("本报", "本報", "本刊", "本网", "本網")):
        result["source"] = outlet
    return result


# ``整合 新华日报·交汇点记者 徐睿翔``: how the text was made, before the outlet.
_OUTLET_PREFIX = re.compile(r"^(?:据|據|整合|综合|綜合|编译|編譯)\s*")


# ---------------------------------------------------------------- a page's chrome on a metadata line

_COUNTED = r"(?:阅读|閱讀|閲讀|浏览|瀏覽|点击|點擊|點選|點閱|评论|評論|回复|回覆|人气|人氣|喜欢|喜歡|收藏|分享|转发|轉發|赞|讚|顶|頂|踩|访问|訪問|热度|熱度|留言)"
#: The closed vocabulary of chrome a date or source line may carry beside
#: its values: domains and URLs, counters, buttons, verbs glued to the
#: date, pagination, time zones. Nothing else may be left over.
_CHROME = re.compile(
    r"(?i:https?://[^\s()（）\[\]<>\u3000-\u9fff]*|www\.[^\s()（）\[\]<>，。\u3000-\u9fff]*|(?<![\w@.])(?:[a-z0-9-]+\.)+(?:com|net|org|gov|edu|cn|tw|hk|mo)(?:\.[a-z]{2})?(?![\w.])/?)"
    rf"|(?:网友|網友)?{_COUNTED}(?:数|數|量|次数|次數)?\s*[:：]?\s*[(（\[]?\s*(?:\d[\d,]*|--)(?![\d\-/.年:：])\s*[)）\]]?\s*(?:次|条|條|人|篇)?"
    rf"|-{{2}}\s*{_COUNTED}"
    r"|共?\s*\d+\s*(?:篇|条|條|则|則)\s*(?:评论|評論|回复|回覆|留言)"
    r"|[(（]\s*\d+\s*[)）]"
    r"|发表评论|發表評論|我要评论|我要評論|(?:我来说两句|我來說兩句|我來説兩句)(?:\s*[(（]\s*\d*\s*[)）]?)?|查看评论|查看評論|檢視評論|参与讨论|參與討論"
    r"|打印本页|打印|列印|关闭窗口|關閉視窗|关闭|關閉|收藏本文|推荐给朋友|推薦給朋友|纠错|糾錯|举报|舉報|分享到|返回顶部|返回頂部|返回页首|返回頁首"
    r"|\[\s*(?:搜索|搜尋|网站|網站|打印|列印|关闭|關閉|收藏|评论|評論|纠错|糾錯|推荐|推薦|(?:点击|點擊)[^\[\]]{0,12}|[A-Za-z0-9_.\- ]{0,30})\s*\]"
    r"|\[[^\[\]]{0,12}\]\s*(?=\[\s*(?:搜索|搜尋)\s*\])"
    r"|第\s*\d+\s*[页頁]\s*/?\s*共\s*\d+\s*[页頁]|<<+|>>+|上一[页頁]|下一[页頁]"
    r"|[(（]?(?:北京时间|北京時間|京港台时间|京港台時間|京港臺時間|台北時間|臺北時間|香港時間)[)）]?"
    r"|(?:编辑|編輯)(?=\s*(?:发表|發表))"
    r"|(?<=\d)\s*(?:更新|发布|發布|發佈)(?:于|於)?"
    r"|(?<![\u4e00-\u9fff])(?:更新|发布于|發布於|發佈於|发布|發布|發佈)(?=\s*[:：]?\s*\d)"
)


def strip_chrome(text: str) -> str:
    """``text`` without the chrome of :data:`_CHROME` (each piece a space)."""
    return _CHROME.sub(" ", text)


# ---------------------------------------------------------------- metadata lines

def metadata_line(text: str) -> dict | None:
    """Fields of a line made only of labelled metadata (and a date), else None.

    ``来源:重庆日报2024-07-11 10:01`` -> source 重庆日报, date 2024-07-11T10:01.
    """
    if len(text) > 160 or not METADATA_CUE.search(text):
        return None
    inner = _unframed(text)
    date = parse_date(inner)
    if date is None and not _LABEL.search(inner):
        return None  # neither a date nor a label: no metadata line (the common case)
    if _CHROME_CUE.search(inner):
        inner = strip_chrome(inner).strip()
    labels = list(_LABEL.finditer(inner))
    if not labels:
        return _dated_line(inner, date)
    fields: dict = {}
    if date:
        fields["date"] = date
    head = strip_dates(inner[: labels[0].start()])
    if _leftover(head) and not _ALT_NAME.fullmatch(_SEPARATOR_CHARS.sub("", head)):
        return None
    sentence = False
    for k, label in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(inner)
        name = label.group("label")
        raw = inner[label.end() : end]
        value = strip_dates(raw).strip()
        sentence = sentence or _SENTENCE.search(value) is not None
        if _EDITOR_LABEL.fullmatch(name):
            value = _clean_editor(_clean_value(value))
        value = _clean_value(_strip_filler(value))
        if _SOURCE_LABEL.fullmatch(name):
            if value and len(value) <= 30:
                fields.setdefault("source", value)
        elif _EDITOR_LABEL.fullmatch(name):
            if value and len(value) <= 30:
                fields.setdefault("editor", value)
        elif _AUTHOR_LABEL.fullmatch(name):
            names = [n for n in parse_credits(value).get("authors", []) if len(n) <= 12]
            if names and len(value) <= 40:
                fields.setdefault("authors", names)
        elif _OTHER_LABEL.fullmatch(name) and name.startswith(("原标题", "原標題")):
            continue
        elif len(value) > 40:
            return None
    if not fields and sentence:
        return None  # ``记者：你通过什么渠道最快的获取这些信息？``: an interview's question
    return fields


# Every metadata line holds a label's separator or a year (a cheap test that
# spares most lines the full parse).
METADATA_CUE = re.compile(r"：|:|\||丨|︱|19\d\d|20\d\d|/(?:19|20)\d\d|民國|民国")
_CHROME_CUE = re.compile(r"\d|[\[(（]|http|www|评论|評論|我来|我來|打印|列印")
_SENTENCE = re.compile(r"[？?。！!]")
_OUTLET = re.compile(r"(?:原创\s*|原創\s*)?(?P<outlet>[^\s，。,；;！!？?：:]{2,16})")


# A post's attribution (``… by duscha``, ``…发布时间``) is no dated line
# (:func:`post_line` reads it).
# Nor is a profile's date (``建立于:2004年10月6日``, ``注册时间``): no post's.
_NOT_BESIDE_A_DATE = re.compile(
    rf"(?i:\bby\b|posted)|{DATE_LABELS}$|发表|發表|(?:建立|创建|創建|注册|註冊|加入|开通|開通)(?:于|於|时间|時間|日期)?"
)
_SHORT_HAN_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")


def _dated_line(text: str, date: str | None) -> dict | None:
    """A date with at most an outlet's or the authors' names beside it, no
    label saying which (a ``dated`` line):
    ``2018年12月28日 19:55 新京报`` -> date and source; ``金融市场 棱镜
    2019-09-23 07:48`` -> the last name is the outlet (the first a column);
    ``2020-06-05 20:35 叨叨姐 胡一刀 李小飞刀`` -> three names are authors."""
    if date is None:
        return None
    rest = _strip_filler(strip_dates(text, count=1)).strip()
    tokens = [token for token in rest.split() if not _NOTHING.fullmatch(token)]
    if not tokens:
        return {"date": date}
    rest = " ".join(tokens)
    if not all(_OUTLET.fullmatch(token) for token in tokens) or len(rest) > 30 or _NOT_BESIDE_A_DATE.search(rest):
        return None
    if len(tokens) >= 3:
        # ``叨叨姐 胡一刀 李小飞刀``: names, or no dated line (``湘菜粤菜 兵分两路 (图``).
        if not all(_SHORT_HAN_NAME.fullmatch(t) for t in tokens):
            return None
        return {"date": date, "authors": tokens} if all(_surnamed(t) for t in tokens) else {"date": date}
    return {"date": date, "source": _OUTLET.fullmatch(tokens[-1])["outlet"]}


def _strip_filler(value: str) -> str:
    value = value.strip()
    filler = _FILLER.search(value)
    while filler and filler.start() > 0:
        value = value[: filler.start()].strip()
        filler = _FILLER.search(value)
    return value.strip(" ]】)）")


def _clean_value(value: str) -> str:
    """A value without the brackets and separators around it (``[ 人民网 ]``)."""
    return value.strip(" 　[]【】()（）〔〕|丨︱·•-—")


def _clean_editor(value: str) -> str:
    """``杨倩_NF4425`` -> ``杨倩`` (an editor code after a name is dropped);
    ``汤诗瑶、丁涛`` -> ``汤诗瑶 丁涛``."""
    return " ".join(_EDITOR_CODE.sub("", name) for name in NAME_SEPARATORS.split(value) if name)


_EDITOR_CODE = re.compile(r"(?<=[\u4e00-\u9fff])(?:[_＿][A-Za-z0-9]{1,12}|[A-Za-z]{1,4}\d{2,})$")


_LEADING_MARK = re.compile(r"^[□■●•*·+\-│|〓]\s*")
_TRAILING_MARK = re.compile(r"\s*[│|〓]$")
# ``杨倩本文来源：…责任编辑：杨倩``: an image's alt text (a name) glued before the labels;
# ``报纸网 |发布: …``: the site's name.
_ALT_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}\s*(?:本文)?")
_SEPARATOR_CHARS = re.compile(r"[\s\[\]【】()（）〔〕|丨︱│/,，、·•:：;；〓\-—–@.<>]+")
_NOTHING = re.compile(r"(?:[\s\[\]【】()（）〔〕|丨︱│/,，、·•:：;；〓\-—–@.<>]|字号|字號|字體|字体|A[+-]?|[大中小]|举报|舉報|分享|收藏|打印|列印|纠错|糾錯)*")


def _unframed(text: str) -> str:
    """``text`` without a leading mark (``□``, ``│``) and the brackets around it."""
    inner = _TRAILING_MARK.sub("", _LEADING_MARK.sub("", text)).strip()
    while len(inner) > 2 and _OPEN_CLOSE.get(inner[0]) == inner[-1]:
        inner = inner[1:-1].strip()
    return inner


def _leftover(text: str) -> bool:
    return not _NOTHING.fullmatch(text)


# ---------------------------------------------------------------- a post's attribution

_HANDLE = r"[^\s@:：,，。;；()（）\[\]【】〖〗]{2,20}?"
#: Before the date: ``由海姑娘张贴 @``, ``本贴由大卫于``, ``ggjjzhzz 发表于``,
#: ``posted by duscha at``; after it: ``在〖…〗发表``, ``by duscha``.
_POST_BEFORE = re.compile(
    rf"(?:(?:本|此|该|該)[贴貼帖文])?由\s*(?P<by>{_HANDLE})\s*(?P<how>[于於]|(?:张贴|張貼|发表|發表|发布|發布|發佈|釋出)\s*(?:@|[于於])?)"
    rf"|(?P<poster>{_HANDLE})\s*(?:发表于|發表於|发布于|發布於|發佈於|釋出於|写于|寫於)\s*[:：]?"
    rf"|(?i:posted\s+by)\s+(?P<posted>{_HANDLE})(?:\s+(?i:at|on|@))?"
    # ``〓网易娱乐明星话题发布时间``, and with spaces between the words (HTML).
    rf"|(?:[^\s]{{1,12}}\s+){{0,3}}[^\s]{{0,30}}?(?:发布时间|發布時間|發佈時間|釋出時間|发表时间|發表時間)\s*[:：]?"
    rf"|(?:发表于|發表於)\s*[:：]?"
)
_POST_AFTER = re.compile(
    rf"(?:在\s*\S{{1,40}}?\s*)?(?:发表|發表|发布|發布|發佈|釋出|张贴|張貼)\s*[.。]?"
    rf"|(?i:by)\s+(?P<by>{_HANDLE})"
)


def post_line(text: str) -> dict | None:
    """The poster and the date of a blog or forum post's attribution line
    (``由海姑娘张贴 @ 2005-06-14 03:25:55 (370) 共 11 篇评论``,
    ``本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.``,
    ``ggjjzhzz 发表于 2005-9-15 11:46:00``, ``〓…发布时间 2005/03/15 22:36:13 by duscha 〓``),
    else None. Only the page's chrome may be left over."""
    if len(text) > 160 or not _POST_CUE.search(text) or not _HAS_DATE_DIGITS.search(text):
        return None
    inner = _unframed(text).strip("〓 ")
    for match in date_matches(inner):
        date = parse_date(match.group())
        if date is None:
            continue
        before, after = inner[: match.start()].strip(), strip_chrome(inner[match.end() :]).strip()
        shape = _POST_BEFORE.fullmatch(strip_chrome(before).strip()) if before else None
        closing = _POST_AFTER.fullmatch(after) if after and not _NOTHING.fullmatch(after) else None
        if after and not _NOTHING.fullmatch(after) and closing is None:
            return None
        if shape is None and before:
            return None
        name = closing["by"] if closing is not None else None
        if shape is not None:
            if shape["by"] and (shape["how"][0] not in "于於" or closing is not None and closing["by"] is None):
                name = shape["by"]  # 由X张贴 @ <date>; 本贴由X于<date>…发表
            name = shape["poster"] or shape["posted"] or name
        return {"date": date, "authors": [name]} if name else {"date": date}
    return None


_HAS_DATE_DIGITS = re.compile(r"\d{1,4}\s*[-/.年]\s*\d")
_POST_CUE = re.compile(r"由|发表于|發表於|发布于|發布於|發佈於|釋出於|写于|寫於|(?i:by)\s|发布时间|發布時間|發佈時間|釋出時間|发表时间|發表時間")


# ---------------------------------------------------------------- bylines

# Every byline holds 记者, a credit word or a slash.
_BYLINE_CUE = re.compile(r"记者|記者|文|作者|执笔|執筆|采写|採寫|撰|实习生|實習生|通讯员|通訊員|/|／|╱")
# ``(文/记者 杨帆 卢志民)``, ``作者：X``: a credit word and a separator.
_CREDIT_LINE = re.compile(
    r"[(（](?:文|作者|撰文|执笔|采写)\s*[/／|:：]\s*(?P<names>[^()（）]{2,30})[)）]"
    r"|(?:《[^》]{1,12}》\s*(?:作者|撰文)\s*[/／|:：]?|(?:文\s*[/／╱|:：]|(?:作者|撰文|执笔|執筆|采写|採寫)(?:\s*[/／╱|:：]|\s)))\s*(?P<bare>[^()（）\s:：]{2,30}(?:\s+[^()（）\s]{2,8}){0,3})"
)
# ``石佳/中国青年报``: a name and the outlet, under the title.
_NAME_OUTLET = re.compile(rf"(?P<names>{_NAME}(?:[\s、]+{_NAME}){{0,3}})\s*[/／]\s*(?P<outlet>[^\s/／，。,]{{2,12}})")
# An outlet before the role word: a name, no sentence.
_OUTLET_BEFORE = re.compile(r"[^\s，。,；;！!？?:：()（）]{2,16}(?:\s+[^\s，。,；;！!？?:：()（）]{2,12})?")
_OPEN_CLOSE = {"(": ")", "（": "）", "【": "】", "〔": "〕", "[": "]", "「": "」"}


def _credit_line(text: str) -> dict | None:
    """The fields of ``text`` when it is a reporter's credit and nothing
    else: an outlet, role words (``记者``, ``實習生``, ``攝影``…) with
    their names, and the place and how it was filed; else None."""
    text = _OUTLET_PREFIX.sub("", _WEN_PREFIX.sub("", text.strip()))
    roles = list(_ROLE_WORDS.finditer(text))
    if not roles:
        return None
    outlet = text[: roles[0].start()].strip(" -—╱/／|·")
    if outlet and not _OUTLET_BEFORE.fullmatch(outlet):
        return None
    if outlet and len(re.findall(r"[\w]", outlet)) < 2:
        return None
    authors: list[str] = []
    for k, role in enumerate(roles):
        end = roles[k + 1].start() if k + 1 < len(roles) else len(text)
        chunk = text[role.end() : end]
        if not _REPORTER_ROLE.search(role.group()) and chunk[:1] not in _CREDIT_SEPARATORS:
            return None  # ``作者手记``, ``作者单位：…``: a word, no credit
        names = _names_of(chunk)
        if names is None or (not names and k + 1 == len(roles) and not authors and not _NOT_AUTHOR_ROLE.search(role.group())):
            return None
        if _REPORTER_ROLE.search(role.group()) and not all(_surnamed(name) for name in names):
            return None  # ``据记者了解``: no name after the role word
        if not _NOT_AUTHOR_ROLE.search(role.group()):
            authors.extend(name for name in names if name not in authors)
    fields: dict = {"authors": authors}
    if outlet and not outlet.startswith(("本报", "本報", "本刊", "本网", "本網")):
        fields["source"] = outlet
    return fields


_REPORTER_ROLE = re.compile(r"记者|記者|实习生|實習生|通讯员|通訊員")
# After a credit word (``作者``, ``撰文``, ``攝影``): a separator before the names.
_CREDIT_SEPARATORS = frozenset(" 　:：/／╱|")


def _surnamed(name: str) -> bool:
    """A Han name opens with a surname (a Latin name passes)."""
    return not "\u4e00" <= name[0] <= "\u9fff" or name[0] in SURNAMES


def byline(text: str) -> dict | None:
    """Fields of a closing byline line (or of a name and its outlet under
    the title, :func:`name_outlet`), else None.

    ``新重庆-重庆日报记者 杨帆 卢志民`` -> source 新重庆-重庆日报, authors 杨帆 卢志民;
    ``【聯合報╱記者古硯偉／台北報導】`` -> source 聯合報, authors 古硯偉.
    """
    return reporter_byline(text) or name_outlet(text)


def reporter_byline(text: str) -> dict | None:
    """Fields of a byline that says who reported or wrote (a role word or a
    credit label), else None."""
    if len(text) > 60 or not _BYLINE_CUE.search(text):
        return None
    inner = _unframed(text)
    fields = _credit_line(inner)
    if fields is not None and fields.get("authors"):
        return fields
    match = _CREDIT_LINE.fullmatch(inner) or _CREDIT_LINE.fullmatch(text)
    if match:
        return parse_credits(match["names"] or match["bare"]) or None
    return None


def name_outlet(text: str) -> dict | None:
    """``石佳/中国青年报`` under the title: a name and the outlet, no label
    saying so (its own kind: the names must open with a surname)."""
    if len(text) > 24 or "/" not in text and "／" not in text:
        return None
    match = _NAME_OUTLET.fullmatch(text)
    if match:
        return {"authors": split_names(match["names"]), "source": match["outlet"]}
    return None


# ---------------------------------------------------------------- dateline leads and trailing credits

_DATELINE = re.compile(
    r"(?P<source>[^\s(（,，。:：]{2,20}?)(?:\d{1,2}月\d{1,2}日)?(?:快讯|电讯|讯|訊)\s*[(（](?P<credits>[^()（）]{2,60})[)）]"
    r"|(?:据|據)?(?P<agency>[^\s(（,，。]{2,10}?)\S{0,8}?\d{1,2}月\d{1,2}日(?:专电|專電|电|電)\s*[(（](?P<credits2>[^()（）]{2,60})[)）]"
    r"|(?:据|據)?(?P<agency3>[^\s(（,，。]{2,10}?)\S{0,8}?(?:专电|專電|电|電)\s*[(（](?P<credits3>(?:记者|記者)[^()（）]{2,40})[)）]"
)
# ``（中央社記者王揚宇台北15日電）``, ``〔記者林曉雲／台北報導〕``,
# ``【聯合報╱記者古硯偉／台北報導】`` opening the lead paragraph.
_BRACKET_LEAD = re.compile(r"(?P<open>[(（〔【\[])(?P<credits>[^()（）〔〕【】\[\]]{2,50}?)[)）〕】\]]")
# ``【明報專訊】``, ``【本報訊】``: the outlet's dateline.
_NEWS_FLASH = re.compile(r"【(?P<source>[^【】\s]{2,12}?)(?:專訊|专讯|快訊|快讯|訊|讯)】")


def dateline(text: str) -> dict | None:
    """Fields of a dateline lead that opens a paragraph, else None.

    ``重庆日报讯(记者杨帆卢志民)7月8日至10日,…`` -> source 重庆日报, authors 杨帆卢志民.
    """
    if text[:1] in "(（〔【[":
        flash = _NEWS_FLASH.match(text)
        if flash:
            source = flash["source"]
            return {} if source.startswith(("本报", "本報", "本刊", "本網", "本网")) else {"source": source}
        lead = _BRACKET_LEAD.match(text)
        if lead and lead.end() < len(text):
            credits = lead["credits"]
            if _FILED.search(credits):
                fields = _credit_line(_FILED_DATE.sub("", credits))
                if fields is None:
                    outlet = _AGENCY_ONLY.fullmatch(credits)
                    return {"source": outlet["source"]} if outlet else None
                return fields
        return None
    match = _DATELINE.match(text)
    if not match:
        return None
    if match["source"]:
        fields = parse_credits(match["credits"])
        fields.pop("source", None)
        if not match["source"].startswith(("本报", "本報", "本刊", "本网", "本網")):
            fields["source"] = match["source"]
        return fields
    fields = parse_credits(match["credits2"] or match["credits3"])
    fields.pop("source", None)
    return fields


# How a bracketed lead credit ends: where and how the story was filed.
_FILED = re.compile(r"(?:报道|報導|報道|\d{1,2}日(?:专|專)?(?:电|電))$")
_FILED_DATE = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}日(?=(?:专|專)?(?:电|電)$)")
# ``（中央社台北15日電）``: the agency alone.
_AGENCY_ONLY = re.compile(r"(?P<source>[^\s\d]{2,8}?(?:社|網|网|報|报|台))[^\s\d]{0,6}?\d{1,2}日(?:专|專)?(?:电|電)")

_TRAILING_CREDIT = re.compile(
    r"[(（](?P<credits>(?:文\s*[/／|:：]\s*|图\s*[/／|:：]\s*[^()（）]{0,20}?|[^()（）\s:：]{2,12}?(?=(?:记者|記者)))?(?:(?:本报|本報|本刊|总台|總台|總檯|總枱)?(?:首席|特约|特約|见习|見習|实习|實習)?(?:记者|記者)|通讯员|通訊員|作者|撰文|责任编辑|責任編輯|责编|責編|编辑|編輯|文\s*[/／|:：])[^()（）]{1,40})[)）]\s*$"
)
# ``…的决心。（常书香马丹阳）``, ``（姚峰 上海报道）``: names and no role word
# after the last sentence of a paragraph.
_NAMES_IN_BRACKETS = r"[(（]\s?(?P<names>[\u4e00-\u9fff·]{2,12}(?:[\s、][\u4e00-\u9fff·]{2,12}){0,3})\s?[)）]"
_TRAILING_NAMES = re.compile(rf"(?<=[。！？!?”」』])\s*{_NAMES_IN_BRACKETS}\s*$")
# A line that is only ``（袁源）``.
_BARE_NAMES = re.compile(_NAMES_IN_BRACKETS)


def cut_trailing_credit(text: str) -> tuple[tuple[int, int], dict, str] | None:
    """``(文/记者 杨帆 卢志民)`` at the end of a paragraph: its span, its
    fields and its kind (``credit``, or ``bare`` for names with no role
    word), else None."""
    if not text.endswith((")", "）")):
        return None
    match = _TRAILING_CREDIT.search(text)
    if match and match.start() > 0:
        credits = match["credits"]
        editor = _EDITOR_CREDIT.match(credits)
        fields = {"editor": _clean_editor(editor.group(1).strip())} if editor else parse_credits(credits)
        return (match.start(), match.end()), fields, "credit"
    match = _TRAILING_NAMES.search(text)
    if match and match.start() > 0:
        names = bare_names(match["names"])
        if names:
            return (match.start(), match.end()), {"authors": names}, "bare"
    return None


def bare_names(text: str) -> list[str] | None:
    """``常书香马丹阳``, ``姚峰 上海报道``: names in brackets with no role
    word (a place and 报道 after them are cut), else None."""
    names = _names_of(text)
    if not names or any(name in PLACES or _ADMIN_PLACE.fullmatch(name) or _ROLE_WORDS.search(name) for name in names):
        return None
    return names


# ---------------------------------------------------------------- the title's badge

#: A badge a dump glued to the title (``原创最不愁吃肉的国家…``).
_TITLE_BADGE = re.compile(r"^(?:原创|原創)(?=\s*\S{6})")


# ---------------------------------------------------------------- the step

def find_line_fields(page: Page) -> Page:
    """``page`` with every metadata line, byline, trailing credit and
    dateline lead given its fields (metadata lines and bylines removed,
    trailing credits cut)."""
    out = list(page.lines)
    spaced = dict(page.spaced)
    # Lines with none of the cues can only hold a trailing credit.
    cued = cued_lines(out, _ANY_CUE)
    day_first = None  # the page's order of ``06/02/2022``, looked up when needed
    for i, line in enumerate(out):
        if line.role == HEADLINE:
            badge = _TITLE_BADGE.match(line.text)
            if badge:
                out[i] = line.cut(0, badge.end(), "title_badge")
            continue
        if line.role != TEXT:
            continue
        if i not in cued and line.text[:1] not in _OPENING_BRACKETS:
            credit = cut_trailing_credit(line.text)
            if credit:
                out[i] = line.cut(*credit[0], "credit")._replace(fields=_fields(credit[2], credit[1]))
            continue
        fields = post_line(line.text)
        if fields is not None:
            out[i] = line.removed("metadata")._replace(fields=_fields("post", fields))
            continue
        fields = metadata_line(line.text)
        if fields is not None:
            kind = "metadata" if _LABEL.search(line.text) else "dated"
            if "date" not in fields and "/" in line.text:
                if day_first is None:
                    day_first = page_day_first(other.text for other in out if "/" in other.text)
                date = parse_date(line.text, day_first=day_first) if day_first is not None else None
                fields = {**fields, "date": date} if date else fields
            out[i] = line.removed("metadata")._replace(fields=_fields(kind, fields))
            continue
        fields = reporter_byline(line.text)
        if fields is not None:
            out[i] = line.removed("byline")._replace(fields=_fields("byline", fields))
            continue
        fields = name_outlet(line.text)
        if fields is not None:
            out[i] = line.removed("byline")._replace(fields=_fields("name-outlet", fields))
            continue
        names = names_line(line.text)
        if names:
            out[i] = line.removed("byline")._replace(fields=_fields("bare", {"authors": names}))
            continue
        raw = spaced.get(line.number)
        if raw is not None and has_cells(raw):
            lead = leading_cells(line.text, tuple(text for _, _, text in cells(raw)))
            if lead is not None:
                end, detector, kind, fields = lead
                out[i] = line.cut(0, end, detector)._replace(fields=_fields(kind, fields))
                continue
        found: dict = {}
        kind = None
        credit = cut_trailing_credit(line.text)
        if credit:
            line = line.cut(*credit[0], "credit")
            found, kind = credit[1], credit[2]
        lead = dateline(line.text)
        if lead is not None:
            found, kind = {**found, **lead}, "dateline"
        if kind:
            out[i] = line._replace(fields=_fields(kind, found))
    return page.with_lines(out)


def leading_cells(text: str, cells: tuple[str, ...]):
    """``(end, detector, kind, fields)`` when the first cells of a line that
    a text dump laid out as table cells are a metadata line or a byline, the
    next cell being another column (``新华网黑龙江频道  记者  伊琳  李清芬
    · 推进大连工业经济发展对策``): ``text[:end]`` is what they say. Several
    cells say something together only in labelled fields (``出版社：团结出版社
    作者：罗银胜``); a byline or a post's attribution is one cell, since a
    row of short cells is a menu (``麻辣杂谈  记者江湖  中国川剧``)."""
    for k in range(len(cells) - 1, 0, -1):
        head = " ".join(cells[:k])
        if not text.startswith(head) or text[len(head):len(head) + 1] != " ":
            continue
        labelled = _LABEL.search(head) is not None
        if k > 1 and not labelled:
            continue
        fields = post_line(head) if k == 1 else None
        if fields is not None:
            return len(head), "metadata", "post", fields
        fields = metadata_line(head)
        if fields is not None:
            return len(head), "metadata", "metadata" if labelled else "dated", fields
        if k > 1:
            continue
        fields = reporter_byline(head) or name_outlet(head)
        if fields is not None:
            return len(head), "byline", "byline", fields
    return None


# A bracketed lead (``〔記者X／台北報導〕…``) or a bracket of names opens with one.
_OPENING_BRACKETS = frozenset("(（〔【[│|□■")


@functools.lru_cache(maxsize=16_384)
def names_line(text: str) -> tuple[str, ...] | None:
    """The names of a line that is only names in brackets (``（袁源）``,
    ``│ （袁源） │`` in a table's borders), else None."""
    bare = _BARE_NAMES.fullmatch(_unframed_marks(text))
    names = bare_names(bare["names"]) if bare else None
    return tuple(names) if names else None


def _unframed_marks(text: str) -> str:
    return _TRAILING_MARK.sub("", _LEADING_MARK.sub("", text)).strip()


def _fields(kind: str, found: dict) -> LineFields:
    authors = found.get("authors")
    return LineFields(kind, found.get("source"), found.get("date"), found.get("editor"), tuple(authors or ()))


# Every dateline lead holds 讯 or 电 or opens with a bracket; a line of
# names alone is a bracket of them.
_DATELINE_CUE = re.compile(r"讯|訊|电|電")
# (A post's attribution holds a year, so METADATA_CUE finds it.)
_ANY_CUE = re.compile("|".join((METADATA_CUE.pattern, _BYLINE_CUE.pattern, _DATELINE_CUE.pattern)))


# ---------------------------------------------------------------- memo

def _memo(function):
    """``function`` remembered per text: the region step and this one ask
    about the same lines again and again, and pages of a site share their
    chrome lines. The answer is read-only (lists become tuples)."""

    @functools.lru_cache(maxsize=16_384)
    def remembered(text: str):
        fields = function(text)
        if fields is None:
            return None
        return MappingProxyType({k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})

    remembered.__doc__ = function.__doc__
    remembered.__wrapped__ = function
    return remembered


metadata_line = _memo(metadata_line)
byline = _memo(byline)
post_line = _memo(post_line)
reporter_byline = _memo(reporter_byline)
