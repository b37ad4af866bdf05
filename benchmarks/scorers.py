"""The three scorers of the development benchmarks, each re-implementing its benchmark's own
evaluation so that our figures can be compared with the published ones.

Shingles (shub; scrapinghub article-extraction-benchmark's `evaluate.py`):

- tokens are runs of `\\w+`, case kept (upstream passes re.IGNORECASE, which does
  nothing for `\\w`, so nothing is lower-cased);
- a page's shingles are the counted 4-grams of its tokens; a text of 1-3 tokens is a
  single shorter shingle, an empty text has none;
- per page, TP/FP/FN are the multiset overlap and differences of the shingle counts;
- precision is averaged over the pages whose prediction has shingles and recall over
  the pages whose ground truth has shingles, so an empty prediction lowers recall but
  is left out of precision; F1 comes from the averaged precision and recall.

Snippets (traf-dev; trafilatura's `tests/eval_common.py`, `count_item` and `ConfusionMatrix`):

- whitespace runs are collapsed to one space and the ends stripped, in the snippet and in the
  output; matching is a case-sensitive substring test;
- a `with` snippet found is a true positive, missing a false negative; a `without` snippet found
  is a false positive, missing a true negative; a page that raised counts as an empty output;
- the counts are summed over the set: P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN),
  each 0.0 when its denominator is 0.

Words (wcxb-dev and readability; WCXB's `evaluate.py`, `word_f1` and `evaluate_results`):

- the text is lower-cased, then its tokens are the runs of `\\w+` (lower-casing first, as
  upstream does: it can differ from lower-casing the tokens, e.g. for the dotted capital I);
- per page, the overlap is the multiset intersection of the two bags of tokens; P = overlap over
  predicted tokens, R = overlap over true tokens, F1 from those two;
- an empty truth scores 1.0 (P, R and F1) against an empty prediction and 0.0 against any other;
  an empty prediction against a non-empty truth scores 0.0;
- P, R and F1 are each the plain mean over the pages (F1 is the mean of the page F1s, not the F1
  of the mean P and R), overall and per `page_type`.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


# --------------------------------------------------------------------------- shingles (shub)

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """Shingle TP/FP/FN of one page, as fractions of their sum (upstream normalises so
    that long pages weigh no more than short ones). All zero when both texts are empty."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None when the prediction has no shingles: upstream leaves the page out."""
        predicted = self.tp + self.fp
        return self.tp / predicted if predicted else None

    @property
    def recall(self) -> float | None:
        """None when the ground truth has no shingles: upstream leaves the page out."""
        relevant = self.tp + self.fn
        return self.tp / relevant if relevant else None


def tokenize(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    # Upstream keeps a text shorter than `size` as one short shingle rather than none.
    count = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(count))


def match_page(truth: str | None, prediction: str | None) -> Match:
    true_shingles, predicted_shingles = shingles(truth), shingles(prediction)
    tp = sum((true_shingles & predicted_shingles).values())
    fp = sum((predicted_shingles - true_shingles).values())
    fn = sum((true_shingles - predicted_shingles).values())
    total = tp + fp + fn
    if not total:
        return Match(0.0, 0.0, 0.0)
    return Match(tp / total, fp / total, fn / total)


def aggregate(matches: Iterable[Match]) -> Score:
    """Macro-average precision and recall over pages, then F1 of the two averages."""
    matches = list(matches)
    precision = _mean_defined(m.precision for m in matches)
    recall = _mean_defined(m.recall for m in matches)
    both = precision + recall
    return Score(precision, recall, 2 * precision * recall / both if both else 0.0)


def _mean_defined(values: Iterable[float | None]) -> float:
    # Upstream would raise on an empty list; 0.0 keeps a degenerate --limit run printable.
    defined = [v for v in values if v is not None]
    return statistics.fmean(defined) if defined else 0.0


def page_f1(match: Match) -> float:
    """F1 of one page, for ranking the worst pages; an undefined side counts as 0."""
    precision, recall = match.precision or 0.0, match.recall or 0.0
    both = precision + recall
    return 2 * precision * recall / both if both else 0.0


# --------------------------------------------------------------------------- snippets (traf-dev)


@dataclass(frozen=True)
class Snippets:
    """traf-dev's truth for one page: text that must be in the output, and text that must not."""

    wanted: tuple[str, ...]  # the benchmark's `with`
    unwanted: tuple[str, ...]  # the benchmark's `without`


@dataclass(frozen=True)
class SnippetCount:
    tp: int
    fp: int
    fn: int
    tn: int


def collapse_whitespace(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def count_snippets(truth: Snippets, prediction: str | None) -> SnippetCount:
    output = collapse_whitespace(prediction or "")
    tp = sum(collapse_whitespace(snippet) in output for snippet in truth.wanted)
    fp = sum(collapse_whitespace(snippet) in output for snippet in truth.unwanted)
    return SnippetCount(tp=tp, fp=fp, fn=len(truth.wanted) - tp, tn=len(truth.unwanted) - fp)


def sum_snippets(counts: Iterable[SnippetCount]) -> Score:
    """Micro-averaged: the counts of all pages summed, then P, R and F1 of the sums."""
    counts = list(counts)
    tp, fp, fn = (sum(getattr(count, name) for count in counts) for name in ("tp", "fp", "fn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return Score(precision, recall, f1)


def snippet_page_f1(count: SnippetCount) -> float:
    denominator = 2 * count.tp + count.fp + count.fn
    return 2 * count.tp / denominator if denominator else 0.0


# --------------------------------------------------------------------------- words (wcxb-dev, readability)


def word_tokens(text: str | None) -> list[str]:
    return _TOKEN.findall((text or "").lower())


def match_words(truth: str | None, prediction: str | None) -> Score:
    true_tokens, predicted_tokens = word_tokens(truth), word_tokens(prediction)
    if not true_tokens:
        return Score(1.0, 1.0, 1.0) if not predicted_tokens else Score(0.0, 0.0, 0.0)
    if not predicted_tokens:
        return Score(0.0, 0.0, 0.0)
    overlap = sum((Counter(true_tokens) & Counter(predicted_tokens)).values())
    precision, recall = overlap / len(predicted_tokens), overlap / len(true_tokens)
    both = precision + recall
    return Score(precision, recall, 2 * precision * recall / both if both else 0.0)


def mean_words(scores: Iterable[Score]) -> Score:
    scores = list(scores)
    if not scores:
        return Score(0.0, 0.0, 0.0)
    return Score(*(statistics.fmean(getattr(s, name) for s in scores) for name in ("precision", "recall", "f1")))


# --------------------------------------------------------------------------- one interface for the runner


@dataclass(frozen=True)
class Scorer:
    """A benchmark's scorer behind one interface: `page` scores one output against one page's
    truth, `total` gives the set's figure from the page scores, `page_f1` ranks pages.

    `units` and `unit_key` serve the loss report: `units` cuts a truth into the pieces whose
    loss is reported (snippets, or sentences of the true text) and `unit_key` normalises a text
    so that `unit_key(unit) in unit_key(output)` says whether the output holds the unit.
    """

    name: str
    page: Callable[[Any, str], Any]
    total: Callable[[Sequence[Any]], Score]
    page_f1: Callable[[Any], float]
    units: Callable[[Any], list[str]]
    unit_key: Callable[[str], str]


_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+")


def sentences(text: str | None) -> list[str]:
    """The non-empty lines of `text`, cut after sentence-final punctuation: the loss report's unit
    for a true text, fine enough that one dropped sentence does not count its paragraph as lost."""
    lines = (text or "").splitlines()
    return [piece for line in lines for piece in _SENTENCE_END.split(line.strip()) if _TOKEN.search(piece)]


def token_key(tokens: list[str]) -> str:
    # Spaces at both ends so that containment only matches whole tokens.
    return f" {' '.join(tokens)} "


SHINGLE_SCORER = Scorer(
    name="shingles",
    page=match_page,
    total=aggregate,
    page_f1=page_f1,
    units=sentences,
    unit_key=lambda text: token_key(tokenize(text)),
)
SNIPPET_SCORER = Scorer(
    name="snippets",
    page=count_snippets,
    total=sum_snippets,
    page_f1=snippet_page_f1,
    units=lambda truth: list(truth.wanted),
    unit_key=collapse_whitespace,
)
WORD_SCORER = Scorer(
    name="words",
    page=match_words,
    total=mean_words,
    page_f1=lambda score: score.f1,
    units=sentences,
    unit_key=lambda text: token_key(word_tokens(text)),
)
