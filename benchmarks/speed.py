"""Speed benchmark (not a test): how fast cleanscrape cleans, next to baselines timed in the same run.

    python -m benchmarks.speed DATA_DIR [--repeats 5] [--html-repeats 3] [--batch-copies 4] [--skip-batch]
        [--text-set ../shared/bench/traf-dev] [--skip-breakdown]

DATA_DIR is the scrapinghub article-extraction-benchmark layout that `benchmarks.quality` reads
(`text/<renderer>/*.txt`, `html/*.html.gz`). One run prints:

- text path, one process: pages/s and MB/s of `cleanscrape.clean` on each renderer's dumps,
  and of the C4 line filter (`benchmarks.quality.c4_line_filter`) on the same strings; the same
  for the dumps of each `--text-set` (traf-dev), and where a page's time goes, step by step
  (front end, each stage, revise, assembly, language: `benchmarks/speed_text.py`);
- HTML path, one process: pages/s of `cleanscrape.clean` and of `trafilatura.extract(html)`
  (defaults) on the same decoded strings, and the ratio of their times;
- `cleanscrape batch` on the HTML files with 1 and 2 workers: pages/s and the speed-up, cold and
  with the files `--batch-copies` times over (start-up amortised, as on a real crawl), and the
  peak RSS (VmHWM) of a worker process;
- growth: one page of 1,000 lines against one of 100 lines cut from the same material, and one
  5 MB text page.

Other jobs may share the machine, so every figure is a median of several repeats, and the
systems compared are timed interleaved (page by page, alternating which goes first) so that
noise hits both alike. Every system gets one untimed warm-up call (imports, language profiles).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import importlib.metadata
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import speed_text
from benchmarks.quality import RENDERERS, c4_line_filter

GROWTH_SMALL_LINES = 100
GROWTH_LARGE_LINES = 1000
BIG_PAGE_BYTES = 5 * 1024 * 1024
VERSIONED = ("cleanscrape", "trafilatura", "selectolax", "lxml", "langdetect", "ftfy")

Cleaner = Callable[[str], object]


# --------------------------------------------------------------------------- timing


def timed_pass(systems: Sequence[tuple[str, Cleaner]], pages: Sequence[str]) -> dict[str, float]:
    """Seconds each system spends on all `pages`, timed page by page, interleaved.

    The system that goes first alternates from page to page, so that a cache warmed by one
    system's run on a page (or a burst of load from another job) favours neither.
    """
    seconds = {name: 0.0 for name, _ in systems}
    clock = time.perf_counter
    for number, page in enumerate(pages):
        order = systems if number % 2 == 0 else systems[::-1]
        for name, cleaner in order:
            started = clock()
            cleaner(page)
            seconds[name] += clock() - started
    return seconds


def median_seconds(systems: Sequence[tuple[str, Cleaner]], pages: Sequence[str], repeats: int) -> dict[str, float]:
    for _, cleaner in systems:
        cleaner(pages[0])  # warm-up: lazy imports, language profiles, regex compilation
    runs = [timed_pass(systems, pages) for _ in range(repeats)]
    return {name: statistics.median(run[name] for run in runs) for name, _ in systems}


# The growth pages measure how time scales, so the default size limits must not refuse them
# (the 5 MB page has more lines than max_lines allows).
NO_LIMITS = {"max_input_bytes": None, "max_lines": None, "max_line_chars": None}


def clean_text(page: str, options: dict | None = None) -> object:
    import cleanscrape

    return cleanscrape.clean(page, content_type="text", options=options)


def clean_html(page: str) -> object:
    import cleanscrape

    return cleanscrape.clean(page, content_type="html")


def trafilatura_alone(page: str) -> object:
    import trafilatura

    return trafilatura.extract(page)


# --------------------------------------------------------------------------- sections


def text_section(data_dir: Path, renderers: Sequence[str], repeats: int, limit: int | None) -> list[str]:
    lines = [f"text path, 1 process, median of {repeats} (interleaved with the C4 line filter)",
             f"  {'input':<11}{'pages':>6}{'KB/page':>9}{'system':>13}{'pages/s':>10}{'MB/s':>8}{'time x C4':>11}"]
    for renderer in renderers:
        pages = [path.read_text("utf-8") for path in sorted((data_dir / "text" / renderer).glob("*.txt"))[:limit]]
        megabytes = sum(len(page.encode("utf-8")) for page in pages) / 1e6
        seconds = median_seconds([("cleanscrape", clean_text), ("c4-lines", c4_line_filter)], pages, repeats)
        for name in ("cleanscrape", "c4-lines"):
            lines.append(f"  {renderer:<11}{len(pages):>6}{megabytes * 1000 / len(pages):>9.1f}{name:>13}"
                         f"{len(pages) / seconds[name]:>10.1f}{megabytes / seconds[name]:>8.2f}"
                         f"{seconds[name] / seconds['c4-lines']:>11.1f}")
    return lines


def html_files(data_dir: Path, limit: int | None) -> list[Path]:
    return sorted((data_dir / "html").glob("*.html.gz"))[:limit]


def read_html_pages(files: Sequence[Path]) -> list[str]:
    # The pages are UTF-8; decoding once gives both systems the same str input.
    return [gzip.decompress(path.read_bytes()).decode("utf-8") for path in files]


def html_section(pages: Sequence[str], repeats: int) -> list[str]:
    seconds = median_seconds([("cleanscrape", clean_html), ("trafilatura", trafilatura_alone)], pages, repeats)
    ratio = seconds["cleanscrape"] / seconds["trafilatura"]
    return [
        f"HTML path, 1 process, {len(pages)} pages, median of {repeats} (interleaved page by page)",
        *(f"  {name:<17}  {len(pages) / seconds[system]:8.1f} pages/s  "
          f"({seconds[system] * 1000 / len(pages):.1f} ms/page)"
          for name, system in (("cleanscrape", "cleanscrape"), ("trafilatura alone", "trafilatura"))),
        f"  time ratio cleanscrape / trafilatura = {ratio:.2f}",
    ]


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    fields = stat.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _peak_rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_batch(files: Sequence[Path], workers: int, copies: int = 1) -> tuple[float, int]:
    """Wall seconds of `cleanscrape batch` over `files`, and the largest peak RSS (kB) of its workers.

    Worker processes are the command's descendants other than the forkserver (which only
    imports the core and forks); their VmHWM is polled while they run.
    """
    peaks: dict[int, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        html_dir = Path(tmp) / "html"
        html_dir.mkdir()
        for copy in range(copies):  # the same pages again under other names: more work per start-up
            for path in files:
                (html_dir / f"{copy}-{path.name}").symlink_to(path.resolve())
        command = [sys.executable, "-m", "cleanscrape", "batch", str(html_dir), "-o", str(Path(tmp) / "out.jsonl"),
                   "--workers", str(workers), "-q"]
        started = time.perf_counter()
        source_tree = str(Path(__file__).resolve().parent.parent)  # time this tree, even if another is installed
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (source_tree, os.environ.get("PYTHONPATH"))))}
        process = subprocess.Popen(command, env=env)
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                for child in _descendants(process.pid):
                    peak = _peak_rss_kb(child)
                    if peak is not None:
                        peaks[child] = max(peaks.get(child, 0), peak)
                done.wait(0.1)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        code = process.wait()
        seconds = time.perf_counter() - started
        done.set()
        poller.join()
    if code != 0:
        raise RuntimeError(f"cleanscrape batch exited with {code}")
    # The forkserver holds the preloaded core only; the workers hold that plus a page's work.
    return seconds, max(peaks.values(), default=0)


def batch_section(files: Sequence[Path], repeats: int, copies: int) -> list[str]:
    """The batch command cold (start-up and first-page warm-up included, which one worker or two
    pay alike), and with the pages `copies` times over, where that fixed cost weighs less."""
    lines: list[str] = []
    peak = 0
    for count in sorted({1, copies}):
        pages = len(files) * count
        seconds: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(repeats):
            for workers in (1, 2):
                elapsed, rss = run_batch(files, workers, count)
                seconds[workers].append(elapsed)
                peak = max(peak, rss)
        one, two = statistics.median(seconds[1]), statistics.median(seconds[2])
        lines += [
            f"batch command on {pages} HTML files ({count}x the {len(files)} pages), "
            f"wall time incl. start-up, median of {repeats}",
            f"  1 worker   {pages / one:8.1f} pages/s",
            f"  2 workers  {pages / two:8.1f} pages/s   speed-up {one / two:.2f}x",
        ]
    return [*lines, f"  peak RSS of a worker process: {peak / 1024:.0f} MB"]


def growth_pages(data_dir: Path) -> tuple[str, str, str]:
    """Pages of 100 and 1,000 lines, and one of 5 MB, cut from the w3m dumps concatenated."""
    dumps = [path.read_text("utf-8") for path in sorted((data_dir / "text" / "w3m").glob("*.txt"))]
    material = "\n".join(dumps).split("\n")
    small = "\n".join(material[:GROWTH_SMALL_LINES])
    large = "\n".join(material[:GROWTH_LARGE_LINES])
    big: list[str] = []
    size = 0
    while size < BIG_PAGE_BYTES:
        for dump in dumps:
            big.append(dump)
            size += len(dump.encode("utf-8")) + 1
            if size >= BIG_PAGE_BYTES:
                break
    return small, large, "\n".join(big)


def growth_section(data_dir: Path, repeats: int) -> list[str]:
    small, large, big = growth_pages(data_dir)
    clean_text(small)

    def median_time(page: str, count: int) -> float:
        times = []
        for _ in range(count):
            started = time.perf_counter()
            clean_text(page, NO_LIMITS)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    small_s, large_s = median_time(small, 5 * repeats), median_time(large, 5 * repeats)
    big_s = median_time(big, max(1, repeats // 2))
    return [
        "growth (text path, pages cut from the w3m dumps, median of repeats)",
        f"  {GROWTH_SMALL_LINES:>5} lines ({len(small.encode()) / 1024:6.1f} KB)  {small_s * 1000:8.2f} ms",
        f"  {GROWTH_LARGE_LINES:>5} lines ({len(large.encode()) / 1024:6.1f} KB)  {large_s * 1000:8.2f} ms   "
        f"{large_s / small_s:.1f}x the 100-line page",
        f"  {big.count(chr(10)) + 1:>5} lines ({len(big.encode()) / 1024 / 1024:6.1f} MB)  {big_s * 1000:8.0f} ms",
    ]


def header() -> str:
    versions = []
    for name in VERSIONED:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            if name == "cleanscrape":
                import cleanscrape

                versions.append(f"cleanscrape {cleanscrape.__version__} (source tree)")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    machine = platform.processor() or platform.machine()
    return (f"cleanscrape speed benchmark, {datetime.date.today()}, {cores} cores, {machine}, "
            f"Python {platform.python_version()}\n" + ", ".join(versions))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, metavar="DATA_DIR")
    parser.add_argument("--repeats", type=int, default=5,
                        help="repeats of the text path and growth timings (default: 5)")
    parser.add_argument("--html-repeats", type=int, default=3,
                        help="repeats of the HTML path and batch timings (default: 3)")
    parser.add_argument("--renderer", action="append", choices=RENDERERS, help="text dumps to time (default: all)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages of each input set (quick runs)")
    parser.add_argument("--skip-text", action="store_true")
    parser.add_argument("--skip-html", action="store_true")
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--batch-copies", type=int, default=4, metavar="N",
                        help="also time the batch command on the HTML pages N times over (default: 4)")
    parser.add_argument("--skip-growth", action="store_true")
    parser.add_argument("--text-set", action="append", type=Path, default=[], metavar="DIR",
                        help="another set's text dumps to time beside DATA_DIR's (repeatable), e.g. traf-dev")
    parser.add_argument("--skip-breakdown", action="store_true", help="no per-step breakdown of the text path")
    args = parser.parse_args(argv)
    if args.repeats < 1 or args.html_repeats < 1:
        parser.error("repeats must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    print(header(), flush=True)
    if not args.skip_text:
        print("\n".join(text_section(args.data_dir, args.renderer or RENDERERS, args.repeats, args.limit)), flush=True)
        print("\n".join(speed_text.text_breakdown_lines(
            [args.data_dir, *args.text_set], args.renderer or RENDERERS, args.repeats, args.limit,
            breakdown=not args.skip_breakdown)), flush=True)
    files = html_files(args.data_dir, args.limit)
    if not args.skip_html:
        print("\n".join(html_section(read_html_pages(files), args.html_repeats)), flush=True)
    if not args.skip_batch:
        print("\n".join(batch_section(files, args.html_repeats, args.batch_copies)), flush=True)
    if not args.skip_growth:
        print("\n".join(growth_section(args.data_dir, args.repeats)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
