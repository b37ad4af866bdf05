"""What each page-kind room (cleanscrape/frontends/html/kinds) would earn, before the decision is
in: the wcxb-dev pages of the chosen WCXB types, cleaned with the page type forced to WCXB's label
and without any room, scored with WCXB's word scorer.

    python -m benchmarks.kind_rooms --types listing,collection [--limit 40] [--workers 2] [--worst 10]
    python -m benchmarks.kind_rooms --decided    # the ablation of each room under the cleaner's own decision

`--decided`: every wcxb-dev page the cleaner decides to be a listing, collection, product or
service page is cleaned with that kind's room on and off; the differences, over all pages of each
WCXB type, are what each room adds to a full run of benchmarks/quality.py (its ablation row), and
the room's own time is reported beside the page's.

WCXB's label selects the room here only, in the benchmark; the cleaner decides the kind from the
page alone (kinds/decide.py). trafilatura's outputs inside cleanscrape are kept on disk
(~/.cache/cleanscrape-bench/kind-rooms/) so that reruns pay for the rooms and the stages only.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.quality import DEFAULT_BENCH, DEFAULT_CACHE
from benchmarks.scorers import match_words
from benchmarks.sets import load_set

CACHE = DEFAULT_CACHE / "kind-rooms"


@contextlib.contextmanager
def forced_page_type(page_type: str | None) -> Iterator[None]:
    """Inside, document_from_html decides `page_type` for every page (None: the cleaner's own)."""
    from cleanscrape.frontends.html import extract
    from cleanscrape.model import PageType

    original = extract.decide_page_type
    if page_type is not None:
        extract.decide_page_type = lambda signals: PageType(page_type)
    try:
        yield
    finally:
        extract.decide_page_type = original


@contextlib.contextmanager
def trafilatura_kept(page_id: str) -> Iterator[None]:
    """Inside, cleanscrape's trafilatura call on this page is read from the disk cache when there."""
    from cleanscrape.frontends.html import extract

    original = extract.extract_main_text
    path = CACHE / f"{page_id}.json"

    def kept(html: Any, source: str | None = None) -> Any:
        from cleanscrape.decode.normalize import split_lines

        if path.exists():
            text = json.loads(path.read_text("utf-8"))
        else:
            text, _ = original(html, source)
            CACHE.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(text), "utf-8")
        return text, split_lines(text)

    extract.extract_main_text = kept
    try:
        yield
    finally:
        extract.extract_main_text = original


def run_page(task: tuple[str, str, str]) -> tuple[str, str, str, float, float]:
    """(page id, text without rooms, text with the room of the page's label, ms without, ms with)."""
    import cleanscrape

    page_id, path, label = task
    html = gzip.decompress(Path(path).read_bytes())
    texts, times = [], []
    for forced in ("article", label):  # an article has no room: trafilatura's lines, as before the rooms
        with trafilatura_kept(page_id), forced_page_type(forced):
            started = time.perf_counter()
            try:
                texts.append(cleanscrape.clean(html, content_type="html").text)
            except Exception as error:  # noqa: BLE001 - a page that raises scores as empty and is listed
                print(f"{page_id}: {type(error).__name__}: {error}", file=sys.stderr)
                texts.append("")
            times.append(1000 * (time.perf_counter() - started))
    return page_id, texts[0], texts[1], times[0], times[1]


ROOM_KINDS = ("listing", "collection", "product", "service")


def decided_page(task: tuple[str, str, str]) -> tuple[str, str, str, str, float, float] | None:
    """(page id, decided kind, text with its room, text without, ms of the room, ms of the page), or
    None when the page is not decided to be one of ROOM_KINDS."""
    from selectolax.lexbor import LexborHTMLParser

    import cleanscrape
    from cleanscrape.decode.charset import decode_html
    from cleanscrape.frontends.html import kinds
    from cleanscrape.frontends.html.kinds import decide_page_type, page_signals
    from cleanscrape.frontends.html.structured import page_metadata_and_types
    from cleanscrape.frontends.html.visible import visible_text
    from cleanscrape.model import PageType

    page_id, path, _ = task
    html = gzip.decompress(Path(path).read_bytes())
    tree = LexborHTMLParser(decode_html(html)[0])
    declared, types = page_metadata_and_types(tree)
    decided = decide_page_type(page_signals(tree, declared, None, types, visible_text(tree)))
    if decided.value not in ROOM_KINDS:
        return None
    rules: dict[PageType, Any] = kinds.BODY_RULES  # type: ignore[assignment]  # a dict at run time
    rule = rules[decided]
    spent: list[float] = []

    def timed(*args: Any) -> Any:
        started = time.perf_counter()
        try:
            return rule(*args)
        finally:
            spent.append(1000 * (time.perf_counter() - started))

    with trafilatura_kept(page_id):
        rules[decided] = timed
        try:
            started = time.perf_counter()
            on = cleanscrape.clean(html, content_type="html").text
            page_ms = 1000 * (time.perf_counter() - started)
            del rules[decided]
            off = cleanscrape.clean(html, content_type="html").text
        finally:
            rules[decided] = rule
    return page_id, decided.value, on, off, sum(spent), page_ms


def ablation(bench: Any, workers: int) -> None:
    tasks = [(page_id, str(bench.html_path(page_id)), "") for page_id in bench.ids]
    with ProcessPoolExecutor(workers) as pool:
        results = [result for result in pool.map(decided_page, tasks, chunksize=4) if result is not None]
    counts: dict[str, int] = defaultdict(int)
    for page_id in bench.ids:
        counts[bench.page_types[page_id]] += 1
    gains: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))  # room -> WCXB type -> F1 sum
    room_ms: dict[str, list[float]] = defaultdict(list)
    page_ms: list[float] = []
    for page_id, kind, on, off, spent, whole in results:
        truth = bench.truths[page_id]
        gains[kind][bench.page_types[page_id]] += match_words(truth, on).f1 - match_words(truth, off).f1
        room_ms[kind].append(spent)
        page_ms.append(whole)
    total = sum(counts.values())
    for kind in ROOM_KINDS:
        by_type = gains[kind]
        overall = sum(by_type.values()) / total
        parts = ", ".join(f"{wcxb} {gain / counts[wcxb]:+.4f}" for wcxb, gain in sorted(by_type.items()))
        times = room_ms[kind]
        median = statistics.median(times) if times else 0.0
        print(f"{kind:<11} decided on {len(times):>3} pages: all {overall:+.4f} ({parts}); "
              f"room median {median:.1f} ms, total {sum(times):.0f} ms")
    print(f"pages decided to one of these kinds: {len(results)}, their cleaning {sum(page_ms):.0f} ms in all")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--types", default="listing,collection,product,service")
    parser.add_argument("--limit", type=int, default=0, help="pages per type")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worst", type=int, default=0, help="list the pages the room changed most")
    parser.add_argument("--ids", default="", help="only these page ids, comma-separated")
    parser.add_argument("--room", default="", help="apply this kind's room to every chosen page (default: its label's)")
    parser.add_argument("--decided", action="store_true", help="each room's ablation under the cleaner's decision")
    parser.add_argument("--out", type=Path, help="write {page id: [text off, text on]} here")
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    args = parser.parse_args(argv)
    bench = load_set(args.bench, "wcxb-dev")
    if args.decided:
        ablation(bench, args.workers)
        return 0
    types = args.types.split(",")
    chosen: dict[str, list[str]] = defaultdict(list)
    only = set(args.ids.split(",")) if args.ids else None
    for page_id in bench.ids:
        kind = bench.page_types[page_id]
        if kind in types and (only is None or page_id in only) and not (args.limit and len(chosen[kind]) >= args.limit):
            chosen[kind].append(page_id)
    tasks = [(page_id, str(bench.html_path(page_id)), args.room or kind) for kind in types for page_id in chosen[kind]]
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(run_page, tasks, chunksize=2))
    if args.out:
        args.out.write_text(json.dumps({r[0]: [r[1], r[2]] for r in results}, ensure_ascii=False), "utf-8")
    by_type: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    ms_off, ms_on = [], []
    for (page_id, _, _), (_, before, after, off, on) in zip(tasks, results, strict=True):
        kind = bench.page_types[page_id]
        truth = bench.truths[page_id]
        by_type[kind].append((page_id, match_words(truth, before).f1, match_words(truth, after).f1))
        ms_off.append(off)
        ms_on.append(on)
    for kind in types:
        rows = by_type[kind]
        if not rows:
            continue
        before, after = statistics.mean(r[1] for r in rows), statistics.mean(r[2] for r in rows)
        better = sum(r[2] > r[1] + 0.005 for r in rows)
        worse = sum(r[2] < r[1] - 0.005 for r in rows)
        print(f"{kind:<12} {len(rows):>4} pages  F1 room off {before:.3f}  on {after:.3f}  "
              f"({after - before:+.3f}; {better} better, {worse} worse)")
        if args.worst:
            for page_id, b, a in sorted(rows, key=lambda r: r[2] - r[1])[: args.worst]:
                print(f"    worse  {page_id} {b:.2f} -> {a:.2f}")
            for page_id, b, a in sorted(rows, key=lambda r: r[1] - r[2])[: args.worst]:
                print(f"    better {page_id} {b:.2f} -> {a:.2f}")
    print(f"time per page (ms, total of both passes' own): off {sum(ms_off):.0f}, on {sum(ms_on):.0f} "
          f"(on/off {sum(ms_on) / max(sum(ms_off), 1e-9):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
