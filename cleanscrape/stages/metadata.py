"""Lines that are metadata, not text: title, page heading, publisher, dates, section, byline.

An article's header sits between its title and its first paragraph. Reading back from each
run of paragraphs, the header block is made of date lines, bylines, short list items
(breadcrumbs, tags) and a short name printed just above a date (the outlet); the headline-shaped
line above that block is the title. The first article needs no more evidence than that. A later
title must show an article header of its own (the title printed twice, or a date under it), or
it is a subheading and stays in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Sequence

from ..metadata.dates import find_dates, infer_day_first
from ..metadata.people import parse_byline
from ..model import Document, Label, Line, Verdict
from ..settings import Settings
from ..shapes import is_headline, is_prose, is_short, word_count
from . import Stage
from .repeated import line_key

MAX_HEADER_WORDS = 4
# Words that label a date rather than say anything: "Published On:", "Updated", "time", weekdays.
_DATE_LABEL_WORDS = frozenset(
    """published publish posted updated update last modified edited on at am pm time date by
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    gmt utc ist est edt cet cest bst today yesterday""".split()
)
_UPDATED = re.compile(r"\b(?:updated?|modified|edited|last\s+updated|aktualisiert|mis\s+à\s+jour|actualizado)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


def date_facts(text: str, day_first: bool | None) -> tuple[tuple[str, str], ...] | None:
    """Facts from a line that is nothing but dates and their labels; None for any other line."""
    dates = find_dates(text, day_first)
    if not dates:
        return None
    rest, cursor, facts = [], 0, []
    for found in dates:
        before = text[cursor:found.start]
        rest.append(before)
        field = "updated" if _UPDATED.search(before) else "published"
        facts.append((field, found.iso) if found.iso else ("undated", text[found.start:found.end]))
        cursor = found.end
    rest.append(text[cursor:])
    leftover = [word for word in _WORD.findall(" ".join(rest).casefold()) if word not in _DATE_LABEL_WORDS]
    return tuple(facts) if not leftover else None


def _is_name(text: str) -> bool:
    """An outlet or person name: a few words, each capitalised or all capitals, no sentence end."""
    words = text.split()
    return 1 <= len(words) <= MAX_HEADER_WORDS and is_short(text) and all(w[0].isupper() or not w[0].isalpha() for w in words) and not text.endswith(".")


def _header_block(lines: Sequence[Line], day_first: bool | None) -> tuple[int, list[tuple[int, tuple]]]:
    """Read back from the end of `lines`: (index of the first line not in the header block, labelled facts)."""
    block: list[tuple[int, tuple]] = []
    position = len(lines) - 1
    next_is_date = False
    while position >= 0:
        line = lines[position]
        dates = date_facts(line.text, day_first)
        authors = parse_byline(line.text) if word_count(line.text) <= 12 else []
        if dates is not None:
            facts: tuple = dates
        elif authors:
            facts = (("authors", tuple(authors)),)
        elif line.marker and word_count(line.text) <= MAX_HEADER_WORDS and not is_prose(line.text):
            facts = (("list-item", line.text),)
        elif next_is_date and _is_name(line.text):
            facts = (("publisher", line.text),)
        else:
            break
        block.append((position, facts))
        next_is_date = dates is not None
        position -= 1
    block.reverse()
    return position, block


def _assign_list_items(block: list[tuple[int, tuple]]) -> list[tuple[int, tuple]]:
    """Breadcrumb/tag items: the outlet's name again, else the first one is the section."""
    publishers = {value for _, facts in block for field, value in facts if field == "publisher"}
    has_section = False
    assigned = []
    for position, facts in block:
        if facts[0][0] == "list-item":
            value = facts[0][1]
            if value in publishers:
                facts = (("publisher", value),)
            elif not has_section:
                facts, has_section = (("section", value),), True
            else:
                facts = (("tag", value),)
        assigned.append((position, facts))
    return assigned


def label_metadata(doc: Document, settings: Settings) -> Iterator[Label]:
    kept = list(doc.kept_indices())
    lines = [doc.lines[index] for index in kept]
    prose = [is_prose(line.text) for line in lines]
    printed = Counter(line_key(line.text) for line in doc.lines if not line.is_blank)
    day_first = infer_day_first(line.text for line in doc.lines)

    zone_start = 0
    first_zone = True
    for pos in range(len(lines)):
        if not prose[pos] or (pos > 0 and prose[pos - 1]):
            continue
        zone = lines[zone_start:pos]
        title_pos, block = _header_block(zone, day_first)
        title = zone[title_pos] if title_pos >= 0 and is_headline(zone[title_pos].text) else None
        has_date = any(field in ("published", "updated", "undated") for _, facts in block for field, _ in facts)
        if not first_zone and not (title and (printed[line_key(title.text)] > 1 or has_date)):
            title = None
            block = []
        if title is not None:
            yield Label(kept[zone_start + title_pos], Verdict.DROP, "metadata", facts=(("title", title.text),))
            if first_zone:
                for heading_pos in range(title_pos):
                    if is_headline(zone[heading_pos].text):
                        yield Label(kept[zone_start + heading_pos], Verdict.DROP, "metadata", facts=(("heading", zone[heading_pos].text),))
        for block_pos, facts in _assign_list_items(block):
            yield Label(kept[zone_start + block_pos], Verdict.DROP, "metadata", facts=facts)
        first_zone = False
        zone_start = pos
        while zone_start < len(lines) and prose[zone_start]:
            zone_start += 1


STAGE = Stage("metadata", label_metadata, ("metadata",))
