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
from collections.abc import Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.decode.normalize import LIST_MARKERS, line_of, line_texts
from cleanscrape.model import Line

# What a reader never sees as text.
NOT_VISIBLE_SELECTOR = "script, style, noscript, template, svg, iframe, head"
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
    for text in line_texts(shown):
        if text:
            number += 1
            numbered.append(line_of(number, text))
        else:
            # Most of a page's lines are blank (whitespace between tags): a run of them shares one
            # Line, as they are equal (a blank line never keeps a marker).
            if blank.number != max(number, 1):
                blank = Line(number=max(number, 1), text="")
            numbered.append(blank)
    return tuple(numbered)


def comparison_key(text: str) -> str:
    """The text as the trace compares it: without whitespace (which inline elements and the
    extractor arrange differently), the pipes trafilatura puts between table cells, and the
    characters a line may open with as a list marker (normalisation splits a marker off a visible
    line, "– Several thousand ...", while the extractor keeps it inside its paragraph,
    "Indianapolis – Several thousand ...": with it in one key only, the paragraph's first
    characters were found nowhere and it took the next line's number), and the characters that are
    not printable (controls, soft hyphens, zero-width and other format characters, private-use and
    unassigned code points), which trafilatura removes from its text (a recipe's items ending in
    U+2063 were each logged twice, kept and left out)."""
    return _printable(_spelled(text))


def _spelled(text: str) -> str:
    """comparison_key without its last step (_printable)."""
    # str.split() splits at the characters the regex [\s|]+ calls whitespace (both use
    # str.isspace), ~7x faster than re.sub on a page's text.
    key = "".join(text.split())
    if "\\|" in key:  # trafilatura escapes a pipe inside a table cell ("Siding | Vinyl")
        key = key.replace("\\|", "")
    key = key.replace("|", "")
    for marker in LIST_MARKERS:
        if marker in key:  # a test in C, so the rare marker characters cost a scan each, no copy
            key = key.replace(marker, "")
    return key


def _printable(key: str) -> str:
    # isprintable is a scan in C: most pages' text has no character that is not.
    return key if key.isprintable() else "".join(filter(str.isprintable, key))


def comparison_keys(texts: Sequence[str]) -> list[str]:
    """`comparison_key` of each of `texts`, in one pass over them joined (a few times faster than
    one call per line on a page's thousand visible lines)."""
    joined = _SEPARATOR.join(texts)
    if not texts or joined.count(_SEPARATOR) != len(texts) - 1:  # none, or a text holding the separator
        return [comparison_key(text) for text in texts]
    # The separator is not printable: the keys are split apart before _printable reads them.
    return [_printable(key) for key in _spelled(joined).split(_SEPARATOR)]


@dataclass(frozen=True, slots=True)
class VisibleKeys:
    """The non-blank visible lines as a trace compares them, made once for the several traces of
    one page (the second opinion traces up to three times)."""

    lines: tuple[Line, ...]  # the non-blank visible lines
    keys: tuple[str, ...]  # comparison_key of each
    page: str  # the keys run together
    starts: tuple[int, ...]  # where each key starts in `page`

    @classmethod
    def of(cls, visible: Sequence[Line]) -> VisibleKeys:
        lines = tuple(line for line in visible if line.text)
        keys = comparison_keys([line.text for line in lines])
        return cls(lines, tuple(keys), "".join(keys), key_starts(keys))


def key_starts(keys: Sequence[str]) -> tuple[int, ...]:
    """Where each of `keys` starts in the keys run together."""
    return tuple(itertools.accumulate((len(key) for key in keys[:-1]), initial=0)) if keys else ()


@dataclass(frozen=True, slots=True)
class Traced:
    """Extracted lines renumbered by the visible line each starts on, and the visible lines
    none of them holds (what the extractor left out), in page order."""

    lines: tuple[Line, ...]
    left_out: tuple[Line, ...]
    # Visible lines no extracted line covers whose text one of them holds anyway (a menu's "—" or
    # "Code", a repeated line): not lost text, but lines of the page the log still owes a row.
    held: tuple[Line, ...] = ()
    # The indexes of extracted lines that print again only page text earlier ones covered.
    repeats: frozenset[int] = frozenset()

    @property
    def printed_once(self) -> tuple[Line, ...]:
        """`lines` without the repeats: the page's text as often as the page prints it (an
        extractor prints a block twice, from a nested element and its parent or from its fallback,
        and the log then gave one visible line two rows)."""
        if not self.repeats:
            return self.lines
        return tuple(line for index, line in enumerate(self.lines) if index not in self.repeats)

    @property
    def all_left_out(self) -> tuple[Line, ...]:
        """Every visible line no extracted line covers, in page order: the extractor's removals."""
        if not self.held:
            return self.left_out
        return tuple(sorted((*self.left_out, *self.held), key=lambda line: line.number))


def trace(extracted: Sequence[Line], visible: Sequence[Line] | VisibleKeys) -> Traced:
    """Find each extracted line in the visible lines, in page order.

    Each extracted line is aligned with the visible text from where the previous one ended (then,
    when the extractor moved it, from the top), see `_align`; the visible lines lying wholly inside
    an aligned stretch are covered. A line not found (text the extractor rewrote) takes the number
    of the line before it. A visible line no extracted line covers is left out, unless one
    extracted line holds its text anyway (a repeated line, or one the extractor printed elsewhere).
    An extracted line found only in visible lines earlier ones covered is a repeat.
    """
    shown = visible if isinstance(visible, VisibleKeys) else VisibleKeys.of(visible)
    keys, page, starts = shown.keys, shown.page, shown.starts
    covered = [False] * len(keys)
    numbered: list[Line] = []
    cursor, number = 0, shown.lines[0].number if shown.lines else 1
    extracted_keys = comparison_keys([line.text for line in extracted])
    bounds = frozenset(starts) | {len(page)}
    repeats: list[int] = []
    for at, (line, key) in enumerate(zip(extracted, extracted_keys, strict=True)):
        stretches = _whole_lines(page, key, cursor, bounds) or _align(page, key, cursor)
        says_more = False
        for start, end in stretches:
            for index in range(max(0, bisect.bisect_right(starts, start) - 1), bisect.bisect_left(starts, end)):
                says_more = says_more or not covered[index]
                if starts[index] >= start:
                    covered[index] = covered[index] or starts[index] + len(keys[index]) <= end
        if stretches and not says_more:
            repeats.append(at)
        if stretches:
            number, cursor = shown.lines[bisect.bisect_right(starts, stretches[0][0]) - 1].number, stretches[-1][1]
        numbered.append(Line(number=number, text=line.text, marker=line.marker))
    # Keys hold no whitespace, so a key found in the newline-joined keys lies inside one line's.
    # Each distinct key is looked for once: menus and share bars repeat their entries (a quarter of
    # a page's visible keys), and the search dominated the trace (0.45 of 0.7 ms a page).
    all_extracted = "\n".join(extracted_keys)
    uncovered = {key for key, is_covered in zip(keys, covered, strict=True) if not is_covered and key}
    held = {key for key in uncovered if key in all_extracted}
    uncovered_lines = [(line, key) for line, key, is_covered in zip(shown.lines, keys, covered, strict=True)
                       if not is_covered]
    left_out = tuple(line for line, key in uncovered_lines if key not in held)
    # A line of pipes alone has an empty key, which a stretch around it "covers": it is held, as
    # no extracted line can be told to hold it.
    held_lines = [line for line, key in uncovered_lines if key in held]
    held_lines += [line for line, key, is_covered in zip(shown.lines, keys, covered, strict=True)
                   if is_covered and not key]
    return Traced(tuple(numbered), left_out, tuple(sorted(held_lines, key=lambda line: line.number)),
                  frozenset(repeats))


# How many places a key is found at before the search for it as whole visible lines gives up:
# a short key ("Share", "—") recurs inside longer lines all over a page.
MAX_WHOLE_LINE_TRIES = 20


def _whole_lines(page: str, key: str, cursor: int, bounds: frozenset[int]) -> list[tuple[int, int]]:
    """The first stretch of `page` from `cursor` that spells `key` and starts and ends at visible
    line boundaries (`bounds`), as one stretch; [] when there is none. Found before `_align`'s
    search by first characters, which would take an earlier line that merely begins alike (a page
    title "Headline - Site" above the headline itself) and leave the line itself without a row."""
    position = page.find(key, cursor) if key else -1
    for _ in range(MAX_WHOLE_LINE_TRIES):
        if position == -1:
            return []
        if position in bounds and position + len(key) in bounds:
            return [(position, position + len(key))]
        position = page.find(key, position + 1)
    return []


# An extracted line is found by its first characters: enough not to be found by chance in a
# menu (a 5-word phrase), few enough to resume soon after text the extractor skipped.
ANCHOR_CHARS = 24
# Within one extracted paragraph the extractor skips buttons, counters and inline ads ("MORE",
# "46m"), not whole sections: the rest of a line is looked for this near (in key characters).
MAX_SKIPPED_CHARS = 500
# An extracted line's first characters, looked for near the text before when its anchor is found
# nowhere: two words, then one ("Proof:"), which recur by chance within MAX_SKIPPED_CHARS rarely.
SHORT_ANCHOR_CHARS = (12, 6)


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
        # The page breaks the text within its first characters (an inline formula or widget the
        # extractor left out: "A square matrix [A] is Hermitian"): fewer of them are looked for,
        # near where the text before ended.
        for length in SHORT_ANCHOR_CHARS:
            if found == -1 and length < len(anchor):
                found = page.find(rest[:length], cursor, cursor + MAX_SKIPPED_CHARS + length)
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
