"""Where ftfy's mojibake check matches a text, found without trying it at every position.

ftfy's check (`ftfy.badness.is_bad`) is one regex, `BADNESS_RE`, of a few dozen branches, which
`is_bad` tries at every position of the text: ~4 ms on a 12 KB page. Two facts about the regex
make most of that work unnecessary:

- every branch needs a character from each of one or more sets of non-ASCII characters, so a
  branch lacking a character of one of its sets in the text cannot match it at all (on most
  pages no branch can);
- every match is at most seven characters long, so a match of a branch holds a character of
  its set that is rarest in this text (the branch's anchor) at most six characters after the
  match's start: only the few positions just before the anchors' characters need trying.

The sets are read from ftfy's regex itself when this module is imported, so a new ftfy release
that changes the regex changes them too; if the regex is not of the shape these facts need,
the whole text is scanned.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ftfy import badness

try:  # the regex parser: a private module, hence the fallback below if it is missing or changed
    import re._parser as _regex_parser  # type: ignore[import-not-found]  # Python >= 3.11
    from re import _constants as _regex_constants  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _regex_constants
    import sre_parse as _regex_parser

_ASCII_BYTES = bytes(range(0x80))


def _non_ascii(text: str) -> str:
    """The text's non-ASCII characters, in order. In UTF-8 every byte of a non-ASCII character is
    >= 0x80, so deleting the ASCII bytes leaves theirs: ~4x faster than a regex for the runs."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")



def _chars_of(item: tuple[object, object]) -> frozenset[str] | None:
    """The characters a one-character item of a parsed regex matches; None for other items."""
    op, arg = item
    if op is _regex_constants.LITERAL:
        return frozenset(chr(arg))  # type: ignore[arg-type]
    if op is not _regex_constants.IN:
        return None
    chars: set[str] = set()
    for member_op, member in arg:  # type: ignore[attr-defined]
        if member_op is _regex_constants.LITERAL:
            chars.add(chr(member))
        elif member_op is _regex_constants.RANGE:
            chars.update(map(chr, range(member[0], member[1] + 1)))
        else:
            return None  # a category or a negation: not a plain set
    return frozenset(chars)


def _branch_needs() -> tuple[tuple[frozenset[str], ...], ...] | None:
    """For each branch of the regex, the sets of non-ASCII characters it needs one of each of.

    A branch matches only where every one of its sets has a character within the match. None
    when the regex is not a plain alternation of bounded width whose every branch needs one.
    """
    try:
        tree = _regex_parser.parse(badness.BADNESS_RE.pattern, badness.BADNESS_RE.flags)
        [(op, (_, branches))] = list(tree)
        if (
            op is not _regex_constants.BRANCH
            or tree.getwidth()[1] > LONGEST_MATCH
            or badness.BADNESS_RE.flags & re.IGNORECASE
        ):
            return None
        needs = []
        for branch in branches:
            sets = [_chars_of(item) for item in branch]
            needed = tuple(chars for chars in sets if chars and not any(char.isascii() for char in chars))
            if not needed:
                return None  # a branch without a plainly non-ASCII character: assume nothing
            needs.append(needed)
        return tuple(needs)
    except Exception:  # noqa: BLE001 - any surprise in a private parser means: try everywhere
        return None


LONGEST_MATCH = 7  # characters; checked against the regex's own widest branch
BRANCH_NEEDS = _branch_needs()


def looks_like_mojibake(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, the same answer, faster."""
    return not text.isascii() and next(mojibake_positions(text), None) is not None


def mojibake_positions(text: str) -> Iterator[int]:
    """Every position where ftfy's mojibake check matches (the start of each match), in order."""
    if BRANCH_NEEDS is None:
        yield from (match.start() for match in badness.BADNESS_RE.finditer(text))
        return
    match = badness.BADNESS_RE.match
    for position in _anchored_starts(text, BRANCH_NEEDS):
        if match(text, position):
            yield position


def _anchored_starts(text: str, branch_needs: tuple[tuple[frozenset[str], ...], ...]) -> list[int]:
    """The positions a match can start at: up to LONGEST_MATCH - 1 characters before, and at, each
    occurrence of an anchor character (of each branch that can match, its set rarest in `text`)."""
    counts = Counter(_non_ascii(text))
    present = frozenset(counts)
    anchors: set[str] = set()
    for needs in branch_needs:
        found = [needed & present for needed in needs]
        if all(found):
            anchors.update(min(found, key=lambda chars: sum(counts[char] for char in chars)))
    starts: set[int] = set()
    for char in anchors:
        at = text.find(char)
        while at != -1:
            starts.update(range(max(at - LONGEST_MATCH + 1, 0), at + 1))
            at = text.find(char, at + 1)
    return sorted(starts)
