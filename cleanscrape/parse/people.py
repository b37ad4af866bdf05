"""People named in credits and bylines: '(Reporting by X; editing by Y)', 'By X and Y'."""

from __future__ import annotations

import re

# Roles as wire services print them; "additional reporting" still names a reporter of the piece.
_AUTHOR_ROLES = frozenset({"reporting", "additional reporting", "writing", "written", "compiled", "reported", "text"})
_EDITOR_ROLES = frozenset({"editing", "edited", "additional editing"})
_CLAUSE = re.compile(r"^(?P<role>[a-z]+(?: [a-z]+)?)\s+by\s+(?P<names>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s+(?P<names>[^\d].{1,150})$", re.IGNORECASE)
# No \s* around the separators (callers strip the parts): on a long whitespace run every
# position would rescan the rest of the run (quadratic: 8,000 em spaces took 16 s).
_NAME_SEPARATORS = re.compile(r",|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b")
# "Guy Faulconbridge in Moscow": the place is where the reporter filed from, not part of the name.
# (?<!\s): a try starts where a whitespace run does, not at each of its positions.
_FILED_FROM = re.compile(r"(?<!\s)\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")
# Lower-case words that belong inside names: "Ursula von der Leyen", "Ahmed al-Sharaa", "Ibn Saud".
_NAME_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "al", "el", "bin",
    "ibn", "y",
})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MAX_NAME_WORDS = 5  # not measured: "Ursula von der Leyen" is four; a clause is longer


def parse_credit(text: str) -> tuple[list[str], list[str]] | None:
    """(authors, editors) from a credit line, or None when the line is not a credit."""
    inner = text.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    authors: list[str] = []
    editors: list[str] = []
    for clause in filter(None, (part.strip() for part in inner.split(";"))):
        match = _CLAUSE.match(clause)
        if not match:
            return None
        role = match["role"].lower()
        names = strict_names(match["names"])
        if not names:
            return None
        if role in _AUTHOR_ROLES:
            authors += names
        elif role in _EDITOR_ROLES:
            editors += names
        elif role not in {"graphics", "graphic", "photos", "photo", "video", "production", "produced"}:
            return None
    return (authors, editors) if authors or editors else None


def parse_byline(text: str) -> list[str]:
    """Names from 'By Jane Doe and John Roe'; [] when the line is not a byline."""
    match = _BYLINE.match(text.strip())
    return strict_names(match["names"]) if match else []


def split_names(text: str) -> list[str]:
    """The names in a list of names; parts that are not names (a role, "2 others") are left out."""
    names = []
    for part in _NAME_SEPARATORS.split(text.strip().rstrip(".")):
        name = _FILED_FROM.sub("", part.strip())
        if is_name(name):
            names.append(name)
    return names


def strict_names(text: str) -> list[str]:
    """The names when every part of `text` is one; [] when any part is something else (a sentence)."""
    parts = [
        _FILED_FROM.sub("", part.strip()) for part in _NAME_SEPARATORS.split(text.strip().rstrip(".")) if part.strip()
    ]
    return parts if parts and all(is_name(part) for part in parts) else []


def is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or words[0].casefold() in _WEEKDAYS:
        return False
    return words[0][0].isupper() and all(
        (word[0].isupper() and any(ch.isalpha() for ch in word)) or word.casefold() in _NAME_PARTICLES for word in words
    )
