"""The batch command with the real `cleanscrape.clean`, and the main CLI's wiring of options."""

from __future__ import annotations

from pathlib import Path

from batch_helpers import EXPECTED_SOURCES, corpus_fixture, read_jsonl  # noqa: F401 - fixture

import cleanscrape
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
