"""Batch faults: kill -9 at several points, unwritable and full outputs, hostile names, bombs.

(test_kill_resume.py has one interruption per run; test_batch_command.py the hostile JSONL ids.)
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from batch_helpers import (  # noqa: F401 - corpus_fixture is a fixture
    batch,
    command_prefix,
    corpus_fixture,
    make_input,
    read_jsonl,
    run,
    uninterrupted_records,
    wait_for_output,
    write_warc,
)

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize("per_article", [False, True], ids=["per-page", "per-article"])
def test_kill_9_at_several_points_then_resume_gives_the_uninterrupted_records(tmp_path: Path, corpus: Path,
                                                                              per_article: bool) -> None:
    extra = ["--per-article"] if per_article else []
    inputs, expected = uninterrupted_records(tmp_path, corpus, *extra)
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    out = tmp_path / "out.jsonl"
    history = []
    for attempt in range(3):  # three kills, each in a run that itself resumed the previous one
        before = out.stat().st_size if out.exists() else 0
        process = batch(inputs, out, *extra, *(["--resume"] if attempt else []))
        wait_for_output(out, process, minimum=before + 1)
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        history.append(out.read_bytes().count(b"\n") if out.exists() else 0)
    resumed = batch(inputs, out, *extra, "--resume")
    assert resumed.wait(timeout=120) == 0, resumed.stderr.read().decode()
    assert read_jsonl(out) == expected, f"seed {seed}; lines after each kill: {history}"


def test_kill_9_then_resume_with_output_dir_leaves_every_file_whole(tmp_path: Path, corpus: Path) -> None:
    inputs = make_input(tmp_path, corpus)
    reference, out = tmp_path / "reference", tmp_path / "out"
    command = [*command_prefix(), *inputs, "--workers", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert subprocess.run([*command, "--output-dir", str(reference)], env=env, capture_output=True).returncode == 0
    process = subprocess.Popen([*command, "--output-dir", str(out)], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and len(list(out.rglob("*.json"))) < 20:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    resumed = subprocess.run([*command, "--output-dir", str(out), "--resume"], env=env, capture_output=True)
    assert resumed.returncode == 0, resumed.stderr.decode()
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())  # --resume swept the .tmp-*.part files
    assert files == sorted(p.relative_to(reference) for p in reference.rglob("*") if p.is_file())
    for name in files:
        assert json.loads((out / name).read_text()) == json.loads((reference / name).read_text())


def test_an_output_that_cannot_be_opened_is_a_clear_error_before_any_work(corpus: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("keep me")
    for argv in (["-o", str(blocker / "out.jsonl")], ["--output-dir", str(blocker)],
                 ["-o", str(tmp_path / "missing" / "out.jsonl")], ["-o", str(tmp_path)]):
        code, err = run([str(corpus), *argv], capsys)
        assert code == 2 and "cannot write the output" in err and "Traceback" not in err, (argv, err)
    assert blocker.read_text() == "keep me"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only directories")
def test_a_read_only_output_directory_is_a_clear_error(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        code, err = run([str(corpus), "--output-dir", str(out)], capsys)
        assert code != 0 and "error" in err and "Traceback" not in err
        code, err = run([str(corpus), "-o", str(out / "x.jsonl")], capsys)
        assert code == 2 and "cannot write the output" in err
    finally:
        out.chmod(0o700)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_device_is_a_clear_error(corpus: Path, capsys) -> None:
    code, err = run([str(corpus), "-o", "/dev/full"], capsys)
    assert code == 1 and "No space left on device" in err and "Traceback" not in err




def test_an_output_filling_up_mid_run_keeps_whole_records_and_resumes(tmp_path: Path, corpus: Path) -> None:
    """RLIMIT_FSIZE plays a disk that fills up: the write fails part-way through a record."""
    inputs = make_input(tmp_path, corpus)
    reference, out = tmp_path / "reference.jsonl", tmp_path / "out.jsonl"
    assert batch(inputs, reference).wait(timeout=120) == 0
    expected = reference.read_bytes()
    limit = len(expected) // 3 + 17  # inside a record
    runner = Path(command_prefix()[1])
    script = (f"import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
              f"sys.argv = [{str(runner)!r}] + sys.argv[1:]; runpy.run_path({str(runner)!r}, run_name='__main__')")
    full = subprocess.run([sys.executable, "-c", script, *inputs, "-o", str(out), "--workers", "2"],
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=120)
    err = full.stderr.decode()
    assert full.returncode == 1 and "writing the output failed" in err and "Traceback" not in err, err
    written = out.read_bytes()
    assert written and written.endswith(b"\n") and expected.startswith(written)
    resumed = batch(inputs, out, "--resume")
    assert resumed.wait(timeout=120) == 0
    assert out.read_bytes() == expected


def test_hostile_warc_target_uris_stay_inside_the_output_dir(tmp_path: Path, capsys) -> None:
    uris = ["../../escape", "/etc/passwd", "file:///etc/passwd", "https://host/../../../up", "..", "https://a/b/../../..",
            "https://x/" + "y" * 600, "https://x/nul\x00byte"]
    warc = tmp_path / "in" / "hostile.warc.gz"
    warc.parent.mkdir()
    write_warc(warc, [("response", uri, b"<p>page</p>", "text/html") for uri in uris], gzip_records=True)
    out = tmp_path / "out"
    code, _ = run([str(warc), "--output-dir", str(out), "--format", "text"], capsys)
    assert code == 0
    assert sorted(os.listdir(tmp_path)) == ["in", "out"]
    written = [p for p in out.rglob("*") if p.is_file() and p.name != ".cleanscrape-resume"]
    # warcio gives non-HTTP URIs no HTTP headers, so those records are not documents; the four
    # http(s) ones are, and each is one file directly in out/hostile/, whatever its URI says
    assert len(written) == 4
    assert all(p.parent == out / "hostile" and "\x00" not in p.name for p in written)


def _gzip_bomb(path: Path, size: int, prefix: bytes = b"", line: bool = False) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
    chunk = (b"a" if line else b"x") * (1 << 20)
    with open(path, "wb") as stream:
        stream.write(compressor.compress(prefix))
        for _ in range(size >> 20):
            stream.write(compressor.compress(chunk))
        stream.write(compressor.compress(b'"}\n' if line else b""))
        stream.write(compressor.flush())


def test_a_gzip_bomb_is_an_error_record_and_memory_stays_bounded(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _gzip_bomb(tmp_path / "in" / "bomb.txt.gz", 1 << 30)  # 1 GB of text in ~1 MB
    _gzip_bomb(tmp_path / "in" / "bomb.jsonl.gz", 512 << 20, prefix=b'{"id": "b", "text": "', line=True)
    (tmp_path / "in" / "ok.txt").write_text("A small page that is fine.\n")
    out = tmp_path / "out.jsonl"
    script = ("import resource, runpy, sys; sys.argv = ['cleanscrape'] + sys.argv[1:]; "
              "code = 0\ntry: runpy.run_module('cleanscrape', run_name='__main__')\n"
              "except SystemExit as exit: code = exit.code\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "
              "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", script, "batch", str(tmp_path / "in"), "-o", str(out),
                             "--workers", "1", "--max-bytes", "8M", "-q"],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    parent_mb, worker_mb = map(int, result.stdout.split()[-2:])
    records = read_jsonl(out)
    assert [r.get("error", {}).get("type") for r in records] == ["TooLarge", "TooLarge", None]
    assert parent_mb < 300 and worker_mb < 400, (parent_mb, worker_mb)
