"""A code block (<pre>) as a unit: where the extractor's lines hold one block, most of its telling
lines found in order, the whole run of lines is the block's lines as the DOM writes them.

The extractor garbles code blocks line by line: it drops a line ("su" between two commands), joins
the lines a highlighter wrapped in <span>s, unescapes an entity a second time (the page's "&lt;"
printed as "<"), prints a block's non-ASCII characters as mojibake, glues the block's last line to
the paragraph after it. Mapping its lines back one at a time leaves each garbled line as it is.
Taken as a unit, a block the extractor kept comes out whole and as written, and a block it left
out stays out: no text is added that the extractor did not choose to keep.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Container
from dataclasses import dataclass

from cleanscrape.decode.normalize import line_of
from cleanscrape.frontends.html.dom import normalise_text
from cleanscrape.model import Line

# (normalised, as written, whether blank lines come before it in the block) of each non-blank line
# of a <pre> block.
CodeBlock = list[tuple[str, str, bool]]

# A code line this long is not an extracted line by chance ("}", "end", "fi" are in every block):
# the lines that tell which block a run of extracted lines is (the promises check's measure).
MIN_TELLING_CHARS = 8
# A run is the block when this share of the block's telling lines are in it: a run holding fewer
# is a few lines the block shares with prose or another block (the promises check's measure).
MIN_KEPT_SHARE = 0.5
# A block's next line is looked for this far on: the extractor skips a line or two (a prompt, a
# line of one word), not half a listing.
MAX_LINES_SKIPPED = 20
# Two lines without ASCII this alike (difflib's ratio) are one line garbled: "â¦" for "…" is 0.67,
# the lowest of the dev pages' blocks ("// â¦" for "// …").
MIN_GARBLED_LIKENESS = 0.6
_NOT_VISIBLE_ASCII = re.compile(r"[^!-~]+")
# A block's line this long, glued to another line without a space, is not there by chance.
MIN_GLUED_CHARS = 6
# A key names at most this many blocks to try a run in (a line a page's examples all share: a
# tutorial's stylesheet repeated with one rule more in each step).
MAX_CANDIDATE_BLOCKS = 32


@dataclass(frozen=True, slots=True)
class _Run:
    """Extracted lines `start`..`end` (inclusive) that are block `block`, with the text the
    extractor glued before the block's first line or after its last (a line of its own again)."""

    block: int
    start: int
    end: int
    found: frozenset[int]  # the block's lines found as extracted lines, by position
    garbled: int = 0  # extracted lines in the run that are garbled copies of the block's other lines
    head: str = ""
    tail: str = ""
    moved: tuple[int, ...] = ()  # a line the extractor printed inside the block, which goes after it
    spans: bool = False  # the run reaches the block's first and last lines


def whole_code_blocks(
    lines: tuple[Line, ...], blocks: list[CodeBlock], first_broken: int | None = None,
) -> tuple[Line, ...]:
    """`lines` with each run of lines that is one of `blocks` replaced by the block's lines (in
    normalised form, as any extracted line; code_as_written gives them as written). The blocks
    from `first_broken` on are <code>s broken by <br>s, inside which the extractor may print the
    text that follows them (see _followed)."""
    if not blocks or not lines:
        return lines
    places: dict[str, list[tuple[int, int]]] = {}
    for block_index, block in enumerate(blocks):
        for position, (key, _, _) in enumerate(block):
            places.setdefault(key, []).append((block_index, position))
    # The extractor unescapes a code line's entities a second time: the page's "&lt;p&gt;" (shown as
    # "&lt;p&gt;") comes out as "<p>". Such a line is read as the block line it garbles.
    escaped = {unescaped: key for key in places if "&" in key
               for unescaped in (normalise_text(html.unescape(key)),) if unescaped not in places}
    keys = [normalise_text(line.display) if line.text else "" for line in lines]
    keys = [escaped.get(key, key) for key in keys] if escaped else keys
    runs = _runs(keys, blocks, places, len(blocks) if first_broken is None else first_broken)
    if not runs:
        return lines
    result: list[Line] = []
    done = 0
    for run in runs:
        result.extend(lines[done:run.start])
        number = lines[run.start].number
        if run.head:
            result.extend((line_of(number, run.head), Line(number=number, text="")))
        for key, _, after_blank in blocks[run.block]:
            if after_blank:
                result.append(Line(number=number, text=""))
            result.append(line_of(number, key))
        for moved in run.moved:
            result.extend((Line(number=lines[moved].number, text=""), lines[moved]))
        if run.tail:
            result.extend((Line(number=lines[run.end].number, text=""), line_of(lines[run.end].number, run.tail)))
        done = run.end + 1
    result.extend(lines[done:])
    return tuple(result)


def _runs(
    keys: list[str], blocks: list[CodeBlock], places: dict[str, list[tuple[int, int]]], first_broken: int,
) -> list[_Run]:
    """The runs of extracted lines (by their keys) that are whole blocks, in order, apart."""
    runs: list[_Run] = []
    index, floor = 0, 0  # floor: the first line no earlier run holds
    while index < len(keys):
        key = keys[index]
        candidates = places.get(key, ()) if len(key) >= MIN_TELLING_CHARS else ()
        kept = (run for block, position in list(candidates)[:MAX_CANDIDATE_BLOCKS]
                if _is_kept(run := _extended(
                    _followed(keys, index, blocks[block], block, position, places, block >= first_broken),
                    keys, blocks[block], floor, places, block >= first_broken), blocks[block]))
        # The block most of whose lines the run holds as written (of two examples sharing lines, the
        # one printed: the other's lines would be garbled copies), then the one it takes the fewest
        # liberties with (a line moved, garbled or glued: "Fedex (fixed)" is the later example's
        # line, not the earlier one's "Fedex" glued to "(fixed)"), then the longest.
        best = max(kept, key=lambda run: (len(run.found) / len(blocks[run.block]), -_liberties(run), len(run.found)),
                   default=None)
        if best is not None:
            runs.append(best)
            index = floor = best.end + 1
        else:
            index += 1
    return runs


def _liberties(run: _Run) -> int:
    return run.garbled + len(run.moved) + bool(run.head) + bool(run.tail)


def _is_kept(run: _Run, block: CodeBlock) -> bool:
    """The run reaches from the block's first line to its last, and holds most of its telling
    lines and most of its lines: a short block whose one telling line ("display: flex;") a longer
    block repeats is not the run that line is in, and a run that other lines cut short (a reply
    listing settings like the block's, with other values) may be another text than the block."""
    telling = [position for position, (key, _, _) in enumerate(block) if len(key) >= MIN_TELLING_CHARS]
    return (run.spans and bool(telling) and len(run.found.intersection(telling)) >= MIN_KEPT_SHARE * len(telling)
            and len(run.found) + run.garbled >= MIN_KEPT_SHARE * len(block))


def _followed(
    keys: list[str], index: int, block: CodeBlock, block_index: int, position: int, code_keys: Container[str],
    may_move: bool,
) -> _Run:
    """The run from extracted line `index`, block line `position`: each next extracted line is the
    block's next line of its text, the lines in between garbled copies of the block's lines
    skipped (no more of them than block lines, and alike)."""
    found = [position]
    end, garbled = index, 0
    moved: tuple[int, ...] = ()
    between: list[int] = []  # extracted lines since the last one found
    for at in range(index + 1, len(keys)):
        key = keys[at]
        if not key:
            continue
        following = next((later for later in range(found[-1] + 1, min(len(block), found[-1] + 1 + MAX_LINES_SKIPPED))
                          if block[later][0] == key), None)
        if following is not None and _garbled([keys[line] for line in between],
                                              [text for text, _, _ in block[found[-1] + 1:following]]):
            found.append(following)
            end, garbled, between = at, garbled + len(between), []
        elif (may_move and following == found[-1] + 1 and len(between) == 1 and not moved
              and keys[between[0]] not in code_keys):
            # One line, no code line of the page, between two lines of a <code> broken by <br>s that
            # follow each other: the extractor printed the text after the <code> inside it ("make",
            # the sentence after the listing, "su"). A <pre> is not read so: two listings the page
            # shows apart, with a sentence between, may be one listing of the page's elsewhere.
            found.append(following)
            end, moved, between = at, (between[0],), []
        elif following is None and len(between) < MAX_LINES_SKIPPED and found[-1] + 1 < len(block):
            between.append(at)
        else:
            break
    return _Run(block_index, index, end, frozenset(found), garbled, moved=moved)


def _garbled(extracted: list[str], written: list[str]) -> bool:
    """Whether the extracted lines are written lines garbled (or none)."""
    if not extracted:
        return True
    # The block lines they stand for are a stretch of `written`: the lines around it were dropped.
    text = " ".join(extracted)
    return any(_garbled_copy(text, " ".join(written[first:last]))
               for first in range(len(written)) for last in range(first + len(extracted), len(written) + 1))


def _garbled_copy(text: str, written: str) -> bool:
    """Whether `text` is `written` as an extractor garbles it: mojibake, invisibles and spacing
    change no visible ASCII character ("# prepend(1, [2, 3, 4]) â 1 2 3 4"), while a line of the
    same shape with other words ("trigger=none", "trigger=default-on") or a brace more is another
    line. Without a visible ASCII character, the lines are alike ("â¦" and "…")."""
    skeleton = _NOT_VISIBLE_ASCII.sub("", text)
    if skeleton != _NOT_VISIBLE_ASCII.sub("", written):
        return False
    return bool(skeleton) or _likeness(text, written) >= MIN_GARBLED_LIKENESS


def _likeness(text: str, other: str) -> float:
    return difflib.SequenceMatcher(None, text, other, autojunk=False).ratio()


def _extended(
    run: _Run, keys: list[str], block: CodeBlock, floor: int, code_keys: Container[str], may_move: bool,
) -> _Run:
    """`run` with the block's lines before its first found line and after its last one that the
    extracted lines next to it hold (as written or garbled), and the text glued to its edges."""
    found, garbled, moved = set(run.found), run.garbled, run.moved
    start, head = run.start, ""
    position, at = min(run.found) - 1, run.start - 1
    while position >= 0 and at >= floor:
        key, written = keys[at], block[position][0]
        if not key:
            at -= 1
            continue
        if key == written or _garbled_copy(key, written):
            if key == written:
                found.add(position)
            else:
                garbled += 1
            start, position, at = at, position - 1, at - 1
            continue
        if _glued(key[::-1], written[::-1], MIN_GLUED_CHARS):  # glued to the line before it
            head, start = key[:-len(written)].rstrip(), at
            found.add(position)
        elif (may_move and not moved and key not in code_keys and (before := _previous(keys, at, floor)) is not None
              and keys[before] == written):
            moved, at = (at,), before  # one line printed inside the block, as in _followed
            continue
        break
    opened = position < 0 or min(found) == 0
    end, tail = run.end, ""
    position, at = max(run.found) + 1, run.end + 1
    while position < len(block) and at < len(keys):
        key, written = keys[at], block[position][0]
        if not key:
            at += 1
            continue
        skipped = next((later for later in range(position, min(len(block), position + MAX_LINES_SKIPPED))
                        if block[later][0] == key), None)  # the extractor dropped a line or two
        if skipped is not None or _garbled_copy(key, written):
            if skipped is not None:
                found.add(skipped)
                position = skipped
            else:
                garbled += 1
            end, position, at = at, position + 1, at + 1
            continue
        if _glued(key, written):  # the block's last lines glued to the paragraph after it (a space between)
            rest = key[len(written):].lstrip()
            found.add(position)
            for later in range(position + 1, len(block)):
                following = block[later][0]
                if rest != following and not rest.startswith(following + " "):
                    break
                found.add(later)
                rest = rest[len(following) + 1:]
            tail, end = rest, at
        break
    spans = opened and (position >= len(block) or max(found) == len(block) - 1)
    return _Run(run.block, start, end, frozenset(found), garbled, head, tail, moved, spans)


def _glued(key: str, written: str, min_unspaced: int | None = None) -> bool:
    """Whether `key` is the line `written` with more text after it: after a space, or right after
    it when the line is at least `min_unspaced` long. A heading glued to a block's first line
    ("Build with agent modepackage http") is split as unglued_code splits it; a line that goes on
    after a block's last line is another line ("4, 5, 5, 120" is no "4, 5, 5, 12" glued to "0")."""
    return len(key) > len(written) and key.startswith(written) and (
        key[len(written)] == " " or (min_unspaced is not None and len(written) >= min_unspaced))


def _previous(keys: list[str], at: int, floor: int) -> int | None:
    """The non-blank line before line `at`, from `floor` on."""
    return next((before for before in range(at - 1, floor - 1, -1) if keys[before]), None)
