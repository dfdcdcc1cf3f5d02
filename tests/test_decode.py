"""Decoding bytes: declarations checked against the bytes (BOM, transport,
meta), GB18030 / Big5-HKSCS / UTF-16 recognised without one, invalid bytes
kept visible, cut and mixed files, and never an exception."""
import codecs
import encodings.aliases
import json
import re
from pathlib import Path

import pytest

from boilerstrip import clean_article
from boilerstrip.decode import codec_for, decode, declared_charset, plausibility

from .conftest import FIXTURES, seed_text

PAGES = FIXTURES / "pages"
THIRDPARTY = FIXTURES / "thirdparty"
MOJIBAKE = re.compile("[ÃÂâåæçèéäï][\x80-\xbf]|锟斤拷|鎴|鏂伴椈|缁忔祹")
#: A real paragraph (people_1), and the longest piece of the traditional
#: seed between two of its scraped ruby annotations.
SIMPLIFIED = "今年的6月16日是父亲节。每当诵读那些关于父亲的古诗词，许多人的心中都会涌起一种深沉而又温暖的情感。"
TRADITIONAL = max(re.split(r"\([^()]*\)|\n", seed_text("004_fc4762bbda85c93c")), key=len)
#: The same paragraph in Hong Kong forms (户, 裏, 着 are Big5-HKSCS, not Big5).
HONG_KONG = "今年的6月16日是父親節。每當誦讀那些關於父親的古詩詞，許多人的心中都會湧起一種深沉而又温暖的情感。住户裏的人着急。"


def test_utf8_page_declaring_gb2312_is_read_as_utf8():
    page = '<meta charset="gb2312"><p>新闻正文，中文内容。</p>'.encode("utf-8")
    assert decode(page) == ('<meta charset="gb2312"><p>新闻正文，中文内容。</p>', [])


def test_gbk_page_is_read_with_gb18030():
    text = '<meta charset="gbk"><p>镕基与䶮字都在GB18030里。</p>'
    assert decode(text.encode("gb18030"))[0] == text


def test_declared_charset_is_widened():
    assert declared_charset(b'<meta http-equiv="content-type" content="text/html;charset=GB2312">') == "gb18030"
    assert declared_charset(b'<meta charset="big5">') == "big5hkscs"


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (b"", "utf-16"), (b"", "utf-32")])
def test_byte_order_marks(bom, codec):
    assert decode(bom + "<p>中文</p>".encode(codec))[0].lstrip("\ufeff") == "<p>中文</p>"


def test_utf16_without_bom():
    text = "<html><body><p>hello 中文 world, a page in UTF-16</p></body></html>"
    assert decode(text.encode("utf-16-le"))[0] == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_dump_without_bom_is_text_not_binary(codec):
    text = seed_text("000_6ceb450048dfa4e8")
    assert decode(text.encode(codec)) == (text, [])
    assert decode(SIMPLIFIED.encode(codec)) == (SIMPLIFIED, [])


def test_cut_mid_character_keeps_the_rest_and_warns():
    text, warnings = decode("<p>中文测试</p>中".encode("utf-8")[:-1])
    assert text == "<p>中文测试</p>" and warnings
    text, warnings = decode('<meta charset="gbk"><p>中文测试</p>中'.encode("gbk")[:-1])
    assert text == '<meta charset="gbk"><p>中文测试</p>' and warnings


def test_mixed_utf8_and_gbk():
    page = "<p>前面是很长的UTF-8中文正文，".encode() + "这里是GBK".encode("gbk") + "，后面又是UTF-8。</p>".encode()
    text, warnings = decode(page)
    assert text == "<p>前面是很长的UTF-8中文正文，这里是GBK，后面又是UTF-8。</p>" and warnings


def test_invalid_bytes_in_utf8_are_not_read_as_gbk():
    """A broken UTF-8 character is U+FFFD, never a GB18030 character made
    of its leftover bytes."""
    data = bytearray(SIMPLIFIED.encode())
    data[3] = 0xFF  # the first byte of 年
    text, warnings = decode(bytes(data))
    assert text == SIMPLIFIED.replace("年", "\ufffd" * 3) and "3 invalid" in warnings[0]


@pytest.mark.parametrize("page", [b"", b"\x00" * 100, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
                                  bytes(range(256)) * 50, b"<p>a\x00b</p>", b"\xff\xfe\x00", b"\xe4\xb8"])
def test_never_raises(page):
    text, warnings = decode(page)
    assert isinstance(text, str) and isinstance(warnings, list)


def test_no_mojibake_on_the_dev_pages():
    for path in sorted(PAGES.glob("*/page.html")):
        text, _ = decode(path.read_bytes())
        w3m = (path.parent / "w3m.txt").read_text(encoding="utf-8")
        assert not MOJIBAKE.search(text), path
        runs = re.findall(r"[\u4e00-\u9fff]{8,}", w3m)[:20]
        assert sum(run in text for run in runs) >= 0.6 * len(runs), path


# ---------------------------------------------------------------- without a declaration

def test_gbk_page_without_declaration_is_not_cyrillic():
    """ia_6dc2d508: GBK, no charset anywhere; charset detection said
    Cyrillic. Two bytes of it are invalid."""
    text, warnings = decode((THIRDPARTY / "ia_6dc2d508" / "page.html").read_bytes())
    assert "梁家辉" in text and "ЦчМв" not in text
    assert warnings == ["2 invalid byte sequence(s) replaced by U+FFFD; read as GB18030 (detected)"]


def test_short_gbk_text():
    line = "明天最高气温25℃，最低气温10℃，天气湿凉。\n"
    assert decode(line.encode("gbk")) == (line, [])
    assert clean_article(line.encode("gbk")).body == line.strip()


def test_gb18030_four_byte_characters_without_declaration():
    text = "• 要点一：新政策今天发布。\n• 要点二：䶮字和𠀀字都是四个字节。\n"
    assert decode(text.encode("gb18030")) == (text, [])


@pytest.mark.parametrize("text", [TRADITIONAL, HONG_KONG])
def test_big5_and_big5_hkscs_without_declaration(text):
    data = text.encode("big5hkscs")
    assert decode(data) == (text, [])
    if text is TRADITIONAL:
        assert decode(text.encode("big5")) == (text, [])


def test_older_big5_circled_numbers_and_hkscs_ones_both_read_right():
    """Big5 (ETEN) and Big5-HKSCS put ① at different codes."""
    text = "臺灣①的新聞報導，第二段落內容②。"
    assert decode(text.encode("big5"))[0] == text
    assert decode(text.encode("big5hkscs"))[0] == text


def test_every_real_paragraph_reads_back_in_every_encoding():
    """Short texts too: each paragraph of the gold bodies, alone, in UTF-8,
    GB18030 and GBK (and Big5 where it fits). Two-character ones are
    ambiguous: ``目前`` in GBK is valid UTF-8 (``Ŀǰ``)."""
    paragraphs = sorted({
        paragraph.strip()
        for path in sorted(PAGES.glob("*/gold.json")) + sorted(THIRDPARTY.glob("*/gold.json"))
        for paragraph in json.loads(path.read_text(encoding="utf-8"))["body"].split("\n")
        if paragraph.strip()
    })
    assert len(paragraphs) > 2500
    wrong = []
    for paragraph in paragraphs:
        for codec in ("utf-8", "gb18030", "gbk", "big5"):
            try:
                data = paragraph.encode(codec)
            except UnicodeEncodeError:
                continue
            if decode(data)[0] != paragraph:
                wrong.append((codec, paragraph))
    assert wrong == []


# ---------------------------------------------------------------- declarations

def test_gb2312_page_with_a_dozen_invalid_bytes_is_read_not_refused():
    """ia_b70f455d declares gb2312 and holds 12 invalid bytes: they are
    U+FFFD, the rest is read, and the warning says so."""
    text, warnings = decode((THIRDPARTY / "ia_b70f455d" / "page.html").read_bytes())
    assert text.count("\ufffd") == 12 and "艺术史研究" in text
    assert warnings == ["12 invalid byte sequence(s) replaced by U+FFFD; read as GB18030 (declared by <meta charset>)"]


@pytest.mark.parametrize("name", ["undefined", "hex", "base64", "zlib", "uu", "bz2", "rot13", "x-user-defined", "utf-7"])
def test_a_label_that_names_no_text_encoding_is_ignored_with_a_warning(name):
    page = f'<meta charset="{name}"><p>{SIMPLIFIED}</p>'
    text, warnings = decode(page.encode("gbk"))
    assert text == page
    assert warnings == [f"declared charset {name!r} (<meta charset>) names no text encoding; ignored"]


def test_undefined_charset_page_is_cleaned():
    assert clean_article('<meta charset="undefined"><p>中文正文。</p>'.encode("gbk")).body == "中文正文。"


@pytest.mark.parametrize("name", sorted(set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())))
def test_any_python_codec_name_as_declaration(name):
    """Whatever the page declares, GBK bytes read as GBK and nothing raises."""
    page = f'<meta charset="{name}"><p>{SIMPLIFIED}</p>'
    assert decode(page.encode("gbk"))[0] == page


@pytest.mark.parametrize("lie", ["utf-16", "iso-8859-1", "big5", "utf-8", "koi8-r", "shift_jis", "euc-kr"])
def test_a_wrong_declaration_is_overridden_by_the_bytes(lie):
    page = f'<meta charset="{lie}"><p>{SIMPLIFIED}</p>'
    text, warnings = decode(page.encode("gbk"))
    assert text == page
    assert warnings == [f"declared charset {lie!r} (<meta charset>) does not fit the bytes; read as GB18030 instead"]


def test_big5_page_declaring_gbk_is_big5():
    page = f'<meta charset="gbk"><p>{TRADITIONAL}</p>'
    assert decode(page.encode("big5"))[0] == page


def test_utf8_bom_in_front_of_gbk_bytes():
    page = f"<html><body><p>{SIMPLIFIED}</p></body></html>"
    text, warnings = decode(codecs.BOM_UTF8 + page.encode("gbk"))
    assert text == page and "byte-order mark" in warnings[0]
    assert clean_article(codecs.BOM_UTF8 + page.encode("gbk")).body == SIMPLIFIED


def test_bom_and_meta_both_wrong():
    page = f'<meta charset="big5"><p>{SIMPLIFIED}</p>'
    assert decode(codecs.BOM_UTF8 + page.encode("gbk"))[0] == page


def test_transport_charset():
    page = f"<p>{SIMPLIFIED}</p>"
    assert decode(page.encode("gbk"), "gbk") == (page, [])
    assert decode(page.encode("gbk"), 'text/html; charset="GB2312"') == (page, [])
    assert decode(f"<p>{TRADITIONAL}</p>".encode("big5"), "big5")[0] == f"<p>{TRADITIONAL}</p>"
    assert decode(page.encode("gbk"), "big5")[0] == page
    assert decode(page.encode("gbk"), "nonsense")[1] == ["declared charset 'nonsense' (transport) names no text encoding; ignored"]
    # The transport is trusted over the page, when the bytes agree.
    latin = '<meta charset="gbk"><p>Caf\xe9 cr\xe8me br\xfbl\xe9e</p>'
    assert decode(latin.encode("latin-1"), "iso-8859-1") == (latin, [])


def test_charset_keyword_of_the_api():
    data = f"<html><body><p>{TRADITIONAL}</p></body></html>".encode("big5")
    assert clean_article(data, charset="big5").body == TRADITIONAL
    with pytest.raises(TypeError, match="charset must be a str"):
        clean_article(data, charset=b"big5")


def test_codec_for_reads_labels_as_browsers_do():
    assert codec_for("GB_2312-80") == "gb18030"
    assert codec_for("x-gbk") == "gb18030"
    assert codec_for("cp936") == "gb18030"
    assert codec_for("Big5-HKSCS") == "big5hkscs"
    assert codec_for("latin1") == "cp1252"
    assert codec_for("utf-16") == "utf-16-le"
    assert codec_for("utf-16", in_page=True) == "utf-8"
    assert codec_for("hz-gb-2312") is None and codec_for("") is None


# ---------------------------------------------------------------- invalid bytes

@pytest.mark.parametrize("codec", ["gb18030", "big5hkscs"])
@pytest.mark.parametrize("where", ["lead", "trail"])
def test_one_invalid_byte_costs_one_character(codec, where):
    """GB18030 and Big5 do not resynchronise by themselves: a lost lead byte
    would pair every following byte with the wrong partner."""
    text = TRADITIONAL if codec == "big5hkscs" else SIMPLIFIED
    data = bytearray(text.encode(codec))
    # Characters in a run of them, the first with an ASCII-range trail byte.
    runs = [i for i in range(1, len(text) - 1) if all("\u4e00" <= c <= "\u9fff" for c in text[i - 1 : i + 2])]
    at = next((i for i in runs if text[i].encode(codec)[1] < 0x80), runs[0]) if where == "lead" else runs[0]
    data[len(text[:at].encode(codec)) + (where == "trail")] = 0xFF
    decoded, warnings = decode(bytes(data))
    assert decoded == text[:at] + "\ufffd" + text[at + 1 :]
    assert warnings[0].startswith("1 invalid byte sequence(s)")


def test_plausibility_tells_right_readings_from_wrong_ones():
    data = SIMPLIFIED.encode("gbk")
    right, wrong = plausibility(data.decode("gb18030"))[0], plausibility(data.decode("big5hkscs", "replace"))[0]
    assert right > 0.8 and wrong < 0.3
    assert plausibility("plain ASCII") == (1.0, 0)


def test_common_path_is_fast():
    """Valid UTF-8, or a declaration that reads cleanly, is decoded once
    (CPU time, best of five: the machine is shared)."""
    page = (PAGES / "163_1" / "page.html").read_bytes()[:100_000].decode("utf-8", "ignore").encode()
    gbk = b'<meta charset="gbk">' + page.decode("utf-8", "ignore").encode("gb18030")
    decode(gbk)
    for data, limit in ((page, 0.005), (gbk, 0.02)):
        best = min(_time(decode, data) for _ in range(5))
        assert best < limit, (len(data), best)


def _time(function, *args) -> float:
    import time

    started = time.process_time()
    function(*args)
    return time.process_time() - started


# Lines of the thirdparty pages in traditional script, one Big5 byte broken
# where the marked text starts: the broken character alone is lost.
@pytest.mark.parametrize(
    "text, mark",
    [
        ("<P>　　研究假設二：下崗職工擁有", "假"),  # not 眾] (a trail read as "]")
        ("他寧可全種戰死，決不做外種的奴隸。（西洋各國", "做"),  # not 等~
        ("漢種萬歲！中國萬歲！ </P></TD>", "歲！ "),  # not 部I
        ("<h1>CCER經濟學人分析中國", "E"),  # a letter of an ASCII word
        ("爾拒絕出席面對面的G7會議，而俄羅斯", "的"),  # not 慘7: the trail would take G
        ("以享受更多服務！');\n}\nfunction", "！"),  # a letter trail before punctuation
        ("<td>2、中國戲曲史<br>", "、"),
        ("“2005年一季度工業生產增", "年"),
        ("邀請好友送300元獎金</a>", "送"),
        ("&nbsp;&nbsp;造反派之間的內", "s"),
        ("上一頁 | 下一頁&nbsp;", " |"),
        ("觀的手段進行調控。\r<BR>", "。"),  # not 控\ufffdC: a letter trail before a line's end
        ("正面情緒相對較多 \n<P>", "多"),  # before spaces and a tag
        ("<a href=x>■白髮--脫髮--最終", "髮"),  # before a dash
        ("<td>　01當代電影</td>", "　"),  # A1 40: an @ after no letter or digit is a trail
        ("主要應該歸功於K12A發動機", "2"),  # K12 is an ASCII word: the A is a letter
        ("·<a href=http://x>", "<"),  # a letter before a space and a word is a letter
        ("麻辣社區-大話四川-[原創]朋友,請正確客觀認識涼山", "原"),  # the ] closes [: not 麭胅
    ],
)
def test_a_broken_big5_byte_costs_only_its_character(text, mark):
    data = bytearray(text.encode("big5"))
    data[len(text[: text.index(mark)].encode("big5"))] = 0xFF
    at = text.index(mark)
    assert decode(bytes(data), "big5")[0] == text[:at] + "\ufffd" + text[at + 1 :]


# Lines of the dev pages in GBK, with bytes broken where the marks start (a
# character's lead byte; its trail byte with ``+``): each broken character
# alone is lost.
@pytest.mark.parametrize(
    "text, marks",
    [
        ("物流是其中连接两方的重要渠道，其中对物流服务提供商的服务质量", ("中对", "对物")),  # not 其\ufffd卸\ufffd物流
        ("那么你的文章过了首页后，就石沉大海了", ("的文", "文章")),
        ("移动互联网大数据监测平台Trustdata发布的", ("平台",)),  # not 监测\ufffd教═rustdata
        ("“特别聚能提升热效率，暖而不燥", ("特别", "+聚能")),
        ('<font color="#FF0000">┌───┬───────────', ("+──┬", "+─┬")),  # two broken trails
        # A traditional table in a simplified page: 麼 is FC 4E, 綽 BE 62; their
        # trails read as N and b, beside characters outside GB2312.
        (SIMPLIFIED * 3 + "繁简对照表：鄒詛組鑽緻鐘麼為隻兇準啟闆裡靂餘鍊洩", ("麼為",)),
        (SIMPLIFIED * 3 + "繁简对照表：觸處傳瘡闖創錘純綽辭詞賜聰蔥囪從叢", ("綽辭",)),
    ],
)
def test_broken_gbk_bytes_cost_only_their_characters(text, marks):
    data = bytearray(text.encode("gbk"))
    lost = []
    for mark in marks:
        at = text.index(mark.lstrip("+"))
        data[len(text[:at].encode("gbk")) + mark.startswith("+")] = 0xFF
        lost.append(at)
    want = "".join("\ufffd" if i in lost else char for i, char in enumerate(text))
    assert decode(bytes(data), "gbk")[0] == want
