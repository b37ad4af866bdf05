"""What a local worker does with one document: clean it (the one path) and render it to bytes.

Rendering in the worker keeps JSON encoding off the parent, which is the single process that
reads inputs and writes output for all workers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from cleanscrape.engines.record import Cleaner, clean_record, error_record, record_kind
from cleanscrape.io.document import InputDocument


@dataclass(frozen=True, slots=True)
class Rendered:
    kind: str  # "article", "listing", "empty" or "error"
    payload: bytes


@dataclass(frozen=True)
class DocumentTask:
    """Picklable: it is sent once to each worker process. `renderer` has render(record, doc_index) -> bytes."""

    renderer: Any
    settings: Any = None
    clean: Cleaner | None = None
    max_bytes: int | None = None
    content_type: str | None = None  # --content-type: overrides what the reader inferred

    def __call__(self, job: tuple[int, InputDocument]) -> Rendered:
        doc_index, doc = job
        if self.content_type is not None and doc.content_type != self.content_type:
            doc = dataclasses.replace(doc, content_type=self.content_type)
        record = clean_record(doc, self.settings, clean=self.clean, max_bytes=self.max_bytes)
        return Rendered(record_kind(record), self.renderer.render(record, doc_index))

    def failed(self, job: tuple[int, InputDocument], error_type: str, message: str) -> Rendered:
        """The same rendering for a document the engine gave up on (time-out, crashed worker)."""
        doc_index, doc = job
        return Rendered("error", self.renderer.render(error_record(doc, error_type, message), doc_index))
