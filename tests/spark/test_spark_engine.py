"""cleanscrape on a real local[2] Spark (one session for the module): the same records as
`cleanscrape batch` for the same files, per-article rows, and error rows that never fail the job."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from spark_helpers import ROOT, spark_fixture  # noqa: F401 - spark_fixture is a fixture

sys.path.insert(0, str(ROOT / "tests" / "batch"))
from batch_helpers import write_warc  # noqa: E402

from cleanscrape.cli import batch as batch_command  # noqa: E402
from cleanscrape.cli import spark as spark_command
from cleanscrape.engines.spark import clean_dataframe, clean_files, make_options  # noqa: E402
from cleanscrape.io.discovery import iter_input_files  # noqa: E402

ARTICLE = ("Council extends tram line north\n\n"
           "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028.\n\nShare\n")
HTML = (b"<html><head><title>Harbour opens</title></head><body><nav>Home | World</nav><article><h1>Harbour opens</h1>"
        b"<p>The new harbour opened on Monday after four years of building work.</p>"
        b"<p>Officials said ships would start docking next month.</p></article></body></html>")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL file (text, HTML, a wrong type, a missing body) and a WARC and a WET file."""
    root = tmp_path_factory.mktemp("in")
    lines = [
        {"id": "j1", "text": ARTICLE, "lang": "en"},
        {"id": "j2", "url": "https://example.com/j2", "html": HTML.decode(), "site": "ex"},
        {"id": "j3", "text": 5},
        {"id": "j4", "title": "no body"},
        {"id": "j5", "text": ""},
    ]
    (root / "pages.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines) + "\n")
    write_warc(root / "crawl.warc.gz", [
        ("response", "https://example.com/harbour", HTML, "text/html; charset=utf-8"),
        ("response", "https://example.com/logo.png", b"\x89PNG\r\n", "image/png"),
        ("response", "https://example.com/binary", b"\x00\x01\x02\xff not a page", "text/html"),
    ], gzip_records=True)
    write_warc(root / "text.warc.wet.gz", [("conversion", "https://example.org/wet1", ARTICLE.encode(), "text/plain")],
               gzip_records=True)
    return root


def batch_records(inputs: list[str], out: Path, *extra: str) -> list[dict[str, Any]]:
    assert batch_command.main([*inputs, "-o", str(out), "--workers", "1", "-q", *extra]) == 0
    return [json.loads(line) for line in out.read_text().splitlines()]


def part_records(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for part in sorted(directory.glob("part-*")) for line in part.read_text().splitlines()]


def canonical(records: list[dict[str, Any]]) -> list[str]:
    """Records as sortable text: Spark gives no order, so compare the two multisets."""
    return sorted(json.dumps({k: v for k, v in r.items() if k != "doc_index"}, sort_keys=True) for r in records)


def test_jsonl_and_warc_on_spark_give_the_batch_records(spark, inputs: Path, tmp_path: Path) -> None:
    files = [str(inputs / "pages.jsonl"), str(inputs / "crawl.warc.gz"), str(inputs / "text.warc.wet.gz")]
    expected = batch_records(files, tmp_path / "batch.jsonl")
    assert spark_command.main([*files, "-o", str(tmp_path / "out"), "--format", "jsonl", "-q"], spark=spark) == 0
    got = part_records(tmp_path / "out")
    assert canonical(got) == canonical(expected)
    # the corpus really has every case: pages, an empty one, reader errors and a cleaning error
    kinds = sorted(r.get("kind") or r["error"]["type"] for r in got)
    assert kinds == ["InvalidRecord", "MissingField", "NotTextError", "article", "article", "article", "article",
                     "empty"]


def test_per_article_on_a_dataframe_explodes_like_batch(spark, tmp_path: Path) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))  # 003 holds two articles, 004 is a listing of five
    expected = batch_records([str(p) for p in seeds], tmp_path / "batch.jsonl", "--per-article")
    frame = spark.createDataFrame([(str(p), p.read_text(encoding="utf-8"), n) for n, p in enumerate(seeds)],
                                  "id string, text string, n int")
    rows = clean_dataframe(frame, text_col="text", id_col="id", per_article=True).collect()
    assert canonical([json.loads(r["record"]) for r in rows]) == canonical(expected)
    counts = {r["source"]: r["article_count"] for r in rows}
    assert sorted(counts.values()) == [1, 1, 1, 2, 5]
    for row in rows:  # the input columns ride along on every article's row (text renamed: it clashes)
        assert row["id"] == row["source"] and seeds[row["n"]] == Path(row["id"])
        assert row["input_text"] == seeds[row["n"]].read_text(encoding="utf-8")
    listing = sorted((r for r in rows if r["kind"] == "listing"), key=lambda r: r["article_index"])
    assert [r["article_index"] for r in listing] == [0, 1, 2, 3, 4]
    assert {r["role"] for r in listing} == {"item"}


def test_bad_documents_become_error_rows_and_the_job_goes_on(spark, inputs: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes((inputs / "crawl.warc.gz").read_bytes() + b"not gzip")  # garbage after the records
    frame = spark.createDataFrame([("ok", ARTICLE.encode()), ("binary", b"\x00\x01\x02\x03"), ("none", None)],
                                  "id string, html binary")
    rows = {r["source"]: r for r in clean_dataframe(frame, html_col="html", id_col="id").collect()}
    assert rows["ok"]["error"] is None and rows["ok"]["kind"] == "article"
    assert rows["binary"]["error"]["type"] == "NotTextError" and rows["binary"]["kind"] is None
    assert rows["none"]["error"]["type"] == "MissingField"
    def outcomes(paths: list[Path]) -> list[str]:
        rows = clean_files(spark, iter_input_files([str(p) for p in paths]), options=make_options()).collect()
        return sorted(r["error"]["type"] if r["error"] else r["kind"] for r in rows)

    # Every whole record before the damage is still cleaned; the damage adds one error row.
    intact = outcomes([inputs / "crawl.warc.gz", inputs / "text.warc.wet.gz"])
    assert outcomes([broken, inputs / "text.warc.wet.gz"]) == sorted([*intact, "CorruptInput"])


def test_parquet_output_and_a_bad_jsonl_line(spark, tmp_path: Path, capsys) -> None:
    source = tmp_path / "lines.jsonl"
    source.write_text(json.dumps({"id": "p1", "text": ARTICLE}) + "\n{not json\n")
    assert spark_command.main([str(source), "-o", str(tmp_path / "out"), "--per-article"], spark=spark) == 0
    rows = spark.read.parquet(str(tmp_path / "out")).collect()
    by_error = {r["error"]["type"] if r["error"] else None: r for r in rows}
    assert set(by_error) == {None, "InvalidJSON"}
    assert by_error[None]["title"] == "Council extends tram line north" and by_error[None]["article_index"] == 0
    assert by_error["InvalidJSON"]["source"] == str(source)  # batch says "lines.jsonl:2"; Spark has no line numbers
    assert "2 rows, 1 articles, 0 listings, 0 empty, 1 errors" in capsys.readouterr().err


def test_usage_errors_before_spark_starts(tmp_path: Path, capsys) -> None:
    assert spark_command.main(["/no/such.warc.gz", "-o", str(tmp_path / "o")]) == 2
    assert spark_command.main([str(tmp_path), "-o", str(tmp_path)]) == 2  # output exists
    assert spark_command.main(["s3a://bucket/crawl.warc.gz", "-o", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "Traceback" not in err
