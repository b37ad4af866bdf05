"""Normalisation of the text before any stage sees it.

Repair only: line endings, Unicode NFC, invisible trailing characters, mojibake (via ftfy).
Typographic quotes, dashes and full-width characters are content and are preserved.
"""

from __future__ import annotations

import re
import unicodedata

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
_LIST_MARKER = re.compile(r"^([•·▪▫◦‣⁃●○■□►▸➤✓✔\-*–])\s+(?=\S)")
_INNER_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def repair(text: str) -> str:
    """Unify line endings, repair mojibake where ftfy's cheap check finds some, and apply NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # Mojibake is made of non-ASCII characters, and ftfy's check costs ~1 µs per character.
    if not text.isascii() and badness.is_bad(text):
        text = ftfy.fix_text(text, _FTFY_REPAIR_ONLY)
    return unicodedata.normalize("NFC", text)


def split_lines(text: str) -> tuple[Line, ...]:
    """Normalised lines, numbered from 1 as in the input (after line-ending unification)."""
    return tuple(normalize_line(number, raw) for number, raw in enumerate(repair(text).split("\n"), start=1))


def normalize_line(number: int, raw: str) -> Line:
    text = raw.strip(_EDGE_INVISIBLES)
    text = _INNER_SPACES.sub(" ", text)
    marker = ""
    match = _LIST_MARKER.match(text)
    if match:
        marker, text = match.group(1), text[match.end():]
    return Line(number=number, text=text, marker=marker)
