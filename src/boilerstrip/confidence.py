"""Step 9 of the pipeline: how sure we are that an article's body is the article.

``Article.confidence`` runs from 0 to 1. It starts at 1 and each sign of a
known way to fail multiplies it by a factor below 1; every sign that applies
is named in ``warnings`` when the result is below :data:`LOW`. The signs are
kinds of failure, measured on the development pages (``docs/quality.md``
shows the calibration: pages whose body is wrong score below 0.5, nearly all
right ones above):

* the body is empty or very short;
* the text is not text: mojibake (GBK read as Cyrillic: ``РВОЕ | РРЗй``),
  markup read as text (``<td>`` in the body), replacement characters;
* HTML: no candidate found the article (the whole page was searched), or
  only one did while the other found something else, or a gallery's script;
* the article is a small part of the page's prose: most prose on the page
  was left out, so another block may have been the article;
* the body is mostly short lines that are not prose (a list, a menu);
* a thread's replies were cut: the first post is taken as the article.

Corpus builders filter on it: ``confidence >= 0.5`` keeps the pages whose
body is most likely the article.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .article import Article
from .extract import Extraction
from .lines import REMOVED, TEXT, Line
from .text import cjk_count, is_prose

#: Below this, the reasons go into the article's warnings.
LOW = 0.5

_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,200})?>")
# What error, not-found and login pages say instead of an article.
_NO_ARTICLE = re.compile(
    r"发生错误|错误信息|出错了|页面不存在|页面未找到|找不到(?:该|此|您要的)?(?:页面|文章|帖子)|已被删除|已经删除|不存在或已"
    r"|无权(?:访问|查看)|没有(?:相应的)?(?:操作)?权限|请先登录|登录后(?:才能|方可)|Page Not Found|404 Not Found"
    r"|發生錯誤|頁面不存在|找不到(?:該|此)?(?:頁面|文章)|已被刪除|無權(?:訪問|查看)|請先登入"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A letter that is neither ASCII nor a CJK ideograph (as ``cjk_count``
#: counts them): a word of mojibake holds one.
_FOREIGN_LETTER = re.compile(r"[^\W\d_\x00-\x7f\u3400-\u9fff]")


def _mojibake(text: str) -> bool:
    """Chinese bytes read in a single-byte encoding: words of accented Latin
    or Cyrillic letters whose case flips inside the word (``КэВлөј№ә``,
    ``ÖÐ¹úÈË``), which no language writes."""
    text = text[:20_000]
    if _FOREIGN_LETTER.search(text) is None:  # no such word: the common case, at C speed
        return False
    words = [w for w in _WORD.findall(text) if not w.isascii() and cjk_count(w) == 0]
    if len(words) < 5:
        return False
    flipped = sum(1 for w in words if any(a.islower() and b.isupper() for a, b in zip(w, w[1:])))
    return flipped >= 0.3 * len(words)


def _prose_chars(lines: Sequence[Line], roles: tuple[str, ...], detector: str | None = None) -> int:
    return sum(
        len(line.text) for line in lines
        if line.role in roles and (detector is None or line.detector == detector) and is_prose(line.text)
    )


def _agreement(extraction: Extraction) -> float | None:
    """Prose both candidates took, as a share of the heavier candidate's."""
    taken = extraction.taken
    if len(taken) < 2:
        return None
    skeleton = extraction.skeleton

    def weight(lines) -> int:
        return sum(len(skeleton[i]) for i in lines if is_prose(skeleton[i]))

    first, second = taken.values()
    heavier = max(weight(first), weight(second))
    return weight(first & second) / heavier if heavier else None


def assess(article: Article, lines: Sequence[Line], page_lines: Sequence[Line], extraction: Extraction | None) -> tuple[float, list[str]]:
    """The confidence of ``article`` (made of ``lines``, out of the page's
    ``page_lines``) and the signs that lowered it."""
    score, signs = 1.0, []

    def sign(factor: float, why: str) -> None:
        nonlocal score
        score *= factor
        signs.append(why)

    body = article.body
    length = len("".join(body.split()))
    if length < 30:
        sign(0.05, "the body is empty or nearly so")
    elif length < 150:
        sign(0.55, f"the body is short ({length} characters)")
    if body:
        if _mojibake(body):
            sign(0.1, "the text looks like Chinese read in the wrong encoding (mojibake)")
        markup = len(_MARKUP.findall(body))
        if markup >= 20 or markup >= 5 and markup * 40 > length:
            sign(0.15, "markup was read as text")
        replaced = body.count("\ufffd")
        if replaced * 100 > length:
            sign(0.5, f"{replaced} characters could not be decoded")
        short = [p for p in article.paragraphs if len(p) < 30 and not is_prose(p)]
        if len(short) * 5 > 4 * len(article.paragraphs) and len(article.paragraphs) >= 6:
            sign(0.7, "the body is mostly short lines that are not prose (a list or a menu)")
        if len(_NO_ARTICLE.findall(body)) >= 2:
            sign(0.4, "the page reads as an error, not-found or login page")
    if extraction is not None:
        if not extraction.found_article:
            sign(0.45 if extraction.method != "flat" else 0.6, "no content candidate found the article; it was searched among the page's lines")
        elif extraction.method == "script-slides":
            sign(0.8, "the text is a gallery's slides, read from a script")
        elif extraction.method != "consensus" and len(extraction.taken) > 1:
            # (With one candidate run, it held the lead under the title.)
            agreement = _agreement(extraction)
            other = [lines for name, lines in extraction.taken.items() if lines and name != extraction.method]
            sign(0.75 if other and agreement is not None and agreement < 0.1 else 0.9, "one content candidate alone found the article")
    kept = _prose_chars(lines, (TEXT,))
    left_out = _prose_chars(page_lines, (REMOVED,), "outside_article")
    if left_out > max(5 * kept, 1000):
        sign(0.35, "most of the page's prose was left out: another block may be the article")
    elif left_out > max(3 * kept, 300):
        sign(0.7, "much of the page's prose was left out")
    if any(line.detector == "replies" for line in lines):
        sign(0.9, "a thread: its first post is taken as the article")
    return round(score, 3), signs


def rate(articles: Sequence[Article], segments: Sequence[Sequence[Line]], page_lines: Sequence[Line], extraction: Extraction | None) -> tuple[Article, ...]:
    """``articles`` with their confidence, and a warning naming the signs
    when it is low."""
    rated = []
    for article, lines in zip(articles, segments):
        score, signs = assess(article, lines, page_lines, extraction)
        warnings = article.warnings
        if score < LOW and signs:
            warnings += (f"low confidence ({score:.2f}) that the body is the article: " + "; ".join(signs),)
        rated.append(replace(article, confidence=score, warnings=warnings))
    return tuple(rated)
