"""Step 1 of the pipeline: bytes -> text.

For a Chinese page the question is nearly always "UTF-8, GB18030 or
Big5(-HKSCS)?". A declaration answers it more often than not, but not
always: pages declare gb2312 and are UTF-8, declare big5 and are GBK, carry a
UTF-8 byte-order mark in front of GBK bytes, or declare ``undefined``. So
every reading is checked against the bytes, in this order:

1. Signatures of binary files (images, archives, PDFs) are refused.
2. Valid UTF-8 is UTF-8, whatever is declared: GBK or Big5 text is valid
   UTF-8 only by the accident of a few bytes.
3. The declarations, in the HTML standard's order: a byte-order mark, the
   transport's charset (``declared``, e.g. a WARC record's Content-Type),
   ``<meta charset>`` / ``http-equiv``, the XML declaration. Labels are read
   as browsers read them (the WHATWG Encoding Standard, via
   ``webencodings``) and widened to the superset (gb2312/gbk -> GB18030,
   big5 -> Big5-HKSCS). A label that names no text encoding
   (``undefined``, ``hex``, ``rot13``) is ignored with a warning. The first
   declaration whose reading is plausible (:func:`plausibility`) is used.
4. Otherwise the candidates are read and scored: UTF-8 (each invalid run
   read as GB18030 when it reads as common Chinese: pages pasted together),
   GB18030, Big5-HKSCS (and the older Big5 when they differ), and UTF-16
   when the bytes show its NUL pattern or nothing else fits. The most
   plausible reading wins when it is plausible ("detected"); it overrides a
   declaration only when it is clearly better, with a warning.
5. When no reading is plausible: the declaration, else charset-normalizer's
   guess, else UTF-8 ("guessed"). Input that is not text (mostly invalid
   bytes or NULs) gives no text and a warning.

Invalid bytes become U+FFFD and stay visible; the warnings say how many,
which encoding was used and whether it was declared, detected or guessed.
GB18030 and Big5 do not resynchronise by themselves (a lost lead byte pairs
every following byte with the wrong partner), so after an invalid byte the
decoder resumes where the next characters read best. A file cut
mid-character loses only the incomplete bytes. Decoding never raises.
"""
from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass
from importlib import resources

import webencodings
from charset_normalizer import from_bytes

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"RIFF", "a RIFF media file"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: How far into the page ``<meta charset>`` and the XML declaration are looked for.
PRESCAN_BYTES = 8192
_META = re.compile(rb"""<meta\s[^>]{0,300}?charset\s*=\s*["']?\s*([^\s"'/>;]{1,40})""", re.I)
_XML_DECLARATION = re.compile(rb"""<\?xml\s[^>]{0,200}?encoding\s*=\s*["']\s*([^\s"'?>]{1,40})""", re.I)

#: Labels the web uses that the WHATWG list lacks (Windows code page names,
#: GB18030 editions, Big5 spellings), and the supersets the decoder reads
#: instead of a subset: GBK and GB2312 pages often hold GB18030's 4-byte
#: characters, Big5 pages Hong Kong's.
_MORE_LABELS = {
    "cp936": "gb18030", "ms936": "gb18030", "936": "gb18030", "windows-936": "gb18030",
    "gb18030-2000": "gb18030", "gb18030-2005": "gb18030", "x-gb18030": "gb18030", "euc-cn": "gb18030",
    "cp950": "big5hkscs", "ms950": "big5hkscs", "950": "big5hkscs", "windows-950": "big5hkscs",
    "big5hkscs": "big5hkscs", "x-big5": "big5hkscs", "big-5": "big5hkscs", "big-five": "big5hkscs",
    "bigfive": "big5hkscs", "utf8mb4": "utf-8", "utf8mb3": "utf-8",
}
_SUPERSETS = {"gbk": "gb18030"}
#: WHATWG encodings that are no text encoding to decode with.
_UNUSABLE = frozenset(("replacement", "x-user-defined"))
_UTF16 = ("utf-16-le", "utf-16-be")

#: A reading scoring at least this is plausible text (right readings of
#: Chinese pages score 0.8-1; GBK read as Big5 and the reverse 0.1-0.4).
PLAUSIBLE = 0.6
#: Texts with fewer scored characters than this are short: the best reading
#: is taken when it scores at least SHORT_FLOOR and SHORT_MARGIN more than
#: every other (a short right reading may score 0.3, a wrong one 0.5).
SHORT = 30
SHORT_FLOOR = 0.3
SHORT_MARGIN = 0.15
#: A reading overrides a declaration only when it scores this much more...
OVERRIDE_MARGIN = 0.25
#: ... and, when the declared reading had no invalid bytes, holds at least
#: this many scored characters (a Latin-1 page with one "Über" stays Latin-1).
OVERRIDE_EVIDENCE = 12
#: Without a plausible reading or a declaration, UTF-8 with more U+FFFD than
#: this is junk.
JUNK_RATIO = 0.05
#: Readings are scored on at most this many bytes (the whole page is decoded
#: once, with the winner).
SAMPLE_BYTES = 1_000_000
#: After an invalid byte, how many bytes are read ahead to find where the
#: characters line up again.
RESYNC_LOOKAHEAD = 24
#: How much better (in look-ahead weights, a common character 1.0) a reading
#: that keeps a broken byte's follower as a lead byte must read, when the
#: broken byte sits in Chinese text, than one that drops it as the broken
#: character's trail.
RESYNC_LEAD_PRIOR = 0.5
#: A GB18030 or Big5 reading with invalid bytes scoring at least this (but
#: not plausible) is scored again resynchronised...
RESYNC_FLOOR = 0.3
#: ... when it has at most this many invalid bytes, or this share of its bytes.
RESYNC_MAX_FEW = 100
RESYNC_MAX_SHARE = 0.005


@dataclass(frozen=True)
class Declaration:
    """An encoding named by a byte-order mark, the transport or the page."""

    label: str
    codec: str | None
    source: str

    def describe(self) -> str:
        return f"{self.label!r} ({self.source})"


@dataclass
class _Reading:
    codec: str
    text: str
    #: U+FFFD put in for invalid bytes.
    replaced: int
    score: float
    #: Characters scored (non-ASCII and control characters).
    evidence: int
    #: Invalid UTF-8 runs read as GB18030.
    pieces: int = 0
    #: Bytes of an incomplete last character that were dropped.
    cut: int = 0
    #: Decoded from a sample only.
    partial: bool = False
    #: Resynchronised after invalid bytes (:func:`_resync`).
    resynced: bool = False


def decode(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Decode raw bytes to text. ``declared`` is the charset the transport
    gave (a label like ``gbk`` or a Content-Type value); returns the text and
    any warnings."""
    data = bytes(data)
    if not data:
        return "", []
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return "", [f"input is {what}, not a page: nothing to clean"]
    warnings: list[str] = []
    body, declarations = _declarations(data, declared)
    for declaration in declarations:
        if declaration.codec is None:
            warnings.append(f"declared charset {declaration.describe()} names no text encoding; ignored")
    usable = [d for d in declarations if d.codec is not None]
    utf16 = _utf16_pattern(body)
    valid_utf8 = False
    if utf16 is None:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if not _maybe_legacy(body, text):
                return text, warnings
            valid_utf8 = True
    reader = _Reader(body)
    chosen, how = _choose(reader, usable, utf16, valid_utf8, warnings)
    if chosen is None:
        return "", warnings
    if chosen.codec == "big5hkscs" and _big5_disputed().search(chosen.text):
        chosen = reader.best(["big5hkscs", "big5"])
    return _finish(reader, chosen, how, warnings)


def declared_charset(page: bytes) -> str | None:
    """The codec for the charset the page declares in ``<meta>`` or its XML
    declaration, if any (None for a label that names no text encoding)."""
    for declaration in _in_page(page):
        return declaration.codec
    return None


def codec_for(label: str, *, in_page: bool = False) -> str | None:
    """The Python codec that decodes every page labelled ``label``, or None
    when the label names no text encoding. ``in_page``: the label was read
    from the page's own ASCII bytes, so it cannot be UTF-16 (the HTML
    standard reads it as UTF-8)."""
    name = label.strip().strip("\"'").strip().lower()
    if not name:
        return None
    found = webencodings.lookup(name)
    codec = found.codec_info.name if found is not None and found.name not in _UNUSABLE else _MORE_LABELS.get(name)
    if codec is None:
        return None
    codec = _SUPERSETS.get(codec, codec)
    if in_page and codec in _UTF16:
        return "utf-8"
    return codec


# ---------------------------------------------------------------- declarations

def _declarations(data: bytes, declared: str | None) -> tuple[bytes, list[Declaration]]:
    """The bytes without their byte-order mark, and the declarations in the
    order they are trusted: BOM, transport, ``<meta>``, XML declaration."""
    found: list[Declaration] = []
    body = data
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            found.append(Declaration(codec.upper(), codec, "byte-order mark"))
            break
    if declared is not None:
        label = _charset_parameter(declared)
        found.append(Declaration(label, codec_for(label), "transport"))
    if not (found and found[0].codec in _UTF16 + ("utf-32-le", "utf-32-be")):
        found.extend(_in_page(body))
    return body, found


def _charset_parameter(value: str) -> str:
    """``gbk`` from ``gbk`` or from ``text/html; charset="gbk"``."""
    if "=" not in value:
        return value.strip()
    match = re.search(r"charset\s*=\s*[\"']?\s*([^\s\"';,]+)", value, re.I)
    return match.group(1) if match else ""


def _in_page(data: bytes) -> list[Declaration]:
    head = data[:PRESCAN_BYTES]
    found = []
    for pattern, source in ((_META, "<meta charset>"), (_XML_DECLARATION, "XML declaration")):
        match = pattern.search(head)
        if match:
            label = match.group(1).decode("ascii", "replace")
            found.append(Declaration(label, codec_for(label, in_page=True), source))
    return found


#: Bytes of a short text: GBK or Big5 text can be valid UTF-8 by chance only
#: when it is this short (the odds fall about tenfold a character).
MAX_CHANCE_UTF8 = 90
_HIGH_BYTES = bytes(range(0x80, 0x100))
_TWO_BYTE_UTF8 = re.compile("[\u0080-\u07ff]")
#: Scripts of the characters UTF-8 spells with two bytes.
_SCRIPTS = (
    (0x0080, 0x00BF, ""), (0x00C0, 0x00FF, "latin-1"), (0x0100, 0x017F, "latin extended-a"),
    (0x0180, 0x024F, "latin extended-b"), (0x0250, 0x036F, "modifier"),
    (0x0370, 0x03FF, "greek"), (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x07FF, "arabic"),
)


def _maybe_legacy(data: bytes, text: str) -> bool:
    """True when valid UTF-8 ``text`` may be a short GBK or Big5 text read
    wrongly (``10小时前`` in GBK is valid UTF-8: ``10Сʱǰ``, ``目前`` is
    ``Ŀǰ``): few non-ASCII bytes, spelling letters of several scripts (or
    Latin blocks) at once, or control or modifier characters."""
    if len(data) - len(data.translate(None, _HIGH_BYTES)) > MAX_CHANCE_UTF8:
        return False
    if not _TWO_BYTE_UTF8.search(text):
        return False
    scripts = set()
    for char in _TWO_BYTE_UTF8.findall(text):
        code = ord(char)
        if code < 0xA0:
            return True
        scripts.update(name for low, high, name in _SCRIPTS if low <= code <= high and name)
    return len(scripts) > 1 or "modifier" in scripts


def _utf16_pattern(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes fall on one parity (the ASCII
    characters of UTF-16 text), else None."""
    sample = data[:65536]
    nuls = sample.count(0)
    if nuls < 4:
        return None
    odd = sample[1::2].count(0)
    if odd >= 0.9 * nuls:
        return "utf-16-le"
    if odd <= 0.1 * nuls:
        return "utf-16-be"
    return None


# ---------------------------------------------------------------- choosing

def _choose(
    reader: "_Reader", declarations: list[Declaration], utf16: str | None, valid_utf8: bool, warnings: list[str]
) -> tuple[_Reading | None, str]:
    """The reading to use and how it was chosen, or None for junk (with a
    warning). ``valid_utf8``: the bytes are valid UTF-8 but may be a short
    legacy text that happens to be (:func:`_maybe_legacy`)."""
    for declaration in declarations:
        reading = reader.read(declaration.codec)
        if reading.score >= PLAUSIBLE:
            return reading, f"declared by {declaration.source}"
    names = ["utf-8", "gb18030", "big5hkscs"]
    if utf16 or any(d.codec in _UTF16 for d in declarations):
        names += [utf16 or "utf-16-le", "utf-16-be" if utf16 != "utf-16-be" else "utf-16-le"]
    best = _detect(reader, names)
    if best is None and utf16 is None and not valid_utf8 and len(reader.data) % 2 == 0:
        best = _detect(reader, names + ["utf-16-le", "utf-16-be"])
    if valid_utf8:
        return (best, "detected") if best is not None else (reader.read("utf-8"), "detected")
    if best is not None:
        if not declarations:
            return best, "detected"
        first = reader.read(declarations[0].codec)
        if best.score >= first.score + OVERRIDE_MARGIN and (
            first.replaced > best.replaced or best.evidence >= OVERRIDE_EVIDENCE
        ):
            names_given = ", ".join(d.describe() for d in declarations)
            warnings.append(f"declared charset {names_given} does not fit the bytes; read as {_name(best.codec)} instead")
            return best, "detected"
    if declarations:
        return reader.read(declarations[0].codec), f"declared by {declarations[0].source}"
    sample = reader.data[:65536]
    if sample.count(0) > len(sample) // 10 + 1:
        warnings.append("input looks binary (many NUL bytes), not a page: nothing to clean")
        return None, ""
    guess = _guess(reader.data)
    if guess is not None and guess not in reader.readings:
        return reader.read(guess), "guessed by charset-normalizer"
    best = reader.best(names)
    if best.score > 0:
        return best, "guessed"
    reading = reader.read("utf-8")
    undecodable = reading.replaced / max(1, len(reading.text))
    if undecodable > JUNK_RATIO:
        warnings.append(f"input is not text in any known encoding ({undecodable:.0%} undecodable): nothing to clean")
        return None, ""
    return reading, "guessed"


def _detect(reader: "_Reader", names: list[str]) -> _Reading | None:
    """The reading that is plausible and best, or None.

    A short text (fewer than :data:`SHORT` scored characters) scores noisily:
    a few rare characters pull a right reading down, a few lucky ones push
    a wrong one up. It is read as the best reading when that one has no
    invalid bytes and beats every other by :data:`SHORT_MARGIN`.
    """
    readings = []
    for name in dict.fromkeys(names):
        reading = reader.read(name)
        if reading.score >= PLAUSIBLE and reading.evidence >= SHORT:
            # No wrong reading of a long text scores near a right one.
            return reading
        readings.append(reading)
    readings.sort(key=lambda r: -r.score)
    best, rest = readings[0], readings[1:]
    if best.score >= PLAUSIBLE:
        return best
    runner_up = rest[0].score if rest else -1.0
    if best.evidence < SHORT and not best.replaced and best.score >= SHORT_FLOOR and best.score >= runner_up + SHORT_MARGIN:
        return best
    return None


def _guess(data: bytes) -> str | None:
    try:
        best = from_bytes(data[:200_000]).best()
    except Exception:  # noqa: BLE001 - the detector must not stop us
        return None
    if best is None or not best.encoding:
        return None
    return codec_for(best.encoding.replace("_", "-")) or _codec_name(best.encoding)


def _codec_name(name: str) -> str | None:
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name if info._is_text_encoding else None  # noqa: SLF001 - the stdlib's own flag


def _finish(reader: "_Reader", chosen: _Reading, how: str, warnings: list[str]) -> tuple[str, list[str]]:
    """The chosen reading of the whole input, resynchronised after invalid
    bytes, and its warnings."""
    reading = reader.final(chosen)
    if reading.pieces:
        warnings.append(
            f"input mixes UTF-8 and GB18030 bytes; {reading.pieces} GB18030 piece(s) were read as GB18030"
        )
    if reading.replaced:
        warnings.append(
            f"{reading.replaced} invalid byte sequence(s) replaced by U+FFFD; read as {_name(reading.codec)} ({how})"
        )
    if reading.cut:
        warnings.append(
            f"input ends inside a {_name(reading.codec)} character; the incomplete bytes were dropped"
        )
    if how.startswith("guessed") and not reading.replaced:
        warnings.append(f"encoding not declared and not recognised; read as {_name(reading.codec)} ({how})")
    return reading.text, warnings


def _name(codec: str) -> str:
    return {"gb18030": "GB18030", "big5hkscs": "Big5-HKSCS", "big5": "Big5", "utf-8": "UTF-8",
            "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE"}.get(codec, codec)


@functools.lru_cache(maxsize=1)
def _big5_disputed() -> re.Pattern:
    """Characters Big5-HKSCS reads from codes that the older (ETEN) Big5
    reads as other characters (circled numbers, kana, Cyrillic): where they
    occur, both readings are scored."""
    chars = set()
    for code in range(0xC6A1, 0xC8FF):
        raw = bytes((code >> 8, code & 0xFF))
        try:
            if raw.decode("big5") != raw.decode("big5hkscs"):
                chars.add(raw.decode("big5hkscs"))
        except UnicodeDecodeError:
            continue
    return re.compile("[" + "".join(re.escape(char) for char in sorted(chars)) + "]")


# ---------------------------------------------------------------- reading

class _Reader:
    """Readings of one input, each decoded (and scored) once."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.sample = data if len(data) <= SAMPLE_BYTES else data[:SAMPLE_BYTES]
        self.readings: dict[str, _Reading] = {}

    def read(self, codec: str) -> _Reading:
        if codec not in self.readings:
            self.readings[codec] = _read(self.sample, codec, partial=self.sample is not self.data)
        return self.readings[codec]

    def best(self, codecs_: list[str]) -> _Reading:
        """The highest-scoring reading (the first on a tie)."""
        readings = [self.read(codec) for codec in dict.fromkeys(codecs_)]
        return max(readings, key=lambda r: r.score)

    def final(self, reading: _Reading) -> _Reading:
        """``reading`` of the whole input, resynchronised after invalid bytes."""
        if reading.partial or _worth_resyncing(reading, len(self.data)):
            return _read(self.data, reading.codec, partial=False, resync=True, letters=_letter_trails(reading.text))
        return reading


def _read(data: bytes, codec: str, *, partial: bool, resync: bool = False, letters: bool = False) -> _Reading:
    """``data`` read with ``codec``, invalid bytes as U+FFFD. A reading with
    invalid bytes that may be the right one is read again resynchronised
    (:func:`_resync`) before it is scored: a lost lead byte garbles what
    follows, and the garble would count against it."""
    if codec == "utf-8":
        return _read_utf8(data, partial)
    resync = resync and codec in _UNSYNCED
    handler = _RESYNC[letters or codec.startswith("big5"), True] if resync else "replace"
    try:
        decoder = codecs.getincrementaldecoder(codec)(handler)
        text = decoder.decode(data, final=False)
        cut = 0 if partial else len(decoder.getstate()[0])
    except (LookupError, TypeError, ValueError):
        text, cut, codec = data.decode("utf-8", "replace"), 0, "utf-8"
    score, evidence = plausibility(text)
    reading = _Reading(codec, text, _replaced(text, data, codec), score, evidence, cut=cut, partial=partial, resynced=resync)
    if RESYNC_FLOOR <= score < PLAUSIBLE and _worth_resyncing(reading, len(data)):
        return _read(data, codec, partial=partial, resync=True, letters=_letter_trails(text))
    return reading


def _worth_resyncing(reading: _Reading, size: int) -> bool:
    """A GB18030 or Big5 reading with a few invalid bytes (resynchronising
    costs a look-ahead per invalid byte: not for thousands of them)."""
    return (
        reading.codec in _UNSYNCED and not reading.resynced
        and 0 < reading.replaced <= max(RESYNC_MAX_FEW, size * RESYNC_MAX_SHARE)
    )


def _replaced(text: str, data: bytes, codec: str) -> int:
    """U+FFFD in ``text`` that the bytes do not spell out themselves."""
    count = text.count("\ufffd")
    if count:
        try:
            count -= data.count("\ufffd".encode(codec))
        except (UnicodeError, LookupError):
            pass
    return max(0, count)


_ESCAPED = re.compile("[\udc80-\udcff]+")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _read_utf8(data: bytes, partial: bool) -> _Reading:
    """UTF-8, each invalid run read as GB18030 when the page is mostly UTF-8
    and the run reads as common Chinese text (a GBK piece pasted into a
    UTF-8 page), else as U+FFFD."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    text = decoder.decode(data, final=False)
    cut = 0 if partial else len(decoder.getstate()[0])
    runs = _ESCAPED.findall(text)
    pieces = 0
    invalid = sum(map(len, runs))
    if invalid and len(_NON_ASCII.findall(text)) - invalid < 2 * invalid:
        # Mostly not UTF-8: no pasted pieces to look for.
        text = data[: len(data) - cut].decode("utf-8", "replace")
    elif runs:
        common = _tables().common

        def repair(match: re.Match) -> str:
            nonlocal pieces
            raw = match.group(0).encode("utf-8", "surrogateescape")
            if len(raw) >= 2:
                try:
                    piece = raw.decode("gb18030")
                except UnicodeDecodeError:
                    piece = ""
                if piece and common.fullmatch(piece):
                    pieces += 1
                    return piece
            return raw.decode("utf-8", "replace")

        text = _ESCAPED.sub(repair, text)
    score, evidence = plausibility(text)
    return _Reading("utf-8", text, _replaced(text, data, "utf-8"), score, evidence, pieces, cut, partial)


# GB18030 and Big5 reuse lead bytes as trail bytes: after an invalid byte
# they may pair every following byte with the wrong partner.
_UNSYNCED = frozenset(("gb18030", "big5hkscs", "big5", "gbk", "gb2312", "cp950", "cp936"))
#: The resynchronising error handlers' names, by ``(letters, deep)``
#: (:func:`_resync`; the look-ahead's own readings are not ``deep``).
_RESYNC = {
    (letters, deep): "boilerstrip-resync" + ("-letters" if letters else "") + ("" if deep else "-shallow")
    for letters in (False, True)
    for deep in (True, False)
}
#: Above this share of characters whose trail byte is an ASCII letter (Big5
#: text; traditional text in GBK), a lone letter after a broken byte is taken
#: for a trail byte.
LETTER_TRAILS = 0.05


def _letter_trails(text: str) -> bool:
    """True when many of the characters of ``text`` have a GB18030 trail
    byte in 0x40-0x7E (traditional text in GBK, rarely simplified text)."""
    rest = _NEUTRAL.sub("", text)[:SCORED_CHARS]
    return bool(rest) and len(rest) - len(_letter_trail_chars().sub("", rest)) > LETTER_TRAILS * len(rest)


@functools.lru_cache(maxsize=1)
def _letter_trail_chars() -> re.Pattern:
    chars = []
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0x7F):
            try:
                chars.append(bytes((lead, trail)).decode("gb18030"))
            except UnicodeDecodeError:
                continue
    return re.compile("[" + "".join(re.escape(char) for char in chars) + "]+")


def _resync(error: UnicodeDecodeError, letters: bool = False, deep: bool = True) -> tuple[str, int]:
    """Codec error handler: one U+FFFD for one broken character, resuming
    where the next characters line up:

    * a GB18030 four-byte character with one broken byte: all four bytes
      (and never the ASCII bytes Python's codec may take with them);
    * a lead byte whose trail byte is broken (``D6 FF``): the pair;
    * a broken lead byte (``FF D0``) whose trail byte would pair with the
      next character's lead: the trail, when the characters after it read
      better; with ``letters`` (Big5, or text whose characters often have
      ASCII-letter trail bytes), a trail byte that reads as an ASCII letter
      before a Chinese character (or a clause mark and one), or after one
      and before a tag, a digit or punctuation, unless the broken byte
      follows a letter of an ASCII word.

    Two broken bytes in a row stay two U+FFFD. The look-ahead reads the
    bytes after the trail resynchronised the same way (``deep``), one level
    down, so a second broken byte a character later does not leave both
    readings out of step.
    """
    data, start = error.object, error.start
    if error.encoding == "gb18030" and _broken_four_byte(data, start):
        return "\ufffd", start + 4
    end = start + 1
    if end < len(data):
        lead, follower = 0x81 <= data[start] <= 0xFE, data[end]
        if follower >= 0x80 and (lead or follower <= 0xFE):
            stop = end + 1 + RESYNC_LOOKAHEAD
            if _ascii_word_at(data, end + 1):
                end += 1  # the follower would take the first letter of an ASCII word (``\ufffd\u6158 7`` for ``\ufffdG7``)
            else:
                # After a lead byte the broken byte is its trail; after a
                # Chinese character it is far more often a lead byte than a
                # byte of its own: the pair is preferred unless keeping the
                # follower reads better by more than that.
                prior = RESYNC_LEAD_PRIOR if lead or _two_byte_before(data, start) else 0.0
                skip = _lookahead(data, end + 1, stop, error.encoding, letters, deep) + prior
                if skip > _lookahead(data, end, stop, error.encoding, letters, deep):
                    end += 1
        elif (letters or _beside_gbk_extension(data, start - 2) or _beside_gbk_extension(data, end + 1)) and (
            not lead and 0x40 <= follower <= 0x7E and not _in_ascii_word(data, start)
        ) and (
            _before_chinese(data, end + 1)
            or _after_chinese(data, start) and _ends_word(data, end + 1, chr(follower).isalpha())
            or follower == 0x40 and not data[start - 1 : start].isalnum()
        ):
            # Trail bytes include 0x40-0x7E (four in ten in Big5): in such
            # text, an ASCII letter before a Chinese character (or before
            # punctuation and one), or after one and before a tag, a digit,
            # punctuation, a space or a broken byte, is the broken
            # character's; so is an ``@`` that follows no letter or digit
            # (``A1 40`` is the ideographic space); never one inside an
            # ASCII word (``CC\ufffdR``, ``K1\ufffdA``: the broken byte
            # was a letter or a digit).
            end += 1
    return "\ufffd", end


def _two_byte_before(data: bytes, at: int) -> bool:
    """True when the two bytes before ``at`` are a lead and a high trail."""
    return at > 1 and 0x81 <= data[at - 2] <= 0xFE and 0xA1 <= data[at - 1] <= 0xFE


def _beside_gbk_extension(data: bytes, at: int) -> bool:
    """True when the two bytes at ``at`` are a GBK character outside GB2312
    (a lead or trail byte below 0xA1: traditional or rare characters, four
    in ten of which have an ASCII trail byte): its neighbour's letter trail
    is as likely as in Big5 text."""
    pair = data[at : at + 2] if at >= 0 else b""
    return len(pair) == 2 and 0x81 <= pair[0] <= 0xFE and (pair[0] < 0xA1 or 0x40 <= pair[1] < 0xA1) and pair[1] != 0x7F


_CLAUSE_PUNCTUATION = frozenset(b",.;:!?")


def _before_chinese(data: bytes, at: int) -> bool:
    """True when a Chinese character's lead byte is at ``at``, or after one
    ASCII clause mark there."""
    if at < len(data) and data[at] in _CLAUSE_PUNCTUATION:
        at += 1
    return at < len(data) and 0x81 <= data[at] <= 0xFE


def _after_chinese(data: bytes, at: int) -> bool:
    """True when the bytes before ``at`` end a two-byte character (a trail
    byte after a lead, or a high trail byte)."""
    return at > 0 and 0x80 <= data[at - 1] <= 0xFE or (
        at > 1 and 0x81 <= data[at - 2] <= 0xFE and 0x40 <= data[at - 1] <= 0x7E
    )


def _ascii_word_at(data: bytes, at: int) -> bool:
    """True when an ASCII letter, then a letter or digit, start at ``at``."""
    pair = data[at : at + 2]
    return len(pair) == 2 and pair.isalnum() and pair[:1].isalpha()


#: How far back a byte that cannot be a trail byte is looked for.
_SYNC_REACH = 512


def _in_ascii_word(data: bytes, at: int) -> bool:
    """True when ``at`` follows an ASCII word: letters and digits read as
    ASCII (not a character's letter trail), at least one a letter. ``CC``
    and ``K12`` are words; ``2008`` and the ``C`` of ``\u7684C`` are not.
    The bytes are read from the last one that no character ends with (ASCII
    below 0x40, not a digit: GB18030 four-byte characters hold digits)."""
    sync = at - 1
    floor = max(0, at - _SYNC_REACH)
    while sync >= floor and (data[sync] >= 0x40 or 0x30 <= data[sync] <= 0x39):
        sync -= 1
    index = word = sync + 1
    while index < at:
        byte = data[index]
        if byte >= 0x81:
            index += 4 if index + 1 < at and 0x30 <= data[index + 1] <= 0x39 else 2
            word = index
        else:
            index += 1
            if not (0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A):
                word = index
    return index == at and word < at and not data[word:at].isdigit()


#: What may follow a character's trail byte: a tag, a digit, ASCII
#: punctuation (``\u670d\u52d9\ufffdI');``), the end.
_WORD_ENDS = frozenset(b"<0123456789,.;:!?)]}'\"-")
#: What may also follow a letter trail (not a symbol: ``\u9801 | \u4e0b``):
#: a space, a broken byte (0x80 and 0xFF start no character).
_SPACES = frozenset(b" \t\r\n")
_LETTER_ENDS = _SPACES | frozenset(b"\x80\xff")


def _ends_word(data: bytes, at: int, letter: bool) -> bool:
    """True when a tag, a digit or punctuation starts at ``at``; after a
    ``letter``, also a broken byte, or spaces not followed by an ASCII
    letter (``\u554f\ufffdD </STRONG>``, not ``\u00b7\ufffda href``)."""
    if at >= len(data) or data[at] in _WORD_ENDS:
        return True
    if not letter or data[at] not in _LETTER_ENDS:
        return False
    while at < len(data) and data[at] in _SPACES:
        at += 1
    return not data[at : at + 1].isalpha()


def _broken_four_byte(data: bytes, start: int) -> bool:
    """True when the four bytes at ``start`` are a GB18030 four-byte
    character (lead, digit, lead, digit) with one byte broken: every byte
    fits its place but one non-ASCII byte (a broken byte is never ASCII, and
    a two-byte character never has a digit for its trail)."""
    quad = data[start : start + 4]
    if len(quad) < 4:
        return False
    misfits = 0
    for place, byte in enumerate(quad):
        fits = 0x30 <= byte <= 0x39 if place % 2 else 0x81 <= byte <= 0xFE
        if not fits:
            if byte < 0x80:
                return False
            misfits += 1
    return misfits == 1


for (_letters, _deep), _name_of_handler in _RESYNC.items():
    codecs.register_error(_name_of_handler, functools.partial(_resync, letters=_letters, deep=_deep))
del _letters, _deep, _name_of_handler


#: Trail-byte symbols that real text does not put between two Chinese
#: characters (``|`` and ``_`` separate a title's parts, so they are not here).
_ODD_BETWEEN_HANZI = frozenset("[]{}^~`\\")


_OPENERS = {"]": "[", "}": "{"}


def _closes(char: str, before: str, raw_before: bytes) -> bool:
    """True when ``char`` closes a bracket opened just before it, in the
    text read so far or the bytes before the broken one (``[\ufffd\u5275]\u670b``)."""
    opener = _OPENERS.get(char)
    return opener is not None and (opener in before or opener.encode() in raw_before)


def _lookahead(data: bytes, start: int, stop: int, codec: str, letters: bool = False, deep: bool = False) -> float:
    """How well ``data[start:stop]`` reads: the plausibility weights of its
    characters, an ASCII character counting 0.2 (below a less common Chinese
    character, above a rare one); a letter (or ``@``) alone between two
    Chinese characters, or a run of bytes that read as nothing, -1 (bytes
    read out of step: ``\u5e7b\u6795\ufffd`` for ``\u63cf\u8ff0``). With ``letters``
    (Big5, whose trail bytes are ASCII four times in ten), so is a letter
    next to a Chinese character with no letter or digit beside it
    (``\u90e8I </P>``), and a bracket or ``^~`` between two
    (``\u773e]\u4e8c``; not one that closes a bracket opened just
    before). ``deep``: read resynchronised (a broken byte further on costs
    its character in both readings, not all that follows)."""
    decoder = codecs.getincrementaldecoder(codec)(_RESYNC[letters, False] if deep else "replace")
    text = decoder.decode(data[start:stop], final=False)
    weights = _tables().weights
    total = 0.0
    last = len(text) - 1
    for index, char in enumerate(text):
        if " " <= char <= "~":
            before = text[index - 1] if index else " "
            after = text[index + 1] if index < last else " "
            if letters:
                lone = index > 0 and (
                    (char.isalpha() or char == "@")
                    and (before > "~" or after > "~")
                    and not (before.isascii() and before.isalnum() or after.isascii() and after.isalnum())
                    or char in _ODD_BETWEEN_HANZI and before > "~" and after > "~" and not _closes(char, text[:index], data[max(0, start - 16) : start])
                )
            else:
                lone = (char.isalpha() or char == "@") and before > "~" and after > "~"
            total += -1.0 if lone else 0.2
        elif char == "\ufffd":
            # A run is one broken character: a lead byte and its broken
            # trail read as two U+FFFD here, as one in the reading itself.
            total -= 1.0 if index == 0 or text[index - 1] != "\ufffd" else 0.0
        else:
            total += weights.get(char, 0.0)
    return total


# ---------------------------------------------------------------- plausibility

#: Punctuation and symbols common in Chinese text of both scripts.
COMMON_SYMBOLS = (
    "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·・～　％＋－＝×÷°℃№※→←↑↓★☆●○■□▲△◆◇"
    "＂＇＃＆＊／＼＠￥＄［］｛｝｜＿＜＞\u00a0\u2013\u2015\u2022\u2027①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽"
    + "".join(chr(c) for c in range(0xFF10, 0xFF1A))
    + "".join(chr(c) for c in range(0xFF21, 0xFF3B))
    + "".join(chr(c) for c in range(0xFF41, 0xFF5B))
)
#: Weights of the most frequent characters of each script by rank: a right
#: reading is mostly made of the first few hundred, a wrong one of
#: characters drawn at random from the whole repertoire.
RANK_WEIGHTS = ((300, 1.0), (1000, 0.8), (3500, 0.3))
#: Characters scored at most (a sample is enough to tell readings apart).
SCORED_CHARS = 20_000
_CLASSES = {"a": 1.0, "b": 0.8, "c": 0.3, "x": -1.0}


@dataclass(frozen=True)
class _Tables:
    #: ``str.translate`` table: character -> its weight class (``_CLASSES``).
    classes: dict
    weights: dict
    #: Characters of the 3,500 most frequent of either script, and symbols.
    common: re.Pattern


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    text = resources.files("boilerstrip").joinpath("data/common_hanzi.txt").read_text(encoding="utf-8")
    tables: dict[str, str] = {}
    section = None
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("["):
            section = line.strip("[]")
            tables[section] = ""
        elif section:
            tables[section] += line.strip()
    weights: dict[str, float] = {}
    for ranked in tables.values():
        for rank, char in enumerate(ranked):
            weight = next((w for limit, w in RANK_WEIGHTS if rank < limit), 0.0)
            weights[char] = max(weights.get(char, 0.0), weight)
    weights.update(dict.fromkeys(COMMON_SYMBOLS, 1.0))
    bad = [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0), *range(0xE000, 0xF900), 0xFFFD]
    weights.update(dict.fromkeys(map(chr, bad), -1.0))
    by_weight = {weight: name for name, weight in _CLASSES.items()}
    classes = {ord(char): by_weight[weight] for char, weight in weights.items() if weight in by_weight}
    common = "".join(re.escape(char) for char in sorted(weights) if weights[char] > 0)
    return _Tables(classes, weights, re.compile(f"[{common}]+"))


_NEUTRAL = re.compile(r"[\t\n\r\x0c\x20-\x7e]+")
#: U+FFFD between ASCII characters: a broken byte in markup, as broken in
#: every reading, so it weighs less.
_LONE_FFFD = re.compile("(?<![^\x00-\x7f])\ufffd(?![^\x00-\x7f])")


def _counted(text: str, chunk: int = 100_000) -> str:
    """The characters of ``text`` that count (not :data:`_NEUTRAL`), at least
    the first :data:`SCORED_CHARS` of them: read a chunk at a time, so a
    50 MB page is not copied whole (a neutral character is neutral wherever
    a chunk ends)."""
    pieces, got = [], 0
    for start in range(0, len(text), chunk):
        piece = _NEUTRAL.sub("", text[start:start + chunk])
        pieces.append(piece)
        got += len(piece)
        if got >= SCORED_CHARS:
            break
    return "".join(pieces)


def plausibility(text: str) -> tuple[float, int]:
    """How much ``text`` reads like Chinese text, and on how many characters.

    ASCII letters, digits, spaces and punctuation are neutral; every other
    character counts: 1 for the 300 most frequent simplified and traditional
    characters and common punctuation, 0.8 for the next 700, 0.3 for the
    next 2,500, 0 for other characters, and -1 for U+FFFD (-0.25 between
    ASCII characters), control and private-use characters. The score is the
    mean over the first :data:`SCORED_CHARS` (1.0 when nothing counts).
    """
    rest = _counted(text)
    if not rest:
        return 1.0, 0
    lone = len(_LONE_FFFD.findall(text)) if "\ufffd" in text else 0
    rest = rest[:SCORED_CHARS]
    size = len(rest)
    classes = rest.translate(_tables().classes)
    total = sum(weight * classes.count(name) for name, weight in _CLASSES.items())
    total += 0.75 * min(lone, classes.count("x"))
    return total / size, size
