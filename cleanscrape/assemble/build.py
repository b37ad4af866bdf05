"""Labelled document -> Page: articles with their metadata, the removal log and the explain view."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence

from cleanscrape.assemble.segment import Segment, declares_one_article, page_kind, roles, segment
from cleanscrape.model import (
    NO_EVIDENCE,
    Article,
    Block,
    Document,
    Evidence,
    Fact,
    FactKind,
    Line,
    Page,
    PageKind,
    PageMeta,
    PageType,
    Removal,
    Verdict,
)
from cleanscrape.parse.dateline import parse_dateline
from cleanscrape.parse.language import page_language
from cleanscrape.settings import Settings
from cleanscrape.text.shapes import is_prose

# The facts read here: into the article whose lines carried them, and into the page. Every kind a
# stage emits must be among them (tests/test_facts.py), so what a stage cuts from the text as
# metadata is never lost.
ARTICLE_FACTS = frozenset({
    FactKind.TITLE, FactKind.STANDFIRST, FactKind.PUBLISHED, FactKind.UPDATED, FactKind.PUBLISHER,
    FactKind.SECTION, FactKind.AUTHOR, FactKind.EDITOR, FactKind.AGENCY, FactKind.CAPTION,
})
PAGE_FACTS = frozenset({FactKind.HEADING, FactKind.UNDATED})
CONSUMED_FACTS = ARTICLE_FACTS | PAGE_FACTS
# The reason logged for input the front end's extractor left out (documented in stages.REASONS).
EXTRACTOR = "extractor"
# The reasons of the stages that judge a line by its place on the page (outside the main run of
# prose, in a comment thread, in a list of other articles' headlines), undone when they leave
# extracted main content empty. Measured on the dev sets: see the commit that added them
# ("comments" split from "boilerplate" later, so that threads keep this guarantee).
POSITIONAL_REASONS = frozenset({"boilerplate", "comments", "related-headlines"})
# Structured metadata (HTML) fills what the page's lines did not say. The title a line gives
# wins: in HTML that line is a headline whose words the declared title shares
# (stages/metadata.py), so it differs only by a kicker or a site name the declared one carries.
# Measured (exact %, declared-first vs line-first): readability 84.3 vs 79.5, traf-dev 72.6 vs
# 74.6; no order wins on every set, so the line keeps its place.
_PAGE_META_FIELDS = ("title", "publisher", "section")


def build_page(doc: Document, settings: Settings, source: str | None = None) -> Page:
    articles = _articles(doc)
    if not articles and doc.main_content_found and (revived := _without_positional_drops(doc)) is not None:
        doc, articles = revived, _articles(revived)
    kind = page_kind(len(articles), settings.segment, declares_one_article(doc))
    for article, role in zip(articles, roles(kind, len(articles)), strict=True):
        article.role = role
    if articles:
        _fill_from_page_meta(articles[0], doc.page_meta)
    rows = explain_rows(doc)
    page = Page(
        kind=kind,
        page_type=doc.page_type or (PageType.LISTING if kind is PageKind.LISTING else PageType.ARTICLE),
        articles=articles,
        removed=removals(doc),
        warnings=list(_warnings(doc)),
        source=source,
        heading=_first(_facts(doc, 0, len(doc.lines)), FactKind.HEADING),
        explain=tuple(row for row, _ in rows),
        evidence=tuple(found for _, found in rows) if doc.evidence else (),
    )
    # The language the page declares (HTML lang, JSON-LD inLanguage) wins over a statistical guess,
    # unless the script of the text contradicts it.
    page.language = page_language(page.text, doc.page_meta.language, settings.language_sample_chars)
    return page


def _articles(doc: Document) -> list[Article]:
    return [article for part in segment(doc) if (article := build_article(doc, part)).text]


def _without_positional_drops(doc: Document) -> Document | None:
    """The document with the drops of POSITIONAL_REASONS undone, when that brings back prose.

    Those stages judge a line by its place against the page's main run of prose; when they leave
    an isolated main content with no line at all, there was no main run to be outside of (a
    forum thread or a listing the extractor isolated whole), so their verdicts do not stand."""
    undone = [index for index, label in enumerate(doc.labels)
              if label is not None and label.verdict is Verdict.DROP and label.reason in POSITIONAL_REASONS]
    if not any(is_prose(doc.lines[index].text) for index in undone):
        return None
    labels = list(doc.labels)
    for index in undone:
        labels[index] = None
    return dataclasses.replace(doc, labels=tuple(labels))


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


def removals(doc: Document) -> list[Removal]:
    """Every dropped line and trimmed fragment with its stage's reason, and every run of input
    lines the front end's extractor left out, in input order."""
    return sorted([*stage_removals(doc), *extractor_removals(doc.left_out)], key=lambda removal: removal.line)


def extractor_removals(left_out: Sequence[Line]) -> Iterator[Removal]:
    """One Removal a run of consecutive left-out lines (a menu, a footer, a sidebar), its lines
    joined by newlines and numbered by its first: a page's chrome stays a handful of entries."""
    run: list[Line] = []
    for line in left_out:
        if run and line.number != run[-1].number + 1:
            yield Removal(run[0].number, "\n".join(item.display for item in run), EXTRACTOR)
            run = []
        run.append(line)
    if run:
        yield Removal(run[0].number, "\n".join(item.display for item in run), EXTRACTOR)


def stage_removals(doc: Document) -> Iterator[Removal]:
    """Every dropped line and trimmed fragment, in input order, with its stage's reason."""
    for index, line in enumerate(doc.lines):
        label = doc.labels[index]
        if label is not None and label.verdict is Verdict.DROP:
            yield Removal(line.number, line.display, label.reason)
        for trim in doc.trims[index] if doc.is_kept(index) else ():
            start, end = trim.span  # type: ignore[misc]
            yield Removal(line.number, line.text[start:end].strip(), trim.reason)


def explain_rows(doc: Document) -> list[tuple[tuple[Line, str, str], Evidence]]:
    """((line, verdict, reason), its evidence) for every input line, in input order: the stages'
    lines and, merged by line number, the lines the extractor left out (dropped, "extractor").
    The view behind `--explain` and the explain report; on HTML it covers every visible line."""
    # A merge, not a sort: each sequence keeps its own order, the stages' lines first on a tie.
    # Written out rather than heapq.merge, whose key calls and heap steps per row cost more than
    # the rest of the explain view (0.17 of 0.83 s profiled over 40 shub pages): the same rows
    # in the same order, as it compares only the two sequences' next rows.
    rows: list[tuple[tuple[Line, str, str], Evidence]] = []
    left_out = doc.left_out
    next_left = 0
    for index, row in _in_line_order(doc):
        while next_left < len(left_out) and left_out[next_left].number < row[0].number:
            rows.append(((left_out[next_left], "drop", EXTRACTOR), NO_EVIDENCE))
            next_left += 1
        rows.append((row, doc.evidence_for(index)))
    rows.extend(((line, "drop", EXTRACTOR), NO_EVIDENCE) for line in left_out[next_left:])
    return rows


def _in_line_order(doc: Document) -> list[tuple[int, tuple[Line, str, str]]]:
    """(index, row) of `labelled_rows`, in input line order. On HTML the blank lines between the
    extractor's paragraphs are no input lines (a visible line is never blank): they get no row; and
    a line the extractor moved (a title printed first) takes its place in the page's order."""
    rows = list(enumerate(labelled_rows(doc)))
    if not doc.evidence:
        return rows
    return sorted(((index, row) for index, row in rows if row[1] != "blank"), key=lambda item: item[1][0].number)


def labelled_rows(doc: Document) -> Iterator[tuple[Line, str, str]]:
    """(line, verdict, reason) for every line the stages labelled."""
    for index, line in enumerate(doc.lines):
        label = doc.labels[index]
        if line.is_blank:
            yield line, "blank", ""
        elif label is not None and label.verdict is Verdict.DROP:
            yield line, "drop", label.reason
        elif doc.trims[index]:
            yield line, "trim", ",".join(trim.reason for trim in doc.trims[index])
        elif label is not None and label.proposal is not None:
            yield line, "keep", f"{label.reason} ({label.proposal.reason})"
        else:
            yield line, "keep", label.reason if label is not None else ""


def _has_text(doc: Document, index: int) -> bool:
    return not doc.lines[index].is_blank and doc.is_kept(index) and bool(doc.kept_text(index))


def _paragraph(doc: Document, index: int) -> str:
    marker = doc.lines[index].marker
    # A code line keeps its indentation (the front end gives it as written; no stage trims it).
    code = doc.evidence_for(index).block is Block.CODE and not doc.trims[index]
    text = doc.lines[index].text if code else doc.kept_text(index)
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
    # Dates: what the page declares (JSON-LD, <meta>), then a date its visible lines print, then
    # htmldate's reading of the markup (URL path, <time>, date-classed elements, free text).
    # Measured on traf-dev (exact %): lines > declared 54.3, declared > lines > htmldate 86.1,
    # declared > htmldate > lines 85.9 (readability: 97.0, 100, 100).
    # htmldate reads no labels: the day a line of the page labels "Updated" is no publication date.
    markup_published = page_meta.markup_published
    if markup_published and not article.published and markup_published == (article.updated or "")[:10]:
        markup_published = None
    article.published = page_meta.published or article.published or markup_published
    article.updated = page_meta.updated or article.updated or page_meta.markup_updated
    # Authors in the same order: declared names, a byline line of the text, the byline markup's
    # (the front end keeps only people, so a declared "Staff" gives way to a name).
    article.authors = list(page_meta.authors) or article.authors or list(page_meta.byline_authors)
    # An agency printed in the text (a credit, a dateline) comes first; else one named as an author.
    article.agency = article.agency or page_meta.agency


def _warnings(doc: Document) -> Iterator[str]:
    for index, line in enumerate(doc.lines):
        label = doc.labels[index]
        for fact in label.facts if label is not None else ():
            if fact.kind is FactKind.UNDATED:
                yield (
                    f"line {line.number}: date {fact.value!r} is ambiguous (day/month order not shown on the page);"
                    " left out"
                )
