"""Dump `Page.to_dict()` for every page of the dev sets and the seeds, to check a refactor.

    python -m benchmarks.dump_outputs OUT.jsonl [--bench ../shared/bench] [--workers 2]
    python -m benchmarks.dump_outputs --compare BEFORE.jsonl AFTER.jsonl [--ignore-field standfirst]

Each line is `{"input": "<set>/<kind>/<name>", "output": <to_dict() or the exception>}`, in a
fixed order, so that two dumps made before and after a behaviour-preserving change can be
compared line by line. HTML pages of all four sets and the text dumps of shub and traf-dev are
cleaned; nothing is scored, so no ground truth is read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"
SEEDS = ROOT / "seeds"


def inputs(bench: Path) -> Iterator[tuple[str, Path]]:
    """(label, path) of every input, in a fixed order."""
    for seed in sorted(SEEDS.glob("*.txt")):
        yield f"seeds/{seed.name}", seed
    for name in ("shub", "traf-dev", "wcxb-dev", "readability"):
        for page in sorted((bench / name / "html").glob("*.html.gz")):
            yield f"{name}/html/{page.name}", page
        text_root = bench / name / "text"
        if text_root.is_dir():
            for renderer in sorted(p.name for p in text_root.iterdir()):
                for dump in sorted((text_root / renderer).glob("*.txt")):
                    yield f"{name}/text/{renderer}/{dump.name}", dump


def clean_one(item: tuple[str, str]) -> str:
    import cleanscrape

    label, path = item
    raw = Path(path).read_bytes()
    content_type = "text"
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
        content_type = "html"
    output: Any
    try:
        output = cleanscrape.clean(raw, content_type=content_type).to_dict()
    except Exception as error:  # noqa: BLE001 - the dump records what a page raised
        output = {"exception": f"{type(error).__name__}: {error}"}
    return json.dumps({"input": label, "output": output}, ensure_ascii=False, sort_keys=True)


def dump(out: Path, bench: Path, workers: int) -> None:
    items = [(label, str(path)) for label, path in inputs(bench)]
    with ProcessPoolExecutor(workers) as pool, out.open("w", encoding="utf-8") as sink:
        for line in pool.map(clean_one, items, chunksize=8):
            sink.write(line + "\n")
    print(f"{len(items)} inputs dumped to {out}")


def without(value: Any, ignored: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: without(v, ignored) for k, v in value.items() if k not in ignored}
    if isinstance(value, list):
        return [without(v, ignored) for v in value]
    return value


def compare(before: Path, after: Path, ignored: frozenset[str]) -> int:
    differing = 0
    with before.open(encoding="utf-8") as old, after.open(encoding="utf-8") as new:
        count = 0
        for a, b in zip(old, new, strict=True):
            count += 1
            left, right = json.loads(a), json.loads(b)
            if without(left, ignored) != without(right, ignored):
                differing += 1
                if differing <= 10:
                    print(f"differs: {left['input']}")
    print(f"{count} inputs compared, {differing} differ (ignoring: {', '.join(sorted(ignored)) or 'nothing'})")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path, help="OUT.jsonl, or BEFORE.jsonl AFTER.jsonl with --compare")
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--ignore-field", action="append", default=[])
    args = parser.parse_args(argv)
    if args.compare:
        if len(args.paths) != 2:
            parser.error("--compare takes BEFORE.jsonl AFTER.jsonl")
        return compare(*args.paths, frozenset(args.ignore_field))
    if len(args.paths) != 1:
        parser.error("one output file, or --compare BEFORE AFTER")
    dump(args.paths[0], args.bench, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
