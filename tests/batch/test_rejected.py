"""`batch --rejected FILE`: the documents the filters rule out go there, each with its cause, and
--resume neither loses nor duplicates one across the two files."""

from __future__ import annotations

import gzip
import json
import random
import signal
import time
from pathlib import Path

import pytest
from batch_helpers import batch, read_jsonl, run, wait_for_output

FILTER = ["--language", "en"]  # the fake cleaner ignores it; --rejected wants a filter given


def write_pages(root: Path, count: int = 12, *, sleep: str = "") -> Path:
    """JSONL where every third record is filtered (language), every fifth too short (min-words)."""
    lines = []
    for i in range(count):
        marker = " FILTERED=language" if i % 3 == 1 else " FILTERED=min-words" if i % 5 == 4 else ""
        lines.append(json.dumps({"id": f"p{i}", "text": f"{sleep}page {i}{marker}"}) + "\n")
    path = root / "pages.jsonl"
    path.write_text("".join(lines))
    return path


def ids(records: list[dict]) -> list[str]:
    return [record["source"] for record in records]


def test_filtered_documents_go_to_the_rejected_file_with_their_cause(tmp_path: Path, capsys) -> None:
    pages = write_pages(tmp_path)
    out, rejected = tmp_path / "out.jsonl", tmp_path / "rejected.jsonl.gz"
    code, err = run([str(pages), "-o", str(out), "--rejected", str(rejected), *FILTER], capsys)
    assert code == 0
    kept = read_jsonl(out)
    thrown = [json.loads(line) for line in gzip.decompress(rejected.read_bytes()).splitlines()]
    assert ids(kept) == ["p0", "p2", "p3", "p5", "p6", "p8", "p11"]
    assert [(r["source"], r["filtered"]) for r in thrown] == [
        ("p1", "language"), ("p4", "language"), ("p7", "language"), ("p9", "min-words"), ("p10", "language")]
    assert not any("filtered" in record for record in kept)
    assert "12 documents read" in err and "5 filtered (language: 4, min-words: 1)" in err


def test_without_rejected_the_filtered_documents_stay_in_the_output(tmp_path: Path, capsys) -> None:
    pages = write_pages(tmp_path)
    code, err = run([str(pages), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 0 and "5 filtered (language: 4, min-words: 1)" in err
    assert len(read_jsonl(tmp_path / "out.jsonl")) == 12


def test_with_output_dir_the_rejected_documents_are_jsonl_lines_not_files(tmp_path: Path, capsys) -> None:
    pages = write_pages(tmp_path)
    out, rejected = tmp_path / "outdir", tmp_path / "rejected.jsonl"
    assert run([str(pages), "--output-dir", str(out), "--rejected", str(rejected), *FILTER], capsys)[0] == 0
    written = sorted(path.name for path in (out / "pages").iterdir())
    assert written == [f"{n:06d}-p{n - 1}.json" for n in (1, 3, 4, 6, 7, 9, 12)]
    assert ids(read_jsonl(rejected)) == ["p1", "p4", "p7", "p9", "p10"]
    # resumed: nothing is redone, whichever of the two places holds it
    code, err = run([str(pages), "--output-dir", str(out), "--rejected", str(rejected), *FILTER, "--resume"], capsys)
    assert code == 0 and "skipped: 12 already in the output" in err
    assert ids(read_jsonl(rejected)) == ["p1", "p4", "p7", "p9", "p10"]


def test_resume_cuts_both_files_to_their_journals_and_finishes_each(tmp_path: Path, capsys) -> None:
    pages = write_pages(tmp_path)
    full, full_rejected = tmp_path / "full.jsonl", tmp_path / "full-rejected.jsonl"
    assert run([str(pages), "-o", str(full), "--rejected", str(full_rejected), *FILTER], capsys)[0] == 0
    out, rejected = tmp_path / "out.jsonl", tmp_path / "rejected.jsonl"
    # as after a kill -9: each file behind its journal, the output with a torn line
    kept_lines = full.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(kept_lines[:3]) + kept_lines[3][:10])
    rejected.write_bytes(b"".join(full_rejected.read_bytes().splitlines(keepends=True)[:1]))
    for path, source in ((out, full), (rejected, full_rejected)):
        journal = Path(str(source) + ".resume").read_text().replace(str(source), str(path))
        Path(str(path) + ".resume").write_text(journal)
    # the run description names the rejected file: the copied journals must name the new one
    for path in (out, rejected):
        journal = Path(str(path) + ".resume")
        journal.write_text(journal.read_text().replace(str(full_rejected), str(rejected)))
    code, err = run([str(pages), "-o", str(out), "--rejected", str(rejected), *FILTER, "--resume"], capsys)
    assert code == 0 and "skipped: 4 already in the output" in err, err
    assert read_jsonl(out) == read_jsonl(full)
    assert read_jsonl(rejected) == read_jsonl(full_rejected)


def test_resume_refuses_a_run_whose_rejected_file_differs(tmp_path: Path, capsys) -> None:
    pages = write_pages(tmp_path)
    out = tmp_path / "out.jsonl"
    assert run([str(pages), "-o", str(out), *FILTER], capsys)[0] == 0
    before = out.read_bytes()
    code, err = run([str(pages), "-o", str(out), "--rejected", str(tmp_path / "r.jsonl"), *FILTER, "--resume"],
                    capsys)
    assert code == 2 and "other options (--rejected)" in err
    assert out.read_bytes() == before


@pytest.mark.parametrize(("argv", "message"), [
    (["-o", "{out}", "--rejected", "{out}"], "is the output (or its journal)"),
    (["-o", "{out}", "--rejected", "{out}.resume"], "is the output (or its journal)"),
    (["-o", "-", "--rejected", "-"], "would both write to standard output"),
    (["--output-dir", "{tmp}/dir", "--rejected", "{tmp}/dir/r.jsonl"], "is inside --output-dir"),
    (["-o", "{out}", "--rejected", "{pages}"], "is among the inputs"),
    (["-o", "{out}", "--rejected", "{tmp}"], "is a directory"),
    (["-o", "{out}", "--rejected", "{tmp}/r.txt"], "cannot tell the output format from the name"),
    (["-o", "{out}", "--rejected", "{tmp}/r.jsonl.gz", "--resume"], "--resume needs an uncompressed .jsonl output"),
])
def test_a_rejected_file_that_cannot_be_is_refused_before_anything_is_written(tmp_path: Path, capsys, argv,
                                                                              message) -> None:
    pages = write_pages(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text("an earlier run's output\n")
    values = {"out": str(out), "tmp": str(tmp_path), "pages": str(pages)}
    code, err = run([str(pages), *[arg.format(**values) for arg in argv], *FILTER], capsys)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err
    assert out.read_text() == "an earlier run's output\n"
    assert not (tmp_path / "dir").exists()


def test_rejected_without_a_filter_is_refused(tmp_path: Path, capsys) -> None:
    pages = write_pages(tmp_path)
    code, err = run([str(pages), "-o", str(tmp_path / "out.jsonl"), "--rejected", str(tmp_path / "r.jsonl")], capsys)
    assert code == 2 and "--rejected takes the documents the filters rule out" in err
    config = tmp_path / "filters.toml"
    config.write_text("min_words = 5\n")
    code, _ = run([str(pages), "-o", str(tmp_path / "out.jsonl"), "--rejected", str(tmp_path / "r.jsonl"),
                   "--config", str(config)], capsys)
    assert code == 0


def test_kill_9_then_resume_writes_every_document_once_across_both_files(tmp_path: Path) -> None:
    pages = write_pages(tmp_path, 150, sleep="SLEEP=0.01 ")
    reference, reference_rejected = tmp_path / "reference.jsonl", tmp_path / "reference-rejected.jsonl"
    assert batch([str(pages)], reference, "--rejected", str(reference_rejected), *FILTER).wait(timeout=120) == 0
    out, rejected = tmp_path / "out.jsonl", tmp_path / "rejected.jsonl"
    seed = random.randrange(1_000_000)
    process = batch([str(pages)], out, "--rejected", str(rejected), *FILTER)
    wait_for_output(out, process)
    time.sleep(random.Random(seed).uniform(0.0, 0.8))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    resumed = batch([str(pages)], out, "--rejected", str(rejected), *FILTER, "--resume")
    assert resumed.wait(timeout=120) == 0, resumed.stderr.read().decode()
    assert read_jsonl(out) == read_jsonl(reference), f"seed {seed}"
    assert read_jsonl(rejected) == read_jsonl(reference_rejected), f"seed {seed}"
