"""The document as stages see it: input lines, the labels stages put on them, page-level context.

A front end turns input into a `Document` of `Line`s; stages return `Label`s for those lines.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cleanscrape.model.facts import NO_PAGE_META, Fact, PageMeta, PageType, StrEnum


class Verdict(enum.Enum):
    KEEP = "keep"  # protected: later stages cannot drop the line
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class Line:
    """One input line after normalisation.

    `number` is the 1-based line in the input, so every output can be traced back. For HTML
    input the input's lines are its visible text lines (frontends/html/visible.py): `number` is
    the one the line starts on, shared by the lines the extractor split one paragraph into.
    `marker` is the list bullet the line started with ("" when none); `text` excludes it.
    """

    number: int
    text: str
    marker: str = ""

    @property
    def is_blank(self) -> bool:
        return not self.text

    @property
    def display(self) -> str:
        """The line as a reader saw it, list marker included."""
        return f"{self.marker} {self.text}" if self.marker else self.text


@dataclass(frozen=True, slots=True)
class Label:
    """A stage's verdict on one line (or, with `span`, on part of it).

    `facts` carries what a line told us when it is consumed into metadata, a caption or a
    credit, e.g. (Fact(FactKind.PUBLISHED, "2025-03-20"),).
    """

    index: int
    verdict: Verdict
    reason: str
    facts: tuple[Fact, ...] = ()
    span: tuple[int, int] | None = None  # [start, end) of `Line.text` dropped; None = whole line
    proposal: Label | None = None  # the first verdict, when the revise pass overruled it


class Block(StrEnum):
    """The HTML element a line came from, where it matters to a reader's layout (Markdown output).
    Bulleted list items and table rows need no DOM: their lines carry a marker or `| a | b |` cells."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ORDERED_ITEM = "ordered-item"  # an item of a numbered list (<ol>), which text prints with a bullet
    QUOTE = "quote"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a front end knows about a line beyond its text (from the DOM, for HTML input)."""

    caption: bool = False
    link: bool = False  # the line is a link inside a link-dense block
    link_lead: bool = False  # the line begins with a multi-word link's text: a linked headline and its teaser
    boilerplate: bool = False  # the line sits in nav/aside/footer
    # The line sits in a comment-thread region: readers' comments beside an article, or the
    # posts themselves on a page that is a discussion (a stage judges which, page by page).
    comment: bool = False
    article_header: bool = False  # the line sits in the article's own <header> (headline, standfirst, byline)
    block: Block = Block.PARAGRAPH
    level: int = 0  # a heading's level (1-6 for <h1>-<h6>); a code line's indentation in spaces


# `re.IGNORECASE` compares characters by their simple lower case, and also equates ı with i and
# ſ with s; str.lower() agrees except that it turns İ into two characters. Folding these first
# makes the folded text as long as the text and contain every lower-case ASCII word an
# IGNORECASE pattern matches in it.
_IGNORECASE_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """`text` lower-cased as `re.IGNORECASE` sees it, character for character."""
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        text = text.translate(_IGNORECASE_FOLDS)  # slow (a dict lookup a character): only when needed
    return text.lower()


def line_starts(texts: Sequence[str]) -> tuple[int, ...]:
    """Where each of `texts` starts in `"\\n".join(texts)`."""
    return tuple(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0)) if texts else ()


def line_at(starts: Sequence[int], position: int) -> int:
    """The index of the line holding `position`, given the lines' `starts`."""
    return bisect.bisect_right(starts, position) - 1


@dataclass(frozen=True, slots=True)
class PageText:
    """All lines of a page joined by newlines, as typed and folded, with where each line starts.

    A stage that looks for a few words runs one regex scan over the page and then judges only the
    lines it hit, instead of calling the regex once a line: the page scan runs in C.
    """

    text: str
    folded: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, lines: tuple[Line, ...]) -> PageText:
        texts = [line.text for line in lines]
        joined = "\n".join(texts)
        return cls(text=joined, folded=fold(joined), starts=line_starts(texts))

    def lines_hit(self, pattern: re.Pattern[str]) -> list[int]:
        """Indices, in order, of the lines holding a match of `pattern` in their text (as typed).
        The pattern must never match a newline, so that every match lies inside one line."""
        return sorted({line_at(self.starts, match.start()) for match in pattern.finditer(self.text)})

    def lines_containing(self, words: tuple[str, ...]) -> list[int]:
        """Indices, in order, of the lines whose folded text contains one of `words` (lower-case,
        no newline). str.find over the page beats a regex alternation of the words, which Python's
        engine tries word by word at every position."""
        text, starts = self.folded, self.starts
        hits: set[int] = set()
        for word in words:
            position = text.find(word)
            while position != -1:
                line = line_at(starts, position)
                hits.add(line)
                position = text.find(word, starts[line + 1]) if line + 1 < len(starts) else -1
        return sorted(hits)


NO_PAGE_TEXT = PageText.of(())  # the page text of a document without lines


@dataclass(frozen=True, slots=True)
class Document:
    """The input as stages see it: lines, the labels so far, and page-level context.

    Immutable: the pipeline hands each stage a new Document carrying the earlier stages' labels.
    """

    lines: tuple[Line, ...]
    labels: tuple[Label | None, ...] = ()
    trims: tuple[tuple[Label, ...], ...] = ()
    evidence: tuple[Evidence, ...] = ()
    page_meta: PageMeta = field(default_factory=lambda: NO_PAGE_META)  # structured metadata (HTML)
    main_content_found: bool = False  # the front end already isolated the article (trafilatura)
    day_first: bool | None = None  # whether the page's own numeric dates prove day-first order
    page_text: PageText = field(default_factory=lambda: NO_PAGE_TEXT)  # made from `lines` when not given
    # Input lines the front end's extractor left out (HTML: visible text lines trafilatura did not
    # take), numbered like `lines`; stages never see them, the removal log lists them.
    left_out: tuple[Line, ...] = ()
    # HTML: decided before extraction (frontends/html/kinds); None for text, which has no markup to
    # tell the kinds apart (the page's segmentation says whether it is a listing).
    page_type: PageType | None = None

    def __post_init__(self) -> None:
        if self.page_text is NO_PAGE_TEXT and self.lines:
            object.__setattr__(self, "page_text", PageText.of(self.lines))
        if not self.labels:
            object.__setattr__(self, "labels", (None,) * len(self.lines))
        if not self.trims:
            object.__setattr__(self, "trims", ((),) * len(self.lines))

    def is_kept(self, index: int) -> bool:
        label = self.labels[index]
        return label is None or label.verdict is Verdict.KEEP

    def is_protected(self, index: int) -> bool:
        label = self.labels[index]
        return label is not None and label.verdict is Verdict.KEEP

    def kept_indices(self) -> list[int]:
        """Indices of non-blank lines no stage has dropped yet."""
        return [
            index
            for index, (line, label) in enumerate(zip(self.lines, self.labels, strict=True))
            if line.text and (label is None or label.verdict is Verdict.KEEP)
        ]

    def kept_text(self, index: int) -> str:
        """The line's text minus any trimmed spans."""
        text = self.lines[index].text
        if not self.trims[index]:
            return text.strip()  # the common case, without sorting nothing
        for trim in sorted(self.trims[index], key=lambda t: t.span[0], reverse=True):  # type: ignore[index]
            start, end = trim.span  # type: ignore[misc]
            text = text[:start] + text[end:]
        return text.strip()

    def evidence_for(self, index: int) -> Evidence:
        return self.evidence[index] if self.evidence else NO_EVIDENCE


# What is known of a line beyond its text when the front end knows nothing more (text input, a
# line the HTML extractor left out).
NO_EVIDENCE = Evidence()
