"""The main content: the densest run of prose on the page, and the header above it.

A page dump holds one block of running prose (the article) inside menus, teasers, footers and
comments, which are made of short unpunctuated lines. Scoring prose lines by their length and
every other line by a penalty, the run with the highest total (a maximum-sum subarray, the idea of
Finn et al.'s Body Text Extraction) is the article; short lines inside it (subheadings, list
items) stay because the prose around them outweighs them. The article's header (title, dates,
byline, just above the run) stays for the metadata stage. Everything else is boilerplate, or
comments when it follows a comment-section header, which an article never runs through.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..model import Document, Label, Line, Verdict
from ..settings import Settings
from ..shapes import ends_sentence, is_headline, is_prose, word_count
from . import Stage
from .metadata import header_block_start

LINE_PENALTY = 3.0  # what a short non-sentence line (menu item, teaser title) costs the region
LIST_ITEM_PENALTY = 4.0  # list items are menus far more often than article lists
SHORT_SENTENCE_WEIGHT = 0.5  # a finished short sentence is weak evidence of article text
MIN_REGION_WORDS = 20  # below this there is no main body to speak of: label nothing
_COMMENTS_HEADER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?|discussion)(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b"
    r"|^(?:join|start)\s+the\s+(?:conversation|discussion)\b"
    r"|^(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments\b"
    r"|^comments\s+are\s+closed\b|^have\s+your\s+say\b|^share\s+your\s+thoughts\b",
    re.IGNORECASE,
)


def is_comments_header(text: str) -> bool:
    return word_count(text) <= 8 and bool(_COMMENTS_HEADER.search(text))


def line_score(line: Line) -> float:
    words = word_count(line.text)
    if is_prose(line.text):
        return float(words)
    if ends_sentence(line.text) and words >= 3:
        return words * SHORT_SENTENCE_WEIGHT
    return -(LIST_ITEM_PENALTY if line.marker else LINE_PENALTY)


def densest_run(scores: Sequence[float]) -> tuple[int, int, float]:
    """[start, end) of the maximum-sum run of `scores`, and its sum (Kadane's algorithm)."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for position, score in enumerate(scores):
        if total <= 0:
            start, total = position, 0.0
        total += score
        if total > best[2]:
            best = (start, position + 1, total)
    return best


def label_main_content(doc: Document, settings: Settings) -> Iterator[Label]:
    kept = list(doc.kept_indices())
    lines = [doc.lines[index] for index in kept]
    comments_at = next((pos for pos, line in enumerate(lines) if is_comments_header(line.text)), len(lines))
    start, end, total = densest_run([line_score(line) for line in lines[:comments_at]])
    if total < MIN_REGION_WORDS:
        return
    start = header_block_start(lines[:start])
    if start > 0 and is_headline(lines[start - 1].text) and start < len(lines) and is_headline(lines[start].text):
        start -= 1  # a kicker or page heading printed right above the title
    for pos in range(len(lines)):
        if not start <= pos < end:
            yield Label(kept[pos], Verdict.DROP, "comments" if pos >= comments_at else "boilerplate")


STAGE = Stage("main-content", label_main_content, ("boilerplate", "comments"))
