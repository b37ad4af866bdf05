"""The batch progress line: its wording against each kind of total, and the bytes it measures."""

from __future__ import annotations

import bz2
import gzip
import io
import json
from pathlib import Path

import pytest

from cleanscrape.cli.progress import ProgressLine, ProgressState, format_duration, format_progress
from cleanscrape.io.compressed import ByteMeter
from cleanscrape.io.discovery import iter_input_files
from cleanscrape.io.readers import ReadOptions, read_documents


@pytest.mark.parametrize(("state", "line"), [
    (ProgressState(documents=120, elapsed=40.0, total_documents=500),
     "120/500 documents (24%), 3.0 docs/s, 2m07s left"),
    (ProgressState(documents=1234, elapsed=100.0, bytes_read=45_200_000, total_bytes=120_000_000),
     "1234 documents, 45.2 MB of 120.0 MB (38%), 12.3 docs/s, 2m45s left"),
    (ProgressState(documents=7, elapsed=2.0), "7 documents, 3.5 docs/s"),  # standard input: no total
    (ProgressState(documents=0, elapsed=0.0, bytes_read=0, total_bytes=2048),
     "0 documents, 0 B of 2.0 kB (0%), 0.0 docs/s, ? left"),
    (ProgressState(documents=3, elapsed=3600.0, total_documents=4), "3/4 documents (75%), 0.0 docs/s, 20m00s left"),
])
def test_the_progress_line_names_the_share_done_and_the_time_left(state: ProgressState, line: str) -> None:
    assert format_progress(state) == line


@pytest.mark.parametrize(("seconds", "text"), [(0.4, "0s"), (59.4, "59s"), (61, "1m01s"), (3725, "1h02m")])
def test_durations_read_at_a_glance(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_the_line_is_redrawn_in_place_at_most_twice_a_second_and_ended_by_close() -> None:
    stream, now = io.StringIO(), [0.0]
    done = [0]
    line = ProgressLine(stream, lambda: ProgressState(documents=done[0], elapsed=1.0), clock=lambda: now[0])
    for step in range(10):  # ten updates within 0.45 s: one drawing
        done[0], now[0] = step, step * 0.05
        line.update()
    now[0] = 0.6
    line.update()
    line.close()
    assert stream.getvalue() == ("\r0 documents, 0.0 docs/s\x1b[K\r9 documents, 9.0 docs/s\x1b[K"
                                 "\r9 documents, 9.0 docs/s\x1b[K\n")


def test_the_meter_counts_stored_bytes_as_containers_are_read(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"r{i}", "text": "x" * 3000 + str(i)}) + "\n" for i in range(200))
    (tmp_path / "a.jsonl").write_text(lines)
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (tmp_path / "c.txt.bz2").write_bytes(bz2.compress(b"one page"))
    (tmp_path / "d.html").write_text("<p>a page</p>")
    files = list(iter_input_files([str(tmp_path)]))
    total = sum((tmp_path / name).stat().st_size for name in ("a.jsonl", "b.jsonl.gz", "c.txt.bz2", "d.html"))
    meter = ByteMeter()
    seen: list[int] = []
    for _ in read_documents(files, ReadOptions(), meter=meter):
        seen.append(meter.bytes)
    assert len(seen) == 402
    assert seen == sorted(seen) and 0 < seen[0] < seen[100] < (tmp_path / "a.jsonl").stat().st_size  # within a file
    assert meter.bytes == total  # every file counted whole, once
