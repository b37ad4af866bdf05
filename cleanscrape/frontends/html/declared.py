"""The main content a page declares: its <main> element (or role="main"), else its one <article>.

The HTML spec gives <main> as the page's dominant content and <article> as one self-contained
composition; templates put the body there and the menus, teasers and footers around it. An
extractor's text that lies mostly outside the declared main content, while a second extractor's
lies inside it, picked another block of the page (a promotion strip, a list of links, a site
banner) and the second extractor the body. Evidence only: a page that declares nothing, or
whose declared region holds both extractions or neither, says nothing here.

Nothing here modifies the tree: the declared regions are copied before their scripts go.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.frontends.html.dom import inside_any
from cleanscrape.frontends.html.visible import NOT_VISIBLE_SELECTOR
from cleanscrape.text.tokens import word_counts

MAIN_SELECTOR = 'main, [role="main"]'
ARTICLE_SELECTOR = "article"
# Less than this share of trafilatura's words inside the declared main content: most of its
# text is elsewhere on the page (0.3 to 0.7 picked the same wcxb-dev pages but one or two,
# benchmarks/quality.py beside trafilatura alone).
MAX_WORDS_INSIDE_FOR_ELSEWHERE = 0.5
# This share of the second extractor's words inside it: all of that text is the declared body but
# a heading or a caption the template set just outside.
MIN_WORDS_INSIDE_FOR_BODY = 0.9


def declared_main_words(tree: LexborHTMLParser) -> Counter[str] | None:
    """The words (text/tokens.words) of the page's declared main content, counted; None when the
    page declares none: no <main> or role="main", and no <article> or several (a listing of
    articles declares no one of them the page's)."""
    regions = _outermost(tree.css(MAIN_SELECTOR))
    if not regions:
        articles = tree.css(ARTICLE_SELECTOR)
        regions = articles if len(articles) == 1 else []
    if not regions:
        return None
    return word_counts(_visible_text(region) for region in regions)


def share_inside(texts: Iterable[str], region_words: Counter[str]) -> float:
    """The share of the words of `texts` that the region holds (counted as often as it has them)."""
    counted = word_counts(texts)
    total = sum(counted.values())
    return sum((counted & region_words).values()) / total if total else 0.0


def body_elsewhere(extracted: Iterable[str], region_words: Counter[str]) -> bool:
    """Whether the extracted text lies mostly outside the declared main content."""
    return share_inside(extracted, region_words) < MAX_WORDS_INSIDE_FOR_ELSEWHERE


def body_inside(paragraphs: Iterable[str], region_words: Counter[str]) -> bool:
    """Whether the paragraphs lie (nearly) all inside the declared main content."""
    return share_inside(paragraphs, region_words) >= MIN_WORDS_INSIDE_FOR_BODY


def _outermost(nodes: list[LexborNode]) -> list[LexborNode]:
    """`nodes` but those inside another of them: a <main> in a role="main" wrapper is counted once."""
    ids = {node.mem_id for node in nodes}
    return [node for node in nodes if not inside_any(node, ids - {node.mem_id})]


def _visible_text(region: LexborNode) -> str:
    """The region's text without its scripts, styles and other unseen elements (on a copy)."""
    copy = region.clone()
    for node in copy.css(NOT_VISIBLE_SELECTOR):
        node.decompose()
    return copy.text(separator="\n")
