"""The Spark engine: the one cleaning path (`engines.record.clean_record`) on Spark executors.

Three ways in, one way through:
- `clean_dataframe(df, ...)`: a DataFrame you already have (Parquet, JSON, a table); the page
  columns are added next to the input columns.
- `clean_files(spark, files, ...)`: WARC/WET, .txt and .html files, one Spark task per file,
  each task streaming its file with the batch command's reader (`io.readers.read_file`).
- `clean_jsonl(spark, paths, ...)`: JSONL read by Spark's own text reader (large plain files are
  split across tasks), each line parsed by the batch command's parser (`io.jsonl.parse_line`);
  `clean_parquet` does the same with Parquet rows turned into JSON lines.

Work happens per partition: the cleaner is resolved once per partition (and imported once per
Python worker). DataFrames and JSONL lines go through `mapInArrow` (rows travel as Arrow
batches of `BATCH_ROWS` rows, input columns pass through untouched); files go through
`mapPartitions`, which measured even with mapInArrow there and is simpler (see `clean_files`).

Nothing here runs at import time on the executors except imports: settings are built once on
the driver and shipped inside the picklable partition functions.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cleanscrape.engines.record import clean_record
from cleanscrape.io.discovery import InputFile
from cleanscrape.io.document import InputDocument
from cleanscrape.io.jsonl import DEFAULT_FIELDS, JsonlFields, parse_line
from cleanscrape.io.readers import ReadOptions, read_file
from cleanscrape.io.rows import OUTPUT_COLUMNS, OUTPUT_NAMES, output_arrow_schema, record_rows
from cleanscrape.settings import Settings

if TYPE_CHECKING:  # pyspark is an optional extra: `pip install 'cleanscrape[spark]'`
    import pyarrow
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

# Rows per Arrow batch going out of a task. Pages are large (the record holds the text twice:
# as a column and inside the JSON), so small batches keep an executor's memory flat.
BATCH_ROWS = 64
# Spark's default of 10,000 rows per *incoming* Arrow batch would hold 10,000 raw HTML pages in
# memory at once; engine sessions (`local_session`) lower it to this.
INPUT_BATCH_ROWS = 256

# ------------------------------------------------------------------------------------ schemas

def output_schema() -> StructType:
    """The Spark schema of the page columns (see `io.rows.OUTPUT_COLUMNS`)."""
    from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

    def spark_type(kind: str) -> Any:
        if kind == "int":
            return IntegerType()
        if kind == "strings":
            return ArrayType(StringType())
        if kind == "error":
            return StructType([StructField("type", StringType()), StructField("message", StringType())])
        return StringType()

    return StructType([StructField(name, spark_type(kind)) for name, kind in OUTPUT_COLUMNS])


# ------------------------------------------------------------------------------------ settings

@dataclass(frozen=True)
class CleanOptions:
    """What every partition function needs; built and validated once on the driver, then pickled."""

    settings: Settings | None = None  # None: the defaults
    max_bytes: int | None = None
    per_article: bool = False
    content_type: str | None = None  # overrides what a reader inferred, like batch --content-type

    def clean(self, doc: InputDocument) -> list[dict[str, Any]]:
        """One document to its output rows: the batch command's record, seen as table rows."""
        record = clean_record(doc, self.settings, max_bytes=self.max_bytes, content_type=self.content_type)
        return record_rows(record, per_article=self.per_article)


def make_options(options: Any = None, *, max_bytes: int | None = None, per_article: bool = False,
                 content_type: str | None = None) -> CleanOptions:
    """Invalid options (a bad regex) fail here, on the driver, not in 1,000 tasks."""
    return CleanOptions(Settings.from_options(options), max_bytes, per_article, content_type)


# ------------------------------------------------------------------------------------ DataFrames

def clean_dataframe(df: DataFrame, *, text_col: str | None = None, html_col: str | None = None,
                    id_col: str | None = None, per_article: bool = False, options: Any = None,
                    max_bytes: int | None = None) -> DataFrame:
    """`df` with the page columns added: kind, language, title, text, published, ..., error, record.

    The body is `html_col` (cleaned as HTML) when that is not null, else `text_col` (plain text);
    string and binary columns both work (bytes are decoded as `cleanscrape.clean` decodes them).
    With neither given, columns named "html" and "text" are used if present. `id_col` becomes
    `source`. An input column whose name is also an output column is renamed `input_<name>`.
    `per_article=True` gives one row per article (the input columns repeated), like
    `cleanscrape batch --per-article`: a page without articles gives no row, an error one row.
    A row that cannot be cleaned gets `error` = {type, message}; it never fails the job.
    """
    names = df.columns
    if text_col is None and html_col is None:
        text_col = "text" if "text" in names else None
        html_col = "html" if "html" in names else None
    for label, column in (("text_col", text_col), ("html_col", html_col), ("id_col", id_col)):
        if column is not None and column not in names:
            raise ValueError(f"{label}={column!r} is not a column of the DataFrame (columns: {', '.join(names)})")
    if text_col is None and html_col is None:
        raise ValueError("give text_col or html_col: the DataFrame has no 'text' or 'html' column")
    renamed = input_column_names(names)
    from pyspark.sql.types import StructField, StructType

    input_fields = [StructField(new, field.dataType, field.nullable)
                    for new, field in zip(renamed, df.schema.fields, strict=True)]
    schema = StructType(input_fields + list(output_schema().fields))
    cleaner = _RowCleaner(tuple(names), tuple(renamed), text_col, html_col, id_col,
                          make_options(options, max_bytes=max_bytes, per_article=per_article))
    return df.mapInArrow(cleaner, schema)


def input_column_names(names: Sequence[str]) -> list[str]:
    """Input names, with those that clash with an output column renamed (text -> input_text)."""
    taken = {*OUTPUT_NAMES, *names}
    result: list[str] = []
    for name in names:
        if name in OUTPUT_NAMES:
            name = free_name(name, taken)
            taken.add(name)
        result.append(name)
    return result


def document_from_values(html: Any, text: Any, ident: Any) -> InputDocument:
    """One DataFrame row's document: HTML wins over text, as in the JSONL reader."""
    source = None if ident in (None, "") else str(ident)
    for body, content_type in ((html, "html"), (text, "text")):
        if body is not None:
            return InputDocument(source=source, data=body, content_type=content_type)  # type: ignore[arg-type]
    return InputDocument.failed(source, "MissingField", "row has neither a text nor an html value")  # type: ignore[arg-type]


@dataclass(frozen=True)
class _RowCleaner:
    """The mapInArrow function of `clean_dataframe`: input batches in, input + page columns out."""

    names: tuple[str, ...]
    renamed: tuple[str, ...]
    text_col: str | None
    html_col: str | None
    id_col: str | None
    options: CleanOptions

    def __call__(self, batches: Iterator[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        import pyarrow as pa

        out_schema = output_arrow_schema()  # built once per partition, not per row
        for batch in batches:
            for start in range(0, batch.num_rows, BATCH_ROWS):
                part = batch.slice(start, BATCH_ROWS)
                html = self._values(part, self.html_col)
                text = self._values(part, self.text_col)
                ids = self._values(part, self.id_col)
                origins: list[int] = []  # input row of each output row (per article: repeated)
                rows: list[dict[str, Any]] = []
                for index in range(part.num_rows):
                    for row in self.options.clean(document_from_values(html[index], text[index], ids[index])):
                        origins.append(index)
                        rows.append(row)
                inputs = part.take(pa.array(origins, type=pa.int64()))
                outputs = pa.RecordBatch.from_pylist(rows, schema=out_schema)
                yield pa.RecordBatch.from_arrays([*inputs.columns, *outputs.columns],
                                                 names=[*self.renamed, *OUTPUT_NAMES])

    def _values(self, batch: pyarrow.RecordBatch, column: str | None) -> list[Any]:
        if column is None:
            return [None] * batch.num_rows
        return batch.column(self.names.index(column)).to_pylist()


# ------------------------------------------------------------------------------------ files

def clean_files(spark: SparkSession, files: Iterable[InputFile], *, options: CleanOptions,
                fields: JsonlFields = DEFAULT_FIELDS) -> DataFrame:
    """One task per container file (WARC/WET, JSONL), pages pooled (`file_groups`); files streamed.

    Paths must be readable at the same place on every executor (local mode, or a shared mount).
    """
    groups = file_groups(list(files), spark.sparkContext.defaultParallelism)
    if not groups:
        return spark.createDataFrame([], output_schema())
    # One group per slice, then flattened: the partitioning (one task per group) survives.
    # mapPartitions, not mapInArrow: a few paths go in, so Arrow has no input to speed up, and
    # out of the task the two measured even (benchmarks/spark_speed.py --compare-rdd, 181 pages on
    # local[2]: 22.8/23.4 s against 23.5/20.8 s; cleaning is >95% of the time): the simpler one.
    rdd = spark.sparkContext.parallelize(groups, numSlices=len(groups)).flatMap(lambda group: group)
    return spark.createDataFrame(rdd.mapPartitions(_FileCleaner(options, fields)), output_schema())


def file_groups(files: Sequence[InputFile], parallelism: int, *, tasks_per_core: int = 4) -> list[list[tuple]]:
    """The files of each Spark task: every container (WARC/WET, JSONL) alone, single pages pooled.

    A container may hold 40,000 pages: alone in its task, it never waits behind another. A .txt
    or .html file is one page, and a task costs ~0.1-0.3 s of Spark overhead (measured: 181 pages
    in 181 tasks took 2.6x as long as in 8 tasks), so pages go round-robin into a few tasks per core.
    """
    rows = [(item.path, item.relative, item.format, item.compression) for item in files]
    containers = [[row] for row in rows if row[2] not in ("text", "html")]
    pages = [row for row in rows if row[2] in ("text", "html")]
    count = min(len(pages), max(1, parallelism * tasks_per_core))
    pooled = [pages[start::count] for start in range(count)] if pages else []
    return containers + pooled


@dataclass(frozen=True)
class _FileCleaner:
    options: CleanOptions
    fields: JsonlFields

    def __call__(self, files: Iterable[tuple]) -> Iterator[tuple]:
        read_options = ReadOptions(fields=self.fields, max_bytes=self.options.max_bytes)  # once per partition
        for path, relative, fmt, compression in files:
            for doc in read_file(InputFile(path, relative, fmt, compression), read_options):
                for row in self.options.clean(doc):
                    yield row_values(row)


def row_values(row: dict[str, Any]) -> tuple:
    """A row dict as the tuple createDataFrame expects (the error struct as a tuple too)."""
    error = row["error"]
    return tuple((error["type"], error["message"]) if name == "error" and error is not None else row[name]
                 for name in OUTPUT_NAMES)


def clean_jsonl(spark: SparkSession, paths: Sequence[str], *, options: CleanOptions,
                fields: JsonlFields = DEFAULT_FIELDS) -> DataFrame:
    """JSONL through Spark's text reader (.gz and .bz2 too); each line parsed as the batch reader does.

    One difference from batch: Spark does not know line numbers, so a record with neither an id
    nor a url is named by its file alone, where batch writes "file:line".
    """
    from pyspark.sql import functions as F

    lines = spark.read.text(list(paths)).select(F.input_file_name().alias("path"), "value")
    return lines.mapInArrow(_LineCleaner(options, fields), output_schema())


def clean_parquet(spark: SparkSession, paths: Sequence[str], *, options: CleanOptions,
                  fields: JsonlFields = DEFAULT_FIELDS) -> DataFrame:
    """Parquet through Spark's reader, each row read as the JSONL record it would be.

    Turning a row into a JSON line means the id/url/meta rules of JSONL input apply unchanged
    (one rule for both formats); body fields must be strings. To keep the input columns beside
    the output instead, use `clean_dataframe(spark.read.parquet(...))`.
    """
    from pyspark.sql import functions as F

    rows = spark.read.parquet(*paths)
    lines = rows.select(F.input_file_name().alias("path"), F.to_json(F.struct(*rows.columns)).alias("value"))
    return lines.mapInArrow(_LineCleaner(options, fields), output_schema())


@dataclass(frozen=True)
class _LineCleaner:
    options: CleanOptions
    fields: JsonlFields

    def __call__(self, batches: Iterator[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        import pyarrow as pa

        out_schema = output_arrow_schema()
        for batch in batches:
            docs = (document_from_line(path, line, self.fields)
                    for path, line in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True))
            rows = (row for doc in docs if doc is not None for row in self.options.clean(doc))
            for chunk in chunked(rows, BATCH_ROWS):
                yield pa.RecordBatch.from_pylist(chunk, schema=out_schema)


def document_from_line(path: str, line: str | None, fields: JsonlFields) -> InputDocument | None:
    """A JSONL line as the batch reader sees it; None for a blank line (not a document)."""
    line = (line or "").lstrip("\ufeff")  # a byte-order mark on the first line, as batch allows
    if not line.strip():
        return None
    # `name` is for --output-dir file names, which Spark output does not have; one placeholder part.
    return parse_line(line.encode("utf-8"), where=_local_name(path), name=("line",), fields=fields)


def _local_name(uri: str) -> str:
    # input_file_name() gives file:///abs/path; batch names local files by their plain path.
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of at most `size` items: output batches stay small whatever a partition holds."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def free_name(name: str, taken: Iterable[str]) -> str:
    """`name`, or `input_name` (`input_input_name`, ...) if an output column already has it."""
    taken = set(taken)
    while name in taken:
        name = f"input_{name}"
    return name


# ------------------------------------------------------------------------------------ sessions

def local_session(master: str | None = None, *, app_name: str = "cleanscrape", ui: bool = True,
                  host: str | None = None, extra: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession for the engine. Under spark-submit, the submitted master and settings win.

    On a local master the executors' Python is this interpreter (not whatever `python3` is on
    PATH), so they see the same installed cleanscrape as the driver.
    """
    import os

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if master is None or master.startswith("local"):
        # PySpark starts its Python workers with $PYSPARK_PYTHON or else `python3` from PATH
        # (its spark.pyspark.python setting is read only by spark-submit): a venv's packages
        # would be missing. Only a default: an explicit choice is kept.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(INPUT_BATCH_ROWS))
    builder = builder.config("spark.ui.showConsoleProgress", "false")  # its bar garbles logs; -q users want silence
    if not ui:
        builder = builder.config("spark.ui.enabled", "false")
    if host:
        builder = builder.config("spark.driver.host", host).config("spark.driver.bindAddress", host)
    for key, value in (extra or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def stop_session(spark: SparkSession) -> None:
    """Stop `spark` and the JVM PySpark started for it (stop() alone leaves it running until exit)."""
    from pyspark import SparkContext

    spark.stop()
    gateway = SparkContext._gateway
    if gateway is None:
        return
    process = getattr(gateway, "proc", None)  # set by pyspark's launch_gateway
    gateway.shutdown()
    if process is not None:
        process.terminate()
        process.wait(timeout=30)
    SparkContext._gateway = None
    SparkContext._jvm = None
