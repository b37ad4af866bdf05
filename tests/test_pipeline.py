"""Stage order and how verdicts combine: the first verdict on a line wins."""

import pytest
from helpers import doc_from_lines, pipeline_labels

from cleanscrape.model import Label, Verdict
from cleanscrape.pipeline import apply_labels, label_document
from cleanscrape.settings import Settings
from cleanscrape.stages import Stage

TITLE = "Museum reopens east wing after fire"
CAPTION = "Visitors in the restored east wing on Friday. REUTERS/Ana Lima"
P1 = "The museum reopened its east wing on Friday after a fire closed it for most of last year."
P2 = "Curators said about forty paintings had been restored and would be shown again from May."
PROMO = "Follow us on WhatsApp for the latest museum news"


def test_a_caption_printed_twice_is_logged_once_as_caption_and_then_as_duplicate():
    assert pipeline_labels([TITLE, CAPTION, CAPTION, P1, P2]) == {1: "metadata", 2: "caption", 3: "duplicate"}


def test_a_title_printed_twice_is_the_title_once_and_a_duplicate_once():
    assert pipeline_labels([TITLE, "", TITLE, "", P1, P2]) == {1: "metadata", 3: "duplicate"}


def test_a_user_keep_protects_a_promo_line_from_the_promo_stage():
    assert pipeline_labels([P1, PROMO, P2]) == {2: "promo"}
    assert pipeline_labels([P1, PROMO, P2], Settings(keep_phrases=("museum news",))) == {2: "user-keep"}


def test_a_user_keep_protects_a_line_from_having_its_trailing_credit_trimmed():
    line = "The museum said the collection would travel to three other cities next year. Reuters"
    doc = label_document(doc_from_lines([P1, line]), Settings(keep_patterns=("collection",)))
    assert doc.trims[1] == ()
    assert doc.labels[1].reason == "user-keep"


def test_a_user_drop_is_the_reason_logged_for_a_line_another_stage_would_also_drop():
    assert pipeline_labels([P1, PROMO, P2], Settings(drop_phrases=("whatsapp",))) == {2: "user-drop"}


def test_disabled_stages_switches_that_stage_off_and_leaves_the_others_on():
    lines = [P1, PROMO, "Share", P2]
    assert pipeline_labels(lines, Settings(disabled_stages=frozenset({"promo"}))) == {3: "chrome"}


def test_disabling_repeated_leaves_both_prints_of_a_caption_to_the_caption_stage():
    labels = pipeline_labels([TITLE, CAPTION, CAPTION, P1, P2], Settings(disabled_stages=frozenset({"repeated"})))
    assert labels == {1: "metadata", 2: "caption", 3: "caption"}


def test_an_unknown_stage_name_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="no-such-stage"):
        label_document(doc_from_lines([P1]), Settings(disabled_stages=frozenset({"no-such-stage"})))


def test_a_stage_with_an_undocumented_reason_cannot_be_built():
    with pytest.raises(ValueError, match="undocumented"):
        Stage("bogus", lambda doc, settings: (), ("made-up-reason",))


def test_apply_labels_keeps_the_first_verdict_on_a_line():
    doc = doc_from_lines([P1, PROMO])
    doc = apply_labels(doc, [Label(1, Verdict.DROP, "promo"), Label(1, Verdict.DROP, "chrome")])
    doc = apply_labels(doc, [Label(1, Verdict.KEEP, "user-keep")])
    assert doc.labels[1].reason == "promo"


def test_apply_labels_adds_a_trim_to_a_kept_line_and_ignores_one_on_a_dropped_line():
    doc = doc_from_lines([P1, P2])
    doc = apply_labels(doc, [Label(1, Verdict.DROP, "chrome")])
    doc = apply_labels(doc, [Label(0, Verdict.DROP, "credit", span=(0, 4)), Label(1, Verdict.DROP, "credit", span=(0, 4))])
    assert [len(trims) for trims in doc.trims] == [1, 0]
    assert doc.kept_text(0) == P1[4:]


def test_the_pipeline_never_changes_the_lines_themselves():
    doc = doc_from_lines([TITLE, CAPTION, CAPTION, P1, PROMO, P2])
    assert label_document(doc, Settings()).lines == doc.lines


def test_stages_share_helpers_through_base_and_header_block_never_through_each_other():
    import ast
    import pathlib

    import cleanscrape.stages

    shared = {"cleanscrape.stages", "cleanscrape.stages.base", "cleanscrape.stages.header_block"}
    folder = pathlib.Path(cleanscrape.stages.__file__).parent
    imports = {
        (path.stem, node.module)
        for path in folder.glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cleanscrape.stages")
    }
    assert imports and {(stem, module) for stem, module in imports if module not in shared} == set()


COPYRIGHT_PARAGRAPH = (
    "The judge ruled that the photographs were protected by copyright, and that the agency had broken the terms of use "
    "it had agreed with the photographer when it sold them on to newspapers abroad."
)


def test_a_paragraph_dropped_for_its_keywords_between_two_kept_paragraphs_is_kept_by_the_revise_pass():
    doc = label_document(doc_from_lines([P1, COPYRIGHT_PARAGRAPH, P2]), Settings())
    label = doc.labels[1]
    assert (label.verdict, label.reason, label.proposal.reason) == (Verdict.KEEP, "revised", "legal")


def test_a_short_notice_or_promo_between_paragraphs_stays_dropped():
    notice = "Copyright 2025 The Daily Courier. All rights reserved. Terms of use apply to this article."
    promo = "Sign up for our newsletter to get the day's top stories in your inbox."
    closing = "The wing is open from ten to six every day except Monday, and entry is free for children."
    assert pipeline_labels([P1, notice, P2, promo, closing]) == {2: "legal", 4: "promo"}


def test_a_keyword_dropped_paragraph_at_the_end_of_the_text_stays_dropped():
    assert pipeline_labels([P1, P2, COPYRIGHT_PARAGRAPH]) == {3: "legal"}


def test_a_keyword_dropped_paragraph_closing_a_section_before_the_next_heading_is_kept_by_the_revise_pass():
    heading = "Where the photographs went next"
    doc = label_document(doc_from_lines([P1, COPYRIGHT_PARAGRAPH, heading, P2]), Settings())
    label = doc.labels[1]
    assert (label.verdict, label.reason, label.proposal.reason) == (Verdict.KEEP, "revised", "legal")


def test_a_keyword_dropped_paragraph_after_the_last_paragraph_and_before_dropped_furniture_stays_dropped():
    assert pipeline_labels([P1, P2, COPYRIGHT_PARAGRAPH, "Share"])[3] == "legal"


def test_a_keyword_dropped_item_between_two_kept_items_of_a_list_is_kept_by_the_revise_pass():
    tips = ["- Use a different password for every account", "- Turn on automatic updates for your phone",
            "- Back up your photos once a week"]
    doc = label_document(doc_from_lines([P1, *tips, P2]), Settings())
    label = doc.labels[2]
    assert (label.verdict, label.reason, label.proposal.reason) == (Verdict.KEEP, "revised", "promo")


def test_a_promo_item_closing_a_list_or_among_dropped_items_stays_dropped():
    follow = ["- Follow us on Instagram for daily photos", "- Subscribe to our newsletter for the week's news",
              "- Download our app for alerts"]
    assert pipeline_labels([P1, P2, *follow, P1.replace("Friday", "Monday")]) == {3: "promo", 4: "promo", 5: "promo"}
