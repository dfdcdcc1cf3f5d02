"""Step 5 of the pipeline: undo scraping damage without inventing text.

* :func:`remove_ruby_pinyin`  ``產(chǎn)業(yè)`` -> ``產業``, each annotation a removal;
* :func:`flag_garbled_text`   text garbled beyond repair is kept and named in a warning;
* :func:`split_glued_credits` ``图片由渝北区委宣传部提供163天`` -> caption + ``163天``;
* :func:`cut_trailing_links`   ``…仍将持续。●返回腾讯网首页>>`` -> the link is cut;
* :func:`remove_headline_echoes` image alt text repeating the headline goes, its caption is set aside;
* :func:`move_midsentence_captions` a caption between the halves of a sentence
  is set aside and the halves re-joined;
* :func:`join_page_breaks`    a paragraph that stops mid-sentence continues in the next.
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING, Callable

from .detectors.captions import PhotoCaptionDetector
from .lines import CAPTION, HEADLINE, TEXT, Line, Page
from .text import cued_lines, ends_sentence, is_cjk, is_prose, squeeze

if TYPE_CHECKING:
    from .rules import RuleSet

PHOTO_CAPTION = PhotoCaptionDetector.name

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_RUBY = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])[(（]([a-zü" + _TONED + r"]{1,7})[)）]", re.I)
_HAS_TONE = re.compile("[" + _TONED + "ü]")


def remove_ruby_pinyin(page: Page) -> Page:
    """Remove ruby pinyin that a scraper flattened into the text.

    ``清潔能源產(chǎn)業(yè)`` -> ``清潔能源產業``; each ``(chǎn)`` is a removal
    of ``ruby_pinyin``. Only annotations with a tone mark are taken, so an
    English word in brackets stays.
    """
    out = list(page.lines)
    for i, line in enumerate(out):
        if "(" not in line.text and "（" not in line.text:
            continue
        spans = [m.span() for m in _RUBY.finditer(line.text) if _HAS_TONE.search(m.group(1))]
        if spans:
            out[i] = line.cut_spans(spans, "ruby_pinyin")
    return page.with_lines(out)


_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_GARBLED = re.compile(
    rf"(?<=[{_CJK}])(?:[?!]{{1,2}}[{_CJK}]{{1,6}})?[_^`~](?=[{_CJK}])"
    r"|\ufffd+|(?:锟斤拷)+|(?:烫烫烫|屯屯屯)+"
)
# Every garbled span holds one of these (see ``cued_lines``): most pages have
# none, and the full pattern, which opens with a look-behind, is slow to search.
_GARBLED_CUE = re.compile("_|\\^|`|~|\ufffd|锟斤拷|烫烫烫|屯屯屯")


def flag_garbled_text(page: Page) -> Page:
    """Name text garbled beyond repair in a warning; keep it as it is.

    ``落實“六?!比蝿眨_處理好`` (a mis-decoded span): no rule can restore
    the characters without guessing, so the span stays and is reported.
    """
    warnings = []
    undecodable: list[int] = []
    for i in sorted(cued_lines(page.lines, _GARBLED_CUE)):
        line = page.lines[i]
        if line.role == TEXT or line.role == CAPTION:
            for match in _GARBLED.finditer(line.text):
                if match.group()[0] == "\ufffd":
                    undecodable.append(line.number)
                    continue
                warnings.append(
                    f"line {line.number}: garbled text kept as it is (cannot be repaired without guessing): "
                    f"{match.group()}"
                )
    if undecodable:
        # Bytes that could not be decoded (the decode warning counts them):
        # one warning, not one a line.
        numbers = sorted(set(undecodable))
        lines = ", ".join(map(str, numbers[:5])) + (", ..." if len(numbers) > 5 else "")
        warnings.append(f"{len(undecodable)} run(s) of U+FFFD (undecodable bytes) kept in the text, line(s) {lines}")
    return page.warned(warnings)


_GLUED_CREDIT = re.compile(r"((?:图片|圖片)由[^\s，。,]{2,30}?(?:提供|供图|供圖))(\S.{0,60})")
_GLUED_CUE = re.compile("图片由|圖片由")


def split_glued_credits(page: Page) -> Page:
    """Split a photo credit from the headline glued after it.

    ``图片由渝北区委宣传部提供163天`` -> caption ``图片由渝北区委宣传部提供``
    and the line ``163天``.
    """
    cued = cued_lines(page.lines, _GLUED_CUE)
    if not cued:
        return page
    out: list[Line] = []
    for i, line in enumerate(page.lines):
        match = _GLUED_CREDIT.fullmatch(line.text) if i in cued and line.role in (TEXT, CAPTION) else None
        if match:
            out.append(Line(line.number, match.group(1), CAPTION, PHOTO_CAPTION))
            out.append(Line(line.number, match.group(2).strip()))
        else:
            out.append(line)
    return page.with_lines(out)


_CLAUSE_PUNCT = re.compile(r"[，,。；;]")


def _stops_mid_sentence(text: str) -> bool:
    """A prose line whose last character is a letter or a comma: the sentence
    goes on somewhere else."""
    if not text or not (is_cjk(text[-1]) or text[-1] in "，,、"):
        return False
    return len(text) >= 30 or bool(_CLAUSE_PUNCT.search(text))


def move_midsentence_captions(page: Page) -> Page:
    """Set aside a short line that landed between the halves of a sentence.

    ``…川渝高竹新区成`` / ``宜居渝北`` / ``立,在渝北区…``: ``宜居渝北`` is a
    caption, and the two halves are one sentence.
    """
    lines = list(page.lines)
    kept = [i for i, line in enumerate(lines) if line.role == TEXT]
    prose_before = False
    for a, b, c in zip(kept, kept[1:], kept[2:]):
        first, middle, last = lines[a], lines[b], lines[c]
        after_prose, prose_before = prose_before, prose_before or is_prose(first.text)
        if (
            middle.role == TEXT
            and after_prose
            and _stops_mid_sentence(first.text)
            and len(middle.text) <= 25
            and not is_prose(middle.text)
            and is_prose(last.text)
        ):
            lines[b] = middle.placed(CAPTION, PHOTO_CAPTION)
    return page.with_lines(lines)


def join_page_breaks(page: Page) -> Page:
    """Re-join a paragraph split by a page break (or a caption) mid-sentence.

    ``…重庆将进`` + ``一步深入学习贯彻…`` -> one paragraph. A line before the
    first prose (a headline) never continues into the body.
    """
    out = list(page.lines)
    previous: Line | None = None
    prose_before = False
    for i, line in enumerate(out):
        if line.role != TEXT:
            continue
        if previous is not None and prose_before and is_prose(line.text) and (
            len(line.text) >= 20 or previous.text[-1] in "，,、"
        ):
            if _stops_mid_sentence(previous.text) or _splits_a_word(previous.text, line.text):
                line = out[i] = line._replace(joins_previous=True)
        if previous is not None:
            prose_before = prose_before or is_prose(previous.text)
        previous = line
    return page.with_lines(out)


_FIRST_CLAUSE = re.compile(r"[^，,。；;！!？?、]{1,3}[，,。；;！!？?]")


def _splits_a_word(before: str, after: str) -> bool:
    """``…执行董事朱冬表`` + ``示,下一步…``: the next line opens with a
    one-to-three character fragment and a comma, the tail of a split word."""
    return not ends_sentence(before) and before[-1:].isalnum() and bool(_FIRST_CLAUSE.match(after))


_TRAILING_LINK = re.compile(r"[●•▶►]?\s*(?:返回|回到|进入)[^。！？!?\s]{1,16}(?:>>+|》》)$")


def cut_trailing_links(page: Page) -> Page:
    """Cut a navigation link glued to the end of a paragraph.

    ``…第三方数据行业的整顿仍将持续。●返回腾讯网首页>>``: the paragraph
    stays, ``●返回腾讯网首页>>`` is a removal of ``trailing_link``.
    """
    out = list(page.lines)
    for i, line in enumerate(out):
        if line.role == TEXT and line.text.endswith((">>", "》》")):
            match = _TRAILING_LINK.search(line.text)
            if match and match.start() > 0:
                out[i] = line.cut(match.start(), match.end(), "trailing_link")
    return page.with_lines(out)


def remove_headline_echoes(page: Page) -> Page:
    """An image's alt text repeats the headline inside the article; the short
    line after it is that image's caption.

    ``海螺沟寻子一个月：儿子消失在眼前十几米，搜寻无果母亲不舍离去`` (removed as
    ``duplicate_headline``) / ``小温。`` (caption).
    """
    titles = {squeeze(line.text) for line in page.lines if line.role == HEADLINE}
    if not titles:
        return page
    lines = list(page.lines)
    for i, line in enumerate(lines):
        if line.role == TEXT and _echoes(line.text, titles):
            lines[i] = line.removed("duplicate_headline")
            following = next((j for j in range(i + 1, len(lines)) if lines[j].role == TEXT), None)
            if following is not None and len(lines[following].text) <= 20 and squeeze(lines[following].text) not in titles:
                lines[following] = lines[following].placed(CAPTION, PHOTO_CAPTION)
    return page.with_lines(lines)


def _echoes(text: str, titles: set[str]) -> bool:
    """The line is a headline, maybe with a short label: ``视频-这个中国人…``."""
    squeezed = squeeze(text)
    return any(t in squeezed and len(squeezed) <= len(t) + 8 for t in titles)


#: The repairs in the order they run, by the name a rule set switches them off with.
REPAIRS: tuple[tuple[str, Callable[[Page], Page]], ...] = (
    ("ruby_pinyin", remove_ruby_pinyin),
    ("garbled_text", flag_garbled_text),
    ("glued_credit", split_glued_credits),
    ("trailing_link", cut_trailing_links),
    ("duplicate_headline", remove_headline_echoes),
    ("midsentence_caption", move_midsentence_captions),
    ("page_breaks", join_page_breaks),
)
REPAIR_NAMES = tuple(name for name, _ in REPAIRS)
#: Repairs for text a scraper flattened; in HTML a block boundary is a
#: paragraph boundary, never a page break inside a sentence.
TEXT_ONLY = frozenset({"page_breaks"})


def repair(page: Page, rules: RuleSet, *, is_html: bool) -> Page:
    """``page`` after every repair the rules leave on, in order."""
    for name, fix in REPAIRS:
        if rules.is_on(name) and not (is_html and name in TEXT_ONLY):
            page = fix(page)
    return page
