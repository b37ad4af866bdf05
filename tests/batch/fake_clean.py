"""A deterministic stand-in for `cleanscrape.clean`, so batch tests check the batch machinery
(order, errors, resume, time-outs) independently of the core's heuristics.

Markers in the text steer it: LISTING makes a listing (articles split on "\\n---\\n"),
RAISE raises, HANG never returns, CRASH kills the worker process, SLEEP=<seconds> waits,
FILTERED=<cause> marks the page as the Settings filters would ("language", "min-words").
"""

from __future__ import annotations

import os
import re
import time
from typing import Any


class NotTextError(ValueError):
    pass


class FakePage:
    def __init__(self, **fields: Any) -> None:
        self.fields = fields

    def to_dict(self) -> dict[str, Any]:
        return dict(self.fields)


def clean(data: str | bytes, *, content_type: str | None = None, source: str | None = None,
          options: Any = None) -> FakePage:
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise NotTextError("input looks binary (NUL bytes)")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise NotTextError(f"cannot decode input: {error}") from None
    if "RAISE" in data:
        raise RuntimeError("boom")
    if "HANG" in data:
        while True:
            pass
    if "CRASH" in data:
        os._exit(3)
    sleep = re.search(r"SLEEP=([0-9.]+)", data)
    if sleep:
        time.sleep(float(sleep.group(1)))
    text = re.sub(r"<[^>]+>", "", data) if content_type == "html" else data
    text = text.strip()
    if not text:
        kind, articles = "empty", []
    elif "LISTING" in text:
        kind = "listing"
        articles = [{"role": "item", "title": None, "text": part.strip()} for part in text.split("\n---\n")]
    else:
        kind, articles = "article", [{"role": "main", "title": None, "text": text}]
    filtered = re.search(r"FILTERED=([a-z-]+)", data)
    return FakePage(source=source, kind=kind, language="en" if text else None, title=None,
                    text="\n\n".join(a["text"] for a in articles), articles=articles,
                    removed=[], warnings=[], content_type=content_type,
                    **({"filtered": filtered.group(1)} if filtered else {}))
