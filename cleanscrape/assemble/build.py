"""Labelled document -> Page: articles with their metadata, the removal log and the explain view."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cleanscrape.assemble.segment import Segment, page_kind, roles, segment
from cleanscrape.model import Article, Document, Fact, FactKind, Line, Page, PageMeta, Removal, Verdict
from cleanscrape.parse.dateline import parse_dateline
from cleanscrape.parse.language import detect_language
from cleanscrape.settings import Settings

# The facts read here: into the article whose lines carried them, and into the page. Every kind a
# stage emits must be among them (tests/test_facts.py), so what a stage cuts from the text as
# metadata is never lost.
ARTICLE_FACTS = frozenset({
    FactKind.TITLE, FactKind.STANDFIRST, FactKind.PUBLISHED, FactKind.UPDATED, FactKind.PUBLISHER,
    FactKind.SECTION, FactKind.AUTHOR, FactKind.EDITOR, FactKind.AGENCY, FactKind.CAPTION,
})
PAGE_FACTS = frozenset({FactKind.HEADING, FactKind.UNDATED})
CONSUMED_FACTS = ARTICLE_FACTS | PAGE_FACTS
# Structured metadata (HTML) fills what the page's lines did not say.
_PAGE_META_FIELDS = ("title", "published", "updated", "publisher", "section")


def build_page(doc: Document, settings: Settings, source: str | None = None) -> Page:
    articles = [article for part in segment(doc) if (article := build_article(doc, part)).text]
    kind = page_kind(len(articles), settings.segment)
    for article, role in zip(articles, roles(kind, len(articles)), strict=True):
        article.role = role
    if articles:
        _fill_from_page_meta(articles[0], doc.page_meta)
    page = Page(
        kind=kind,
        articles=articles,
        removed=list(removals(doc)),
        warnings=list(_warnings(doc)),
        source=source,
        heading=_first(_facts(doc, 0, len(doc.lines)), FactKind.HEADING),
        explain=tuple(explain(doc)),
        evidence=doc.evidence,
    )
    # The language the page declares (HTML lang, JSON-LD inLanguage) wins over a statistical guess.
    page.language = _declared_language(doc.page_meta) or detect_language(page.text, settings.language_sample_chars)
    return page


def build_article(doc: Document, part: Segment) -> Article:
    indices = [index for index in range(part.start, part.end) if _has_text(doc, index)]
    paragraphs = [_paragraph(doc, index) for index in indices]
    facts = list(_facts(doc, part.start, part.end))
    standfirst = _all(facts, FactKind.STANDFIRST)
    article = Article(
        title=_first(facts, FactKind.TITLE),
        standfirst="\n\n".join(standfirst) if standfirst else None,
        text="\n\n".join(paragraphs),
        published=_first(facts, FactKind.PUBLISHED),
        updated=_first(facts, FactKind.UPDATED),
        publisher=_first(facts, FactKind.PUBLISHER),
        section=_first(facts, FactKind.SECTION),
        authors=_all(facts, FactKind.AUTHOR),
        editors=_all(facts, FactKind.EDITOR),
        agency=_first(facts, FactKind.AGENCY),
        captions=_all(facts, FactKind.CAPTION),
        lines=[doc.lines[index].number for index in indices],
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


def _facts(doc: Document, start: int, end: int) -> Iterator[Fact]:
    for index in range(start, end):
        label = doc.labels[index]
        if label is not None:
            yield from label.facts
        if doc.is_kept(index):
            for trim in doc.trims[index]:
                yield from trim.facts


def _first(facts: Iterable[Fact], kind: FactKind) -> str | None:
    return next((fact.value for fact in facts if fact.kind is kind), None)


def _all(facts: Iterable[Fact], kind: FactKind) -> list[str]:
    """Every value of `kind`, each once, in page order."""
    return list(dict.fromkeys(fact.value for fact in facts if fact.kind is kind))


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
        for fact in label.facts if label is not None else ():
            if fact.kind is FactKind.UNDATED:
                yield (
                    f"line {line.number}: date {fact.value!r} is ambiguous (day/month order not shown on the page);"
                    " left out"
                )
