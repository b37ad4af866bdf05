"""Which lines form which article: every title starts one.

Lines before the first title belong to the first article (nothing is lost); a page with three
(`SegmentConfig.min_listing_items`) or more titled articles is a listing of cards, with two it is
an article and an unrelated one glued after it. In HTML a first line is a title only when it is
the title the page declares: the page is then one article, whatever follows it (stories glued
below it are appended), and without it the first title found is a later story's.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanscrape.model import ArticleRole, Document, FactKind, PageKind
from cleanscrape.settings import SegmentConfig
from cleanscrape.text.shapes import is_prose


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # first line index, inclusive
    end: int  # last line index, exclusive


def title_indices(doc: Document) -> list[int]:
    return [
        index
        for index, label in enumerate(doc.labels)
        if label is not None and any(fact.kind is FactKind.TITLE for fact in label.facts)
    ]


def opens_page(doc: Document, titles: list[int]) -> bool:
    """Whether the first title is the first article's own (no paragraph above it). Text always
    has one; HTML only when the first line is the declared title, so after paragraphs the first
    title found starts a later story."""
    return bool(titles) and not (doc.main_content_found and any(
        doc.is_kept(index) and is_prose(doc.lines[index].text) for index in range(titles[0])))


def declares_one_article(doc: Document) -> bool:
    """HTML whose first article carries the title the page declares: the page is that article."""
    return doc.main_content_found and opens_page(doc, title_indices(doc))


def segment(doc: Document) -> list[Segment]:
    titles = title_indices(doc)
    starts = [0] + (titles[1:] if opens_page(doc, titles) else titles)
    ends = starts[1:] + [len(doc.lines)]
    return [Segment(start, end) for start, end in zip(starts, ends, strict=True)]


def page_kind(article_count: int, config: SegmentConfig, declared_article: bool = False) -> PageKind:
    if article_count == 0:
        return PageKind.EMPTY
    if declared_article:
        return PageKind.ARTICLE
    return PageKind.LISTING if article_count >= config.min_listing_items else PageKind.ARTICLE


def roles(kind: PageKind, article_count: int) -> list[ArticleRole]:
    if kind is PageKind.LISTING:
        return [ArticleRole.ITEM] * article_count
    return [ArticleRole.MAIN if position == 0 else ArticleRole.APPENDED for position in range(article_count)]
