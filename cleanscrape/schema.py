"""The published, stable table schemas of cleanscrape's output, defined once.

Two shapes:
- the page record (`Page.to_record()`): one row per page, fixed keys and types whatever the
  page holds (no dateline, no articles, an empty page): the main article's metadata as flat
  columns, the articles and the removal log as nested lists. `page_schema()`, `features()`.
- the table row (`io.rows`): what the Spark engine and table writers produce from a batch
  record, one row per page or per article, with the whole JSON record in `record`.
  `row_schema()`, `spark_row_schema()`.

Columns are declared here as plain data (no third-party import), and turned into Arrow, Spark
or Hugging Face `datasets` types on demand: pyarrow, pyspark and datasets are optional extras,
imported only by the function that needs them. Adding a column at the end is a compatible
change; renaming, retyping or removing one is not, and needs a new major version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    import datasets
    import pyarrow
    from pyspark.sql.types import StructType


@dataclass(frozen=True, slots=True)
class ListOf:
    item: ColumnType


@dataclass(frozen=True, slots=True)
class Struct:
    fields: tuple[tuple[str, ColumnType], ...]


# "string" or "int" (32-bit), a list of a type, or a struct of named types; every value may be null.
ColumnType: TypeAlias = "str | ListOf | Struct"

STRINGS = ListOf("string")
DATELINE = Struct((("place", "string"), ("date", "string"), ("agency", "string")))
# Article.to_dict(), key for key.
ARTICLE = Struct((
    ("role", "string"),  # "main", "appended" (an unrelated article glued after it), "item" (a listing's card)
    ("title", "string"),
    ("standfirst", "string"),
    ("text", "string"),
    ("published", "string"),  # ISO 8601: "2025-03-20" or "2025-03-11T16:41"
    ("updated", "string"),
    ("publisher", "string"),
    ("section", "string"),
    ("authors", STRINGS),
    ("editors", STRINGS),
    ("agency", "string"),
    ("dateline", DATELINE),
    ("captions", STRINGS),
))
REMOVAL = Struct((("line", "int"), ("text", "string"), ("reason", "string")))
ERROR = Struct((("type", "string"), ("message", "string")))

# Fields an article has of its own; on a page's row they are the main article's (none on a listing).
MAIN_ARTICLE_FIELDS: tuple[str, ...] = (
    "published", "updated", "publisher", "section", "authors", "editors", "agency", "captions")
_ARTICLE_TYPES = dict(ARTICLE.fields)

# The page record: `Page.to_record()`.
PAGE_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("source", "string"),
    ("kind", "string"),  # "article", "listing", "empty"
    ("page_type", "string"),  # "article", "forum", "product", "collection", "listing", "documentation", "service"
    ("language", "string"),  # ISO 639-1
    ("filtered", "string"),  # why Settings.languages / min_words would drop the page, else null
    ("title", "string"),
    ("text", "string"),
    *((name, _ARTICLE_TYPES[name]) for name in MAIN_ARTICLE_FIELDS),
    ("dateline", DATELINE),
    ("article_count", "int"),
    ("articles", ListOf(ARTICLE)),
    ("removed", ListOf(REMOVAL)),
    ("warnings", STRINGS),
)

# The table row of a batch record (`io.rows`): Spark's output columns and table writers'.
ROW_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("source", "string"),
    ("kind", "string"),  # null on an error row
    ("page_type", "string"),  # null on an error row
    ("language", "string"),
    ("title", "string"),
    ("text", "string"),
    *((name, _ARTICLE_TYPES[name]) for name in MAIN_ARTICLE_FIELDS),
    ("warnings", STRINGS),
    ("role", "string"),  # per article: "main", "appended", "item"; per page: null
    ("article_index", "int"),  # per article: 0-based position on the page; per page: null
    ("article_count", "int"),
    ("error", ERROR),  # {type, message} when the document could not be cleaned, else null
    ("record", "string"),  # the whole output record as one JSON line (without the newline)
)

PAGE_NAMES: tuple[str, ...] = tuple(name for name, _ in PAGE_COLUMNS)
ROW_NAMES: tuple[str, ...] = tuple(name for name, _ in ROW_COLUMNS)


def list_columns(columns: tuple[tuple[str, ColumnType], ...]) -> frozenset[str]:
    """Names of the list columns: an empty list there, never null, on a cleaned page."""
    return frozenset(name for name, kind in columns if isinstance(kind, ListOf))


# ------------------------------------------------------------------------------------ Arrow

def page_schema() -> pyarrow.Schema:
    """The Arrow schema of `Page.to_record()`."""
    return arrow_schema(PAGE_COLUMNS)


def row_schema() -> pyarrow.Schema:
    """The Arrow schema of a table row (Spark output, Parquet files): see `ROW_COLUMNS`."""
    return arrow_schema(ROW_COLUMNS)


def arrow_schema(columns: tuple[tuple[str, ColumnType], ...]) -> pyarrow.Schema:
    import pyarrow as pa

    return pa.schema([(name, arrow_type(kind)) for name, kind in columns])


def arrow_type(kind: ColumnType) -> pyarrow.DataType:
    import pyarrow as pa

    if isinstance(kind, ListOf):
        return pa.list_(arrow_type(kind.item))
    if isinstance(kind, Struct):
        return pa.struct([(name, arrow_type(item)) for name, item in kind.fields])
    return pa.int32() if kind == "int" else pa.string()


# ------------------------------------------------------------------------------------ Spark

def spark_row_schema() -> StructType:
    """The Spark schema of a table row; equal to `row_schema()` field for field."""
    return spark_schema(ROW_COLUMNS)


def spark_schema(columns: tuple[tuple[str, ColumnType], ...]) -> StructType:
    from pyspark.sql.types import StructField, StructType

    return StructType([StructField(name, spark_type(kind)) for name, kind in columns])


def spark_type(kind: ColumnType) -> Any:
    from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

    if isinstance(kind, ListOf):
        return ArrayType(spark_type(kind.item))
    if isinstance(kind, Struct):
        return StructType([StructField(name, spark_type(item)) for name, item in kind.fields])
    return IntegerType() if kind == "int" else StringType()


# ------------------------------------------------------------------------------------ datasets

def features() -> datasets.Features:
    """Hugging Face `datasets.Features` of `Page.to_record()`: pass it to `Dataset.map(features=...)`,
    so that every shard has the same types whatever its first pages held (a page without a
    dateline no longer makes the column `null`)."""
    import datasets

    return datasets.Features.from_arrow_schema(page_schema())
