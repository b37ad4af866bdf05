"""The text path's cost, step by step (part of the speed benchmark, `benchmarks/speed.py`).

    python -m benchmarks.speed_text DATA_DIR [DATA_DIR ...] [--renderer w3m] [--repeats 3] [--limit N]

For each text dump of each set: pages/s of `cleanscrape.clean` and of the C4 line filter, timed
interleaved in one run (`benchmarks.speed.median_seconds`), and where a page's time goes: the
front end (limits, decode, lines), each stage (its labels and their application), the revise
pass, the assembly of the Page, language detection and the page filters. The breakdown replays
`cleanscrape.api.clean`'s text flow step by step and checks that it gives the same Page, so a
rule added to a stage shows up under that stage's name.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.quality import RENDERERS, c4_line_filter

FRONT_END = "front end"
REVISE = "revise"
ASSEMBLY = "assembly"
LANGUAGE = "language"
FILTERS = "filters"


def clean_text(page: str) -> object:
    import cleanscrape

    return cleanscrape.clean(page, content_type="text")


def read_dumps(data_dir: Path, renderer: str, limit: int | None) -> list[str]:
    return [path.read_text("utf-8") for path in sorted((data_dir / "text" / renderer).glob("*.txt"))[:limit]]


class StepClock:
    """Seconds spent in each named step, summed over pages."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def time(self, step: str, work: Callable[[], object]) -> object:
        started = time.perf_counter()
        result = work()
        self.seconds[step] = self.seconds.get(step, 0.0) + time.perf_counter() - started
        return result


def stepped_clean(page: str, clock: StepClock) -> object:
    """`cleanscrape.clean(page, content_type="text")`, each step timed under its name."""
    from cleanscrape import limits
    from cleanscrape.assemble import build
    from cleanscrape.assemble.filters import filter_cause
    from cleanscrape.decode.charset import repair_surrogates
    from cleanscrape.frontends.text import document_from_text
    from cleanscrape.pipeline import STAGES, apply_labels, revise
    from cleanscrape.settings import Settings

    def front_end() -> object:
        limits.check_input_size(page, settings)
        text = repair_surrogates(page)
        limits.check_text_lines(text, settings)
        document = document_from_text(text)
        limits.check_document(document, settings)
        return document

    settings = Settings.from_options(None)
    doc = clock.time(FRONT_END, front_end)
    for stage in STAGES:
        doc = clock.time(stage.name, lambda stage=stage, doc=doc: apply_labels(doc, stage.label(doc, settings)))
    doc = clock.time(REVISE, lambda: revise(doc))
    detect = build.page_language

    def timed_detect(text: str, declared: str | None = None, sample_chars: int = 300) -> str | None:
        return clock.time(LANGUAGE, lambda: detect(text, declared, sample_chars))  # type: ignore[return-value]

    build.page_language = timed_detect  # type: ignore[assignment]
    try:
        started = time.perf_counter()
        language_before = clock.seconds.get(LANGUAGE, 0.0)
        page_out = build.build_page(doc, settings)  # type: ignore[arg-type]
        spent = time.perf_counter() - started - (clock.seconds.get(LANGUAGE, 0.0) - language_before)
        clock.seconds[ASSEMBLY] = clock.seconds.get(ASSEMBLY, 0.0) + spent
    finally:
        build.page_language = detect
    page_out.filtered = clock.time(FILTERS, lambda: filter_cause(page_out, settings))  # type: ignore[assignment]
    return page_out


def step_names() -> list[str]:
    from cleanscrape.pipeline import STAGE_NAMES

    return [FRONT_END, *STAGE_NAMES, REVISE, ASSEMBLY, LANGUAGE, FILTERS]


def breakdown(pages: Sequence[str], repeats: int) -> dict[str, float]:
    """Median seconds of each step over all `pages` (one warm-up pass first)."""
    for page in pages:
        stepped = stepped_clean(page, StepClock())
        if stepped.to_dict() != clean_text(page).to_dict():  # type: ignore[attr-defined]
            raise AssertionError("the stepped breakdown no longer replays cleanscrape.clean")
    runs = []
    for _ in range(repeats):
        clock = StepClock()
        for page in pages:
            stepped_clean(page, clock)
        runs.append(clock.seconds)
    return {step: statistics.median(run.get(step, 0.0) for run in runs) for step in step_names()}


def throughput_lines(label: str, pages: Sequence[str], repeats: int) -> list[str]:
    from benchmarks.speed import median_seconds

    megabytes = sum(len(page.encode("utf-8")) for page in pages) / 1e6
    seconds = median_seconds([("cleanscrape", clean_text), ("c4-lines", c4_line_filter)], pages, repeats)
    return [f"  {label:<20}{len(pages):>6}{megabytes * 1000 / len(pages):>9.1f}{name:>13}"
            f"{len(pages) / seconds[name]:>10.1f}{megabytes / seconds[name]:>8.2f}"
            f"{seconds[name] / seconds['c4-lines']:>11.1f}" for name in ("cleanscrape", "c4-lines")]


def text_sets_section(data_dirs: Sequence[Path], renderers: Sequence[str], repeats: int,
                      limit: int | None) -> list[str]:
    """Pages/s and the time against the C4 line filter on every set's dumps, in one run."""
    lines = [f"text path, 1 process, median of {repeats} (interleaved with the C4 line filter)",
             f"  {'input':<20}{'pages':>6}{'KB/page':>9}{'system':>13}{'pages/s':>10}{'MB/s':>8}{'time x C4':>11}"]
    for data_dir in data_dirs:
        for renderer in renderers:
            pages = read_dumps(data_dir, renderer, limit)
            if pages:
                lines += throughput_lines(f"{data_dir.name}/{renderer}", pages, repeats)
    return lines


def breakdown_section(data_dir: Path, renderer: str, repeats: int, limit: int | None) -> list[str]:
    pages = read_dumps(data_dir, renderer, limit)
    if not pages:
        return []
    seconds = breakdown(pages, repeats)
    total = sum(seconds.values())
    lines = [f"text path by step, {data_dir.name}/{renderer}, {len(pages)} pages, median of {repeats}",
             f"  {'step':<16}{'ms/page':>9}{'share':>8}"]
    lines += [f"  {step:<16}{spent * 1000 / len(pages):>9.3f}{spent / total:>8.1%}" for step, spent in seconds.items()]
    lines.append(f"  {'total':<16}{total * 1000 / len(pages):>9.3f}{'':>8}  ({len(pages) / total:.1f} pages/s)")
    return lines


def text_breakdown_lines(data_dirs: Sequence[Path], renderers: Sequence[str], repeats: int, limit: int | None,
                         breakdown: bool = True) -> list[str]:
    """The text path on the other sets' dumps beside the C4 filter, then each dump's breakdown."""
    lines = text_sets_section(data_dirs[1:], renderers, repeats, limit) if len(data_dirs) > 1 else []
    for data_dir in data_dirs if breakdown else ():
        for renderer in renderers:
            lines += breakdown_section(data_dir, renderer, repeats, limit)
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed_text", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dirs", type=Path, nargs="+", metavar="DATA_DIR")
    parser.add_argument("--renderer", action="append", choices=RENDERERS, help="text dumps to time (default: all)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages of each dump")
    parser.add_argument("--skip-breakdown", action="store_true")
    args = parser.parse_args(argv)
    renderers = args.renderer or RENDERERS
    print("\n".join(text_sets_section(args.data_dirs, renderers, args.repeats, args.limit)), flush=True)
    if not args.skip_breakdown:
        for data_dir in args.data_dirs:
            for renderer in renderers:
                print("\n".join(breakdown_section(data_dir, renderer, args.repeats, args.limit)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
