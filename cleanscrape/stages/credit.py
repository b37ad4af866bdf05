"""Credit lines: '(Reporting by X; editing by Y)' and a wire credit trailing the last sentence.

Both name who made the article rather than being part of it; the names and the agency go to
metadata. A trailing credit is trimmed from its line ("... in December. Reuters"): a sentence
never ends in one to three capitalised words without a full stop after its own full stop, a
credit does.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..metadata.people import parse_credit, split_names
from ..model import Document, Label, Verdict
from ..settings import Settings
from ..shapes import word_count
from . import Stage

MAX_CREDIT_WORDS = 40
MIN_WORDS_BEFORE_TRAILING_CREDIT = 8
# "Write to Jane Doe at jane.doe@example.com": the byline's contact line closing the article.
_WRITE_TO = re.compile(r"^(?:write|contact|email|e-mail)\s+(?:to\s+)?(?P<names>[^@]{2,80}?)\s+at\s+\S+@\S+\s*$", re.IGNORECASE)
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"'”’»)])\s+(?P<agency>[A-Z][\w&/.-]{0,15}(?:\s+[A-Z][\w&/.-]{0,15}){0,2})(?<!\.)\s*$"
)


def trailing_credit(text: str) -> re.Match[str] | None:
    match = _TRAILING_CREDIT.search(text)
    if match and word_count(text[: match.start()]) >= MIN_WORDS_BEFORE_TRAILING_CREDIT:
        return match
    return None


def label_credit(doc: Document, settings: Settings) -> Iterator[Label]:
    for index in doc.kept_indices():
        text = doc.lines[index].text
        if word_count(text) <= MAX_CREDIT_WORDS and (people := parse_credit(text)):
            authors, editors = people
            yield Label(index, Verdict.DROP, "credit", facts=(("authors", tuple(authors)), ("editors", tuple(editors))))
        elif (contact := _WRITE_TO.match(text)) and (names := split_names(contact["names"])):
            yield Label(index, Verdict.DROP, "credit", facts=(("authors", tuple(names)),))
        elif match := trailing_credit(text):
            yield Label(index, Verdict.DROP, "credit", facts=(("agency", match["agency"]),), span=(match.start(), len(text)))


STAGE = Stage("credit", label_credit, ("credit",))
