"""The one cleaning path from an InputDocument to an output record.

Every engine (the local pool now, a Spark job later) calls `clean_record` and nothing else to
clean a document, so that output records are the same whichever engine made them. It knows
nothing about processes, time-outs or files; a failure becomes an error record, never an exception.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from cleanscrape.io.document import InputDocument

Cleaner = Callable[..., Any]  # cleanscrape.clean's signature; returns an object with to_dict()


def clean_record(doc: InputDocument, settings: Any = None, *, clean: Cleaner | None = None,
                 max_bytes: int | None = None) -> dict[str, Any]:
    """The output record of one document: the page object plus source, meta and version.

    `clean` defaults to `cleanscrape.clean`; tests and other engines may pass their own.
    """
    if doc.error is not None:
        return error_record(doc, *doc.error)
    if max_bytes is not None and len(doc.data) > max_bytes:
        return error_record(doc, "TooLarge", f"document is {len(doc.data)} bytes, larger than --max-bytes ({max_bytes} bytes)")
    cleaner = clean if clean is not None else default_cleaner()
    try:
        page = cleaner(doc.data, content_type=doc.content_type, source=doc.source, options=settings)
        record = page.to_dict()
    except Exception as error:  # noqa: BLE001 - any failure of one page is that page's error record
        return error_record(doc, type(error).__name__, str(error))
    record["source"] = doc.source  # the reader's source wins: it is what the user can trace back
    if doc.meta:
        record["meta"] = dict(doc.meta)
    record["cleanscrape_version"] = version()
    return record


def error_record(doc: InputDocument, error_type: str, message: str) -> dict[str, Any]:
    record: dict[str, Any] = {"source": doc.source, "error": {"type": error_type, "message": message}}
    if doc.meta:
        record["meta"] = dict(doc.meta)
    record["cleanscrape_version"] = version()
    return record


def record_kind(record: dict[str, Any]) -> str:
    """"article", "listing", "empty" or "error": what the batch summary counts."""
    return "error" if "error" in record else str(record.get("kind", "empty"))


def per_article_records(record: dict[str, Any], doc_index: int) -> list[dict[str, Any]]:
    """`--per-article`: one record per article, each with its page's source and kind.

    `doc_index` (the document's position in the input) and `article_count` let `--resume` tell
    a document whose articles were all written from one cut off half-way. An error record stays
    one record; a page without articles gives none.
    """
    if "error" in record:
        return [{**record, "doc_index": doc_index}]
    articles = record.get("articles") or []
    shared = {"source": record.get("source"), "kind": record.get("kind"), "language": record.get("language")}
    tail = {key: record[key] for key in ("meta", "cleanscrape_version") if key in record}
    return [
        {**shared, "doc_index": doc_index, "article_index": index, "article_count": len(articles), **article, **tail}
        for index, article in enumerate(articles)
    ]


@functools.lru_cache(maxsize=1)
def default_cleaner() -> Cleaner:
    from cleanscrape import clean  # the core; imported late so that readers and writers work without it

    return clean


@functools.lru_cache(maxsize=1)
def version() -> str:
    try:
        from cleanscrape import __version__

        return str(__version__)
    except ImportError:
        from importlib import metadata

        try:
            return metadata.version("cleanscrape")
        except metadata.PackageNotFoundError:
            return "unknown"
