"""Normalisers and matchers of the metadata benchmark (`benchmarks/metadata.py`).

Every rule is applied to the truth and to a system's output alike, so that a difference in
spelling that no reader would call a different value does not count as a miss:

- title: NFKC, casefold, whitespace collapsed, punctuation, quotes and symbols stripped from
  both ends ("«Foo»." and "Foo" are one title; inner punctuation stays).
- authors: a value (a string, or a list of strings) is split into person names on ",", ";",
  "/", " and ", " & "; each name is NFKC'd, casefolded, its whitespace collapsed and its ends
  stripped of punctuation; a leading role word "by", "von", "par" or "por" (with an optional
  colon) is removed; a part that is only a post-nominal ("PhD", "M.D.", "Jr.": see
  POST_NOMINALS) is dropped, since the comma split cuts "Jane Doe, PhD" in two. Exact = the
  same set of names; lenient = word-set F1 >= 0.8 over all words of all names (so
  "Jong, Michiel de" matches "Michiel de Jong" leniently but not exactly).
- published: the calendar date as written (YYYY-MM-DD), read from the start of an ISO-like
  value ("2021-11-01T10:52:50+0100" -> 2021-11-01; "2022-11-1" -> 2022-11-01); no time zone is
  converted, since the page's own calendar date is what a reader sees. A truth of month
  precision ("2015-11") is matched at month precision. Exact = same date; lenient = at most one
  day apart, which forgives a timestamp written in UTC that falls on the next or previous local
  day ("2018-06-12T23:00:00Z" for an article of June 13th).
- site name: NFKC, casefold, whitespace collapsed. Exact = equal; lenient = word-set F1 >= 0.8
  ("Le Monde.fr" ~ "Le Monde").
- language: the primary subtag, casefolded ("en-US" -> "en"). Lenient = exact.

Words, for the word-set F1, are runs of `\\w` in the normalised value.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

FIELDS = ("title", "authors", "published", "site_name", "language")
LENIENT_F1 = 0.8
LENIENT_DATE_DAYS = 1

# Degrees and suffixes seen after a comma in bylines of the benchmark sets and on the web at
# large; dots are removed before the look-up ("Ph.D." -> "phd"). Kept short on purpose: an
# agency like "AP" or "AFP" must stay a name.
POST_NOMINALS = frozenset((
    "phd", "md", "ms", "ma", "mba", "msc", "bsc", "ba", "bs", "rd", "rn", "dvm", "do", "dds", "jd", "llm",
    "cpa", "cfp", "cfa", "facp", "mph", "jr", "sr", "iii",
))
ROLE_PREFIX = re.compile(r"^(?:by|von|par|por)\b:?\s*", re.IGNORECASE)
NAME_SEPARATORS = re.compile(r"\s*(?:[,;/]|\s&\s|\sand\s)\s*", re.IGNORECASE)
ISO_LIKE_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)")
WORD = re.compile(r"\w+")

Value = str | Sequence[str] | None


@dataclass(frozen=True)
class Verdict:
    """How one output compares with one truth value; `covered` = the system returned a value."""

    covered: bool
    exact: bool
    lenient: bool


MISSING = Verdict(covered=False, exact=False, lenient=False)


# --------------------------------------------------------------------------- normalisers


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _is_edge_junk(character: str) -> bool:
    # P* = punctuation (quotes included), S* = symbols ("|", "»"), Z* = spaces
    return unicodedata.category(character)[0] in "PSZ"


def _strip_edges(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def as_text(value: Value) -> str:
    """A value as one string: lists (e.g. of authors) joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return "; ".join(part for part in value if part)


def normalise_title(value: Value) -> str:
    return _strip_edges(_collapse(as_text(value)))


def person_names(value: Value) -> frozenset[str]:
    """The set of normalised person names in a byline value."""
    names = set()
    for part in NAME_SEPARATORS.split(_collapse(as_text(value))):
        name = _strip_edges(ROLE_PREFIX.sub("", _strip_edges(part)))
        if name and name.replace(".", "").replace(" ", "") not in POST_NOMINALS:
            names.add(name)
    return frozenset(names)


def normalise_site_name(value: Value) -> str:
    return _collapse(as_text(value))


def normalise_language(value: Value) -> str:
    return re.split(r"[-_]", _collapse(as_text(value)), maxsplit=1)[0]


@dataclass(frozen=True, order=True)
class CalendarDate:
    """A date as written; `day` is None for a value of month precision."""

    year: int
    month: int
    day: int | None = None

    def to_date(self) -> datetime.date | None:
        try:
            return datetime.date(self.year, self.month, self.day) if self.day is not None else None
        except ValueError:
            return None

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day is not None else "")


def normalise_date(value: Value) -> CalendarDate | None:
    match = ISO_LIKE_DATE.match(as_text(value))
    if not match:
        return None
    year, month, day = match.groups()
    return CalendarDate(int(year), int(month), int(day) if day else None)


# --------------------------------------------------------------------------- matchers


def words(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text))


def word_set_f1(truth_words: Iterable[str], output_words: Iterable[str]) -> float:
    truth_set, output_set = set(truth_words), set(output_words)
    common = len(truth_set & output_set)
    if not common:
        return 0.0
    precision, recall = common / len(output_set), common / len(truth_set)
    return 2 * precision * recall / (precision + recall)


def _text_verdict(truth: str, output: str) -> Verdict:
    if not output:
        return MISSING
    exact = truth == output
    return Verdict(True, exact, exact or word_set_f1(words(truth), words(output)) >= LENIENT_F1)


def _names_verdict(truth: frozenset[str], output: frozenset[str]) -> Verdict:
    if not output:
        return MISSING
    exact = truth == output
    truth_words = words(" ".join(truth))
    output_words = words(" ".join(output))
    return Verdict(True, exact, exact or word_set_f1(truth_words, output_words) >= LENIENT_F1)


def _date_verdict(truth: CalendarDate, output: CalendarDate | None, output_given: bool) -> Verdict:
    if output is None:
        # An unreadable value is still a value: it counts as covered and wrong.
        return Verdict(output_given, False, False)
    if truth.day is None:
        same_month = (truth.year, truth.month) == (output.year, output.month)
        return Verdict(True, same_month, same_month)
    exact = truth == output
    truth_day, output_day = truth.to_date(), output.to_date()
    near = truth_day is not None and output_day is not None
    lenient = exact or (near and abs((truth_day - output_day).days) <= LENIENT_DATE_DAYS)  # type: ignore[operator]
    return Verdict(True, exact, lenient)


def has_truth(field: str, truth: Value) -> bool:
    """Whether the truth gives a usable value for `field` (pages without one are not scored)."""
    if field == "authors":
        return bool(person_names(truth))
    if field == "published":
        return normalise_date(truth) is not None
    return bool(NORMALISERS[field](truth))


def compare(field: str, truth: Value, output: Value) -> Verdict:
    """The verdict on `output` for a page whose truth for `field` is `truth` (see has_truth)."""
    if field == "authors":
        return _names_verdict(person_names(truth), person_names(output))
    if field == "published":
        truth_date = normalise_date(truth)
        if truth_date is None:
            raise ValueError(f"truth date not readable: {truth!r}")
        return _date_verdict(truth_date, normalise_date(output), bool(as_text(output).strip()))
    return _text_verdict(NORMALISERS[field](truth), NORMALISERS[field](output))


NORMALISERS = {
    "title": normalise_title,
    "site_name": normalise_site_name,
    "language": normalise_language,
}


# --------------------------------------------------------------------------- aggregation


@dataclass(frozen=True)
class FieldScore:
    """One system on one field of one set: counts over the `n` pages whose truth has a value;
    `wrong` of them got a value that does not match even leniently (a different date or person).
    `unsupported`: pages whose truth has no value (of `without_truth`) where the system gave one."""

    n: int
    exact: int
    lenient: int
    covered: int
    wrong: int = 0
    unsupported: int = 0
    without_truth: int = 0

    @property
    def given(self) -> int:
        return self.covered + self.unsupported

    @property
    def false_rate(self) -> float:
        """% of the values given that are false: a different value than the truth's, or one where it has none."""
        return 100.0 * (self.wrong + self.unsupported) / self.given if self.given else 0.0

    def percent(self, count: int) -> float:
        return 100.0 * count / self.n if self.n else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "n": self.n,
            "exact": self.exact,
            "lenient": self.lenient,
            "covered": self.covered,
            "exact_pct": round(self.percent(self.exact), 1),
            "lenient_pct": round(self.percent(self.lenient), 1),
            "coverage_pct": round(self.percent(self.covered), 1),
            "wrong": self.wrong,
            "wrong_pct": round(self.percent(self.wrong), 1),
            "unsupported": self.unsupported,
            "without_truth": self.without_truth,
            "false_pct": round(self.false_rate, 1),
        }


def tally(verdicts: Iterable[Verdict], given_without_truth: Iterable[bool] = ()) -> FieldScore:
    """The counts of `verdicts` (pages with a truth) and of `given_without_truth` (one flag a page
    without one: whether the system gave a value there)."""
    verdicts = list(verdicts)
    unscored = list(given_without_truth)
    return FieldScore(
        n=len(verdicts),
        exact=sum(v.exact for v in verdicts),
        lenient=sum(v.lenient for v in verdicts),
        covered=sum(v.covered for v in verdicts),
        wrong=sum(v.covered and not v.lenient for v in verdicts),
        unsupported=sum(unscored),
        without_truth=len(unscored),
    )


def gives_value(field: str, output: Value) -> bool:
    """Whether `output` is a value for `field` at all (as has_truth reads a truth)."""
    if field == "published":
        return bool(as_text(output).strip())
    return has_truth(field, output)
