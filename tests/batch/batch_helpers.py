"""Helpers for batch tests (not a conftest.py: tests/conftest.py owns that module name). The
`corpus` fixture builds a small corpus of every input kind, fresh in tmp_path."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import fake_clean
import pytest

from cleanscrape.cli import batch as batch_command


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]], *, gzip_records: bool) -> None:
    """records: (kind, uri, body, content_type) with kind "response" (HTTP) or "conversion" (WET)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for kind, uri, body, content_type in records:
            if kind == "response":
                headers = StatusAndHeaders("200 OK", [("Content-Type", content_type),
                                                      ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
                record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            else:
                record = writer.create_warc_record(uri, kind, payload=io.BytesIO(body),
                                                   warc_content_type=content_type)
            writer.write_record(record)


@pytest.fixture(name="corpus")
def corpus_fixture(tmp_path: Path) -> Path:
    """A directory with every input kind; `EXPECTED_SOURCES` lists its documents in walk order."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("An article in plain text.\n")
    (root / "b.html").write_text("<html><body><p>LISTING one</p>\n---\n<p>two</p>\n---\n<p>three</p></body></html>")
    (root / "sub" / "c.htm").write_text("<p>Nested page.</p>")
    lines = [
        {"id": "r1", "text": "first record", "lang": "en", "tags": ["x"]},
        {"id": "r2", "url": "https://example.com/r2", "html": "<p>second record</p>", "site": "ex"},
        {"id": "r3", "text": ""},
    ]
    (root / "d.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    with gzip.open(root / "e.txt.gz", "wt") as stream:
        stream.write("Gzipped text.\n")
    with bz2.open(root / "f.ndjson.bz2", "wt") as stream:
        stream.write(json.dumps({"id": "b1", "text": "bzipped record"}) + "\n")
    write_warc(root / "g.warc.gz", [
        ("response", "https://example.com/page1", b"<html><body><p>WARC page one</p></body></html>",
         "text/html; charset=utf-8"),
        ("response", "https://example.com/logo.png", b"\x89PNG\r\n", "image/png"),
        ("response", "https://example.com/page2", b"<p>WARC page two</p>", "text/html"),
    ], gzip_records=True)
    write_warc(root / "h.warc.wet.gz", [
        ("conversion", "https://example.org/wet1", b"WET text one.", "text/plain"),
        ("conversion", "https://example.org/wet2", b"WET text two.", "text/plain"),
    ], gzip_records=True)
    (root / "i.txt").write_bytes(b"\x00\x01\x02\xffbinary")
    (root / "j.txt").write_bytes(b"")
    (root / "k.txt.gz").write_bytes(b"this is not gzip")
    (root / "notes.md").write_text("not an input format: skipped in directories")
    return root


EXPECTED_SOURCES = [
    "a.txt", "b.html", "r1", "https://example.com/r2", "r3", "e.txt.gz", "b1",
    "https://example.com/page1", "https://example.com/page2",
    "https://example.org/wet1", "https://example.org/wet2",
    "i.txt", "j.txt", "k.txt.gz", "sub/c.htm",
]


EXPECTED_KINDS = [
    "article", "listing", "article", "article", "empty", "article", "article",
    "article", "article", "article", "article", "error", "empty", "error", "article",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str] | None = None) -> tuple[int, str]:
    """Run the batch command in-process with the fake cleaner; returns (exit code, stderr)."""
    code = batch_command.main([*argv, "--workers", "2"], clean=fake_clean.clean)
    err = capsys.readouterr().err if capsys is not None else ""
    return code, err


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def command_prefix() -> list[str]:
    """A subprocess that runs `python -m cleanscrape.cli.batch` with the fake cleaner."""
    here = Path(__file__).parent
    return [sys.executable, str(here / "run_fake.py")]


def make_input(root: Path, corpus: Path) -> list[str]:
    """The corpus plus 240 slow-ish JSONL documents, some of them listings, so a run lasts ~2 s."""
    lines = []
    for i in range(240):
        text = f"SLEEP=0.01 document {i}" + ("\nLISTING\n---\nsecond item\n---\nthird" if i % 7 == 0 else "")
        lines.append(json.dumps({"id": f"doc-{i}", "text": text, "n": i}) + "\n")
    (root / "slow.jsonl").write_text("".join(lines))
    return [str(corpus), str(root / "slow.jsonl")]


def batch(inputs: list[str], out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([*command_prefix(), *inputs, "-o", str(out), "--workers", "2", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=out.parent,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})


def wait_for_output(out: Path, process: subprocess.Popen, minimum: int = 1) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.stat().st_size >= minimum:
            return
        time.sleep(0.01)


def uninterrupted_records(tmp_path: Path, corpus: Path, *extra: str) -> tuple[list[str], list[dict]]:
    """The slow inputs and the records an uninterrupted run writes for them: what a resumed run must equal."""
    inputs = make_input(tmp_path, corpus)
    reference = tmp_path / "reference.jsonl"
    assert batch(inputs, reference, *extra).wait(timeout=120) == 0
    return inputs, read_jsonl(reference)
