"""Normalisation of the text before any stage sees it.

Repair only: line endings, Unicode NFC, invisible trailing characters, mojibake (via ftfy).
Typographic quotes, dashes and full-width characters are content and are preserved.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from typing import Iterator

import ftfy
from ftfy import badness

from .model import Line

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
# zero-width ones (ZWSP, ZWNJ, ZWJ, word joiner, BOM).
_EDGE_INVISIBLES = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + "\u200b\u200c\u200d\u2060\ufeff"
# List markers scrapers print for <li>: bullets, and -, *, – followed by a space.
_LIST_MARKERS = "•·▪▫◦‣⁃●○■□►▸➤✓✔-*–"
_LIST_MARKER = re.compile(rf"^([{re.escape(_LIST_MARKERS)}])\s+(?=\S)")
_INNER_SPACES = re.compile(r"[ \t\u00a0]{2,}")
# ftfy's mojibake check is one regex whose every branch holds a non-ASCII character among its
# first three characters, so a match can only start at most two characters before a non-ASCII
# run. Trying it at those positions alone gives the same answer as `badness.is_bad` on the whole
# text, which tries every branch at every position (~4 ms on a 12 KB page). A text with more
# candidate positions than this share of its length (a Cyrillic page) is scanned whole.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_BADNESS_LEAD = 2
MAX_CANDIDATE_SHARE = 0.25


def repair(text: str) -> str:
    """Unify line endings, repair mojibake in the lines ftfy's check finds it in, and apply NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    if not text.isascii():
        text = _fix_lines(text, _mojibake_positions(text))
    return unicodedata.normalize("NFC", text)


def looks_like_mojibake(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, trying the regex only where a match can start."""
    return not text.isascii() and next(_mojibake_positions(text), None) is not None


def _mojibake_positions(text: str) -> Iterator[int]:
    """Every position where ftfy's mojibake check matches."""
    runs = [run.span() for run in _NON_ASCII_RUN.finditer(text)]
    if sum(end - start for start, end in runs) + _BADNESS_LEAD * len(runs) > MAX_CANDIDATE_SHARE * len(text):
        yield from (match.start() for match in badness.BADNESS_RE.finditer(text))
        return
    # Mojibake is made of non-ASCII characters; the exact check tries ftfy's regex only near them.
    match = badness.BADNESS_RE.match
    tried = 0
    for start, end in runs:
        for position in range(max(tried, start - _BADNESS_LEAD), end):
            if match(text, position):
                yield position
        tried = end


def _fix_lines(text: str, positions: Iterator[int]) -> str:
    """ftfy on the lines holding a position (ftfy fixes line by line anyway): the cost of the repair
    follows the mojibake, not the page, and a line is repaired the same whatever its neighbours hold."""
    bad_at = list(positions)
    if not bad_at:
        return text
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    for index in sorted({bisect.bisect_right(starts, position) - 1 for position in bad_at}):
        lines[index] = ftfy.fix_text(lines[index], _FTFY_REPAIR_ONLY)
    return "\n".join(lines)


def split_lines(text: str) -> tuple[Line, ...]:
    """Normalised lines, numbered from 1 as in the input (after line-ending unification)."""
    # Collapsing space runs over the whole text before the per-line strip gives the same lines as
    # collapsing each stripped line (a run at a line's edge is stripped either way) in one pass.
    text = _INNER_SPACES.sub(" ", repair(text))
    return tuple(_line(number, raw.strip(_EDGE_INVISIBLES)) for number, raw in enumerate(text.split("\n"), start=1))


def _line(number: int, text: str) -> Line:
    if text[:1] in _LIST_MARKERS:
        match = _LIST_MARKER.match(text)
        if match:
            return Line(number=number, text=text[match.end():], marker=match.group(1))
    return Line(number=number, text=text)
