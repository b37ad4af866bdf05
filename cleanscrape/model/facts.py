"""Typed facts: what a line consumed into metadata told us (`Fact`), and what the page declares
about itself in its structured metadata (`PageMeta`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class StrEnum(str, enum.Enum):
    """An enum whose members are their string values, also to str() and format(), as
    `enum.StrEnum` from Python 3.11 (we support 3.10): json.dumps and f-strings give the value."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)


class FactKind(StrEnum):
    """Every fact a stage can read from a line it drops as metadata, a caption or a credit.

    Assemble consumes every kind (tests/test_facts.py checks it): a line cut from the text never
    loses what it said.
    """

    TITLE = "title"  # starts an article
    HEADING = "heading"  # a listing page's own heading above the first title
    STANDFIRST = "standfirst"  # the summary the article's own <header> prints under the headline
    PUBLISHED = "published"  # ISO 8601
    UPDATED = "updated"  # ISO 8601
    UNDATED = "undated"  # a date as printed whose day/month order the page does not prove: a warning
    PUBLISHER = "publisher"
    SECTION = "section"
    AUTHOR = "author"  # one fact a name
    EDITOR = "editor"  # one fact a name
    AGENCY = "agency"
    CAPTION = "caption"


class PageType(StrEnum):
    """What kind of page the HTML is, decided before extraction (frontends/html/kinds/decide.py),
    with WCXB's names for the kinds. Not `Page.kind`, which says how the kept text is segmented
    (one article, a listing of cards, nothing). Text input has no markup to tell the kinds apart:
    it is a LISTING when its text is segmented into cards, else an ARTICLE."""

    ARTICLE = "article"
    FORUM = "forum"  # a discussion thread or a question with its answers
    PRODUCT = "product"
    COLLECTION = "collection"  # a shop's category: product cards
    LISTING = "listing"  # a list of articles, posts, jobs, events: headline cards with teasers
    DOCUMENTATION = "documentation"
    SERVICE = "service"  # an organisation's page about what it offers


@dataclass(frozen=True, slots=True)
class Fact:
    kind: FactKind
    value: str


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
    # Read from the markup rather than declared: htmldate's dates (ISO days) and the byline's names.
    markup_published: str | None = None
    markup_updated: str | None = None
    byline_authors: tuple[str, ...] = ()
    # A wire agency the declared or byline authors named ("Reuters"): the article's agency, no author.
    agency: str | None = None


NO_PAGE_META = PageMeta()
