"""WARC files -> boilerstrip -> Parquet, with Spark (``mapInPandas``).

    pip install 'boilerstrip[warc,spark]'
    PYSPARK_PYTHON=$(which python) python examples/spark_warc.py OUT_DIR crawl/*.warc.gz

Each WARC file is one Spark partition: its page records are read with
``boilerstrip.warc.pages`` (the HTTP charset kept beside the bytes) and
cleaned batch by batch by ``clean_frame``, the function Ray and Dask call too.
On a cluster, the paths must be readable from every executor.
"""
from __future__ import annotations

import sys
from pathlib import Path

from boilerstrip.integrations.frame import SPARK_SCHEMA, clean_frame
from boilerstrip.warc import pages

PAGE_SCHEMA = "url string, record_id string, warc_date string, offset long, html binary, charset string"
KEEP = ["record_id", "url", "warc_date"]


def clean_batches(batches):
    for batch in batches:
        yield clean_frame(batch, column="html", url_column="url", charset_column="charset", keep_columns=KEEP)


def clean_warcs(spark, paths: list[str]):
    """A Spark DataFrame: one row per page record, the lead article's fields as columns."""
    rows = spark.sparkContext.parallelize(paths, len(paths)).flatMap(pages)
    frame = spark.createDataFrame(rows, PAGE_SCHEMA)
    return frame.mapInPandas(clean_batches, schema="record_id string, url string, warc_date string, " + SPARK_SCHEMA)


if __name__ == "__main__":
    from pyspark.sql import SparkSession

    out, *paths = sys.argv[1:]
    spark = SparkSession.builder.appName("boilerstrip").getOrCreate()
    clean_warcs(spark, [str(Path(path).resolve()) for path in paths]).write.mode("overwrite").parquet(out)
    spark.stop()
