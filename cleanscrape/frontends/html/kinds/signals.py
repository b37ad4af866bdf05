"""`PageSignals`: the page-kind evidence, gathered once per page (see kinds/__init__.py)."""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.model import PageMeta


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the page says of its kind. Fields are added as the decision and the rooms need them;
    each is read from the page once, here."""

    declared_types: frozenset[str] = frozenset()  # schema.org types, lower-cased (JSON-LD, microdata)
    og_type: str | None = None
    url_path: str = ""


def page_signals(tree: LexborHTMLParser, page_meta: PageMeta, source: str | None) -> PageSignals:
    """The page-kind evidence of one page."""
    return PageSignals()
