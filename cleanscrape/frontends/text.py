"""Plain text in: one Line per input line, normalised."""

from __future__ import annotations

from cleanscrape.decode.normalize import split_lines
from cleanscrape.model import Document, PageText
from cleanscrape.parse.dates import infer_day_first


def document_from_text(text: str) -> Document:
    lines = split_lines(text)
    page_text = PageText.of(lines)
    return Document(lines=lines, page_text=page_text, day_first=infer_day_first([page_text.text]))
