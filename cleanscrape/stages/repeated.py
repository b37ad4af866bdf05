"""Lines printed more than once on the page: titles and captions repeated by templates.

The first copy stays for the later stages to judge (a title, a caption); every later copy of a
line long enough to be more than a label is a duplicate. Short lines such as a section name
legitimately recur on every card of a listing, so they are left to other stages.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..model import Document, Label, Verdict
from ..settings import Settings
from ..shapes import word_count
from . import Stage

MIN_WORDS = 4
MIN_CHARS = 24
_PUNCTUATION = re.compile(r"[\W_]+")


def line_key(text: str) -> str:
    """Copies differ by case, spacing and quote style between a template's prints of one line."""
    return _PUNCTUATION.sub(" ", text.casefold()).strip()


def is_repeatable(text: str) -> bool:
    return word_count(text) >= MIN_WORDS or len(text) >= MIN_CHARS


def label_repeated(doc: Document, settings: Settings) -> Iterator[Label]:
    seen: set[str] = set()
    for index, line in enumerate(doc.lines):
        if line.is_blank or not is_repeatable(line.text):
            continue
        key = line_key(line.text)
        if key in seen:
            if doc.is_kept(index):
                yield Label(index, Verdict.DROP, "duplicate")
        else:
            seen.add(key)


STAGE = Stage("repeated", label_repeated, ("duplicate",))
