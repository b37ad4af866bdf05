"""The chrome stage: menus, widget labels, lone counters and symbols."""

import pytest
from helpers import labels_of

from cleanscrape.stages import chrome

STAGE = chrome.STAGE
P1 = "Farmers in the valley began the grape harvest two weeks early because of the dry summer."


@pytest.mark.parametrize("line", ["Share", "Skip to content", "SHARE THIS ARTICLE", "Back to top ↑", "Advertisement", "logo", "Print:"])
def test_a_line_that_is_only_an_interface_label_is_chrome(line):
    assert labels_of(STAGE, [P1, line]) == {2: "chrome"}


@pytest.mark.parametrize("line", ["#", "20", "1/5", "| |", "•••"])
def test_lone_symbols_and_counters_are_chrome(line):
    assert labels_of(STAGE, [line, P1]) == {1: "chrome"}


@pytest.mark.parametrize("line", ["TT", "A+", "A-"])
def test_two_letter_widget_labels_are_chrome(line):
    assert labels_of(STAGE, [line, P1]) == {1: "chrome"}


@pytest.mark.parametrize(
    "line",
    [
        "Share prices of the largest wine producer fell on Monday.",  # starts with a UI word
        "Yes.",  # a one-word paragraph
        "Home, she said, is where the vineyard is.",
        "Why?",
        "1,200,000 bottles",  # a number with a unit is content
    ],
)
def test_short_content_that_merely_contains_a_ui_word_survives(line):
    assert labels_of(STAGE, [P1, line]) == {}


def test_a_list_item_inside_an_article_survives():
    lines = [P1, "• harvest begins", "• grapes are pressed", P1]
    assert labels_of(STAGE, lines) == {}


def test_a_two_letter_sentence_is_not_a_widget():
    assert labels_of(STAGE, ["No.", "OK!", "TT"]) == {3: "chrome"}
