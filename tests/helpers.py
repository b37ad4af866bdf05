"""Small builders shared by the unit tests: in-memory Documents and what a stage said about them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.decode.charset import repair_surrogates
from cleanscrape.decode.normalize import repair_mojibake, split_lines
from cleanscrape.frontends.html.visible import comparison_key, visible_lines, visible_text
from cleanscrape.frontends.text import document_from_text
from cleanscrape.model import Document, Label, Page
from cleanscrape.pipeline import label_document
from cleanscrape.settings import Settings
from cleanscrape.stages import Stage


def doc_from_lines(lines: Sequence[str]) -> Document:
    """A Document as the text front end builds it: one Line per string, numbered from 1."""
    return document_from_text("\n".join(lines))


def _as_doc(doc_or_lines: Document | Sequence[str]) -> Document:
    return doc_or_lines if isinstance(doc_or_lines, Document) else doc_from_lines(doc_or_lines)


def stage_labels(stage: Stage, doc_or_lines: Document | Sequence[str], settings: Settings | None = None) -> list[Label]:
    """Every Label one stage returns on its own, with nothing run before it."""
    return list(stage.label(_as_doc(doc_or_lines), settings or Settings()))


def labels_of(stage: Stage, doc_or_lines: Document | Sequence[str], settings: Settings | None = None) -> dict[int, str]:
    """{input line number: reason} for every line (or part of a line) the stage labels."""
    doc = _as_doc(doc_or_lines)
    return {doc.lines[label.index].number: label.reason for label in stage_labels(stage, doc, settings)}


def facts_of(stage: Stage, doc_or_lines: Document | Sequence[str], settings: Settings | None = None) -> dict[int, tuple[tuple[str, str], ...]]:
    """{input line number: its facts as (kind, value) pairs} for every line the stage labels
    (a FactKind is a str: ("title", "...") compares equal to a title fact)."""
    doc = _as_doc(doc_or_lines)
    return {
        doc.lines[label.index].number: tuple((fact.kind, fact.value) for fact in label.facts)
        for label in stage_labels(stage, doc, settings)
    }


def pipeline_labels(doc_or_lines: Document | Sequence[str], settings: Settings | None = None) -> dict[int, str]:
    """{input line number: reason} for every whole-line verdict after the full pipeline."""
    doc = label_document(_as_doc(doc_or_lines), settings or Settings())
    return {line.number: label.reason for line, label in zip(doc.lines, doc.labels, strict=True) if label is not None}


def unaccounted_lines(text: str, page: Page) -> list[str]:
    """Non-blank input lines that are neither in some article's text nor in the removal log.

    A line is in the text when its kept part (the whole line, or what is left after a trim)
    is in an article's text; it is logged when a Removal carries its line number.
    """
    logged: dict[int, list[str]] = {}
    for removal in page.removed:
        logged.setdefault(removal.line, []).append(removal.text)
    texts = [article.text for article in page.articles]
    missing = []
    for line in split_lines(text):
        if line.is_blank:
            continue
        if line.number in logged and any(
            not kept or any(kept in t for t in texts) for kept in _remainders(line.display, logged[line.number])
        ):
            continue
        if any(line.display in t for t in texts):
            continue
        missing.append(line.display)
    return missing


def _remainders(display: str, parts: list[str]) -> set[str]:
    """The line with each logged part taken out once, at any of its places: the log says what a
    trim removed, not where ("... MEM ... MEM" trimmed at the end still holds the first MEM)."""
    candidates = {display}
    for part in parts:
        candidates = {
            candidate[:at] + candidate[at + len(part):]
            for candidate in candidates
            for at in range(len(candidate)) if candidate.startswith(part, at)
        }
    return {candidate.strip() for candidate in candidates}


def non_blank(lines: Iterable[str]) -> list[str]:
    return [line for line in lines if line.strip()]


def unaccounted_visible_lines(html: str, page: Page) -> list[str]:
    """Visible text lines of `html` neither in an article's text nor in the removal log. A line
    a trim cut in two is accounted for when each of its words is in the text or the log. `html`
    is read as clean() reads a str: lone surrogates become U+FFFD, then mojibake is repaired."""
    kept = "\n".join(comparison_key(article.text) for article in page.articles)
    logged = "\n".join(comparison_key(removal.text) for removal in page.removed)
    words = set(re.findall(r"\S+", " ".join([*(a.text for a in page.articles), *(r.text for r in page.removed)])))
    missing = []
    for line in visible_lines(visible_text(LexborHTMLParser(repair_mojibake(repair_surrogates(html))))):
        key = comparison_key(line.text)
        if line.is_blank or key in kept or key in logged or set(line.text.split()) <= words:
            continue
        missing.append(line.text)
    return missing
