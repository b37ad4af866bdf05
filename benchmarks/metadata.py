"""Metadata benchmark: title, authors, published date, site name and language (issue #15).

    python -m benchmarks.metadata [--sets readability,traf-dev,wcxb-dev] [--limit N] [--workers 2]
                                  [--json FILE] [--show-misses FIELD] [--systems ...]

For each set of shared/bench (readability, traf-dev, wcxb-dev) and each field, a system is scored
on the n pages whose truth has a value for that field:

- exact: the normalised values are equal;
- lenient: word-set F1 >= 0.8 (dates: at most a day apart);
- coverage: the system returned any value at all;
- wrong: the system returned a value that does not match even leniently (another date, other people).

Beside each table, the false values of each field: the values a system gave that are wrong, or
that it gave on a page whose truth has none, as a share of all the values it gave (the false-date
rate on `published`; htmldate's and trafilatura's beside cleanscrape's).

The normalisation, applied to the truth and to every system alike, is described at the top of
benchmarks/metadata_match.py: NFKC and casefolding, quotes and punctuation stripped from the ends of
titles, bylines split into sets of person names without "By"/"Von"/"Par", dates compared as the
calendar date written, languages by primary subtag.

Systems: cleanscrape (`clean(html, content_type="html", source=url)`), trafilatura's metadata
(`trafilatura.metadata.extract_metadata`), htmldate (`find_date(html, url=url, original_date=True)`,
published date only) and newspaper4k (`Article(url).download(input_html=html)`, `parse()`). Each runs
in a process of its own per set (this script again, with --system), with the network blocked. The
peers are the benchmark's, not the package's: `pip install -r benchmarks/requirements-peers.txt`;
a peer that is not installed is named and its column skipped. Peer outputs are cached in
~/.cache/cleanscrape-bench/meta-<system>-<set>.json, keyed by the peer's version; cleanscrape is
always run afresh.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.metadata_match import FIELDS, FieldScore, Verdict, as_text, compare, gives_value, has_truth, tally
from benchmarks.metadata_sets import BENCH_ROOT, SET_NAMES, SetMissing, TruthPage, load_set
from benchmarks.metadata_systems import SYSTEMS, System, block_network, is_installed, make_extractor, version_key

ROOT = Path(__file__).resolve().parent.parent
PEERS_FILE = "benchmarks/requirements-peers.txt"
DEFAULT_CACHE = Path.home() / ".cache" / "cleanscrape-bench"
PAGE_SECONDS = 60  # a page that takes longer in one system is recorded as that system's error
MISSES_SHOWN = 30
FIELD_LABELS = {"title": "title", "authors": "authors", "published": "published", "site_name": "site name",
                "language": "language"}

Outputs = dict[str, dict[str, Any]]  # page id -> field values, or {"error": message}


# --------------------------------------------------------------------------- worker (one system, one set)


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(_signum: int, _frame: Any) -> None:
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_worker(system_name: str, set_name: str, page_ids: Sequence[str], bench_root: Path, out: Path) -> None:
    network = block_network()
    extractor = make_extractor(system_name)
    pages = {page.page_id: page for page in load_set(set_name, bench_root)}
    outputs: Outputs = {}
    started = time.perf_counter()
    for page_id in page_ids:
        page = pages[page_id]
        try:
            with time_limit(PAGE_SECONDS):
                outputs[page_id] = extractor(page.read_html(), page.url)
        except Exception as error:  # one page's failure is that system's miss, not the run's end
            outputs[page_id] = {"error": f"{type(error).__name__}: {error}"[:300]}
    report = {"outputs": outputs, "seconds": time.perf_counter() - started, "network_attempts": network.attempts}
    out.write_text(json.dumps(report, ensure_ascii=False, default=str), "utf-8")


# --------------------------------------------------------------------------- running the workers


@dataclass(frozen=True)
class Job:
    system: System
    set_name: str
    page_ids: tuple[str, ...]


@dataclass
class JobResult:
    outputs: Outputs
    seconds: float
    network_attempts: list[str]


def run_job(job: Job, bench_root: Path) -> JobResult:
    with tempfile.TemporaryDirectory(prefix="meta-bench-") as scratch:
        ids_file, out_file = Path(scratch) / "ids.json", Path(scratch) / "out.json"
        ids_file.write_text(json.dumps(job.page_ids), "utf-8")
        command = [sys.executable, "-m", "benchmarks.metadata", "--system", job.system.name, "--sets", job.set_name,
                   "--page-ids", str(ids_file), "--out", str(out_file), "--bench-root", str(bench_root)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if finished.returncode != 0 or not out_file.is_file():
            tail = "\n".join(finished.stderr.strip().splitlines()[-15:])
            raise RuntimeError(f"{job.system.name} on {job.set_name} failed (exit {finished.returncode}):\n{tail}")
        report = json.loads(out_file.read_text("utf-8"))
    return JobResult(report["outputs"], report["seconds"], report["network_attempts"])


def cache_path(cache_dir: Path, system: System, set_name: str) -> Path:
    return cache_dir / f"meta-{system.name}-{set_name}.json"


def read_cache(path: Path, version: str) -> Outputs:
    try:
        cached = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return cached.get("pages", {}) if cached.get("version") == version else {}


def write_cache(path: Path, version: str, outputs: Outputs) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"version": version, "pages": outputs}, ensure_ascii=False), "utf-8")
    temporary.replace(path)


def collect_outputs(
    systems: Sequence[System], pages_by_set: Mapping[str, Sequence[TruthPage]], bench_root: Path, cache_dir: Path,
    workers: int,
) -> dict[tuple[str, str], Outputs]:
    """Every system's outputs on every set: from the cache where it holds them, else by a worker."""
    outputs: dict[tuple[str, str], Outputs] = {}
    jobs: list[Job] = []
    for system in systems:
        version = version_key(system) if system.cached else ""
        for set_name, pages in pages_by_set.items():
            known = read_cache(cache_path(cache_dir, system, set_name), version) if system.cached else {}
            outputs[system.name, set_name] = known
            missing = tuple(page.page_id for page in pages if page.page_id not in known)
            if missing:
                jobs.append(Job(system, set_name, missing))
            else:
                print(f"  {system.name} on {set_name}: {len(pages)} pages from the cache", file=sys.stderr)

    def run_and_store(job: Job) -> None:
        result = run_job(job, bench_root)
        merged = {**outputs[job.system.name, job.set_name], **result.outputs}
        outputs[job.system.name, job.set_name] = merged
        if job.system.cached:
            write_cache(cache_path(cache_dir, job.system, job.set_name), version_key(job.system), merged)
        errors = {page_id: values["error"] for page_id, values in result.outputs.items() if "error" in values}
        attempts = result.network_attempts
        network = f"; {len(attempts)} network attempts blocked, first: {attempts[0]}" if attempts else ""
        print(f"  {job.system.name} on {job.set_name}: {len(job.page_ids)} pages in {result.seconds:.1f} s, "
              f"{len(errors)} errors{network}", file=sys.stderr)
        for page_id, message in list(errors.items())[:5]:
            print(f"    error on {page_id}: {' '.join(message.split())[:150]}", file=sys.stderr)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for future in [pool.submit(run_and_store, job) for job in jobs]:
            future.result()
    return outputs


# --------------------------------------------------------------------------- scoring


@dataclass
class SetScores:
    set_name: str
    pages: int
    # field -> system -> score; a system that does not report the field at all is absent
    fields: dict[str, dict[str, FieldScore]] = field(default_factory=dict)
    n: dict[str, int] = field(default_factory=dict)


def output_value(values: Mapping[str, Any] | None, field_name: str) -> Any:
    return None if values is None or "error" in values else values.get(field_name)


def score_set(
    set_name: str, pages: Sequence[TruthPage], systems: Sequence[System], outputs: Mapping[tuple[str, str], Outputs]
) -> SetScores:
    scores = SetScores(set_name, len(pages))
    for field_name in FIELDS:
        scored = [page for page in pages if has_truth(field_name, page.truth.get(field_name))]
        if not scored:
            continue  # the set does not annotate this field
        unscored = [page for page in pages if not has_truth(field_name, page.truth.get(field_name))]
        scores.n[field_name] = len(scored)
        scores.fields[field_name] = {
            system.name: tally(
                (compare(field_name, page.truth[field_name],
                         output_value(outputs[system.name, set_name].get(page.page_id), field_name))
                 for page in scored),
                (gives_value(field_name, output_value(outputs[system.name, set_name].get(page.page_id), field_name))
                 for page in unscored),
            )
            for system in systems
            if field_name in system.fields
        }
    return scores


def format_score(score: FieldScore) -> str:
    exact, lenient, covered, wrong = (
        score.percent(count) for count in (score.exact, score.lenient, score.covered, score.wrong))
    return f"{exact:.0f} / {lenient:.0f} / {covered:.0f} / {wrong:.0f}"


def format_false_values(scores: SetScores, systems: Sequence[System]) -> str:
    """Per field, each system's false values: a value unlike the truth's, or one where the truth has none."""
    lines = [f"{scores.set_name}: false values, % of the values given (wrong where the truth has another; "
             "given where it has none)"]
    for field_name, by_system in scores.fields.items():
        cells = [f"{system.name} {score.false_rate:.1f} % ({score.wrong} + {score.unsupported} of {score.given})"
                 for system in systems if (score := by_system.get(system.name)) is not None]
        without = next(iter(by_system.values())).without_truth if by_system else 0
        lines.append(f"  {FIELD_LABELS[field_name]} ({without} pages without truth): " + "; ".join(cells))
    return "\n".join(lines)


def format_table(scores: SetScores, systems: Sequence[System]) -> str:
    header = ["field (n)"] + [system.name for system in systems]
    rows = [header]
    for field_name, by_system in scores.fields.items():
        row = [f"{FIELD_LABELS[field_name]} ({scores.n[field_name]})"]
        for system in systems:
            score = by_system.get(system.name)
            row.append("—" if score is None else format_score(score))
        rows.append(row)
    title = (f"{scores.set_name}: {scores.pages} pages; exact / lenient / coverage / wrong, "
             "% of the n pages whose truth has the field (wrong: a value that does not match even leniently)")
    if len(rows) == 1:
        return f"{title}\n  (the truth of these pages gives none of the fields)"
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [title]
    for index, row in enumerate(rows):
        lines.append("| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |")
        if index == 0:
            lines.append("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def _short(value: Any, width: int = 70) -> str:
    text = " ".join(as_text(value).split()) if not isinstance(value, dict) else value.get("error", "")
    return text if len(text) <= width else text[: width - 1] + "…"


def format_misses(field_name: str, set_name: str, pages: Sequence[TruthPage], outputs: Outputs) -> str:
    """Up to MISSES_SHOWN pages where cleanscrape's value is missing or not exact, truth beside output."""
    lines = [f"cleanscrape misses on {field_name}, {set_name}:"]
    shown = 0
    for page in pages:
        truth = page.truth.get(field_name)
        if not has_truth(field_name, truth):
            continue
        values = outputs.get(page.page_id)
        verdict: Verdict = compare(field_name, truth, output_value(values, field_name))
        if verdict.exact:
            continue
        kind = "missing" if not verdict.covered else "lenient" if verdict.lenient else "wrong"
        error = values.get("error") if values else None
        output = f"ERROR {error}" if error else _short(output_value(values, field_name))
        lines.append(f"  {page.page_id} ({kind})")
        lines.append(f"      truth: {_short(truth)}")
        lines.append(f"      got:   {output}")
        shown += 1
        if shown == MISSES_SHOWN:
            break
    if shown == 0:
        lines.append("  none")
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.metadata", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SET_NAMES), help="comma-separated, from: " + ", ".join(SET_NAMES))
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated, from: " + ", ".join(SYSTEMS))
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (by id)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes at once (default 2)")
    parser.add_argument("--json", type=Path, help="write every figure to this file")
    parser.add_argument("--save-outputs", type=Path, metavar="FILE",
                        help="write every system's values on every page to this file (set -> system -> page -> values)")
    parser.add_argument("--show-misses", choices=FIELDS, metavar="FIELD",
                        help=f"list up to {MISSES_SHOWN} pages a set where cleanscrape misses FIELD "
                        f"({', '.join(FIELDS)})")
    parser.add_argument("--bench-root", type=Path, default=BENCH_ROOT, help=f"default {BENCH_ROOT}")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help=f"peer outputs; default {DEFAULT_CACHE}")
    # worker mode, used by this script itself: one system over the given pages of one set
    parser.add_argument("--system", help=argparse.SUPPRESS)
    parser.add_argument("--page-ids", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _names(value: str, known: Sequence[str], what: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.system:
        page_ids = json.loads(args.page_ids.read_text("utf-8"))
        run_worker(args.system, args.sets, page_ids, args.bench_root, args.out)
        return 0

    started = time.perf_counter()
    set_names = _names(args.sets, SET_NAMES, "set")
    systems = []
    for name in _names(args.systems, list(SYSTEMS), "system"):
        if is_installed(SYSTEMS[name]):
            systems.append(SYSTEMS[name])
        else:
            print(f"{name} is not installed: its column is skipped. The benchmark's peers install with "
                  f"`pip install -r {PEERS_FILE}`.", file=sys.stderr)
    try:
        pages_by_set = {name: load_set(name, args.bench_root)[: args.limit] for name in set_names}
    except SetMissing as error:
        print(error, file=sys.stderr)
        return 2

    outputs = collect_outputs(systems, pages_by_set, args.bench_root, args.cache_dir, args.workers)
    if args.save_outputs:
        saved: dict[str, dict[str, Outputs]] = {}
        for (system_name, set_name), values in outputs.items():
            saved.setdefault(set_name, {})[system_name] = values
        args.save_outputs.write_text(json.dumps(saved, ensure_ascii=False), "utf-8")
    all_scores = [score_set(name, pages, systems, outputs) for name, pages in pages_by_set.items()]
    for scores in all_scores:
        print()
        print(format_table(scores, systems))
        print(format_false_values(scores, systems))
    if args.show_misses:
        for name, pages in pages_by_set.items():
            print()
            print(format_misses(args.show_misses, name, pages, outputs["cleanscrape", name])
                  if ("cleanscrape", name) in outputs else "cleanscrape was not run")
    seconds = time.perf_counter() - started
    print(f"\nwall time {seconds:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(figures(all_scores, systems, seconds), indent=1), "utf-8")
    return 0


def figures(all_scores: Sequence[SetScores], systems: Sequence[System], seconds: float) -> dict[str, Any]:
    return {
        "versions": {system.name: version_key(system) for system in systems if system.cached},
        "wall_seconds": round(seconds, 1),
        "sets": {
            scores.set_name: {
                "pages": scores.pages,
                "fields": {
                    field_name: {"n": scores.n[field_name],
                                 "systems": {name: score.to_dict() for name, score in by_system.items()}}
                    for field_name, by_system in scores.fields.items()
                },
            }
            for scores in all_scores
        },
    }


if __name__ == "__main__":
    sys.exit(main())
