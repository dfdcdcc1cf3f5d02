"""WARC files built from the fixture pages, for the WARC and engine tests.

Every record is made here with warcio's writer (or by hand, for the records
warcio refuses to write): real pages as UTF-8 and GBK responses, the records
a crawler writes around them, and the bad and slow records a real crawl has.
"""
from __future__ import annotations

import gzip
import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .conftest import FIXTURES, SEEDS

#: HTML pages of fixtures/pages, as the sites served them (hexun_1 is GBK).
HTML_PAGES = sorted((FIXTURES / "pages").glob("*/page.html"))
#: A page HTML extraction takes long on (140,000 ``<div><p>`` blocks,
#: 2.94 million characters, just under ``Options.max_extractor_chars``:
#: about 20 s, 0.14 ms a block; the slowest fixture page takes 0.3 s, 1 s
#: under load): the record that times out. (A table of 120,000 rows took
#: 15-19 s until readability's costliest steps were adapted, then 6 s,
#: too near the tests' 5 s timeout.)
SLOW_PAGE = "<html><head><title>表格</title></head><body>" + "<div><p>单元。</p></div>" * 140_000 + "</body></html>"
#: The seed page that becomes the GBK record.
GBK_SEED = SEEDS / "001_7d4affe2e832ce19.txt"


def gbk_page() -> str:
    """Simplified-Chinese HTML without a <meta charset>: the HTTP header is
    the only declaration."""
    text = GBK_SEED.read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>{paragraphs}</body></html>"


class Warc:
    """A WARC being written, record by record, into ``path`` (gzipped per
    record when the name ends in ``.gz``)."""

    def __init__(self, path: Path):
        self.path = path
        self._file = open(path, "wb")
        self._writer = WARCWriter(self._file, gzip=path.name.endswith(".gz"))
        self._gzip = path.name.endswith(".gz")
        self._count = 0

    def __enter__(self) -> Warc:
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()

    def _id(self) -> str:
        self._count += 1
        return f"<urn:uuid:{uuid.UUID(int=self._count)}>"

    def response(self, url: str, body: bytes, content_type: str | None = "text/html", status: str = "200 OK", headers=()) -> str:
        """A response record; returns its WARC-Record-ID."""
        http = ([("Content-Type", content_type)] if content_type else []) + list(headers)
        # As Common Crawl does (datatrove's WarcReader sniffs with libmagic
        # without it, and takes pages that open with a <script> for JavaScript).
        identified = {"WARC-Identified-Payload-Type": content_type.split(";")[0]} if content_type else {}
        record_id = self._id()
        record = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body),
            http_headers=StatusAndHeaders(status, http, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Record-ID": record_id, "WARC-Date": "2024-07-11T02:03:04Z", **identified},
        )
        self._writer.write_record(record)
        return record_id

    def request(self, url: str) -> None:
        record = self._writer.create_warc_record(
            url, "request", payload=io.BytesIO(f"GET {url} HTTP/1.1\r\nHost: example\r\n\r\n".encode()),
            warc_content_type="application/http; msgtype=request",
            warc_headers_dict={"WARC-Record-ID": self._id(), "WARC-Date": "2024-07-11T02:03:04Z"},
        )
        self._writer.write_record(record)

    def metadata(self, url: str) -> None:
        record = self._writer.create_warc_record(
            url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"), warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": self._id(), "WARC-Date": "2024-07-11T02:03:04Z"},
        )
        self._writer.write_record(record)

    def raw_response(self, url: str, block: bytes) -> str:
        """A response record whose block is written as given (warcio will not
        write a response that is not HTTP)."""
        record_id = self._id()
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: {record_id}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2024-07-11T02:03:04Z\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
        ).encode()
        data = head + block + b"\r\n\r\n"
        self._file.write(gzip.compress(data) if self._gzip else data)
        return record_id


def crawl_warc(path: Path, *, slow: bool = False, bad: bool = True) -> Path:
    """A small crawl: every HTML fixture page (with its request and metadata
    records), a GBK page declared only by its HTTP header, a redirect, an
    image, and (``bad``) a response that is not HTTP; (``slow``) a page that
    takes seconds to clean."""
    with Warc(path) as warc:
        for page in HTML_PAGES:
            url = f"http://{page.parent.name}.example.com/article.html"
            warc.request(url)
            # hexun_1's bytes are GBK and its <meta> says GB2312: the header says so too.
            charset = "; charset=gb2312" if page.parent.name == "hexun_1" else "; charset=utf-8"
            warc.response(url, page.read_bytes(), "text/html" + charset)
            warc.metadata(url)
        warc.response("http://gbk.example.com/a.html", gbk_page().encode("gbk"), "text/html; charset=GBK")
        warc.response("http://example.com/moved", b"", "text/html", status="301 Moved Permanently", headers=[("Location", "/new")])
        warc.response("http://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        if bad:
            warc.raw_response("http://bad.example.com/", b"this is not an HTTP response\r\n\r\n<p>x</p>")
        if slow:
            warc.response("http://slow.example.com/table.html", SLOW_PAGE.encode("utf-8"), "text/html; charset=utf-8")
            warc.response("http://after-slow.example.com/", HTML_PAGES[-1].read_bytes(), "text/html; charset=utf-8")
    return path
