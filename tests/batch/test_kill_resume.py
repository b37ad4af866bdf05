"""Interrupted runs: kill -9 or Ctrl-C at a random point, then --resume, must give exactly the
records of an uninterrupted run (every document once, in order). Runs the command as a subprocess."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import pytest
from batch_helpers import (  # noqa: F401 - corpus_fixture is a fixture
    batch,
    corpus_fixture,
    read_jsonl,
    uninterrupted_records,
    wait_for_output,
)


@pytest.mark.parametrize("per_article", [False, True], ids=["per-page", "per-article"])
@pytest.mark.parametrize("how", ["kill -9", "ctrl-c"])
def test_interrupted_run_resumes_to_the_same_records(tmp_path: Path, corpus: Path, per_article: bool, how: str) -> None:
    extra = ["--per-article"] if per_article else []
    inputs, expected = uninterrupted_records(tmp_path, corpus, *extra)

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
