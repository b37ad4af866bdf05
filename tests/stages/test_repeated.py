"""The repeated stage: later copies of a line printed more than once are duplicates."""

import dataclasses

from helpers import doc_from_lines, labels_of

from cleanscrape.model import Block, Evidence, Label, Verdict
from cleanscrape.pipeline import apply_labels
from cleanscrape.stages import repeated
from cleanscrape.text import tokens

STAGE = repeated.STAGE
TITLE = "Flood barriers to be raised along the river"
P1 = "Engineers will raise the barriers by half a metre before the winter storms arrive, the agency said."


def test_a_title_printed_twice_keeps_its_first_copy_and_the_second_is_a_duplicate():
    assert labels_of(STAGE, [TITLE, "", P1, TITLE]) == {4: "duplicate"}


def test_copies_differing_only_in_case_spacing_and_quote_style_are_duplicates():
    lines = ["“Flood barriers” to be raised  along the river", P1, '"FLOOD BARRIERS" TO BE RAISED ALONG THE RIVER!']
    assert labels_of(STAGE, lines) == {3: "duplicate"}


def test_every_later_copy_is_a_duplicate():
    assert labels_of(STAGE, [TITLE, TITLE, TITLE, TITLE, P1]) == {2: "duplicate", 3: "duplicate", 4: "duplicate"}


def test_short_labels_that_recur_on_every_card_are_left_alone():
    assert labels_of(STAGE, ["Politics", TITLE, "Politics", P1, "Politics"]) == {}


def test_a_copy_already_dropped_by_an_earlier_stage_is_not_relabelled():
    doc = doc_from_lines([TITLE, P1, TITLE])
    doc = apply_labels(doc, [Label(2, Verdict.DROP, "user-drop")])
    assert labels_of(STAGE, doc) == {}


def test_similar_but_different_paragraphs_survive():
    lines = [P1, "Engineers will raise the barriers by a full metre before the spring floods arrive, the agency said."]
    assert labels_of(STAGE, lines) == {}


def test_the_key_ignores_case_and_punctuation_only():
    assert tokens.line_key("“Flood-barriers” RAISED!") == tokens.line_key("flood barriers raised")
    assert tokens.line_key("Flood barriers raised") != tokens.line_key("Flood barriers razed")


def test_a_question_recurring_far_apart_in_an_interview_is_content_not_a_duplicate():
    question = "What got you started on your cooking blog?"
    answer = "I started when my daughter asked me to write down the family recipes for her, and it grew."
    lines = [question, answer] + [answer.replace("daughter", f"friend number {n}") for n in range(25)] + [question, answer + " Again."]
    assert labels_of(STAGE, lines) == {}


def test_repeated_table_rows_are_content():
    header = "| Pos | Player | Plays | % |"
    assert labels_of(STAGE, [header, "| QB | Baker Mayfield | 70 | 100% |", header, "| RB | Nick Chubb | 50 | 70% |"]) == {}


def test_inside_extracted_main_content_a_repeated_line_is_the_articles_own():
    step = "Stir the sauce until it thickens, then take the pan off the heat."
    lines = ["Make the sauce", step, "Make the glaze", step]
    assert labels_of(repeated.STAGE, doc_from_lines(lines)) == {4: "duplicate"}
    extracted = dataclasses.replace(doc_from_lines(lines), main_content_found=True)
    assert labels_of(repeated.STAGE, extracted) == {}


def _extracted(lines: list[str]):
    return dataclasses.replace(doc_from_lines(lines), main_content_found=True)


P2 = "The work is paid for by the regional budget and should be finished within three years."
P4 = "The agency will publish the final plans on its website before the end of the month."
P3 = "Residents living near the old harbour will be asked to move their cars during the works."


def test_inside_extracted_main_content_an_article_printed_again_is_a_duplicate():
    body = [P1, P2, P3, P4]
    lines = [*body, "12 March 2024", "https://news.example.org/floods/barriers", *body]
    assert labels_of(STAGE, _extracted(lines)) == {7: "duplicate", 8: "duplicate", 9: "duplicate", 10: "duplicate"}


def test_inside_extracted_main_content_a_paragraph_quoted_again_alone_survives():
    lines = [P1, P2, P3, "As the agency put it:", P2, "Work starts in May, weather permitting, the agency added."]
    assert labels_of(STAGE, _extracted(lines)) == {}


def test_inside_extracted_main_content_a_short_run_shown_again_is_the_articles_own():
    lines = [P1, P2, P3, "The same two paragraphs, as the second draft printed them:", P1, P2]
    assert labels_of(STAGE, _extracted(lines)) == {}


def test_inside_extracted_main_content_code_shown_again_survives():
    query = "SELECT station, AVG (reading) OVER (PARTITION BY station ORDER BY taken_at) FROM readings;"
    lines = [P1, query, P2, query]
    code = {2: Evidence(block=Block.CODE), 4: Evidence(block=Block.CODE)}
    extracted = dataclasses.replace(
        _extracted(lines), evidence=tuple(code.get(number, Evidence()) for number in range(1, 5)))
    assert labels_of(STAGE, extracted) == {}
