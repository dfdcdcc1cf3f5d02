import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_NAMES = sorted(p.stem for p in SEEDS.glob("*.txt"))


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def seed_expected(name: str) -> list[dict]:
    return json.loads((SEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))["articles"]


@pytest.fixture(params=SEED_NAMES)
def seed_name(request):
    return request.param


def plain(fields):
    """What a line says, as plain data (the metadata readers answer with
    read-only mappings and tuples)."""
    if fields is None:
        return None
    return {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}
