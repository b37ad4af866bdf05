"""Where ftfy's mojibake check matches a text, found without trying it at every position.

ftfy's check (`ftfy.badness.is_bad`) is one regex, `BADNESS_RE`, of a few dozen branches, which
`is_bad` tries at every position of the text: ~4 ms on a 12 KB page. Three facts about the
regex make most of that work unnecessary:

- every branch needs a character from each of one or more sets of non-ASCII characters, so a
  page that lacks a character of each set of every branch cannot match at all (most pages);
- every branch holds a non-ASCII character among its first three characters, so a match can
  only start at most two characters before a run of non-ASCII characters;
- most branches need two such characters, so a lone curly quote or dash far from any other
  non-ASCII character cannot start a match unless one branch accepts it alone (C1 controls,
  Œ, Â, Ã ...).

The sets are read from ftfy's regex itself when this module is imported, so a new ftfy release
that changes the regex changes them too; if the regex is not of the shape these facts need,
every position near a non-ASCII run is tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ftfy import badness

try:  # the regex parser: a private module, hence the fallback below if it is missing or changed
    import re._parser as _regex_parser  # type: ignore[import-not-found]  # Python >= 3.11
    from re import _constants as _regex_constants  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _regex_constants
    import sre_parse as _regex_parser

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
LEAD = 2  # a match starts at most this many characters before its first non-ASCII character
# A text with more candidate positions than this share of its length (a Cyrillic page) is
# scanned whole: one regex scan in C beats a Python loop over most of its positions. Chosen with
# the position-by-position scan (ba129d8: 4 ms -> 1 ms on a w3m page); a speed bound, results
# are the same either side of it.
MAX_CANDIDATE_SHARE = 0.25


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
# The characters that can be the only non-ASCII character of a match: those of the branches
# that need just one. A lone curly quote or dash is not among them.
LONE_STARTERS = frozenset().union(*(needs[0] for needs in BRANCH_NEEDS if len(needs) == 1)) if BRANCH_NEEDS else None


def _could_match(text: str) -> bool:
    """Whether some branch finds a character of each of its sets somewhere in `text`."""
    if BRANCH_NEEDS is None:
        return True
    chars = set(text)
    return any(all(not needed.isdisjoint(chars) for needed in needs) for needs in BRANCH_NEEDS)


def looks_like_mojibake(text: str) -> bool:
    """`ftfy.badness.is_bad(text)`, the same answer, faster."""
    return not text.isascii() and next(mojibake_positions(text), None) is not None


def mojibake_positions(text: str) -> Iterator[int]:
    """Every position where ftfy's mojibake check matches (the start of each match)."""
    if not _could_match(text):
        return
    runs = [run.span() for run in _NON_ASCII_RUN.finditer(text)]
    if sum(end - start for start, end in runs) + LEAD * len(runs) > MAX_CANDIDATE_SHARE * len(text):
        yield from (match.start() for match in badness.BADNESS_RE.finditer(text))
        return
    match = badness.BADNESS_RE.match
    tried = 0
    previous_end = -len(text) - LONGEST_MATCH
    for number, (start, end) in enumerate(runs):
        next_start = runs[number + 1][0] if number + 1 < len(runs) else len(text) + LONGEST_MATCH
        # Every match starting at [start - LEAD, start] lies within [start - LEAD, start + LONGEST_MATCH).
        alone = previous_end <= start - LEAD and next_start >= start + LONGEST_MATCH and end == start + 1
        if not (alone and LONE_STARTERS is not None and text[start] not in LONE_STARTERS):
            for position in range(max(tried, start - LEAD), end):
                if match(text, position):
                    yield position
        tried, previous_end = end, end
