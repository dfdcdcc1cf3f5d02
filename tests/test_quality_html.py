"""Quality gate for HTML mode: the dev pages (fixtures/pages/*/page.html)
must not score below the floors pinned in benchmarks/floors.json["html"].

A floor is raised when quality improves and never lowered without saying why
in the commit. The English benchmark is a benchmark only
(benchmarks/bench_html.py), not a gate.
"""
import json
from pathlib import Path

import pytest

from benchmarks import score
from boilerstrip import clean_article

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "fixtures" / "pages").glob("*/page.html"))
FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))["html"]
FIELDS = ("title", "date", "source", "editor", "authors")


def _ok(field, gold, got):
    if field == "date":
        return score.date_match(gold, got) if gold else None
    if field != "title" and not gold:
        return None
    return score.norm_meta(gold) == score.norm_meta(got)


@pytest.fixture(scope="module")
def results():
    if not PAGES:
        pytest.skip("fixtures/pages not available")
    pairs, hits = [], {field: [] for field in FIELDS}
    for path in PAGES:
        gold = json.loads((path.parent / "gold.json").read_text(encoding="utf-8"))
        article = clean_article(path.read_bytes())
        pairs.append((gold["body"], article.body))
        for field in FIELDS:
            ok = _ok(field, gold.get(field), getattr(article, field))
            if ok is not None:
                hits[field].append(ok)
    rates = {field: sum(v) / len(v) for field, v in hits.items() if v}
    return score.score(pairs), rates


def test_body_f1_floor(results):
    body, _ = results
    assert body["f1"] >= FLOORS["f1"], f"dev-page body F1 {body['f1']:.3f} < floor {FLOORS['f1']}"


def test_body_precision_and_recall_floors(results):
    body, _ = results
    assert body["precision"] >= FLOORS["precision"]
    assert body["recall"] >= FLOORS["recall"]


@pytest.mark.parametrize("field", FIELDS)
def test_metadata_floor(results, field):
    _, rates = results
    assert rates.get(field, 0.0) >= FLOORS[field], f"{field}: {rates.get(field, 0.0):.3f} < floor {FLOORS[field]}"
