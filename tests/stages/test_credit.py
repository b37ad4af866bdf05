"""The credit stage: credit lines (names -> metadata) and a trailing wire-agency credit (trimmed)."""

import pytest
from helpers import facts_of, labels_of, stage_labels

from cleanscrape.model import Fact, FactKind, Verdict
from cleanscrape.stages import credit

STAGE = credit.STAGE
P1 = "The central bank left interest rates unchanged on Thursday, citing uncertainty about energy prices."


def test_a_bracketed_credit_with_several_clauses_is_a_credit_with_authors_and_editors():
    line = "(Reporting by Lena Ortiz in Lisbon; Additional reporting by Tom Field; Editing by Ruth Kang and Omar Diaz)"
    lines = [P1, line]
    assert labels_of(STAGE, lines) == {2: "credit"}
    assert facts_of(STAGE, lines)[2] == (("author", "Lena Ortiz"), ("author", "Tom Field"), ("editor", "Ruth Kang"), ("editor", "Omar Diaz"))


def test_a_credit_naming_only_an_editor_has_no_authors():
    lines = [P1, "Editing by Ruth Kang"]
    assert facts_of(STAGE, lines) == {2: (("editor", "Ruth Kang"),)}


def test_graphics_and_photo_clauses_are_accepted_but_name_nobody():
    lines = [P1, "Graphics by Ian Moss; writing by Ana Vidal"]
    assert facts_of(STAGE, lines) == {2: (("author", "Ana Vidal"),)}


def test_a_trailing_agency_credit_is_trimmed_as_a_span_with_the_agency_as_fact():
    line = P1 + " AFP"
    [label] = stage_labels(STAGE, [line])
    assert (label.verdict, label.reason, label.facts) == (Verdict.DROP, "credit", (Fact(FactKind.AGENCY, "AFP"),))
    assert line[label.span[0]:label.span[1]].strip() == "AFP"
    assert label.span[1] == len(line)


def test_a_trailing_credit_after_a_closing_quote_is_trimmed():
    line = '"We will not rush," the governor told reporters after the meeting in the capital." Reuters'
    [label] = stage_labels(STAGE, [line])
    assert label.facts == (Fact(FactKind.AGENCY, "Reuters"),)


def test_a_trailing_credit_followed_by_a_new_paragraph_is_still_trimmed():
    assert labels_of(STAGE, [P1 + " Reuters", "", "Markets in Europe opened lower on Friday."]) == {1: "credit"}


def test_capitalised_words_ending_a_hard_wrapped_line_open_the_next_sentence_and_stay():
    lines = [
        "Applications are hosted on the user's own domain name for this reason. The",
        "origin on which the storage server has its interface should serve nothing else.",
    ]
    assert labels_of(STAGE, lines) == {}
    assert labels_of(STAGE, [lines[0], "", lines[1]]) == {}


def test_a_short_line_ending_in_capitalised_words_is_not_a_trailing_credit():
    assert labels_of(STAGE, ["Rates held. Bank Of Spain"]) == {}


@pytest.mark.parametrize(
    "line",
    [
        "The report was written by two economists at the central bank.",
        "Prices were edited out of the final version, officials said.",
        "Reporting by local media suggested the decision was unanimous",
        "The governor met the finance minister, Ana Vidal, in Madrid.",
    ],
)
def test_body_sentences_about_reporting_or_people_survive(line):
    assert labels_of(STAGE, [P1, line]) == {}


def test_a_one_sentence_paragraph_ending_in_an_acronym_inside_the_sentence_survives():
    assert labels_of(STAGE, [P1, "The decision was welcomed by the IMF."]) == {}


def test_a_body_sentence_starting_with_written_by_survives():
    assert labels_of(STAGE, [P1, "Written by Mary Shelley, Frankenstein has inspired dozens of films."]) == {}


def test_a_one_word_final_sentence_is_not_trimmed_as_a_credit():
    line = "Asked what the protesters wanted from the new government, he answered with one word. Freedom."
    assert labels_of(STAGE, [line]) == {}


def test_a_write_to_contact_line_is_a_credit_naming_the_author():
    assert labels_of(STAGE, ["Write to Al Root at allen.root@example.com"]) == {1: "credit"}
    assert facts_of(STAGE, ["Write to Al Root at allen.root@example.com"])[1] == (("author", "Al Root"),)


def test_a_sentence_asking_readers_to_write_in_survives():
    assert labels_of(STAGE, ["Readers can write to the council at its office on Main Street."]) == {}


def test_capitalised_words_after_a_bracket_closing_an_acronym_are_no_trailing_credit():
    line = "A Beginner's Guide to Passing the Certified Network Technician (CNT) Exam"
    assert labels_of(STAGE, [P1, line]) == {}


def test_a_trailing_credit_after_a_bracketed_sentence_is_trimmed():
    assert labels_of(STAGE, [P1, "(Prices rose again in the second half of the year, the bank added.) Reuters"]) == {2: "credit"}


def test_a_capitalised_word_ending_a_line_wrapped_at_a_column_opens_the_next_line():
    lines = ["    // The error kind tells us how to go on when opening fails. If",
             "    // File::open failed because the file does not exist, create it."]
    assert labels_of(STAGE, lines) == {}


def test_a_credit_closing_a_paragraph_longer_than_a_wrap_column_is_trimmed_whatever_follows():
    assert labels_of(STAGE, [P1 + " Reuters", "Markets in Europe opened lower on Friday."]) == {1: "credit"}
