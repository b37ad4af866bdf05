"""Throughput of `cleanscrape spark --master local[N]` against `cleanscrape batch --workers N`.

    python -m benchmarks.spark_speed /path/to/article-extraction-benchmark/html [--cores 2] [--compare-rdd]

Both commands run as subprocesses over the same files (a benchmark, not a test: nothing is
asserted). Spark's start-up (JVM, session) is reported apart from its job, since it is paid once
per run whatever the size of the input. --compare-rdd also times, in one session, the engine's
per-file work done with mapInArrow (Arrow batches in and out) against the engine's way,
RDD mapPartitions + pickled rows.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def count_documents(directory: str) -> int:
    from cleanscrape.io.discovery import iter_input_files

    return sum(1 for _ in iter_input_files([directory]))


def run_batch(directory: str, cores: int, work: Path) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "cleanscrape.cli.main", "batch", directory, "-o", str(work / "batch.jsonl"),
                    "--workers", str(cores), "-q"], check=True, env=_env())
    return time.monotonic() - started


def run_spark(directory: str, cores: int, work: Path) -> tuple[float, float, float]:
    """(wall time of the command, Spark start-up, job) from the command's summary line."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "cleanscrape.cli.main", "spark", directory, "-o", str(work / "spark"),
                           "--master", f"local[{cores}]", "--format", "jsonl"],
                          check=True, env=_env(), stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    match = re.search(r"Spark start-up ([0-9.]+) s, job ([0-9.]+) s", done.stderr)
    if not match:
        raise RuntimeError(f"no summary line in: {done.stderr[-2000:]}")
    return wall, float(match.group(1)), float(match.group(2))


def compare_rdd(directory: str, cores: int, work: Path, rounds: int) -> dict[str, list[float]]:
    """The same files, tasks and clean_record, two ways to run a partition: seconds per run."""
    from pyspark.sql.types import StringType, StructField, StructType

    from cleanscrape.engines.spark import (
        chunked,
        clean_files,
        file_groups,
        local_session,
        make_options,
        output_arrow_schema,
        output_schema,
        stop_session,
    )
    from cleanscrape.io.discovery import InputFile, iter_input_files
    from cleanscrape.io.jsonl import JsonlFields
    from cleanscrape.io.readers import ReadOptions, read_file

    files = list(iter_input_files([directory]))
    options = make_options()
    spark = local_session(f"local[{cores}]", ui=False)
    spark.sparkContext.setLogLevel("ERROR")

    def arrow_partition(batches):  # the Arrow way: paths in as Arrow, rows out as Arrow batches
        import pyarrow as pa

        schema = output_arrow_schema()
        read_options = ReadOptions(fields=JsonlFields(), max_bytes=options.max_bytes)
        for batch in batches:
            for values in batch.to_pylist():
                rows = (row for doc in read_file(InputFile(**values), read_options) for row in options.clean(doc))
                for chunk in chunked(rows, 64):
                    yield pa.RecordBatch.from_pylist(chunk, schema=schema)

    groups = file_groups(files, spark.sparkContext.defaultParallelism)  # the same tasks as the engine
    # file_groups' rows are InputFile's fields, in order: the Arrow path reads them back as InputFiles.
    path_fields = ("path", "relative", "format", "compression")
    path_schema = StructType([StructField(name, StringType()) for name in path_fields])
    times: dict[str, list[float]] = {"mapInArrow": [], "mapPartitions": []}
    try:
        for attempt in range(rounds + 1):  # the first round warms the Python workers and is dropped
            order = list(times) if attempt % 2 else list(reversed(times))  # alternate: no fixed first place
            for name in order:
                started = time.monotonic()
                if name == "mapInArrow":
                    rdd = spark.sparkContext.parallelize(groups, numSlices=len(groups)).flatMap(lambda g: g)
                    paths = spark.createDataFrame(rdd, path_schema)
                    frame = paths.mapInArrow(arrow_partition, output_schema())
                else:
                    frame = clean_files(spark, files, options=options)  # the engine: mapPartitions
                frame.write.mode("overwrite").parquet(str(work / f"cmp-{name}"))
                if attempt:
                    times[name].append(time.monotonic() - started)
    finally:
        stop_session(spark)
    return times


def _env() -> dict[str, str]:
    # the checkout's cleanscrape, for the commands and for Spark's Python workers
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p),
            "SPARK_LOCAL_IP": os.environ.get("SPARK_LOCAL_IP", "127.0.0.1")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", help="a directory of pages, e.g. the benchmark's html/ (181 .html.gz)")
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--compare-rdd", action="store_true", help="also time mapInArrow against mapPartitions")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds of --compare-rdd")
    args = parser.parse_args()
    os.environ.update(_env())
    documents = count_documents(args.directory)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        batch = run_batch(args.directory, args.cores, work)
        wall, start_up, job = run_spark(args.directory, args.cores, work)
        print(f"{documents} documents, {args.cores} cores")
        print(f"batch --workers {args.cores}:    {batch:6.1f} s  {documents / batch:6.1f} docs/s (whole command)")
        print(f"spark --master local[{args.cores}]: {job:6.1f} s  {documents / job:6.1f} docs/s (job; "
              f"start-up {start_up:.1f} s more, whole command {wall:.1f} s = {documents / wall:.1f} docs/s)")
        print(f"spark job time / batch time: {job / batch:.2f}x; per core: {documents / job / args.cores:.2f} docs/s")
        if args.compare_rdd:
            for name, seconds in compare_rdd(args.directory, args.cores, work, args.rounds).items():
                print(f"{name:14} " + ", ".join(f"{s:.1f} s" for s in seconds)
                      + f"  (best {documents / min(seconds):.1f} docs/s)")


if __name__ == "__main__":
    main()
