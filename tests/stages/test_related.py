"""The related stage: lists of other articles' headlines and their headers."""

from helpers import labels_of

from cleanscrape.stages import related

STAGE = related.STAGE
P1 = "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028."
P2 = "Construction is expected to start next spring, and the council said fares would not rise."
P3 = "Residents who live near the planned route will be invited to public meetings in April."


def test_a_list_header_and_its_headlines_after_the_article_are_related_headlines():
    lines = [P1, P2, "Most Viewed", "Bridge closed after storm damage", "Mayor defends budget plan"]
    assert labels_of(STAGE, lines) == {3: "related-headlines", 4: "related-headlines", 5: "related-headlines"}


def test_a_header_naming_a_section_introduces_a_list():
    lines = [P1, P2, "More from City", "Bridge closed after storm damage", "Mayor defends budget plan"]
    assert labels_of(STAGE, lines) == {3: "related-headlines", 4: "related-headlines", 5: "related-headlines"}


def test_a_list_with_a_header_between_paragraphs_stops_before_the_headline_of_the_next_paragraph():
    lines = [P1, "Read also", "Bridge closed after storm damage", "Tram works begin in the north", P2, P3]
    assert labels_of(STAGE, lines) == {2: "related-headlines", 3: "related-headlines"}


def test_two_headline_shaped_lines_after_the_last_paragraph_are_related_headlines():
    lines = [P1, P2, "Bridge closed after storm damage", "Mayor defends budget plan"]
    assert labels_of(STAGE, lines) == {3: "related-headlines", 4: "related-headlines"}


def test_one_teaser_cut_off_with_an_ellipsis_after_the_article_is_a_related_headline():
    lines = [P1, P2, "A gas leak has caused an explosion inside a…"]
    assert labels_of(STAGE, lines) == {3: "related-headlines"}


def test_two_truncated_teasers_in_a_row_inside_the_page_are_related_headlines():
    lines = [P1, "Council approves tram extension to the…", "Storm closes bridge for a...", P2, P3]
    assert labels_of(STAGE, lines) == {2: "related-headlines", 3: "related-headlines"}


def test_a_subheading_between_paragraphs_survives():
    assert labels_of(STAGE, [P1, "What the plan includes", P2, P3]) == {}


def test_a_list_between_paragraphs_survives():
    lines = [P1, "The plan includes:", "• two new depots in the north", "• ten new stops along the route", "• a bridge over the river", P2]
    assert labels_of(STAGE, lines) == {}


def test_a_single_closing_question_after_the_last_paragraph_survives():
    assert labels_of(STAGE, [P1, P2, "Will the trams finally run on time?"]) == {}


def test_a_header_word_inside_a_sentence_is_not_a_list_header():
    lines = [P1, "The most viewed video on the council's channel shows the old tram depot.", P2]
    assert labels_of(STAGE, lines) == {}


def test_a_list_closing_an_extracted_article_is_kept():
    """An extractor that isolated the article already cut the page's tail: the list is the article's."""
    import dataclasses

    from helpers import doc_from_lines

    lines = ["The band announced the dates of its summer tour on Monday, with six shows in July.",
             "July 2 – Uncasville, CT @ Mohegan Sun Arena", "July 5 – Camden, NJ @ BB&T Pavilion"]
    doc = dataclasses.replace(doc_from_lines(lines), main_content_found=True)
    assert labels_of(STAGE, doc) == {}
    assert labels_of(STAGE, lines) == {2: "related-headlines", 3: "related-headlines"}


def test_linked_items_an_extractor_kept_are_its_content_not_related_stories():
    """Link-block evidence alone is no reason: listings and reading lists are made of linked items."""
    import dataclasses

    from helpers import doc_from_lines

    from cleanscrape.model import Evidence

    lines = ["These are the books we kept coming back to while writing this guide to drawing people.",
             "- An Atlas of Anatomy for Artists A very useful collection of anatomy studies",
             "- Figure Drawing for All It's Worth The classic course in drawing the body",
             "- Drawing the Head and Hands Loomis on the head, step by step"]
    teaser = Evidence(link=True, link_lead=True)
    doc = dataclasses.replace(doc_from_lines(lines), main_content_found=True, evidence=(Evidence(), teaser, teaser, teaser))
    assert labels_of(STAGE, doc) == {}
    headed = dataclasses.replace(doc_from_lines(["Related stories", *lines[1:]]), main_content_found=True)
    assert labels_of(STAGE, headed) == {1: "related-headlines", 2: "related-headlines", 3: "related-headlines", 4: "related-headlines"}


def test_list_headers_in_the_languages_of_the_stop_word_lists_introduce_lists():
    # A German header and its items between paragraphs go; a sentence opening with the header's
    # words is the article's own.
    anleser = "Lesen Sie auch, was die Anwohner zu den Plänen für die neue Straßenbahn sagen."
    lines = [P1, "Mehr zum Thema", "Brücke nach Sturm gesperrt", "Bürgermeister verteidigt Haushalt", P2, anleser, P3]
    assert labels_of(STAGE, lines) == {2: "related-headlines", 3: "related-headlines"}
    assert related.is_list_header("À lire aussi :") and related.is_list_header("Zobacz także")
    assert not related.is_list_header("Lesen Sie auch die Kommentare")


def test_a_list_header_with_its_one_item_on_the_line_is_a_related_headline():
    read_more = "Read more: Storm closes bridge for a week"
    sentence = "See also: the council said on Monday that the bridge would reopen once the repairs were done."
    lines = [P1, read_more, P2, "Tags: tram, budget, council", sentence, P3]
    assert labels_of(STAGE, lines) == {2: "related-headlines", 4: "related-headlines"}
    assert not related.is_labelled_link("Update: the bridge has reopened")  # "update" heads no list


def test_a_teaser_paired_with_a_quoted_excerpt_cut_off_with_an_ellipsis_survives():
    excerpt = ("The council's own study, published in March, found that \"most of the new riders would come from"
               " the bus lines that already serve the northern suburbs, and that the extension would pay for itself"
               " only if...\"")
    lines = [P1, "Would riders leave the bus for the tram...", excerpt, P2]
    assert labels_of(STAGE, lines) == {}


def test_lines_of_a_code_block_ending_in_an_ellipsis_are_no_teasers():
    import dataclasses

    from helpers import doc_from_lines

    from cleanscrape.model import Block, Evidence

    lines = [P1, "Fetching index from mirror 2...", "Resolving dependencies for build...", P2]
    code = Evidence(block=Block.CODE)
    doc = dataclasses.replace(doc_from_lines(lines), evidence=(Evidence(), code, code, Evidence()))
    assert labels_of(STAGE, doc) == {}
    assert labels_of(STAGE, lines) == {2: "related-headlines", 3: "related-headlines"}
