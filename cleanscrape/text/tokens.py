"""Every way a stage splits a line into words or reduces it to a key for comparison, in one place.

They differ on purpose, each for the question it answers: is this the same line printed again
(`line_key`, `key_words`), is it the same name (`compact_key`, no spaces: "BBC News" holds "BBC"),
has its text been said before (`words`, which keeps a code identifier such as
SECURE_PROXY_SSL_HEADER whole), is it nothing but an interface label (`label_key`, which keeps inner
punctuation: "e-mail"), which words of a date line are labels (`letter_words`, no digits), how
many function words does it hold (`prose_words`, which keeps apostrophes: "it's", "l'on").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from cleanscrape.model import fold
from cleanscrape.text.memo import per_line

_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_ALPHANUMERIC_RUN = re.compile(r"[^\W_]+")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]+")
# A run of characters other than spaces and punctuation ("(the", "said,", "«dans»" give the word
# alone); apostrophes stay (it's, l'on): stop-word lists hold whole function words.
_PROSE_WORD = re.compile(r"[^\s\"“”‘«»„‚()\[\]{}<>.,;:!?¿¡…\-–—/*#|]+")


@per_line
def folded(text: str) -> str:
    """`text` lower-cased as `re.IGNORECASE` sees it, for pre-filters: a stage whose IGNORECASE
    pattern needs some literal word can skip a line whose folded text lacks all of them (a plain
    substring search is many times faster than an IGNORECASE regex over the line)."""
    return fold(text)


@per_line
def line_key(text: str) -> str:
    """The line's words, case-folded, joined by single spaces: copies of a line differ by case,
    spacing and quote style between a template's prints of it."""
    # The runs of letters and digits joined by one space: what replacing each run of the others by a
    # space and stripping the ends gives, without the strip's copy (0.39 vs 0.45 s on 170,000 lines).
    return " ".join(_ALPHANUMERIC_RUN.findall(text.casefold()))


def compact_key(text: str) -> str:
    """The line's letters and digits alone, case-folded: a name spelled with other spacing or
    punctuation ("The Guardian", "the-guardian", "TheGuardian") gives one key, and one name can be
    looked for inside another ("Guardian" in "The Guardian")."""
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


def key_words(text: str) -> list[str]:
    """The words of `line_key`: runs of letters and digits, case-folded."""
    return line_key(text).split()


def words(text: str) -> list[str]:
    """Runs of letters, digits and underscores, case-folded."""
    return _WORD.findall(text.casefold())


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """The `words` of all `texts`, each counted as often as they hold it: which words two texts
    share, copies included, is `(a & b)`."""
    return Counter(word for text in texts for word in words(text))


def letter_words(text: str) -> list[str]:
    """Runs of letters, case-folded; digits and punctuation separate them ("10am" gives "am")."""
    return _LETTERS.findall(text.casefold())


def label_key(text: str) -> str:
    """The line as an interface label reads: case-folded, without punctuation at its edges, spaces
    collapsed; punctuation inside stays ("e-mail", "a+")."""
    return " ".join(strip_edge_punctuation(text).casefold().split())


def strip_edge_punctuation(text: str) -> str:
    """`text` without the non-alphanumeric characters at its edges.

    A loop, not re.sub(r"^[\\W_]+|[\\W_]+$"): the second branch rescans a punctuation run from
    each of its characters (a line of 100,000 dots ending in a letter took minutes).
    """
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


@per_line
def prose_words(text: str) -> tuple[str, ...]:
    """The lower-cased words of `text` as stop-word lists count them, apostrophes kept. Memoised:
    the page's language and each line's stop-word density read the same lines."""
    return tuple(_PROSE_WORD.findall(text.lower()))
