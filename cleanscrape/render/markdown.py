"""A Page as Markdown: each article's title as a heading, then its kept paragraphs with the layout
the page gave them (headings, lists, tables, block quotes, code).

Only what the Page kept is written, so the same verdicts that shape `Page.text` shape the
Markdown. For HTML input the front end's evidence tells a line's element (heading, quote, code);
list items and table rows show in the text itself (a list marker, `| a | b |` cells), so they are
recognised in text input too, where a headline-shaped line between two paragraphs is a subheading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby

from cleanscrape.assemble.build import EXTRACTOR
from cleanscrape.model import NO_EVIDENCE, Article, Block, Evidence, Line, Page, PageKind
from cleanscrape.text.shapes import is_headline, is_prose

_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_SEPARATOR = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
# Characters that would start Markdown markup inside a line, and line starts that would open a
# block (heading, quote, list, table, fence, rule): written escaped, so text stays text.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<])")
_BLOCK_START = re.compile(r"^(?:#|>|[-+](?=\s|$)|\||=+$|-+$|~~~)")
_ORDERED_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
_MAX_HEADING_LEVEL = 6


class _Kind:
    """How a paragraph is written; consecutive list items, table rows, quote and code lines form one block."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list-item"
    TABLE_ROW = "table-row"
    QUOTE = "quote"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class _Paragraph:
    kind: str
    text: str  # as kept, list marker removed
    level: int = 0  # a heading's level
    ordered: bool = False  # a list item numbered "1." rather than bulleted


def markdown(page: Page) -> str:
    """The page's kept text as Markdown ("" for an empty page)."""
    # The lines the stages saw: a line the extractor left out may share a visible line's number.
    found_by_row = page.evidence or (NO_EVIDENCE,) * len(page.explain)
    rows = [(row, found) for row, found in zip(page.explain, found_by_row, strict=True) if row[2] != EXTRACTOR]
    lines = {line.number: line for (line, _, _), _ in rows}
    # Text input has no evidence: every line is then a paragraph as far as the DOM goes.
    evidence = {line.number: found for (line, _, _), found in rows}
    title_level = 2 if page.kind is PageKind.LISTING else 1
    parts = [_heading(page.heading, 1)] if page.kind is PageKind.LISTING and page.heading else []
    for article in page.articles:
        if article.title:
            parts.append(_heading(article.title, title_level))
        if article.standfirst:
            parts.extend(_escape(text) for text in article.standfirst.split("\n\n"))
        paragraphs = list(_paragraphs(article, lines, evidence, has_evidence=bool(page.evidence)))
        parts.extend(_blocks(paragraphs, title_level))
    return "\n\n".join(parts) + "\n" if parts else ""


def _paragraphs(
    article: Article, lines: Mapping[int, Line], evidence: Mapping[int, Evidence], *, has_evidence: bool
) -> Iterator[_Paragraph]:
    texts = article.text.split("\n\n") if article.text else []
    numbers = article.lines if len(article.lines) == len(texts) else [0] * len(texts)
    kinds = [_classify(text, lines.get(number), evidence.get(number, NO_EVIDENCE))
             for text, number in zip(texts, numbers, strict=True)]
    for position, paragraph in enumerate(kinds):
        if not has_evidence and _is_subheading(kinds, position):
            paragraph = _Paragraph(_Kind.HEADING, paragraph.text, level=2)
        yield paragraph


def _classify(text: str, line: Line | None, found: Evidence) -> _Paragraph:
    marker = line.marker if line is not None else ""
    if marker and text.startswith(f"{marker} "):
        return _Paragraph(_Kind.LIST_ITEM, text[len(marker) + 1:], ordered=found.block is Block.ORDERED_ITEM)
    if found.block is Block.HEADING:
        return _Paragraph(_Kind.HEADING, text, level=found.level)
    if found.block is Block.CODE:
        # The text carries its indentation when the front end had the line as written.
        return _Paragraph(_Kind.CODE, text if text[:1].isspace() else " " * found.level + text)
    if found.block is Block.QUOTE:
        return _Paragraph(_Kind.QUOTE, text)
    if _TABLE_ROW.match(text):
        return _Paragraph(_Kind.TABLE_ROW, text)
    return _Paragraph(_Kind.PARAGRAPH, text)


def _is_subheading(paragraphs: list[_Paragraph], position: int) -> bool:
    """Text input: a headline-shaped line with a paragraph of prose on either side."""
    if not 0 < position < len(paragraphs) - 1 or paragraphs[position].kind != _Kind.PARAGRAPH:
        return False
    text = paragraphs[position].text
    before, after = paragraphs[position - 1], paragraphs[position + 1]
    return (is_headline(text) and not is_prose(text) and text[-1:] not in "?!"
            and all(side.kind == _Kind.PARAGRAPH and is_prose(side.text) for side in (before, after)))


def _blocks(paragraphs: list[_Paragraph], title_level: int) -> Iterator[str]:
    for kind, group in groupby(paragraphs, key=lambda paragraph: paragraph.kind):
        items = list(group)
        if kind == _Kind.HEADING:
            # Below the article's title whatever level the page used.
            yield from (_heading(item.text, max(item.level, title_level + 1)) for item in items)
        elif kind == _Kind.LIST_ITEM:
            yield "\n".join(_list_items(items))
        elif kind == _Kind.TABLE_ROW:
            yield _table([item.text for item in items])
        elif kind == _Kind.QUOTE:
            yield "\n>\n".join(f"> {_escape(item.text)}" for item in items)
        elif kind == _Kind.CODE:
            yield _code_block([item.text for item in items])
        else:
            yield from (_escape(item.text) for item in items)


def _heading(text: str, level: int) -> str:
    return f"{'#' * min(level, _MAX_HEADING_LEVEL)} {_escape_inline(text)}"


def _list_items(items: list[_Paragraph]) -> Iterator[str]:
    """Bulleted items as `- `, numbered ones as `1. `, `2. `, ... counted from each run's start."""
    number = 0
    for item in items:
        number = number + 1 if item.ordered else 0
        yield f"{number}. {_escape(item.text)}" if item.ordered else f"- {_escape(item.text)}"


def _table(rows: list[str]) -> str:
    """Rows as they came (`| a | b |`), with the separator Markdown needs under the first one."""
    rows = [_escape_inline(row) for row in rows]
    if len(rows) < 2 or not _TABLE_SEPARATOR.match(rows[1]):
        cells = rows[0].count("|") - 1
        rows.insert(1, "|" + "---|" * max(cells, 1))
    return "\n".join(rows)


def _code_block(lines: list[str]) -> str:
    # A fence longer than any run of backticks in the code, so the code cannot close it.
    longest = max((len(run) for text in lines for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence, *lines, fence])


def _escape_inline(text: str) -> str:
    return _INLINE_MARKUP.sub(r"\\\1", text)


def _escape(text: str) -> str:
    """A paragraph of text, escaped so that Markdown shows it as it is."""
    text = _escape_inline(text)
    if _ORDERED_START.match(text):
        return _ORDERED_START.sub(r"\1\\\2", text, count=1)
    return _BLOCK_START.sub(lambda start: "\\" + start.group(0), text, count=1)
