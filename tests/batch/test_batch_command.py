"""The batch command end to end (in-process, real worker processes, the fake cleaner)."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
from pathlib import Path

import pytest
from batch_helpers import (  # noqa: F401 - corpus_fixture is a fixture
    EXPECTED_KINDS,
    EXPECTED_SOURCES,
    corpus_fixture,
    read_jsonl,
    run,
    write_warc,
)

from cleanscrape.cli import batch as batch_command
from cleanscrape.cli import spark as spark_command
from cleanscrape.cli.options import max_bytes_from_args, settings_with_size_limit


def relative_sources(root: Path, records) -> list[str]:
    return [r["source"].removeprefix(str(root) + "/") for r in records]


def test_jsonl_output_has_one_record_per_document_in_order(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    code, err = run([str(corpus), "-o", str(out)], capsys)
    assert code == 0
    records = read_jsonl(out)
    assert relative_sources(corpus, records) == EXPECTED_SOURCES
    assert ["error" if "error" in r else r["kind"] for r in records] == EXPECTED_KINDS
    assert [r["error"]["type"] for r in records if "error" in r] == ["NotTextError", "CorruptInput"]
    assert all("cleanscrape_version" in r for r in records)
    by_source = dict(zip(EXPECTED_SOURCES, records, strict=True))
    assert by_source["r1"]["meta"] == {"id": "r1", "lang": "en", "tags": ["x"]}
    assert by_source["https://example.com/r2"]["meta"]["site"] == "ex"
    assert by_source["https://example.com/page1"]["meta"]["warc_type"] == "response"
    assert by_source["i.txt"]["error"]["message"]
    # the summary line: counts of this run
    summary = err.strip().splitlines()[-1]
    assert "15 documents read, 10 articles, 1 listings, 2 empty, 2 errors" in summary
    assert "docs/s" in summary


def test_fail_on_error_exit_code(corpus: Path, tmp_path: Path, capsys) -> None:
    code, _ = run([str(corpus), "-o", str(tmp_path / "o.jsonl"), "--fail-on-error"], capsys)
    assert code == 1
    code, _ = run([str(corpus / "a.txt"), "-o", str(tmp_path / "o.jsonl"), "--fail-on-error"], capsys)
    assert code == 0


@pytest.mark.parametrize("argv, message", [
    (["/no/such/file.txt", "-o", "x.jsonl"], "no such file"),
    (["{corpus}/notes.md", "-o", "x.jsonl"], "unknown input format"),
    (["{corpus}", "-o", "-", "--resume"], "--resume"),
    (["{corpus}"], "exactly one of"),
])
def test_usage_errors_exit_2_with_one_line(corpus: Path, capsys, argv, message) -> None:
    code, err = run([a.format(corpus=corpus) for a in argv], capsys)
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_stdout_and_stdin(corpus: Path, capsys, monkeypatch) -> None:
    import io
    import sys

    data = b'{"id": "s1", "text": "from stdin"}\n{"id": "s2", "text": "LISTING a\\n---\\nb"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer))
    code, _ = run(["-", "-o", "-", "--quiet"], capsys)
    assert code == 0
    records = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert [r["source"] for r in records] == ["s1", "s2"]


def test_per_article(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "articles.jsonl"
    assert run([str(corpus / "b.html"), str(corpus / "a.txt"), str(corpus / "j.txt"), str(corpus / "i.txt"),
                "-o", str(out), "--per-article"], capsys)[0] == 0
    records = read_jsonl(out)
    assert [(r["doc_index"], r.get("article_index")) for r in records] == [(0, 0), (0, 1), (0, 2), (1, 0), (3, None)]
    assert records[1]["kind"] == "listing" and records[1]["source"].endswith("b.html")
    assert records[1]["text"] == "two" and records[1]["article_count"] == 3
    assert "error" in records[-1]


def test_error_records_for_raise_timeout_and_crash(tmp_path: Path, capsys) -> None:
    lines = ["fine 1", "RAISE", "HANG", "fine 2", "CRASH", "fine 3"]
    src = tmp_path / "p.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(lines)))
    out = tmp_path / "o.jsonl"
    code, err = run([str(src), "-o", str(out), "--timeout", "1"], capsys)
    assert code == 0
    records = read_jsonl(out)
    assert [r["source"] for r in records] == [f"d{i}" for i in range(6)]
    assert [r.get("error", {}).get("type") for r in records] == [None, "RuntimeError", "Timeout", None,
                                                                 "WorkerCrashed", None]
    assert "3 errors" in err


def test_workers_recycled_and_in_flight_bounded(tmp_path: Path, capsys) -> None:
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"doc {i}"}) + "\n" for i in range(60)))
    out = tmp_path / "o.jsonl"
    assert run([str(src), "-o", str(out), "--recycle-after", "7"], capsys)[0] == 0
    assert [r["source"] for r in read_jsonl(out)] == [str(i) for i in range(60)]


def test_pool_reads_lazily() -> None:
    """A slow head item holds back reading: the pool never pulls more than max_pending items ahead."""
    from cleanscrape.engines.local import LocalPool, PoolOptions

    pulled = []

    def items():
        for i in range(100):
            pulled.append(i)
            yield i

    with LocalPool(abs, PoolOptions(workers=2, max_pending=5)) as pool:
        results = pool.map(items())
        first = next(results)
        assert first == (0, 0) and len(pulled) <= 6
        assert [r for _, r in results] == list(range(1, 100))


def test_output_dir_mirrors_names_and_contains_hostile_ones(corpus: Path, tmp_path: Path, capsys) -> None:
    hostile = tmp_path / "hostile.jsonl"
    ids = ["../../escape", "/etc/passwd", "nul\x00byte", "x" * 1000, "..", "dir/../../up"]
    hostile.write_text("".join(json.dumps({"id": i, "text": f"text {n}"}) + "\n" for n, i in enumerate(ids)))
    out = tmp_path / "outdir"
    code, _ = run([str(corpus), str(hostile), "--output-dir", str(out), "--format", "text"], capsys)
    assert code == 0
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    # nothing escaped: every file is under out, and nothing else appeared next to it
    assert sorted(os.listdir(tmp_path)) == ["hostile.jsonl", "in", "outdir"]
    # named relative to tmp_path, the common root of in/ and hostile.jsonl
    assert "in/a.txt.txt" in written and "in/sub/c.htm.txt" in written
    assert "in/d/000001-r1.txt" in written and "in/g/000001-example.com_page1.txt" in written
    assert "in/i.txt.error.json" in written and "in/k.txt.error.json" in written  # no .gz: not compressed
    hostile_files = [w for w in written if w.startswith("hostile/")]
    assert len(hostile_files) == len(ids)
    assert all(len(os.path.basename(w).encode()) <= 160 and "\x00" not in w for w in hostile_files)
    assert (out / "in" / "a.txt.txt").read_text() == "An article in plain text.\n"
    assert not [p for p in out.rglob(".tmp-*")]  # no temp files left behind


@pytest.mark.parametrize("inputs, expected", [
    (["dupA/", "dupB/"], {"dupA/a.txt.json": "text of dupA/a.txt", "dupB/a.txt.json": "text of dupB/a.txt"}),
    (["a.com/index.txt", "b.com/index.txt"],
     {"a.com/index.txt.json": "text of a.com/index.txt", "b.com/index.txt.json": "text of b.com/index.txt"}),
    (["one/"], {"a.txt.json": "text of one/a.txt"}),  # one directory: named as inside it, as before
])
def test_output_dir_mirrors_paths_from_the_common_root(tmp_path: Path, capsys, monkeypatch, inputs,
                                                       expected) -> None:
    # Before, each input was named relative to its own argument: dupA/a.txt and dupB/a.txt were
    # both written to od/a.txt.json, the second over the first.
    for name in ("dupA/a.txt", "dupB/a.txt", "a.com/index.txt", "b.com/index.txt", "one/a.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"text of {name}")
    monkeypatch.chdir(tmp_path)
    assert run([*inputs, "--output-dir", "od"], capsys)[0] == 0
    written = {str(p.relative_to(tmp_path / "od")): json.loads(p.read_text())["text"]
               for p in (tmp_path / "od").rglob("*.json")}
    assert written == expected


@pytest.mark.parametrize("inputs, message", [
    (["dupA/", "dupA/a.txt"], "dupA/a.txt is named by more than one input"),
    (["pages.jsonl", "pages.jsonl.gz"], "pages.jsonl and pages.jsonl.gz could be written to the same name"),
    (["a:b.txt", "a_b.txt"], "a:b.txt and a_b.txt could be written to the same name"),
    (["pages.jsonl", "pages/000001-x.txt"], "pages.jsonl and pages/000001-x.txt could be written"),
])
def test_output_dir_refuses_a_possible_name_clash_before_writing(tmp_path: Path, capsys, monkeypatch, inputs,
                                                                 message) -> None:
    (tmp_path / "dupA").mkdir()
    (tmp_path / "dupA" / "a.txt").write_text("a")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "000001-x.txt").write_text("x")
    for name in ("a:b.txt", "a_b.txt", "pages.jsonl"):
        (tmp_path / name).write_text('{"id": "x", "text": "t"}\n')
    (tmp_path / "pages.jsonl.gz").write_bytes(gzip.compress(b'{"id": "x", "text": "t"}\n'))
    monkeypatch.chdir(tmp_path)
    code, err = run([*inputs, "--output-dir", "od"], capsys)
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "od").exists()


def test_output_dir_json_and_resume_skips_existing(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "outdir"
    assert run([str(corpus), "--output-dir", str(out)], capsys)[0] == 0
    record = json.loads((out / "b.html.json").read_text())
    assert record["kind"] == "listing" and len(record["articles"]) == 3
    (out / "a.txt.json").unlink()
    code, err = run([str(corpus), "--output-dir", str(out), "--resume"], capsys)
    assert code == 0 and "1 documents read" in err and "skipped: 14 already in the output" in err
    assert (out / "a.txt.json").exists()


def test_resume_with_output_dir_sweeps_the_partial_files_a_killed_run_left(corpus: Path, tmp_path: Path,
                                                                           capsys) -> None:
    out = tmp_path / "outdir"
    assert run([str(corpus), "--output-dir", str(out)], capsys)[0] == 0
    partial = out / ".tmp-abc123.part"
    partial.write_bytes(b'{"half": ')
    assert run([str(corpus), "--output-dir", str(out), "--resume"], capsys)[0] == 0
    assert not partial.exists()


def test_resume_repairs_a_torn_line_and_finishes(corpus: Path, tmp_path: Path, capsys) -> None:
    full = tmp_path / "full.jsonl"
    run([str(corpus), "-o", str(full)], capsys)
    expected = full.read_bytes().splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    partial.write_bytes(b"".join(expected[:6]) + expected[6][:25])  # 6 records and a torn 7th
    # the journal of the whole run: it runs ahead of the output, as after a crash
    shutil.copy(str(full) + ".resume", str(partial) + ".resume")
    code, err = run([str(corpus), "-o", str(partial), "--resume"], capsys)
    assert code == 0 and "skipped: 6 already in the output" in err
    assert read_jsonl(partial) == read_jsonl(full)


def test_resume_per_article_redoes_a_half_written_document(corpus: Path, tmp_path: Path, capsys) -> None:
    full = tmp_path / "full.jsonl"
    run([str(corpus), "-o", str(full), "--per-article"], capsys)
    lines = full.read_bytes().splitlines(keepends=True)
    partial = tmp_path / "partial.jsonl"
    partial.write_bytes(b"".join(lines[:3]))  # a.txt's article and 2 of b.html's 3
    shutil.copy(str(full) + ".resume", str(partial) + ".resume")
    assert run([str(corpus), "-o", str(partial), "--per-article", "--resume"], capsys)[0] == 0
    assert read_jsonl(partial) == read_jsonl(full)


def test_a_worker_that_cannot_start_stops_the_batch(tmp_path: Path, capsys) -> None:
    """A task that cannot even be unpickled in the worker would fail every document: stop instead."""
    from cleanscrape.engines.local import LocalPool, PoolOptions, WorkerStartError

    with pytest.raises(WorkerStartError, match="before taking any work"), \
            LocalPool(_Unloadable(), PoolOptions(workers=1)) as pool:
        list(pool.map([1, 2, 3]))


class _Unloadable:
    def __call__(self, item):
        return item

    def __reduce__(self):
        return (_explode, ())


def _explode():
    raise ImportError("task cannot be loaded in the worker")


@pytest.mark.parametrize(("flag", "limit"), [(["--max-bytes", "0"], None), (["--max-bytes", "5M"], 5 << 20),
                                             ([], 10 << 20)])
def test_max_bytes_is_also_the_limit_clean_applies(flag: list[str], limit: int | None) -> None:
    # Before, clean() kept its own 20M limit: `--max-bytes 0` ("no limit") still refused a 25 MB
    # page, asking to raise max_input_bytes, which the command line cannot do.
    parser = batch_command.configure_parser(argparse.ArgumentParser())
    args = parser.parse_args(["in.jsonl", "-o", "out.jsonl", *flag])
    assert settings_with_size_limit(args).max_input_bytes == limit


@pytest.mark.parametrize("configure", [batch_command.configure_parser, spark_command.configure_parser])
@pytest.mark.parametrize(("flag", "limit"), [([], 1000), (["--max-bytes", "5M"], 5 << 20), (["--max-bytes", "0"], None)])
def test_an_unset_max_bytes_leaves_the_config_files_limit(tmp_path: Path, configure, flag: list[str],
                                                          limit: int | None) -> None:
    # Before, --max-bytes's default (20M) replaced the file's max_input_bytes even when not given.
    config = tmp_path / "settings.toml"
    config.write_text("max_input_bytes = 1000\n")
    args = configure(argparse.ArgumentParser()).parse_args(["in.jsonl", "-o", "out", "--config", str(config), *flag])
    assert settings_with_size_limit(args).max_input_bytes == limit
    assert max_bytes_from_args(args) == limit


@pytest.mark.parametrize("argv, message", [
    (["--timeout", "0"], "argument --timeout: must be a positive number of seconds, or none, not '0'"),
    (["--timeout", "-3"], "argument --timeout: must be a positive number of seconds, or none, not '-3'"),
    (["--workers", "x"], "argument --workers: must be a positive whole number, not 'x'"),
    (["--recycle-after", "0"], "argument --recycle-after: must be a positive whole number, not '0'"),
    (["--max-bytes", "lots"], "argument --max-bytes: must be a size in bytes such as 500K, 20M or 1G"),
])
def test_bad_option_values_are_refused_in_plain_words_on_one_line(corpus: Path, tmp_path: Path, capsys, argv,
                                                                  message) -> None:
    with pytest.raises(SystemExit) as exit_info:
        batch_command.main([str(corpus), "-o", str(tmp_path / "x.jsonl"), *argv])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.count("\n") == 1 and err.startswith("cleanscrape batch: error: ") and message in err, err


def test_timeout_none_switches_the_time_out_off() -> None:
    parser = batch_command.configure_parser(argparse.ArgumentParser())
    assert parser.parse_args(["in.jsonl", "-o", "o.jsonl", "--timeout", "none"]).timeout is None
    assert parser.parse_args(["in.jsonl", "-o", "o.jsonl", "--timeout", "2.5"]).timeout == 2.5


def test_resume_tells_documents_by_identity_so_files_added_before_the_others_are_cleaned(tmp_path: Path,
                                                                                          capsys) -> None:
    # Before, --resume skipped as many documents as the output had lines: after two files sorting
    # first were added, it skipped those two and one old one, and wrote the other two old ones again.
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("c.txt", "d.txt", "e.txt"):
        (folder / name).write_text(f"text of {name}")
    out = tmp_path / "out.jsonl"
    assert run([str(folder), "-o", str(out)], capsys)[0] == 0
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(f"text of {name}")
    code, err = run([str(folder), "-o", str(out), "--resume"], capsys)
    assert code == 0 and "2 documents read" in err and "skipped: 3 already in the output;" in err, err
    sources = [Path(r["source"]).name for r in read_jsonl(out)]
    assert sources == ["c.txt", "d.txt", "e.txt", "a.txt", "b.txt"]
    assert [r["text"] for r in read_jsonl(out)] == [f"text of {name}" for name in sources]


@pytest.mark.parametrize("rerun, message", [
    (["{other}", "-o", "{out}", "--resume"], "it was written from other inputs"),
    (["{corpus}", "-o", "{out}", "--resume", "--drop-phrase", "x"], "written with other options (--drop-phrase)"),
    (["{corpus}", "-o", "{out}", "--resume", "--per-article"], "other options (--per-article)"),
    (["{other}", "--output-dir", "{dir}", "--resume"], "it was written from other inputs"),
])
def test_resume_refuses_an_output_written_from_other_inputs_or_options(corpus: Path, tmp_path: Path, capsys,
                                                                       rerun, message) -> None:
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "o1", "text": "unrelated"}\n')
    out, directory = tmp_path / "out.jsonl", tmp_path / "outdir"
    assert run([str(corpus), "-o", str(out)], capsys)[0] == 0
    assert run([str(corpus), "--output-dir", str(directory)], capsys)[0] == 0
    before = out.read_bytes()
    argv = [a.format(corpus=corpus, other=other, out=out, dir=directory) for a in rerun]
    code, err = run(argv, capsys)
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert out.read_bytes() == before and not (directory / "o1").exists()


def test_resume_refuses_an_output_without_a_journal(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "written by something else"}\n')
    code, err = run([str(corpus), "-o", str(out), "--resume"], capsys)
    assert code == 2 and "has no journal" in err and err.count("\n") == 1
    assert out.read_text() == '{"source": "written by something else"}\n'


@pytest.mark.parametrize("data", [b"<html><body><p>One page</p></body></html>\n", b"Just some text.\n",
                                  b'[{"id": 1}]\n'])
def test_stdin_that_is_not_jsonl_is_refused_with_a_hint_to_use_clean(tmp_path: Path, capsys, monkeypatch,
                                                                      data: bytes) -> None:
    # Before, each line became an InvalidJSON error record, and the run exited 0.
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, err = run(["-", "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 2 and err.count("\n") == 1 and "use: cleanscrape clean -" in err, err
    assert not (tmp_path / "out.jsonl").exists()


def test_stdin_jsonl_after_a_byte_order_mark_and_blank_lines_is_read(tmp_path: Path, capsys, monkeypatch) -> None:
    import io
    import sys

    data = b'\xef\xbb\xbf\n\n{"id": "s1", "text": "from stdin"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert run(["-", "-o", str(tmp_path / "out.jsonl")], capsys)[0] == 0
    assert [r["source"] for r in read_jsonl(tmp_path / "out.jsonl")] == ["s1"]


def test_a_batch_where_no_record_has_the_body_field_exits_1_naming_the_fields_seen(tmp_path: Path, capsys) -> None:
    # Before: exit 0 with nothing but error records, each carrying the whole page in its meta.
    body = "<p>" + "A long page. " * 5000 + "</p>"
    src = tmp_path / "pages.jsonl"
    src.write_text("".join(json.dumps({"id": f"p{i}", "url": f"https://x/{i}", "content": body}) + "\n"
                           for i in range(3)))
    out = tmp_path / "out.jsonl"
    code, err = run([str(src), "-o", str(out), "--html-field", "htm"], capsys)
    assert code == 1
    assert err.splitlines()[-1] == ("cleanscrape batch: error: no record had the field 'text' or 'htm' "
                                    "(fields seen: content, id, url); name the body with --text-field or --html-field")
    records = read_jsonl(out)
    assert [r["error"]["type"] for r in records] == ["MissingField"] * 3
    assert records[0]["meta"] == {"id": "p0", "url": "https://x/0", "content": f"<left out: {len(body)} characters>"}
    assert "(its fields: id, url, content)" in records[0]["error"]["message"]
    assert out.stat().st_size < 2000


def test_some_records_without_a_body_are_error_records_and_the_run_succeeds(tmp_path: Path, capsys) -> None:
    src = tmp_path / "pages.jsonl"
    src.write_text('{"id": "a", "text": "a body"}\n{"id": "b", "content": "no body field"}\n')
    code, _ = run([str(src), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 0
    assert read_jsonl(tmp_path / "out.jsonl")[1]["meta"] == {"id": "b", "content": "no body field"}


def test_the_summary_counts_what_was_skipped_by_cause(corpus: Path, tmp_path: Path, capsys) -> None:
    # Before, files of unknown type and WARC records that are not pages vanished without a word.
    write_warc(corpus / "statuses.warc.gz", [
        ("response", "https://example.com/gone", b"<p>Not found</p>", "text/html", "404 Not Found"),
        ("response", "https://example.com/old", b"", "text/html", "301 Moved Permanently"),
        ("response", "https://example.com/moved", b"", "text/html", "302 Found"),
        ("response", "https://example.com/ok", b"<p>A page</p>", "text/html"),
    ], gzip_records=True)
    (corpus / "README").write_text("not an input")
    code, err = run([str(corpus), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert code == 0
    assert ("; skipped: 2 files of unknown type, 1 WARC record not HTML or text, 2 WARC redirects, "
            "1 WARC HTTP error (4xx, 5xx); ") in err, err


def test_resume_with_the_output_gone_but_its_journal_left_starts_anew(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    assert run([str(corpus), "-o", str(out), "--per-article"], capsys)[0] == 0
    expected = read_jsonl(out)
    out.unlink()
    code, err = run([str(corpus), "-o", str(out), "--per-article", "--resume"], capsys)
    assert code == 0 and "already in the output" not in err
    assert read_jsonl(out) == expected
