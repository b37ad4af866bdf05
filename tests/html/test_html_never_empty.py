"""An isolated main content never comes back empty because of the stages that judge lines by
their place on the page (assemble.build._without_positional_drops)."""

from __future__ import annotations

import dataclasses

from helpers import doc_from_lines

from cleanscrape.assemble.build import build_page
from cleanscrape.model import Document, Label, PageKind, Verdict
from cleanscrape.settings import Settings

POSTS = [
    "I have been getting gateway errors since the update, mostly in the evening when traffic is high.",
    "Same here. Clearing the cache helped for a day, then the errors came back after the next restart.",
]


def dropped(lines: list[str], reason: str, main_content_found: bool = True) -> Document:
    doc = doc_from_lines(lines)
    labels = tuple(Label(index, Verdict.DROP, reason) if line.text else None for index, line in enumerate(doc.lines))
    return dataclasses.replace(doc, labels=labels, main_content_found=main_content_found)


def test_extracted_posts_all_dropped_as_outside_the_main_run_are_kept() -> None:
    page = build_page(dropped(POSTS, "boilerplate"), Settings())
    assert page.kind is PageKind.ARTICLE and POSTS[1] in page.text and page.removed == []


def test_extracted_posts_all_dropped_as_comments_are_kept() -> None:
    page = build_page(dropped(POSTS, "comments"), Settings())
    assert page.kind is PageKind.ARTICLE and POSTS[0] in page.text


def test_a_listing_all_dropped_as_related_headlines_is_kept() -> None:
    page = build_page(dropped(POSTS, "related-headlines"), Settings())
    assert POSTS[0] in page.text


def test_other_reasons_and_pages_without_isolated_content_or_prose_stay_empty() -> None:
    assert build_page(dropped(POSTS, "chrome"), Settings()).kind is PageKind.EMPTY
    assert build_page(dropped(POSTS, "boilerplate", main_content_found=False), Settings()).kind is PageKind.EMPTY
    menu = ["Home", "Find a Store", "Help", "Sign in"]
    page = build_page(dropped(menu, "boilerplate"), Settings())
    assert page.kind is PageKind.EMPTY and [removal.text for removal in page.removed] == menu
