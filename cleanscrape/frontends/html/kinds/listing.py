"""The room of listings and collections: a list of articles, posts, jobs or events, or a shop's
category of products (see kinds/__init__.py).

Their body is the list itself: the page's heading, the category's description and every item
with its title and teaser (or price), which trafilatura, looking for one article, mostly leaves
out. Every CMS and shop theme prints the items as repeated sibling cards of one tag and class
(WordPress's `article.post` loop, Shopify's and WooCommerce's `li.product` grids, Drupal's
`.views-row`, a news site's story cards), so the run of cards with the most words is the list;
the body is the smallest element holding it and the page's <h1>, read block by block without the
page's furniture (blocks.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.frontends.html.dom import contains
from cleanscrape.frontends.html.kinds.blocks import (
    card_runs,
    common_ancestor,
    page_heading,
    text_blocks,
    with_extracted,
)
from cleanscrape.frontends.html.kinds.signals import PageSignals
from cleanscrape.model import Line

# The page's outermost elements: a region this wide is the whole page, not its list.
PAGE_TAGS = frozenset({"html", "body"})


def listing_body(tree: LexborHTMLParser, lines: Sequence[Line], signals: PageSignals) -> tuple[str, ...] | None:
    """The list's heading, description and items with trafilatura's paragraphs, in page order; None
    when the page shows no run of cards or its region says less than trafilatura's text."""
    body = tree.body
    if body is None:
        return None
    runs = card_runs(body)
    if not runs:
        return None
    region = list_region(tree, runs[0].parent)
    blocks = text_blocks(region)
    heading = page_heading(tree)
    if heading is not None and heading.mem_id != region.mem_id and not contains(region, heading):
        blocks = text_blocks(heading) + blocks
    return with_extracted(body, blocks, [line.text for line in lines if line.text])


def list_region(tree: LexborHTMLParser, cards_parent: LexborNode) -> LexborNode:
    """The smallest element holding the cards and the page's heading; the cards' parent alone when
    only the whole page holds both (a heading in the site's banner)."""
    heading = page_heading(tree)
    if heading is None:
        return cards_parent
    both = common_ancestor(heading, cards_parent)
    return both if both is not None and both.tag not in PAGE_TAGS else cards_parent
