"""Quality benchmark: cleanscrape beside trafilatura alone (HTML) or beside the raw dump and a
C4-style line filter (text), on the four development sets, each scored by its own scorer.

    python -m benchmarks.quality                               # HTML, all four sets (issue #13)
    python -m benchmarks.quality --mode text                   # text dumps of shub and traf-dev (issue #14)
    python -m benchmarks.quality --sets shub,wcxb-dev --limit 50
    python -m benchmarks.quality --ablate --limit 100          # F1 with each stage switched off
    python -m benchmarks.quality --losses                      # truth cleanscrape loses, by stage and reason
    python -m benchmarks.quality --json run.json               # every figure, for comparing runs by script

Options: `--bench DIR` (default ../shared/bench from the repo root), `--workers N` (process pool,
default 2), `--renderer NAME` (text mode, repeatable), `--show-worst K`, `--dump-dir DIR`,
`--cache-dir DIR` / `--no-cache` (trafilatura alone), `--cleaner MODULE:FUNCTION`.

What is measured, per set (see benchmarks/scorers.py for each scorer's exact conventions):

- shub: 4-gram shingle P/R averaged over pages, F1 from the averages (scrapinghub's evaluate.py);
- traf-dev: `with`/`without` snippets counted over the set (trafilatura's eval_common.py);
- wcxb-dev: bag-of-words P/R/F1 per page, averaged; overall and per page type (WCXB's
  evaluate.py: an empty truth scores 1.0 against an empty output and 0.0 against any other, an
  empty output scores 0.0; the 21 dev pages with an empty main_content are kept, as upstream does);
- readability: the same word scorer on readability.js's expected `text`.

HTML mode gives both systems the page's bytes, as a scraper has them (trafilatura's own evaluation
does the same), each decoding them its own way. trafilatura alone is `trafilatura.extract(html,
include_comments=False, include_tables=True)`; its outputs (and times) are cached in
~/.cache/cleanscrape-bench/, keyed by trafilatura version, options, set, page id and a hash of
the page, so reruns only pay for cleanscrape, which is never cached. A page that raises scores as
an empty output and is listed. "empty" lists the pages where cleanscrape returns under 5 words
while trafilatura alone returns 50 or more. Times are the median milliseconds a page of one call,
measured inside a pool worker on a shared machine: compare them within a run only.

`--ablate` reruns cleanscrape with each stage in cleanscrape.STAGE_NAMES switched off in turn
and with all of them off; in HTML mode the trafilatura calls inside cleanscrape's front end are
made once a page and shared by those reruns. `--losses` lists the truth the reference keeps and
cleanscrape's output lacks (the reference: trafilatura alone in HTML mode, the raw dump in text
mode), grouped by the stage and reason of the removal-log line that holds it; "assembly" when it
is in an article `Page.text` leaves out (an appended article); "front end" when neither the
output, the articles nor the log holds it (e.g. cleanscrape's own trafilatura call, fast first,
did not return it). Units: traf-dev's `with` snippets, else the truth's sentences; the stage is
taken from the log when it names one, else from the stage registry's reasons.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import gzip
import hashlib
import importlib
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from benchmarks.quality_tally import (  # noqa: F401 - re-exported: the tests use them
    EMPTY_MAX_WORDS,
    FRONT_END,
    OTHER_ARTICLE,
    RAISED,
    TRAFILATURA_MIN_WORDS,
    EmptyPage,
    LossGroup,
    LostUnit,
    PageOutputs,
    PageTypeTally,
    RemovedLine,
    Row,
    SystemOutput,
    Tally,
    empty_page,
    group_losses,
    lost_units,
    removal_holding,
    stage_of_reason,
    summarise,
    word_count,
)
from benchmarks.scorers import (  # noqa: F401 - re-exported: benchmarks.trafilatura_settings and the tests use them
    Match,
    Score,
    Scorer,
    aggregate,
    match_page,
    page_f1,
    shingles,
    tokenize,
)
from benchmarks.sets import RENDERERS, SET_NAMES, BenchSet, DataError, load_set

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
DEFAULT_CACHE = Path.home() / ".cache" / "cleanscrape-bench"

TRAFILATURA_ALONE_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True}

# C4 (Raffel et al. 2020): a line is kept when it ends in terminal punctuation ("a period,
# exclamation mark, question mark, or end quotation mark") and has at least this many
# whitespace-separated words. The TFDS/datatrove code lists only the ASCII '"'; we also accept
# the typographic closing quote, which many news sites end quoted paragraphs with: it lifts
# the baseline's recall by ~6 points here, and a baseline should not be weakened by a detail.
C4_TERMINAL_MARKS = (".", "!", "?", '"', "\u201d")
C4_MIN_WORDS = 3



# --------------------------------------------------------------------------- baselines


def raw_dump(text: str) -> str:
    return text


def c4_line_filter(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if _c4_keeps(line.strip()))


def _c4_keeps(line: str) -> bool:
    return line.endswith(C4_TERMINAL_MARKS) and len(line.split()) >= C4_MIN_WORDS


# --------------------------------------------------------------------------- what a worker runs


@dataclass(frozen=True)
class Variant:
    """cleanscrape with some stages switched off (none: the full pipeline)."""

    label: str
    disabled: tuple[str, ...] = ()


def ablation_variants(stage_names: Sequence[str]) -> tuple[Variant, ...]:
    return (*(Variant(f"-{name}", (name,)) for name in stage_names), Variant("no stages", tuple(stage_names)))


@dataclass(frozen=True)
class PageTask:
    set_name: str
    page_id: str
    input_name: str  # "html", or the renderer of a text dump
    path: str
    cleaner: str  # MODULE:FUNCTION
    variants: tuple[Variant, ...] = ()  # --ablate
    keep_removals: bool = False  # --losses
    cache_dir: str | None = None  # trafilatura alone; None: no cache

    @property
    def is_html(self) -> bool:
        return self.input_name == "html"



def run_page(task: PageTask) -> PageOutputs:
    """Every system on one page. Runs in a pool worker: it reads the page itself, and never
    the truth."""
    clean = load_clean(task.cleaner)
    content_type = "html" if task.is_html else "text"
    content: str | bytes = read_html(Path(task.path)) if task.is_html else Path(task.path).read_text("utf-8")
    systems = {"cleanscrape": run_cleanscrape(clean, content, content_type, (), task.keep_removals)}
    if task.is_html:
        assert isinstance(content, bytes)
        systems["trafilatura"] = trafilatura_alone(content, task)
    else:
        assert isinstance(content, str)
        systems["c4-lines"] = timed_call(lambda: c4_line_filter(content))
        systems["raw"] = timed_call(lambda: raw_dump(content))
    variants: dict[str, SystemOutput] = {}
    with trafilatura_calls_shared() if task.is_html and task.variants else contextlib.nullcontext():
        for variant in task.variants:
            variants[variant.label] = run_cleanscrape(clean, content, content_type, variant.disabled, False)
    return PageOutputs(task.set_name, task.page_id, task.input_name, systems, variants)


def read_html(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


@functools.lru_cache(maxsize=4)
def load_clean(spec: str) -> Callable[..., Any]:
    """Resolve 'module:function', e.g. the default 'cleanscrape:clean'."""
    module_name, _, attribute = spec.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attribute or "clean")
    except (ImportError, AttributeError) as error:
        raise DataError(f"cannot load cleaner {spec!r} ({error})") from error


def timed_call(call: Callable[[], str | None]) -> SystemOutput:
    started = time.perf_counter()
    try:
        text = call() or ""  # trafilatura returns None when it finds nothing
    except Exception as error:  # noqa: BLE001 - a page that raises scores as empty and is listed
        return SystemOutput("", _ms_since(started), f"{type(error).__name__}: {error}")
    return SystemOutput(text, _ms_since(started))


def _ms_since(started: float) -> float:
    return 1000 * (time.perf_counter() - started)


def run_cleanscrape(
    clean: Callable[..., Any], content: str | bytes, content_type: str, disabled: tuple[str, ...], keep_removals: bool
) -> SystemOutput:
    options = {"disabled_stages": list(disabled)} if disabled else None
    pages: list[Any] = []

    def call() -> str:
        page = clean(content, content_type=content_type, options=options)
        pages.append(page)
        return page.text

    output = timed_call(call)
    if pages and (page_type := getattr(pages[0], "page_type", None)) is not None:
        output = replace(output, page_type=str(page_type))
    if not keep_removals or not pages:
        return output
    page = pages[0].to_dict()  # the public shape of the removal log and the articles
    articles = "\n\n".join(article.get("text") or "" for article in page.get("articles", []))
    return replace(output, removed=removal_log(page), all_articles=articles)


def removal_log(page: Mapping[str, Any]) -> tuple[RemovedLine, ...]:
    return tuple(
        RemovedLine(reason=entry.get("reason") or "?", text=entry.get("text") or "", stage=entry.get("stage"))
        for entry in page.get("removed", [])
    )


# --------------------------------------------------------------------------- trafilatura alone, cached


def trafilatura_alone(html: bytes, task: PageTask) -> SystemOutput:
    import trafilatura

    digest = hashlib.sha1(html).hexdigest()
    path = trafilatura_cache_path(Path(task.cache_dir), task.set_name, task.page_id) if task.cache_dir else None
    if path is not None and (cached := read_cached(path, digest)) is not None:
        return cached
    output = timed_call(lambda: trafilatura.extract(html, **TRAFILATURA_ALONE_OPTIONS))
    if path is not None:
        write_cached(path, digest, output)
    return output


def trafilatura_cache_path(cache_dir: Path, set_name: str, page_id: str) -> Path:
    import trafilatura

    options = hashlib.sha1(json.dumps(TRAFILATURA_ALONE_OPTIONS, sort_keys=True).encode()).hexdigest()[:8]
    return cache_dir / f"trafilatura-{trafilatura.__version__}-{options}" / set_name / f"{page_id}.json"


def read_cached(path: Path, digest: str) -> SystemOutput | None:
    """The cached output, or None when there is none or it was made from other bytes."""
    try:
        entry = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if entry.get("sha1") != digest:
        return None
    return SystemOutput(entry["text"], entry["milliseconds"], entry.get("error"), cached=True)


def write_cached(path: Path, digest: str, output: SystemOutput) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"sha1": digest, "text": output.text, "milliseconds": output.milliseconds, "error": output.error}
    partial = path.with_suffix(f".{os.getpid()}.tmp")  # written whole, then renamed: never read half-written
    partial.write_text(json.dumps(entry, ensure_ascii=False), "utf-8")
    partial.replace(path)


@contextlib.contextmanager
def trafilatura_calls_shared() -> Iterator[None]:
    """While inside, `trafilatura.extract` remembers its results by argument, so the ablation
    reruns of one page share the front end's trafilatura calls (most of cleanscrape's time).
    trafilatura is deterministic with deduplicate off (cleanscrape's setting), so the reruns'
    outputs are the same as without sharing; cleanscrape's own timed run is never inside."""
    import trafilatura

    original = trafilatura.extract
    remembered: dict[Any, Any] = {}

    def extract(*args: Any, **kwargs: Any) -> Any:
        key = (args, tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:  # e.g. a parsed tree passed in: not shared
            return original(*args, **kwargs)
        if key not in remembered:
            remembered[key] = original(*args, **kwargs)
        return remembered[key]

    trafilatura.extract = extract
    try:
        yield
    finally:
        trafilatura.extract = original


def warm_up(cleaner: str) -> None:
    """Imports and one-off set-up (trafilatura's import, language profiles) before any page is
    timed, in each worker."""
    clean = load_clean(cleaner)
    with contextlib.suppress(Exception):
        clean("<html><body><p>Warm up. The council voted on Tuesday.</p></body></html>", content_type="html")
        clean("Warm up.\n\nThe council voted on Tuesday to build it.", content_type="text")
        import trafilatura

        trafilatura.extract("<html><body><p>Warm up.</p></body></html>", **TRAFILATURA_ALONE_OPTIONS)


# --------------------------------------------------------------------------- the run


@dataclass
class RunResults:
    rows: list[Row] = field(default_factory=list)
    ablation: list[Row] = field(default_factory=list)  # system = the variant's label
    empty: list[EmptyPage] = field(default_factory=list)
    losses: list[LostUnit] = field(default_factory=list)
    worst: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # "set/input" -> (page id, F1)
    page_types: dict[str, PageTypeTally] = field(default_factory=dict)  # set -> cleanscrape's decisions


@dataclass(frozen=True)
class Plan:
    mode: str
    sets: list[BenchSet]
    inputs: dict[str, tuple[str, ...]]  # set -> "html", or its renderers
    limit: int | None
    cleaner: str
    variants: tuple[Variant, ...]
    keep_removals: bool
    cache_dir: Path | None
    workers: int

    def tasks(self) -> Iterator[PageTask]:
        for bench_set in self.sets:
            for input_name in self.inputs[bench_set.name]:
                for page_id in self.page_ids(bench_set):
                    path = (bench_set.html_path(page_id) if input_name == "html"
                            else bench_set.text_path(input_name, page_id))
                    yield PageTask(bench_set.name, page_id, input_name, str(path), self.cleaner, self.variants,
                                   self.keep_removals, str(self.cache_dir) if self.cache_dir else None)

    def page_ids(self, bench_set: BenchSet) -> list[str]:
        return bench_set.ids[: self.limit] if self.limit is not None else bench_set.ids


def run_tasks(plan: Plan) -> Iterator[PageOutputs]:
    """Every page's outputs, in task order (so the output is the same whatever the workers)."""
    tasks = list(plan.tasks())
    if plan.workers <= 1:
        warm_up(plan.cleaner)
        yield from map(run_page, tasks)
        return
    with ProcessPoolExecutor(plan.workers, initializer=warm_up, initargs=(plan.cleaner,)) as pool:
        yield from pool.map(run_page, tasks, chunksize=2)


def measure(plan: Plan, dump_dir: Path | None, show_worst: int, progress: Callable[[str], None]) -> RunResults:
    sets = {bench_set.name: bench_set for bench_set in plan.sets}
    tallies: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    variant_tallies: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    results = RunResults()
    stage_of = stage_of_reason() if plan.keep_removals else {}
    reference_system = "trafilatura" if plan.mode == "html" else "raw"
    started, current = time.perf_counter(), None
    for outputs in run_tasks(plan):
        if (outputs.set_name, outputs.input_name) != current:
            current = (outputs.set_name, outputs.input_name)
            progress(f"{outputs.set_name}/{outputs.input_name} from {time.perf_counter() - started:.0f} s")
        bench_set = sets[outputs.set_name]
        truth = bench_set.truths[outputs.page_id]
        for system, output in outputs.systems.items():
            score = bench_set.scorer.page(truth, output.text)
            tallies[(outputs.set_name, outputs.input_name, system)].add(outputs.page_id, score, output)
        if (label := bench_set.page_types.get(outputs.page_id)) is not None and outputs.input_name == "html":
            decided = outputs.systems["cleanscrape"].page_type
            results.page_types.setdefault(outputs.set_name, PageTypeTally()).add(label, decided)
        for label, output in outputs.variants.items():
            score = bench_set.scorer.page(truth, output.text)
            variant_tallies[(outputs.set_name, outputs.input_name, label)].add(outputs.page_id, score, output)
        if (empty := empty_page(outputs)) is not None:
            results.empty.append(empty)
        if plan.keep_removals:
            results.losses += lost_units(bench_set.scorer, truth, outputs.systems[reference_system].text,
                                         outputs.systems["cleanscrape"], stage_of, (outputs.set_name, outputs.page_id))
        if dump_dir is not None:
            write_dump(dump_dir, outputs)
    progress(f"done in {time.perf_counter() - started:.0f} s")
    results.rows = [summarise(sets[s], i, system, tally) for (s, i, system), tally in tallies.items()]
    results.ablation = [summarise(sets[s], i, label, tally) for (s, i, label), tally in variant_tallies.items()]
    if show_worst:
        for (s, i, system), tally in tallies.items():
            if system == "cleanscrape":
                page_scores = zip(tally.page_ids, map(sets[s].scorer.page_f1, tally.scores), strict=True)
                ranked = sorted(page_scores, key=lambda item: (item[1], item[0]))
                results.worst[f"{s}/{i}"] = ranked[:show_worst]
    return results


def write_dump(dump_dir: Path, outputs: PageOutputs) -> None:
    folder = dump_dir / outputs.set_name / outputs.input_name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{outputs.page_id}.txt").write_text(outputs.systems["cleanscrape"].text, "utf-8")


# --------------------------------------------------------------------------- reporting


def format_main_table(rows: Sequence[Row]) -> str:
    lines = [f"{'set':<12}{'input':<11}{'pages':>6}  {'system':<13}{'F1':>7}{'P':>7}{'R':>7}"
             f"{'exceptions':>12}{'median ms':>11}"]
    previous = None
    for row in rows:
        where = (row.set_name, row.input_name)
        left = f"{row.set_name:<12}{row.input_name:<11}{row.pages:>6}" if where != previous else " " * 29
        previous = where
        note = " (cached)" if row.timed_in_earlier_run else ""
        lines.append(f"{left}  {row.system:<13}{row.f1:>7.3f}{row.precision:>7.3f}{row.recall:>7.3f}"
                     f"{len(row.exceptions):>12}{row.median_ms:>11.1f}{note}")
    return "\n".join(lines)


def format_page_types(rows: Sequence[Row]) -> list[str]:
    """Per page type, the systems of one set/input side by side."""
    reports = []
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row.by_page_type:
            grouped[(row.set_name, row.input_name)].append(row)
    for (set_name, input_name), group in grouped.items():
        header = f"{set_name} ({input_name}) by page type".ljust(28) + "".join(f"{row.system:>23}" for row in group)
        lines = [header, f"{'type':<22}{'pages':>6}" + f"{'F1':>9}{'P':>7}{'R':>7}" * len(group)]
        for page_type, figures in group[0].by_page_type.items():
            cells = "".join(f"{r.by_page_type[page_type]['f1']:>9.3f}{r.by_page_type[page_type]['precision']:>7.3f}"
                            f"{r.by_page_type[page_type]['recall']:>7.3f}" for r in group)
            lines.append(f"{page_type:<22}{figures['pages']:>6}{cells}")
        reports.append("\n".join(lines))
    return reports


def format_page_type_decisions(tallies: Mapping[str, PageTypeTally]) -> list[str]:
    """cleanscrape's page-type decision against each set's labels: accuracy and the confusion table
    (rows: the label, columns: the decision)."""
    reports = []
    for set_name, tally in tallies.items():
        names = tally.labels()
        lines = [f"{set_name} page-type decision: accuracy {tally.accuracy:.3f} on {tally.pages} pages",
                 f"{'label/decided':<16}" + "".join(f"{name[:11]:>12}" for name in names)]
        for label in names:
            lines.append(f"{label:<16}" + "".join(f"{tally.confusion[(label, decided)]:>12}" for decided in names))
        reports.append("\n".join(lines))
    return reports


def format_exceptions(rows: Sequence[Row], shown: int = 10) -> list[str]:
    lines = []
    for row in rows:
        if row.exceptions:
            lines.append(f"exceptions: {row.system} on {row.set_name}/{row.input_name}: {len(row.exceptions)} pages")
            for page_id, error in list(row.exceptions.items())[:shown]:
                lines.append(f"  {page_id}: {error[:150]}")
    return lines


def format_empty(empty: Sequence[EmptyPage], shown: int = 20) -> str:
    header = (f"empty: cleanscrape under {EMPTY_MAX_WORDS} words where trafilatura alone has "
              f"{TRAFILATURA_MIN_WORDS} or more: {len(empty)} pages")
    by_set: dict[str, list[str]] = defaultdict(list)
    for page in empty:
        by_set[page.set_name].append(f"{page.page_id} ({page.cleanscrape_words}/{page.trafilatura_words})")
    lines = [header] + [f"  {name} ({len(ids)}): {', '.join(ids[:shown])}{' ...' if len(ids) > shown else ''}"
                        for name, ids in by_set.items()]
    return "\n".join(lines)


def format_ablation(rows: Sequence[Row], ablation: Sequence[Row]) -> list[str]:
    """F1 with each stage off; beside it the stage's worth: full F1 minus that F1 (positive: the
    stage earns that much on the set, negative: it costs)."""
    full = {(r.set_name, r.input_name): r for r in rows if r.system == "cleanscrape"}
    columns = list(full)
    labels = list(dict.fromkeys(r.system for r in ablation))
    by_key = {(r.set_name, r.input_name, r.system): r for r in ablation}
    width = max(17, *(len(f"{s}/{i}") + 2 for s, i in columns)) if columns else 17
    lines = ["ablation: F1 with the stage off, and the stage's worth (full F1 minus it; + earns, - costs)",
             f"{'variant':<20}" + "".join(f"{f'{s}/{i}':>{width}}" for s, i in columns),
             f"{'cleanscrape (full)':<20}" + "".join(f"{full[c].f1:>{width}.3f}" for c in columns)]
    for label in labels:
        cells = []
        for s, i in columns:
            row = by_key.get((s, i, label))
            cells.append(f"{row.f1:.3f} ({full[(s, i)].f1 - row.f1:+.3f})".rjust(width) if row else " " * width)
        lines.append(f"{label:<20}" + "".join(cells))
    reports = ["\n".join(lines)]
    for (s, i), full_row in full.items():
        if not full_row.by_page_type:
            continue
        types = list(full_row.by_page_type)
        table = [f"ablation on {s}/{i} by page type: the stage's worth in F1 (full minus stage off)",
                 f"{'variant':<20}" + "".join(f"{t[:11]:>12}" for t in types),
                 f"{'cleanscrape (full)':<20}" + "".join(f"{full_row.by_page_type[t]['f1']:>12.3f}" for t in types)]
        for label in labels:
            row = by_key.get((s, i, label))
            if row:
                table.append(f"{label:<20}" + "".join(
                    f"{full_row.by_page_type[t]['f1'] - row.by_page_type[t]['f1']:>+12.3f}" for t in types))
        reports.append("\n".join(table))
    return reports


def format_losses(groups: Sequence[LossGroup], reference: str, shown: int) -> str:
    total_units, total_words = sum(g.units for g in groups), sum(g.words for g in groups)
    lines = [f"losses: truth {reference} keeps and cleanscrape lacks: {total_units} units, {total_words} words; "
             f"top {min(shown, len(groups))} of {len(groups)} groups by words"]
    for group in groups[:shown]:
        sets = ", ".join(f"{name} {count}" for name, count in sorted(group.by_set.items()))
        lines.append(f"{group.group:<36}{group.units:>6} units{group.words:>7} words{group.pages:>5} pages  ({sets})")
        for example in group.examples:
            logged = f"  <- logged: {_clip(example['logged_as'], 80)}" if example["logged_as"] else ""
            lines.append(f"    {example['page']}: {_clip(example['unit'], 100)}{logged}")
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def format_worst(worst: Mapping[str, Sequence[tuple[str, float]]]) -> list[str]:
    return [f"worst {len(pages)} pages for cleanscrape on {where} (lowest page F1): "
            + ", ".join(f"{page_id} {f1:.3f}" for page_id, f1 in pages) for where, pages in worst.items()]


def versions(cleaner: str) -> dict[str, str]:
    found = {}
    for name in ("trafilatura", cleaner.partition(":")[0]):
        with contextlib.suppress(ImportError):
            found[name] = str(getattr(importlib.import_module(name), "__version__", "?"))
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                                text=True, timeout=10, check=False).stdout.strip()
        if commit:
            found["git"] = commit
    return found


def to_json(
    plan: Plan, results: RunResults, loss_groups: Sequence[LossGroup], header: Mapping[str, Any]
) -> dict[str, Any]:
    return {
        **header,
        "sets": {bench_set.name: len(plan.page_ids(bench_set)) for bench_set in plan.sets},
        "results": [asdict(row) for row in results.rows],
        "empty": [asdict(page) for page in results.empty],
        "ablation": [asdict(row) | {"disabled": list(_disabled(plan, row.system))} for row in results.ablation],
        "losses": [asdict(group) for group in loss_groups],
        "page_type_decisions": {name: tally.to_json() for name, tally in results.page_types.items()},
    }


def _disabled(plan: Plan, label: str) -> tuple[str, ...]:
    return next((variant.disabled for variant in plan.variants if variant.label == label), ())


# --------------------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=("html", "text"), default="html")
    parser.add_argument("--sets", help=f"comma-separated, of: {', '.join(SET_NAMES)} "
                        "(default: all that have the mode's input)")
    parser.add_argument("--renderer", action="append", choices=RENDERERS, help="text mode: renderer(s) (default: all)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages of each set (sorted by id)")
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, metavar="DIR")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ablate", action="store_true", help="rerun cleanscrape with each stage off, and all off")
    parser.add_argument("--losses", type=int, nargs="?", const=15, metavar="N",
                        help="list the top N groups (default 15) of truth lost, by stage and reason")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure to FILE")
    parser.add_argument("--show-worst", type=int, default=0, metavar="K",
                        help="the K pages where cleanscrape scores lowest")
    parser.add_argument("--dump-dir", type=Path, metavar="DIR",
                        help="write cleanscrape's output to DIR/<set>/<input>/<id>.txt")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, metavar="DIR", help="trafilatura-alone cache")
    parser.add_argument("--no-cache", action="store_true", help="run trafilatura alone afresh, and cache nothing")
    parser.add_argument("--cleaner", default="cleanscrape:clean", metavar="MODULE:FUNCTION")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.renderer and args.mode != "text":
        parser.error("--renderer is for --mode text")
    return args


def make_plan(args: argparse.Namespace) -> Plan:
    names = [name.strip() for name in args.sets.split(",") if name.strip()] if args.sets else None
    unknown = sorted(set(names or ()) - set(SET_NAMES))
    if unknown:
        raise DataError(f"unknown set(s) {', '.join(unknown)}; sets are: {', '.join(SET_NAMES)}")
    if not args.bench.is_dir():
        raise DataError(f"benchmark directory not found: {args.bench}")
    chosen = names or [name for name in SET_NAMES if (args.bench / name).is_dir()]
    sets = [load_set(args.bench, name) for name in chosen]
    inputs: dict[str, tuple[str, ...]]
    if args.mode == "html":
        inputs = {bench_set.name: ("html",) for bench_set in sets}
    else:
        if names is None:
            sets = [bench_set for bench_set in sets if bench_set.renderers]
        inputs = {}
        for bench_set in sets:
            renderers = tuple(r for r in bench_set.renderers if not args.renderer or r in args.renderer)
            if not renderers:
                asked = f" of {', '.join(args.renderer)}" if args.renderer else ""
                raise DataError(f"{bench_set.name} has no text dumps{asked}")
            inputs[bench_set.name] = renderers
    if not sets:
        raise DataError(f"no benchmark sets in {args.bench}")
    load_clean(args.cleaner)  # fail here, once, rather than in every worker
    variants = ablation_variants(stage_names(args.cleaner)) if args.ablate else ()
    return Plan(args.mode, sets, inputs, args.limit, args.cleaner, variants, args.losses is not None,
                None if args.no_cache else args.cache_dir, args.workers)


def stage_names(cleaner: str) -> tuple[str, ...]:
    module = importlib.import_module(cleaner.partition(":")[0])
    names = getattr(module, "STAGE_NAMES", None)
    if not names:
        raise DataError(f"--ablate needs STAGE_NAMES from {module.__name__}")
    return tuple(names)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        plan = make_plan(args)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    header = {"date": datetime.date.today().isoformat(), "mode": args.mode, "versions": versions(args.cleaner),
              "limit": args.limit, "workers": args.workers}
    print(f"cleanscrape quality benchmark, {header['date']}, mode {args.mode}, "
          + ", ".join(f"{k} {v}" for k, v in header["versions"].items()) + ", "
          + ", ".join(f"{s.name} {len(plan.page_ids(s))} pages" for s in plan.sets), flush=True)
    results = measure(plan, args.dump_dir, args.show_worst, progress=print_progress)
    header["wall_seconds"] = round(time.perf_counter() - started, 1)

    print(format_main_table(results.rows))
    for report in format_page_types(results.rows):
        print("\n" + report)
    for report in format_page_type_decisions(results.page_types):
        print("\n" + report)
    if args.mode == "html":
        print("\n" + format_empty(results.empty))
    for line in format_exceptions(results.rows):
        print(line)
    if results.ablation:
        for report in format_ablation(results.rows, results.ablation):
            print("\n" + report)
    loss_groups = group_losses(results.losses) if plan.keep_removals else []
    if plan.keep_removals:
        reference = "trafilatura alone" if args.mode == "html" else "the raw dump"
        print("\n" + format_losses(loss_groups, reference, args.losses))
    for line in format_worst(results.worst):
        print(line)
    print(f"\nwall time {header['wall_seconds']:.0f} s with {args.workers} workers")
    if args.json:
        figures = to_json(plan, results, loss_groups, header)
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), "utf-8")
    return 0


def print_progress(message: str) -> None:
    print(f"  [{message}]", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
