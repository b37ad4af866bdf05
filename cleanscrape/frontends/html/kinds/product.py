"""The room of product pages: one product of a shop, its name, price, description and features
(see kinds/__init__.py).

trafilatura finds the description, and with it what a shop prints below it: customer reviews,
"you may also like" rows and newsletter boxes. The body is trafilatura's paragraphs without those
sections (blocks.UNWANTED_SECTIONS_SELECTOR), and the product's declared description
(schema.org/Product in JSON-LD, as Shopify, WooCommerce and most shop software print it) when
the page's text holds less of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.frontends.html.dom import normalise_text
from cleanscrape.frontends.html.kinds.blocks import unwanted_texts
from cleanscrape.frontends.html.kinds.signals import PageSignals
from cleanscrape.frontends.html.structured import declared_descriptions
from cleanscrape.model import Line
from cleanscrape.text.tokens import words

PRODUCT_TYPES = frozenset({"product", "productgroup", "individualproduct", "productmodel"})
# A section holding more than this share of the page's text wraps the content, not a review box.
MAX_UNWANTED_SHARE = 0.5
# trafilatura's text that is mostly reviews is not the product's body trimmed but the wrong block:
# the front end's second opinion decides then (extract.second_body_wins), as on any page.
MIN_KEPT_SHARE = 0.5
# Words a line must have for its presence inside a review box to count: a short label ("Size",
# "Black") is printed in the description and the reviews alike.
MIN_MATCHED_WORDS = 4
# The declared description is added when the page's text holds less than this share of its words
# (a description the page prints in a tab trafilatura did not read).
MIN_DESCRIPTION_SHARE = 0.5
_TAG = re.compile(r"<[a-zA-Z/!][^<>]*>")


def product_body(tree: LexborHTMLParser, lines: Sequence[Line], signals: PageSignals) -> tuple[str, ...] | None:
    """trafilatura's paragraphs without review, recommendation and newsletter sections, with the
    declared description when the text lacks it; None when nothing changes."""
    body = tree.body
    texts = [line.text for line in lines if line.text]
    if body is None or not texts:
        return None
    unwanted = unwanted_texts(body, MAX_UNWANTED_SHARE)
    kept = [text for text in texts
            if not (len(words(text)) >= MIN_MATCHED_WORDS and normalise_text(text) in unwanted)]
    if sum(len(text) for text in kept) < MIN_KEPT_SHARE * sum(len(text) for text in texts):
        return None
    description = _missing_description(tree, kept)
    if description is None and len(kept) == len(texts):
        return None
    return (*([description] if description else []), *kept)


def _missing_description(tree: LexborHTMLParser, texts: Sequence[str]) -> str | None:
    for declared in declared_descriptions(tree, PRODUCT_TYPES):
        description = normalise_text(_TAG.sub(" ", declared))
        wanted = set(words(description.lower()))
        if not wanted:
            continue
        have = set(words(" ".join(texts).lower()))
        if len(wanted & have) < MIN_DESCRIPTION_SHARE * len(wanted):
            return description
    return None
