"""What a new user meets first: the README's commands, the package metadata,
the licence and changelog, and paths the docs name."""
import re
import subprocess
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: tomli, a dependency there
    import tomli as tomllib

import boilerstrip
from boilerstrip import clean_articles

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, re.S)


def test_readme_commands_use_the_pip_a_fresh_venv_brings():
    install, tests = [block.strip() for block in shell_blocks(README)[:2]]
    for command in (install, tests):
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
        assert "--upgrade pip" not in command and "-U pip" not in command
    assert tests.endswith("python -m pytest -q")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines(), "CI runs the README's test command as written"
    assert "--upgrade pip" not in ci and "-U pip" not in ci


def test_license_is_an_spdx_string_with_its_file():
    # A TOML table here makes setuptools >= 77 print a deprecation warning
    # (three times) on every install.
    # MIT, and Apache-2.0 for readability-lxml's methods adapted in
    # readability_doc.py (its license beside ours).
    assert PYPROJECT["project"]["license"] == "MIT AND Apache-2.0"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE", "LICENSES/Apache-2.0.txt"]
    assert PYPROJECT["build-system"]["requires"] == ["setuptools>=77"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert "Apache License" in (ROOT / "LICENSES" / "Apache-2.0.txt").read_text(encoding="utf-8")[:200]
    # pip 23.2.1 fails on an extra named twice (lxml[html-clean,html-clean]).
    for requirement in PYPROJECT["project"]["dependencies"]:
        extras = re.findall(r"\[([^\]]*)\]", requirement)
        names = [name.strip() for group in extras for name in group.split(",")]
        assert len(names) == len(set(names)), requirement


def test_version_changelog_and_readme_agree(capsys):
    version = PYPROJECT["project"]["version"]
    assert boilerstrip.__version__ == version
    assert f"## {version}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "python -m boilerstrip --version" in README
    shown = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "--version"], capture_output=True, text=True, check=True
    ).stdout
    first, extractors = shown.splitlines()
    assert first == f"boilerstrip {version}"
    assert re.fullmatch(r"readability-lxml \S+, trafilatura \S+, resiliparse \S+", extractors), extractors


def test_resiliparse_is_the_fast_extra_not_a_core_dependency():
    """resiliparse has no wheels for musl (Alpine) or glibc < 2.28: a core
    dependency would make boilerstrip uninstallable there; HTML mode asks
    trafilatura when it is missing (tests/test_html_metadata.py)."""
    names = [re.split(r"[\s<>=;\[]", requirement, maxsplit=1)[0] for requirement in PYPROJECT["project"]["dependencies"]]
    assert "resiliparse" not in names
    assert PYPROJECT["project"]["optional-dependencies"]["fast"] == ["resiliparse>=0.16"]
    assert "resiliparse>=0.16" in PYPROJECT["project"]["optional-dependencies"]["test"]


def test_readme_api_example_reads_a_file_of_the_repository_and_shows_its_values(monkeypatch):
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    path = re.search(r'open\("([^"]+)"', code).group(1)
    assert (ROOT / path).is_file()
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(code, namespace)  # the example as a user pastes it, from the repository root
    article = namespace["article"]
    assert len(clean_articles(namespace["epaper"])) > 1
    shown = dict(re.findall(r"^(article\.\w+(?:\[0\])?)\s+# (.+)$", code, re.M))
    assert repr(article.title) == shown["article.title"]
    assert repr(article.subtitles[0]) == shown["article.subtitles"].split(", ...")[0].lstrip("(")
    assert repr(article.removed[0]) == shown["article.removed[0]"]
    assert repr((article.source, article.date, article.editor, article.authors))[1:-1] == re.search(
        r"# ('.*\))$", code, re.M
    ).group(1)


def test_docs_name_only_paths_that_exist():
    for doc in ("docs/html-benchmark.md", "docs/cli.md", "docs/robustness.md", "README.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        for path in re.findall(r"`((?:fixtures|benchmarks|docs|src|tests)/[^`* ]*)`", text):
            assert (ROOT / path.rstrip("/")).exists(), f"{doc} names {path}"
        assert "/work/" not in text.replace("default `/work/shared/english/`", ""), doc
