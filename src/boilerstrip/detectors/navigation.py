"""Navigation: breadcrumbs, 正在阅读 echoes, read-more buttons, separators."""
from __future__ import annotations

from ..vocab import both_scripts, pattern_both_scripts
from .base import BULLET, LineDetector, words


class BreadcrumbDetector(LineDetector):
    """A breadcrumb trail of sections ending at the article.

    Removes ``首页> 地方频道> 地方频道-重庆> 头条关注 > 正文`` and
    ``网易首页 > 财经频道 > 正文``.
    """

    name = "breadcrumb"
    max_length = 120
    cue = r">|＞|»|›"
    # At most nine separators (eight steps and a trailing one): checked first,
    # since spaces around the separators can be split many ways.
    contains = (
        r"(?=(?:[^>＞»›]*(?:>>?|＞|»|›)){0,9}[^>＞»›]*\Z)"
        r"(?:(?:当前位置|您的位置|您当前的位置|你的位置|您现在的位置|所在位置|位置)\s*[：:]\s*)?"
        r"[^>＞»›/\s][^>＞»›]{0,24}(?:\s*(?:>>?|＞|»|›)\s*[^>＞»›]{1,24}){1,8}\s*(?:>>?|＞|»|›)?"
    )


class ReadingEchoDetector(LineDetector):
    """A line that repeats the title after 正在阅读 / 当前位置.

    Removes ``正在阅读:袁家军:携手打造援藏工作标志性成果 为新时代推进西部大开发形成新格局贡献力量``.
    """

    name = "reading_echo"
    max_length = 150
    pattern = pattern_both_scripts(r"(?:正在阅读|您正在阅读|当前阅读|正在浏览|当前位置|您的位置|您当前的位置|您现在的位置)") + r"\s*[：:].{0,140}"


READ_MORE = words(*both_scripts(
    "阅读剩余全文", "展开剩余全文", "展开全文", "阅读全文", "查看全文", "点击查看全文", "点击阅读全文",
    "加载更多", "点击加载更多", "查看更多", "点击查看更多", "更多精彩", "继续阅读", "剩余全文", "展开阅读全文",
    "打开APP阅读全文", "打开APP", "APP内阅读", "下载APP", "展开", "收起", "更多", "点击查看高清原图",
    "查看高清原图", "点击查看大图", "查看原图", "查看大图", "点击图片查看下一张", "扫码阅读全文", "举报文章问题",
    "看更多", "点我看更多", "看更多新闻", "阅读更多",
))


class ReadMoreDetector(LineDetector):
    """Read-more and load-more buttons.

    Removes ``阅读剩余全文(`` and ``加载更多``.
    """

    name = "read_more"
    max_length = 30
    pattern = BULLET + READ_MORE + r"\s*[(（>》»…\.\s]*(?:\d+%?)?\s*[)）]?\s*[>》»]*"


class SeparatorDetector(LineDetector):
    """A line of only rules, bullets or dots.

    Removes ``-`` and ``——————``.
    """

    name = "separator"
    max_length = 200
    pattern = r"[\-—–_=*·•~#.。…|/\\\s□■◆◇○●▪]+"


class MarkerDetector(LineDetector):
    """Image, iframe and form-field markers left by text scrapers.

    Removes ``[img]``, ``IFRAME: https://...``, ``[          ]``, ``[INLINE]``,
    and lynx form fields such as ``请输入检索内容_____________``.
    """

    name = "scraper_marker"
    max_length = 20_000
    pattern = (
        # (The scan is case-insensitive: ``IMG`` beside ``img`` would give each
        # marker two ways to match, and a failing line of many, 2^n tries.)
        BULLET + r"(?:\[(?:img|image|INLINE|BUTTON|iframe|embed|video|audio|\s*)\]\s*)+"
        r"|(?:IFRAME|Iframe|iframe)\s*:.{0,290}"
        r"|\[\s*(?:[^\[\]\s]{0,40}\.(?:jpe?g|png|gif|webp|svg)|\d+)\s*\]"
        r"|\(\s*BUTTON\s*\).{0,40}|\[\s*\]\s*.{0,20}"
        r"|\[[\x21-\x5a\x5c\x5e-\x7e]{40,}\]?"
        # A bracketed token: what the brackets hold is checked by a look-ahead
        # (tried once), then consumed one way; alternatives that could both
        # take it would make a failing line of many tokens exponential.
        r"|(?:\[(?=(?:INS::INS|[^\[\]:：]{0,40}|[\x21-\x5a\x5c\x5e-\x7e]{0,400})\])[^\[\]]*\]\s*)+|(?:【\d{1,3}】\s*)+|[•*]\s*\[[^\[\]:：]{0,30}\].{0,60}"
    )
    cue = r"____|;(?i:base64),"
    # Data URIs, one after another: the text between two ``;base64,`` is
    # checked by a look-ahead and consumed one way (the payload of one and the
    # prefix of the next could share characters in many ways). The look-ahead
    # is tried only where a ``;`` follows a run of the characters it can
    # take: on a lone data URI (``[svg+xml;base64,PHN2Zy…]``, 600 characters)
    # it tried every split of the payload, 30 characters each (200 µs).
    contains = (
        # A form field: a label and a blank (``请输入检索内容_____``,
        # ``…请告诉您的朋友。 给网易提意见 _____``); a blank inside a sentence
        # (``要______主的______如何。``) is an exercise, prose.
        r".{0,60}?_{4,}|[^。，,；;！!？?]{0,40}?_{4,}[^。，,；;！!？?]{0,40}"
        r"|\[?(?:data:)?[\w+./-]{0,30};base64,"
        r"(?:(?=[\w+./=:\[\]\s-]*;)(?=[A-Za-z0-9+/=]{8,}\]?\s*\[?(?:data:)?[\w+./-]{0,30};)[^;]*;base64,)*"
        r"[A-Za-z0-9+/=]{8,}\]?\s*"
    )


class ReplacementCharDetector(LineDetector):
    """A line of nothing but U+FFFD: characters (often emoji) the scraper
    could not decode. The text is gone; the line is kept out of the body.

    Removes ``������``.
    """

    name = "replacement_chars"
    max_length = 200
    pattern = r"[\ufffd\s]+"


class OriginalTitleDetector(LineDetector):
    """The article's original headline as republished.

    Removes ``（原标题：多地项目连环爆雷狂奔的龙湖集团“暗伤”曝露？）`` and
    ``本文原标题：《定了！广州南沙邮轮母港即将开通！…》``.
    """

    name = "original_title"
    max_length = 200
    pattern = BULLET + r"[(（]?(?:本文)?原(?:标题|標題|题|題)(?:为|為|是)?\s*[：:]?.{1,180}"
