"""The dateline opening a wire story: 'MOSCOW, March 11, 2025 (BSS/AFP) - ...', 'MOSCOW (Reuters) -'."""

from __future__ import annotations

import re

from cleanscrape.model import Dateline
from cleanscrape.parse.dates import find_dates, is_yearless_date

# The place is printed in capitals; an agency in brackets and a date may follow; a dash ends it.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3})"
    r"(?:\s*,\s*(?P<detail>(?:[^()\n-]|(?<=\d)-(?=\d)){1,40}?))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,30})\))?"
    r"\s*[-–—]+\s*(?=[^\s\d])"  # the dash is followed by the story, not by the rest of a date
)
MIN_PLACE_LETTERS = 3  # 8190cdd, from a unit test: "UN - the ..." is an acronym opening a sentence, not a place


def parse_dateline(paragraph: str, day_first: bool | None = None) -> Dateline | None:
    match = _DATELINE.match(paragraph)
    if not match or sum(ch.isalpha() for ch in match["place"]) < MIN_PLACE_LETTERS:
        return None
    detail = match["detail"] or ""
    dates = find_dates(detail, day_first)
    if detail and not dates and not is_yearless_date(detail):
        # "PARIS, Texas (AP) -": a detail that is not a date belongs to the place.
        if not detail[:1].isupper():
            return None
        place = f"{match['place']}, {detail.strip()}"
    else:
        place = match["place"]
    return Dateline(place=place, date=dates[0].iso if dates else None, agency=(match["agency"] or "").strip() or None)
