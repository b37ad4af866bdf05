"""The page's URL reaches trafilatura (its `url=`) when the source is an http(s) URL, never a path."""

from __future__ import annotations

from typing import Any

import pytest

import cleanscrape
from cleanscrape.frontends.html import extract

PAGE = "<html><body><article><p>The council voted on Tuesday to build the new bridge.</p></article></body></html>"


@pytest.mark.parametrize(("source", "url"), [
    ("https://example.com/2025/03/20/bridge", "https://example.com/2025/03/20/bridge"),
    ("http://example.com/a", "http://example.com/a"),
    ("crawl/example.com/bridge.html", None),
    ("file:///tmp/bridge.html", None),
    (None, None),
])
def test_trafilatura_is_given_the_source_only_when_it_is_a_web_url(monkeypatch, source: str | None,
                                                                    url: str | None) -> None:
    calls: list[dict[str, Any]] = []
    original = extract.trafilatura.extract

    def recording(html: str, **options: Any) -> Any:
        calls.append(options)
        return original(html, **options)

    monkeypatch.setattr(extract.trafilatura, "extract", recording)
    page = cleanscrape.clean(PAGE, content_type="html", source=source)
    assert calls and all(call["url"] == url for call in calls)
    assert "council voted" in page.text
