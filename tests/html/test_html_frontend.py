"""The HTML front end: when trafilatura's fallback extractors run, and what reaches the stages."""

import trafilatura

from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html import extract as html_frontend
from cleanscrape.frontends.html.extract import document_from_html, extract_main_text

PARAGRAPHS = [
    "The council voted on Tuesday to approve the new bridge across the river after a long debate.",
    "Work starts in May, the council said, and the bridge should open to traffic two years later.",
    "Residents of both banks had asked for a crossing since the old ferry stopped running in 2019.",
    "The budget, published online, puts the cost at twelve million pounds, most of it from the state.",
]
ARTICLE_PAGE = (
    "<html><head><title>Council approves the bridge</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<article><h1>Council approves the bridge</h1>"
    + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    + "</article><footer><p>Contact us</p></footer></body></html>"
)
def recording_extract(monkeypatch):
    calls = []
    real = trafilatura.extract

    def extract(html, **options):
        calls.append(options.get("fast", False))
        return real(html, **options)

    monkeypatch.setattr(html_frontend.trafilatura, "extract", extract)
    return calls


def test_an_article_is_extracted_once_with_the_fallback_extractors(monkeypatch):
    calls = recording_extract(monkeypatch)
    text, lines = extract_main_text(ARTICLE_PAGE)
    assert calls == [False]  # fast=True lost text: see TRAFILATURA_OPTIONS' provenance
    assert all(paragraph in text for paragraph in PARAGRAPHS)
    assert [line.text for line in lines if line.text] == [line.text for line in split_lines(text) if line.text]


def test_document_evidence_is_given_for_each_extracted_line():
    doc = document_from_html(ARTICLE_PAGE)
    assert doc.main_content_found
    assert len(doc.evidence) == len(doc.lines)
    assert any(line.text == PARAGRAPHS[0] for line in doc.lines)
    assert not any(evidence.boilerplate or evidence.link for evidence in doc.evidence)


# --------------------------------------------------------------------------- articleBody check

import json  # noqa: E402

from cleanscrape import clean  # noqa: E402
from cleanscrape.frontends.html.extract import body_sentences, missing_body_sentences  # noqa: E402

LOST = [
    "A second crossing further downstream was rejected because of the cost of the approach roads.",
    "The mayor said the decision would be reviewed once the first bridge had been open for a year.",
]


def page_with_body(body: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council approves the bridge",
            "articleBody": body}
    return ARTICLE_PAGE.replace("</head>", f'<script type="application/ld+json">{json.dumps(data)}</script></head>')


def test_body_sentences_reads_text_html_and_html_escaped_twice():
    plain = " ".join(PARAGRAPHS[:2])
    assert body_sentences(plain) == PARAGRAPHS[:2]
    markup = "".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2])
    assert body_sentences(markup) == PARAGRAPHS[:2]
    escaped_twice = markup.replace("<", "&amp;lt;").replace(">", "&amp;gt;")
    assert body_sentences(escaped_twice) == PARAGRAPHS[:2]


def test_missing_body_sentences_compares_letters_not_punctuation_or_spacing():
    lines = [PARAGRAPHS[0].replace(",", " ,"), PARAGRAPHS[1]]
    missing, checked = missing_body_sentences(" ".join(PARAGRAPHS[:2] + LOST[:1]), lines)
    assert (missing, checked) == (LOST[:1], 3)


def test_clean_warns_when_the_extracted_text_misses_paragraphs_of_the_articlebody():
    page = clean(page_with_body(" ".join(PARAGRAPHS + LOST)), content_type="html")
    assert any("misses 2 of 6 sentences" in warning and "articleBody" in warning for warning in page.warnings)


def test_no_warning_for_a_complete_body_or_a_teaser_cut_mid_sentence():
    for body in (" ".join(PARAGRAPHS), PARAGRAPHS[0] + " " + PARAGRAPHS[1][:40] + "…"):
        page = clean(page_with_body(body), content_type="html")
        assert not any("articleBody" in warning for warning in page.warnings)


def test_a_standfirst_in_the_article_header_is_not_article_text():
    standfirst = "Ten years of debate end with a vote. Here is what the bridge means for both banks of the river."
    page_html = ARTICLE_PAGE.replace(
        "<h1>Council approves the bridge</h1>",
        f"<header><h1>Council approves the bridge</h1><h2 class='sub-head'>{standfirst}</h2></header>",
    )
    assert standfirst in extract_main_text(page_html)[0]  # trafilatura keeps it
    page = clean(page_html, content_type="html")
    assert standfirst not in page.text
    assert PARAGRAPHS[0] in page.text
    assert any(removal.text == standfirst and removal.reason == "metadata" for removal in page.removed)


def test_a_deck_under_the_headline_is_the_standfirst_not_a_line_lost_as_metadata():
    # A question under the headline sums the article up: not prose by shape (one short sentence),
    # yet neither the headline (its words are not the title's) nor a byline. Issue #22, item 5.
    deck = "What does it cost and when will the first cars drive across it?"
    page_html = ARTICLE_PAGE.replace(
        "<h1>Council approves the bridge</h1>",
        f"<header><h1>Council approves the bridge</h1><p class='deck'>{deck}</p>"
        "<p class='byline'>By Jane Walker</p></header>",
    )
    page = clean(page_html, content_type="html")
    assert page.articles[0].standfirst == deck
    assert deck not in page.text and PARAGRAPHS[0] in page.text
    assert "Jane Walker" not in (page.articles[0].standfirst or "")  # the byline is no summary


def test_a_headline_shaped_as_a_sentence_is_not_taken_for_a_deck():
    headline = "Council approves the bridge after ten years of debate on the river crossing."
    page_html = ARTICLE_PAGE.replace("<title>Council approves the bridge</title>", f"<title>{headline}</title>").replace(
        "<h1>Council approves the bridge</h1>", f"<header><h1>{headline}</h1></header>")
    page = clean(page_html, content_type="html")
    assert page.articles[0].standfirst is None and page.title == headline


# --------------------------------------------------------------------------- body chunks

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from cleanscrape.frontends.html.extract import with_article_chunks  # noqa: E402


def chunked_page(first, second, wrapper="article"):
    chunk = "<div class='body chunk'>{}</div>"
    return (f"<html><body><{wrapper}><h1>Council approves the bridge</h1>"
            + chunk.format("".join(f"<p>{text}</p>" for text in first))
            + "<div class='ad'>Advertisement</div>"
            + chunk.format("".join(f"<p>{text}</p>" for text in second))
            + f"</{wrapper}></body></html>")


def texts(lines):
    return [line.text for line in lines if line.text]


def test_paragraphs_of_the_other_chunks_of_an_article_body_are_added_in_page_order():
    extracted = split_lines("Council approves the bridge\n\n" + "\n\n".join(PARAGRAPHS[:2]) + "\n\nShare this story")
    tree = LexborHTMLParser(chunked_page(PARAGRAPHS[:2], PARAGRAPHS[2:] + ["Listen: http://example.com/podcast"]))
    assert texts(with_article_chunks(tree, extracted)) == [
        "Council approves the bridge", *PARAGRAPHS, "Share this story",  # not the podcast link: not prose
    ]


def test_a_chunk_before_the_extracted_one_goes_before_it():
    extracted = split_lines("\n\n".join(PARAGRAPHS[2:]))
    tree = LexborHTMLParser(chunked_page(PARAGRAPHS[:2], PARAGRAPHS[2:]))
    assert texts(with_article_chunks(tree, extracted)) == PARAGRAPHS


def test_nothing_is_added_outside_one_article_element():
    extracted = split_lines("\n\n".join(PARAGRAPHS[:2]))
    no_article = LexborHTMLParser(chunked_page(PARAGRAPHS[:2], PARAGRAPHS[2:], wrapper="div"))
    assert with_article_chunks(no_article, extracted) is extracted
    # A listing: each story is its own <article>, with the same classes inside.
    listing = LexborHTMLParser(
        "<html><body>" + "".join(f"<article><div class='body chunk'><p>{text}</p></div></article>" for text in PARAGRAPHS)
        + "</body></html>")
    one = split_lines(PARAGRAPHS[0])
    assert with_article_chunks(listing, one) is one


def test_a_class_attribute_that_is_no_valid_css_string_still_finds_the_other_chunks():
    # A newline (or a quote, a backslash) inside a class attribute: pasted into a CSS selector it
    # made lexbor raise "Can't parse CSS selector" out of clean() (issue #16).
    chunk = "<div class='body\n text'>{}</div>"
    page_html = ("<html><body><article><h1>Council approves the bridge</h1>"
                 + chunk.format("".join(f"<p>{text}</p>" for text in PARAGRAPHS[:2]))
                 + "<div class='ad'>Advertisement</div>"
                 + chunk.format("".join(f"<p>{text}</p>" for text in PARAGRAPHS[2:]))
                 + "</article></body></html>")
    extracted = split_lines("\n\n".join(PARAGRAPHS[:2]))
    assert texts(with_article_chunks(LexborHTMLParser(page_html), extracted)) == PARAGRAPHS


def test_the_issue_16_page_cleans_without_raising():
    prose = [f"{text} {text}" for text in PARAGRAPHS + PARAGRAPHS[:2]]
    page_html = '<article><h1>T</h1><div class="body\n text">' + "".join(f"<p>{text}</p>" for text in prose)
    page = clean(page_html, content_type="html")
    assert PARAGRAPHS[0] in page.text
