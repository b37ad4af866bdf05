"""The one cleaning path from an InputDocument to an output record.

Every engine (the local pool, Spark) calls `clean_record` and nothing else to clean a document,
so that output records are the same whichever engine made them. It knows nothing about
processes, time-outs or files; a failure becomes an error record (`io.record`), never an exception.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from cleanscrape import clean as core_clean
from cleanscrape.io.document import InputDocument, too_large_message
from cleanscrape.io.record import error_record, page_record
from cleanscrape.render import markdown as render_markdown
from cleanscrape.settings import Settings

Cleaner = Callable[..., Any]  # cleanscrape.clean's signature; returns an object with to_dict()


def clean_record(doc: InputDocument, settings: Settings | None = None, *, clean: Cleaner | None = None,
                 max_bytes: int | None = None, content_type: str | None = None,
                 with_markdown: bool = False) -> dict[str, Any]:
    """The output record of one document: the page object plus source, meta and version.

    `clean` defaults to `cleanscrape.clean`; tests and other engines may pass their own.
    `content_type` ("text" or "html"), when given, overrides what the reader inferred.
    `with_markdown` adds the page as Markdown (`markdown`), rendered here, where the Page with
    its line evidence still exists: the JSON record no longer holds what Markdown needs.
    """
    if doc.error is not None:
        return error_record(doc, *doc.error)
    if max_bytes is not None and len(doc.data) > max_bytes:
        return error_record(doc, "TooLarge", too_large_message(max_bytes, size=len(doc.data)))
    if content_type is not None:
        doc = dataclasses.replace(doc, content_type=content_type)
    cleaner = clean if clean is not None else core_clean
    try:
        cleaned = cleaner(doc.data, content_type=doc.content_type, source=doc.source, options=settings)
        page = cleaned.to_dict()
        if with_markdown:
            page["markdown"] = render_markdown(cleaned)
    except Exception as error:  # noqa: BLE001 - any failure of one page is that page's error record
        return error_record(doc, type(error).__name__, str(error))
    return page_record(doc, page)
