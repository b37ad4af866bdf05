"""`cleanscrape spark`: the batch command's inputs and records, on a Spark cluster (or local[*]).

The wiring only: inputs are sorted into the three ways into the Spark engine (engines.spark),
the resulting DataFrames are unioned and written by Spark (a directory of part files). On a
real cluster, spark-submit a two-line driver that calls `main()` (see the README); --master is
then left to spark-submit.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cleanscrape.cli.exit_codes import ExitCode
from cleanscrape.cli.options import (
    CommandParser,
    add_input_field_arguments,
    add_input_format_argument,
    add_loudness_arguments,
    add_max_bytes_argument,
    add_settings_arguments,
    is_quiet,
    jsonl_fields_from_args,
    max_bytes_from_args,
    settings_with_size_limit,
)
from cleanscrape.engines import spark as engine
from cleanscrape.io.discovery import InputFile, UsageError, check_inputs, iter_input_files
from cleanscrape.io.jsonl import JsonlFields

PROG = "cleanscrape spark"
# JSONL that Spark's text reader can open itself (Hadoop knows gzip and bzip2, not xz); other
# JSONL goes through the batch reader in one task per file, like WARC.
_SPARK_TEXT_COMPRESSIONS = (None, "gz", "bz2")
_SPARK_JSONL_NAMES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.bz2", ".ndjson.bz2")


def add_spark_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `spark` on the main CLI's subparsers; the caller dispatches to args.run(args, out)."""
    parser = subparsers.add_parser(
        "spark", help="clean many documents on Apache Spark (needs cleanscrape[spark])",
        description="Clean documents on Spark into a directory of Parquet or JSONL part files "
                    "(the same records as `cleanscrape batch`, in no particular order).")
    configure_parser(parser)
    parser.set_defaults(run=lambda args, out: run_spark(args))
    return parser


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, directories, globs (.txt .html .jsonl .warc .warc.wet.gz ..., as for batch), "
                             "*.parquet files or directories; jsonl/parquet may also be URIs (s3a://, hdfs://)")
    parser.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                        help="output directory (Spark writes part files); must not exist")
    parser.add_argument("--format", choices=("parquet", "jsonl"), default="parquet",
                        help="parquet: typed columns plus the JSON record (default); "
                             "jsonl: the records, as batch writes them")
    parser.add_argument("--master", default=None,
                        help="Spark master, e.g. local[*] (default: spark-submit's, else local[*])")
    parser.add_argument("--per-article", action="store_true", help="one row per article instead of per page")
    add_input_field_arguments(parser, "JSONL/Parquet input fields")
    add_input_format_argument(parser)
    add_max_bytes_argument(parser, failures="error rows")
    add_loudness_arguments(parser)
    add_settings_arguments(parser)
    return parser


@dataclass
class InputPlan:
    """The inputs sorted by the way they enter Spark."""

    files: list[InputFile] = field(default_factory=list)  # one task per file, the batch reader
    jsonl: list[str] = field(default_factory=list)  # Spark's text reader
    parquet: list[str] = field(default_factory=list)  # Spark's Parquet reader


def plan_inputs(inputs: Sequence[str], input_format: str | None = None) -> InputPlan:
    """Sort INPUT arguments; raises UsageError for what cannot be read (before Spark starts).
    `input_format` (--input-format) reads every input as that format, whatever its name says."""
    plan = InputPlan()
    local: list[str] = []
    for arg in inputs:
        if arg == "-":
            raise UsageError("stdin (-) cannot be read on Spark; give files")
        name = arg.rstrip("/").lower()
        uri = "://" in arg
        if (name.endswith(".parquet") and input_format in (None, "parquet")) or (uri and input_format == "parquet"):
            if not uri and not os.path.exists(arg):
                raise UsageError(f"no such file or directory: {arg}")
            plan.parquet.append(arg)
        elif uri:
            named_jsonl = input_format is None and name.endswith(_SPARK_JSONL_NAMES)
            if not (named_jsonl or input_format == "jsonl"):
                raise UsageError(f"only JSONL and Parquet can be read from a URI: {arg}")
            plan.jsonl.append(arg)
        else:
            local.append(arg)
    if local:
        check_inputs(local, input_format)
        for item in iter_input_files(local, input_format):
            if item.format == "jsonl" and item.compression in _SPARK_TEXT_COMPRESSIONS:
                plan.jsonl.append(os.path.abspath(item.path))
            else:
                plan.files.append(item)
    return plan


def run_spark(args: argparse.Namespace, *, spark: Any = None) -> ExitCode:
    """Run `cleanscrape spark` for parsed `args`. Uses `spark` if given (and leaves it running)."""
    try:
        plan = plan_inputs(args.inputs, args.input_format)
        if "://" not in args.output and os.path.exists(args.output):
            raise UsageError(f"output {args.output} exists; remove it or name another")
        options = _options(args)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        import pyspark  # noqa: F401 - only to say clearly what is missing
    except ImportError as error:
        print(f"{PROG}: error: {error}; install it with: pip install 'cleanscrape[spark]'", file=sys.stderr)
        return ExitCode.USAGE
    started = time.monotonic()
    session = spark or engine.local_session(args.master)
    ready = time.monotonic()
    try:
        frame = cleaned_frame(session, plan, options, jsonl_fields_from_args(args))
        write(frame, args.output, args.format)
        if not is_quiet(args):
            counts = count_kinds(session, args.output, args.format)
            print(summary_line(counts, start_up=ready - started, run=time.monotonic() - ready), file=sys.stderr)
    except Exception as error:  # noqa: BLE001 - a failed job (disk full, lost cluster): one line, exit 1
        print(f"{PROG}: error: the Spark job failed: {type(error).__name__}: {short_error(str(error))}",
              file=sys.stderr)
        return ExitCode.FAILED
    finally:
        if spark is None:
            engine.stop_session(session)  # the JVM too: nothing left running after the command
    return ExitCode.OK


def cleaned_frame(spark: Any, plan: InputPlan, options: engine.CleanOptions, fields: JsonlFields) -> Any:
    """One DataFrame of output rows for all inputs (each part has the same columns)."""
    frames = []
    if plan.files:
        frames.append(engine.clean_files(spark, plan.files, options=options, fields=fields))
    if plan.jsonl:
        frames.append(engine.clean_jsonl(spark, plan.jsonl, options=options, fields=fields))
    if plan.parquet:
        frames.append(engine.clean_parquet(spark, plan.parquet, options=options, fields=fields))
    frame = frames[0]
    for other in frames[1:]:
        frame = frame.unionByName(other)
    return frame


def write(frame: Any, output: str, fmt: str) -> None:
    if fmt == "jsonl":
        # The record column is the batch command's JSON line: part files concatenate to its output.
        frame.select("record").write.text(output)
    else:
        frame.write.parquet(output)


def count_kinds(spark: Any, output: str, fmt: str) -> dict[str, int]:
    """Rows per kind ("error" for error rows), read back from the output: cheap next to cleaning."""
    from pyspark.sql import functions as F

    if fmt == "jsonl":
        rows = spark.read.text(output).select(F.get_json_object("value", "$.kind").alias("kind"),
                                              F.get_json_object("value", "$.error.type").alias("error"))
    else:
        rows = spark.read.parquet(output).select("kind", F.col("error.type").alias("error"))
    kinds = rows.select(F.when(F.col("error").isNotNull(), "error").otherwise(F.col("kind")).alias("k"))
    return {row["k"]: row["count"] for row in kinds.groupBy("k").count().collect()}


def short_error(message: str) -> str:
    """The line that says what went wrong: a Python worker's exception line, else the first line."""
    lines = message.splitlines()
    after_traceback = False
    for line in lines:
        if line.startswith("Traceback"):
            after_traceback = True
        elif after_traceback and line and not line[0].isspace():
            return line  # the exception line that ends the worker's traceback
    return lines[0] if lines else message


def summary_line(counts: dict[str, int], *, start_up: float, run: float) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{counts.get(kind, 0)} {label}" for kind, label in
                      (("article", "articles"), ("listing", "listings"), ("empty", "empty"), ("error", "errors")))
    return f"{PROG}: {total} rows, {parts}; Spark start-up {start_up:.1f} s, job {run:.1f} s"


def _options(args: argparse.Namespace) -> engine.CleanOptions:
    return engine.make_options(settings_with_size_limit(args), max_bytes=max_bytes_from_args(args),
                               per_article=args.per_article, content_type=args.content_type)


def main(argv: Sequence[str] | None = None, *, spark: Any = None) -> int:
    parser = configure_parser(CommandParser(prog=PROG))
    return run_spark(parser.parse_args(argv), spark=spark)


if __name__ == "__main__":
    sys.exit(main())
