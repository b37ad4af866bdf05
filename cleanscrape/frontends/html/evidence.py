"""What the DOM knows about each extracted line that its text does not: whether it is a figure
caption, part of a link-dense block, of the site's chrome (nav, aside, footer, site header), of a
comment thread, or of the article's own header.

Everything here reads one `selectolax.lexbor.LexborHTMLParser` tree and never modifies it, so
the caller parses once and shares the tree. The work is kept to CSS selections (done in C) and
short Python walks over the matched regions, because the whole HTML path must stay within
~15% of trafilatura's own time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.frontends.html.dom import closest, inside_any, node_text, normalise_text
from cleanscrape.model import Block, Evidence

# --------------------------------------------------------------------------- rule data

# Evidence regions.
CAPTION_SELECTOR = (
    'figcaption, [class*="caption" i], [id*="caption" i], [class*="credit" i], '
    '[itemprop="caption"], [itemprop="copyrightHolder"]'
)
BOILERPLATE_SELECTOR = (
    'nav, aside, footer, header, [role="navigation"], [role="complementary"], [role="contentinfo"]'
)
COMMENT_CANDIDATE_SELECTOR = '[id*="comment" i], [class*="comment" i], [id*="disqus" i], [class*="disqus" i]'
# Captions and comment candidates are selected in one walk of the tree and told apart in Python
# (`_is_caption`, `_is_comment_candidate` restate the two selectors): each walk runs these
# attribute tests on every element; one walk instead of two, split included, took 0.58 -> 0.48 ms
# a page (CPU time, 50 shub + 50 wcxb-dev pages, the busiest of the evidence selections).
CAPTION_OR_COMMENT_SELECTOR = f"{CAPTION_SELECTOR}, {COMMENT_CANDIDATE_SELECTOR}"
CAPTION_TAG = "figcaption"
CAPTION_ITEMPROPS = frozenset({"caption", "copyrightHolder"})  # matched case-sensitively, as CSS does
# Candidates are confirmed on the attribute value: "comments-area" or "commentlist" are comment
# sections, "commentary" (opinion pieces) and "comments-open"/"comment-count" (byline widgets
# next to the headline) are not.
COMMENT_NAME = re.compile(
    r"(?:^|[^a-z])(?:disqus[a-z_]*|comments?(?:list|area|section|s|wrap|wrapper|container|thread)?)"
    r"(?![-_ ]?(?:open|closed|count|number|link|icon|button|btn))(?:$|[^a-z])",
    re.IGNORECASE,
)
# A comment thread is a block of posts; these are never one: inline elements (a comment icon
# "fa-comment", a "#comments" link) and code, whose highlighters class the comments of the code
# itself ("hljs-comment", Prism's "token comment").
NOT_COMMENT_REGION_TAGS = frozenset({"span", "a", "i", "b", "em", "strong", "code", "pre", "svg", "button", "img"})
CODE_TAGS = frozenset({"pre", "code"})
# An element of these tags is the page or the article itself: a class on it describes the
# page ("single comments-open"), so it never makes its whole text a caption or a comment.
PAGE_TAGS = frozenset({"html", "body", "main", "article"})
# A <header> inside these holds the headline, byline and date: content, not site chrome.
CONTENT_TAGS = frozenset({"article", "main"})

# A block is link-dense when it has several links and most of its text is anchor text.
LINK_LEAD_WORDS = 3  # a link this long is a headline, not a navigation word
MIN_LINKS_IN_LINK_BLOCK = 3
MIN_LINK_DENSITY = 0.5
# How far up from an anchor to look for its link block: related-link lists are a few levels
# deep (a > li > ul, a > h3 > div > div); further up is the article or the page.
MAX_LINK_BLOCK_CLIMB = 5
# A link block's wrapper may add a heading of about this many characters, no more.
MAX_LINK_BLOCK_HEADING_CHARS = 60
# Lines in nav/aside/footer are boilerplate already; skipping their anchors here cuts the
# anchors to examine by about two thirds on news pages.
ANCHORS_OUTSIDE_BOILERPLATE = (
    'a:not(nav a, aside a, footer a, header a, [role="navigation"] a, [role="complementary"] a, '
    '[role="contentinfo"] a)'
)

# Elements whose text becomes one line when a page is extracted. A region's lines are these
# elements' texts plus the region's whole text (a caption split over <span>s is one line).
# Selecting them is done in C, several times faster than walking the nodes in Python.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template"})
INVISIBLE_SELECTOR = ", ".join(sorted(INVISIBLE_TAGS))
LINE_SELECTOR = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption, blockquote, pre, a"
# Elements whose lines keep their layout in Markdown output (list items and table rows show in
# the text itself). A heading's level is the digit of its tag.
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
HEADING_SELECTOR = ", ".join(HEADING_LEVELS)
# The elements whose text keeps a block's layout, selected in one pass and told apart by tag (the
# tags are disjoint, so no element is listed twice): each CSS selection walks the whole tree, and
# one walk instead of four (pre, ol > li, blockquote, headings) took 0.22 -> 0.18 ms a page (CPU
# time, 50 shub + 50 wcxb-dev pages).
LAYOUT_BLOCK_SELECTOR = f"pre, ol > li, blockquote, {HEADING_SELECTOR}"


# --------------------------------------------------------------------------- DOM evidence

@dataclass(frozen=True, slots=True)
class DomEvidence:
    """Normalised texts (see `normalise_text`) of the page's non-article regions."""

    captions: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()  # link-dense blocks: related stories, tag lists
    boilerplate: frozenset[str] = frozenset()  # nav/aside/footer/site header
    comments: frozenset[str] = frozenset()
    article_header: frozenset[str] = frozenset()  # <header> inside <article>/<main>
    # Texts of links of LINK_LEAD_WORDS+ words, indexed by their first words.
    link_leads: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    # Texts of headings, numbered list items, quotes and code lines, with their block and level.
    blocks: Mapping[str, tuple[Block, int]] = field(default_factory=dict)

    def for_text(self, text: str) -> Evidence:
        """The model's Evidence for one extracted line. A comment region is not boilerplate: on
        a forum thread or a Q&A page the posts are the content (stages/main_content.py decides)."""
        key = normalise_text(text)
        leads = self.link_leads.get(_first_words(key), ())
        block, level = self.blocks.get(key, (Block.PARAGRAPH, 0))
        return Evidence(
            block=block,
            level=level,
            caption=key in self.captions,
            link=key in self.links,
            boilerplate=key in self.boilerplate,
            comment=key in self.comments,
            article_header=key in self.article_header,
            link_lead=any(_leads_with(key, lead) for lead in leads),
        )


def _first_words(key: str) -> tuple[str, ...]:
    """The first LINK_LEAD_WORDS words of a key (fewer when it is shorter): link leads' index."""
    return tuple(key.split(" ", LINK_LEAD_WORDS)[:LINK_LEAD_WORDS])


def _leads_with(key: str, lead: str) -> bool:
    """`key` opens with the link text `lead` as a headline: not closed by a full stop (headlines
    carry none), since a linked sentence followed by more text is a paragraph that links."""
    if not key.startswith(lead):
        return False
    rest = key[len(lead):]
    # A lone full stop right after the link closes it; "..." after it, or inside it, does not.
    opening = lead + "." if rest.startswith(".") and not rest.startswith("..") else lead
    closed_by_full_stop = opening.endswith(".") and not opening.endswith("..")
    return not closed_by_full_stop


class _Wanted:
    """The extracted lines evidence is asked about: a region none of whose text they occur in
    cannot label any of them, so its lines need not be collected (most of a page's nav, footer
    and link lists never reach the extracted text)."""

    __slots__ = ("keys", "leads", "_by_length", "_lengths")

    def __init__(self, lines: Iterable[str]) -> None:
        self.keys = frozenset(filter(None, map(normalise_text, lines)))
        self.leads = frozenset(_first_words(key) for key in self.keys)
        # Shortest first, so the keys that fit in a text are a prefix found by bisection.
        self._by_length = sorted(self.keys, key=len)
        self._lengths = [len(key) for key in self._by_length]

    def occur_in(self, text: str) -> bool:
        # A line element's text, normalised, is a substring of its region's normalised text. Most
        # regions hold none of the keys, so all are tried: testing them in C (map), not in a
        # generator, took a fifth off this test (CPU time over every nav, aside, footer and
        # div of 50 shub + 50 wcxb-dev pages, 1.63 -> 1.33 ms a page).
        fitting = self._by_length[:bisect_right(self._lengths, len(text))]
        return any(map(text.__contains__, fitting))


class _NodeTexts:
    """Normalised texts of the nodes met so far, by `mem_id` (the tree is never modified, so a
    node's text never changes). The same nodes are read as a region, as a line element of an
    enclosing region, as an anchor and as a link block, so they are read once for all of them
    (the link-block test had a cache of its own; sharing it saved little beyond that: within
    noise of `dom_evidence`'s time on 50 shub + 50 wcxb-dev pages)."""

    __slots__ = ("_texts",)

    def __init__(self) -> None:
        self._texts: dict[int, str] = {}

    def of(self, node: LexborNode) -> str:
        key = node.mem_id
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = node_text(node)
        return text


def _anchor_texts(root: LexborNode, texts: _NodeTexts) -> list[tuple[LexborNode, str]]:
    """Anchors outside boilerplate regions with their normalised text, empty ones left out."""
    found = []
    for anchor in root.css(ANCHORS_OUTSIDE_BOILERPLATE):
        text = texts.of(anchor)
        if text:
            found.append((anchor, text))
    return found


def _link_leads(
    anchors: Iterable[tuple[LexborNode, str]], wanted: _Wanted | None = None
) -> dict[tuple[str, ...], frozenset[str]]:
    leads: dict[tuple[str, ...], set[str]] = {}
    for _, text in anchors:
        first = _first_words(text)
        if len(first) == LINK_LEAD_WORDS and (wanted is None or first in wanted.leads):
            leads.setdefault(first, set()).add(text)
    return {first: frozenset(texts) for first, texts in leads.items()}


def dom_evidence(tree: LexborHTMLParser, lines: Iterable[str] | None = None) -> DomEvidence:
    """Collect caption, link-block, boilerplate and comment texts from one parsed page.

    With `lines` (the extracted text's lines), the result is exact for those texts only: regions
    whose text holds none of them are skipped, which saves most of the work on a news page.
    """
    root = tree.body or tree.root
    if root is None:
        return DomEvidence()
    wanted = None if lines is None else _Wanted(lines)
    if wanted is not None and not wanted.keys:
        return DomEvidence()
    texts = _NodeTexts()
    captions_or_comments = _distinct(root.css(CAPTION_OR_COMMENT_SELECTOR))
    captions = _region_texts(
        (
            node for node in captions_or_comments
            if _is_caption(node) and node.tag not in PAGE_TAGS and not _attributes_a_quote(node)
        ),
        texts,
        wanted,
    )
    regions = root.css(BOILERPLATE_SELECTOR)
    chrome = [node for node in regions if not _is_content_header(node)]
    layout_blocks = root.css(LAYOUT_BLOCK_SELECTOR)
    headings = [(node, texts.of(node)) for node in layout_blocks if node.tag in HEADING_LEVELS]
    boilerplate = _region_texts(chrome, texts, wanted) - _headings_outside(headings, chrome)
    article_header = _region_texts((node for node in regions if _is_content_header(node)), texts, wanted)
    comment_candidates = filter(_is_comment_candidate, captions_or_comments)
    comments = _region_texts(filter(_is_comment_region, comment_candidates), texts, wanted)
    anchors = _anchor_texts(root, texts)
    return DomEvidence(
        captions=frozenset(captions),
        links=frozenset(_link_block_texts(anchors, texts, wanted)),
        boilerplate=frozenset(boilerplate),
        comments=frozenset(comments),
        article_header=frozenset(article_header),
        link_leads=_link_leads(anchors, wanted),
        blocks=_block_texts(layout_blocks, headings, texts),
    )


def _distinct(nodes: Iterable[LexborNode]) -> list[LexborNode]:
    """The nodes in their order, each once (a selector list lists a node once per selector it matches)."""
    first: dict[int, LexborNode] = {}
    for node in nodes:
        first.setdefault(node.mem_id, node)
    return list(first.values())


def _lowercase_attribute(attributes: Mapping[str, str | None], name: str) -> str:
    """An attribute's value for CSS `[name*="word" i]` (ASCII case-insensitive) with a lowercase
    ASCII word: str.lower() turns only two other letters into ASCII ones, the Kelvin sign into "k"
    (in no word used here) and the dotted "İ" into "i" plus a combining dot (which breaks a word)."""
    return (attributes.get(name) or "").lower()


def _is_caption(node: LexborNode) -> bool:
    """Whether the node matches CAPTION_SELECTOR."""
    if node.tag == CAPTION_TAG:
        return True
    attributes = node.attributes
    class_name = _lowercase_attribute(attributes, "class")
    return (
        "caption" in class_name
        or "credit" in class_name
        or "caption" in _lowercase_attribute(attributes, "id")
        or attributes.get("itemprop") in CAPTION_ITEMPROPS
    )


def _is_comment_candidate(node: LexborNode) -> bool:
    """Whether the node matches COMMENT_CANDIDATE_SELECTOR."""
    attributes = node.attributes
    values = (_lowercase_attribute(attributes, "id"), _lowercase_attribute(attributes, "class"))
    return any(word in value for value in values for word in ("comment", "disqus"))


def _attributes_a_quote(node: LexborNode) -> bool:
    """A <figcaption> of a <figure> holding a <blockquote> names who said the quote (HTML's own
    markup for a testimonial or a cited passage): part of the quote, not a photo's caption."""
    figure = node.parent
    return node.tag == "figcaption" and figure is not None and figure.tag == "figure" and (
        figure.css_first("blockquote") is not None)


def _block_texts(
    layout_blocks: list[LexborNode], headings: Iterable[tuple[LexborNode, str]], texts: _NodeTexts
) -> dict[str, tuple[Block, int]]:
    """Normalised text -> (block, level) of the page's headings (their level), numbered list items,
    quotes and code lines (their indentation, which the text loses), from the LAYOUT_BLOCK_SELECTOR
    elements and the headings among them with their texts. A heading wins over the quote or code
    block it sits in."""
    blocks: dict[str, tuple[Block, int]] = {}
    for pre in (node for node in layout_blocks if node.tag == "pre"):
        for raw in pre.text(deep=True).expandtabs(4).split("\n"):  # a code block is extracted line by line
            blocks[normalise_text(raw)] = (Block.CODE, len(raw) - len(raw.lstrip(" ")))
    ordered_items = (texts.of(node) for node in layout_blocks if node.tag == "li")  # only "ol > li" matched
    blocks.update(dict.fromkeys(ordered_items, (Block.ORDERED_ITEM, 0)))
    for quote in (node for node in layout_blocks if node.tag == "blockquote"):
        blocks.update(dict.fromkeys(region_lines(quote, texts), (Block.QUOTE, 0)))
    for heading, text in headings:
        blocks[text] = (Block.HEADING, HEADING_LEVELS[heading.tag or "h1"])
    blocks.pop("", None)
    return blocks


def _headings_outside(headings: Iterable[tuple[LexborNode, str]], regions: Iterable[LexborNode]) -> set[str]:
    """Texts of the `headings` (with their texts) outside `regions`. A table of contents in a <nav>
    or <aside> repeats the body's headings, and evidence goes by text: a heading printed in the
    body is the body's."""
    region_ids = {region.mem_id for region in regions}
    return {
        text for heading, text in headings
        if heading.mem_id not in region_ids and not inside_any(heading, region_ids)
    }


def _is_content_header(node: LexborNode) -> bool:
    return node.tag == "header" and closest(node, CONTENT_TAGS) is not None


def _is_comment_region(node: LexborNode) -> bool:
    """A comment-named element that can hold a comment thread: not the page or the article
    itself, not an inline element, not inside code."""
    if node.tag in PAGE_TAGS or node.tag in NOT_COMMENT_REGION_TAGS or not _has_comment_name(node):
        return False
    return closest(node, CODE_TAGS) is None


def _has_comment_name(node: LexborNode) -> bool:
    attributes = node.attributes
    return any(COMMENT_NAME.search(attributes.get(name) or "") for name in ("id", "class"))


def _region_texts(regions: Iterable[LexborNode], node_texts: _NodeTexts, wanted: _Wanted | None = None) -> set[str]:
    texts: set[str] = set()
    seen: set[int] = set()
    for region in regions:
        if inside_any(region, seen):
            # Its line elements were collected with the outer region; its whole text (a credit
            # <span> inside a <figcaption>) was not.
            if region.css_first(INVISIBLE_SELECTOR) is None:
                texts.add(node_texts.of(region))
            continue
        seen.add(region.mem_id)
        if wanted is not None and not wanted.occur_in(node_texts.of(region)):
            continue
        texts.update(region_lines(region, node_texts))
    texts.discard("")
    return texts


def region_lines(region: LexborNode, texts: _NodeTexts) -> set[str]:
    """The normalised texts a region contributes: each line element's inside it, and its own
    whole text unless it holds a script or style (whose code would be glued into it)."""
    lines = {texts.of(element) for element in region.css(LINE_SELECTOR)}
    if region.css_first(INVISIBLE_SELECTOR) is None:
        lines.add(texts.of(region))
    lines.discard("")
    return lines


def _link_block_climb(anchor: LexborNode) -> list[LexborNode]:
    """The anchor's ancestors below the page or article, nearest first, MAX_LINK_BLOCK_CLIMB at
    most. It runs for every anchor: a plain loop, not a chain of iterators (takewhile over
    `ancestors`), took 0.13 -> 0.08 ms a page (CPU time, 50 shub + 50 wcxb-dev pages)."""
    climb: list[LexborNode] = []
    node = anchor
    while len(climb) < MAX_LINK_BLOCK_CLIMB:
        parent = node.parent
        if parent is None or parent.tag in PAGE_TAGS:
            break
        climb.append(parent)
        node = parent
    return climb


def _link_block_texts(
    anchors: Iterable[tuple[LexborNode, str]], node_texts: _NodeTexts, wanted: _Wanted | None = None
) -> set[str]:
    """Texts of link-dense blocks: each anchor's text and each line of the block."""
    # Pass 1: per ancestor (a few levels up), how many anchors and how much anchor text.
    climbs: list[tuple[str, list[LexborNode]]] = []  # (anchor text, its ancestors nearest first)
    stats: dict[int, list[int]] = {}  # mem_id -> [links, link chars]
    for anchor, text in anchors:
        climb = _link_block_climb(anchor)
        for parent in climb:
            entry = stats.setdefault(parent.mem_id, [0, 0])
            entry[0] += 1
            entry[1] += len(text)
        climbs.append((text, climb))
    # Pass 2: an anchor's link block is its nearest ancestor with several links; the block is
    # link-dense when anchor text is most of its text.
    texts: set[str] = set()
    blocks: dict[int, LexborNode] = {}
    # Script text is counted too: stripping it needs a copy of the node, which costs more than
    # the density is worth, and a script only makes a block look less link-dense.
    block_text = node_texts.of

    def non_link_chars(node: LexborNode) -> int:
        return len(block_text(node)) - stats[node.mem_id][1]

    def is_dense(node: LexborNode) -> bool:
        total = len(block_text(node))
        return total > 0 and stats[node.mem_id][1] / total > MIN_LINK_DENSITY

    for text, climb in climbs:
        at = next((i for i, node in enumerate(climb) if stats[node.mem_id][0] >= MIN_LINKS_IN_LINK_BLOCK), None)
        if at is None or not is_dense(climb[at]):
            continue
        texts.add(text)
        block = climb[at]
        # Grow the block over wrappers that add only a heading ("Related", "More from Sport"),
        # so the heading counts as part of it; a wrapper that adds prose is the article.
        for parent in climb[at + 1:]:
            added = non_link_chars(parent) - non_link_chars(block)
            if added > MAX_LINK_BLOCK_HEADING_CHARS or not is_dense(parent):
                break
            block = parent
        blocks.setdefault(block.mem_id, block)
    # Lines of the outermost blocks only: an inner block's lines are among its wrapper's.
    for block in blocks.values():
        if wanted is not None and not wanted.occur_in(block_text(block)):
            continue
        if not inside_any(block, blocks.keys() - {block.mem_id}):
            texts.update(region_lines(block, node_texts))
    return texts
