"""The decode matrix: every page, re-encoded every way, must clean the same.

    python benchmarks/bench_decode.py                  # the matrix (all pages)
    python benchmarks/bench_decode.py --limit 10       # the first 10 pages of each set
    python benchmarks/bench_decode.py --failures 5     # and up to 5 failures per cell
    python benchmarks/bench_decode.py --draw heldout1  # other broken positions than the default draw

Each page of ``fixtures/pages`` and ``fixtures/thirdparty`` (``page.html``)
and each seed (``fixtures/seeds/*.txt``), decoded right (``decode`` of its
bytes as crawled), is written:

* in UTF-8, GB2312, GBK, GB18030, UTF-16 with a BOM and UTF-16LE/BE without,
  and, converted to traditional script (OpenCC ``s2tw`` / ``s2hk``), in Big5
  and Big5-HKSCS, wherever the text is representable;
* with its declaration ``declared`` right (``<meta charset>``; for a text
  dump a BOM where the encoding has one), ``none``, ``wrong meta``
  (``<meta>`` names another encoding), ``wrong BOM`` (a byte-order mark of
  another encoding), ``wrong BOM+meta`` (both wrong, and disagreeing),
  ``transport`` (the right charset given as ``charset=``, no ``<meta>``) and
  ``wrong transport`` (a wrong ``charset=``, the right ``<meta>``);
* as it is, and with 0.1% of its bytes replaced by invalid ones (``0xFF`` or
  ``0x80``; a lone surrogate in UTF-16).

A variant passes when ``clean_article(bytes)`` gives the body
``clean_article(text)`` gives for the same text as a str (with invalid bytes:
body F1 >= 0.99 against it; and, since a broken byte deletes the character
it fell in, which alone costs a UTF-8 page about 0.01 of F1, also against the
same text with those characters lost, which isolates what decoding and
cleaning add to the loss; the last table is the ceiling, that lost text
itself against the text). When the bytes decode to exactly that text the
cleaning is not run again (the pipeline after ``decode`` is the same
function of the text). Cells show the pass rate and, in brackets, how many
variants exist (pages whose text the encoding cannot represent have none).
The traditional rows need ``pip install opencc`` (the ``bench`` extra).
"""
from __future__ import annotations

import argparse
import codecs
import hashlib
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks import score  # noqa: E402
from boilerstrip import clean_article  # noqa: E402
from boilerstrip.decode import decode  # noqa: E402

FIXTURES = ROOT / "fixtures"

#: Rows: name, Python codec, script (``s``: as crawled, ``tw``/``hk``:
#: converted to traditional), the label a right ``<meta>`` gives, the BOM a
#: right text dump carries (None: the encoding has none).
ENCODINGS = (
    ("UTF-8", "utf-8", "s", "utf-8", codecs.BOM_UTF8),
    ("GB2312", "gb2312", "s", "gb2312", None),
    ("GBK", "gbk", "s", "gbk", None),
    ("GB18030", "gb18030", "s", "gb18030", None),
    ("Big5", "big5", "tw", "big5", None),
    ("Big5-HKSCS", "big5hkscs", "hk", "big5-hkscs", None),
    ("UTF-16 BOM", "utf-16-le", "s", "utf-16", codecs.BOM_UTF16_LE),
    ("UTF-16LE", "utf-16-le", "s", "utf-16le", None),
    ("UTF-16BE", "utf-16-be", "s", "utf-16be", None),
)
DECLARATIONS = ("declared", "none", "wrong meta", "wrong BOM", "wrong BOM+meta", "transport", "wrong transport")
#: Wrong labels, taken in turn page by page.
WRONG_LABELS = {
    "gb": ("big5", "utf-8", "iso-8859-1", "shift_jis"),
    "big5": ("gbk", "utf-8", "iso-8859-1", "euc-kr"),
    "utf-8": ("gbk", "big5", "iso-8859-1"),
    "utf-16": ("gbk", "big5", "utf-8"),
}
INVALID_SHARE = 0.001
MIN_F1 = 0.99

_CHARSET_META = re.compile(r"<meta\b[^<>]{0,400}?charset\s*=[^<>]{0,400}>", re.I)
_XML_ENCODING = re.compile(r"""(<\?xml\b[^<>]{0,200}?)\s+encoding\s*=\s*["'][^"']*["']""", re.I)
_HEAD = re.compile(r"<head\b[^<>]{0,400}>", re.I)


@dataclass(frozen=True)
class Variant:
    page: str
    encoding: str
    declaration: str
    invalid: bool
    data: bytes
    #: The right text (the str the bytes spell, BOM left out).
    text: str
    #: ``charset=`` given to the API.
    transport: str | None
    #: With invalid bytes: the text as it reads with the characters the
    #: broken bytes fell in lost (each one U+FFFD), the best any decoder does.
    lost: str | None = None


def load_sources(limit: int | None = None) -> list[tuple[str, str, bool]]:
    """``(name, text, is_html)`` for every page and seed, decoded right."""
    sources = []
    for folder in ("pages", "thirdparty"):
        paths = sorted((FIXTURES / folder).glob("*/page.html"))[:limit]
        sources += [(f"{folder}/{p.parent.name}", decode(p.read_bytes())[0], True) for p in paths]
    seeds = sorted((FIXTURES / "seeds").glob("*.txt"))[:limit]
    sources += [(f"seeds/{p.stem}", p.read_text(encoding="utf-8"), False) for p in seeds]
    return sources


def converters() -> dict[str, object]:
    """OpenCC's Taiwan and Hong Kong conversions, when installed."""
    try:
        import opencc
    except ImportError:
        return {}
    return {"tw": opencc.OpenCC("s2tw"), "hk": opencc.OpenCC("s2hk")}


def with_declaration(text: str, label: str | None) -> str:
    """``text`` (HTML) with its charset declarations removed and, for a
    label, one ``<meta charset>`` naming it (after ``<head>``, else first)."""
    bare = _XML_ENCODING.sub(r"\1", _CHARSET_META.sub("", text))
    if label is None:
        return bare
    meta = f'<meta charset="{label}">'
    head = _HEAD.search(bare, 0, 8000)
    if head:
        return bare[: head.end()] + meta + bare[head.end():]
    return meta + bare


def _family(codec: str) -> str:
    if codec.startswith("utf-16"):
        return "utf-16"
    if codec.startswith("big5"):
        return "big5"
    return "utf-8" if codec == "utf-8" else "gb"


def _wrong_bom(codec: str, right_bom: bytes | None) -> bytes:
    if codec == "utf-8":
        return codecs.BOM_UTF16_LE
    if right_bom == codecs.BOM_UTF16_LE:
        return codecs.BOM_UTF16_BE
    return codecs.BOM_UTF8


def variants(name: str, text: str, is_html: bool, index: int, convert: dict, draw: str = "") -> list[Variant]:
    """Every variant of one page (clean and with invalid bytes; ``draw``
    names another draw of the broken positions)."""
    out: list[Variant] = []
    for row, codec, script, label, bom in ENCODINGS:
        source = text if script == "s" else convert[script].convert(text) if script in convert else None
        if source is None:
            continue
        wrongs = WRONG_LABELS[_family(codec)]
        wrong = wrongs[index % len(wrongs)]
        for declaration in DECLARATIONS:
            if not is_html and declaration in ("wrong meta", "wrong BOM+meta"):
                continue
            if not is_html and declaration == "declared" and bom is None:
                continue
            meta = {"declared": label, "wrong meta": wrong, "wrong BOM+meta": wrong, "wrong transport": label}.get(declaration)
            body = with_declaration(source, meta) if is_html else source
            try:
                encoded = body.encode(codec)
            except UnicodeEncodeError:
                break  # not representable: no variant of this row
            prefix = b""
            if declaration in ("wrong BOM", "wrong BOM+meta"):
                prefix = _wrong_bom(codec, bom)
            elif bom is not None and (declaration == "declared" or declaration == "wrong meta" and codec != "utf-8"):
                # The right BOM (a UTF-16 page keeps it under a wrong <meta>).
                prefix = bom
            transport = {"transport": label, "wrong transport": wrong}.get(declaration)
            data = prefix + encoded
            if codec == "gb2312":
                # The text as browsers read these bytes (the WHATWG gb2312
                # label is GBK): Python's codec alone writes U+2015 and
                # U+30FB as A1AA and A1A4, which every reader takes for
                # U+2014 and U+00B7.
                body = encoded.decode("gb18030")
            for invalid in (False, True):
                payload = corrupt(data, len(prefix), codec, f"{name}|{row}|{declaration}" + (f"|{draw}" if draw else "")) if invalid else data
                reader = "gb18030" if codec == "gb2312" else codec
                lost = with_lost_characters(body, payload[len(prefix) :], reader) if invalid else None
                out.append(Variant(name, row, declaration, invalid, payload, body, transport, lost))
    return out


def corrupt(data: bytes, start: int, codec: str, key: str) -> bytes:
    """``data`` with :data:`INVALID_SHARE` of its bytes (at least one) after
    ``start`` replaced by invalid ones, at positions drawn from ``key``."""
    rng = random.Random(hashlib.sha256(key.encode()).digest())
    out = bytearray(data)
    span = len(data) - start
    count = max(1, int(span * INVALID_SHARE))
    if codec.startswith("utf-16"):
        surrogate = b"\x00\xd8" if codec == "utf-16-le" else b"\xd8\x00"
        for _ in range(count):
            at = start + 2 * rng.randrange(max(1, span // 2))
            out[at : at + 2] = surrogate
    else:
        for _ in range(count):
            out[start + rng.randrange(max(1, span))] = 0xFF
    return bytes(out)


def with_lost_characters(text: str, data: bytes, codec: str) -> str:
    """``text`` with every character whose bytes in ``data`` (``text``
    encoded with ``codec``, some bytes broken) differ replaced by U+FFFD."""
    out, at = [], 0
    for char in text:
        written = char.encode(codec)
        out.append(char if data.startswith(written, at) else "\ufffd")
        at += len(written)
    return "".join(out)


_FFFD_RUNS = re.compile("\ufffd+")


def faithful(decoded: str, text: str) -> bool:
    """True when ``decoded`` is ``text`` except that some characters are
    U+FFFD: between two runs of U+FFFD, the text read is the text written,
    and each run stands for at least one and at most as many characters as
    it has U+FFFD (a broken byte costs the character it was in, never the
    ones after it)."""
    pieces = _FFFD_RUNS.split(decoded)
    runs = [len(run) for run in _FFFD_RUNS.findall(decoded)]
    # Where the text may stand after each piece (a short piece can match at
    # several places within a run's reach).
    ends = {len(pieces[0])} if text.startswith(pieces[0]) else set()
    for piece, run in zip(pieces[1:], runs):
        ends = {
            end + skip + len(piece)
            for end in ends
            for skip in range(1, run + 1)
            if text.startswith(piece, end + skip)
        }
        if not ends:
            return False
    return len(text) in ends


class Judge:
    """Whether a variant cleans like its text (references cleaned once)."""

    def __init__(self) -> None:
        self.bodies: dict[str, str] = {}

    def reference(self, text: str) -> str:
        key = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
        if key not in self.bodies:
            self.bodies[key] = clean_article(text).body
        return self.bodies[key]

    def __call__(self, variant: Variant) -> tuple[bool, bool, float, bool, bool]:
        """Decoded faithfully, cleaned right, body F1, and (invalid bytes)
        cleaned like the text with the broken characters lost, and whether
        that text itself cleans to F1 >= 0.99 against the text (the ceiling:
        what a perfect decoder would score in the cleaning table)."""
        decoded, _ = decode(variant.data, variant.transport)
        if decoded == variant.text:
            return True, True, 1.0, True, True
        want = self.reference(variant.text)
        got = clean_article(variant.data, charset=variant.transport).body
        f1 = score.doc_f1(want, got) if want or got else 1.0
        if not variant.invalid:
            return False, got == want, f1, got == want, True
        lost = self.reference(variant.lost)
        ceiling = (score.doc_f1(want, lost) if want or lost else 1.0) >= MIN_F1
        like_lost = f1 >= MIN_F1 or (score.doc_f1(lost, got) if lost or got else 1.0) >= MIN_F1
        return faithful(decoded, variant.text), f1 >= MIN_F1, f1, like_lost, ceiling


def run(limit: int | None = None, failures: int = 0, draw: str = "") -> dict:
    convert = converters()
    judge = Judge()
    #: (encoding, declaration, invalid) -> [(faithful, passed, f1, passed against the lost text, ceiling)]
    cells: dict[tuple[str, str, bool], list[tuple[bool, bool, float, bool, bool]]] = {}
    failed: dict[tuple[str, str, bool], list[tuple[str, bool, float]]] = {}
    started = time.perf_counter()
    for index, (name, text, is_html) in enumerate(load_sources(limit)):
        for variant in variants(name, text, is_html, index, convert, draw):
            result = judge(variant)
            key = (variant.encoding, variant.declaration, variant.invalid)
            cells.setdefault(key, []).append(result)
            if not result[1]:
                failed.setdefault(key, []).append((variant.page, result[0], result[2]))
    elapsed = time.perf_counter() - started
    print_matrix(cells, converted=bool(convert))
    total = sum(len(v) for v in cells.values())
    print(f"\n{total:,} variants in {elapsed:.0f} s")
    below = [(ok, f1) for (_, _, invalid), pages in failed.items() if invalid for _, ok, f1 in pages]
    if below:
        faithful_share = sum(ok for ok, _ in below) / len(below)
        broken = sum(f1 < 0.95 for _, f1 in below)
        print(
            f"Invalid-byte variants below F1 {MIN_F1}: {len(below):,}; decoded faithfully: {faithful_share:.1%} "
            f"(their loss is the broken characters themselves, or markup the broken bytes broke); "
            f"below 0.95: {broken:,}"
        )
    if failures:
        print("\nFailures (page, decoded faithfully, body F1):")
        for key, pages in sorted(failed.items()):
            listed = ", ".join(f"{p} ({'faithful' if ok else 'NOT faithful'}, {f:.3f})" for p, ok, f in pages[:failures])
            print(f"- {key[0]} / {key[1]}{' / invalid bytes' if key[2] else ''}: {listed}")
    return {"cells": cells, "failed": failed}


TABLES = (
    (False, 1, "clean bytes: same body as the text cleaned as a str"),
    (True, 0, "0.1% invalid bytes, decoding: each invalid byte costs only the character it was in"),
    (True, 1, f"0.1% invalid bytes, cleaning: body F1 >= {MIN_F1} against the text cleaned as a str"),
    (True, 2, "0.1% invalid bytes, cleaning: mean body F1"),
    (True, 3, f"0.1% invalid bytes, cleaning: body F1 >= {MIN_F1} against the text with its broken characters lost, cleaned as a str"),
    (True, 4, f"0.1% invalid bytes, the ceiling: the text with its broken characters lost, cleaned as a str, body F1 >= {MIN_F1} against the text cleaned as a str (the share a perfect decoder would reach in the cleaning table)"),
)


def print_matrix(cells: dict, *, converted: bool) -> None:
    for invalid, field, title in TABLES:
        print(f"\n### {title}\n")
        print("| encoding | " + " | ".join(DECLARATIONS) + " | all |")
        print("|---|" + "---|" * (len(DECLARATIONS) + 1))

        def cell(results: list) -> str:
            if not results:
                return "–"
            values = [r[field] for r in results]
            mean = sum(values) / len(values)
            return f"{mean:.3f}" if field == 2 else f"{mean:.1%}"

        for row, *_ in ENCODINGS:
            line = [cell(cells.get((row, d, invalid), [])) for d in DECLARATIONS]
            everything = [r for d in DECLARATIONS for r in cells.get((row, d, invalid), [])]
            counts = "/".join(str(len(cells.get((row, d, invalid), []))) for d in DECLARATIONS)
            print(f"| {row} | " + " | ".join(line) + f" | {cell(everything)} |" + ("" if field else f" {counts}"))
        columns = [cell([r for (_, d, i), rs in cells.items() if d == declaration and i == invalid for r in rs]) for declaration in DECLARATIONS]
        everything = [r for (_, _, i), rs in cells.items() if i == invalid for r in rs]
        print("| all | " + " | ".join(columns) + f" | {cell(everything)} |")
    if not converted:
        print("\n(Big5 rows empty: pip install opencc to convert the pages to traditional script.)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="pages of each set (default: all)")
    parser.add_argument("--failures", type=int, default=0, help="failing pages to list per cell")
    parser.add_argument("--draw", default="", help="another draw of the broken byte positions (any word): the rules were written looking at the default one")
    args = parser.parse_args()
    run(args.limit, args.failures, args.draw)


if __name__ == "__main__":
    main()
