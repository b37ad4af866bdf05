"""Interrupted runs: kill -9 or Ctrl-C at a random point, then --resume, must give exactly the
records of an uninterrupted run (every document once, in order). Runs the command as a subprocess."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from batch_helpers import command_prefix, corpus, read_jsonl  # noqa: F401 - fixture


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


@pytest.mark.parametrize("per_article", [False, True], ids=["per-page", "per-article"])
@pytest.mark.parametrize("how", ["kill -9", "ctrl-c"])
def test_interrupted_run_resumes_to_the_same_records(tmp_path: Path, corpus: Path, per_article: bool, how: str) -> None:
    inputs = make_input(tmp_path, corpus)
    extra = ["--per-article"] if per_article else []
    reference = tmp_path / "reference.jsonl"
    assert batch(inputs, reference, *extra).wait(timeout=120) == 0
    expected = read_jsonl(reference)

    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    out = tmp_path / "out.jsonl"
    process = batch(inputs, out, *extra)
    wait_for_output(out, process)
    time.sleep(rng.uniform(0.0, 1.0))
    process.send_signal(signal.SIGKILL if how == "kill -9" else signal.SIGINT)
    code = process.wait(timeout=60)
    stderr = process.stderr.read().decode()
    interrupted_lines = out.read_bytes().count(b"\n") if out.exists() else 0
    if how == "ctrl-c" and code != 0:  # 0 means it had finished before the signal landed
        assert code == 130, stderr
        assert "Traceback" not in stderr and "(interrupted)" in stderr
        data = out.read_bytes()
        assert not data or data.endswith(b"\n")  # valid up to the last whole record
        read_jsonl(out)

    print(f"{how}: {interrupted_lines} of {len(expected)} lines written before the signal (exit {code})")
    resumed = batch(inputs, out, *extra, "--resume")
    assert resumed.wait(timeout=120) == 0, resumed.stderr.read().decode()
    assert read_jsonl(out) == expected, f"seed {seed}, {interrupted_lines} lines before the {how}"
