"""Which lines form which article: every title starts one.

Lines before the first title belong to the first article (nothing is lost); a page with three
(`SegmentConfig.min_listing_items`) or more titled articles is a listing of cards, with two it is
an article and an unrelated one glued after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleanscrape.model import ArticleRole, Document, FactKind, PageKind
from cleanscrape.settings import SegmentConfig


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


def segment(doc: Document) -> list[Segment]:
    titles = title_indices(doc)
    starts = [0] + titles[1:] if titles else [0]
    ends = starts[1:] + [len(doc.lines)]
    return [Segment(start, end) for start, end in zip(starts, ends, strict=True)]


def page_kind(article_count: int, config: SegmentConfig) -> PageKind:
    if article_count == 0:
        return PageKind.EMPTY
    return PageKind.LISTING if article_count >= config.min_listing_items else PageKind.ARTICLE


def roles(kind: PageKind, article_count: int) -> list[ArticleRole]:
    if kind is PageKind.LISTING:
        return [ArticleRole.ITEM] * article_count
    return [ArticleRole.MAIN if position == 0 else ArticleRole.APPENDED for position in range(article_count)]
