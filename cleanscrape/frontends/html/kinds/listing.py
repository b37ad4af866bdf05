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

from cleanscrape.frontends.html.kinds.blocks import card_runs, common_ancestor, in_furniture, text_blocks
from cleanscrape.frontends.html.kinds.signals import PageSignals
from cleanscrape.frontends.html.visible import comparison_key, comparison_keys
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
    if heading is not None and heading.mem_id != region.mem_id and not _holds(region, heading):
        blocks = [text for text in text_blocks(heading)] + blocks
    return with_extracted(body, blocks, [line.text for line in lines if line.text])


def list_region(tree: LexborHTMLParser, cards_parent: LexborNode) -> LexborNode:
    """The smallest element holding the cards and the page's heading; the cards' parent alone when
    only the whole page holds both (a heading in the site's banner)."""
    heading = page_heading(tree)
    if heading is None:
        return cards_parent
    both = common_ancestor(heading, cards_parent)
    return both if both is not None and both.tag not in PAGE_TAGS else cards_parent


def page_heading(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's first <h1> outside its furniture."""
    return next((node for node in tree.css("h1") if not in_furniture(node)), None)


def _holds(outer: LexborNode, inner: LexborNode) -> bool:
    parent = inner.parent
    while parent is not None:
        if parent.mem_id == outer.mem_id:
            return True
        parent = parent.parent
    return False


def with_extracted(body: LexborNode, blocks: Sequence[str], extracted: Sequence[str]) -> tuple[str, ...] | None:
    """`blocks` with trafilatura's paragraphs they do not hold put before or after them, by where
    the page prints them; None when the blocks hold fewer words than trafilatura's paragraphs (the
    list is not where the body is: keep trafilatura's)."""
    if not blocks:
        return None
    block_keys = comparison_keys(blocks)
    held = "".join(block_keys)
    if len(held) < len("".join(comparison_keys(extracted))):
        return None
    page = comparison_key(body.text(deep=True, separator=""))
    start = page.find(block_keys[0])
    before: list[str] = []
    after: list[str] = []
    for text, key in zip(extracted, comparison_keys(extracted), strict=True):
        if key and key not in held:
            (before if 0 <= page.find(key) < start else after).append(text)
    return (*before, *blocks, *after)
