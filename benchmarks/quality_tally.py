"""The scoring room of benchmarks/quality.py: what a system's output on one page is, the tallies
of page scores per set, system and page type, the page-type decision against WCXB's labels, the
"empty" pages, and the truth cleanscrape loses (`--losses`). The runner and the report are in
quality.py, which re-exports these names.
"""

from __future__ import annotations

import importlib
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.scorers import Scorer
from benchmarks.sets import PAGE_TYPES, BenchSet

# "empty": cleanscrape returned almost nothing where trafilatura alone found an article's worth.
EMPTY_MAX_WORDS = 5
TRAFILATURA_MIN_WORDS = 50

_WORD = re.compile(r"\w+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class RemovedLine:
    """One line of cleanscrape's removal log; `stage` when the log names it."""

    reason: str
    text: str
    stage: str | None = None


@dataclass(frozen=True)
class SystemOutput:
    text: str
    milliseconds: float
    error: str | None = None  # "ExceptionType: message" when the call raised
    removed: tuple[RemovedLine, ...] = ()
    all_articles: str = ""  # --losses: the text of every article, also those `Page.text` leaves out
    cached: bool = False
    page_type: str | None = None  # cleanscrape's Page.page_type (HTML): its page-kind decision


@dataclass(frozen=True)
class PageOutputs:
    set_name: str
    page_id: str
    input_name: str
    systems: dict[str, SystemOutput]  # cleanscrape first, then the baselines of the mode
    variants: dict[str, SystemOutput] = field(default_factory=dict)  # --ablate, by Variant.label


# --------------------------------------------------------------------------- tallies (main process)


@dataclass
class Tally:
    """One system on one input of one set: the page scores as they come, in page order."""

    page_ids: list[str] = field(default_factory=list)
    scores: list[Any] = field(default_factory=list)
    milliseconds: list[float] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    cached: int = 0

    def add(self, page_id: str, score: Any, output: SystemOutput) -> None:
        self.page_ids.append(page_id)
        self.scores.append(score)
        self.milliseconds.append(output.milliseconds)
        self.cached += output.cached
        if output.error is not None:
            self.errors[page_id] = output.error


@dataclass(frozen=True)
class Row:
    """A line of the main table (and of the JSON)."""

    set_name: str
    input_name: str
    system: str
    pages: int
    f1: float
    precision: float
    recall: float
    median_ms: float
    exceptions: dict[str, str]
    timed_in_earlier_run: bool  # cached outputs carry the time of the run that made them
    by_page_type: dict[str, dict[str, float]]  # {type: {"pages", "f1", "precision", "recall"}}


def summarise(bench_set: BenchSet, input_name: str, system: str, tally: Tally) -> Row:
    score = bench_set.scorer.total(tally.scores)
    return Row(
        set_name=bench_set.name,
        input_name=input_name,
        system=system,
        pages=len(tally.scores),
        f1=score.f1,
        precision=score.precision,
        recall=score.recall,
        median_ms=statistics.median(tally.milliseconds) if tally.milliseconds else 0.0,
        exceptions=dict(tally.errors),
        timed_in_earlier_run=bool(tally.cached) and tally.cached == len(tally.scores),
        by_page_type=by_page_type(bench_set, tally),
    )


def by_page_type(bench_set: BenchSet, tally: Tally) -> dict[str, dict[str, float]]:
    if not bench_set.page_types:
        return {}
    grouped: dict[str, list[Any]] = defaultdict(list)
    for page_id, score in zip(tally.page_ids, tally.scores, strict=True):
        grouped[bench_set.page_types[page_id]].append(score)
    order = [t for t in PAGE_TYPES if t in grouped] + sorted(set(grouped) - set(PAGE_TYPES))
    result = {}
    for page_type in order:
        score = bench_set.scorer.total(grouped[page_type])
        pages = len(grouped[page_type])
        result[page_type] = {"pages": pages, "f1": score.f1, "precision": score.precision, "recall": score.recall}
    return result


@dataclass(frozen=True)
class EmptyPage:
    set_name: str
    page_id: str
    cleanscrape_words: int
    trafilatura_words: int


def empty_page(outputs: PageOutputs) -> EmptyPage | None:
    cleaned, alone = outputs.systems.get("cleanscrape"), outputs.systems.get("trafilatura")
    if cleaned is None or alone is None:
        return None
    cleaned_words, alone_words = word_count(cleaned.text), word_count(alone.text)
    if cleaned_words < EMPTY_MAX_WORDS and alone_words >= TRAFILATURA_MIN_WORDS:
        return EmptyPage(outputs.set_name, outputs.page_id, cleaned_words, alone_words)
    return None


# --------------------------------------------------------------------------- losses


FRONT_END = "front end"
OTHER_ARTICLE = "assembly: in an article Page.text leaves out"
RAISED = "exception"


@dataclass(frozen=True)
class LostUnit:
    """A piece of truth the reference output holds and cleanscrape's output lacks."""

    set_name: str
    page_id: str
    group: str  # "stage: reason" (the reason alone when no stage is known), OTHER_ARTICLE, FRONT_END or RAISED
    unit: str
    words: int
    logged_as: str = ""  # the removal-log line that holds it


def lost_units(
    scorer: Scorer,
    truth: Any,
    reference: str,
    cleaned: SystemOutput,
    stage_of: Mapping[str, str],
    where: tuple[str, str],
) -> list[LostUnit]:
    set_name, page_id = where
    reference_key, cleaned_key = scorer.unit_key(reference), scorer.unit_key(cleaned.text)
    articles_key = scorer.unit_key(cleaned.all_articles)
    removed = [(line, scorer.unit_key(line.text)) for line in cleaned.removed]
    lost = []
    for unit in scorer.units(truth):
        unit_key = scorer.unit_key(unit)
        if not unit_key.strip() or unit_key not in reference_key or unit_key in cleaned_key:
            continue
        if cleaned.error is not None:
            group, logged_as = RAISED, cleaned.error
        elif unit_key in articles_key:
            group, logged_as = OTHER_ARTICLE, ""
        else:
            holder = removal_holding(unit_key, removed)
            group = removal_group(holder, stage_of) if holder else FRONT_END
            logged_as = holder.text if holder else ""
        lost.append(LostUnit(set_name, page_id, group, unit, word_count(unit), logged_as))
    return lost


def removal_holding(unit_key: str, removed: Sequence[tuple[RemovedLine, str]]) -> RemovedLine | None:
    """The removal-log line that holds the unit, or the largest part of it.

    A line holds the unit when its text contains the unit (a dropped paragraph holding a true
    sentence), or lies inside it (a trimmed fragment, or one line of a paragraph the front end
    split) and is not a chance match: 3 words or more, half the unit, or the unit's first or last
    words (a heading the truth glued to its paragraph).
    """
    unit_words = len(unit_key.split())
    best: tuple[int, RemovedLine] | None = None
    for line, key in removed:
        words = len(key.split())
        if not words:
            continue
        if unit_key in key:
            return line
        if key not in unit_key or (best is not None and words <= best[0]):
            continue
        if words >= 3 or 2 * words >= unit_words or unit_key.startswith(key) or unit_key.endswith(key):
            best = (words, line)
    return best[1] if best else None


def removal_group(line: RemovedLine, stage_of: Mapping[str, str]) -> str:
    stage = line.stage or stage_of.get(line.reason)
    return f"{stage}: {line.reason}" if stage and stage != line.reason else line.reason


def stage_of_reason() -> dict[str, str]:
    """reason -> the stage(s) that give it, for removal logs that name the reason only. Read from
    the stage registry when it can be found; the report falls back to reasons alone."""
    try:
        stages = importlib.import_module("cleanscrape.pipeline").STAGES
    except (ImportError, AttributeError):
        return {}
    givers: dict[str, list[str]] = defaultdict(list)
    for stage in stages:
        for reason in getattr(stage, "reasons", ()):
            givers[reason].append(stage.name)
    return {reason: "|".join(names) for reason, names in givers.items()}


@dataclass(frozen=True)
class LossGroup:
    group: str
    units: int
    words: int
    pages: int
    by_set: dict[str, int]  # units a set
    examples: list[dict[str, str]]  # {"page", "unit", "logged_as"}


LOSS_EXAMPLES = 3


def group_losses(losses: Iterable[LostUnit]) -> list[LossGroup]:
    grouped: dict[str, list[LostUnit]] = defaultdict(list)
    for loss in losses:
        grouped[loss.group].append(loss)
    groups = []
    for group, members in grouped.items():
        examples: list[dict[str, str]] = []
        seen_pages: set[str] = set()
        for loss in sorted(members, key=lambda m: -m.words):  # the biggest losses, one a page
            page = f"{loss.set_name}/{loss.page_id}"
            if page not in seen_pages and len(examples) < LOSS_EXAMPLES:
                seen_pages.add(page)
                examples.append({"page": page, "unit": loss.unit, "logged_as": loss.logged_as})
        groups.append(LossGroup(
            group=group,
            units=len(members),
            words=sum(m.words for m in members),
            pages=len({(m.set_name, m.page_id) for m in members}),
            by_set=dict(Counter(m.set_name for m in members)),
            examples=examples,
        ))
    return sorted(groups, key=lambda g: (-g.words, g.group))


# --------------------------------------------------------------------------- page-type decision


@dataclass
class PageTypeTally:
    """cleanscrape's page-type decisions on one set against its labels (WCXB's page_type)."""

    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, decided) -> pages

    def add(self, label: str, decided: str | None) -> None:
        self.confusion[(label, decided or "none")] += 1

    @property
    def pages(self) -> int:
        return sum(self.confusion.values())

    @property
    def accuracy(self) -> float:
        right = sum(count for (label, decided), count in self.confusion.items() if label == decided)
        return right / self.pages if self.pages else 0.0

    def labels(self) -> list[str]:
        seen = {name for pair in self.confusion for name in pair}
        return [t for t in PAGE_TYPES if t in seen] + sorted(seen - set(PAGE_TYPES))

    def to_json(self) -> dict[str, Any]:
        return {"pages": self.pages, "accuracy": self.accuracy,
                "confusion": {label: {decided: self.confusion[(label, decided)] for decided in self.labels()}
                              for label in self.labels()}}
