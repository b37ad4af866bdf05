"""Typed facts a front end reads from a page's structured metadata."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page declares about itself (HTML: JSON-LD, then <meta>, then <title>); every field
    is None (or empty) when the page does not say it. Dates are ISO 8601."""

    title: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    description: str | None = None
    body: str | None = None  # JSON-LD articleBody: checks the extraction, never becomes text
    language: str | None = None  # as declared (e.g. "en-GB"); assemble keeps the primary subtag


NO_PAGE_META = PageMeta()
