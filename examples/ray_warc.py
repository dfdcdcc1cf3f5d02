"""WARC files -> boilerstrip -> Parquet, with Ray Data (``map_batches``).

    pip install 'boilerstrip[warc,ray]'
    python examples/ray_warc.py OUT_DIR crawl/*.warc.gz

Each WARC file's page records are read with ``boilerstrip.warc.pages`` and
cleaned batch by batch by ``clean_frame``, the function Spark and Dask call
too. ``map_batches`` runs a plain function as Ray tasks, which share the CPUs
with the reading tasks. (An actor pool, ``map_batches(SomeClass,
concurrency=N)``, holds its CPUs for good: on 2 cores, two actors leave none
for the reader and the job hangs; keep ``N`` below the CPU count.)
"""
from __future__ import annotations

import sys
from pathlib import Path

from boilerstrip.integrations.frame import clean_frame
from boilerstrip.warc import pages

KEEP = ["record_id", "url", "warc_date"]


def clean_batch(batch):
    return clean_frame(batch, column="html", url_column="url", charset_column="charset", keep_columns=KEEP)


def clean_warcs(paths: list[str]):
    """A Ray Dataset: one row per page record, the lead article's fields as columns."""
    import ray

    records = ray.data.from_items([{"path": path} for path in paths]).flat_map(lambda row: pages(row["path"]))
    return records.map_batches(clean_batch, batch_format="pandas", batch_size=16)


if __name__ == "__main__":
    import ray

    out, *paths = sys.argv[1:]
    ray.init()
    clean_warcs([str(Path(path).resolve()) for path in paths]).write_parquet(out)
