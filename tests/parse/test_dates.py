"""Dates as printed -> ISO 8601, never guessing an order or a timezone."""

import pytest

from cleanscrape.parse.dates import find_dates, infer_day_first, is_yearless_date


def isos(text, day_first=None):
    return [found.iso for found in find_dates(text, day_first)]


def spans(text, day_first=None):
    return [text[found.start:found.end] for found in find_dates(text, day_first)]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("11 Mar 2025", "2025-03-11"),
        ("Thursday, 20 March 2025", "2025-03-20"),
        ("March 20, 2025", "2025-03-20"),
        ("Mar. 3, 2025", "2025-03-03"),
        ("Sept 9 2024", "2024-09-09"),
        ("3rd June 2024", "2024-06-03"),
        ("2025-03-20", "2025-03-20"),
        ("2025-03-20 09:15", "2025-03-20T09:15"),
        ("11 Mar 2025, 16:41", "2025-03-11T16:41"),
        ("le 3 mars 2025 à 14h30", "2025-03-03T14:30"),
        ("3. März 2025, 14.30 Uhr", "2025-03-03T14:30"),
        ("20 de marzo de 2025", "2025-03-20"),
        ("12 maggio 2024", "2024-05-12"),
        ("29 Feb 2024", "2024-02-29"),
    ],
)
def test_printed_formats_become_iso(text, iso):
    assert isos(text) == [iso]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("March 11, 2025 at 4:41 p.m.", "2025-03-11T16:41"),
        ("March 11, 2025 4:41 PM", "2025-03-11T16:41"),
        ("March 11, 2025 9:05 am", "2025-03-11T09:05"),
        ("March 11, 2025 12:05 am", "2025-03-11T00:05"),
        ("March 11, 2025 12:05 pm", "2025-03-11T12:05"),
    ],
)
def test_twelve_hour_times_with_am_pm_become_24_hour_times(text, iso):
    assert isos(text) == [iso]


def test_an_impossible_twelve_hour_time_keeps_the_date_and_drops_the_time():
    assert isos("March 11, 2025 at 13:05 pm") == ["2025-03-11"]


@pytest.mark.parametrize("text", ["31-02-2025", "29 Feb 2025", "31 April 2025", "2025-13-01", "2025-00-10"])
def test_dates_that_do_not_exist_are_found_but_have_no_iso(text):
    assert isos(text, day_first=True) == [None]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("5 May 2025 13:00 GMT", "2025-05-05T13:00"),
        ("2025-03-20T09:15:00Z", "2025-03-20T09:15"),
        ("May 5, 2025 at 10:00 UTC+2", "2025-05-05T10:00"),
        ("May 5, 2025", "2025-05-05"),
    ],
)
def test_no_timezone_is_invented_or_copied(text, iso):
    assert isos(text) == [iso]


def test_an_ambiguous_numeric_date_has_no_iso_without_proof_of_the_order():
    assert isos("01-04-2025") == [None]


def test_a_numeric_date_is_read_day_first_or_month_first_as_told():
    assert isos("01-04-2025", day_first=True) == ["2025-04-01"]
    assert isos("01/04/2025", day_first=False) == ["2025-01-04"]


def test_a_numeric_date_with_equal_fields_needs_no_order():
    assert isos("04.04.2025") == ["2025-04-04"]


def test_a_day_over_twelve_in_the_first_field_proves_day_first():
    assert infer_day_first(["Updated 21-03-2025", "Posted 01-04-2025"]) is True


def test_a_day_over_twelve_in_the_second_field_proves_month_first():
    assert infer_day_first(["03/21/2025"]) is False


def test_no_proof_or_contradicting_proof_infers_nothing():
    assert infer_day_first(["01-04-2025", "no dates here"]) is None
    assert infer_day_first(["21-03-2025", "03/21/2025"]) is None
    assert infer_day_first([]) is None


def test_dates_glued_to_labels_are_found():
    assert spans("time01-04-2025") == ["01-04-2025"]
    assert isos("Updated On:11 Mar 2025") == ["2025-03-11"]


def test_several_dates_on_a_line_are_found_left_to_right_without_overlap():
    text = "Published 20 March 2025, 09:15 | Updated 2025-03-21"
    assert isos(text) == ["2025-03-20T09:15", "2025-03-21"]


def test_numbers_that_are_not_dates_are_not_found():
    assert find_dates("The vote was 12-04-2 and turnout 2025 voters, 1999 abstentions.") == []
    assert find_dates("Mayor of Mayfield, 2025 budget") == []


def test_a_date_without_a_year_is_recognised_but_never_completed():
    assert is_yearless_date("Oct 3") and is_yearless_date("3 March")
    assert find_dates("Oct 3") == []
    assert not is_yearless_date("Octopus 3") and not is_yearless_date("Mayor 12")


def test_dates_glued_to_digits_prove_nothing():
    assert infer_day_first(["131-12-2025", "21-03-20251"]) is None
    assert infer_day_first(["on 13-12-2025\n05-04-2025"]) is True


def _day_first_line_by_line(texts):
    """The definition: every numeric date of every line, each read with the full date pattern."""
    import re

    numeric = re.compile(r"(?<!\d)(?P<first>[0-3]?\d)(?P<sep>[-/.])(?P<second>[0-3]?\d)(?P=sep)(?:19|20)\d\d(?!\d)")
    pairs = [(int(m["first"]), int(m["second"])) for text in texts for m in numeric.finditer(text)]
    day_first = any(first > 12 >= second for first, second in pairs)
    month_first = any(second > 12 >= first for first, second in pairs)
    return None if day_first == month_first else day_first


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.lists(st.text(alphabet="0123456789-/. \n2019a", max_size=40), max_size=5))
def test_infer_day_first_agrees_with_reading_every_line(texts):
    assert infer_day_first(texts) == _day_first_line_by_line(texts)
