"""What a local worker does with one document: clean it (the one path) and render it to bytes.

Rendering in the worker keeps JSON encoding off the parent, which is the single process that
reads inputs and writes output for all workers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from cleanscrape.engines.record import Cleaner, clean_record
from cleanscrape.io.document import InputDocument
from cleanscrape.io.record import error_record, is_filtered_kind, record_kind
from cleanscrape.settings import Settings


class Renderer(Protocol):
    def render(self, record: Mapping[str, Any], doc_index: int) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Rendered:
    kind: str  # "article", "listing", "empty", "error" or "filtered:<cause>"
    payload: bytes

    @property
    def filtered(self) -> bool:
        return is_filtered_kind(self.kind)


@dataclass(frozen=True)
class DocumentTask:
    """Picklable: it is sent once to each worker process."""

    renderer: Renderer
    settings: Settings | None = None
    clean: Cleaner | None = None
    max_bytes: int | None = None
    content_type: str | None = None  # --content-type: overrides what the reader inferred
    # --rejected: how a filtered page is rendered for the rejected file, when that differs from
    # the main output's rendering (--output-dir writes files; the rejected file is JSONL)
    rejected_renderer: Renderer | None = None
    with_markdown: bool = False  # --format markdown: each record carries the page as Markdown

    def __call__(self, job: tuple[int, InputDocument]) -> Rendered:
        doc_index, doc = job
        record = clean_record(doc, self.settings, clean=self.clean, max_bytes=self.max_bytes,
                              content_type=self.content_type, with_markdown=self.with_markdown)
        kind = record_kind(record)
        renderer = self.rejected_renderer if self.rejected_renderer and is_filtered_kind(kind) else self.renderer
        return Rendered(kind, renderer.render(record, doc_index))

    def failed(self, job: tuple[int, InputDocument], error_type: str, message: str) -> Rendered:
        """The same rendering for a document the engine gave up on (time-out, crashed worker)."""
        doc_index, doc = job
        return Rendered("error", self.renderer.render(error_record(doc, error_type, message), doc_index))
