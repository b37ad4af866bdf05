"""Code blocks (<pre>, and <code> broken by <br>) as the page writes them: the extractor's lines of
a block found in the DOM's, so that indentation, aligned spaces and bullets survive normalisation,
and a block's first line the extractor glued to the line before it is a line of its own again."""

from __future__ import annotations

import bisect
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.decode.normalize import code_line, line_of, repair
from cleanscrape.frontends.html.code_units import MIN_GLUED_CHARS, CodeBlock
from cleanscrape.frontends.html.dom import closest, normalise_text
from cleanscrape.frontends.html.evidence import DomEvidence
from cleanscrape.model import Block, Evidence, Line


def pre_blocks(tree: LexborHTMLParser) -> list[CodeBlock]:
    """The page's <pre> blocks, in page order: read once, for whole_code_blocks, unglued_code and
    code_as_written."""
    # Repaired as every line is (mojibake, NFC), so that a block's lines are found among them.
    return [_code_block(repair(pre.text(deep=True))) for pre in tree.css("pre")]


def broken_code_blocks(tree: LexborHTMLParser) -> list[CodeBlock]:
    """The page's <code> elements outside <pre> that <br>s break into lines (older pages write a
    listing so), in page order."""
    blocks = []
    for node in tree.css("code"):
        if node.css_first("br") is not None and closest(node, PRE_TAG) is None:
            broken = _code_block(repair(_broken_text(node)))
            if len(broken) > 1:
                blocks.append(broken)
    return blocks


PRE_TAG = frozenset({"pre"})


def _broken_text(node: LexborNode) -> str:
    """The text of an element outside <pre> as it shows: white space collapsed (HTML's default
    white-space: normal), a line break at each <br>."""
    parts = [part.text_content or "" if part.tag == "-text" else "\n" if part.tag == "br" else " "
             for part in node.traverse(include_text=True)]
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))


def _code_block(text: str) -> CodeBlock:
    block: CodeBlock = []
    after_blank = False
    for raw in text.split("\n"):
        if not raw.strip():
            after_blank = bool(block)
            continue
        block.append((normalise_text(raw), raw, after_blank))
        after_blank = False
    return block


# A second line that opens many blocks ("}") names too many first lines to try on every line.
MAX_GLUE_CANDIDATES = 8


def unglued_code(lines: tuple[Line, ...], blocks: list[CodeBlock]) -> tuple[Line, ...]:
    """`lines` with a code block's first line split off the line the extractor glued it to (two
    adjacent blocks, or a list item and the block inside it: "...save the file. package main"),
    when the next line is the block's second: the code then starts a line, as on the page."""
    if not blocks or not any(line.text for line in lines):
        return lines
    firsts_by_second: dict[str, dict[str, None]] = {}  # a block's second line -> first lines, in page order
    for block in blocks:
        if len(block) > 1 and len(block[0][0]) >= MIN_GLUED_CHARS:
            firsts_by_second.setdefault(block[1][0], {})[block[0][0]] = None
    if not firsts_by_second:
        return lines
    following = [""] * len(lines)  # the next non-blank line's text, for each line
    for index in range(len(lines) - 2, -1, -1):
        after = lines[index + 1]
        following[index] = after.display if after.text else following[index + 1]
    # A line that is a block's line as written is not two lines glued ("const value = (function () {"
    # is one line of a block, "(function () {" the first of another).
    written = {key for block in blocks for key, _, _ in block}
    result: list[Line] = []
    for line, next_text in zip(lines, following, strict=True):
        firsts = list(firsts_by_second.get(next_text, ()))[:MAX_GLUE_CANDIDATES]
        split = _glued_start(line.display, firsts) if firsts and line.text and line.display not in written else None
        if split is None:
            result.append(line)
        else:
            head, first = split
            result.extend((line_of(line.number, head), Line(number=line.number, text=""), line_of(line.number, first)))
    return tuple(result)


def _glued_start(text: str, firsts: list[str]) -> tuple[str, str] | None:
    """(the text before, the block's first line) when `text` ends with one of `firsts`."""
    for first in firsts:
        if len(text) > len(first) and text.endswith(first):
            head = text[:-len(first)].rstrip()
            if head:
                return head, first
    return None


def line_evidence(evidence: DomEvidence, line: Line) -> Evidence:
    """What the DOM says of `line`; a line that starts with a bullet is looked up with it too, as a
    code line ("* item", "- key: value" in a <pre>) is code with its bullet."""
    found = evidence.for_text(line.text)
    if line.marker and found.block is Block.PARAGRAPH:
        with_marker = evidence.for_text(line.display)
        if with_marker.block is Block.CODE:
            return with_marker
    return found


def code_as_written(
    lines: tuple[Line, ...], found: tuple[Evidence, ...], blocks: list[CodeBlock],
) -> tuple[tuple[Line, ...], tuple[Evidence, ...]]:
    """`lines` with each line of a code block (<pre>) as the page writes it: indentation, aligned
    spaces and a leading "- " are the code's, and the extractor and normalisation take them away.
    Each code line is matched, by its normalised text, to the next line of the same text in the
    <pre> block the previous one came from (a block's many "}" at different depths each take the
    next one), else in the first block after it, else in any block."""
    if not blocks:
        return lines, found
    found_at: dict[str, list[tuple[int, int]]] = {}
    for block_index, block_lines in enumerate(blocks):
        for at, (text, _, _) in enumerate(block_lines):
            found_at.setdefault(text, []).append((block_index, at))
    keys = [normalise_text(line.display) for line in lines]
    # A line the DOM evidence reads as a paragraph is code when it is a block's line: its text as
    # repaired (the evidence reads the page's mojibake as it is), or a line a <br> ends in a <code>.
    is_code = [evidence.block is Block.CODE or (evidence.block is Block.PARAGRAPH and key in found_at)
               for key, evidence in zip(keys, found, strict=True)]
    if not any(is_code):
        return lines, found
    places: dict[int, tuple[int, int]] = {}
    block, position, in_block = 0, 0, False
    for index, (key, code) in enumerate(zip(keys, is_code, strict=True)):
        if not key:
            continue
        # The line after a code line that is the block's next line is code too, whatever else its
        # text is on the page (a heading "type: NodePort" that the code repeats).
        follows = in_block and position < len(blocks[block]) and blocks[block][position][0] == key
        place = (block, position) if follows else (
            _next_code_line(blocks, found_at, key, block, position) if code else None)
        in_block = place is not None
        if place is not None:
            places[index] = place
            block, position = place[0], place[1] + 1
    # And the line before a code line that is the block's line before it ("<table>" opening an
    # example, which a sidebar's list of elements also names).
    after: tuple[int, int] | None = None
    for index in range(len(lines) - 1, -1, -1):
        if not keys[index]:
            continue
        if index not in places and after is not None and after[1] > 0 and (
                blocks[after[0]][after[1] - 1][0] == keys[index]):
            places[index] = (after[0], after[1] - 1)
        after = places.get(index)
    result, evidence_result = list(lines), list(found)
    for index, (at_block, at) in places.items():
        written = code_line(blocks[at_block][at][1])
        result[index] = Line(number=lines[index].number, text=written)
        level = len(written.expandtabs(4)) - len(written.expandtabs(4).lstrip(" "))
        evidence_result[index] = replace(found[index], block=Block.CODE, level=level)
    return tuple(result), tuple(evidence_result)


# A code line is looked for this far on in its block: the extractor skips a line or two (a blank
# one, a prompt), not half a listing; beyond it, the line starts another block.
MAX_CODE_LINES_SKIPPED = 20


def _next_code_line(
    blocks: list[CodeBlock], found_at: dict[str, list[tuple[int, int]]], key: str, block: int,
    position: int,
) -> tuple[int, int] | None:
    """(block, position) of the next code line whose text is `key`, from `position` of `block`;
    `found_at` lists each text's places in page order."""
    lines = blocks[block] if block < len(blocks) else []
    for at in range(position, min(len(lines), position + MAX_CODE_LINES_SKIPPED)):
        if lines[at][0] == key:
            return block, at
    places = found_at.get(key)
    if not places:
        return None
    later = bisect.bisect_left(places, (block + 1, 0))
    return places[later] if later < len(places) else places[0]
