"""The data model: `document` (what stages read and label), `page` (the cleaned result) and
`facts` (what a labelled line told us, and the page's own structured metadata)."""

from cleanscrape.model.document import (
    NO_EVIDENCE,
    Block,
    Document,
    Evidence,
    Label,
    Line,
    PageText,
    Verdict,
    fold,
    line_at,
    line_starts,
)
from cleanscrape.model.facts import NO_PAGE_META, Fact, FactKind, PageMeta, PageType, StrEnum
from cleanscrape.model.page import Article, ArticleRole, Dateline, Page, PageKind, Removal

__all__ = [
    "Article", "ArticleRole", "Block", "Dateline", "Document", "Evidence", "Fact", "FactKind", "Label", "Line",
    "NO_EVIDENCE", "NO_PAGE_META", "Page", "PageKind", "PageMeta", "PageText", "PageType", "Removal", "StrEnum",
    "Verdict",
    "fold", "line_at", "line_starts",
]
