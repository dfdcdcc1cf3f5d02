"""WARC files -> boilerstrip -> JSONL and Parquet, as a datatrove pipeline.

    pip install 'boilerstrip[datatrove]' 'datatrove[io]'
    python examples/datatrove_pipeline.py CRAWL_DIR OUT_DIR [--tasks 4] [--workers 2]

Reads every ``*.warc``/``*.warc.gz`` under CRAWL_DIR with datatrove's
``WarcReader`` (one Document per HTML response), cleans each page with
``BoilerstripStep`` (the body in ``text``, title, date, source, editor,
authors, captions, confidence and warnings in ``metadata["article_*"]``), and
writes OUT_DIR/jsonl/ and OUT_DIR/parquet/ (with an explicit schema, so every
file has the same columns). Stats and logs go to OUT_DIR/logs/.

The pipeline is a plain list; to run it on a cluster, swap the executor and
keep the list::

    from datatrove.executor import SlurmPipelineExecutor
    SlurmPipelineExecutor(pipeline=pipeline(crawl, out), tasks=1000, time="10:00:00",
                          partition="cpu", logging_dir=f"{out}/logs", job_name="boilerstrip").run()

    from datatrove.executor import RayPipelineExecutor   # datatrove[ray]
    RayPipelineExecutor(pipeline=pipeline(crawl, out), tasks=1000, logging_dir=f"{out}/logs").run()

datatrove starts its local workers with forkserver: the ``__main__`` guard at
the bottom is required.
"""
from __future__ import annotations

import argparse

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter, ParquetWriter

from boilerstrip.integrations.datatrove import BoilerstripStep, parquet_schema


def pipeline(crawl: str, out: str, *, timeout: float = 5.0) -> list:
    return [
        WarcReader(crawl, glob_pattern="*.warc*"),
        BoilerstripStep(timeout=timeout),
        JsonlWriter(f"{out}/jsonl"),
        ParquetWriter(f"{out}/parquet", schema=parquet_schema()),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("crawl", help="folder of WARC files")
    parser.add_argument("out", help="output folder")
    parser.add_argument("--tasks", type=int, default=1, help="shards of the input (default 1)")
    parser.add_argument("--workers", type=int, default=1, help="tasks run at once (default 1)")
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds a page may take (default 5)")
    args = parser.parse_args()
    executor = LocalPipelineExecutor(
        pipeline=pipeline(args.crawl, args.out, timeout=args.timeout),
        tasks=args.tasks,
        workers=args.workers,
        logging_dir=f"{args.out}/logs",
    )
    executor.run()


if __name__ == "__main__":
    main()
