"""The second opinion (frontends/html/second_opinion.py): paragraphs trafilatura left out that a
second extractor keeps, added back in page order inside trafilatura's body, and nothing else."""

from __future__ import annotations

import pytest

from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html import extract as html_frontend
from cleanscrape.frontends.html import second_opinion
from cleanscrape.frontends.html.second_opinion import main_content_paragraphs, traced_with_second_opinion
from cleanscrape.frontends.html.visible import trace, visible_lines
from cleanscrape.model import Line

BODY = [
    "The council approved the new bridge on Tuesday after a debate that lasted most of the night.",
    "Construction is expected to begin in the spring and to take about three years to complete.",
    "Residents of the eastern district have campaigned for a second crossing for over a decade.",
    "The mayor said the vote showed that the city could still agree on the projects that matter.",
]
MENU = ["Home", "News", "Sport"]
TEASER = "Read how a neighbouring town paid for its own crossing with a local bond issue last year."


def visible(texts: list[str]) -> tuple[Line, ...]:
    return visible_lines("\n".join(texts))


def with_second_opinion(extracted: tuple[Line, ...], page: tuple[Line, ...], paragraphs: list[str] | tuple[str, ...]) -> tuple[Line, ...]:
    return traced_with_second_opinion(extracted, page, lambda: paragraphs).lines


def texts(lines: tuple[Line, ...]) -> list[str]:
    return [line.text for line in lines if line.text]


def test_a_paragraph_missed_inside_the_body_is_added_where_the_page_has_it() -> None:
    page = visible([*MENU, *BODY, TEASER])
    extracted = split_lines("\n".join([BODY[0], BODY[1], BODY[3]]))
    lines = with_second_opinion(extracted, page, [BODY[0], BODY[2], BODY[3], TEASER])
    assert texts(lines) == BODY


def test_the_added_paragraph_is_no_longer_left_out() -> None:
    page = visible([*MENU, *BODY])
    extracted = split_lines("\n".join([BODY[0], BODY[1], BODY[3]]))
    traced = traced_with_second_opinion(extracted, page, lambda: BODY)
    assert BODY[2] not in texts(traced.left_out)
    assert texts(traced.left_out) == MENU
    assert [line.number for line in traced.lines if line.text == BODY[2]] == [6]


def test_a_paragraph_outside_the_body_trafilatura_found_is_not_added() -> None:
    page = visible([*MENU, TEASER, *BODY, TEASER.replace("neighbouring", "nearby")])
    extracted = split_lines("\n".join(BODY))
    assert texts(with_second_opinion(extracted, page, [TEASER, *BODY, TEASER.replace("neighbouring", "nearby")])) == BODY


def test_only_prose_is_added() -> None:
    page = visible([BODY[0], "Share this", "Advertisement", BODY[1]])
    extracted = split_lines("\n".join([BODY[0], BODY[1]]))
    assert texts(with_second_opinion(extracted, page, [BODY[0], "Share this", "Advertisement", BODY[1]])) == BODY[:2]


def test_nothing_is_reordered_when_trafilatura_moved_a_line() -> None:
    # trafilatura put the headline, printed after the first paragraph on the page, on top.
    headline = "Council approves the bridge"
    page = visible([BODY[0], headline, BODY[1], BODY[2]])
    extracted = split_lines("\n".join([headline, BODY[0], BODY[2]]))
    lines = with_second_opinion(extracted, page, [BODY[0], BODY[1], BODY[2]])
    assert texts(lines) == [headline, BODY[0], BODY[1], BODY[2]]


def test_no_second_opinion_leaves_the_lines_as_they_are() -> None:
    extracted = split_lines("\n".join(BODY[:2]))
    page = visible(BODY)
    assert traced_with_second_opinion(extracted, page, lambda: ()) == trace(extracted, page)


def test_resiliparse_gives_the_main_content_one_paragraph_a_line() -> None:
    pytest.importorskip("resiliparse")
    html = ("<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ul></nav>"
            "<article><h1>The bridge</h1>" + "".join(f"<p>{text}</p>" for text in BODY) + "</article></body></html>")
    paragraphs = main_content_paragraphs(html)
    assert all(text in paragraphs for text in BODY)
    assert "Home" not in paragraphs


def test_without_resiliparse_there_is_no_second_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(second_opinion, "extract_plain_text", None)
    assert main_content_paragraphs("<html><body><p>" + BODY[0] + "</p></body></html>") == ()


def test_a_paragraph_the_page_repeats_is_not_added() -> None:
    slide = "Every gram matters in a wallet this light, and we found the perfect balance for it."
    page = visible([BODY[0], slide, BODY[1], slide, BODY[2]])
    extracted = split_lines("\n".join([BODY[0], BODY[1], BODY[2]]))
    assert texts(with_second_opinion(extracted, page, [BODY[0], slide, BODY[1], slide, BODY[2]])) == BODY[:3]


def test_a_paragraph_trafilatura_kept_in_lines_of_its_own_is_not_added_again() -> None:
    # The page breaks one paragraph over lines (pre-formatted whitespace); trafilatura keeps the
    # lines, the second extractor joins them: the same text, not a missing paragraph.
    halves = ["The council approved the new bridge on Tuesday", "after a debate that lasted most of the night."]
    page = visible([*MENU, halves[0], halves[1], *BODY[1:]])
    extracted = split_lines("\n".join([*halves, *BODY[1:]]))
    assert texts(with_second_opinion(extracted, page, [BODY[0], *BODY[1:]])) == [*halves, *BODY[1:]]


def test_a_paragraph_trafilatura_kept_in_part_is_not_added() -> None:
    page = visible([BODY[0], "The council approved the new bridge", "on Tuesday after a debate.", BODY[1]])
    extracted = split_lines("\n".join([BODY[0], "on Tuesday after a debate.", BODY[1]]))
    joined = "The council approved the new bridge on Tuesday after a debate."
    assert texts(with_second_opinion(extracted, page, [BODY[0], joined, BODY[1]])) == texts(extracted)


def test_the_second_extractor_is_not_asked_when_trafilatura_left_nothing_out_inside_its_body() -> None:
    def second_opinion() -> tuple[str, ...]:
        raise AssertionError("asked")

    page = visible([*MENU, *BODY, TEASER])
    traced = traced_with_second_opinion(split_lines("\n".join(BODY)), page, second_opinion)
    assert texts(traced.lines) == BODY


# --------------------------------------------------------------------------- a fragment of the body

FIRST_POST = "My tomato seedlings grow tall and thin on the windowsill, and the leaves turn pale after a week."
REPLIES = [
    "They are reaching for light: a windowsill gives them far less than you think, so try a small grow lamp.",
    "Keep the room a little cooler at night as well, since warm nights make seedlings stretch even more.",
    "I had the same trouble last spring and a fan on low speed made the stems much sturdier within days.",
]
SPECS = ["Width: 30 cm", "Height: 45 cm", "Weight: 2.5 kg", "Colour: white", "Price: 19.99", "In stock",
         "Add to basket", "Free delivery over 50", "Reviews (12)", "Compare", "Share", "Save"]


def test_a_second_extraction_holding_the_first_post_and_the_replies_shows_a_fragment() -> None:
    assert second_opinion.body_beyond_fragment([FIRST_POST], [FIRST_POST, *REPLIES])


def test_a_second_extraction_growing_by_labels_and_prices_shows_no_fragment() -> None:
    description = "A compact shelf unit for books and boxes, easy to assemble and light enough to move."
    # Three times the words, but the growth is specifications and buttons, not body text.
    assert not second_opinion.body_beyond_fragment([description], [description, *SPECS, *SPECS])


def test_a_second_extraction_of_another_block_shows_no_fragment() -> None:
    # Long enough, prose, but without trafilatura's text: another block, not more of the same body.
    assert not second_opinion.body_beyond_fragment([FIRST_POST], [*REPLIES, *BODY])


def test_a_second_extraction_not_much_longer_shows_no_fragment() -> None:
    assert not second_opinion.body_beyond_fragment([FIRST_POST, REPLIES[0]], [FIRST_POST, *REPLIES])


def thread_page() -> str:
    posts = "".join(f'<div class="post"><p>{text}</p></div>' for text in [FIRST_POST, *REPLIES])
    return f"<html><body><nav><a href='/'>Forum</a></nav><main>{posts}</main><footer>Rules</footer></body></html>"


def test_a_fragment_trafilatura_took_is_replaced_by_the_second_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_frontend, "extract_main_text", lambda *_: (FIRST_POST, split_lines(FIRST_POST)))
    monkeypatch.setattr(html_frontend, "main_content_paragraphs", lambda _: (FIRST_POST, *REPLIES))
    doc = html_frontend.document_from_html(thread_page())
    assert [line.text for line in doc.lines if line.text] == [FIRST_POST, *REPLIES]


def test_a_whole_body_is_not_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura's text is most of what the page shows: the second extractor is not even asked.
    def no_second_opinion(_: str) -> tuple[str, ...]:
        raise AssertionError("asked")
    body = "\n".join([FIRST_POST, *REPLIES])
    monkeypatch.setattr(html_frontend, "extract_main_text", lambda *_: (body, split_lines(body)))
    monkeypatch.setattr(html_frontend, "main_content_paragraphs", no_second_opinion)
    doc = html_frontend.document_from_html(thread_page())
    assert [line.text for line in doc.lines if line.text] == [FIRST_POST, *REPLIES]


def test_the_second_extractor_is_asked_about_a_fragment_only_when_the_page_shows_much_more() -> None:
    extracted = FIRST_POST
    assert html_frontend.could_be_fragment(extracted, "\n".join([FIRST_POST, *REPLIES]))
    assert not html_frontend.could_be_fragment(extracted, "\n".join([FIRST_POST, REPLIES[0]]))


def test_a_visible_text_shorter_than_the_extraction_cannot_tell_and_the_second_extractor_is_asked() -> None:
    # A forum engine's thread in <noscript>: trafilatura reads it, the visible text leaves it out.
    assert html_frontend.could_be_fragment(FIRST_POST, "Forum\nLog in")


def test_a_paragraph_added_before_a_line_of_dashes_goes_before_it() -> None:
    # "---" opens a code block (a prompt file's front matter): its comparison key is empty, so the
    # trace gives it the number of the line before it; the paragraph the second extractor adds
    # between them on the page must not part the "---" from the block's next line.
    front_matter = ["---", "description: 'Answer briefly, in plain words, and cite the files you read.'"]
    page = visible([*MENU, BODY[0], BODY[1], *front_matter, BODY[3]])
    extracted = split_lines("\n".join([BODY[0], *front_matter, BODY[3]]))
    lines = with_second_opinion(extracted, page, [BODY[0], BODY[1], BODY[3]])
    assert texts(lines) == [BODY[0], BODY[1], *front_matter, BODY[3]]
