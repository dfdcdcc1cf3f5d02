"""Step 1 of the pipeline: turn the caller's input into text.

Bytes are decoded in this order, returning at the first that fits:

1. a byte-order mark (UTF-8, UTF-16, UTF-32), or UTF-16 recognised by its
   NUL pattern;
2. strict UTF-8 (pages that declare gb2312 but are UTF-8 are common);
3. the charset the page declares (``<meta charset>``, ``http-equiv``, XML
   declaration), widened to its superset (gb2312/gbk -> gb18030, big5 ->
   big5hkscs) and checked against the bytes;
4. a file cut mid-character: the declared charset or UTF-8 up to the cut,
   and a warning;
5. mixed encodings (UTF-8 with GBK pieces pasted in): UTF-8, each invalid
   run read as GB18030, and a warning;
6. charset-normalizer's best guess;
7. UTF-8 with replacement characters, and a warning.

Binary files (images, archives, PDFs) are refused with a warning. Decoding
never raises.
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


#: Above this share of U+FFFD after the last-resort UTF-8 decode, the input is junk.
JUNK_RATIO = 0.05


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
    utf16 = _utf16_without_bom(page)
    if utf16:
        return page.decode(utf16, errors="replace"), []
    if page.count(b"\x00") > len(page) // 10 + 1:
        return "", ["input looks binary (many NUL bytes), not a page: nothing to clean"]
    declared = declared_charset(page)
    for codec in dict.fromkeys(("utf-8", declared or "utf-8")):
        try:
            return page.decode(codec), []
        except (UnicodeDecodeError, LookupError):
            pass
    for codec in dict.fromkeys(("utf-8", declared or "utf-8")):
        cut = _truncated(page, codec)
        if cut is not None:
            return cut, [f"input ends inside a {codec} character; the incomplete bytes were dropped"]
    mixed = _mixed(page)
    if mixed is not None:
        return mixed, ["input mixes UTF-8 and GB18030 bytes; each part was decoded with its own encoding"]
    try:
        best = from_bytes(page[:200_000]).best()
    except Exception:  # noqa: BLE001 - the detector must not stop us
        best = None
    if best is not None and best.encoding:
        codec = _SUPERSETS.get(best.encoding.replace("_", "-").lower(), best.encoding)
        try:
            return page.decode(codec), []
        except (UnicodeDecodeError, LookupError):
            try:
                return page.decode(codec, errors="replace"), [
                    f"some bytes are not valid {codec} and were replaced by U+FFFD"
                ]
            except LookupError:
                pass
    text = page.decode("utf-8", errors="replace")
    undecodable = text.count("\ufffd") / max(1, len(text))
    if undecodable > JUNK_RATIO:
        return "", [f"input is not text in any known encoding ({undecodable:.0%} undecodable): nothing to clean"]
    return text, ["encoding could not be determined; decoded as UTF-8 with replacement characters"]


def _utf16_without_bom(page: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NULs fall on every other byte (ASCII
    markup in UTF-16), else None."""
    sample = page[:4000]
    if len(sample) < 40 or sample.count(b"\x00") < len(sample) // 3:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.8 * len(sample) // 2 and even < 0.1 * len(sample) // 2:
        return "utf-16-le"
    if even > 0.8 * len(sample) // 2 and odd < 0.1 * len(sample) // 2:
        return "utf-16-be"
    return None


def _truncated(page: bytes, codec: str) -> str | None:
    """The text when ``page`` is valid ``codec`` except for an incomplete
    character in its last 3 bytes (a file cut mid-character)."""
    try:
        decoder = codecs.getincrementaldecoder(codec)()
        text = decoder.decode(page, final=False)
    except (UnicodeDecodeError, LookupError):
        return None
    return text


def _mixed(page: bytes) -> str | None:
    """UTF-8 with GB18030 pieces: when most non-ASCII text is valid UTF-8,
    each invalid sequence is decoded as GB18030 (U+FFFD where neither fits)."""
    sample = page[:200_000].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    good = sum(1 for char in sample if ord(char) > 0x7F) - bad
    if bad == 0 or good < 2 * bad:
        return None
    return page.decode("utf-8", errors=_GB_FALLBACK)


def _gb18030_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: read the invalid UTF-8 bytes as one GB18030
    character (2 or 4 bytes), else U+FFFD for one byte."""
    data, start = error.object, error.start
    for width in (2, 4):
        piece = data[start : start + width]
        if len(piece) == width and piece[0] >= 0x81:
            try:
                return bytes(piece).decode("gb18030"), start + width
            except UnicodeDecodeError:
                continue
    return "\ufffd", start + 1


_GB_FALLBACK = "boilerstrip-gb18030-fallback"
codecs.register_error(_GB_FALLBACK, _gb18030_fallback)


def declared_charset(page: bytes) -> str | None:
    """The codec for the charset the page declares in its first 4 KB, if any."""
    match = _DECLARED.search(page[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    return _SUPERSETS.get(name, name)
