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
