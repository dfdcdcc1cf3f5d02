"""``clean_frame``: one pandas function for Spark, Ray and Dask."""
import gc
import math

import pandas as pd
import pytest

from boilerstrip import Options
from boilerstrip.integrations.core import article_fields, clean_page
from boilerstrip.integrations.frame import COLUMNS, SPARK_SCHEMA, clean_frame

from .conftest import SEEDS
from .warc_data import HTML_PAGES

EPAPER = SEEDS / "001_7d4affe2e832ce19.txt"  # three articles
HEXUN = next(p for p in HTML_PAGES if p.parent.name == "hexun_1")  # GBK bytes


@pytest.fixture(autouse=True, scope="module")
def collect_garbage_at_the_end():
    """Leave no cyclic garbage (pyarrow, pandas, datatrove) for a later
    test to collect inside its own timing."""
    yield
    gc.collect()


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "html": [EPAPER.read_text(encoding="utf-8"), HEXUN.read_bytes(), None, "", 42],
            "url": ["http://e/", "http://h/", None, math.nan, None],
            "charset": [None, "gb2312", None, None, None],
            "id": ["e", "h", "null", "blank", "int"],
        },
        index=[10, 11, 12, 13, 14],
    )


def expected_row(page, **keywords) -> dict:
    articles, _ = clean_page(page, **keywords)
    return {**article_fields(articles[0]), "article_index": 0, "article_count": len(articles), "error": None}


def test_one_row_per_input_row_with_the_lead_article():
    df = frame()
    out = clean_frame(df, url_column="url", charset_column="charset", keep_columns=["id"])
    assert list(out.columns) == ["id", *COLUMNS]
    assert list(out.index) == [10, 11, 12, 13, 14] and list(out["id"]) == list(df["id"])
    rows = out.drop(columns="id").astype(object).where(out.drop(columns="id").notna(), None).to_dict("records")
    assert rows[0] == expected_row(df["html"][10], url="http://e/")
    assert rows[0]["article_count"] == 3 and rows[0]["title"] == "重庆市代表团赴西藏昌都市考察对口支援工作"
    assert rows[1] == expected_row(HEXUN.read_bytes(), url="http://h/", charset="gb2312")
    assert rows[1]["title"] == "交通运输部：着力打造京津冀区域综合立体交通网络"
    assert isinstance(rows[1]["authors"], list) and isinstance(rows[1]["removed"], list)
    assert rows[1]["removed"][0].keys() == {"text", "detector", "line"}
    # no article: the page's warnings; bad values: an error, and the run goes on
    assert (rows[3]["warnings"], rows[3]["article_count"], rows[3]["error"]) == (["empty input: no text to clean"], 0, None)
    assert rows[2]["error"] == "no page: the value is null"
    assert rows[4]["error"] == "page must be str or bytes, not int"
    assert rows[4]["title"] is None and rows[4]["authors"] == [] and rows[4]["article_count"] is None


def test_all_articles_gives_one_row_per_article():
    df = frame().iloc[:2]
    out = clean_frame(df, url_column="url", charset_column="charset", keep_columns=["id"], all_articles=True)
    articles, _ = clean_page(df["html"][10], url="http://e/")
    assert list(out.index) == [10, 10, 10, 11] and list(out["id"]) == ["e", "e", "e", "h"]
    assert list(out["title"][:3]) == [a.title for a in articles]
    assert list(out["article_index"]) == [0, 1, 2, 0] and list(out["article_count"]) == [3, 3, 3, 1]


def test_options_url_and_charset_reach_the_library(monkeypatch):
    calls = []

    def spy(page, **keywords):
        calls.append(keywords)
        return clean_page(page, **keywords)

    monkeypatch.setattr("boilerstrip.integrations.frame.clean_page", spy)
    options = Options(keep_removed=False)
    clean_frame(frame().iloc[:2], url_column="url", charset_column="charset", options=options)
    assert calls == [
        {"url": "http://e/", "options": options, "charset": None},
        {"url": "http://h/", "options": options, "charset": "gb2312"},
    ]


def test_an_empty_frame_gives_the_columns_and_a_missing_column_is_named():
    empty = clean_frame(frame().head(0), keep_columns=["id"])
    assert list(empty.columns) == ["id", *COLUMNS] and len(empty) == 0
    with pytest.raises(KeyError, match="no column 'page'"):
        clean_frame(frame(), column="page")


def test_the_spark_schema_names_every_column():
    names = [part.strip().split(" ")[0] for part in SPARK_SCHEMA.split(", ") if ":" not in part.split(" ")[0]]
    assert [n for n in names if n in COLUMNS] == list(COLUMNS)


def test_dask_map_partitions_calls_the_same_function():
    import dask.dataframe as dd

    df = frame().iloc[:2]
    ddf = dd.from_pandas(df, npartitions=2)
    meta = clean_frame(df.head(0), url_column="url", keep_columns=["id"])
    out = ddf.map_partitions(clean_frame, url_column="url", charset_column="charset", keep_columns=["id"], meta=meta)
    got = out.compute(scheduler="synchronous")
    want = clean_frame(df, url_column="url", charset_column="charset", keep_columns=["id"])
    # dask stores the input's text columns as pyarrow strings: same values, other dtype
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
