"""People in credit lines and bylines."""

import pytest

from cleanscrape.parse.people import parse_byline, parse_credit, split_names


def test_a_credit_with_several_clauses_sorts_authors_and_editors():
    text = "(Reporting by Lena Ortiz and Pavel Novak; additional reporting by Sam Reed; Editing by Ruth Kang, Omar Diaz)"
    assert parse_credit(text) == (["Lena Ortiz", "Pavel Novak", "Sam Reed"], ["Ruth Kang", "Omar Diaz"])


def test_the_place_a_reporter_filed_from_is_not_part_of_the_name():
    assert parse_credit("Reporting by Lena Ortiz in Lisbon and Pavel Novak in New York") == (["Lena Ortiz", "Pavel Novak"], [])


def test_a_credit_naming_only_graphics_people_names_nobody():
    assert parse_credit("(Graphics by Ian Moss)") is None


@pytest.mark.parametrize(
    "text",
    [
        "Reporting by local media suggested the vote was close.",  # a sentence: 'reporting' clause with no names
        "Produced by the ministry; edited by hand",
        "The report was written by two economists.",
        "(Reporting)",
        "",
    ],
)
def test_lines_that_are_not_credits_give_none(text):
    assert parse_credit(text) is None


def test_a_clause_with_an_unknown_role_makes_the_line_no_credit():
    assert parse_credit("Reporting by Lena Ortiz; Sponsored by Acme Corp") is None


@pytest.mark.parametrize(
    "text, names",
    [
        ("By Lena Ortiz", ["Lena Ortiz"]),
        ("By Lena Ortiz and Pavel Novak", ["Lena Ortiz", "Pavel Novak"]),
        ("by Lena Ortiz, Pavel Novak & Sam Reed", ["Lena Ortiz", "Pavel Novak", "Sam Reed"]),
        ("By LENA ORTIZ in Lisbon", ["LENA ORTIZ"]),
        ("Von Anna Müller und Jörg Weiß", ["Anna Müller", "Jörg Weiß"]),
        ("Par Chloé Martin et Luc Bernard", ["Chloé Martin", "Luc Bernard"]),
        ("By Seán O’Neill-Hart", ["Seán O’Neill-Hart"]),
    ],
)
def test_bylines_give_their_names(text, names):
    assert parse_byline(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "By the way, the shop is open on Sundays.",
        "by now everyone knows",
        "By 2026 the line will be finished",
        "Lena Ortiz",
        "Bystanders filmed the crash",
    ],
)
def test_non_bylines_give_no_names(text):
    assert parse_byline(text) == []


def test_a_sentence_starting_by_weekday_is_not_a_byline():
    assert parse_byline("By Friday, it was over.") == []


def test_a_sentence_starting_by_a_capitalised_word_and_lowercase_words_is_not_a_byline():
    assert parse_byline("By Sunday the rebels left") == []


def test_a_sentence_starting_with_written_by_is_not_a_credit():
    assert parse_credit("Written by Mary Shelley, Frankenstein has inspired dozens of films.") is None


def test_split_names_drops_parts_that_are_not_names():
    assert split_names("Lena Ortiz, staff writer, and 2 others") == ["Lena Ortiz"]
