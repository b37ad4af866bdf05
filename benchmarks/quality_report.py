"""The report room of benchmarks/quality.py: the tables it prints (main table, WCXB page types,
the page-type decision's confusion table, exceptions, empty pages, ablation, losses, worst pages).
quality.py runs the pages and calls these.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from benchmarks.quality_tally import EMPTY_MAX_WORDS, TRAFILATURA_MIN_WORDS, EmptyPage, LossGroup, PageTypeTally, Row


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
