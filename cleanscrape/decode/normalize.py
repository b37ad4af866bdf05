"""Normalisation of the text before any stage sees it.

Repair only: line endings, Unicode NFC, invisible trailing characters, mojibake (via ftfy).
Typographic quotes, dashes and full-width characters are content and are preserved.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import ftfy

from cleanscrape.decode.mojibake import mojibake_positions
from cleanscrape.model import Line, line_at, line_starts

# ftfy's defaults also straighten quotes, widen/narrow characters and expand ligatures: that rewrites
# what the author typed, so only the mojibake and control-character repairs are switched on.
_FTFY_REPAIR_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)

# Characters that render as nothing or as space at a line's edges: every character Python calls
# whitespace (so that a line's text never changes again when later code strips it: vertical tab,
# form feed, NEL, the information separators U+001C-U+001F, NBSP, the U+2000 spaces, ...) and the
# zero-width ones.
_EDGE_INVISIBLES = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
# Characters that render as nothing anywhere: ZWSP, ZWNJ, ZWJ, word joiner, the invisible operators
# and separator U+2061-U+2064 (recipe sites end list items with U+2063), BOM, soft hyphen.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad"
_EDGE_INVISIBLES += _ZERO_WIDTH
# List markers scrapers print for <li>: bullets, and -, *, – followed by a space.
LIST_MARKERS = "•·▪▫◦‣⁃●○■□►▸➤✓✔-*–"
_LIST_MARKER = re.compile(rf"^([{re.escape(LIST_MARKERS)}])\s+(?=\S)")
# Two or more: written as one then one or more, which the regex engine scans a third faster than {2,}.
_INNER_SPACES = re.compile(r"[ \t\u00a0][ \t\u00a0]+")


def repair(text: str) -> str:
    """Unify line endings, repair mojibake in the lines ftfy's check finds it in, and apply NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if not text.isascii():
        text = _fix_lines(text, mojibake_positions(text))
    return unicodedata.normalize("NFC", text)


def repair_mojibake(text: str) -> str:
    """`text` with mojibake repaired in the lines ftfy's check finds it in, and nothing else
    changed: a page's HTML before any reader sees it. trafilatura drops the C1 characters of a
    page's own mojibake ("youâ\x80\x99ll" printed "youâll"), which no repair can read afterwards."""
    return text if text.isascii() else _fix_lines(text, mojibake_positions(text))


def _fix_lines(text: str, positions: Iterator[int]) -> str:
    """ftfy on the lines holding a position (ftfy fixes line by line anyway): the cost of the repair
    follows the mojibake, not the page, and a line is repaired the same whatever its neighbours hold."""
    bad_at = list(positions)
    if not bad_at:
        return text
    lines = text.split("\n")
    starts = line_starts(lines)
    for index in sorted({line_at(starts, position) for position in bad_at}):
        lines[index] = ftfy.fix_text(lines[index], _FTFY_REPAIR_ONLY)
    return "\n".join(lines)


def split_lines(text: str) -> tuple[Line, ...]:
    """Normalised lines, numbered from 1 as in the input (after line-ending unification)."""
    texts = line_texts(text)
    # Made by map (in C) and the few lines that open with a marker's character made again by
    # line_of: the same Lines, at two thirds of the cost of a line_of call a line.
    lines = list(map(Line, range(1, len(texts) + 1), texts))
    for index, line in enumerate(texts):
        if line and line[0] in LIST_MARKERS:
            lines[index] = line_of(index + 1, line)
    return tuple(lines)


def nonblank_lines(text: str) -> tuple[Line, ...]:
    """`split_lines`'s non-blank lines, numbered from 1 in their own order (the blank ones skipped)."""
    # A Line is made for the non-blank lines only: two thirds of a page's visible text lines are
    # blank (whitespace between tags), and a Line costs ~1 µs to make. For the same reason the
    # space runs are collapsed after the strip, in the non-blank lines alone (the same lines, as
    # a run at a line's edge is stripped either way; the regex pass over the blank lines' indents
    # cost ~0.2 ms a page).
    stripped = [raw.strip(_EDGE_INVISIBLES) for raw in repair(text).split("\n")]
    shown = _INNER_SPACES.sub(" ", "\n".join(filter(None, stripped))).split("\n")
    return tuple(line_of(number, line) for number, line in enumerate(filter(None, shown), start=1))


def line_texts(text: str) -> list[str]:
    """The text of each line of `split_lines`, list markers included."""
    # Collapsing space runs over the whole text before the per-line strip gives the same lines as
    # collapsing each stripped line (a run at a line's edge is stripped either way) in one pass.
    text = _INNER_SPACES.sub(" ", repair(text))
    return [raw.strip(_EDGE_INVISIBLES) for raw in text.split("\n")]


def line_of(number: int, text: str) -> Line:
    """Line `number` of normalised `text` (one of `line_texts`), its list marker split off."""
    if text and text[0] in LIST_MARKERS:
        match = _LIST_MARKER.match(text)
        if match:
            return Line(number=number, text=text[match.end():], marker=match.group(1))
    return Line(number=number, text=text)


def code_line(text: str) -> str:
    """A line of code as written: repaired like any line, but its indentation and inner spaces kept
    (they are the code's meaning); trailing invisibles and line breaks stripped."""
    return repair(text).rstrip(_EDGE_INVISIBLES).replace("\n", " ")
