"""The repeated-text stage: a paragraph whose words were all said above is a repeat."""

from helpers import labels_of

from cleanscrape.stages import repeated_text

STAGE = repeated_text.STAGE
P1 = "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028."
P2 = "Construction is expected to start next spring, and the council said fares would not rise."


def test_a_rewrapped_copy_of_the_article_is_a_duplicate():
    copy = P1 + " " + P2  # both paragraphs run together, as a summary box prints them
    assert labels_of(STAGE, [P1, P2, copy]) == {3: "duplicate"}


def test_a_paragraph_that_extends_an_earlier_teaser_is_kept():
    teaser = "The city council voted on Tuesday to extend the tram line."
    assert labels_of(STAGE, [teaser, P1 + " " + P2]) == {}


def test_paragraphs_sharing_a_few_phrases_are_both_kept():
    other = "The council said on Tuesday that the tram line to the airport would close for repairs in May."
    assert labels_of(STAGE, [P1, other]) == {}


def test_text_repeated_inside_an_extracted_article_is_the_articles_own():
    import dataclasses

    from helpers import doc_from_lines

    step = "SELECT status_code, period, entries FROM requests WHERE entries > 10 ORDER BY period;"
    doc = dataclasses.replace(doc_from_lines([P1, step, P2, "Again: " + step]), main_content_found=True)
    assert labels_of(STAGE, doc) == {}
    assert labels_of(STAGE, dataclasses.replace(doc, main_content_found=False)) == {4: "duplicate"}
