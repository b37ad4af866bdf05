"""Quality benchmark on the scrapinghub article-extraction-benchmark (181 pages, MIT).

    python -m benchmarks.quality DATA_DIR --mode text [--renderer w3m ...]
    python -m benchmarks.quality DATA_DIR --mode html

DATA_DIR holds `ground-truth.json` ({id: {"articleBody", "url"}}), `html/<id>.html.gz`
and `text/<renderer>/<id>.txt`. Each system is scored against articleBody with the
benchmark's own metric (upstream `evaluate.py`), re-implemented here so that our
figures can be compared with the published ones:

- tokens are runs of `\\w+`, case kept (upstream passes re.IGNORECASE, which does
  nothing for `\\w`, so nothing is lower-cased);
- a page's shingles are the counted 4-grams of its tokens; a text of 1-3 tokens is a
  single shorter shingle, an empty text has none;
- per page, TP/FP/FN are the multiset overlap and differences of the shingle counts;
- precision is averaged over the pages whose prediction has shingles and recall over
  the pages whose ground truth has shingles, so an empty prediction lowers recall but
  is left out of precision; F1 comes from the averaged precision and recall.

Only `score_pages` reads the articleBody texts (the page ids come from the ground truth's
keys and its urls are dropped on load): cleaners are given the page content alone.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import importlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SHINGLE_SIZE = 4
RENDERERS = ("html_text", "inscriptis", "w3m")
# C4 (Raffel et al. 2020): a line is kept when it ends in terminal punctuation ("a period,
# exclamation mark, question mark, or end quotation mark") and has at least this many
# whitespace-separated words. The TFDS/datatrove code lists only the ASCII '"'; we also accept
# the typographic closing quote, which many news sites end quoted paragraphs with: it lifts
# the baseline's recall by ~6 points here, and a baseline should not be weakened by a detail.
C4_TERMINAL_MARKS = (".", "!", "?", '"', "\u201d")
C4_MIN_WORDS = 3

_TOKEN = re.compile(r"\w+")

# --------------------------------------------------------------------------- the metric

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


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


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


# --------------------------------------------------------------------------- baselines


def raw_dump(text: str) -> str:
    return text


def c4_line_filter(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if _c4_keeps(line.strip()))


def _c4_keeps(line: str) -> bool:
    return line.endswith(C4_TERMINAL_MARKS) and len(line.split()) >= C4_MIN_WORDS


# --------------------------------------------------------------------------- data


class DataError(Exception):
    """The data directory is unusable; reported as one line, exit status 2."""


def load_ground_truth(data_dir: Path) -> dict[str, str]:
    """{page id: articleBody}. Only the scorer may use it."""
    if not data_dir.is_dir():
        raise DataError(f"data directory not found: {data_dir}")
    path = data_dir / "ground-truth.json"
    if not path.is_file():
        raise DataError(f"{data_dir} has no ground-truth.json; is it the article-extraction-benchmark data?")
    return {page_id: entry.get("articleBody", "") for page_id, entry in json.loads(path.read_text("utf-8")).items()}


def page_ids(ground_truth: Mapping[str, str], limit: int | None) -> list[str]:
    ids = sorted(ground_truth)
    return ids[:limit] if limit is not None else ids


def read_text_dumps(data_dir: Path, renderer: str, ids: Sequence[str]) -> dict[str, str]:
    folder = data_dir / "text" / renderer
    if not folder.is_dir():
        raise DataError(f"no text dumps for renderer {renderer!r}: {folder} is missing")
    return {page_id: _read_page(folder / f"{page_id}.txt", lambda p: p.read_text("utf-8")) for page_id in ids}


def read_html_pages(data_dir: Path, ids: Sequence[str]) -> dict[str, str]:
    # All 181 pages are UTF-8; decoding once here gives every system the same str input.
    folder = data_dir / "html"
    return {page_id: _read_page(folder / f"{page_id}.html.gz", lambda p: gzip.decompress(p.read_bytes()).decode("utf-8"))
            for page_id in ids}


def _read_page(path: Path, read: Callable[[Path], str]) -> str:
    if not path.is_file():
        raise DataError(f"page missing: {path}")
    return read(path)


# --------------------------------------------------------------------------- running

Cleaner = Callable[[str], str]


@dataclass(frozen=True)
class Run:
    """One system's outputs on one input set, with the time spent inside the cleaner."""

    system: str
    inputs: str  # renderer name, or "html"
    outputs: dict[str, str]
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return len(self.outputs) / self.seconds if self.seconds else float("inf")


def run_system(system: str, inputs: str, cleaner: Cleaner, pages: Mapping[str, str]) -> Run:
    def clean_page(page_id: str, content: str) -> str:
        try:
            return cleaner(content) or ""  # trafilatura returns None when it finds nothing
        except Exception as error:
            raise RuntimeError(f"{system} failed on {inputs} page {page_id}") from error

    # One untimed call first: lazy imports and one-off set-up (e.g. language profiles) would
    # otherwise be charged to the first page and skew the speed comparison between systems.
    for page_id, content in list(pages.items())[:1]:
        clean_page(page_id, content)
    outputs: dict[str, str] = {}
    seconds = 0.0
    for page_id, content in pages.items():
        started = time.perf_counter()
        outputs[page_id] = clean_page(page_id, content)
        seconds += time.perf_counter() - started
    return Run(system, inputs, outputs, seconds)


def score_pages(ground_truth: Mapping[str, str], outputs: Mapping[str, str]) -> dict[str, Match]:
    return {page_id: match_page(ground_truth[page_id], output) for page_id, output in outputs.items()}


def load_clean(spec: str) -> Callable[..., object]:
    """Resolve 'module:function', e.g. the default 'cleanscrape:clean'."""
    module_name, _, attribute = spec.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attribute or "clean")
    except (ImportError, AttributeError) as error:
        raise DataError(f"cannot load cleaner {spec!r} ({error}); use --baselines-only to measure the baselines alone")


def cleanscrape_cleaner(clean: Callable[..., object], content_type: str) -> Cleaner:
    return lambda content: clean(content, content_type=content_type).text  # type: ignore[attr-defined]


def trafilatura_cleaner(**options: object) -> Cleaner:
    import trafilatura

    return lambda html: trafilatura.extract(html, **options)


def systems_for(mode: str, clean: Callable[..., object] | None) -> list[tuple[str, Cleaner]]:
    """The system under test first (when there is one), then the baselines of this mode."""
    under_test = [("cleanscrape", cleanscrape_cleaner(clean, mode))] if clean else []
    if mode == "text":
        return under_test + [("raw", raw_dump), ("c4-lines", c4_line_filter)]
    return under_test + [
        ("trafilatura", trafilatura_cleaner()),
        ("trafilatura-prec", trafilatura_cleaner(favor_precision=True)),
    ]


# --------------------------------------------------------------------------- reporting


def format_table(rows: Sequence[tuple[Run, Score]]) -> str:
    lines = [f"{'system':<17}{'input':<12}{'F1':>7}{'P':>7}{'R':>7}{'pages/s':>10}"]
    for run, score in rows:
        lines.append(f"{run.system:<17}{run.inputs:<12}{score.f1:>7.3f}{score.precision:>7.3f}"
                     f"{score.recall:>7.3f}{run.pages_per_second:>10.1f}")
    return "\n".join(lines)


def format_worst(run: Run, matches: Mapping[str, Match], count: int) -> str:
    worst = sorted(matches.items(), key=lambda item: (page_f1(item[1]), item[0]))[:count]
    lines = [f"worst {len(worst)} pages for {run.system} on {run.inputs} (lowest page F1):"]
    for page_id, match in worst:
        lines.append(f"  {page_id}  F1={page_f1(match):.3f}  P={_or_dash(match.precision)}  R={_or_dash(match.recall)}")
    return "\n".join(lines)


def _or_dash(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def format_time_ratio(rows: Sequence[tuple[Run, Score]]) -> str | None:
    seconds = {run.system: run.seconds for run, _ in rows}
    if "cleanscrape" not in seconds or not seconds.get("trafilatura"):
        return None
    ratio = seconds["cleanscrape"] / seconds["trafilatura"]
    return (f"time: cleanscrape {seconds['cleanscrape']:.2f}s, trafilatura {seconds['trafilatura']:.2f}s, "
            f"ratio cleanscrape/trafilatura = {ratio:.2f}")


def write_dumps(dump_dir: Path, run: Run) -> None:
    folder = dump_dir / run.inputs
    folder.mkdir(parents=True, exist_ok=True)
    for page_id, output in run.outputs.items():
        (folder / f"{page_id}.txt").write_text(output, "utf-8")


# --------------------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, metavar="DATA_DIR")
    parser.add_argument("--mode", choices=("text", "html"), required=True)
    parser.add_argument("--renderer", action="append", choices=RENDERERS,
                        help="text mode: renderer(s) whose dumps to clean (default: all)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages (sorted by id)")
    parser.add_argument("--show-worst", type=int, default=0, metavar="K",
                        help="list the K pages where cleanscrape scores the lowest F1")
    parser.add_argument("--dump-dir", type=Path, metavar="DIR",
                        help="write cleanscrape's output per page to DIR/<input>/<id>.txt")
    parser.add_argument("--cleaner", default="cleanscrape:clean", metavar="MODULE:FUNCTION",
                        help="the clean() to benchmark (default: cleanscrape:clean)")
    parser.add_argument("--baselines-only", action="store_true", help="skip cleanscrape, run the baselines alone")
    args = parser.parse_args(argv)
    if args.baselines_only and (args.show_worst or args.dump_dir):
        parser.error("--show-worst and --dump-dir report on cleanscrape, which --baselines-only skips")
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        ground_truth = load_ground_truth(args.data_dir)
        clean = None if args.baselines_only else load_clean(args.cleaner)
        ids = page_ids(ground_truth, args.limit)
        if args.mode == "text":
            inputs = {renderer: read_text_dumps(args.data_dir, renderer, ids) for renderer in args.renderer or RENDERERS}
        else:
            inputs = {"html": read_html_pages(args.data_dir, ids)}
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    print(f"cleanscrape quality benchmark, {datetime.date.today()}, mode {args.mode}, {len(ids)} pages")
    rows: list[tuple[Run, Score]] = []
    worst_reports: list[str] = []
    for input_name, pages in inputs.items():
        for system, cleaner in systems_for(args.mode, clean):
            run = run_system(system, input_name, cleaner, pages)
            matches = score_pages(ground_truth, run.outputs)
            rows.append((run, aggregate(matches.values())))
            if system == "cleanscrape":
                if args.dump_dir:
                    write_dumps(args.dump_dir, run)
                if args.show_worst:
                    worst_reports.append(format_worst(run, matches, args.show_worst))
    print(format_table(rows))
    ratio = format_time_ratio(rows)
    if ratio:
        print(ratio)
    for report in worst_reports:
        print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
