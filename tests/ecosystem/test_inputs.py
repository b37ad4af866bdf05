"""Inputs people already have: C4-style .json.gz shards, .zst, Parquet, and files whose name says
nothing (--input-format); plus the filters and --version on the command line."""

from __future__ import annotations

import gzip
import json

import pytest

from cleanscrape.cli import batch as batch_command
from cleanscrape.cli.main import main
from cleanscrape.io import discovery
from cleanscrape.io.discovery import UsageError, check_inputs, iter_input_files
from cleanscrape.io.readers import read_documents

ROWS = [{"url": "https://example.com/a", "text": "First page.", "timestamp": "2019-04-25T12:57:54Z"},
        {"url": "https://example.com/b", "text": "Second page."}]


def documents(*args, input_format=None):
    check_inputs(list(args), input_format)
    return list(read_documents(iter_input_files(list(args), input_format)))


def test_a_c4_shard_json_gz_is_json_lines(tmp_path):
    shard = tmp_path / "c4-train.00000-of-01024.json.gz"
    with gzip.open(shard, "wt") as stream:
        stream.writelines(json.dumps(row) + "\n" for row in ROWS)
    docs = documents(str(shard))
    assert [(doc.source, doc.data, doc.content_type) for doc in docs] == [
        ("https://example.com/a", "First page.", "text"), ("https://example.com/b", "Second page.", "text")]
    assert docs[0].meta["timestamp"] == "2019-04-25T12:57:54Z"
    assert docs[0].name == ("c4-train.00000-of-01024", "000001")


def test_zstd_compressed_jsonl(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    shard = tmp_path / "pages.jsonl.zst"
    shard.write_bytes(zstandard.ZstdCompressor().compress("".join(json.dumps(row) + "\n" for row in ROWS).encode()))
    assert [doc.data for doc in documents(str(shard))] == ["First page.", "Second page."]


def test_zst_without_zstandard_names_the_extra(tmp_path, monkeypatch):
    (tmp_path / "pages.jsonl.zst").write_bytes(b"")
    real_find_spec = discovery.importlib.util.find_spec
    monkeypatch.setattr(discovery.importlib.util, "find_spec",
                        lambda name, *rest: None if name == "zstandard" else real_find_spec(name, *rest))
    with pytest.raises(UsageError, match=r"pip install 'cleanscrape\[zstd\]'"):
        check_inputs([str(tmp_path / "pages.jsonl.zst")])


def test_parquet_rows_with_field_options(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table({"page_url": ["u1", "u2"], "body": ["<p>One</p>", "<p>Two</p>"], "n": [1, 2]})
    pq.write_table(table, tmp_path / "pages.parquet")
    from cleanscrape.io.jsonl import JsonlFields
    from cleanscrape.io.readers import ReadOptions

    files = list(iter_input_files([str(tmp_path / "pages.parquet")]))
    docs = list(read_documents(files, ReadOptions(fields=JsonlFields(html="body", url="page_url"))))
    assert [(doc.source, doc.data, doc.content_type, dict(doc.meta)) for doc in docs] == [
        ("u1", "<p>One</p>", "html", {"page_url": "u1", "n": 1}),
        ("u2", "<p>Two</p>", "html", {"page_url": "u2", "n": 2})]


def test_input_format_reads_a_wget_mirror(tmp_path):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "index.php").write_text("<html><body><p>Home page of the mirror.</p></body></html>")
    (mirror / "news.shtml").write_text("<html><body><p>News page of the mirror.</p></body></html>")
    (mirror / "about").write_text("<html><body><p>About the mirror.</p></body></html>")
    with pytest.raises(UsageError, match="--input-format"):
        check_inputs([str(mirror / "index.php")])
    assert documents(str(mirror / "index.php")[:-9] + "*") == []  # a glob skips names it cannot read
    docs = documents(str(mirror), input_format="html")
    assert [(doc.source.rsplit("/", 1)[1], doc.content_type) for doc in docs] == [
        ("about", "html"), ("index.php", "html"), ("news.shtml", "html")]


ENGLISH = ("The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028, "
           "and construction is expected to start next spring, the mayor told reporters at the town hall.")
GERMAN = ("Der Stadtrat hat am Dienstag beschlossen, die Straßenbahnlinie bis 2028 in die nördlichen Vororte "
          "zu verlängern, und der Bau soll im nächsten Frühjahr beginnen, sagte der Bürgermeister.")


def test_batch_filters_mark_pages_with_their_cause(tmp_path, capsys):
    pages = tmp_path / "pages.jsonl"
    rows = [{"id": "en", "text": ENGLISH}, {"id": "de", "text": GERMAN}, {"id": "short", "text": "The mayor said on Tuesday that the tram line will be extended to the northern suburbs."}]
    pages.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "out.jsonl"
    code = batch_command.main([str(pages), "-o", str(out), "--workers", "1", "--language", "en,fr",
                               "--min-words", "20"])
    assert code == 0
    assert "1 articles, 0 listings, 0 empty, 0 errors, 2 filtered (language: 1, min-words: 1)" in capsys.readouterr().err
    records = {record["source"]: record for record in map(json.loads, out.read_text().splitlines())}
    assert "filtered" not in records["en"]  # a kept page's JSON is what it always was
    assert records["de"]["filtered"] == "language"
    assert records["short"]["language"] == "en" and records["short"]["filtered"] == "min-words"


def test_filters_in_settings_and_their_validation():
    import cleanscrape

    assert cleanscrape.clean(GERMAN, options={"languages": ["de"]}).filtered is None
    assert cleanscrape.clean(GERMAN, options={"languages": ("en",)}).filtered == "language"
    assert cleanscrape.clean("", options={"min_words": 1}).filtered == "min-words"
    with pytest.raises(ValueError, match="min_words"):
        cleanscrape.Settings(min_words=-1)


def test_version(capsys):
    import cleanscrape

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"cleanscrape {cleanscrape.__version__}\n"

