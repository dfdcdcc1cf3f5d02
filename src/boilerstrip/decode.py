"""Step 1 of the pipeline: turn the caller's input into text.

Bytes are decoded in this order, returning at the first that fits:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. strict UTF-8 (pages that declare gb2312 but are UTF-8 are common);
3. the charset the page declares (``<meta charset>``, ``http-equiv``, XML
   declaration), widened to its superset (gb2312/gbk -> gb18030, big5 ->
   big5hkscs) and checked against the bytes;
4. charset-normalizer's best guess;
5. UTF-8 with replacement characters, and a warning.

Binary files (images, archives, PDFs) are refused with a warning.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]{2,20})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_\-]{2,20})""",
    re.IGNORECASE,
)

# Declared names mapped to the codec that decodes every page declaring them.
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs", "x-big5": "big5hkscs",
    "utf8": "utf-8", "utf-8": "utf-8",
}

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a RIFF media file"),
)


def decode(page: bytes) -> tuple[str, list[str]]:
    """Decode raw bytes to text. Returns the text and any warnings."""
    for magic, what in _MAGIC:
        if page.startswith(magic):
            return "", [f"input is {what}, not a page: nothing to clean"]
    for bom, codec in _BOMS:
        if page.startswith(bom):
            try:
                return page.decode(codec), []
            except UnicodeDecodeError:
                break
    if page.count(b"\x00") > len(page) // 10 + 1:
        return "", ["input looks binary (many NUL bytes), not a page: nothing to clean"]
    try:
        return page.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    declared = declared_charset(page)
    if declared:
        try:
            return page.decode(declared), []
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(page[:200_000]).best()
    if best is not None and best.encoding:
        codec = _SUPERSETS.get(best.encoding.replace("_", "-").lower(), best.encoding)
        try:
            return page.decode(codec), []
        except (UnicodeDecodeError, LookupError):
            return page.decode(codec, errors="replace"), [
                f"some bytes are not valid {codec} and were replaced by U+FFFD"
            ]
    return page.decode("utf-8", errors="replace"), [
        "encoding could not be determined; decoded as UTF-8 with replacement characters"
    ]


def declared_charset(page: bytes) -> str | None:
    """The codec for the charset the page declares in its first 4 KB, if any."""
    match = _DECLARED.search(page[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    return _SUPERSETS.get(name, name)
