"""The main content a page declares (frontends/html/declared.py), and the second extraction put in
place of trafilatura's when trafilatura's text lies outside it and the second's inside it."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html import extract as html_frontend
from cleanscrape.frontends.html.declared import body_elsewhere, body_inside, declared_main_words

PROMO = [
    "Join our loyalty club today and collect points on every order you place in our shops or online.",
    "Members get early access to seasonal sales, birthday vouchers and free delivery on every parcel.",
]
BODY = [
    "The library will stay open until nine in the evening from next month, the council said on Monday.",
    "Longer hours were the most common request in last year's survey of readers and local students.",
    "Extra staff will be hired for the evening shifts, paid for by savings on the building's heating.",
]


def page(body_tag: str = "main") -> str:
    promo = "".join(f"<p>{text}</p>" for text in PROMO)
    body = "".join(f"<p>{text}</p>" for text in BODY)
    return (f"<html><body><div class='banner'>{promo}</div><{body_tag}><h1>Library hours</h1>{body}"
            f"<script>var tracking = 'not a word of the body';</script></{body_tag}></body></html>")


def test_the_main_element_is_the_declared_main_content() -> None:
    region = declared_main_words(LexborHTMLParser(page()))
    assert region is not None and region["library"] == 2 and "tracking" not in region


def test_a_single_article_is_declared_main_content_but_one_of_several_is_not() -> None:
    assert declared_main_words(LexborHTMLParser(page("article"))) is not None
    two = page("article").replace("<div class='banner'>", "<article><p>Another story</p></article><div>")
    assert declared_main_words(LexborHTMLParser(two)) is None
    assert declared_main_words(LexborHTMLParser(page("section"))) is None


def test_text_outside_the_main_element_is_elsewhere_and_text_inside_is_not() -> None:
    region = declared_main_words(LexborHTMLParser(page()))
    assert region is not None
    assert body_elsewhere(PROMO, region) and not body_inside(PROMO, region)
    assert body_inside(BODY, region) and not body_elsewhere(BODY, region)


def test_trafilatura_text_outside_the_declared_main_gives_way_to_the_second_extraction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    promo = "\n".join(PROMO)
    monkeypatch.setattr(html_frontend, "extract_main_text", lambda *_: (promo, split_lines(promo)))
    monkeypatch.setattr(html_frontend, "main_content_paragraphs", lambda _: tuple(BODY))
    doc = html_frontend.document_from_html(page())
    assert [line.text for line in doc.lines if line.text] == BODY


def test_trafilatura_text_inside_the_declared_main_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n".join(BODY)
    monkeypatch.setattr(html_frontend, "extract_main_text", lambda *_: (body, split_lines(body)))
    monkeypatch.setattr(html_frontend, "main_content_paragraphs", lambda _: tuple(BODY[:1]))
    doc = html_frontend.document_from_html(page())
    assert [line.text for line in doc.lines if line.text] == BODY


def test_a_second_extraction_of_a_few_words_does_not_replace_trafilatura_text(monkeypatch: pytest.MonkeyPatch) -> None:
    promo = "\n".join(PROMO)
    monkeypatch.setattr(html_frontend, "extract_main_text", lambda *_: (promo, split_lines(promo)))
    monkeypatch.setattr(html_frontend, "main_content_paragraphs", lambda _: ("Library hours",))
    doc = html_frontend.document_from_html(page())
    assert [line.text for line in doc.lines if line.text] == PROMO
