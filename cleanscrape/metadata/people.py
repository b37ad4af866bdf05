"""People named in credits and bylines: '(Reporting by X; editing by Y)', 'By X and Y'."""

from __future__ import annotations

import re

# Roles as wire services print them; "additional reporting" still names a reporter of the piece.
_AUTHOR_ROLES = frozenset({"reporting", "additional reporting", "writing", "written", "compiled", "reported", "text"})
_EDITOR_ROLES = frozenset({"editing", "edited", "additional editing"})
_CLAUSE = re.compile(r"^(?P<role>[a-z]+(?: [a-z]+)?)\s+by\s+(?P<names>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s+(?P<names>[^\d].{1,150})$", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
# "Guy Faulconbridge in Moscow": the place is where the reporter filed from, not part of the name.
_FILED_FROM = re.compile(r"\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")
_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+(?:[^\W\d_][\w.'’-]*)){0,4}$")


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
        names = split_names(match["names"])
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
    return split_names(match["names"]) if match else []


def split_names(text: str) -> list[str]:
    names = []
    for part in _NAME_SEPARATORS.split(text.strip().rstrip(".")):
        name = _FILED_FROM.sub("", part.strip())
        if name and _NAME.match(name) and name[0].isupper():
            names.append(name)
    return names
