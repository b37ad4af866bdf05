"""Which source wins each metadata field (assemble/build.py): what the page declares, then what its
visible lines print, then what is read from its markup (htmldate's dates, the byline's names)."""

from dataclasses import replace

from cleanscrape.assemble.build import build_page
from cleanscrape.frontends.text import document_from_text
from cleanscrape.model import PageMeta
from cleanscrape.pipeline import label_document
from cleanscrape.settings import Settings

# A text page whose header prints a date and a byline above the body.
PRINTED = """Council approves the new bridge

By Jane Doe
March 20, 2025

The council voted on Tuesday to build the new bridge across the river, after years of debate.

Work is due to start in the spring and to take two years, the mayor said at the meeting.
"""


def first_article(page_meta: PageMeta, text: str = PRINTED):
    doc = replace(document_from_text(text), page_meta=page_meta)
    return build_page(label_document(doc, Settings()), Settings()).articles[0]


def test_the_printed_header_alone():
    article = first_article(PageMeta())
    assert (article.published, article.authors) == ("2025-03-20", ["Jane Doe"])


def test_declared_date_and_authors_win_over_the_printed_ones():
    article = first_article(PageMeta(published="2025-03-19T23:30:00+00:00", authors=("John Roe",)))
    assert (article.published, article.authors) == ("2025-03-19T23:30:00+00:00", ["John Roe"])


def test_the_printed_header_wins_over_the_markup_reading():
    article = first_article(PageMeta(markup_published="2024-01-01", byline_authors=("Someone Else",)))
    assert (article.published, article.authors) == ("2025-03-20", ["Jane Doe"])


def test_the_markup_reading_fills_what_nothing_else_says():
    body = "The council voted on Tuesday to build the new bridge across the river, after years of debate.\n"
    article = first_article(PageMeta(markup_published="2024-01-01", markup_updated="2024-02-01",
                                     byline_authors=("Jane Doe", "John Roe")), text=body)
    assert (article.published, article.updated, article.authors) == ("2024-01-01", "2024-02-01", ["Jane Doe", "John Roe"])


def test_a_day_the_page_labels_updated_is_not_taken_as_published():
    """Issue #22 item 2: a page that shows only "Updated January 16, 2026"."""
    updated_only = PRINTED.replace("March 20, 2025", "Updated January 16, 2026")
    article = first_article(PageMeta(markup_published="2026-01-16"), text=updated_only)
    assert (article.published, article.updated) == (None, "2026-01-16")


def test_an_agency_named_as_author_is_the_articles_agency():
    article = first_article(PageMeta(agency="Reuters"))
    assert (article.authors, article.agency) == (["Jane Doe"], "Reuters")
