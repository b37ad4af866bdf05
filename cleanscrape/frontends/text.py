"""Plain text in: one Line per input line, normalised."""

from __future__ import annotations

from ..model import Document
from ..normalize import split_lines


def document_from_text(text: str) -> Document:
    return Document(lines=split_lines(text))
