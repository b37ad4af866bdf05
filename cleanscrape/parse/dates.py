"""Dates as printed on pages -> ISO 8601, never guessing.

"11 Mar 2025, 16:41" -> "2025-03-11T16:41"; "Thursday, 20 Mar 2025" -> "2025-03-20".
Numeric dates such as 01-04-2025 are read day-first or month-first only when the page itself
proves the order (another date on it like 21-03-2025); otherwise they are left unparsed.
No timezone is ever added.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# What a page prints before a date it updated, in the languages of _MONTHS: the label makes the
# date that follows the updated date, not the published one.
UPDATE_WORDS = (
    r"\b(?:updated?|modified|edited|revised|aktualisiert|geändert|mis\s+à\s+jour|actualizado|atualizado|aggiornato)\b"
)
UPDATE_WORD = re.compile(UPDATE_WORDS, re.IGNORECASE)

_MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # French, German, Spanish, Italian, Portuguese (full names; abbreviations clash across languages)
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6,
    "julho": 7, "setembro": 9, "outubro": 10, "dezembro": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_TIME = (
    r"(?:\s*,?\s*(?:at\s+|à\s+|às\s+|a\s+las\s+|alle\s+|um\s+|-\s*)?"
    r"(?P<hour>[0-2]?\d)[:h.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?![\w:]))?"
)
# (?<!\d) rather than \b: scrapes glue labels to dates ("time01-04-2025", "On:11 Mar 2025").
_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)"
        r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?(?!\d)"
    ),
    re.compile(rf"(?<!\d){_DAY}\s*(?:de\s+)?{_MONTH},?\s*(?:de\s+)?{_YEAR}(?!\d){_TIME}", re.IGNORECASE),
    re.compile(rf"(?<![^\W\d]){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d){_TIME}", re.IGNORECASE),
    re.compile(rf"(?<!\d)(?P<first>[0-3]?\d)(?P<sep>[-/.])(?P<second>[0-3]?\d)(?P=sep){_YEAR}(?!\d){_TIME}"),
)
# The two fields of a numeric date, for telling the page's order: no time part, so that a match
# never runs past the end of a line when the page's lines are scanned as one text.
_NUMERIC_FIELDS = re.compile(rf"(?<!\d)(?P<first>[0-3]?\d)(?P<sep>[-/.])(?P<second>[0-3]?\d)(?P=sep){_YEAR}(?!\d)")
# How a numeric date ends. Python's regex engine tries a pattern that opens with a lookbehind at
# every position of the text; this one it skips through to its first character, so the full
# pattern runs only on the few characters before each such ending.
_SEPARATOR_AND_YEAR = re.compile(r"[-/.](?:19|20)\d\d(?!\d)")
_MAX_FIELDS_BEFORE_YEAR = len("31-12")
# "Oct 3", "3 March": a date without its year, which we recognise but never complete.
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
_YEARLESS = re.compile(
    rf"(?<![^\W\d]){_ANY_MONTH}\s+\d{{1,2}}(?!\d)|(?<!\d)\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+{_ANY_MONTH}(?![^\W\d])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: int
    end: int
    iso: str | None  # None when the text is a date but its day/month order is unproven


def infer_day_first(texts: Iterable[str]) -> bool | None:
    """Day-first if some numeric date on the page has a first field > 12, month-first if a second one does."""
    text = "\n".join(texts)
    # Each window holds one date ending and one character either side of where its date can lie.
    windows = " ".join(
        text[max(0, end.start() - _MAX_FIELDS_BEFORE_YEAR - 1): end.end() + 1]
        for end in _SEPARATOR_AND_YEAR.finditer(text)
    )
    day_first = month_first = False
    for match in _NUMERIC_FIELDS.finditer(windows):
        first, second = int(match["first"]), int(match["second"])
        day_first |= first > 12 >= second
        month_first |= second > 12 >= first
    if day_first == month_first:
        return None
    return day_first


def find_dates(text: str, day_first: bool | None = None) -> list[FoundDate]:
    """All dates in `text`, left to right, without overlaps."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            found.append(FoundDate(match.start(), match.end(), _to_iso(match, day_first)))
    return sorted(found, key=lambda d: d.start)


def is_yearless_date(text: str) -> bool:
    return bool(_YEARLESS.search(text))


def _to_iso(match: re.Match[str], day_first: bool | None) -> str | None:
    groups = match.groupdict()
    if groups.get("first") is not None:
        first, second = int(groups["first"]), int(groups["second"])
        if first == second:
            day, month = first, second
        elif first > 12 or second > 12:  # the date proves its own order: only a day exceeds 12
            day, month = (first, second) if first > 12 else (second, first)
        elif day_first is None:
            return None
        else:
            day, month = (first, second) if day_first else (second, first)
    else:
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower().rstrip(".")]
        day = int(groups["day"])
    year = int(groups["year"])
    if not (1 <= month <= 12 and 1 <= day <= _days_in(month, year)):
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if groups.get("hour") is not None:
        hour = _hour_24(int(groups["hour"]), groups.get("ampm"))
        if hour is None:
            return iso
        iso += f"T{hour:02d}:{int(groups['minute']):02d}"
    return iso


def _hour_24(hour: int, ampm: str | None) -> int | None:
    if ampm:
        if not 1 <= hour <= 12:
            return None
        is_pm = ampm.lower().startswith("p")
        return (hour % 12) + (12 if is_pm else 0)
    return hour if hour <= 23 else None


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


# --------------------------------------------------------------------------- declared dates

# A date a page declares about itself (JSON-LD datePublished, <meta article:published_time>) is
# written by software, not by a person: a whole ISO 8601 string, or on some CMSs an HTTP-style
# RFC 2822 one ("Thu, 20 Mar 2025 10:15:00 GMT"). It keeps its seconds and its offset. Its year
# comes first, so its order is never in doubt; some CMSs leave out the zeros ("2022-5-5") and
# Highwire's citation_publication_date (read by Google Scholar) separates with slashes
# ("2019/1/22").
_DECLARED_ISO = re.compile(
    r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_DECLARED_RFC_2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
# A declared date outside these years is a placeholder ("0001-01-01", "1970-01-01" from an unset
# timestamp, "9999-12-31") or a typo, not when the page was published or updated. The earliest is
# htmldate's MIN_DATE (1995-01-01: pages dated before it are almost all placeholders); the latest
# leaves a year's slack past htmldate's "today" for scheduled pieces and clocks around new year.
EARLIEST_DECLARED_YEAR = 1995
MAX_DECLARED_YEARS_AHEAD = 1


def declared_date_to_iso(text: str) -> str | None:
    """ISO 8601 without inventing precision or a timezone; None when not a recognisable date or
    not a plausible one (a year outside EARLIEST_DECLARED_YEAR .. next year).

    "2025-03-20" stays a date ("2025/3/20" is the same), "2025-03-11T16:41" keeps minutes only, an offset is kept
    (as "+01:00"; "Z" becomes "+00:00"), fractions of a second are dropped; an RFC 2822 date
    keeps the offset it states ("GMT" is "+00:00").
    """
    match = _DECLARED_ISO.match(text)
    if match is None:
        return _rfc_2822_to_iso(text)
    year_text, _, month_text, day_text, hour, minute, second, offset = match.groups()
    year, month, day = int(year_text), int(month_text), int(day_text)
    if not (_is_plausible_year(year) and _is_calendar_date(year, month, day)):
        return None
    if hour is not None and not (int(hour) < 24 and int(minute) < 60 and int(second or 0) < 60):
        return None
    # Written out from the numbers: \d also matches other scripts' digits ("২০২০"), which int() reads.
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if hour is None:
        return iso
    iso += f"T{int(hour):02d}:{int(minute):02d}" + (f":{int(second):02d}" if second else "")
    return iso + _iso_offset(offset) if offset else iso


def _is_plausible_year(year: int) -> bool:
    # The clock is read per call, not at import: a long-running worker crosses new year.
    return EARLIEST_DECLARED_YEAR <= year <= date.today().year + MAX_DECLARED_YEARS_AHEAD


def _is_calendar_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _days_in(month, year)


def _iso_offset(offset: str) -> str:
    """"Z" -> "+00:00", "+0100" -> "+01:00", "-05" -> "-05:00"."""
    if offset in ("Z", "z"):
        return "+00:00"
    digits = offset[1:].replace(":", "")
    return f"{offset[0]}{int(digits[:2]):02d}:{int(digits[2:] or 0):02d}"


def _rfc_2822_to_iso(text: str) -> str | None:
    if not _DECLARED_RFC_2822.match(text):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if not _is_plausible_year(parsed.year):
        return None
    return parsed.isoformat() if parsed.tzinfo else parsed.isoformat(timespec="seconds")
