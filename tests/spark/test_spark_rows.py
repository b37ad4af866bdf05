"""Records as table rows (io.rows) and the Spark engine's pure helpers, without a JVM."""

from __future__ import annotations

import json

import pytest

from cleanscrape.engines.spark import chunked, free_name
from cleanscrape.io.rows import OUTPUT_NAMES, record_rows

PAGE = {
    "source": "s", "kind": "article", "language": "en", "title": "T", "text": "body",
    "articles": [{"role": "main", "title": "T", "text": "body", "published": "2025-03-20", "updated": None,
                  "publisher": None, "section": "World", "authors": ["A"], "editors": [], "agency": "Reuters",
                  "dateline": None, "captions": []}],
    "removed": [], "warnings": [], "cleanscrape_version": "0",
}
LISTING = {**PAGE, "kind": "listing", "title": "Heading", "articles": [
    {**PAGE["articles"][0], "role": "item", "title": f"item {i}", "text": f"text {i}"} for i in range(3)]}
ERROR = {"source": "bad", "error": {"type": "NotTextError", "message": "binary"}, "cleanscrape_version": "0"}


def test_page_row_takes_article_fields_from_the_main_article() -> None:
    (row,) = record_rows(PAGE, per_article=False)
    assert list(row) == list(OUTPUT_NAMES)
    assert (row["published"], row["section"], row["authors"], row["agency"]) == \
        ("2025-03-20", "World", ["A"], "Reuters")
    assert row["article_count"] == 1 and row["role"] is None and row["error"] is None
    assert json.loads(row["record"]) == PAGE


def test_a_listing_page_row_has_no_article_metadata() -> None:
    (row,) = record_rows(LISTING, per_article=False)
    assert row["title"] == "Heading" and row["published"] is None and row["authors"] == []


def test_per_article_rows_follow_batch_per_article_without_doc_index() -> None:
    rows = record_rows(LISTING, per_article=True)
    assert [(r["article_index"], r["article_count"], r["title"], r["kind"]) for r in rows] == \
        [(i, 3, f"item {i}", "listing") for i in range(3)]
    assert all("doc_index" not in json.loads(r["record"]) for r in rows)
    assert record_rows({**PAGE, "kind": "empty", "articles": []}, per_article=True) == []


def test_an_error_is_one_row_with_only_source_error_and_record() -> None:
    for per_article in (False, True):
        (row,) = record_rows(ERROR, per_article=per_article)
        assert row["error"] == {"type": "NotTextError", "message": "binary"} and row["kind"] is None
        assert json.loads(row["record"]) == ERROR


def test_free_name_and_chunked() -> None:
    assert free_name("text", {"text", "input_text"}) == "input_input_text"
    assert free_name("id", {"text"}) == "id"
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]


def test_file_groups_give_each_container_a_task_and_pool_single_pages() -> None:
    from cleanscrape.engines.spark import file_groups
    from cleanscrape.io.discovery import InputFile

    files = [InputFile(f"p{i}.html", f"p{i}.html", "html") for i in range(10)]
    files += [InputFile("a.warc.gz", "a.warc.gz", "warc", "gz"), InputFile("b.jsonl.xz", "b.jsonl.xz", "jsonl", "xz")]
    groups = file_groups(files, parallelism=2, tasks_per_core=2)
    assert [len(g) for g in groups] == [1, 1, 3, 3, 2, 2]
    assert [g[0][0] for g in groups[:2]] == ["a.warc.gz", "b.jsonl.xz"]
    assert sorted(row[0] for group in groups for row in group) == sorted(f.path for f in files)
    assert file_groups([], parallelism=2) == []


def test_spark_input_format_reads_files_whatever_their_names_say(tmp_path) -> None:
    from cleanscrape.cli.spark import plan_inputs
    from cleanscrape.io.discovery import UsageError

    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "index.php").write_text("<p>a page</p>")
    (mirror / "about").write_text("<p>another</p>")
    dump = tmp_path / "dump.data"
    dump.write_text('{"text": "a record"}\n')
    with pytest.raises(UsageError, match="unknown input format"):
        plan_inputs([str(dump)])
    plan = plan_inputs([str(mirror)], "html")
    assert [(item.relative, item.format) for item in plan.files] == [("about", "html"), ("index.php", "html")]
    assert plan_inputs([str(dump)], "jsonl").jsonl == [str(dump)]  # Spark's own text reader
    assert plan_inputs(["s3a://bucket/part-0"], "jsonl").jsonl == ["s3a://bucket/part-0"]
    assert plan_inputs(["s3a://bucket/rows"], "parquet").parquet == ["s3a://bucket/rows"]
    with pytest.raises(UsageError, match="only JSONL and Parquet"):
        plan_inputs(["s3a://bucket/part-0"])
