"""The user-rules stage: the user's drop and keep phrases/patterns, applied before everything else."""

from helpers import doc_from_lines, labels_of, stage_labels

from cleanscrape.model import Verdict
from cleanscrape.settings import Settings
from cleanscrape.stages import user_rules

STAGE = user_rules.STAGE
PARAGRAPH = "The harbour authority said the new ferry would enter service in the autumn."


def test_drop_phrase_matches_case_insensitively_inside_a_line():
    lines = [PARAGRAPH, "© 2025 Harbour Weekly. All rights reserved.", "ALL RIGHTS RESERVED"]
    assert labels_of(STAGE, lines, Settings(drop_phrases=("all rights reserved",))) == {2: "user-drop", 3: "user-drop"}


def test_drop_pattern_is_a_regular_expression():
    lines = [PARAGRAPH, "Page 3 of 12", "Page three was missing from the report, the authority admitted."]
    assert labels_of(STAGE, lines, Settings(drop_patterns=(r"^Page \d+ of \d+$",))) == {2: "user-drop"}


def test_keep_phrase_protects_a_line_with_a_keep_verdict():
    labels = stage_labels(STAGE, [PARAGRAPH, "Subscribe to the Harbour Weekly"], Settings(keep_phrases=("harbour weekly",)))
    assert [(label.index, label.verdict, label.reason) for label in labels] == [(1, Verdict.KEEP, "user-keep")]


def test_keep_wins_over_drop_on_the_same_line():
    settings = Settings(keep_phrases=("ferry",), drop_phrases=("autumn",))
    assert labels_of(STAGE, [PARAGRAPH, "See you in the autumn"], settings) == {1: "user-keep", 2: "user-drop"}


def test_without_rules_the_stage_labels_nothing():
    assert labels_of(STAGE, [PARAGRAPH, "All rights reserved"]) == {}


def test_blank_lines_are_never_labelled_even_by_a_pattern_matching_empty_text():
    assert labels_of(STAGE, [PARAGRAPH, "", "   "], Settings(drop_patterns=("^$",))) == {}


def test_paragraphs_without_the_phrase_survive():
    doc = doc_from_lines([PARAGRAPH, "Ticket prices will be announced in the summer.", "Advertisement"])
    assert labels_of(STAGE, doc, Settings(drop_phrases=("advertisement",))) == {3: "user-drop"}
