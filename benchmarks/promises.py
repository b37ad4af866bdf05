"""The README's promises, counted over the dev pages (HTML) and the seeds (text).

    python -m benchmarks.promises [--sets shub,seeds] [--limit 20] [--show 5] [--workers 2]

For each set, the number of violations of each check (benchmarks/promises_checks.py) and of
pages with one. It reads each page's input and cleanscrape's output, never a truth file.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from benchmarks.promises_checks import CHECKS, Violation, check_page

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SETS = ("shub", "traf-dev", "wcxb-dev", "readability", "seeds")


def pages(bench: Path, name: str) -> list[Path]:
    if name == "seeds":
        return sorted((ROOT / "seeds").glob("*.txt"))
    return sorted((bench / name / "html").glob("*.html.gz"))


def check_one(path: Path) -> tuple[str, list[Violation]]:
    import cleanscrape
    from cleanscrape.decode.charset import decode_html, decode_text

    data = path.read_bytes()
    is_html = path.name.endswith(".gz")
    if is_html:
        data = gzip.decompress(data)
    raw = (decode_html if is_html else decode_text)(data)[0]
    try:
        page = cleanscrape.clean(data, content_type="html" if is_html else "text")
    except Exception as error:  # noqa: BLE001 - a page that raises breaks every promise: counted
        return path.name, [Violation("raised", f"{type(error).__name__}: {error}")]
    return path.name, check_page(raw, page, is_html=is_html)


def run(paths: list[Path], workers: int) -> Iterator[tuple[str, list[Violation]]]:
    if workers <= 1:
        yield from map(check_one, paths)
        return
    with ProcessPoolExecutor(workers) as pool:
        yield from pool.map(check_one, paths, chunksize=4)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated, of: " + ", ".join(SETS))
    parser.add_argument("--limit", type=int, default=0, help="the first N pages of each set")
    parser.add_argument("--show", type=int, default=0, help="print N examples of each check's violations")
    parser.add_argument("--checks", default=",".join(CHECKS), help="the checks to show examples of")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    shown_checks = set(args.checks.split(","))
    print(f"{'set':12} {'pages':>5}  " + "  ".join(f"{check:>14}" for check in (*CHECKS, "raised")))
    for name in args.sets.split(","):
        if name not in SETS:
            parser.error(f"unknown set {name!r}")
        paths = pages(args.bench, name)[:args.limit or None]
        counts: Counter[str] = Counter()
        page_counts: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        for page_id, violations in run(paths, args.workers):
            counts.update(violation.check for violation in violations)
            page_counts.update({violation.check for violation in violations})
            for violation in violations:
                if violation.check in shown_checks and len(examples.setdefault(violation.check, [])) < args.show:
                    examples[violation.check].append(f"{page_id}: {violation.detail}")
        cells = (f"{counts[check]:>6} ({page_counts[check]:>4}p)" for check in (*CHECKS, "raised"))
        print(f"{name:12} {len(paths):>5}  " + "  ".join(cells), flush=True)
        for check, lines in examples.items():
            for line in lines:
                print(f"    {check}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
