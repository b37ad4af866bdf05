"""A failure inside a third-party metadata reader costs that evidence, never the page."""

import pytest

import cleanscrape
from cleanscrape.frontends.html import extract

PAGE = (
    "<html><head><title>Council extends tram line</title></head><body><article><h1>Council extends tram line</h1>"
    + "<p>The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028.</p>" * 6
    + "</article></body></html>"
)


def test_a_failing_date_reader_leaves_the_page_and_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise RecursionError("a reader gave up on this page")

    monkeypatch.setattr(extract, "markup_dates", broken)
    page = cleanscrape.clean(PAGE, content_type="html")
    assert "northern suburbs" in page.text
    assert page.articles[0].published is None
