"""When the page says it was published and updated, as htmldate reads its markup.

htmldate (trafilatura's own date reader) looks where publishers put dates: a date in the URL's
path, <meta> and JSON-LD, <time> and <abbr> elements, elements whose class names a date, then
the text. Its answer stands behind the page's declared metadata (structured.py) and before a date
read from the visible lines (assemble decides the order).
"""

from __future__ import annotations

from dataclasses import dataclass

from htmldate import find_date
from lxml.html import HtmlElement  # type: ignore[import-untyped]

# htmldate's extensive search reads free text and may settle on any date the page mentions (a
# copyright year, an event's date); measured on the three metadata sets, it still gains more
# right dates than it adds wrong ones (traf-dev 82.8 -> 86.7 % exact).
EXTENSIVE_SEARCH = True


@dataclass(frozen=True, slots=True)
class MarkupDates:
    """htmldate's published (original) and updated (latest) dates, ISO 8601 days; None if none."""

    published: str | None = None
    updated: str | None = None


def web_url(source: str | None) -> str | None:
    """`source` when it is an http(s) URL, else None: a file path is no page address."""
    return source if source and source.startswith(("http://", "https://")) else None


def markup_dates(tree: HtmlElement, url: str | None) -> MarkupDates:
    """The page's published and updated dates as htmldate finds them.

    htmldate's own bounds apply: 1995-01-01 (before it, dates on the web are almost all
    placeholders) to today (a page cannot have been published later than it was read).
    """
    page_url = web_url(url)
    published = find_date(tree, url=page_url, original_date=True, extensive_search=EXTENSIVE_SEARCH)
    updated = find_date(tree, url=page_url, original_date=False, extensive_search=EXTENSIVE_SEARCH)
    return MarkupDates(published=published, updated=updated if updated != published else None)
