"""The output record: the shape of what every engine writes for one document.

A record is the page object (`Page.to_dict()`) plus where it came from (`source`), what the
input said about it (`meta`) and the version that cleaned it; or, for a document that could not
be cleaned, `source`, `error` = {type, message} and the same `meta` and version. Engines build
records with these functions and writers render them, so the shape is defined once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cleanscrape import __version__
from cleanscrape.io.document import InputDocument


def page_record(doc: InputDocument, page: Mapping[str, Any]) -> dict[str, Any]:
    """The record of a cleaned document: the page object, then source, meta and version."""
    record = dict(page)
    record["source"] = doc.source  # the reader's source wins: it is what the user can trace back
    if doc.meta:
        record["meta"] = dict(doc.meta)
    record["cleanscrape_version"] = __version__
    return record


def error_record(doc: InputDocument, error_type: str, message: str) -> dict[str, Any]:
    record: dict[str, Any] = {"source": doc.source, "error": {"type": error_type, "message": message}}
    if doc.meta:
        record["meta"] = dict(doc.meta)
    record["cleanscrape_version"] = __version__
    return record


FILTERED_PREFIX = "filtered:"  # the kind of a filtered page: "filtered:" + its cause


def is_filtered_kind(kind: str) -> bool:
    """A `record_kind` of a page the Settings filters ruled out (what `batch --rejected` takes)."""
    return kind.startswith(FILTERED_PREFIX)


def record_kind(record: Mapping[str, Any]) -> str:
    """"article", "listing", "empty", "error", or "filtered:<cause>" for a page the Settings
    filters ruled out ("filtered:language"): what the batch summary counts."""
    if "error" in record:
        return "error"
    if record.get("filtered"):
        return f"{FILTERED_PREFIX}{record['filtered']}"
    return str(record.get("kind", "empty"))


def per_article_records(record: Mapping[str, Any], doc_index: int) -> list[dict[str, Any]]:
    """`--per-article`: one record per article, each with its page's source and kind.

    `doc_index` (the document's position in the input) and `article_index`/`article_count` tie
    each record to its page. An error record stays one record; a page without articles gives none.
    """
    if "error" in record:
        return [{**record, "doc_index": doc_index}]
    articles = record.get("articles") or []
    shared = {"source": record.get("source"), "kind": record.get("kind"), "page_type": record.get("page_type"),
              "language": record.get("language")}
    tail: dict[str, Any] = {key: record[key] for key in ("meta", "cleanscrape_version") if key in record}
    return [
        {**shared, "doc_index": doc_index, "article_index": index, "article_count": len(articles), **article, **tail}
        for index, article in enumerate(articles)
    ]

