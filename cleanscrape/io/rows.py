"""Output records (`io.record`) as flat table rows: Spark's output and batch's Parquet files.

A row is the batch command's record seen as typed columns, plus the record itself as JSON in
`record`, so that nothing (the removal log, datelines, meta) is lost and the JSONL written from
`record` is line for line what `cleanscrape batch` writes. Pure functions on plain dicts:
testable without a JVM, and the same on the driver and executors.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from cleanscrape.io.record import per_article_records
from cleanscrape.schema import MAIN_ARTICLE_FIELDS, ROW_COLUMNS, ROW_NAMES, list_columns, row_schema

if TYPE_CHECKING:  # pyarrow is an optional extra: cleanscrape[parquet] or cleanscrape[spark]
    import pyarrow

# The columns, in order: `cleanscrape.schema.ROW_COLUMNS`. The Spark and Arrow schemas are
# built from the same definition, so they can never disagree.
OUTPUT_NAMES = ROW_NAMES

_LIST_FIELDS = list_columns(ROW_COLUMNS)


def output_arrow_schema() -> pyarrow.Schema:
    """The columns as Arrow types (`cleanscrape.schema.row_schema()`): the Parquet writer's, and
    Spark's mapInArrow batches must match its schema exactly."""
    return row_schema()


def record_rows(record: dict[str, Any], *, per_article: bool) -> list[dict[str, Any]]:
    """The table rows of one output record: one per page, or one per article.

    Per article follows `cleanscrape batch --per-article` (the same function makes both): an
    error stays one row and a page without articles gives no row. `doc_index`, the document's
    position in one ordered input stream, has no meaning on Spark and is left out.
    """
    if not per_article:
        return [page_row(record)]
    items = per_article_records(record, doc_index=0)
    return [article_row({key: value for key, value in item.items() if key != "doc_index"}) for item in items]


def page_row(record: dict[str, Any]) -> dict[str, Any]:
    """One row per page. Article metadata comes from the main article; a listing has none of its own."""
    if "error" in record:
        return error_row(record)
    articles = record.get("articles") or []
    main = articles[0] if articles and record.get("kind") == "article" else {}
    row = _empty_row()
    row.update({name: record.get(name) for name in ("source", "kind", "page_type", "language", "title", "text")})
    row.update({name: main.get(name) for name in MAIN_ARTICLE_FIELDS})
    row["warnings"] = record.get("warnings")
    row["article_count"] = len(articles)
    row["record"] = dumps(record)
    return _lists_never_null(row)


def article_row(item: dict[str, Any]) -> dict[str, Any]:
    """One row of a per-article record (see `per_article_records`)."""
    if "error" in item:
        return error_row(item)
    row = _empty_row()
    row.update({name: item.get(name) for name in ("source", "kind", "page_type", "language", "title", "text", "role",
                                                   "article_index", "article_count", *MAIN_ARTICLE_FIELDS)})
    row["record"] = dumps(item)
    return _lists_never_null(row)


def error_row(record: dict[str, Any]) -> dict[str, Any]:
    row = _empty_row()
    row["source"] = record.get("source")
    row["error"] = dict(record["error"])
    row["record"] = dumps(record)
    return row


def dumps(record: dict[str, Any]) -> str:
    # The same call as the batch writer's `dumps_line`, minus the newline: equal records give equal text.
    return json.dumps(record, ensure_ascii=False)


def _empty_row() -> dict[str, Any]:
    return dict.fromkeys(OUTPUT_NAMES)


def _lists_never_null(row: dict[str, Any]) -> dict[str, Any]:
    # An empty list, not null, on a cleaned page: "no authors found" is an answer, not a missing value.
    for name in _LIST_FIELDS:
        if row[name] is None:
            row[name] = []
    return row

