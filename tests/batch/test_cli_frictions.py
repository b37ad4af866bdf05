"""Batch frictions a new user met (#22): a file that is not what its name says, warcio's noise,
nothing to do, --output-dir names of compressed pages, the mode of the files written."""

from __future__ import annotations

import bz2
import gzip
import os
from pathlib import Path

import pytest
from batch_helpers import read_jsonl, run, write_warc

PAGE = b"<html><body><p>The council met on Tuesday to vote on the budget for the coming year.</p></body></html>"


def test_a_warc_gz_that_is_not_a_warc_is_an_error_record_and_a_failed_run(tmp_path: Path, capsys) -> None:
    fake = tmp_path / "crawl.warc.gz"
    fake.write_bytes(gzip.compress(b"just some text, not a WARC file\nanother line\n"))
    out = tmp_path / "out.jsonl"
    code, err = run([str(fake), "-o", str(out)], capsys)
    [record] = read_jsonl(out)
    assert record["error"]["type"] == "NotWarcError" and "not a WARC file" in record["error"]["message"]
    assert code == 1 and "1 errors" in err and "no document could be cleaned" in err
    assert "Replacing spaces" not in err  # warcio's own complaints about the "records" it made up


def test_a_warc_whose_pages_all_fail_is_a_failed_run_but_one_good_page_is_not(tmp_path: Path, capsys) -> None:
    fake = tmp_path / "crawl.warc.gz"
    fake.write_bytes(gzip.compress(PAGE))  # a page named as a WARC
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    assert run([str(fake), "-o", str(tmp_path / "one.jsonl"), "-q"], capsys)[0] == 1
    code, err = run([str(fake), str(page), "-o", str(tmp_path / "two.jsonl")], capsys)
    assert code == 0 and "1 errors" in err


def test_warcio_warnings_become_one_line_and_quiet_silences_them(tmp_path: Path, capsys) -> None:
    warc = tmp_path / "crawl.warc"
    write_warc(warc, [("response", f"https://example.com/{n}", PAGE, "text/html") for n in range(3)],
               gzip_records=False)
    data = warc.read_bytes()
    length = data.index(b"Content-Length: ", data.index(b"WARC-Type: response"))
    end = data.index(b"\r\n", length)
    short = int(data[length + 16:end]) - 10  # the first response says it is 10 bytes shorter than it is
    warc.write_bytes(data[:length + 16] + str(short).encode() + data[end:])
    code, err = run([str(warc), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 0 and "Record not followed by newline" in err
    assert [line for line in err.splitlines() if "warcio" in line or "Content-Length" in line] == [err.splitlines()[0]]
    code, err = run([str(warc), "-o", str(tmp_path / "quiet.jsonl"), "-q"], capsys)
    assert (code, err) == (0, "")


def test_an_empty_directory_is_refused_as_a_glob_matching_nothing_is(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    code, err = run([str(tmp_path / "empty"), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 2 and "no file in the directory" in err
    code, err = run([str(tmp_path / "empty" / "*.html"), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 2 and "no file matches" in err
    assert not (tmp_path / "out.jsonl").exists()


def test_output_dir_names_drop_the_compression_suffix(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in"
    (src / "news").mkdir(parents=True)
    (src / "news" / "page.html.gz").write_bytes(gzip.compress(PAGE))
    (src / "notes.txt.bz2").write_bytes(bz2.compress(b"A note in plain text, one sentence long."))
    assert run([str(src), "--output-dir", str(tmp_path / "out")], capsys)[0] == 0
    written = sorted(str(path.relative_to(tmp_path / "out")) for path in (tmp_path / "out").rglob("*.json"))
    assert [name for name in written if not name.startswith(".")] == ["news/page.html.json", "notes.txt.json"]


def test_a_page_and_its_compressed_copy_would_share_a_name_and_are_refused(tmp_path: Path, capsys) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE))
    code, err = run([str(tmp_path / "page.html"), str(tmp_path / "page.html.gz"), "--output-dir",
                     str(tmp_path / "out")], capsys)
    assert code == 2 and "same name" in err


@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    yield 0o640
    os.umask(previous)


def test_output_dir_files_take_the_mode_the_umask_gives(tmp_path: Path, capsys, umask_027) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    assert run([str(tmp_path / "page.html"), "--output-dir", str(tmp_path / "out")], capsys)[0] == 0
    assert (tmp_path / "out" / "page.html.json").stat().st_mode & 0o777 == umask_027


def test_parquet_and_jsonl_outputs_take_the_same_mode(tmp_path: Path, capsys, umask_027) -> None:
    pytest.importorskip("pyarrow")
    (tmp_path / "page.html").write_bytes(PAGE)
    for name in ("out.parquet", "out.jsonl", "out.jsonl.gz"):
        assert run([str(tmp_path / "page.html"), "-o", str(tmp_path / name)], capsys)[0] == 0
        assert (tmp_path / name).stat().st_mode & 0o777 == umask_027, name
