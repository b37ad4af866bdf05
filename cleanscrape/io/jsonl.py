"""JSONL / NDJSON input: one document per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from cleanscrape.io.document import InputDocument, too_large_message


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which fields of an input record hold what (`--text-field` and friends)."""

    text: str = "text"
    html: str = "html"
    id: str = "id"
    url: str = "url"


DEFAULT_FIELDS = JsonlFields()
MISSING_FIELD = "MissingField"  # the error type of a record with neither body field
# An error record carries the input record's other fields in its meta, each value up to this many
# characters: ids, URLs, dates and titles are far shorter, while a page body (tens of kilobytes)
# under a field nobody named (--html-field given wrong) must not be copied into every error record.
MAX_ERROR_META_CHARS = 1000


def read_jsonl(stream: BinaryIO, *, origin: str, stem: tuple[str, ...], fields: JsonlFields,
               max_bytes: int | None) -> Iterator[InputDocument]:
    """One InputDocument per non-blank line of `stream`.

    `origin` names the file in sources ("pages.jsonl:12"); `stem` prefixes output names.
    A line longer than `max_bytes` is never held whole in memory: it is skipped in chunks.
    """
    number = 0
    while True:
        line = stream.readline(max_bytes + 1) if max_bytes is not None else stream.readline()
        if not line:
            return
        number += 1
        where = f"{origin}:{number}"
        name = (*stem, f"{number:06d}")
        if max_bytes is not None and len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_rest_of_line(stream)
            yield InputDocument.failed(where, "TooLarge", too_large_message(max_bytes, size=size), name=name)
            continue
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a UTF-8 byte-order mark, as some Windows tools write: json.loads refuses it
        if not line.strip():
            continue
        yield parse_line(line, where=where, name=name, fields=fields)


def parse_line(line: bytes, *, where: str, name: tuple[str, ...], fields: JsonlFields) -> InputDocument:
    """One JSONL line to an InputDocument (or a failed one saying what is wrong with it)."""
    try:
        record: Any = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        return InputDocument.failed(where, "InvalidJSON", str(error), name=name)
    if not isinstance(record, dict):
        return InputDocument.failed(where, "InvalidRecord",
                                    f"expected a JSON object, got {type(record).__name__}", name=name)
    ident = record.get(fields.id)
    url = record.get(fields.url)
    source = str(url) if url not in (None, "") else str(ident) if ident not in (None, "") else where
    if ident not in (None, ""):
        name = (*name[:-1], f"{name[-1]}-{ident}")
    # Everything but the body travels into the output, id and url included, so that a
    # consumer can join output to input without knowing our field options.
    meta = {key: value for key, value in record.items() if key not in (fields.text, fields.html)}
    for field_name, content_type in ((fields.html, "html"), (fields.text, "text")):
        body = record.get(field_name)
        if body is None:
            continue
        if not isinstance(body, str):
            return InputDocument.failed(source, "InvalidRecord",
                                        f"field {field_name!r} is {type(body).__name__}, not a string",
                                        name=name, meta=small_values(meta))
        return InputDocument(source=source, data=body, content_type=content_type, meta=meta, name=name)
    return InputDocument.failed(source, MISSING_FIELD,
                                f"record has neither {fields.text!r} nor {fields.html!r} "
                                f"(its fields: {', '.join(map(str, record)) or 'none'})",
                                name=name, meta=small_values(meta))


def small_values(meta: dict[str, Any]) -> dict[str, Any]:
    """`meta` with each value over MAX_ERROR_META_CHARS replaced by a note of its size."""
    small = {}
    for key, value in meta.items():
        size = len(value) if isinstance(value, str) else len(json.dumps(value, ensure_ascii=False))
        small[key] = value if size <= MAX_ERROR_META_CHARS else f"<left out: {size} characters>"
    return small


def _skip_rest_of_line(stream: BinaryIO, chunk: int = 1 << 20) -> int:
    skipped = 0
    while True:
        part = stream.readline(chunk)
        skipped += len(part)
        if not part or part.endswith(b"\n"):
            return skipped
