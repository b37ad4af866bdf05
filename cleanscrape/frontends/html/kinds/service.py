"""The room of service pages: an organisation's page about what it offers (see kinds/__init__.py).

Such a page is a stack of sections (what we do, features, how it works, figures, who uses it),
each a heading over a few short lines, and trafilatura keeps one run of prose among them. The
body is the page's main content element read block by block without its furniture (blocks.py):
HTML's <main>, or the element ARIA marks role="main", which every current CMS and site builder
(WordPress block themes, Drupal, Webflow, Squarespace, Wix) prints around the page's own content.
A page without one keeps trafilatura's lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.frontends.html.dom import contains
from cleanscrape.frontends.html.kinds.blocks import (
    distinct_blocks,
    in_furniture,
    text_blocks,
    unwanted_texts,
    with_extracted,
)
from cleanscrape.frontends.html.kinds.signals import PageSignals
from cleanscrape.model import Line
from cleanscrape.text.tokens import words

MAIN_SELECTOR = 'main, [role="main"]'
# A section printed twice is a copy for another screen size when its blocks are this long: a
# shorter line ("Learn more", a figure) repeats by design.
MIN_REPEATED_WORDS = 4
# A section holding more than this share of the main element's text wraps the content, not a
# review or newsletter box beside it.
MAX_UNWANTED_SHARE = 0.5
# Words a block must have for its presence inside a review or newsletter box to count.
MIN_MATCHED_WORDS = 4


def service_body(tree: LexborHTMLParser, lines: Sequence[Line], signals: PageSignals) -> tuple[str, ...] | None:
    """The main element's blocks with trafilatura's paragraphs, in page order, reviews and
    newsletter boxes left out; None when the page marks no main content or it says less than
    trafilatura's text."""
    body = tree.body
    main = main_element(tree)
    if body is None or main is None:
        return None
    blocks = distinct_blocks(text_blocks(main), MIN_REPEATED_WORDS)
    unwanted = unwanted_texts(main, MAX_UNWANTED_SHARE)
    kept = [block for block in blocks if not (len(words(block)) >= MIN_MATCHED_WORDS and block in unwanted)]
    return with_extracted(body, kept, [line.text for line in lines if line.text])


def main_element(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's one main content element outside its furniture; None when it has none or
    several (a template that nests a <main> per widget marks nothing)."""
    found = [node for node in tree.css(MAIN_SELECTOR) if not in_furniture(node)]
    outermost = [node for node in found if not any(contains(other, node) for other in found)]
    return outermost[0] if len(outermost) == 1 else None

