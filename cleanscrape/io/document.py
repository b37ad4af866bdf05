"""The unit that flows from readers to the cleaning path: one input document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cleanscrape.settings import DEFAULT_SETTINGS

# The size limit of one document, in bytes, that readers apply before holding it whole in
# memory: by default the same number as `Settings.max_input_bytes`, which `clean()` checks, so
# one definition serves both.
DEFAULT_MAX_BYTES = DEFAULT_SETTINGS.max_input_bytes


@dataclass(frozen=True, slots=True)
class Position:
    """Where a document is in the inputs: what `--resume` tells documents apart by (with the source)."""

    file: str  # the input file, as an absolute path ("-": standard input)
    index: int  # 1-based: the document's place among those of its file (a page file holds one)


@dataclass(frozen=True, slots=True)
class InputDocument:
    """One document as a reader found it.

    `content_type` is "text", "html" or None (let the core sniff). `meta` holds what the input
    said about the document besides its body (JSONL fields, WARC headers) and is carried into the
    output unchanged. `name` is the document's path for `--output-dir` as components (unique
    within its input file; the writer sanitises each component, so a hostile id or URL is safe).
    A reader that fails on a document (corrupt archive, oversized body, bad JSON) still yields
    it, with `error` = (type, message), so the failure appears in the output in input order
    instead of stopping the batch. `position` is set by `io.readers.read_file`; None for a
    document that did not come from a file (a Spark row).
    """

    source: str
    data: bytes | str
    content_type: str | None = None
    # A plain dict, not a MappingProxyType: documents are pickled to worker processes.
    meta: Mapping[str, Any] = field(default_factory=dict)
    name: tuple[str, ...] = ()
    error: tuple[str, str] | None = None
    position: Position | None = None

    @classmethod
    def failed(cls, source: str, error_type: str, message: str, *, name: tuple[str, ...] = (),
               meta: Mapping[str, Any] | None = None) -> InputDocument:
        return cls(source=source, data=b"", meta=meta or {}, name=name, error=(error_type, message))


def too_large_message(limit: int, *, size: int | None = None) -> str:
    """The error message of a document over the size limit (`size` when it is known)."""
    measured = f"{size} bytes, " if size is not None else ""
    return f"document is {measured}larger than the size limit ({limit} bytes)"
