"""The `cleanscrape clean` command, in-process and once as a real subprocess."""

import bz2
import gzip
import io
import json
import lzma
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from cleanscrape.cli.main import main

SEED = ROOT / "seeds" / "002_255c166a244f911a.txt"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ARTICLE = ("Council extends tram line north\n\n"
           "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028.\n\nShare\n")


def run(capsys, *argv):
    status = main(["clean", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_output_on_a_seed_is_the_page_object(capsys):
    status, out, err = run(capsys, SEED)
    page = json.loads(out)
    assert (status, err) == (0, "")
    assert page["source"] == str(SEED)
    assert page["kind"] == "article"
    assert page["title"] == "Putin offers Syria's Sharaa support and cooperation"
    assert page["articles"][0]["editors"] == ["Mark Heinrich"]
    assert "Follow us on our official WhatsApp channel" not in page["text"]


def test_format_text_prints_only_the_clean_text(capsys, article):
    status, out, _ = run(capsys, "--format", "text", article)
    assert status == 0
    assert out == "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028.\n"


def test_explain_prints_every_input_line_once_with_its_verdict(capsys):
    status, out, _ = run(capsys, "--explain", SEED)
    rows = out.splitlines()
    assert status == 0 and rows[:2] == [f"# {SEED}", "# page type article"]  # text input is an article
    rows = [rows[0], *rows[2:]]
    numbers = [int(row.split()[0]) for row in rows[1:]]
    input_lines = SEED.read_text(encoding="utf-8").splitlines()
    assert numbers == list(range(1, len(input_lines) + 1))
    verdicts = {int(row.split()[0]): row.split()[1] for row in rows[1:]}
    assert verdicts[21] == "drop" and "credit" in rows[21]
    assert verdicts[9] == "keep" and verdicts[2] == "blank"
    for row, line in zip(rows[1:], input_lines, strict=True):
        assert row.endswith(line.strip()) or not line.strip()


def test_explain_names_the_settings_that_differ_from_the_defaults_above_the_lines(capsys, article):
    status, out, _ = run(capsys, "--explain", "--disable-stage", "promo", article)
    settings = [row for row in out.splitlines() if row.startswith("# setting ")]
    assert status == 0 and len(settings) == 1
    assert settings[0].startswith("# setting disabled_stages = ") and "promo" in settings[0]
    assert "(default" in settings[0]
    _, default_out, _ = run(capsys, "--explain", article)
    assert not any(row.startswith("# setting ") for row in default_out.splitlines())


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n"])
def test_empty_and_whitespace_only_files_are_kind_empty_with_exit_0(capsys, tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, path)
    page = json.loads(out)
    assert (status, err, page["kind"], page["text"], page["articles"]) == (0, "", "empty", "", [])


def test_a_binary_file_is_a_one_line_error_and_exit_2_without_a_traceback(capsys, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    status, out, err = run(capsys, path)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"cleanscrape: {path}: ") and "Traceback" not in err


def test_a_missing_file_is_exit_2_with_a_message(capsys, tmp_path):
    status, out, err = run(capsys, tmp_path / "nope.txt")
    assert (status, out) == (2, "")
    assert "nope.txt" in err and "No such file" in err


def test_a_failing_path_does_not_stop_the_others(capsys, tmp_path, article):
    status, out, err = run(capsys, tmp_path / "nope.txt", article)
    assert status == 2 and "nope.txt" in err
    assert json.loads(out)["source"] == str(article)


def test_dash_reads_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    status, out, _ = run(capsys, "-")
    page = json.loads(out)
    assert (status, page["source"], page["title"]) == (0, "-", "Council extends tram line north")


def test_several_paths_print_one_json_object_per_line_in_order(capsys):
    status, out, _ = run(capsys, *SEEDS)
    lines = out.splitlines()
    assert status == 0 and len(lines) == len(SEEDS)
    assert [json.loads(line)["source"] for line in lines] == [str(seed) for seed in SEEDS]


def test_an_invalid_drop_pattern_is_a_usage_error_with_exit_2(capsys, article):
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "--drop-pattern", "(", str(article)])
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert "invalid pattern '('" in err


def test_an_unknown_stage_name_is_a_usage_error(capsys, article):
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "--disable-stage", "nope", str(article)])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_user_rules_and_disabled_stages_reach_the_pipeline(capsys, article):
    _, out, _ = run(capsys, "--format", "text", "--disable-stage", "chrome", "--drop-phrase", "COUNCIL", article)
    assert out == "Share\n"


def test_keep_phrase_keeps_a_line_a_stage_would_drop(capsys, article):
    _, out, _ = run(capsys, "--keep-phrase", "share", article)
    page = json.loads(out)
    assert page["text"].endswith("\n\nShare")
    assert [r["reason"] for r in page["removed"]] == ["metadata"]


def test_running_as_a_module_in_a_subprocess_prints_json_and_exits_0():
    result = subprocess.run(
        [sys.executable, "-m", "cleanscrape", "clean", str(SEED)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["title"] == "Putin offers Syria's Sharaa support and cooperation"


def test_a_subprocess_given_binary_exits_2_with_one_line_on_stderr(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(random_binary())
    result = subprocess.run([sys.executable, "-m", "cleanscrape", "clean", str(path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def random_binary() -> bytes:
    import random

    return random.Random(3).randbytes(2048)


@pytest.mark.parametrize("name", ["pages.jsonl", "pages.ndjson.gz", "crawl.warc.gz", "crawl.warc"])
def test_a_file_of_many_documents_is_refused_with_a_hint_to_use_batch(capsys, tmp_path, name):
    # Before, a JSONL file was cleaned as one page of text, its records run together.
    path = tmp_path / name
    path.write_bytes(b'{"id": "1", "text": "one"}\n{"id": "2", "text": "two"}\n')
    status, out, err = run(capsys, path)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and f"clean it with: cleanscrape batch {path} -o OUT.jsonl" in err


@pytest.mark.parametrize("compress, suffix", [(gzip.compress, ".gz"), (bz2.compress, ".bz2"), (lzma.compress, ".xz")])
def test_a_compressed_page_is_decompressed_and_cleaned(capsys, tmp_path, article, compress, suffix):
    # Before, the compressed bytes went to clean() as they were: "not text", exit 2.
    path = tmp_path / f"article.txt{suffix}"
    path.write_bytes(compress(article.read_bytes()))
    status, out, err = run(capsys, "--format", "text", path)
    _, plain, _ = run(capsys, "--format", "text", article)
    assert (status, err, out) == (0, "", plain)


def test_a_damaged_compressed_page_is_a_one_line_error(capsys, tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(b"this is not gzip")
    status, out, err = run(capsys, path)
    assert (status, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_writing_to_a_full_disk_is_exit_1_with_one_line():
    # Before: Python's own "Exception ignored ... OSError: [Errno 28]" lines at exit, and exit 120.
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "cleanscrape", "clean", str(SEED)], cwd=ROOT, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr == "cleanscrape: error: cannot write the output: No space left on device\n"
