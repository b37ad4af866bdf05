"""Plain text in: one Line per input line, normalised."""

from __future__ import annotations

from ..metadata.dates import infer_day_first
from ..model import Document
from ..normalize import split_lines


def document_from_text(text: str) -> Document:
    lines = split_lines(text)
    return Document(lines=lines, day_first=infer_day_first(line.text for line in lines))
