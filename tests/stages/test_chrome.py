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


@pytest.mark.parametrize("line", ["$24.50", "€ 1.299,00", "1,22 %", "48%", "#3", "£12 +"])
def test_a_price_a_share_or_a_rank_is_a_value_not_a_counter(line):
    # On a product list or a results table such a line is the item's price, share or rank.
    assert labels_of(STAGE, [line, P1]) == {}


@pytest.mark.parametrize(
    "line",
    ["Oops! Something went wrong. Please try again.", "There was a problem loading the reviews. Please reload the page.",
     "Sorry, no stores match that postcode. Please try again."],
)
def test_a_widget_error_message_asking_to_retry_is_chrome(line):
    assert labels_of(STAGE, [P1, line]) == {2: "chrome"}


@pytest.mark.parametrize(
    "line",
    ["The login screen now answers a wrong password with Sorry, try again, instead of a joke.",
     "Something went wrong with the harvest, and the growers will try again next year."],
)
def test_a_sentence_about_an_error_or_a_retry_survives(line):
    # The first does not open with the error; the second is a sentence of the article that happens to.
    assert labels_of(STAGE, [P1, line]) == {}
