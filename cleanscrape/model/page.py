"""The cleaned result: a `Page` of `Article`s, with the removal log. Segmentation and metadata
turn a labelled `Document` into one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cleanscrape.model.document import Evidence, Line
from cleanscrape.model.facts import PageType, StrEnum
from cleanscrape.schema import MAIN_ARTICLE_FIELDS, PAGE_COLUMNS, list_columns

_LIST_FIELDS = list_columns(PAGE_COLUMNS)


class PageKind(StrEnum):
    ARTICLE = "article"
    LISTING = "listing"  # three or more titled articles: cards of a listing page
    EMPTY = "empty"  # no text kept


class ArticleRole(StrEnum):
    MAIN = "main"
    APPENDED = "appended"  # an unrelated article glued after the main one
    ITEM = "item"  # a card on a listing


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: str | None = None
    agency: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "date": self.date, "agency": self.agency}


@dataclass(slots=True)
class Article:
    title: str | None = None
    standfirst: str | None = None  # the summary under the headline, cut from the text
    text: str = ""
    published: str | None = None
    updated: str | None = None
    publisher: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    agency: str | None = None
    dateline: Dateline | None = None
    captions: list[str] = field(default_factory=list)
    role: ArticleRole = ArticleRole.MAIN
    lines: list[int] = field(default_factory=list)  # the input line number of each paragraph of `text`

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role.value,
            "title": self.title,
            "standfirst": self.standfirst,
            "text": self.text,
            "published": self.published,
            "updated": self.updated,
            "publisher": self.publisher,
            "section": self.section,
            "authors": list(self.authors),
            "editors": list(self.editors),
            "agency": self.agency,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "captions": list(self.captions),
        }


@dataclass(frozen=True, slots=True)
class Removal:
    line: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass(slots=True)
class Page:
    kind: PageKind = PageKind.EMPTY
    language: str | None = None
    # What kind of page the input is (forum, product, documentation, ...), decided before the body
    # was chosen (frontends/html/kinds); text input is always an article. Not `kind`, which says
    # how the kept text is segmented.
    page_type: PageType = PageType.ARTICLE
    articles: list[Article] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source: str | None = None
    heading: str | None = None  # a listing page's own heading
    # (line, verdict, reason) for every input line; on HTML, every visible line, those the
    # extractor left out included (verdict "drop", reason "extractor").
    explain: tuple[tuple[Line, str, str], ...] = ()
    evidence: tuple[Evidence, ...] = ()  # what the front end knew of each line of `explain` (HTML only)
    # Why Settings.languages or min_words rule the page out ("language", "min-words"); None: kept.
    # clean() still returns the page: the caller (batch: --rejected) decides what to do with it.
    filtered: str | None = None

    @property
    def title(self) -> str | None:
        if self.kind is PageKind.LISTING:
            return self.heading
        return self.articles[0].title if self.articles else None

    @property
    def text(self) -> str:
        if self.kind is PageKind.LISTING:
            return "\n\n".join(article.text for article in self.articles if article.text)
        return self.articles[0].text if self.articles else ""

    def removal_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for removal in self.removed:
            counts[removal.reason] = counts.get(removal.reason, 0) + 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        """The page as JSON. `filtered` appears only on a filtered page, so that the JSON of every
        kept page stays what it was; `to_record()` is the form with fixed keys."""
        result = {
            "source": self.source,
            "kind": self.kind.value,
            "page_type": self.page_type.value,
            "language": self.language,
            "title": self.title,
            "text": self.text,
            "articles": [article.to_dict() for article in self.articles],
            "removed": [removal.to_dict() for removal in self.removed],
            "warnings": list(self.warnings),
        }
        if self.filtered is not None:
            result["filtered"] = self.filtered
        return result

    def to_record(self) -> dict[str, Any]:
        """The page as one flat table row: the keys and types of `cleanscrape.schema.PAGE_COLUMNS`,
        all of them whatever the page holds (null or [] when unknown), the main article's metadata
        as columns of their own (a listing has none), the articles and removal log nested."""
        main = self.articles[0].to_dict() if self.articles and self.kind is PageKind.ARTICLE else {}
        return {
            "source": self.source,
            "kind": self.kind.value,
            "page_type": self.page_type.value,
            "language": self.language,
            "filtered": self.filtered,
            "title": self.title,
            "text": self.text,
            **{name: main.get(name, [] if name in _LIST_FIELDS else None) for name in MAIN_ARTICLE_FIELDS},
            "dateline": main.get("dateline"),
            "article_count": len(self.articles),
            "articles": [article.to_dict() for article in self.articles],
            "removed": [removal.to_dict() for removal in self.removed],
            "warnings": list(self.warnings),
        }
