"""The Spark and Ray recipes (examples/spark_warc.py, examples/ray_warc.py,
shown in docs/engines.md) run on this machine: Spark ``local[2]``, Ray with
two CPUs. They give the rows ``clean_frame`` gives on the same WARCs.

Marked ``engines`` (a JVM and a Ray cluster take seconds to start):
``pytest -m "not engines"`` leaves them out locally; CI runs them.
"""
import gc
import importlib.util
import os
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from boilerstrip.integrations.frame import clean_frame
from boilerstrip.warc import pages

from .warc_data import crawl_warc

ROOT = Path(__file__).resolve().parent.parent
KEEP = ["record_id", "url", "warc_date"]

pytestmark = pytest.mark.engines


@pytest.fixture(autouse=True)
def collect_the_engines_garbage():
    """Ray and Spark leave much cyclic garbage in this process: collect it
    here, or the next test pays for it inside its own timing (one full
    collection made test_linear_time's first 200 KB page 4x slower)."""
    yield
    gc.collect()


def example(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def warcs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("crawl")
    return [str(crawl_warc(folder / "a.warc.gz")), str(crawl_warc(folder / "b.warc", bad=False))]


def expected(warcs: list[str]) -> list[dict]:
    """What the recipes must give: clean_frame on every page record, in order."""
    frame = pd.DataFrame([row for path in warcs for row in pages(path)])
    out = clean_frame(frame, column="html", url_column="url", charset_column="charset", keep_columns=KEEP)
    return plain(out.to_dict("records"))


def plain(rows: list[dict]) -> list[dict]:
    """Rows as plain Python values (lists, None), whatever the engine gave."""

    def value(v):
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return None
        if hasattr(v, "asDict"):  # a Spark Row
            return {k: value(x) for k, x in v.asDict().items()}
        if isinstance(v, dict):
            return {k: value(x) for k, x in v.items()}
        if hasattr(v, "tolist") and not isinstance(v, (int, float)):  # numpy arrays and scalars
            v = v.tolist()
        if isinstance(v, (list, tuple)):
            return [value(x) for x in v]
        return v

    return [{k: value(v) for k, v in row.items()} for row in rows]


def test_spark_recipe_on_local_2(warcs):
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers run this interpreter
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]").appName("boilerstrip-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        rows = example("spark_warc").clean_warcs(spark, warcs).collect()
    finally:
        spark.stop()
    got = plain([row.asDict() for row in rows])
    assert got == expected(warcs)
    gbk = next(row for row in got if row["url"] == "http://gbk.example.com/a.html")
    assert gbk["title"] == "重庆市代表团赴西藏昌都市考察对口支援工作" and gbk["article_count"] == 3


def test_ray_recipe_with_two_cpus(warcs):
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        rows = example("ray_warc").clean_warcs(warcs).take_all()
    finally:
        ray.shutdown()
    got = plain(rows)
    # Ray Data's blocks may come back in any order: compare them sorted
    key = lambda row: (row["record_id"], row["url"])  # noqa: E731
    assert sorted(got, key=key) == sorted(expected(warcs), key=key)


@pytest.mark.parametrize("name", ["spark_warc", "ray_warc"])
def test_the_recipes_in_the_docs_are_the_examples(name):
    docs = (ROOT / "docs" / "engines.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", docs, flags=re.DOTALL)
    source = (ROOT / "examples" / f"{name}.py").read_text(encoding="utf-8")
    body = source.split('"""', 2)[2].lstrip("\n")  # the code after the docstring
    assert body in blocks, f"docs/engines.md does not show examples/{name}.py as it is"
