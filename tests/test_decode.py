"""Decoding bytes: BOM, declared charset checked against the bytes, cut and
mixed files, and never an exception."""
import codecs
import re
from pathlib import Path

import pytest

from boilerstrip.decode import decode, declared_charset

PAGES = Path("/work/shared/pages")
MOJIBAKE = re.compile("[ÃÂâåæçèéäï][\x80-\xbf]|锟斤拷|鎴|鏂伴椈|缁忔祹")


def test_utf8_page_declaring_gb2312_is_read_as_utf8():
    page = '<meta charset="gb2312"><p>新闻正文，中文内容。</p>'.encode("utf-8")
    assert decode(page) == ('<meta charset="gb2312"><p>新闻正文，中文内容。</p>', [])


def test_gbk_page_is_read_with_gb18030():
    text = '<meta charset="gbk"><p>镕基与䶮字都在GB18030里。</p>'
    assert decode(text.encode("gb18030"))[0] == text


def test_declared_charset_is_widened():
    assert declared_charset(b'<meta http-equiv="content-type" content="text/html;charset=GB2312">') == "gb18030"


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (b"", "utf-16"), (b"", "utf-32")])
def test_byte_order_marks(bom, codec):
    assert decode(bom + "<p>中文</p>".encode(codec))[0].lstrip("\ufeff") == "<p>中文</p>"


def test_utf16_without_bom():
    text = "<html><body><p>hello 中文 world, a page in UTF-16</p></body></html>"
    assert decode(text.encode("utf-16-le"))[0] == text


def test_cut_mid_character_keeps_the_rest_and_warns():
    text, warnings = decode("<p>中文测试</p>中".encode("utf-8")[:-1])
    assert text == "<p>中文测试</p>" and warnings
    text, warnings = decode('<meta charset="gbk"><p>中文测试</p>中'.encode("gbk")[:-1])
    assert text == '<meta charset="gbk"><p>中文测试</p>' and warnings


def test_mixed_utf8_and_gbk():
    page = "<p>前面是很长的UTF-8中文正文，".encode() + "这里是GBK".encode("gbk") + "，后面又是UTF-8。</p>".encode()
    text, warnings = decode(page)
    assert text == "<p>前面是很长的UTF-8中文正文，这里是GBK，后面又是UTF-8。</p>" and warnings


@pytest.mark.parametrize("page", [b"", b"\x00" * 100, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
                                  bytes(range(256)) * 50, b"<p>a\x00b</p>", b"\xff\xfe\x00", b"\xe4\xb8"])
def test_never_raises(page):
    text, warnings = decode(page)
    assert isinstance(text, str) and isinstance(warnings, list)


@pytest.mark.skipif(not PAGES.exists(), reason="dev pages not available")
def test_no_mojibake_on_the_dev_pages():
    for path in sorted(PAGES.glob("*/page.html")):
        text, _ = decode(path.read_bytes())
        w3m = (path.parent / "w3m.txt").read_text(encoding="utf-8")
        assert not MOJIBAKE.search(text), path
        runs = re.findall(r"[\u4e00-\u9fff]{8,}", w3m)[:20]
        assert sum(run in text for run in runs) >= 0.6 * len(runs), path
