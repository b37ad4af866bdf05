"""The caption stage: photo captions and photo credits (the caption text becomes a fact)."""

import pytest
from helpers import facts_of, labels_of

from cleanscrape.decode.normalize import split_lines
from cleanscrape.model import Document, Evidence
from cleanscrape.stages import caption

STAGE = caption.STAGE
P1 = "The museum reopened its east wing on Friday after a fire closed it for most of last year."
P2 = "Curators said about forty paintings had been restored and would be shown again from May."


@pytest.mark.parametrize(
    "line",
    [
        "Visitors walk through the restored east wing, May 2, 2025. REUTERS/Ana Lima/File Photo",
        "Visitors in the east wing on Friday. (AP Photo/Sam Reed)",
        "The restored ceiling of the main hall. Photo: Ana Lima/dpa",
        "Visitors look at a restored painting. Getty Images",
        "Visitors queue at the entrance of the museum. GETTY IMAGES",
        "FILE PHOTO: The museum's facade in Lisbon",
        "The museum director at the reopening. Picture by Ana Lima",
    ],
)
def test_a_line_ending_in_a_photo_credit_is_a_caption_with_its_text_as_fact(line):
    lines = [P1, line, P2]
    assert labels_of(STAGE, lines) == {2: "caption"}
    assert facts_of(STAGE, lines)[2] == (("caption", line),)


def test_a_bracketed_credit_on_a_line_printed_twice_is_a_caption():
    line = "The restored ceiling of the main hall (Lisbon Times)"
    assert labels_of(STAGE, [line, P1, line, P2]) == {1: "caption", 3: "caption"}


def test_a_bracketed_credit_on_a_line_printed_once_is_not_a_caption():
    assert labels_of(STAGE, [P1, "The director left the board (AFP)", P2]) == {}


def test_a_line_the_front_end_marked_as_a_caption_is_a_caption():
    lines = split_lines("\n".join([P1, "Restorers at work in March", P2]))
    doc = Document(lines=lines, evidence=(Evidence(), Evidence(caption=True), Evidence()))
    assert labels_of(STAGE, doc) == {2: "caption"}


@pytest.mark.parametrize(
    "line",
    [
        "The photo was taken in 1972, the museum said, and had never been shown before.",
        "Is this the museum's most important painting?",
        "Photographers were not allowed inside during the restoration.",
        "The museum received the collection from the Gulbenkian Foundation.",
    ],
)
def test_sentences_about_photos_and_pictures_survive(line):
    assert labels_of(STAGE, [P1, line, P2]) == {}


def test_a_sentence_ending_in_a_slashed_name_survives():
    assert labels_of(STAGE, [P1, "Thousands queued overnight for tickets to see AC/DC.", P2]) == {}


def test_a_sentence_ending_in_a_stock_agency_name_survives():
    assert labels_of(STAGE, [P1, "The museum said it had sold the rights to its archive to Getty Images.", P2]) == {}


@pytest.mark.parametrize(
    "line", ["Optical Image Stabilizer", "- Annual Credit Score Review", "Vintage Photo Booth Rental", "Picture Frames"]
)
def test_a_feature_or_product_name_holding_a_photo_word_survives(line):
    # The word runs straight into capitalised words, without a colon, slash or "by": a name, not a credit.
    assert labels_of(STAGE, [P1, line, P2]) == {}


@pytest.mark.parametrize("line", ["Photo courtesy of Ana Lima", "Image credit: Sam Reed", "Photos/Ana Lima"])
def test_a_photo_word_joined_to_a_name_by_a_mark_or_a_word_is_a_credit(line):
    assert labels_of(STAGE, [P1, line, P2]) == {2: "caption"}


def test_a_caption_region_holding_most_of_the_extracted_prose_is_the_body_not_a_caption():
    description = [
        "The restoration took four years and involved a team of eleven specialists from three countries.",
        "Work began with the removal of a yellowed varnish that had been applied in the nineteenth century.",
    ]
    small_caption = "Restorers at work on the altarpiece in the museum's workshop last spring."
    body_in_caption = split_lines("\n".join([*description, P1]))
    extracted = Document(
        lines=body_in_caption, evidence=(Evidence(caption=True), Evidence(caption=True), Evidence()),
        main_content_found=True)
    assert labels_of(STAGE, extracted) == {}
    caption_beside_body = split_lines("\n".join([P1, small_caption, P2]))
    extracted = Document(
        lines=caption_beside_body, evidence=(Evidence(), Evidence(caption=True), Evidence()), main_content_found=True)
    assert labels_of(STAGE, extracted) == {2: "caption"}
