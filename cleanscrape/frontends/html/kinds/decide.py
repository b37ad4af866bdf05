"""The one place that decides a page's kind (see kinds/__init__.py)."""

from __future__ import annotations

from cleanscrape.frontends.html.kinds.signals import PageSignals
from cleanscrape.model.facts import PageType


def decide_page_type(signals: PageSignals) -> PageType:
    """The page's kind from its signals; an article when nothing says otherwise."""
    return PageType.ARTICLE
