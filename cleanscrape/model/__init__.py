"""The data model: `document` (what stages read and label), `page` (the cleaned result) and
`facts` (typed metadata a front end reads from the page)."""

from cleanscrape.model.document import Document, Evidence, Label, Line, PageText, Verdict, fold, line_at, line_starts
from cleanscrape.model.facts import NO_PAGE_META, PageMeta
from cleanscrape.model.page import Article, Dateline, Page, Removal

__all__ = [
    "Article", "Dateline", "Document", "Evidence", "Label", "Line", "NO_PAGE_META", "Page", "PageMeta",
    "PageText", "Removal", "Verdict", "fold", "line_at", "line_starts",
]
