"""WARC input: ``python -m boilerstrip crawl.warc.gz -o OUT`` on WARCs built
from the fixture pages (tests/warc_data.py)."""
import gzip
import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from boilerstrip.cli import main
from boilerstrip.integrations.core import article_fields, clean_page
from boilerstrip.warc import STATE_NAME, iter_records, pages, record_line

from .conftest import SEEDS
from .warc_data import HTML_PAGES, SLOW_PAGE, Warc, crawl_warc, gbk_page

#: The GBK record is seed 001 (an e-paper page of three articles) as HTML.
GBK_TITLES = ["重庆市代表团赴西藏昌都市考察对口支援工作", "渝北区:打造高质量发展、高效能治理、高品质生活新范例", "163天"]


def cli(*args) -> int:
    return main([str(arg) for arg in args])


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Path:
    return crawl_warc(tmp_path_factory.mktemp("warc") / "crawl.warc.gz")


def test_records_are_classified_pages_skips_and_errors(crawl):
    with open(crawl, "rb") as stream:
        records = list(iter_records(stream))
    kinds = [(r.kind, r.reason) for r in records]
    assert kinds.count(("page", None)) == len(HTML_PAGES) + 1
    assert kinds.count(("skip", "request")) == kinds.count(("skip", "metadata")) == len(HTML_PAGES)
    assert ("skip", "HTTP status 3xx") in kinds
    assert ("skip", "not a page (image/png)") in kinds
    bad = [r for r in records if r.kind == "error"]
    assert [r.url for r in bad] == ["http://bad.example.com/"]
    assert bad[0].reason.startswith("unparsable HTTP response head: ")
    gbk = next(r for r in records if r.url == "http://gbk.example.com/a.html")
    assert gbk.charset == "GBK" and gbk.payload == gbk_page().encode("gbk")
    assert gbk.record_id.startswith("<urn:uuid:") and gbk.date == "2024-07-11T02:03:04Z"
    offsets = [r.offset for r in records]
    assert offsets == sorted(offsets) and offsets[0] == 0


def test_offsets_point_at_the_records(crawl):
    with open(crawl, "rb") as stream:
        records = [r for r in iter_records(stream) if r.kind == "page"]
    data = crawl.read_bytes()
    for record in records[:3]:
        # each record of a .warc.gz is its own gzip member
        head = gzip.GzipFile(fileobj=io.BytesIO(data[record.offset:])).read(400)
        assert head.startswith(b"WARC/1.0") and record.record_id.encode() in head


def test_record_line_passes_the_http_charset_as_the_declared_one(crawl, monkeypatch):
    seen = {}

    def spy(page, *, url=None, options=None, charset=None):
        seen.update(url=url, charset=charset)
        return clean_page(page, url=url, options=options, charset=charset)

    monkeypatch.setattr("boilerstrip.warc.clean_page", spy)
    with open(crawl, "rb") as stream:
        gbk = next(r for r in iter_records(stream) if r.url == "http://gbk.example.com/a.html")
    line, articles = record_line(gbk)
    assert seen == {"url": "http://gbk.example.com/a.html", "charset": "GBK"}
    record = json.loads(line)
    assert [a["title"] for a in record["articles"]] == GBK_TITLES and articles == 3
    # decoded right: the same articles as the page given as text
    assert record["articles"] == [article_fields(a) for a in clean_page(gbk_page())[0]]


def test_the_run_writes_one_line_per_page_record_and_errors_apart(crawl, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli(crawl, "-o", out, "--workers", 2) == 1  # the bad record
    records = lines(out / "crawl.warc.gz.jsonl")
    with open(crawl, "rb") as stream:
        page_records = [r for r in iter_records(stream) if r.kind == "page"]
    assert [r["url"] for r in records] == [r.url for r in page_records]
    for line, record in zip(records, page_records):
        articles, warnings = clean_page(record.payload, url=record.url, charset=record.charset)
        assert line == {
            "url": record.url, "record_id": record.record_id, "warc_date": "2024-07-11T02:03:04Z",
            "offset": record.offset, "articles": [article_fields(a) for a in articles], "warnings": warnings,
        }
    by_url = {r["url"]: r for r in records}
    assert [a["title"] for a in by_url["http://gbk.example.com/a.html"]["articles"]] == GBK_TITLES
    hexun = by_url["http://hexun_1.example.com/article.html"]["articles"][0]
    assert hexun["title"] == "交通运输部：着力打造京津冀区域综合立体交通网络"
    assert all("confidence" in a for r in records for a in r["articles"])
    [error] = lines(out / "errors.jsonl")
    assert error["file"] == "crawl.warc.gz" and error["url"] == "http://bad.example.com/"
    assert error["error"].startswith("unparsable HTTP response head: ")
    report = capsys.readouterr().err
    assert f"{len(page_records)} pages cleaned" in report
    assert "22 request, 22 metadata, 1 HTTP status 3xx, 1 not a page (image/png)" in report


def test_a_finished_warc_is_up_to_date_and_keeps_its_errors(crawl, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli(crawl, "-o", out, "--workers", 1) == 1
    first = (out / "crawl.warc.gz.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()
    capsys.readouterr()
    assert cli(crawl, "-o", out, "--workers", 1) == 1  # nothing was cleaned; errors.jsonl still lists the bad record
    assert "1 up to date" in capsys.readouterr().err
    assert ((out / "crawl.warc.gz.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()) == first
    assert cli(crawl, "-o", out, "--workers", 1, "--force") == 1
    assert ((out / "crawl.warc.gz.jsonl").read_bytes(), (out / "errors.jsonl").read_bytes()) == first


def test_a_record_that_times_out_is_an_error_and_the_next_is_cleaned(tmp_path):
    warc = tmp_path / "slow.warc"  # uncompressed, too
    quick = [p for p in HTML_PAGES if p.parent.name in ("baijiahao_1", "people_1", "xinhuanet_1")]
    with Warc(warc) as writer:
        for page in quick:
            writer.response(f"http://{page.parent.name}.example.com/", page.read_bytes(), "text/html; charset=utf-8")
        writer.response("http://slow.example.com/table.html", SLOW_PAGE.encode("utf-8"), "text/html; charset=utf-8")
        writer.response("http://after-slow.example.com/", quick[-1].read_bytes(), "text/html; charset=utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    # 5 s: these pages take a tenth of that on a loaded machine, the slow one 15 s or more
    assert cli(warc, "-o", out, "--workers", 1, "--timeout", 5) == 1
    assert time.monotonic() - started < 60
    [error] = lines(out / "errors.jsonl")
    assert error["url"] == "http://slow.example.com/table.html"
    assert error["error"] == "cleaning took longer than 5 s (--timeout)"
    records = lines(out / "slow.warc.jsonl")
    assert [r["url"] for r in records] == [f"http://{p.parent.name}.example.com/" for p in quick] + ["http://after-slow.example.com/"]
    assert records[-1]["articles"][0]["title"] == "法国全国大罢工再次严重影响交通"


def test_a_broken_archive_keeps_what_was_read_and_says_where_it_broke(crawl, tmp_path):
    data = crawl.read_bytes()
    with open(crawl, "rb") as stream:
        records = list(iter_records(stream))
    cut = records[10].offset + 50  # inside the gzip member of record 10
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[:cut] + b"\x00junk" + data[cut + 5:])
    out = tmp_path / "out"
    assert cli(broken, "-o", out) == 1
    errors = lines(out / "errors.jsonl")
    assert errors[-1]["error"].startswith("the archive cannot be read from here on")
    written = lines(out / "broken.warc.gz.jsonl")
    assert [r["offset"] for r in written] == [r.offset for r in records[:10] if r.kind == "page"]


COPIES = 4


def test_resume_after_kill_gives_the_uninterrupted_output(tmp_path):
    warc = tmp_path / "big.warc.gz"
    with Warc(warc) as writer:
        for copy in range(COPIES):  # about 2 s of cleaning: the first checkpoint comes after 1 s
            for page in HTML_PAGES[4:]:  # not the 163 pages, the slowest
                writer.request(f"http://{copy}.{page.parent.name}.example.com/")
                writer.response(f"http://{copy}.{page.parent.name}.example.com/", page.read_bytes(), "text/html")
        writer.raw_response("http://bad.example.com/", b"garbage\r\n\r\n")
        for seed in sorted(SEEDS.glob("*.txt")):
            writer.response(f"http://seed.example.com/{seed.stem}", seed.read_bytes(), "text/plain; charset=utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "boilerstrip", str(warc), "-o", str(out), "--workers", "1"]
    killed = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    checkpoint = out / STATE_NAME / "big.warc.gz.checkpoint.json"
    deadline = time.monotonic() + 60
    while not checkpoint.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert checkpoint.exists() and not (out / "big.warc.gz.jsonl").exists(), "killed mid-run"
    done = json.loads(checkpoint.read_text())["records"]
    assert 0 < done < COPIES * 2 * len(HTML_PAGES[4:])

    resumed = subprocess.run(command, stderr=subprocess.PIPE, text=True)
    assert resumed.returncode == 1, resumed.stderr
    assert f"{done} records done by an earlier run" in resumed.stderr
    assert cli(warc, "-o", tmp_path / "whole", "--workers", 2) == 1
    for name in ("big.warc.gz.jsonl", "errors.jsonl"):
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert not checkpoint.exists()


def test_pages_gives_rows_for_dataframe_engines(crawl):
    rows = list(pages(crawl))
    assert len(rows) == len(HTML_PAGES) + 1
    assert set(rows[0]) == {"url", "record_id", "warc_date", "offset", "html", "charset"}
    assert rows[-1]["charset"] == "GBK" and isinstance(rows[-1]["html"], bytes)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "txt"], "do not apply to WARC input"),
        (["--jsonl", "x.jsonl"], "do not apply to WARC input"),
        (["FOLDER"], "WARC files and other inputs cannot be mixed"),
    ],
)
def test_usage_errors(crawl, tmp_path, capsys, args, message):
    args = [str(tmp_path) if arg == "FOLDER" else arg for arg in args]
    with pytest.raises(SystemExit) as exit_:
        cli(crawl, *args, "-o", tmp_path / "out")
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err
