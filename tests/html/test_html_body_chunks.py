"""Body chunks (extract.with_article_chunks) on markup that broke it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html.extract import with_article_chunks

PARAGRAPHS = [
    "The council approved the new bridge on Tuesday after a debate that lasted most of the night.",
    "Construction is expected to begin in the spring and to take about three years to complete.",
    "Residents of the eastern district have campaigned for a second crossing for over a decade.",
]


def test_a_class_attribute_with_a_newline_is_matched_without_a_css_selector() -> None:
    chunk = "<div class='article-body clearfix\n  no-title'>{}</div>"
    page = ("<html><body><article>" + chunk.format(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>")
            + "<div class='ad'>Advertisement</div>" + chunk.format(f"<p>{PARAGRAPHS[2]}</p>")
            + "</article></body></html>")
    extracted = split_lines("\n\n".join(PARAGRAPHS[:2]))
    lines = with_article_chunks(LexborHTMLParser(page), extracted)
    assert [line.text for line in lines if line.text] == PARAGRAPHS
    assert "Advertisement" not in [line.text for line in lines]


def test_a_chunk_paragraph_the_extracted_text_already_holds_is_not_added_again() -> None:
    # A page builder's columns of one class: the intro, then a feature list whose <p>s each hold a
    # bold heading, a <br> and a sentence, which trafilatura prints as two lines. Nothing is
    # missing, so nothing is added (each feature was printed three times).
    features = ("<p><strong>Shorter downtimes</strong><br> A live connection finds the fault quickly, so the"
                " machine does not stand still for long.</p><p><strong>Lower costs</strong><br> Experts guide"
                " the work on screen instead of travelling to the site, which saves their travel costs.</p>")
    column = "<div class='wpb_wrapper'>{}</div>"
    page = ("<html><body><article>" + column.format(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>")
            + column.format(features) + "</article></body></html>")
    extracted = split_lines("\n".join([
        PARAGRAPHS[0], PARAGRAPHS[1], "Shorter downtimes",
        "A live connection finds the fault quickly, so the machine does not stand still for long.",
        "Lower costs",
        "Experts guide the work on screen instead of travelling to the site, which saves their travel costs.",
    ]))
    assert with_article_chunks(LexborHTMLParser(page), extracted) == extracted
