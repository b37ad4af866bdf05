"""What the kind rooms read from the DOM: a region's text as block paragraphs, and runs of
repeated sibling cards.

A block paragraph is the text of one block-level element (a <p>, a heading, a list item, a card's
<div>), its inline elements joined with spaces, as a reader sees it. The page's furniture is never
read: navigation, forms and controls, dialogs, asides, footers (HTML's own meanings of those
elements and ARIA's landmark roles), and what the page hides.

Nothing here modifies the tree.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.frontends.html.dom import ancestors, normalise_text
from cleanscrape.frontends.html.visible import comparison_key, comparison_keys, key_starts
from cleanscrape.text.tokens import words

# Elements that start a new paragraph (HTML's block-level and list/table elements).
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
# What a reader never sees as text, and the page's furniture: navigation, controls, dialogs,
# side boxes and the site's footer (HTML's meanings of these elements).
SKIPPED_TAGS = frozenset({
    "aside", "button", "dialog", "footer", "form", "head", "iframe", "input", "label", "nav", "noscript",
    "option", "script", "select", "style", "svg", "template", "textarea",
})
# ARIA landmark and widget roles of the same furniture (WAI-ARIA 1.2).
SKIPPED_ROLES = frozenset({
    "banner", "button", "complementary", "contentinfo", "dialog", "menu", "menubar", "navigation", "search",
    "tablist", "toolbar",
})


def skipped(node: LexborNode) -> bool:
    """Whether `node` is furniture or hidden (see SKIPPED_TAGS, SKIPPED_ROLES)."""
    if node.tag in SKIPPED_TAGS:
        return True
    attributes = node.attributes
    if not attributes:
        return False
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    role = attributes.get("role")
    if role and role in SKIPPED_ROLES:
        return True
    style = attributes.get("style")
    return bool(style) and "display:none" in (style or "").replace(" ", "")


def in_furniture(node: LexborNode) -> bool:
    """Whether `node` or one of its ancestors is furniture or hidden."""
    return skipped(node) or any(skipped(parent) for parent in ancestors(node) if parent.tag != "-undef")


def text_blocks(root: LexborNode) -> list[str]:
    """`root`'s block paragraphs in page order, furniture left out (see the module's docstring)."""
    blocks: list[str] = []
    parts: list[str] = []
    _walk(root, blocks, parts)
    _flush(blocks, parts)
    return blocks


def _walk(node: LexborNode, blocks: list[str], parts: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag is None or tag.startswith("-") or skipped(child) or _control_link(child) or _link_menu(child):
            continue
        elif tag in BLOCK_TAGS:
            _flush(blocks, parts)
            _walk(child, blocks, parts)
            _flush(blocks, parts)
        else:
            parts.append(" ")
            _walk(child, blocks, parts)
            parts.append(" ")


# A menu's entries are a word or three each (subcategory links above a shop's grid, a tag cloud).
MAX_MENU_ENTRY_WORDS = 3
LIST_TAGS = frozenset({"ul", "ol"})


def _link_menu(node: LexborNode) -> bool:
    """A list whose every entry is one short link: a menu, whatever element encloses it."""
    if node.tag not in LIST_TAGS:
        return False
    entries = [child for child in node.iter() if child.tag == "li"]
    if len(entries) < 2:
        return False
    for entry in entries:
        text = entry.text(deep=True, separator=" ")
        links = entry.css("a")
        if len(links) != 1 or len(words(text)) > MAX_MENU_ENTRY_WORDS:
            return False
        if words(links[0].text(deep=True, separator=" ")) != words(text):
            return False
    return True


# A link styled as a button is a call to action ("Get started", "Shop now", "Book a demo"): the
# class names of Bootstrap (.btn), WordPress blocks (.wp-block-button__link), Elementor
# (.elementor-button) and most themes.
BUTTON_CLASS_PARTS = ("btn", "button", "cta")


def _control_link(node: LexborNode) -> bool:
    """A link to a place on the same page ("Skip to results", "Back to top", a table of contents)
    or a link styled as a button: a control, not content."""
    if node.tag != "a":
        return False
    attributes = node.attributes
    if (attributes.get("href") or "").startswith("#"):
        return True
    class_name = (attributes.get("class") or "").lower()
    return any(part in class_name for part in BUTTON_CLASS_PARTS)


def distinct_blocks(blocks: Sequence[str], min_words: int) -> list[str]:
    """`blocks` without the repeats of a block of `min_words` words or more: a page that prints a
    section twice (one copy for small screens, one for large, hidden by its style sheet; a
    carousel's cloned slides) shows it once."""
    seen: set[str] = set()
    kept = []
    for block in blocks:
        if len(words(block)) >= min_words:
            if block in seen:
                continue
            seen.add(block)
        kept.append(block)
    return kept


def _flush(blocks: list[str], parts: list[str]) -> None:
    if parts:
        text = normalise_text("".join(parts))
        if text:
            blocks.append(text)
        parts.clear()


@dataclass(frozen=True, slots=True)
class CardRun:
    """Sibling elements of one tag and class attribute, each with a link and some words: the items
    of a list of articles, products, jobs or events, as every CMS and shop theme prints them."""

    parent: LexborNode
    cards: tuple[LexborNode, ...]
    words: int  # the cards' words together


# A run of fewer items is a pair of teasers, not a list.
MIN_CARDS = 3
# Cards give a title and more (a teaser, a price, a date); a menu's entries are one or two words.
MIN_MEAN_CARD_WORDS = 4


def card_runs(root: LexborNode) -> list[CardRun]:
    """The runs of repeated sibling cards under `root` (outside furniture), most words first."""
    runs: list[CardRun] = []
    for parent, children in _elements(root):
        groups: dict[tuple[str, str], list[LexborNode]] = {}
        for child in children:
            groups.setdefault((child.tag or "", child.attributes.get("class") or ""), []).append(child)
        for cards in groups.values():
            if len(cards) >= MIN_CARDS and (run := _card_run(parent, cards)) is not None:
                runs.append(run)
    return sorted(runs, key=lambda run: -run.words)


def _elements(root: LexborNode) -> Iterator[tuple[LexborNode, list[LexborNode]]]:
    """(element, its element children) for `root` and the elements inside it with MIN_CARDS or
    more element children, furniture skipped."""
    stack = [root]
    while stack:
        node = stack.pop()
        children = [child for child in node.iter()
                    if child.tag and not child.tag.startswith("-") and not skipped(child)]
        if len(children) >= MIN_CARDS:
            yield node, children
        stack.extend(reversed(children))


def _card_run(parent: LexborNode, cards: Sequence[LexborNode]) -> CardRun | None:
    linked = [card for card in cards if card.tag == "a" or card.css_first("a[href]") is not None]
    if len(linked) < MIN_CARDS:
        return None
    counts = [len(words(card.text(deep=True, separator=" "))) for card in linked]
    total = sum(counts)
    if total < MIN_MEAN_CARD_WORDS * len(linked):
        return None
    return CardRun(parent, tuple(linked), total)


def common_ancestor(first: LexborNode, second: LexborNode) -> LexborNode | None:
    """The nearest element holding both nodes (either itself, when one holds the other)."""
    seen = {first.mem_id: first}
    seen.update((parent.mem_id, parent) for parent in ancestors(first))
    if second.mem_id in seen:
        return second
    return next((parent for parent in ancestors(second) if parent.mem_id in seen), None)


# Sections a shop or a company page prints beside its content that are not content: customer
# reviews and ratings (schema.org's Review and AggregateRating, the review widgets of Yotpo,
# Bazaarvoice, Judge.me, Trustpilot, Okendo, all classed "review"), recommendations ("related",
# "recommend", "upsell", "cross-sell": Shopify's and WooCommerce's product recommendations and
# related-products blocks) and newsletter sign-up boxes.
UNWANTED_SECTIONS_SELECTOR = (
    '[itemprop="review"], [itemprop="aggregateRating"], [class*="review" i], [id*="review" i], '
    '[class*="rating" i], [class*="recommend" i], [id*="recommend" i], [class*="related" i], '
    '[class*="upsell" i], [class*="cross-sell" i], [class*="crosssell" i], [class*="newsletter" i], '
    '[id*="newsletter" i], [class*="subscribe" i]'
)


def unwanted_texts(root: LexborNode, max_share: float) -> str:
    """The text of `root`'s review, rating, recommendation and newsletter sections, one section a
    line, normalised as line keys; a section holding more than `max_share` of `root`'s text wraps
    the content (a theme's "product-recommendations-enabled" body), and is not left out."""
    most = max_share * len(normalise_text(root.text(deep=True, separator=" ")))
    texts = []
    for node in root.css(UNWANTED_SECTIONS_SELECTOR):
        text = normalise_text(node.text(deep=True, separator=" "))
        if text and len(text) <= most:
            texts.append(text)
    return "\n".join(texts)


def page_heading(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's first <h1> outside its furniture."""
    return next((node for node in tree.css("h1") if not in_furniture(node)), None)


def with_extracted(body: LexborNode, blocks: Sequence[str], extracted: Sequence[str]) -> tuple[str, ...] | None:
    """`blocks` with trafilatura's paragraphs they do not hold put before or after them, by where
    the page prints them; None when the blocks hold fewer words than trafilatura's paragraphs (the
    list is not where the body is: keep trafilatura's)."""
    if not blocks:
        return None
    held = _HeldBlocks(comparison_keys(blocks))
    if len(held.text) < len("".join(comparison_keys(extracted))):
        return None
    page = comparison_key(body.text(deep=True, separator=""))
    start = page.find(held.keys[0])
    before: list[str] = []
    after: list[str] = []
    for text, key in zip(extracted, comparison_keys(extracted), strict=True):
        if key and not held.hold(key):
            (before if 0 <= page.find(key) < start else after).append(text)
    return (*before, *blocks, *after)


# trafilatura runs a card's parts together ("Top RatedThousandHeritage Helmet$99.95...") and leaves
# out some (a review count, "Add to compare"): a paragraph is the blocks' when whole blocks, in
# order, make this share of it, with at most MAX_BLOCK_GAP characters between two of them and
# MAX_BLOCKS_MISSED blocks left out in a row. Whole blocks only: a sentence that differs from a
# block in a word or a date ("... through May 31" beside "... through July 31") is text of its own.
# On wcxb-dev's listing, collection and service pages every card was printed twice without this.
MIN_HELD_SHARE = 0.8
MAX_BLOCK_GAP = 30
MAX_BLOCKS_MISSED = 3
# An extracted paragraph's first characters, looked for in the blocks to find where it starts.
OPENING_CHARS = 6


class _HeldBlocks:
    """The blocks' comparison keys, and whether a text (its key) is the blocks': one of them, a
    stretch of them run together, or whole blocks in order with a few left out."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = list(keys)
        self.text = "".join(self.keys)
        self.starts = key_starts(self.keys)

    def hold(self, key: str) -> bool:
        if key in self.text:
            return True
        at = self.text.find(key[:OPENING_CHARS])
        if at == -1:
            return False
        made, position, missed = 0, 0, 0
        for block in self.keys[bisect.bisect_right(self.starts, at) - 1:]:
            if position >= len(key) or missed > MAX_BLOCKS_MISSED:
                break
            if not block:
                continue
            found = key.find(block, position, position + MAX_BLOCK_GAP + len(block))
            if found == -1:
                missed += 1
                continue
            made, position, missed = made + len(block), found + len(block), 0
        return made >= MIN_HELD_SHARE * len(key)
