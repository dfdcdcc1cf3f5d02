"""``python -m boilerstrip``: the batch tool and ``--explain`` on real fixtures."""
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from boilerstrip import clean_articles
from boilerstrip.batch import RUN_NAME, STAGING_NAME
from boilerstrip.cli import explain, main

from .conftest import FIXTURES, SEEDS, seed_text

SEED_004 = SEEDS / "004_fc4762bbda85c93c.txt"  # traditional Chinese, Big5-encodable
EPAPER = SEEDS / "000_6ceb450048dfa4e8.txt"  # several articles
GBK_PAGE = FIXTURES / "pages" / "hexun_1" / "page.html"  # declares GB2312, bytes are GBK


def cli(*args) -> int:
    return main([str(arg) for arg in args])


def expected(page: bytes | str) -> list[dict]:
    return [article.to_dict() for article in clean_articles(page)]


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def tree(folder: Path, run_file: bool = False) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes (the
    run's settings file only when ``run_file``)."""
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    if not run_file:
        files.pop(RUN_NAME, None)
    return files


def corpus(folder: Path, copies: int = 1) -> Path:
    """A tree of real pages: the seeds and the text dumps of fixtures/pages,
    ``copies`` times over."""
    for copy in range(copies):
        for page in sorted(SEEDS.glob("*.txt")):
            target = folder / f"copy{copy}" / "seeds" / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
        for page in sorted((FIXTURES / "pages").glob("*/*.txt")):
            target = folder / f"copy{copy}" / page.parent.name / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
    return folder


def test_one_folder_input_is_mirrored_relative_to_it(tmp_path):
    crawl = tmp_path / "crawl"
    (crawl / "a").mkdir(parents=True)
    shutil.copyfile(EPAPER, crawl / "a" / "b.txt")
    assert cli(crawl, "-o", tmp_path / "out") == 0
    assert sorted(tree(tmp_path / "out")) == ["a/b.txt.json"]
    assert read_json(tmp_path / "out" / "a" / "b.txt.json")["file"] == "a/b.txt"


def test_output_mirrors_the_input_tree(tmp_path):
    crawl = tmp_path / "crawl"
    (crawl / "a" / "b").mkdir(parents=True)
    shutil.copyfile(EPAPER, crawl / "a" / "page.txt")
    shutil.copyfile(GBK_PAGE, crawl / "a" / "b" / "page.shtml")
    (crawl / "a" / "notes.md").write_text("not a page")
    outside = tmp_path / "outside.html"
    shutil.copyfile(SEED_004, outside)
    (crawl / "a" / "escape.html").symlink_to(outside)
    (crawl / "loop").symlink_to(crawl)
    single = tmp_path / "single.htm"
    shutil.copyfile(SEED_004, single)

    assert cli(crawl, single, "-o", tmp_path / "out", "--workers", 2) == 0

    out = tree(tmp_path / "out")
    assert sorted(out) == ["crawl/a/b/page.shtml.json", "crawl/a/page.txt.json", "single.htm.json"]
    record = read_json(tmp_path / "out" / "crawl" / "a" / "page.txt.json")
    assert record == {"file": "crawl/a/page.txt", "articles": expected(EPAPER.read_bytes()), "warnings": []}
    assert len(record["articles"]) > 1
    assert read_json(tmp_path / "out" / "crawl" / "a" / "b" / "page.shtml.json")["articles"] == expected(GBK_PAGE.read_bytes())


def test_summary_counts_skipped_files_and_names_top_detectors(tmp_path, capsys):
    crawl = corpus(tmp_path / "crawl")
    (crawl / "image.png").write_bytes(b"\x89PNG\r\n")
    (crawl / "escape.txt").symlink_to(SEED_004)
    assert cli(crawl, "-o", tmp_path / "out") == 0
    report = capsys.readouterr().err
    pages = len(list(crawl.rglob("*.txt"))) - 1
    assert f"{pages} pages: {pages} cleaned" in report
    assert "1 not a page" in report and "1 symlink out of the tree" in report
    assert "most text removed by (characters): " in report
    assert "pages/s" in report


def test_gb18030_and_big5_files_are_decoded(tmp_path):
    text = seed_text("004_fc4762bbda85c93c")
    big5_text = "".join(c for c in text if c == "\n" or c.encode("big5", errors="ignore"))
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "gb.txt").write_bytes(text.encode("gb18030"))
    (pages / "big5.txt").write_bytes(big5_text.encode("big5"))
    assert cli(pages, "-o", tmp_path / "out") == 0
    assert read_json(tmp_path / "out" / "gb.txt.json")["articles"] == expected(text)
    big5 = read_json(tmp_path / "out" / "big5.txt.json")["articles"]
    assert big5 == expected(big5_text)
    assert big5[0]["title"].startswith("莊嚴:全力以赴推動西藏清潔能源")


def test_junk_and_empty_files_give_empty_results_with_warnings(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "empty.html").write_bytes(b"")
    (pages / "blank.txt").write_text("\n \n\t\n")
    (pages / "binary.html").write_bytes(bytes(range(256)) * 4 + b"\x00" * 2000)
    (pages / "image.htm").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    assert cli(pages, "-o", tmp_path / "out") == 0
    for name in ("empty.html", "blank.txt", "binary.html", "image.htm"):
        record = read_json(tmp_path / "out" / f"{name}.json")
        assert record["articles"] == [], name
        assert record["warnings"], name
    assert not (tmp_path / "out" / "errors.jsonl").exists()


def test_unreadable_pages_go_to_errors_jsonl_and_the_run_goes_on(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copyfile(SEED_004, pages / "good.txt")
    (pages / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not deflate data")
    (pages / "huge.html").write_bytes(b"<p>x</p>" * 40_000)
    assert cli(pages, "-o", tmp_path / "out", "--max-bytes", "100K") == 1
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert [e["file"] for e in errors] == ["broken.txt.gz", "huge.html"]
    assert "not valid gzip data" in errors[0]["error"]
    assert errors[1]["error"] == "size is over the limit of 100 KB (--max-bytes)"
    assert (tmp_path / "out" / "good.txt.json").exists()
    assert "2 errors" in capsys.readouterr().err
    (pages / "huge.html").unlink()
    (pages / "broken.txt.gz").unlink()
    assert cli(pages, "-o", tmp_path / "out") == 0
    assert not (tmp_path / "out" / "errors.jsonl").exists(), "a clean run removes the stale errors.jsonl"


def test_gzip_pages_are_cleaned_and_gzip_bombs_are_capped(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "page.txt.gz").write_bytes(gzip.compress(SEED_004.read_bytes()))
    (pages / "bomb.html.gz").write_bytes(gzip.compress(b"\x00" * (8 * 1024 * 1024)))
    assert len((pages / "bomb.html.gz").read_bytes()) < 20_000
    assert cli(pages, "-o", tmp_path / "out", "--max-bytes", "1M") == 1
    assert read_json(tmp_path / "out" / "page.txt.gz.json")["articles"] == expected(SEED_004.read_bytes())
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert error == {"file": "bomb.html.gz", "error": "decompressed size is over the limit of 1 MB (--max-bytes)"}


def test_a_page_over_the_timeout_is_an_error(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copyfile(EPAPER, pages / "slow.txt")
    assert cli(pages, "-o", tmp_path / "out", "--timeout", "0.001", "--workers", 1) == 1
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert error == {"file": "slow.txt", "error": "cleaning took longer than 0.001 s (--timeout)"}


def test_jsonl_has_one_record_per_article_also_when_resumed(tmp_path):
    crawl = corpus(tmp_path / "crawl")
    jsonl = tmp_path / "articles.jsonl"
    assert cli(crawl, "-o", tmp_path / "out", "--jsonl", jsonl) == 0
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    epaper = [r for r in records if r["file"] == "copy0/seeds/000_6ceb450048dfa4e8.txt"]
    want = expected(EPAPER.read_bytes())
    assert [r["index"] for r in epaper] == list(range(len(want)))
    assert [{k: v for k, v in r.items() if k not in ("file", "index")} for r in epaper] == want
    assert len(records) == sum(len(read_json(p)["articles"]) for p in (tmp_path / "out").rglob("*.json"))
    first = jsonl.read_bytes()
    assert cli(crawl, "-o", tmp_path / "out", "--jsonl", jsonl) == 0
    assert jsonl.read_bytes() == first, "pages skipped as up to date are replayed into the JSONL"


def test_format_txt_writes_readable_text(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copyfile(EPAPER, pages / "epaper.txt")
    assert cli(pages, "-o", tmp_path / "out", "--format", "txt") == 0
    assert sorted(tree(tmp_path / "out")) == ["epaper.txt.txt"]
    text = (tmp_path / "out" / "epaper.txt.txt").read_text(encoding="utf-8")
    articles = expected(EPAPER.read_bytes())
    blocks = text.split("\n" + "=" * 40 + "\n")
    assert len(blocks) == len(articles) > 1
    for block, article in zip(blocks, articles):
        assert block.strip().startswith(article["title"])
        assert article["body"] in block
        if article["source"]:
            assert f"source: {article['source']}" in block


def test_resume_after_kill_gives_the_uninterrupted_output(tmp_path):
    crawl = corpus(tmp_path / "crawl", copies=2)
    pages = len(list(crawl.rglob("*.txt")))
    out, jsonl = tmp_path / "out", tmp_path / "out.jsonl"
    command = [crawl, "-o", out, "--jsonl", jsonl, "--workers", 1]
    killed = subprocess.Popen([sys.executable, "-m", "boilerstrip", *map(str, command)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(list(out.rglob("*.json"))) < 5 and time.monotonic() < deadline:
        time.sleep(0.002)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    written = [p for p in out.rglob("*.json") if STAGING_NAME not in p.parts]
    assert 5 <= len(written) < pages, "killed mid-run"
    for path in written:
        read_json(path)  # every output in place is complete
    assert not jsonl.exists()

    assert cli(*command) == 0
    assert cli(crawl, "-o", tmp_path / "whole", "--jsonl", tmp_path / "whole.jsonl") == 0
    assert tree(out) == tree(tmp_path / "whole")
    assert jsonl.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_explain_marks_every_removed_piece_with_its_detector(tmp_path, capsys):
    data = SEEDS.joinpath("002_dabc6c0c243ffe8f.txt").read_bytes()
    shown = explain(data)
    removed = [piece for article in clean_articles(data) for piece in article.removed]
    assert removed
    lines = shown.splitlines()
    for piece in removed:
        line = lines[piece.line - 1]
        assert line.lstrip().startswith(f"{piece.line} "), line
        assert piece.detector in line.split("│")[0]
        assert f"⟦{piece.text}⟧" in line
    assert shown.splitlines()[-1].startswith("removed: ")
    assert "\x1b[31m" in explain(data, colour=True)

    page = tmp_path / "page.txt"
    page.write_bytes(data)
    assert cli("--explain", page) == 0
    assert capsys.readouterr().out == shown + "\n"


def test_explain_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli("--explain", tmp_path / "missing.html")
    assert exit_info.value.code == 2
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(bytes(2_000_000)))
    assert cli("--explain", bomb, "--max-bytes", "1M") == 1
    assert "decompressed size is over the limit of 1 MB" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "give at least one INPUT"),
        (["{pages}"], "-o OUT_DIR"),
        (["{tmp}/missing", "-o", "{tmp}/out"], "no such file or folder"),
        (["{pages}", "-o", "{tmp}/out", "--workers", "0"], "must be a positive number"),
        (["{pages}", "-o", "{tmp}/out", "--max-bytes", "lots"], "not a size"),
        (["{pages}", "-o", "{tmp}/out", "--format", "xml"], "invalid choice"),
        (["{pages}", "-o", "{pages}/page.txt"], "is not a folder"),
        (["{pages}", "{tmp}/other/pages", "-o", "{tmp}/out"], "would both be written to"),
        (["{pages}", "-o", "{tmp}/out", "--jsonl", "{tmp}/nowhere/a.jsonl"], "--jsonl: no such folder"),
        (["{pages}", "-o", "{tmp}"], "is inside the output folder"),
        (["{pages}", "-o", "{tmp}/out", "--timeout", "nan"], "must be a positive number"),
        (["{pages}", "--explain", "{pages}/page.txt"], "--explain takes one page"),
    ],
)
def test_usage_errors_exit_2_without_traceback(tmp_path, capsys, args, message):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text("正文")
    (tmp_path / "other" / "pages").mkdir(parents=True)
    with pytest.raises(SystemExit) as exit_info:
        main([arg.format(tmp=tmp_path, pages=tmp_path / "pages") for arg in args])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_an_output_folder_inside_an_input_is_not_walked(tmp_path):
    crawl = corpus(tmp_path / "crawl")
    pages = sorted(p.relative_to(crawl).as_posix() for p in crawl.rglob("*.txt"))
    for _ in range(2):
        assert cli(crawl, "-o", crawl / "out", "--format", "txt") == 0
    results = sorted(p.relative_to(crawl / "out").as_posix() for p in (crawl / "out").rglob("*.txt"))
    assert results == [f"{page}.txt" for page in pages]


def test_a_second_run_into_the_same_folder_is_refused(tmp_path, capsys):
    fcntl = pytest.importorskip("fcntl")

    pages = corpus(tmp_path / "crawl")
    staging = tmp_path / "out" / STAGING_NAME
    staging.mkdir(parents=True)
    with open(staging / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with pytest.raises(SystemExit) as exit_info:
            cli(pages, "-o", tmp_path / "out")
    assert exit_info.value.code == 2
    assert "another boilerstrip run is writing to" in capsys.readouterr().err


def test_help_documents_exit_codes_and_resume(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for option in ("--format", "--jsonl", "--force", "--workers", "--timeout", "--max-bytes", "--explain", "--ext", "--no-removed", "--no-captions"):
        assert option in text
    assert "exit codes:" in text and "resuming:" in text
    assert "3  the run stopped: the output disk is full" in text and "markdown" in text


def test_force_redoes_up_to_date_pages(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copyfile(SEED_004, pages / "page.txt")
    assert cli(pages, "-o", tmp_path / "out") == 0
    assert cli(pages, "-o", tmp_path / "out") == 0
    assert cli(pages, "-o", tmp_path / "out", "--force") == 0
    reports = capsys.readouterr().err.splitlines()
    assert [line.rsplit(";", 1)[0] + "; " for line in reports if line.startswith("1 page:")] == [
        "1 page: 1 cleaned, 0 up to date, 0 errors; 1 article; ",
        "1 page: 0 cleaned, 1 up to date, 0 errors; 1 article; ",
        "1 page: 1 cleaned, 0 up to date, 0 errors; 1 article; ",
    ]


def test_a_folder_that_cannot_be_listed_is_an_error(tmp_path, monkeypatch):
    crawl = corpus(tmp_path / "crawl")
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if path == "163_1" and kwargs.get("dir_fd") is not None:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr("boilerstrip.batch.os.open", refusing_open)  # in the walk, not in the workers
    assert cli(crawl, "-o", tmp_path / "out") == 1
    (error,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert error == {"file": "copy0/163_1/", "error": "cannot list folder: Permission denied"}
    assert (tmp_path / "out" / "copy0" / "163_2" / "w3m.txt.json").exists()


def run_module(*args, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "boilerstrip", *map(str, args)], input=stdin, capture_output=True)


def test_one_page_on_standard_input_is_printed_as_json_text_or_markdown(tmp_path):
    html = GBK_PAGE.read_bytes()
    done = run_module("-", stdin=html)
    assert done.returncode == 0 and done.stderr == b""
    assert json.loads(done.stdout) == {"file": "-", "articles": expected(html), "warnings": []}

    from boilerstrip.render import page_document, render

    text = SEED_004.read_bytes()
    done = run_module("-", "--format", "markdown", stdin=text)
    assert done.returncode == 0
    assert done.stdout.decode("utf-8") == render(page_document("-", clean_articles(text), []), "markdown")
    assert done.stdout.startswith(b"# ")
    page = tmp_path / "page.txt"
    page.write_bytes(text)
    done = run_module(page, "--format", "txt")
    assert done.stdout.decode("utf-8") == render(page_document(str(page), clean_articles(text), []), "txt")


def test_one_page_without_output_folder_prints_or_reports_its_error(tmp_path, capfdbinary):
    page = tmp_path / "page.asp"  # named: a page whatever its extension
    page.write_bytes(EPAPER.read_bytes())
    assert cli(page, "--no-removed", "--no-captions") == 0
    document = json.loads(capfdbinary.readouterr().out)
    assert document["file"] == str(page)
    assert [a["title"] for a in document["articles"]] == [a["title"] for a in expected(EPAPER.read_bytes())]
    assert all("removed" not in a and "captions" not in a for a in document["articles"])
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(bytes(2_000_000)))
    assert cli(tmp_path / "bomb.html.gz", "--max-bytes", "1M") == 1
    captured = capfdbinary.readouterr()
    assert captured.out == b""
    assert captured.err.decode().endswith("bomb.html.gz: decompressed size is over the limit of 1 MB (--max-bytes)\n")


def test_jsonl_to_standard_output_needs_no_output_folder(tmp_path, capfdbinary):
    crawl = corpus(tmp_path / "crawl")
    assert cli(crawl, "--jsonl", "-", "--workers", 2, "--no-removed") == 0
    captured = capfdbinary.readouterr()
    records = [json.loads(line) for line in captured.out.decode("utf-8").splitlines()]
    assert cli(crawl, "-o", tmp_path / "out", "--jsonl", tmp_path / "all.jsonl", "--no-removed") == 0
    assert captured.out == (tmp_path / "all.jsonl").read_bytes()
    assert records and all("removed" not in r for r in records)
    assert not list(tmp_path.glob("crawl/**/*.json"))
    assert b" cleaned, 0 up to date, 0 errors; " in captured.err


def test_no_removed_and_no_captions_shape_outputs_and_a_change_of_options_redoes_every_page(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copyfile(SEED_004, pages / "page.txt")
    out = tmp_path / "out"
    assert cli(pages, "-o", out) == 0
    assert "removed" in read_json(out / "page.txt.json")["articles"][0]
    assert cli(pages, "-o", out, "--no-removed", "--no-captions") == 0
    article = read_json(out / "page.txt.json")["articles"][0]
    assert "removed" not in article and "captions" not in article
    assert cli(pages, "-o", out, "--no-removed", "--no-captions") == 0
    reports = [line for line in capsys.readouterr().err.splitlines() if line.startswith("1 page:") or "options" in line]
    assert [line.split(";")[0] for line in reports] == [
        "1 page: 1 cleaned, 0 up to date, 0 errors",
        "1 page: 1 cleaned, 0 up to date, 0 errors",
        "the options differ from the last run into this folder: every page is cleaned again",
        "1 page: 0 cleaned, 1 up to date, 0 errors",
    ]


def test_summary_of_a_resumed_run_counts_every_page_and_an_idle_run_has_no_rate(tmp_path, capsys):
    crawl = corpus(tmp_path / "crawl")
    pages = len(list(crawl.rglob("*.txt")))
    assert cli(crawl, "-o", tmp_path / "out") == 0
    first = capsys.readouterr().err.splitlines()
    victims = sorted((tmp_path / "out").rglob("*.json"))[:3]
    for victim in victims:
        victim.unlink()
    assert cli(crawl, "-o", tmp_path / "out") == 0
    second = capsys.readouterr().err.splitlines()
    assert second[0].startswith(f"{pages} pages: 3 cleaned, {pages - 3} up to date, 0 errors; ")
    assert second[0].split("; ")[1] == first[0].split("; ")[1], "articles of all pages"
    assert second[-1] == first[-1], "removed text of all pages"
    assert cli(crawl, "-o", tmp_path / "out") == 0
    idle = capsys.readouterr().err.splitlines()[0]
    assert idle.startswith(f"{pages} pages: 0 cleaned, {pages} up to date") and "pages/s" not in idle
    assert cli(crawl, "-o", tmp_path / "txt", "--format", "txt") == 0
    assert cli(crawl, "-o", tmp_path / "txt", "--format", "txt") == 0
    assert f"(not counting the {pages} up to date: their output does not hold them)" in capsys.readouterr().err


def test_format_markdown_writes_md_files(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copyfile(EPAPER, pages / "epaper.txt")
    assert cli(pages, "-o", tmp_path / "out", "--format", "markdown") == 0
    assert sorted(tree(tmp_path / "out")) == ["epaper.txt.md"]
    text = (tmp_path / "out" / "epaper.txt.md").read_text(encoding="utf-8")
    assert [line[2:] for line in text.splitlines() if line.startswith("# ")] == [a["title"] for a in expected(EPAPER.read_bytes())]


def test_explain_a_folder_or_standard_input(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli("--explain", tmp_path)
    assert exit_info.value.code == 2
    assert f"--explain takes one page; {tmp_path} is a folder" in capsys.readouterr().err
    data = SEEDS.joinpath("002_dabc6c0c243ffe8f.txt").read_bytes()
    done = run_module("--explain", "-", stdin=data)
    assert done.returncode == 0 and done.stdout.decode("utf-8") == explain(data) + "\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["{pages}"], "give the output folder: -o OUT_DIR (without it, one page is printed"),
        (["{pages}/page.txt", "{pages}/page.txt"], "give the output folder"),
        (["{pages}", "--jsonl", "{tmp}/a.jsonl"], "--jsonl FILE needs -o OUT_DIR"),
        (["-", "-o", "{tmp}/out"], "'-' (standard input) is printed to standard output"),
        (["-", "{pages}/page.txt"], "'-' (standard input) is one page on its own"),
        (["{pages}", "-o", "{tmp}/out", "--jsonl", "{tmp}/out/a.jsonl"], "is inside the output folder"),
        (["{pages}", "-o", "{tmp}/out", "--ext", ""], "no extension"),
    ],
)
def test_usage_errors_of_standard_output_modes(tmp_path, capsys, args, message):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.txt").write_text("正文")
    (tmp_path / "out").mkdir()
    with pytest.raises(SystemExit) as exit_info:
        main([arg.format(tmp=tmp_path, pages=tmp_path / "pages") for arg in args])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_standard_output_stops_with_one_line(tmp_path):
    pages = corpus(tmp_path / "crawl")
    for args in ([SEED_004], [pages, "--jsonl", "-"], [pages, "-o", tmp_path / "out", "--jsonl", "-"]):
        with open("/dev/full", "wb") as full:
            done = subprocess.run([sys.executable, "-m", "boilerstrip", *map(str, args)], stdout=full, stderr=subprocess.PIPE)
        assert done.returncode == 3, args
        assert "No space left on device" in done.stderr.decode() and b"Traceback" not in done.stderr
