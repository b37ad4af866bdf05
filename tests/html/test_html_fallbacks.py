"""trafilatura's fallback extractors run only where its first result is in doubt (fallbacks.py):
a page with no room for a text twice as long keeps trafilatura's own result without asking
readability; a page that shows much more than trafilatura took, or whose result trafilatura itself
finds short, still asks; trafilatura called outside the front end is left as it runs."""

from __future__ import annotations

import pytest
import trafilatura
import trafilatura.external
from lxml import html as lxml_html

from cleanscrape import clean
from cleanscrape.frontends.html import fallbacks
from cleanscrape.frontends.html.fallbacks import first_result_doubtful

BODY = [
    "The council approved the new bridge on Tuesday after a debate that lasted most of the night, "
    "with members of every party speaking for and against the plan in turn.",
    "Construction is expected to begin in the spring and to take about three years to complete, "
    "according to the engineers who presented the final design to the committee last month.",
    "Residents of the eastern district have campaigned for a second crossing for over a decade, "
    "and several of them watched the vote from the public gallery until the small hours.",
    "The mayor said the vote showed that the city could still agree on the projects that matter, "
    "and promised that the works would be paid for without raising the local tax rate.",
]
ARTICLE = "".join(f"<p>{text}</p>" for text in BODY)
# Headlines of other stories: visible text of the page that is not the article.
TEASERS = "".join(f'<li><a href="/story/{n}">Another story about the town, number {n} of many</a></li>'
                  for n in range(60))


def page(extra: str = "") -> str:
    return (f"<html><head><title>Bridge approved</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<main><article><h1>Bridge approved</h1>{ARTICLE}</article></main>{extra}</body></html>")


@pytest.fixture
def readability_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = trafilatura.external.try_readability

    def counted(tree: object) -> object:
        calls.append(1)
        return original(tree)

    monkeypatch.setattr(trafilatura.external, "try_readability", counted)
    return calls


def test_a_page_with_no_room_for_a_longer_text_skips_the_fallbacks(readability_calls: list[int]) -> None:
    result = clean(page(), content_type="html")
    assert not readability_calls
    assert all(text in result.text for text in BODY)


def test_a_page_showing_much_more_than_the_extraction_asks_readability(readability_calls: list[int]) -> None:
    result = clean(page(f"<aside><ul>{TEASERS}</ul></aside>"), content_type="html")
    assert readability_calls
    assert all(text in result.text for text in BODY)
    assert "number 7 of many" not in result.text


def test_trafilatura_called_outside_the_front_end_runs_its_fallbacks(readability_calls: list[int]) -> None:
    text = trafilatura.extract(page(), include_comments=False, include_tables=True) or ""
    assert readability_calls
    assert BODY[0] in text


def body_of(markup: str) -> object:
    return lxml_html.fromstring(f"<body>{markup}</body>")


def test_trafilatura_s_own_doubts_still_send_it_to_the_fallbacks() -> None:
    text = " ".join(BODY)
    sure = body_of(ARTICLE)
    assert not first_result_doubtful(sure, text, "balanced", 250, visible_chars=len(text) + 100)
    # Twice the text on the page: room for a fallback's longer text.
    assert first_result_doubtful(sure, text, "balanced", 250, visible_chars=2 * len(text))
    # Short, unclean, no paragraphs, more tables than paragraphs, or the recall retry.
    assert first_result_doubtful(sure, BODY[0][:200], "balanced", 250, visible_chars=210)
    assert first_result_doubtful(body_of(ARTICLE + "<figure>A map</figure>"), text, "balanced", 250, len(text))
    assert first_result_doubtful(body_of(f"<div>{text}</div>"), text, "balanced", 250, len(text))
    tables = "<table><tr><td>1</td></tr></table>" * 5
    assert first_result_doubtful(body_of(ARTICLE + tables), text, "balanced", 250, len(text))
    assert first_result_doubtful(sure, text, "recall", 250, len(text))


def test_the_gate_is_installed_once() -> None:
    gate = trafilatura.core.compare_extraction
    fallbacks._install()
    assert trafilatura.core.compare_extraction is gate
