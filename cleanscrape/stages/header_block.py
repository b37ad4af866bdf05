"""The article header: the lines between a title and its first paragraph (dates, bylines, breadcrumb
items, the outlet's name). Not a stage: the main-content stage keeps the header above the article's
run of prose, and the metadata stage reads its facts; both with the metadata stage's thresholds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleanscrape.model import Fact, FactKind, Line
from cleanscrape.parse.dates import UPDATE_WORD, find_dates
from cleanscrape.parse.people import parse_byline
from cleanscrape.settings import Settings
from cleanscrape.text.shapes import is_headline, is_prose, is_short, word_count
from cleanscrape.text.tokens import letter_words

# Words that label a date rather than say anything: "Published On:", "Updated", "time", weekdays.
_DATE_LABEL_WORDS = frozenset([
    "published", "publish", "posted", "updated", "update", "last", "modified", "edited", "on", "at", "am", "pm",
    "time", "date", "by", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "gmt", "utc", "ist", "est", "edt", "cet",
    "cest", "bst", "today", "yesterday", "publié", "publicado", "pubblicato", "veröffentlicht", "aktualisiert",
    "actualizado", "atualizado", "mis", "jour", "le", "am", "um", "à", "às", "a", "las", "de", "del", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "segunda", "terça", "quarta", "quinta", "sexta", "feira", "lunedì", "martedì", "mercoledì", "giovedì",
    "venerdì", "sabato"
])


def date_facts(text: str, day_first: bool | None) -> tuple[Fact, ...] | None:
    """Facts from a line that is nothing but dates and their labels; None for any other line."""
    dates = find_dates(text, day_first)
    if not dates:
        return None
    rest: list[str] = []
    facts: list[Fact] = []
    cursor = 0
    for found in dates:
        before = text[cursor:found.start]
        rest.append(before)
        if found.iso is None:
            facts.append(Fact(FactKind.UNDATED, text[found.start:found.end]))
        else:
            facts.append(Fact(FactKind.UPDATED if UPDATE_WORD.search(before) else FactKind.PUBLISHED, found.iso))
        cursor = found.end
    rest.append(text[cursor:])
    leftover = [word for word in letter_words(" ".join(rest)) if word not in _DATE_LABEL_WORDS]
    return tuple(facts) if not leftover else None


def _is_name(text: str, settings: Settings) -> bool:
    """An outlet or person name: a few words, each capitalised or all capitals, no sentence end."""
    words = text.split()
    return (
        1 <= len(words) <= settings.metadata.max_header_words
        and is_short(text, settings.shapes)
        and all(word[0].isupper() or not word[0].isalpha() for word in words)
        and not text.endswith(".")
    )


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """A line of the header block and what it says. A breadcrumb or tag item says nothing on its
    own: what it is (section, the outlet again, a tag) depends on the rest of the block."""

    position: int
    facts: tuple[Fact, ...] = ()
    list_item: str | None = None


def read_header_block(
    lines: Sequence[Line], day_first: bool | None, settings: Settings
) -> tuple[int, list[HeaderLine]]:
    """Read back from the end of `lines`: (index of the first line not in the header block, its lines)."""
    config, shapes = settings.metadata, settings.shapes
    block: list[HeaderLine] = []
    position = len(lines) - 1
    next_is_date = False
    while position >= 0:
        line = lines[position]
        dates = date_facts(line.text, day_first)
        authors = parse_byline(line.text) if word_count(line.text) <= config.max_byline_words else []
        if dates is not None:
            block.append(HeaderLine(position, dates))
        elif authors:
            block.append(HeaderLine(position, tuple(Fact(FactKind.AUTHOR, name) for name in authors)))
        elif line.marker and word_count(line.text) <= config.max_header_words and not is_prose(line.text, shapes):
            block.append(HeaderLine(position, list_item=line.text))
        elif next_is_date and _is_name(line.text, settings):
            block.append(HeaderLine(position, (Fact(FactKind.PUBLISHER, line.text),)))
        else:
            break
        next_is_date = dates is not None
        position -= 1
    block.reverse()
    return position, block


def header_block_start(lines: Sequence[Line], settings: Settings) -> int:
    """Where the article header that ends `lines` begins: its title, or else the header block itself."""
    title_pos, _ = read_header_block(lines, None, settings)
    if title_pos >= 0 and is_headline(lines[title_pos].text, settings.shapes):
        return title_pos
    return title_pos + 1
