"""The published schemas: `Page.to_record()` has fixed keys and types whatever the page holds,
and Arrow, `datasets` and Spark agree with it."""

from __future__ import annotations

import os

import pytest
from test_clean_api import LISTING

import cleanscrape
from cleanscrape import schema

pa = pytest.importorskip("pyarrow")

DATELINE_PAGE = ("Putin offers Syria's Sharaa support and cooperation\n\n"
                 "MOSCOW (Reuters) - President Vladimir Putin sent a message of support to Syria's interim "
                 "president on Thursday, the Kremlin said, offering cooperation on a range of matters.\n\n"
                 "The Kremlin said the message stressed the two countries' long friendship and their shared "
                 "interest in the stability of the whole region, and that talks would follow soon.")
PLAIN_PAGE = ("A quiet week at the harbour\n\nThe fishing boats stayed in port all week because of the storm "
              "warnings, and the harbour master said the season would start late this year for everyone.")
LISTING_PAGE = LISTING  # three cards: a listing
PAGES = [DATELINE_PAGE, PLAIN_PAGE, LISTING_PAGE, "", "<html><body><p>Tiny</p></body></html>"]


def test_every_record_has_the_published_keys_in_order():
    for data in PAGES:
        assert list(cleanscrape.clean(data).to_record()) == list(schema.PAGE_NAMES)


def test_records_of_every_shape_fit_the_arrow_schema():
    records = [cleanscrape.clean(data).to_record() for data in PAGES]
    table = pa.Table.from_pylist(records, schema=schema.page_schema())
    assert table.to_pylist() == records
    assert {record["kind"] for record in records} >= {"article", "listing", "empty"}


def test_an_empty_page_has_empty_lists_not_nulls():
    record = cleanscrape.clean("").to_record()
    for name in schema.list_columns(schema.PAGE_COLUMNS):
        assert record[name] == [], name
    assert record["article_count"] == 0 and record["dateline"] is None


def test_the_main_article_metadata_is_flat_and_a_listing_has_none():
    article = cleanscrape.clean(DATELINE_PAGE).to_record()
    assert article["dateline"] == {"place": "MOSCOW", "date": None, "agency": "Reuters"}
    assert article["agency"] == "Reuters"
    listing = cleanscrape.clean(LISTING_PAGE).to_record()
    assert listing["kind"] == "listing" and listing["article_count"] == 3
    assert listing["authors"] == [] and listing["published"] is None


def test_the_spark_row_schema_is_the_arrow_row_schema():
    pytest.importorskip("pyspark")
    from pyspark.sql.pandas.types import to_arrow_schema

    assert to_arrow_schema(schema.spark_row_schema()) == schema.row_schema()


def _clean_example(example: dict) -> dict:
    return cleanscrape.clean(example["html"]).to_record()


def test_datasets_map_in_two_processes_gives_the_declared_features(tmp_path):
    datasets = pytest.importorskip("datasets")
    os.environ["HF_DATASETS_OFFLINE"] = "1"
    os.environ["HF_HUB_OFFLINE"] = "1"
    pages = datasets.Dataset.from_dict({"html": PAGES * 2})
    cleaned = pages.map(_clean_example, num_proc=2, remove_columns=["html"], features=schema.features(),
                        cache_file_name=str(tmp_path / "cleaned.arrow"))
    assert cleaned.features == schema.features()
    assert cleaned.num_rows == len(PAGES) * 2
    assert cleaned[0]["dateline"]["place"] == "MOSCOW"
    assert cleaned[3]["kind"] == "empty" and cleaned[3]["articles"] == []
