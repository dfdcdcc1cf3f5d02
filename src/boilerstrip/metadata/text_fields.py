"""Metadata from text lines: what each line of a page says.

* metadata lines (``来源:重庆日报2024-07-11 10:01``, ``[ 责编:邢彬 ]``,
  ``编辑|… 责编|… 来源|…``): removed whole (detector ``metadata``);
* closing bylines (``新重庆-重庆日报记者 杨帆 卢志民``): removed whole
  (detector ``byline``);
* trailing credits cut from the end of a paragraph (``(文/记者 杨帆 卢志民)``,
  detector ``credit``);
* dateline leads (``重庆日报讯(记者杨帆卢志民)…``): they stay in the body.

:func:`find_line_fields` (step 6) gives every such line its
:class:`~boilerstrip.lines.LineFields`; ``resolve`` weighs them.
"""
from __future__ import annotations

import re

from ..lines import TEXT, LineFields, Page
from ..text import cued_lines, ends_sentence
from .dates import DATE, parse_date
from .labels import AUTHOR_LABELS, DATE_LABELS, EDITOR_LABELS, NAME_SEPARATORS, OTHER_LABELS, SOURCE_LABELS

_LABEL = re.compile(
    rf"(?P<label>{SOURCE_LABELS}|{EDITOR_LABELS}|{AUTHOR_LABELS}|{OTHER_LABELS}|{DATE_LABELS})\s*[：:|丨︱]\s*"
)
_SOURCE_LABEL, _EDITOR_LABEL = re.compile(SOURCE_LABELS), re.compile(EDITOR_LABELS)
_AUTHOR_LABEL, _OTHER_LABEL = re.compile(AUTHOR_LABELS), re.compile(OTHER_LABELS)
# Words that sit on a metadata line but are no value: buttons and counters.
_FILLER = re.compile(
    r"(?:举报|舉報|分享到?|字号|字體|字体|打印|评论|收藏|关注|大|中|小|阅读|閱讀|点击|[\s:：|丨/()（）\[\]【】,，、·])"
    r"(?:举报|舉報|分享到?|字号|字體|字体|打印|评论|收藏|关注|大|中|小|阅读|閱讀|点击|[\d\s:：|丨/()（）\[\]【】,，、·])*$"
)
_NAME = r"[\u4e00-\u9fff·•]{2,6}"
_ONE_NAME = re.compile(_NAME)
_WEN_PREFIX = re.compile(r"^文\s*[/／|:：]\s*")
_REPORTED = re.compile(r"(?:摄影?报道|报道|報道)$")
_EDITOR_CREDIT = re.compile(r"(?:责任编辑|责编|编辑)\s*[：:]?\s*(.+)")
_ROLE_WORDS = re.compile(
    r"(?:本报|本刊|本网|驻\S{1,6}?)?(?:首席记者|特约记者|见习记者|实习记者|摄影记者|记者|記者|实习生|實習生|通讯员|通訊員|撰文|作者)"
)


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
_NAME_TAIL = re.compile(r"\s*(?:摄影?报道|报道|報道|整合|综合|編譯|编译|电|電|发自\S{1,6}|摄|攝)$")


def parse_credits(text: str) -> dict:
    """Authors (and source) from a credit such as
    ``新重庆-重庆日报首席记者张亦筑实习生文彦之`` or ``文/记者 杨帆 卢志民``."""
    text = _WEN_PREFIX.sub("", text.strip())
    text = _REPORTED.sub("", text)
    parts = _ROLE_WORDS.split(text)
    roles = _ROLE_WORDS.findall(text)
    if not roles:
        names = split_names(text)
        return {"authors": names} if names and all(_ONE_NAME.fullmatch(n) for n in names) else {}
    authors = []
    for role, names in zip(roles, parts[1:]):
        if "摄影" in role:
            continue
        authors.extend(split_names(names))
    result: dict = {"authors": [a for a in authors if 2 <= len(a) <= 8]}
    outlet = parts[0].strip(" -—")
    if outlet and not outlet.startswith(("本报", "本刊", "本网")):
        result["source"] = outlet
    return result


# ---------------------------------------------------------------- metadata lines

def metadata_line(text: str) -> dict | None:
    """Fields of a line made only of labelled metadata (and a date), else None.

    ``来源:重庆日报2024-07-11 10:01`` -> source 重庆日报, date 2024-07-11T10:01.
    """
    if len(text) > 160 or not METADATA_CUE.search(text):
        return None
    inner = _LEADING_MARK.sub("", text).strip("[]【】()（） ")
    labels = list(_LABEL.finditer(inner))
    if not labels:
        return _dated_line(inner)
    fields: dict = {}
    date = parse_date(inner)
    if date:
        fields["date"] = date
    head = DATE.sub("", inner[: labels[0].start()])
    if _leftover(head) and not (len(labels) > 1 and _ALT_NAME.fullmatch(head)):
        return None
    for k, label in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(inner)
        name = label.group("label")
        value = DATE.sub(" ", inner[label.end() : end]).strip()
        if _EDITOR_LABEL.fullmatch(name):
            value = _clean_editor(value)
        value = _strip_filler(value)
        if _SOURCE_LABEL.fullmatch(name):
            if value and len(value) <= 30:
                fields.setdefault("source", value)
        elif _EDITOR_LABEL.fullmatch(name):
            if value and len(value) <= 30:
                fields.setdefault("editor", value)
        elif _AUTHOR_LABEL.fullmatch(name):
            if ends_sentence(value):
                return None  # an interview's question: ``记者：你通过什么渠道…？``
            names = [n for n in parse_credits(value).get("authors", []) if len(n) <= 12]
            if names and len(value) <= 40:
                fields.setdefault("authors", names)
        elif _OTHER_LABEL.fullmatch(name) and name.startswith(("原标题", "原標題")):
            continue
        elif len(value) > 40:
            return None
    return fields


# Every metadata line holds a label's separator or a year (a cheap test that
# spares most lines the full parse).
METADATA_CUE = re.compile(r"：|:|\||丨|︱|19\d\d|20\d\d")
_OUTLET = re.compile(r"(?:原创\s*)?(?P<outlet>[^\s，。,；;！!？?：:]{2,16})")


def _dated_line(text: str) -> dict | None:
    """A date with at most an outlet's or the authors' names beside it, no
    label saying which (a ``dated`` line):
    ``2018年12月28日 19:55 新京报`` -> date and source; ``金融市场 棱镜
    2019-09-23 07:48`` -> the last name is the outlet (the first a column);
    ``2020-06-05 20:35 叨叨姐 胡一刀 李小飞刀`` -> three names are authors."""
    date = parse_date(text)
    if date is None:
        return None
    rest = _strip_filler(DATE.sub(" ", text, count=1)).strip()
    if not rest:
        return {"date": date}
    tokens = rest.split()
    if not all(_OUTLET.fullmatch(token) for token in tokens) or len(rest) > 30:
        return None
    if len(tokens) >= 3:
        return {"date": date, "authors": tokens}
    return {"date": date, "source": _OUTLET.fullmatch(tokens[-1])["outlet"]}


def _strip_filler(value: str) -> str:
    value = value.strip()
    filler = _FILLER.search(value)
    while filler and filler.start() > 0:
        value = value[: filler.start()].strip()
        filler = _FILLER.search(value)
    return value.strip(" ]】)）")


def _clean_editor(value: str) -> str:
    """``杨倩_NF4425`` -> ``杨倩`` (an editor code after a name is dropped);
    ``汤诗瑶、丁涛`` -> ``汤诗瑶 丁涛``."""
    return " ".join(_EDITOR_CODE.sub("", name) for name in NAME_SEPARATORS.split(value) if name)


_EDITOR_CODE = re.compile(r"(?<=[\u4e00-\u9fff])(?:[_＿][A-Za-z0-9]{1,12}|[A-Za-z]{1,4}\d{2,})$")


_LEADING_MARK = re.compile(r"^[□■●•*·+\-]\s*")
# ``杨倩本文来源：…责任编辑：杨倩``: an image's alt text (a name) glued before the labels.
_ALT_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}\s*(?:本文)?")
_NOTHING = re.compile(r"(?:[\s\[\]【】()（）|丨/,，、·:：]|字号|字體|字体|A[+-]?|[大中小]|举报|分享|收藏|打印|纠错)*")


def _leftover(text: str) -> bool:
    return not _NOTHING.fullmatch(text)


# ---------------------------------------------------------------- bylines

_BYLINE = re.compile(
    rf"[(（]?(?:文\s*[/／|:：]\s*)?(?P<outlet>[^\s，。,:：()（）]{{2,16}}?)?"
    rf"(?P<role>(?:本报|本刊|本网)?(?:首席|特约|见习|实习|驻\S{{1,6}}?)?(?:记者|記者))\s*(?P<names>{_NAME}(?:[\s、,，]+{_NAME}){{0,5}})"
    rf"(?:\s*(?:通讯员|通訊員|实习生|實習生)\s*(?P<more>{_NAME}(?:[\s、,，]+{_NAME}){{0,5}}))?\s*(?:报道|報道)?[)）]?"
)
_CREDIT_LINE = re.compile(
    r"[(（](?:文|作者|撰文|执笔|采写)\s*[/／|:：]\s*(?P<names>[^()（）]{2,30})[)）]"
    r"|(?:《[^》]{1,12}》\s*(?:作者|撰文)\s*[/／|:：]?|(?:文\s*[/／|:：]|(?:作者|撰文|执笔|執筆|采写|採寫)(?:\s*[/／|:：]|\s)))\s*(?P<bare>[^()（）\s:：]{2,30}(?:\s+[^()（）\s]{2,8}){0,3})"
)
# ``石佳/中国青年报``: a name and the outlet, under the title.
_NAME_OUTLET = re.compile(rf"(?P<names>{_NAME}(?:[\s、]+{_NAME}){{0,3}})\s*[/／]\s*(?P<outlet>[^\s/／，。,]{{2,12}})")


# Every byline holds 记者, a credit word or a slash.
_BYLINE_CUE = re.compile(r"记者|記者|文|作者|执笔|執筆|采写|採寫|/|／")
# Every dateline lead holds 讯 or 电.
_DATELINE_CUE = re.compile(r"讯|訊|电|電")


def byline(text: str) -> dict | None:
    """Fields of a closing byline line, else None.

    ``新重庆-重庆日报记者 杨帆 卢志民`` -> source 新重庆-重庆日报, authors 杨帆 卢志民.
    """
    if len(text) > 50 or not _BYLINE_CUE.search(text):
        return None
    match = _BYLINE.fullmatch(text)
    if match:
        return parse_credits(text.strip("()（）"))
    match = _CREDIT_LINE.fullmatch(text)
    if match:
        return parse_credits(match["names"] or match["bare"]) or None
    match = _NAME_OUTLET.fullmatch(text)
    if match and len(text) <= 24:
        return {"authors": split_names(match["names"]), "source": match["outlet"]}
    return None


# ---------------------------------------------------------------- dateline leads and trailing credits

_DATELINE = re.compile(
    r"(?P<source>[^\s(（,，。:：]{2,20}?)(?:\d{1,2}月\d{1,2}日)?(?:快讯|电讯|讯|訊)\s*[(（](?P<credits>[^()（）]{2,60})[)）]"
    r"|(?P<agency>[^\s(（,，。]{2,10}?)\S{0,8}?\d{1,2}月\d{1,2}日(?:电|電)\s*[(（](?P<credits2>[^()（）]{2,60})[)）]"
)
_TRAILING_CREDIT = re.compile(
    r"[(（](?P<credits>(?:文\s*[/／|:：]\s*|图\s*[/／|:：]\s*[^()（）]{0,20}?)?(?:(?:本报|本刊)?(?:首席|特约|见习|实习)?记者|通讯员|作者|撰文|责任编辑|责编|编辑|文\s*[/／|:：])[^()（）]{1,40})[)）]\s*$"
)


def dateline(text: str) -> dict | None:
    """Fields of a dateline lead that opens a paragraph, else None.

    ``重庆日报讯(记者杨帆卢志民)7月8日至10日,…`` -> source 重庆日报, authors 杨帆卢志民.
    """
    match = _DATELINE.match(text)
    if not match:
        return None
    if match["source"]:
        fields = parse_credits(match["credits"])
        fields.pop("source", None)
        if not match["source"].startswith(("本报", "本刊", "本网")):
            fields["source"] = match["source"]
        return fields
    fields = parse_credits(match["credits2"])
    fields.pop("source", None)
    return fields


def cut_trailing_credit(text: str) -> tuple[tuple[int, int], dict] | None:
    """``(文/记者 杨帆 卢志民)`` at the end of a paragraph: its span and its
    fields, else None."""
    if not text.endswith((")", "）")):
        return None
    match = _TRAILING_CREDIT.search(text)
    if not match or match.start() == 0:
        return None
    credits = match["credits"]
    editor = _EDITOR_CREDIT.match(credits)
    fields = {"editor": _clean_editor(editor.group(1).strip())} if editor else parse_credits(credits)
    return (match.start(), match.end()), fields


# ---------------------------------------------------------------- the step

def find_line_fields(page: Page) -> Page:
    """``page`` with every metadata line, byline, trailing credit and
    dateline lead given its fields (metadata lines and bylines removed,
    trailing credits cut)."""
    out = list(page.lines)
    # Lines with none of the cues can only hold a trailing credit.
    cued = cued_lines(out, _ANY_CUE)
    for i, line in enumerate(out):
        if line.role != TEXT:
            continue
        if i not in cued:
            credit = cut_trailing_credit(line.text)
            if credit:
                out[i] = line.cut(*credit[0], "credit")._replace(fields=_fields("credit", credit[1]))
            continue
        fields = metadata_line(line.text)
        if fields is not None:
            kind = "metadata" if _LABEL.search(line.text) else "dated"
            out[i] = line.removed("metadata")._replace(fields=_fields(kind, fields))
            continue
        fields = byline(line.text)
        if fields is not None:
            out[i] = line.removed("byline")._replace(fields=_fields("byline", fields))
            continue
        found: dict = {}
        kind = None
        credit = cut_trailing_credit(line.text)
        if credit:
            line = line.cut(*credit[0], "credit")
            found, kind = credit[1], "credit"
        lead = dateline(line.text)
        if lead is not None:
            found, kind = {**found, **lead}, "dateline"
        if kind:
            out[i] = line._replace(fields=_fields(kind, found))
    return page.with_lines(out)


def _fields(kind: str, found: dict) -> LineFields:
    authors = found.get("authors")
    return LineFields(kind, found.get("source"), found.get("date"), found.get("editor"), tuple(authors or ()))


_ANY_CUE = re.compile("|".join((METADATA_CUE.pattern, _BYLINE_CUE.pattern, _DATELINE_CUE.pattern)))
