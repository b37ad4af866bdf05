"""HTML path speed on the four dev sets (not a test): cleanscrape against trafilatura alone.

    python -m benchmarks.speed_html [--bench ../shared/bench] [--per-set 60] [--repeats 3]
                                    [--sets shub ...] [--profile] [--cold 8] [--batch]

Each set's sample is `--per-set` pages spread evenly over its sorted files, so every run times
the same pages. Both systems get the same decoded string; trafilatura runs alone as the dev sets'
anchors ran it (`include_comments=False, include_tables=True`). The two are timed interleaved,
page by page, the first to run alternating, and each page counts its best of `--repeats` passes
for each system: other jobs on the machine slow a pass now and then, rarely all of them. The
clock is the thread's CPU time (`--clock wall` for wall time).

- `--profile` times cleanscrape's components on every set (self time: a component's time less
  that of the components it calls), after the timed passes have warmed everything;
- `--cold N` times the first N pages (taken from the sets in turn) in a fresh process, then the
  same pages again in that process, warm; both systems, each in its own process;
- `--batch` times `cleanscrape batch` with 1 and 2 workers over all the samples' files
  (benchmarks/speed.py's run_batch: wall time with start-up, a worker's peak RSS).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SETS = ("shub", "traf-dev", "wcxb-dev", "readability")
TRAFILATURA_ALONE = {"include_comments": False, "include_tables": True}

Cleaner = Callable[[str], object]


def sample(bench: Path, name: str, count: int) -> list[Path]:
    """`count` of the set's files spread evenly over its sorted list (all of them if fewer)."""
    files = sorted((bench / name / "html").glob("*.html.gz"))
    if count >= len(files):
        return files
    return [files[index * len(files) // count] for index in range(count)]


def read_page(path: Path) -> str:
    # The pages are UTF-8 (or declare otherwise rarely): decoded once, both systems get the same str.
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def clean_html(page: str) -> object:
    import cleanscrape

    return cleanscrape.clean(page, content_type="html")


def trafilatura_alone(page: str) -> object:
    import trafilatura

    return trafilatura.extract(page, **TRAFILATURA_ALONE)


SYSTEMS: dict[str, Cleaner] = {"cleanscrape": clean_html, "trafilatura": trafilatura_alone}


# --------------------------------------------------------------------------- interleaved timing


# Both systems run in this one thread: its CPU time is their cost, and other jobs on the machine
# (which lengthen the wall time of whatever they interrupt) change it far less than the wall time.
CLOCKS = {"cpu": time.thread_time, "wall": time.perf_counter}


def best_times(pages: Sequence[str], repeats: int, clock: Callable[[], float]) -> dict[str, list[float]]:
    """Each system's best time on each page over `repeats` interleaved passes."""
    best = {name: [float("inf")] * len(pages) for name in SYSTEMS}
    systems = list(SYSTEMS.items())
    for _ in range(repeats):
        for number, page in enumerate(pages):
            for name, cleaner in systems if number % 2 == 0 else systems[::-1]:
                started = clock()
                cleaner(page)
                elapsed = clock() - started
                if elapsed < best[name][number]:
                    best[name][number] = elapsed
    return best


def ratio_section(samples: dict[str, list[str]], repeats: int, clock: str) -> list[str]:
    for page in (pages[0] for pages in samples.values() if pages):
        for cleaner in SYSTEMS.values():
            cleaner(page)  # warm-up: imports, language profiles, compiled patterns
    lines = [f"HTML path, 1 process, {clock} time, best of {repeats} interleaved passes per page",
             f"  {'set':<12}{'pages':>6}{'trafilatura ms/page':>21}{'cleanscrape ms/page':>21}{'ratio':>8}"]
    totals = {name: 0.0 for name in SYSTEMS}
    count = 0
    for name, pages in samples.items():
        best = best_times(pages, repeats, CLOCKS[clock])
        mine, theirs = sum(best["cleanscrape"]), sum(best["trafilatura"])
        totals["cleanscrape"] += mine
        totals["trafilatura"] += theirs
        count += len(pages)
        lines.append(f"  {name:<12}{len(pages):>6}{theirs * 1000 / len(pages):>21.1f}"
                     f"{mine * 1000 / len(pages):>21.1f}{mine / theirs:>7.2f}x")
    lines.append(f"  {'all':<12}{count:>6}{totals['trafilatura'] * 1000 / count:>21.1f}"
                 f"{totals['cleanscrape'] * 1000 / count:>21.1f}"
                 f"{totals['cleanscrape'] / totals['trafilatura']:>7.2f}x")
    return lines


# --------------------------------------------------------------------------- profile

# (module, attribute, component): each is wrapped where its caller looks it up. Nested components
# (trafilatura's fallbacks inside its extraction) count as their own, not their caller's.
COMPONENTS = (
    ("cleanscrape.frontends.html.extract", "LexborHTMLParser", "lexbor parse"),
    ("cleanscrape.frontends.html.extract", "load_html", "lxml parse"),
    ("cleanscrape.frontends.html.extract", "extract_main_text", "trafilatura: own extraction"),
    ("trafilatura.external", "try_readability", "trafilatura: readability fallback"),
    ("trafilatura.external", "justext_rescue", "trafilatura: jusText fallback"),
    ("trafilatura.core", "justext_rescue", "trafilatura: jusText fallback"),
    ("trafilatura.core", "baseline", "trafilatura: baseline rescue"),
    ("trafilatura.core", "_recall_retry", "trafilatura: recall retry"),
    ("trafilatura.core", "html2txt", "trafilatura: recall retry"),
    ("cleanscrape.frontends.html.extract", "markup_dates", "htmldate"),
    ("cleanscrape.frontends.html.extract", "markup_authors", "byline reader"),
    ("cleanscrape.frontends.html.extract", "main_content_paragraphs", "second opinion (resiliparse)"),
    ("cleanscrape.frontends.html.extract", "second_body_wins", "declared region / fragment checks"),
    ("cleanscrape.frontends.html.extract", "with_article_chunks", "article chunks"),
    ("cleanscrape.frontends.html.extract", "dom_evidence", "DOM evidence"),
    ("cleanscrape.frontends.html.evidence:DomEvidence", "for_text", "DOM evidence"),
    ("cleanscrape.frontends.html.extract", "visible_text", "visible text"),
    ("cleanscrape.frontends.html.extract", "visible_lines", "visible text"),
    ("cleanscrape.frontends.html.extract", "traced_with_second_opinion", "visible text: trace"),
    ("cleanscrape.frontends.html.extract", "page_metadata", "structured metadata"),
    ("cleanscrape.frontends.html.extract", "body_check_warnings", "structured metadata"),
    ("cleanscrape.api", "label_document", "stages"),
    ("cleanscrape.api", "build_page", "assembly"),
    ("cleanscrape.assemble.build", "detect_language", "language"),
)


class Profiler:
    """Self time per component: each wrapper's time less that of the wrapped calls inside it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._children: list[float] = []

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        clock, children = time.thread_time, self._children

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            children.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                elapsed = clock() - started
                self.seconds[label] += elapsed - children.pop()
                if children:
                    children[-1] += elapsed

        return timed


def _owner(path: str) -> Any:
    """The module `path` names, or the class of "module:Class"."""
    module, _, class_name = path.partition(":")
    return getattr(import_module(module), class_name) if class_name else import_module(module)


@contextmanager
def profiled(profiler: Profiler) -> Iterator[None]:
    """The components wrapped for the duration; one missing (moved, renamed) is left out."""
    import cleanscrape.api  # noqa: F401 - imported so that the modules below exist
    import cleanscrape.frontends.html.extract  # noqa: F401

    saved = []
    for path, attribute, label in COMPONENTS:
        try:
            owner = _owner(path)
            original = getattr(owner, attribute)
        except (ImportError, AttributeError):
            continue
        saved.append((owner, attribute, original))
        setattr(owner, attribute, profiler.wrap(label, original))
    try:
        yield
    finally:
        for owner, attribute, original in reversed(saved):
            setattr(owner, attribute, original)


def profile_section(samples: dict[str, list[str]]) -> list[str]:
    """ms/page per component on each set, one warm pass (the timed passes came before)."""
    columns: dict[str, dict[str, float]] = {}
    totals: dict[str, float] = {}
    for name, pages in samples.items():
        profiler = Profiler()
        with profiled(profiler):
            started = time.thread_time()
            for page in pages:
                profiler.wrap("total", clean_html)(page)
            total = time.thread_time() - started
        profiler.seconds.pop("total", None)
        profiler.seconds["other (decode, limits, glue)"] = total - sum(profiler.seconds.values())
        columns[name] = {label: seconds * 1000 / len(pages) for label, seconds in profiler.seconds.items()}
        totals[name] = total * 1000 / len(pages)
    labels = sorted({label for column in columns.values() for label in column},
                    key=lambda label: -sum(column.get(label, 0.0) for column in columns.values()))
    lines = ["profile, CPU ms/page (self time, one warm pass; share of the page's total in the last column)",
             f"  {'component':<36}" + "".join(f"{name:>12}" for name in columns) + f"{'share':>8}"]
    overall = sum(totals.values())
    for label in labels:
        values = [column.get(label, 0.0) for column in columns.values()]
        lines.append(f"  {label:<36}" + "".join(f"{value:>12.1f}" for value in values)
                     + f"{sum(values) / overall:>8.0%}")
    lines.append(f"  {'total':<36}" + "".join(f"{totals[name]:>12.1f}" for name in columns))
    return lines


# --------------------------------------------------------------------------- cold start


def cold_child(system: str, files: Sequence[str]) -> None:
    """In a fresh process: import time, then each page's time cold and again warm, as JSON."""
    started = time.perf_counter()
    if system == "cleanscrape":
        import cleanscrape.frontends.html.extract  # noqa: F401 - what the first HTML page imports
    else:
        import trafilatura  # noqa: F401
    imported = time.perf_counter() - started
    cleaner = SYSTEMS[system]
    pages = [read_page(Path(file)) for file in files]
    passes = []
    for _ in range(2):
        times = []
        for page in pages:
            started = time.perf_counter()
            cleaner(page)
            times.append(time.perf_counter() - started)
        passes.append(times)
    print(json.dumps({"import": imported, "cold": passes[0], "warm": passes[1]}))


def cold_section(files: Sequence[Path]) -> list[str]:
    lines = [f"cold start: the first {len(files)} pages of a fresh process (from the sets in turn), "
             "then the same pages warm in that process"]
    for system in SYSTEMS:
        command = [sys.executable, "-m", "benchmarks.speed_html", "--cold-child", system, *map(str, files)]
        result = json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
        cold, warm = sum(result["cold"]), sum(result["warm"])
        lines.append(f"  {system:<12} import {result['import'] * 1000:6.0f} ms   cold {cold * 1000 / len(files):7.1f}"
                     f" ms/page   warm {warm * 1000 / len(files):7.1f} ms/page   first page "
                     f"{result['cold'][0] * 1000:6.0f} ms (warm {result['warm'][0] * 1000:.0f})")
    return lines


# --------------------------------------------------------------------------- batch


def batch_section(files: dict[str, list[Path]], repeats: int) -> list[str]:
    from benchmarks.speed import run_batch

    seconds: dict[int, list[float]] = {1: [], 2: []}
    peak = 0
    with tempfile.TemporaryDirectory() as tmp:
        named = []  # the sets share file names (0001.html.gz): each is linked under its set's name
        for name, paths in files.items():
            for path in paths:
                named.append(Path(tmp) / f"{name}-{path.name}")
                named[-1].symlink_to(path.resolve())
        for _ in range(repeats):
            for workers in (1, 2):
                elapsed, rss = run_batch(named, workers)
                seconds[workers].append(elapsed)
                peak = max(peak, rss)
    count = len(named)
    one, two = statistics.median(seconds[1]), statistics.median(seconds[2])
    return [f"batch command on the {count} sampled HTML files, wall time incl. start-up, median of {repeats}",
            f"  1 worker   {count / one:8.2f} pages/s",
            f"  2 workers  {count / two:8.2f} pages/s   speed-up {one / two:.2f}x",
            f"  peak RSS of a worker process: {peak / 1024:.0f} MB"]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_html", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--per-set", type=int, default=60, metavar="N", help="pages a set (default: 60)")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved passes (default: 3)")
    parser.add_argument("--clock", choices=tuple(CLOCKS), default="cpu",
                        help="time the ratio pages by the thread's CPU time (default) or wall time")
    parser.add_argument("--skip-ratio", action="store_true", help="no interleaved timing")
    parser.add_argument("--profile", action="store_true", help="time cleanscrape's components per set")
    parser.add_argument("--cold", type=int, default=0, metavar="N", help="time the first N pages of a fresh process")
    parser.add_argument("--batch", action="store_true", help="time the batch command with 1 and 2 workers")
    parser.add_argument("--cold-child", metavar="SYSTEM", choices=tuple(SYSTEMS), help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.cold_child:
        cold_child(args.cold_child, args.files)
        return 0
    from benchmarks.speed import header

    print(header(), flush=True)
    files = {name: sample(args.bench, name, args.per_set) for name in args.sets}
    samples = {name: [read_page(path) for path in paths] for name, paths in files.items()}
    if not args.skip_ratio:
        print("\n".join(ratio_section(samples, args.repeats, args.clock)), flush=True)
    if args.profile:
        print("\n".join(profile_section(samples)), flush=True)
    if args.cold:
        in_turn = [path for group in zip(*files.values(), strict=False) for path in group][:args.cold]
        print("\n".join(cold_section(in_turn)), flush=True)
    if args.batch:
        print("\n".join(batch_section(files, args.repeats)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
