"""The metadata stage: title, page heading, publisher, dates, section/tags and bylines."""

from helpers import doc_from_lines, facts_of, labels_of

from cleanscrape.model import Fact, FactKind, Label, PageMeta, Verdict
from cleanscrape.pipeline import apply_labels
from cleanscrape.stages import header_block, metadata

STAGE = metadata.STAGE
TITLE = "Council extends tram line north"
P1 = "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028."
P2 = "Construction is expected to start next spring, and the council said fares would not rise."
P3 = "Residents who live near the planned route will be invited to public meetings in April."
# An article glued below another follows a whole article: bodies long enough for that.
LONG_P1 = " ".join([P1, P2, P3] * 3)
LONG_P2 = " ".join([P2, P3, P1] * 3)


def titles_of(doc_or_lines) -> dict[int, str]:
    return {number: value for number, facts in facts_of(STAGE, doc_or_lines).items() for kind, value in facts if kind == "title"}


def test_title_byline_and_date_above_the_first_paragraph_are_metadata_with_their_facts():
    lines = [TITLE, "", "By Anna Berg and Tom Field", "20 March 2025", "", P1, P2]
    assert labels_of(STAGE, lines) == {1: "metadata", 3: "metadata", 4: "metadata"}
    assert facts_of(STAGE, lines) == {
        1: (("title", TITLE),),
        3: (("author", "Anna Berg"), ("author", "Tom Field")),
        4: (("published", "2025-03-20"),),
    }


def test_breadcrumbs_give_section_then_tags_without_a_fact_and_a_name_above_a_date_is_the_publisher():
    lines = [TITLE, "• Local", "• Transport", "City Gazette", "Published 20 March 2025, 09:15 | Updated 21 March 2025", P1, P2]
    assert facts_of(STAGE, lines) == {
        1: (("title", TITLE),),
        2: (("section", "Local"),),
        3: (),
        4: (("publisher", "City Gazette"),),
        5: (("published", "2025-03-20T09:15"), ("updated", "2025-03-21")),
    }


def test_a_breadcrumb_repeating_the_publisher_is_the_publisher_not_the_section():
    lines = [TITLE, "City Gazette", "20 March 2025", "• City Gazette", "• Transport", P1]
    facts = facts_of(STAGE, lines)
    assert facts[4] == (("publisher", "City Gazette"),)
    assert facts[5] == (("section", "Transport"),)


def test_an_ambiguous_numeric_date_is_kept_as_undated_text():
    assert facts_of(STAGE, [TITLE, "01-04-2025", P1])[2] == (("undated", "01-04-2025"),)


def test_another_date_on_the_page_proves_the_day_first_order():
    lines = [TITLE, "01-04-2025", P1, P2, "Photo archive, 21-03-2025"]
    assert facts_of(STAGE, lines)[2] == (("published", "2025-04-01"),)


def test_headline_shaped_lines_above_the_first_title_are_page_headings():
    lines = ["Latest transport news", TITLE, "20 March 2025", P1]
    assert facts_of(STAGE, lines) == {
        1: (("heading", "Latest transport news"),), 2: (("title", TITLE),), 3: (("published", "2025-03-20"),),
    }


def test_a_later_title_needs_a_date_or_a_second_print_to_start_an_article():
    doc = doc_from_lines([
        TITLE, TITLE, "20-03-2025", LONG_P1,
        "Storm closes the harbour bridge", "21-03-2025", LONG_P2,
        "Bus drivers vote to strike", "Bus drivers vote to strike", P3,
    ])
    doc = apply_labels(doc, [Label(1, Verdict.DROP, "duplicate"), Label(8, Verdict.DROP, "duplicate")])  # as the repeated stage leaves it
    assert titles_of(doc) == {1: TITLE, 5: "Storm closes the harbour bridge", 8: "Bus drivers vote to strike"}


def test_a_caption_printed_twice_between_paragraphs_is_no_title_where_the_first_title_was_printed_once():
    caption = "Prince William and Harry in 2014"
    doc = doc_from_lines([TITLE, "20-03-2025", LONG_P1, caption, caption, LONG_P2])
    doc = apply_labels(doc, [Label(4, Verdict.DROP, "duplicate")])
    assert titles_of(doc) == {1: TITLE}


def test_a_later_title_after_a_short_text_is_a_subheading_not_an_article():
    lines = [TITLE, "20-03-2025", P1, "Storm closes the harbour bridge", "21-03-2025", P2]
    assert titles_of(lines) == {1: TITLE}


def test_a_subheading_between_paragraphs_survives():
    assert labels_of(STAGE, [TITLE, P1, "What the plan includes", P2, P3]) == {1: "metadata"}


def test_a_question_paragraph_between_paragraphs_survives():
    assert labels_of(STAGE, [TITLE, P1, "Is this the end of the bus?", P2, P3]) == {1: "metadata"}


def test_a_line_of_dates_and_their_labels_gives_date_facts_and_a_sentence_with_a_date_gives_none():
    assert header_block.date_facts("Posted on: Thursday 20 March 2025 at 9:15 am GMT", None) == (Fact(FactKind.PUBLISHED, "2025-03-20T09:15"),)
    assert header_block.date_facts("Work starts on 20 March 2025 at the depot", None) is None


def test_a_headline_with_a_date_in_it_is_the_title_not_a_date_line_and_the_line_above_is_a_heading():
    lines = [TITLE, "Work starts on 20 March 2025 at the depot", P1]
    assert facts_of(STAGE, lines) == {1: (("heading", TITLE),), 2: (("title", "Work starts on 20 March 2025 at the depot"),)}


def test_a_short_sentence_beginning_with_by_the_way_is_not_a_byline():
    lines = [TITLE, "By the way, the old trams stay.", P1, P2]
    assert labels_of(STAGE, lines) == {1: "metadata"}


def test_an_article_that_starts_with_a_paragraph_has_no_title():
    assert labels_of(STAGE, [P1, P2, P3]) == {}


def test_a_line_recurring_all_over_the_page_is_not_title_evidence():
    question = "What inspired you to start cooking?"
    filler = [f"{P1} Answer number {n} went on for a while about the kitchen and the market." for n in range(8)]
    lines = [TITLE, LONG_P1, question, *filler[:2], question, *filler[2:4], question, *filler[4:6], question, *filler[6:]]
    assert titles_of(lines) == {1: TITLE}  # four prints: more than a template prints a title


def test_extracted_html_text_has_no_title_line_unless_structured_data_names_it():
    import dataclasses

    lines = ["The refreshing autumn sky!", LONG_P1]
    doc = dataclasses.replace(doc_from_lines(lines), main_content_found=True, page_meta=PageMeta(title="A walk in the park"))
    assert labels_of(STAGE, doc) == {}
    named = dataclasses.replace(doc, page_meta=PageMeta(title="The refreshing autumn sky"))
    assert facts_of(STAGE, named) == {1: (("title", "The refreshing autumn sky!"),)}


def test_date_lines_in_other_languages_give_their_dates():
    assert header_block.date_facts("segunda-feira, 22 de janeiro de 2018 às 0:13", None) == (Fact(FactKind.PUBLISHED, "2018-01-22T00:13"),)
    assert header_block.date_facts("Publié le mardi 3 mars 2024 à 14h05", None) == (Fact(FactKind.PUBLISHED, "2024-03-03T14:05"),)
    assert header_block.date_facts("Veröffentlicht am 3. März 2024, 10:15", None) == (Fact(FactKind.PUBLISHED, "2024-03-03T10:15"),)


def test_lines_of_the_article_header_before_the_first_paragraph_are_metadata():
    import dataclasses

    from cleanscrape.model import Evidence

    standfirst = "The vote ends ten years of debate. Here is what the new line means for the suburbs."
    lines = ["Trams head north at last", standfirst, P1, "Trams head north at last", P2]
    header = Evidence(article_header=True)
    doc = dataclasses.replace(
        doc_from_lines(lines), main_content_found=True, page_meta=PageMeta(title=TITLE),
        evidence=(header, header, Evidence(), header, Evidence()),
    )
    # The headline is worded unlike the structured title, so only the DOM shows it is the header's;
    # its prose, the standfirst, is the one fact (the structured title and the byline say the rest).
    assert facts_of(STAGE, doc) == {1: (), 2: (("standfirst", standfirst),)}
    without = dataclasses.replace(doc, evidence=())
    assert labels_of(STAGE, without) == {}


def test_an_article_header_region_holding_the_whole_body_is_the_body_not_metadata():
    import dataclasses

    from cleanscrape.model import Evidence

    lines = ["Trams head north at last", P1, P2, P3]
    header = Evidence(article_header=True)
    doc = dataclasses.replace(
        doc_from_lines(lines), main_content_found=True, page_meta=PageMeta(title=TITLE), evidence=(header,) * 4,
    )
    assert labels_of(STAGE, doc) == {}
    standfirst_only = dataclasses.replace(doc, evidence=(header, header, Evidence(), Evidence()))
    assert labels_of(STAGE, standfirst_only) == {1: "metadata", 2: "metadata"}


def test_a_subheading_recurring_after_a_paragraph_is_not_a_title_printed_twice():
    box = "Did you know?"
    lines = [TITLE, "20-03-2025", LONG_P1, box, P2, P3, box, LONG_P2]
    assert titles_of(lines) == {1: TITLE}
