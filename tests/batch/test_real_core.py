"""The batch command with the real `cleanscrape.clean`, and the main CLI's wiring of options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import EXPECTED_SOURCES, corpus_fixture, read_jsonl  # noqa: F401 - fixture

import cleanscrape
import cleanscrape.render
from cleanscrape.cli import batch as batch_command


def test_real_core_over_every_input_kind(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.jsonl"
    code = batch_command.main([str(corpus), "-o", str(out), "--workers", "2", "--drop-phrase", "WET text two"])
    assert code == 0
    records = read_jsonl(out)
    assert [r["source"].removeprefix(str(corpus) + "/") for r in records] == EXPECTED_SOURCES
    assert {r["cleanscrape_version"] for r in records} == {cleanscrape.__version__}
    errors = {r["source"].rsplit("/", 1)[-1]: r["error"]["type"] for r in records if "error" in r}
    assert errors == {"i.txt": "NotTextError", "k.txt.gz": "CorruptInput"}
    pages = [r for r in records if "error" not in r]
    assert all(r["kind"] in ("article", "listing", "empty") for r in pages)
    page_fields = {"source", "kind", "language", "title", "text", "articles", "removed", "warnings"}
    assert all(set(r) >= page_fields for r in pages)
    by_source = {r["source"]: r for r in records}
    assert by_source["r1"]["meta"] == {"id": "r1", "lang": "en", "tags": ["x"]}
    # the shared cleaning options reach the workers: the phrase was dropped
    assert "WET text two" not in by_source["https://example.org/wet2"]["text"]
    assert "15 documents read" in capsys.readouterr().err


def test_invalid_cleaning_option_is_a_usage_error(corpus: Path, tmp_path: Path, capsys) -> None:
    code = batch_command.main([str(corpus), "-o", str(tmp_path / "o.jsonl"), "--drop-pattern", "("])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "pattern" in err


def test_add_batch_parser_wires_into_a_subcommand_cli(corpus: Path, tmp_path: Path, capsys) -> None:
    """What cli.py does: add_batch_parser(commands), then args.run(args, sys.stdout)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="cleanscrape")
    commands = parser.add_subparsers(dest="command", required=True)
    batch_command.add_batch_parser(commands)
    out = tmp_path / "o.jsonl"
    args = parser.parse_args(["batch", str(corpus / "a.txt"), "-o", str(out), "--workers", "1", "-q"])
    assert args.run(args, sys.stdout) == 0
    assert len(read_jsonl(out)) == 1 and capsys.readouterr().err == ""


ARTICLE_HTML = ("<html><body><article><h1>Bridge vote</h1><p>The council voted on Tuesday to build the new bridge "
                "across the river, after months of debate about its cost.</p><h2>Cost</h2><ul><li>Steel: four "
                "million</li><li>Labour: two million</li></ul><p>Work starts in the spring and should take two "
                "years, the mayor said at the meeting.</p></article></body></html>")


def test_format_markdown_writes_one_md_file_per_document(tmp_path: Path, capsys) -> None:
    pages = tmp_path / "in"
    pages.mkdir()
    (pages / "bridge.html").write_text(ARTICLE_HTML)
    (pages / "binary.txt").write_bytes(b"\x00\x01\xff")
    out = tmp_path / "out"
    assert batch_command.main([str(pages), "--output-dir", str(out), "--format", "markdown", "--workers", "1"]) == 0
    assert sorted(path.name for path in out.iterdir() if not path.name.startswith(".")) == \
        ["binary.txt.error.json", "bridge.html.md"]
    markdown = (out / "bridge.html.md").read_text()
    assert markdown.startswith("#") and "Bridge vote\n\nThe council voted on Tuesday" in markdown
    assert "## Cost\n\n- Steel: four million\n- Labour: two million\n" in markdown
    # what `cleanscrape clean --format markdown` prints for the same page
    assert markdown == cleanscrape.render.markdown(cleanscrape.clean(ARTICLE_HTML, source=str(pages / "bridge.html")))


def test_format_markdown_with_o_adds_a_markdown_field_to_each_record(tmp_path: Path, capsys) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text('{"id": "a", "html": ' + json.dumps(ARTICLE_HTML) + '}\n{"id": "b", "text": ""}\n')
    out = tmp_path / "out.jsonl"
    assert batch_command.main([str(pages), "-o", str(out), "--format", "markdown", "--workers", "1"]) == 0
    first, empty = read_jsonl(out)
    assert "- Steel: four million\n- Labour: two million" in first["markdown"] and "The council voted" in first["text"]
    assert empty["kind"] == "empty" and empty["markdown"] == ""
    plain = tmp_path / "plain.jsonl"
    assert batch_command.main([str(pages), "-o", str(plain), "--workers", "1"]) == 0
    assert "markdown" not in read_jsonl(plain)[0]  # only when asked: it is the text a second time


@pytest.mark.parametrize(("argv", "message"), [
    (["-o", "OUT", "--format", "text"], "--format text writes one file per document"),
    (["-o", "OUT", "--format", "markdown", "--per-article"], "--format markdown renders whole pages"),
])
def test_formats_that_do_not_fit_the_output_are_refused(tmp_path: Path, capsys, argv, message) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text('{"id": "a", "text": "x"}\n')
    argv = [arg.replace("OUT", str(tmp_path / "out.jsonl")) for arg in argv]
    assert batch_command.main([str(pages), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "out.jsonl").exists()
