"""Datelines opening a wire story."""

import pytest

from cleanscrape.model import Dateline
from cleanscrape.parse.dateline import parse_dateline


@pytest.mark.parametrize(
    "paragraph, dateline",
    [
        ("LISBON, March 11, 2025 (Lusa/AFP) - The government said", Dateline("LISBON", "2025-03-11", "Lusa/AFP")),
        ("LISBON (Reuters) -The government said", Dateline("LISBON", None, "Reuters")),
        ("LISBON (Reuters) - The government said", Dateline("LISBON", None, "Reuters")),
        ("WASHINGTON — The Senate voted", Dateline("WASHINGTON", None, None)),
        ("NEW YORK, 11 March 2025 – Stocks rose", Dateline("NEW YORK", "2025-03-11", None)),
        ("RIO DE JANEIRO (AP) - Carnival began", Dateline("RIO DE JANEIRO", None, "AP")),
        ("ST. JOHN'S, March 1 (CP) - Snow fell", Dateline("ST. JOHN'S", None, "CP")),
    ],
)
def test_a_dateline_gives_place_date_and_agency(paragraph, dateline):
    assert parse_dateline(paragraph) == dateline


def test_a_detail_that_is_not_a_date_belongs_to_the_place():
    assert parse_dateline("PARIS, Texas (AP) - A storm hit the town") == Dateline("PARIS, Texas", None, "AP")


def test_a_yearless_date_is_recognised_as_a_date_but_not_completed():
    assert parse_dateline("LISBON, March 11 (Reuters) - The government said") == Dateline("LISBON", None, "Reuters")


def test_a_numeric_date_in_the_dateline_is_read_in_the_pages_order():
    assert parse_dateline("BERLIN, 01/04/2025 (dpa) - Die Regierung", day_first=True) == Dateline("BERLIN", "2025-04-01", "dpa")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Lisbon (Reuters) - not in capitals",
        "The government said on Monday - and repeated on Tuesday - that",
        "I - for one - agree",
        "PARIS, where the talks were held (AP) - x",
        "LISBON The government said",
        "LISBON (Reuters) -",
        "",
    ],
)
def test_paragraphs_that_do_not_open_with_a_dateline_give_none(paragraph):
    assert parse_dateline(paragraph) is None


def test_a_dash_separated_numeric_date_in_a_dateline_is_read():
    assert parse_dateline("BERLIN, 21-03-2025 (dpa) - Die Regierung") == Dateline("BERLIN", "2025-03-21", "dpa")
