"""The page's visible text lines, and which of them the extractor's lines came from.

An HTML page's "input lines", for the removal log and `Line.number`, are its visible text lines:
the text of the page's text nodes (scripts, styles and other unseen elements left out), one a
line, numbered from 1 in page order. selectolax does not give source positions, so a line is
traced back to this numbering rather than to a line of the HTML source.

The extractor (trafilatura) prints a paragraph's text nodes as one line, joins table cells with
" | " and may drop the spaces between inline elements; its lines are found in the visible text
compared without whitespace or pipes, in page order.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.decode.normalize import split_lines
from cleanscrape.model import Line

# What a reader never sees as text.
NOT_VISIBLE_SELECTOR = "script, style, noscript, template, svg, iframe, head"
# Characters the comparison ignores: whitespace (which inline elements and the extractor arrange
# differently; \s is what str.split() splits at) and the pipes trafilatura puts between table cells.
_IGNORED = re.compile(r"[\s|]+")
# Joins lines whose keys are taken in one pass: a character no key holds (not whitespace, not a pipe).
_SEPARATOR = "\x00"


def visible_text(tree: LexborHTMLParser) -> str:
    """The page's text as a reader sees it, one text node a line."""
    root = tree.body or tree.root
    if root is None:
        return ""
    root = root.clone()
    for node in root.css(NOT_VISIBLE_SELECTOR):
        node.decompose()
    return root.text(separator="\n", strip=True)


def visible_lines(shown: str) -> tuple[Line, ...]:
    """`visible_text`'s lines, normalised as extracted lines are, numbered by the non-blank lines
    (the blank ones, from whitespace between tags, take the number of the line before)."""
    numbered: list[Line] = []
    number = 0
    blank = Line(number=1, text="")
    for line in split_lines(shown):
        if line.text:
            number += 1
            # Up to the first blank line the numbers agree: no new Line.
            numbered.append(line if line.number == number else Line(number, line.text, line.marker))
        else:
            # Most of a page's lines are blank (whitespace between tags): a run of them shares one
            # Line, as they are equal (a blank line never keeps a marker).
            if blank.number != max(number, 1):
                blank = Line(number=max(number, 1), text="")
            numbered.append(blank)
    return tuple(numbered)


def comparison_key(text: str) -> str:
    """The text as the trace compares it: without whitespace and table-cell pipes."""
    return _IGNORED.sub("", text)


def _keys(texts: Sequence[str]) -> list[str]:
    """`comparison_key` of each of `texts`, in one regex pass over them joined (a few times faster than
    one call per line on a page's thousand visible lines)."""
    joined = _SEPARATOR.join(texts)
    if not texts or joined.count(_SEPARATOR) != len(texts) - 1:  # none, or a text holding the separator
        return [comparison_key(text) for text in texts]
    return comparison_key(joined).split(_SEPARATOR)


@dataclass(frozen=True, slots=True)
class Traced:
    """Extracted lines renumbered by the visible line each starts on, and the visible lines
    none of them holds (what the extractor left out), in page order."""

    lines: tuple[Line, ...]
    left_out: tuple[Line, ...]


def trace(extracted: Sequence[Line], visible: Sequence[Line]) -> Traced:
    """Find each extracted line in the visible lines, in page order.

    Each extracted line is aligned with the visible text from where the previous one ended (then,
    when the extractor moved it, from the top), see `_align`; the visible lines lying wholly inside
    an aligned stretch are covered. A line not found (text the extractor rewrote) takes the number
    of the line before it. A visible line no extracted line covers is left out, unless one
    extracted line holds its text anyway (a repeated line, or one the extractor printed elsewhere).
    """
    shown = [line for line in visible if line.text]
    keys = _keys([line.text for line in shown])
    page = "".join(keys)
    starts = list(itertools.accumulate((len(key) for key in keys[:-1]), initial=0)) if keys else []
    covered = [False] * len(shown)
    numbered: list[Line] = []
    cursor, number = 0, shown[0].number if shown else 1
    extracted_keys = _keys([line.text for line in extracted])
    for line, key in zip(extracted, extracted_keys, strict=True):
        stretches = _align(page, key, cursor)
        for start, end in stretches:
            for index in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
                covered[index] = covered[index] or starts[index] + len(keys[index]) <= end
        if stretches:
            number, cursor = shown[bisect.bisect_right(starts, stretches[0][0]) - 1].number, stretches[-1][1]
        numbered.append(Line(number=number, text=line.text, marker=line.marker))
    # Keys hold no whitespace, so a key found in the newline-joined keys lies inside one line's.
    all_extracted = "\n".join(extracted_keys)
    left_out = tuple(line for line, key, is_covered in zip(shown, keys, covered, strict=True)
                     if not is_covered and not (key and key in all_extracted))
    return Traced(tuple(numbered), left_out)


# An extracted line is found by its first characters: enough not to be found by chance in a
# menu (a 5-word phrase), few enough to resume soon after text the extractor skipped.
ANCHOR_CHARS = 24
# Within one extracted paragraph the extractor skips buttons, counters and inline ads ("MORE",
# "46m"), not whole sections: the rest of a line is looked for this near (in key characters).
MAX_SKIPPED_CHARS = 500


def _align(page: str, key: str, cursor: int) -> list[tuple[int, int]]:
    """[start, end) stretches of `page` that spell `key`, in order: the key's first characters
    are found from `cursor` (else from the top), matched as far as they agree with the page, and
    the rest resumes a little further on, so that visible text the extractor skipped inside a
    paragraph stays outside every stretch. Characters of `key` found nowhere are passed over."""
    stretches: list[tuple[int, int]] = []
    rest = key
    while rest:
        anchor = rest[:ANCHOR_CHARS]
        if stretches:
            found = page.find(anchor, cursor, cursor + MAX_SKIPPED_CHARS + len(anchor))
        else:
            found = page.find(anchor, cursor)
            found = page.find(anchor) if found == -1 else found
        if found == -1:
            rest = rest[len(anchor):]
            continue
        matched = _common_prefix_length(page, found, rest)
        stretches.append((found, found + matched))
        cursor, rest = found + matched, rest[matched:]
    return stretches


def _common_prefix_length(page: str, start: int, key: str) -> int:
    """How many first characters of `key` `page` spells from `start` (binary search on slices,
    which compare in C)."""
    low, high = 0, min(len(key), len(page) - start)
    while low < high:
        middle = (low + high + 1) // 2
        if page[start:start + middle] == key[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
