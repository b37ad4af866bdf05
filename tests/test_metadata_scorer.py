"""The metadata benchmark's normalisers and matchers, on values small enough to judge by hand:
each rule must forgive the spelling differences it is meant to forgive and nothing more."""

from __future__ import annotations

import pytest

from benchmarks.metadata import SetScores, format_false_values, format_table, score_set
from benchmarks.metadata_match import (
    CalendarDate,
    FieldScore,
    Verdict,
    compare,
    has_truth,
    normalise_date,
    normalise_language,
    normalise_site_name,
    normalise_title,
    person_names,
    tally,
    word_set_f1,
)
from benchmarks.metadata_sets import TruthPage
from benchmarks.metadata_systems import SYSTEMS, decode_html


def test_title_is_folded_and_stripped_of_surrounding_quotes_and_punctuation():
    assert normalise_title("  «Ｔhe  Big\tStory».  ") == "the big story"
    assert normalise_title('"Don\'t panic!"') == "don't panic"  # inner apostrophe kept
    assert normalise_title(None) == ""


def test_titles_match_exactly_only_when_equal_after_normalising():
    assert compare("title", "The Big Story", "“the big story”") == Verdict(True, True, True)


def test_title_with_a_site_suffix_is_lenient_only_when_the_words_mostly_agree():
    # 4 of 5 words: F1 = 2 * 1 * 0.8 / 1.8 = 0.89
    assert compare("title", "Rain falls in Spain", "Rain falls in Spain | Herald") == Verdict(True, False, True)
    # 4 of 7 words: F1 = 0.73, not lenient
    assert compare("title", "Rain falls in Spain", "Rain falls in Spain - The Daily Herald") == Verdict(
        True, False, False
    )


def test_a_different_title_does_not_match():
    assert compare("title", "Rain falls in Spain", "Snow falls on Norway") == Verdict(True, False, False)


def test_a_missing_output_is_uncovered():
    assert compare("title", "Rain", None) == Verdict(False, False, False)
    assert compare("title", "Rain", "  ") == Verdict(False, False, False)


def test_bylines_split_into_names_without_role_words_or_degrees():
    assert person_names("By Jane Doe and John Roe") == {"jane doe", "john roe"}
    assert person_names("Von Anna Berg & Ben Kurz; Par Élise Petit / AFP") == {
        "anna berg", "ben kurz", "élise petit", "afp"
    }
    assert person_names("Dylan Bailey, MS, RD") == {"dylan bailey"}
    assert person_names("Genevieve Carlton, Ph.D.") == {"genevieve carlton"}
    assert person_names(["Jane Doe", "By:  JOHN  ROE"]) == {"jane doe", "john roe"}
    # "and" inside a word is no separator
    assert person_names("Alexandra Sandoval") == {"alexandra sandoval"}


def test_authors_match_as_sets_of_names():
    assert compare("authors", "Jane Doe; John Roe", ["john roe", "By Jane Doe"]) == Verdict(True, True, True)


def test_author_names_in_another_order_are_lenient_not_exact():
    assert compare("authors", "Jong, Michiel de", ["Michiel de Jong"]) == Verdict(True, False, True)


def test_a_missing_coauthor_is_neither_exact_nor_lenient():
    # words {jane, doe, john, roe} vs {jane, doe}: F1 = 0.67
    assert compare("authors", "Jane Doe and John Roe", ["Jane Doe"]) == Verdict(True, False, False)


def test_another_author_does_not_match():
    assert compare("authors", "Jane Doe", "John Roe") == Verdict(True, False, False)


def test_dates_compare_the_calendar_date_as_written():
    assert normalise_date("2021-11-01T10:52:50+0100") == CalendarDate(2021, 11, 1)
    assert normalise_date("2017-11-03 03:01:00.000000") == CalendarDate(2017, 11, 3)
    assert normalise_date("2022-11-1") == CalendarDate(2022, 11, 1)
    assert normalise_date("2015-11") == CalendarDate(2015, 11, None)
    assert normalise_date("November 3, 2017") is None
    assert normalise_date("20171103") is None
    assert compare("published", "2021-11-01T10:52:50+0100", "2021-11-01") == Verdict(True, True, True)


def test_a_date_one_day_off_is_lenient_and_two_days_off_is_wrong():
    assert compare("published", "2018-06-12T23:00:00Z", "2018-06-13T01:00:00+02:00") == Verdict(True, False, True)
    assert compare("published", "2018-12-31", "2019-01-01") == Verdict(True, False, True)
    assert compare("published", "2018-06-12", "2018-06-14") == Verdict(True, False, False)


def test_a_truth_of_month_precision_is_matched_at_month_precision():
    assert compare("published", "2015-11", "2015-11-20") == Verdict(True, True, True)
    assert compare("published", "2015-11", "2015-12-01") == Verdict(True, False, False)


def test_an_unreadable_output_date_is_covered_and_wrong():
    assert compare("published", "2015-11-20", "last Tuesday") == Verdict(True, False, False)
    assert compare("published", "2015-11-20", None) == Verdict(False, False, False)


def test_site_names_fold_case_and_space():
    assert normalise_site_name("  The\u00a0Guardian ") == "the guardian"
    assert compare("site_name", "the Guardian", "The Guardian") == Verdict(True, True, True)
    assert compare("site_name", "Le Monde.fr", "Le Monde") == Verdict(True, False, True)
    assert compare("site_name", "Le Monde", "Libération") == Verdict(True, False, False)


def test_language_keeps_the_primary_subtag():
    assert normalise_language("en-US") == "en"
    assert normalise_language("zh_TW") == "zh"
    assert compare("language", "pt-BR", "pt") == Verdict(True, True, True)
    assert compare("language", "en-GB", "de") == Verdict(True, False, False)


def test_pages_without_a_truth_value_are_not_scored():
    assert not has_truth("authors", "  ")
    assert not has_truth("authors", ", PhD")
    assert not has_truth("published", "")
    assert not has_truth("language", None)
    assert has_truth("title", "x")


def test_word_set_f1():
    assert word_set_f1({"a", "b"}, {"a", "b"}) == 1.0
    assert word_set_f1({"a", "b"}, {"c"}) == 0.0
    assert word_set_f1({"a", "b", "c", "d"}, {"a", "b"}) == pytest.approx(2 / 3)


def test_tally_counts_over_the_scored_pages():
    score = tally([Verdict(True, True, True), Verdict(True, False, True), Verdict(False, False, False),
                   Verdict(True, False, False)])
    assert score == FieldScore(n=4, exact=1, lenient=2, covered=3, wrong=1)
    assert score.to_dict()["coverage_pct"] == 75.0


def test_tally_counts_values_given_where_the_truth_has_none():
    score = tally([Verdict(True, True, True), Verdict(True, False, False)], [True, False, False])
    assert (score.wrong, score.unsupported, score.without_truth, score.given) == (1, 1, 3, 3)
    assert score.false_rate == pytest.approx(200 / 3)  # 2 of the 3 values given are false


def test_score_set_uses_only_pages_with_truth_and_marks_fields_a_system_lacks(tmp_path):
    pages = [
        TruthPage("a", None, tmp_path / "a", {"title": "One", "published": "2020-01-02"}),
        TruthPage("b", None, tmp_path / "b", {"title": "Two", "published": None}),
    ]
    systems = [SYSTEMS["cleanscrape"], SYSTEMS["htmldate"]]
    outputs = {
        ("cleanscrape", "s"): {"a": {"title": "One", "published": "2020-01-03"}, "b": {"error": "boom"}},
        ("htmldate", "s"): {"a": {"published": "2020-01-02"}, "b": {"published": "2021-01-01"}},
    }
    scores = score_set("s", pages, systems, outputs)
    assert scores.n == {"title": 2, "published": 1}
    assert scores.fields["title"] == {"cleanscrape": FieldScore(2, 1, 1, 1)}  # htmldate reports no title
    assert scores.fields["published"]["cleanscrape"] == FieldScore(1, 0, 1, 1, without_truth=1)
    # htmldate gave a date on the page whose truth has none: a false date
    assert scores.fields["published"]["htmldate"] == FieldScore(1, 1, 1, 1, unsupported=1, without_truth=1)
    table = format_table(scores, systems)
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()]
    assert ["title (2)", "50 / 50 / 50 / 0", "—"] in rows
    assert ["published (1)", "0 / 100 / 100 / 0", "100 / 100 / 100 / 0"] in rows
    assert "htmldate 50.0 % (0 + 1 of 2)" in format_false_values(scores, systems)
    assert "none of the fields" in format_table(SetScores("empty", 0), systems)


def test_decode_html_falls_back_to_the_declared_charset():
    assert decode_html("<p>café</p>".encode()) == "<p>café</p>"
    latin = '<meta charset="iso-8859-1"><p>café</p>'.encode("latin-1")
    assert decode_html(latin).endswith("café</p>")
