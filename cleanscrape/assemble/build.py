"""Labelled document -> Page: articles with their metadata, the removal log and the explain view."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cleanscrape.assemble.segment import Segment, page_kind, roles, segment
from cleanscrape.model import Article, Document, Line, Page, PageMeta, Removal, Verdict
from cleanscrape.parse.dateline import parse_dateline
from cleanscrape.parse.language import detect_language
from cleanscrape.settings import Settings

# Structured metadata (HTML) fills what the page's lines did not say.
_PAGE_META_FIELDS = ("title", "published", "updated", "publisher", "section")


def build_page(doc: Document, settings: Settings, source: str | None = None) -> Page:
    articles = [article for part in segment(doc) if (article := build_article(doc, part)).text]
    kind = page_kind(len(articles))
    for article, role in zip(articles, roles(kind, len(articles))):
        article.role = role
    if articles:
        _fill_from_page_meta(articles[0], doc.page_meta)
    page = Page(
        kind=kind,
        articles=articles,
        removed=list(removals(doc)),
        warnings=list(_warnings(doc)),
        source=source,
        heading=_first_fact(doc, 0, len(doc.lines), "heading"),
        explain=tuple(explain(doc)),
    )
    # The language the page declares (HTML lang, JSON-LD inLanguage) wins over a statistical guess.
    page.language = _declared_language(doc.page_meta) or detect_language(page.text, settings.language_sample_chars)
    return page


def build_article(doc: Document, part: Segment) -> Article:
    paragraphs = [_paragraph(doc, index) for index in range(part.start, part.end) if _has_text(doc, index)]
    facts = list(_facts(doc, part.start, part.end))
    article = Article(
        title=_first(facts, "title"),
        text="\n\n".join(paragraphs),
        published=_first(facts, "published"),
        updated=_first(facts, "updated"),
        publisher=_first(facts, "publisher"),
        section=_first(facts, "section"),
        authors=_unique(name for field, names in facts if field == "authors" for name in names),
        editors=_unique(name for field, names in facts if field == "editors" for name in names),
        agency=_first(facts, "agency"),
        captions=_unique(value for field, value in facts if field == "caption"),
    )
    if paragraphs:
        article.dateline = parse_dateline(paragraphs[0], doc.day_first)
        if article.dateline and not article.agency:
            article.agency = article.dateline.agency
    return article


def removals(doc: Document) -> Iterator[Removal]:
    """Every dropped line and trimmed fragment, in input order, with its stage's reason."""
    for index, line in enumerate(doc.lines):
        label = doc.labels[index]
        if label is not None and label.verdict is Verdict.DROP:
            yield Removal(line.number, line.display, label.reason)
        for trim in doc.trims[index] if doc.is_kept(index) else ():
            start, end = trim.span  # type: ignore[misc]
            yield Removal(line.number, line.text[start:end].strip(), trim.reason)


def explain(doc: Document) -> Iterator[tuple[Line, str, str]]:
    """(line, verdict, reason) for every input line: the view behind `--explain`."""
    for index, line in enumerate(doc.lines):
        label = doc.labels[index]
        if line.is_blank:
            yield line, "blank", ""
        elif label is not None and label.verdict is Verdict.DROP:
            yield line, "drop", label.reason
        elif doc.trims[index]:
            yield line, "trim", ",".join(trim.reason for trim in doc.trims[index])
        else:
            yield line, "keep", label.reason if label is not None else ""


def _has_text(doc: Document, index: int) -> bool:
    return not doc.lines[index].is_blank and doc.is_kept(index) and bool(doc.kept_text(index))


def _paragraph(doc: Document, index: int) -> str:
    marker = doc.lines[index].marker
    text = doc.kept_text(index)
    return f"{marker} {text}" if marker else text


def _facts(doc: Document, start: int, end: int) -> Iterator[tuple[str, Any]]:
    for index in range(start, end):
        label = doc.labels[index]
        if label is not None:
            yield from label.facts
        if doc.is_kept(index):
            for trim in doc.trims[index]:
                yield from trim.facts


def _first_fact(doc: Document, start: int, end: int, field: str) -> Any:
    return _first(_facts(doc, start, end), field)


def _first(facts: Any, field: str) -> Any:
    return next((value for name, value in facts if name == field), None)


def _unique(values: Any) -> list[Any]:
    return list(dict.fromkeys(values))


def _fill_from_page_meta(article: Article, page_meta: PageMeta) -> None:
    for field in _PAGE_META_FIELDS:
        if getattr(article, field) is None and getattr(page_meta, field):
            setattr(article, field, getattr(page_meta, field))
    if not article.authors and page_meta.authors:
        article.authors = list(page_meta.authors)


def _declared_language(page_meta: PageMeta) -> str | None:
    declared = (page_meta.language or "").strip().lower()
    code = declared.replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None


def _warnings(doc: Document) -> Iterator[str]:
    for index, line in enumerate(doc.lines):
        label = doc.labels[index]
        for field, value in label.facts if label is not None else ():
            if field == "undated":
                yield f"line {line.number}: date {value!r} is ambiguous (day/month order not shown on the page); left out"
