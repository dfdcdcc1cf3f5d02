"""The batch against hostile trees: symlink loops, names of any bytes, names
that look like outputs, symlinks swapped in after the walk or planted in
OUT_DIR, a full disk. One bad entry never stops the run; nothing outside the
input tree is read and nothing outside OUT_DIR is written."""
import errno
import gc
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from boilerstrip import Options, clean_articles
from boilerstrip.batch import (
    RUN_NAME,
    STAGING_NAME,
    BatchOptions,
    Job,
    OutputFolder,
    PageWriter,
    WorkerConfig,
    output_file_name,
    output_folder_name,
    output_parts,
    walk,
)
from boilerstrip.cli import main

from .conftest import SEEDS

SEED = SEEDS / "002_dabc6c0c243ffe8f.txt"
OTHER = SEEDS / "004_fc4762bbda85c93c.txt"
SECRET = "机密文件的内容不可外泄。这一段来自输入树之外。"


def cli(*args) -> int:
    return main([str(arg) if isinstance(arg, int) else os.fspath(arg) for arg in args])


def errors(out: Path) -> list[dict]:
    path = out / "errors.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def files(folder: Path) -> dict[bytes, bytes]:
    """Every file under ``folder`` by relative path as bytes, with its bytes."""
    found = {}
    for base, _, names in os.walk(os.fsencode(folder)):
        for name in names:
            path = os.path.join(base, name)
            found[os.path.relpath(path, os.fsencode(folder))] = Path(os.fsdecode(path)).read_bytes()
    found.pop(RUN_NAME.encode(), None)
    return found


def outside_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return secret


def test_symlink_loops_and_broken_links_are_errors_and_the_run_goes_on(tmp_path, capsys):
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    shutil.copyfile(SEED, crawl / "sub" / "good.txt")
    (crawl / "self.html").symlink_to("self.html")
    (crawl / "a").symlink_to("b")
    (crawl / "b").symlink_to("a")
    (crawl / "sub" / "gone.html").symlink_to("nowhere.html")
    (crawl / "sub" / "up").symlink_to("..")
    assert cli(crawl, "-o", tmp_path / "out", "--workers", 2) == 1
    assert errors(tmp_path / "out") == [
        {"file": "a", "error": "symlink loop"},
        {"file": "b", "error": "symlink loop"},
        {"file": "self.html", "error": "symlink loop"},
        {"file": "sub/gone.html", "error": "cannot read file: broken symlink (No such file or directory)"},
    ]
    assert sorted(files(tmp_path / "out")) == [b"errors.jsonl", b"sub/good.txt.json"]
    report = capsys.readouterr().err
    assert "5 pages: 1 cleaned, 0 up to date, 4 errors" in report and "Traceback" not in report
    assert "1 symlinked folder (walked where it is)" in report


def test_a_symlink_loop_named_as_input_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(SystemExit) as exit_info:
        cli(tmp_path / "loop", "-o", tmp_path / "out")
    assert exit_info.value.code == 2 and "no such file or folder" in capsys.readouterr().err


def test_any_file_name_is_read_and_its_output_written(tmp_path):
    crawl = os.fsencode(tmp_path / "crawl")
    names = [
        b"\xd0\xc2\xce\xc5.html",  # GBK, not UTF-8
        b"\xff\xfe.txt",
        "新闻 (1).shtml".encode(),
        b"line\nbreak.htm",
        b"x" * 250 + b".html",  # its output name would be too long
        b"tilde.html~",  # with --ext '*'
        b"back\\slash.txt",
    ]
    os.makedirs(os.path.join(crawl, b"\xb9\xfa\xc4\xda"))
    for name in names:
        shutil.copyfile(SEED, os.path.join(crawl, b"\xb9\xfa\xc4\xda", name))
    out = tmp_path / "out"
    assert cli(os.fsdecode(crawl), "-o", out, "--ext", "*", "--workers", 2) == 0
    written = files(out)
    want = clean_articles(SEED.read_bytes())
    assert len(written) == len(names)
    for name in names:
        rel = os.fsdecode(b"\xb9\xfa\xc4\xda/" + name)
        parts = output_parts(tuple(rel.split("/")), ".json")
        document = json.loads(written[os.fsencode("/".join(parts))])
        assert os.fsencode(document["file"]) == b"\xb9\xfa\xc4\xda/" + name
        assert [a["title"] for a in document["articles"]] == [a.title for a in want]
    assert os.fsencode("/".join(output_parts(("d", os.fsdecode(names[0])), ".json"))) == b"d/\xd0\xc2\xce\xc5.html.json"
    assert all(len(os.path.basename(path)) <= 255 for path in written)


def test_output_names_cannot_collide_with_each_other_or_the_runs_files():
    suffix = ".json"
    assert output_file_name("a.txt", suffix) == "a.txt.json"
    assert output_folder_name("a.txt.json", suffix) == "a.txt.json~"
    assert output_folder_name("a.txt.json~", suffix) == "a.txt.json~~"
    assert output_folder_name("errors.jsonl", suffix, top=True) == "errors.jsonl~"
    assert output_folder_name("errors.jsonl", suffix, top=False) == "errors.jsonl"
    assert output_folder_name(STAGING_NAME, suffix, top=True) == STAGING_NAME + "~"
    long_name = "页" * 84  # 252 bytes
    assert len(os.fsencode(output_file_name(long_name, suffix))) <= 255
    assert len(os.fsencode(output_folder_name(long_name[:-1] + "~", suffix))) <= 255
    names = [
        "a", "a~", "a~~", "a.json", "a.json~", "a.json~~", "a.txt", "a.txt.json", "a.txt.json~", "b~.json",
        "errors.jsonl", "errors.jsonl~", STAGING_NAME, STAGING_NAME + "~", RUN_NAME, long_name, long_name + "~",
        long_name[:-1] + ".json", long_name[:-2] + ".json~",
    ]
    taken = Counter()
    for name in names:
        taken[output_file_name(name, suffix)] += 1
        taken[output_folder_name(name, suffix, top=True)] += 1
    for reserved in (STAGING_NAME, "errors.jsonl", RUN_NAME):
        taken[reserved] += 1
    assert [name for name, count in taken.items() if count > 1] == []


def test_pages_beside_folders_named_like_outputs_do_not_depend_on_scheduling(tmp_path):
    crawl = tmp_path / "crawl"
    for folder in ("a.txt.json", ".boilerstrip-partial", "errors.jsonl", ".boilerstrip-run", "c~"):
        (crawl / folder).mkdir(parents=True)
        shutil.copyfile(OTHER, crawl / folder / "b.txt")
    shutil.copyfile(SEED, crawl / "a.txt")
    shutil.copyfile(SEED, crawl / "c")
    shutil.copyfile(SEED, crawl / "b.txt.json")
    trees = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        assert cli(crawl, "-o", out, "--workers", workers, "--ext", "*") == 0
        trees.append(files(out))
    assert trees[0] == trees[1]
    assert sorted(trees[0]) == sorted(
        [
            b"a.txt.json", b"a.txt.json~/b.txt.json", b".boilerstrip-partial~/b.txt.json",
            b"errors.jsonl~/b.txt.json", b".boilerstrip-run~/b.txt.json", b"c.json", b"c~~/b.txt.json",
            b"b.txt.json.json",
        ]
    )
    assert json.loads(trees[0][b".boilerstrip-partial~/b.txt.json"])["file"] == ".boilerstrip-partial/b.txt"


def _writer(tmp_path: Path, options: BatchOptions):
    folder = OutputFolder(options)
    folder.__enter__()
    config = WorkerConfig(options.output, folder.identity, "json", 1 << 20, records=False)
    return folder, PageWriter(config)


def test_a_page_swapped_for_a_symlink_after_the_walk_is_not_read(tmp_path):
    secret = outside_secret(tmp_path)
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    for name in ("page.txt", "sub/page.txt", "linked.txt"):
        shutil.copyfile(SEED, crawl / name)
    (crawl / "alias.txt").symlink_to("linked.txt")  # inside the tree: cleaned
    pages = list(walk([crawl], Counter()))
    assert [p.rel for p in pages] == ["alias.txt", "linked.txt", "page.txt", "sub/page.txt"]
    # Between the walk and the worker's open(): everything now points outside.
    (crawl / "page.txt").unlink()
    (crawl / "page.txt").symlink_to(secret)
    shutil.move(crawl / "sub", tmp_path / "moved")
    (crawl / "sub").symlink_to(secret.parent)
    shutil.copyfile(secret, secret.parent / "page.txt")
    (crawl / "alias.txt").unlink()
    (crawl / "alias.txt").symlink_to(secret)

    folder, writer = _writer(tmp_path, BatchOptions(tmp_path / "out"))
    try:
        results = [writer.process(Job(seq, page)) for seq, page in enumerate(pages)]
    finally:
        folder.__exit__(None, None, None)
    changed = "cannot read file: its path changed during the run (symlinks are not followed)"
    assert [(r.rel, r.error) for r in results] == [
        ("alias.txt", None),  # opened where the walk found its target: linked.txt
        ("linked.txt", None),
        ("page.txt", changed),
        ("sub/page.txt", changed),
    ]
    for output in (tmp_path / "out").rglob("*.json"):
        assert SECRET not in output.read_text(encoding="utf-8")


def test_a_page_swapped_for_a_fifo_is_an_error_not_a_hang(tmp_path):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    shutil.copyfile(SEED, crawl / "page.txt")
    (page,) = walk([crawl], Counter())
    (crawl / "page.txt").unlink()
    os.mkfifo(crawl / "page.txt")
    folder, writer = _writer(tmp_path, BatchOptions(tmp_path / "out"))
    try:
        result = writer.process(Job(0, page))
    finally:
        folder.__exit__(None, None, None)
    assert result.error == "cannot read file: no longer a regular file"


def test_symlinks_inside_out_dir_are_not_written_through(tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt.json").write_text("untouched")
    crawl = tmp_path / "crawl"
    (crawl / "a").mkdir(parents=True)
    shutil.copyfile(SEED, crawl / "a" / "page.txt")
    shutil.copyfile(SEED, crawl / "keep.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a").symlink_to(elsewhere)
    (out / "keep.txt.json").symlink_to(elsewhere / "keep.txt.json")
    assert cli(crawl, "-o", out) == 1
    assert errors(out) == [{"file": "a/page.txt", "error": "cannot write output: a in OUT_DIR is not a folder (symlinks are not followed)"}]
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt.json"]
    assert (elsewhere / "keep.txt.json").read_text() == "untouched"
    assert not (out / "keep.txt.json").is_symlink()  # replaced by the output, not written through

    (out / "a").unlink()
    (out / STAGING_NAME).symlink_to(elsewhere)
    with pytest.raises(SystemExit) as exit_info:
        cli(crawl, "-o", out)
    assert exit_info.value.code == 2
    assert f"{STAGING_NAME} is not a folder (a symlink is not followed)" in capsys.readouterr().err
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt.json"]


def test_pages_of_any_extension_named_on_the_command_line_and_ext_for_walks(tmp_path, capsys):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for name in ("a.php", "b.ASPX", "c.jsp", "noext", "d.html", "e.asp.gz"):
        shutil.copyfile(SEED, crawl / name)
    assert cli(crawl / "a.php", crawl / "noext", "-o", tmp_path / "named") == 0
    assert sorted(files(tmp_path / "named")) == [b"a.php.json", b"noext.json"]
    assert cli(crawl, "-o", tmp_path / "plain") == 0
    assert sorted(files(tmp_path / "plain")) == [b"d.html.json"]
    assert cli(crawl, "-o", tmp_path / "more", "--ext", "php,.aspx,JSP") == 0
    assert sorted(files(tmp_path / "more")) == [b"a.php.json", b"b.ASPX.json", b"c.jsp.json", b"d.html.json"]
    assert "2 not a page" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli(crawl, "-o", tmp_path / "x", "--ext", ",")


def _mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "200k")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_full_disk_stops_the_run_with_one_message_and_the_run_resumes(tmp_path, small_disk):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for number in range(40):
        shutil.copyfile(SEED, crawl / f"p{number:02d}.txt")
    out = small_disk / "out"
    command = [sys.executable, "-m", "boilerstrip", str(crawl), "-o", str(out), "--workers", "2"]
    stopped = subprocess.run(command, capture_output=True, text=True)
    assert stopped.returncode == 3, stopped.stderr
    assert stopped.stderr.count("\n") == 1 and "Traceback" not in stopped.stderr
    assert "No space left on device" in stopped.stderr and "re-run the same command" in stopped.stderr
    written = [p for p in out.glob("*.json")]
    assert 0 < len(written) < 40
    for path in written:
        json.loads(path.read_text(encoding="utf-8"))  # complete
    assert not (out / STAGING_NAME).exists()

    subprocess.run(["mount", "-o", "remount,size=8m", str(small_disk)], check=True)
    resumed = subprocess.run(command, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"40 pages: {40 - len(written)} cleaned, {len(written)} up to date, 0 errors; 40 articles" in resumed.stderr
    assert cli(crawl, "-o", tmp_path / "whole") == 0
    assert files(out) == files(tmp_path / "whole")


def test_a_full_disk_under_the_jsonl_file_stops_the_run(tmp_path, small_disk, capsys):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for number in range(30):
        shutil.copyfile(SEED, crawl / f"p{number:02d}.txt")
    (small_disk / "filler").write_bytes(b"x" * 150_000)
    with pytest.raises(SystemExit) as exit_info:
        cli(crawl, "-o", tmp_path / "out", "--jsonl", small_disk / "all.jsonl")
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no partial file left
    assert len(list((tmp_path / "out").glob("*.json"))) == 30


def test_a_worker_that_cannot_write_for_lack_of_space_reports_a_stop(tmp_path, monkeypatch):
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    shutil.copyfile(SEED, crawl / "page.txt")
    (page,) = walk([crawl], Counter())
    folder, writer = _writer(tmp_path, BatchOptions(tmp_path / "out", options=Options()))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("boilerstrip.batch.os.replace", full)
    try:
        result = writer.process(Job(0, page))
    finally:
        folder.__exit__(None, None, None)
    assert result.error is None
    assert result.stop == f"cannot write {tmp_path / 'out' / 'page.txt.json'}: No space left on device"


def test_a_deep_tree_is_walked_with_few_descriptors(tmp_path, monkeypatch):
    crawl = tmp_path / "crawl"
    folder = crawl
    for depth in range(40):
        (folder / "side").mkdir(parents=True)
        (folder / "side" / "s.txt").write_text(f"旁支{depth}。")
        (folder / "p.txt").write_text(f"第{depth}层。")
        folder = folder / "d"
    held = dict(limit=4)
    open_fds = lambda: len(os.listdir("/proc/self/fd"))  # noqa: E731
    gc.collect()  # files earlier tests left in reference cycles are closed now, not during the walk
    before = open_fds()
    pages = [page.rel for page in walk([crawl], Counter())]
    monkeypatch.setattr("boilerstrip.batch.HELD_FOLDERS", held["limit"])
    peak = []
    narrow = []
    for page in walk([crawl], Counter()):
        narrow.append(page.rel)
        peak.append(open_fds())
    assert narrow == pages and len(pages) == 80
    assert pages[:3] == ["p.txt", "d/p.txt", "d/d/p.txt"] and pages[-1] == "side/s.txt"
    assert max(peak) <= before + held["limit"] + 2
    assert open_fds() <= before  # none left open (another test's leftovers may close meanwhile)


def test_a_folder_swapped_for_a_symlink_during_the_walk_is_not_entered(tmp_path):
    secret = outside_secret(tmp_path)
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    shutil.copyfile(SEED, crawl / "first.txt")
    shutil.copyfile(SEED, crawl / "sub" / "page.txt")
    shutil.copyfile(secret, secret.parent / "page.txt")
    pages = walk([crawl], Counter())
    assert next(pages).rel == "first.txt"  # the root is listed; "sub" is not entered yet
    shutil.move(crawl / "sub", tmp_path / "moved")
    (crawl / "sub").symlink_to(secret.parent)
    assert [(p.rel, p.error) for p in pages] == [
        ("sub/", "cannot list folder: it changed during the walk (symlinks are not followed)")
    ]


def test_run_settings_say_whether_resiliparse_is_asked(tmp_path, monkeypatch):
    """A folder cleaned with resiliparse and continued where it is not
    installed is cleaned again: the outputs of HTML pages may differ."""
    from boilerstrip import batch

    settings = lambda options: json.loads(batch.run_settings(BatchOptions(tmp_path, options=options)))["options"]  # noqa: E731
    assert settings(Options())["ask_resiliparse"] is True
    assert settings(Options(ask_resiliparse=False))["ask_resiliparse"] is False
    monkeypatch.setattr(batch, "resiliparse_extractor", lambda: None)
    assert settings(Options())["ask_resiliparse"] is False


def test_the_staging_folder_is_gone_after_a_run_even_with_a_partial_left_in_it(tmp_path):
    """The lock and the partial outputs are removed with their folder (by
    descriptor, on every Python the package supports)."""
    folder = OutputFolder(BatchOptions(tmp_path / "out"))
    folder.__enter__()
    (tmp_path / "out" / STAGING_NAME / "a.txt.json.partial").write_bytes(b"{")
    folder.__exit__(None, None, None)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [RUN_NAME]
