"""Parquet input: one document per row, read as the JSONL record it would be (`--text-field`,
`--html-field`, `--id-field`, `--url-field` and meta apply unchanged). Needs pyarrow
(`pip install 'cleanscrape[arrow]'`); rows are streamed a batch at a time."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cleanscrape.io.document import InputDocument, too_large_message
from cleanscrape.io.jsonl import JsonlFields, document_from_record

# Rows held in memory at once: pages are large, and a row group may hold 100,000 of them.
BATCH_ROWS = 64
EXTRA_HINT = "reading Parquet needs pyarrow: pip install 'cleanscrape[arrow]'"


def read_parquet(path: str, *, origin: str, stem: tuple[str, ...], fields: JsonlFields,
                 max_bytes: int | None) -> Iterator[InputDocument]:
    try:
        import pyarrow.parquet as pq
    except ImportError as error:
        raise ImportError(EXTRA_HINT) from error
    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=BATCH_ROWS):
        for row in batch.to_pylist():
            number += 1
            where, name = f"{origin}:{number}", (*stem, f"{number:06d}")
            record = json_safe(row)
            body = record.get(fields.html) or record.get(fields.text)
            if max_bytes is not None and isinstance(body, str) and len(body.encode("utf-8")) > max_bytes:
                yield InputDocument.failed(where, "TooLarge", too_large_message(max_bytes), name=name)
                continue
            yield document_from_record(record, where=where, name=name, fields=fields)


def json_safe(row: dict[str, Any]) -> dict[str, Any]:
    # Dates, decimals and binary columns travel into the output's `meta` as JSON: as text.
    return json.loads(json.dumps(row, ensure_ascii=False, default=str))
