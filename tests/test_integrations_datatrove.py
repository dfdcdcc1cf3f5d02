"""``BoilerstripStep`` in datatrove: fields, splitting, stats, timeouts, and
the example pipeline (WarcReader -> BoilerstripStep -> JsonlWriter +
ParquetWriter) on the LocalPipelineExecutor."""
import gc
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from datatrove.data import Document

from boilerstrip import Options
from boilerstrip.integrations.core import article_fields, clean_page
from boilerstrip.integrations.datatrove import BoilerstripStep

from .conftest import SEEDS
from .warc_data import HTML_PAGES, SLOW_PAGE, crawl_warc

ROOT = Path(__file__).resolve().parent.parent
EPAPER = SEEDS / "001_7d4affe2e832ce19.txt"  # three articles
HEXUN = next(p for p in HTML_PAGES if p.parent.name == "hexun_1")  # GBK bytes, declares GB2312


@pytest.fixture(autouse=True, scope="module")
def collect_garbage_at_the_end():
    """Leave no cyclic garbage (pyarrow, pandas, datatrove) for a later
    test to collect inside its own timing."""
    yield
    gc.collect()


def run(step, docs):
    return list(step.run(iter(docs)))


def stats(step) -> dict:
    return {name: stat.total for name, stat in step.stats.stats.items() if name != "doc_len"}


def expected_metadata(fields: dict, index: int, count: int, removals=False) -> dict:
    names = ["title", "subtitles", "date", "source", "editor", "authors", "captions", "confidence", "warnings"]
    values = {f"article_{name}": fields[name] for name in names}
    values.update(article_index=index, article_count=count)
    if removals:
        values["article_removed"] = fields["removed"]
    return values


def test_body_in_text_and_fields_in_metadata():
    html = HTML_PAGES[5].read_text(encoding="utf-8")
    [doc] = run(BoilerstripStep(), [Document(text=html, id="p", metadata={"url": "http://a/", "date": "crawl"})])
    [article], _ = clean_page(html, options=Options(keep_removed=False))
    fields = article_fields(article)
    assert doc.id == "p" and doc.text == article.body
    assert doc.metadata == {"url": "http://a/", "date": "crawl", **expected_metadata(fields, 0, 1)}
    assert doc.metadata["article_title"] == "日本最后一家传呼机公司停止服务，殡仪馆为BB机送终"


def test_bytes_with_a_declared_charset_and_removals():
    step = BoilerstripStep(removals=True)
    [doc] = run(step, [Document(text=HEXUN.read_bytes(), id="h", metadata={"charset": "gb2312"})])
    [article], _ = clean_page(HEXUN.read_bytes(), charset="gb2312")
    assert doc.metadata["article_title"] == "交通运输部：着力打造京津冀区域综合立体交通网络"
    assert doc.metadata["article_removed"] == [r.to_dict() for r in article.removed] != []
    assert doc.metadata == {"charset": "gb2312", **expected_metadata(article_fields(article), 0, 1, removals=True)}


def test_an_epaper_page_gives_one_document_per_article():
    text = EPAPER.read_text(encoding="utf-8")
    articles, _ = clean_page(text, options=Options(keep_removed=False))
    step = BoilerstripStep()
    docs = run(step, [Document(text=text, id="e", metadata={"url": "u"})])
    assert [d.id for d in docs] == ["e", "e/1", "e/2"]
    assert [d.text for d in docs] == [a.body for a in articles]
    assert [d.metadata["article_index"] for d in docs] == [0, 1, 2]
    assert all(d.metadata["article_count"] == 3 and d.metadata["url"] == "u" for d in docs)
    assert stats(step) == {"total": 1, "extracted": 1, "forwarded": 3}

    [lead] = run(BoilerstripStep(all_articles=False), [Document(text=text, id="e")])
    assert lead.text == articles[0].body and lead.metadata["article_count"] == 3


def test_empty_pages_are_dropped_or_kept_with_their_warnings():
    docs = [Document(text="   \n", id="blank"), Document(text=EPAPER.read_text(encoding="utf-8"), id="e")]
    step = BoilerstripStep(all_articles=False)
    assert [d.id for d in run(step, [Document(t.text, t.id) for t in docs])] == ["e"]
    assert stats(step) == {"total": 2, "extracted": 2, "dropped": 1, "forwarded": 1}
    step = BoilerstripStep(all_articles=False, keep_empty=True)
    kept = run(step, [Document(t.text, t.id) for t in docs])
    assert [d.id for d in kept] == ["blank", "e"]
    assert kept[0].text == "" and kept[0].metadata["article_warnings"] == ["empty input: no text to clean"]
    assert kept[0].metadata["article_count"] == 0
    assert stats(step) == {"total": 2, "extracted": 2, "forwarded": 2}


def test_timeouts_errors_and_dead_children_are_counted_as_datatrove_counts_them(monkeypatch):
    import boilerstrip.integrations.datatrove as module

    def clean_or_die(page, **keywords):
        if page == "die":  # the child is forked: this runs there, as an OOM kill would
            os._exit(9)
        return clean_page(page, **keywords)

    monkeypatch.setattr(module, "clean_page", clean_or_die)
    seed = EPAPER.read_text(encoding="utf-8")
    docs = [
        Document(text=SLOW_PAGE, id="slow"),  # seconds to clean
        Document(text=seed, id="after-timeout"),
        Document(text=42, id="not-a-page"),  # TypeError: clean_error, the child lives on
        Document(text="die", id="dies"),
        Document(text=seed, id="after-death"),
    ]
    step = BoilerstripStep(timeout=1, all_articles=False)
    out = run(step, docs)
    assert [d.id for d in out] == ["after-timeout", "after-death"]
    assert stats(step) == {
        "total": 5, "timeout": 1, "clean_error": 1, "broken_process": 1, "extracted": 2, "forwarded": 2,
    }


def test_the_example_pipeline_writes_jsonl_and_parquet(tmp_path):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    crawl_warc(crawl / "a.warc.gz", bad=True)
    crawl_warc(crawl / "b.warc", slow=True, bad=False)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, ROOT / "examples" / "datatrove_pipeline.py", crawl, out, "--tasks", "2", "--workers", "2", "--timeout", "5"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    docs = [json.loads(line) for path in sorted((out / "jsonl").glob("*.jsonl.gz")) for line in gzip.open(path, "rt")]
    table = pq.read_table(out / "parquet").to_pylist()
    assert sorted(d["id"] for d in docs) == sorted(row["id"] for row in table)
    # per WARC: the HTML fixture pages and the GBK page (3 articles); in b the
    # slow page timed out and the page after it is cleaned; datatrove's reader
    # skips the redirect, the image and the bad record
    assert len(docs) == 2 * (len(HTML_PAGES) + 3) + 1
    by_url = {}
    for doc in docs:
        by_url.setdefault((doc["metadata"]["file_path"], doc["metadata"]["url"]), []).append(doc)
    hexun = by_url[(str(crawl / "a.warc.gz"), "http://hexun_1.example.com/article.html")][0]
    assert hexun["metadata"]["article_title"] == "交通运输部：着力打造京津冀区域综合立体交通网络"
    assert hexun["metadata"]["date"] == "2024-07-11T02:03:04Z"  # the reader's crawl date, kept
    assert hexun["metadata"]["article_date"] == "2019-09-26T10:56:28"  # the gold date
    row = next(r for r in table if r["id"] == hexun["id"])
    assert row["text"] == hexun["text"] and row["metadata"]["article_title"] == hexun["metadata"]["article_title"]
    stats = json.loads((out / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "boilerstrip" in s["name"])["stats"]
    assert (step["timeout"], step["extracted"]) == (1, 2 * (len(HTML_PAGES) + 1) + 1)


@pytest.mark.parametrize("page", [HTML_PAGES[0], EPAPER])
def test_extract_is_the_lead_body(page):
    text = page.read_text(encoding="utf-8")
    assert BoilerstripStep().extract(text) == clean_page(text)[0][0].body


def test_warc_page_reader_gives_every_page_record_with_its_http_charset(tmp_path):
    from boilerstrip.integrations.datatrove import WarcPageReader
    from boilerstrip.warc import iter_records

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    warc = crawl_warc(crawl / "a.warc.gz")
    with open(warc, "rb") as stream:
        page_records = [r for r in iter_records(stream) if r.kind == "page"]
    reader, step = WarcPageReader(str(crawl), glob_pattern="*.warc.gz"), BoilerstripStep(all_articles=False)
    docs = list(step.run(reader.run()))
    assert [d.id for d in docs] == [r.record_id for r in page_records]  # the pages libmagic takes for JS too
    assert {k: v for k, v in stats(reader).items() if k in ("skipped", "bad_record")} == {"skipped": 2 * len(HTML_PAGES) + 2, "bad_record": 1}
    gbk = next(d for d in docs if d.metadata["url"] == "http://gbk.example.com/a.html")
    assert gbk.metadata["charset"] == "GBK" and gbk.metadata["date"] == "2024-07-11T02:03:04Z"
    assert gbk.metadata["article_title"] == "重庆市代表团赴西藏昌都市考察对口支援工作"
    for doc, record in zip(docs, page_records):
        articles, _ = clean_page(record.payload, url=record.url, charset=record.charset)
        assert doc.text == articles[0].body and doc.metadata["offset"] == record.offset
