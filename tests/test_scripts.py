"""Traditional script first-class: every development page, converted to
Taiwan (s2twp) and Hong Kong (s2hk) characters with OpenCC, gives what its
simplified original gives, converted (benchmarks/bench_scripts.py). The only
differences are the conversion's own, named here."""
import pytest

from benchmarks.bench_scripts import compare

# OpenCC converts a gallery page's text but not the ``\u`` escapes of the
# script that holds its slides; s2twp renames an outlet (参考消息 -> 參考訊息).
KNOWN = {
    "s2twp": {("html", "pages/toutiao_2", "body"), *{(m, "pages/sina_1", "source") for m in ("w3m", "lynx", "inscriptis")}},
    "s2hk": {("html", "pages/toutiao_2", "body")},
}


@pytest.mark.parametrize("config", sorted(KNOWN))
def test_a_page_in_traditional_script_gives_the_same(config):
    results = compare(config, corpora=("pages",))
    found = {(mode, where, field) for mode, row in results.items() for where, field, _, _ in row["differences"]}
    assert found == KNOWN[config], {"new": sorted(found - KNOWN[config]), "gone": sorted(KNOWN[config] - found)}
