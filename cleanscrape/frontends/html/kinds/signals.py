"""`PageSignals`: the page-kind evidence, gathered once per page (see kinds/__init__.py).

What the page declares (schema.org types, og:type, the generator, its URL) costs nothing here: the
metadata reader has it. What the DOM shows is counted with CSS selections, each one walk of the tree
in lexbor's C, and one pass over the text of the links and paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from cleanscrape.frontends.html.visible import visible_text
from cleanscrape.model import PageMeta


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the page says of its kind. Fields are added as the decision and the rooms need them;
    each is read from the page once, here."""

    # What the page declares.
    declared_types: frozenset[str] = frozenset()  # schema.org types, lower-cased (JSON-LD, microdata)
    og_type: str | None = None  # lower-cased
    generator: str = ""  # <meta name="generator">, lower-cased: the software that made the page
    url_path: str = ""  # lower-cased path of the page's URL (given, else its canonical link or og:url)
    dated: bool = False  # the page declares a publication date or an author, as an article does
    # What the DOM shows.
    text_chars: int = 0  # characters of the page's visible text
    link_chars: int = 0  # of them, inside links
    paragraph_chars: int = 0  # of them, inside <p>
    code_blocks: int = 0  # <pre> blocks
    docs_layout: int = 0  # elements of a documentation generator's layout (sidebar, body, pager)
    permalinks: int = 0  # heading permalink marks ("¶", "#") that documentation generators add
    posts: int = 0  # post containers of forum software and schema.org posts, comments, answers
    prices: int = 0  # price texts ("$12.99", "12,99 €") and price elements
    cart_controls: int = 0  # add-to-cart forms and buttons


# Elements of documentation generators' page layout: Sphinx (sphinxsidebar, the Read the Docs
# theme's wy-nav-side, Furo's sidebar-drawer, the "¶" headerlink), MkDocs and its Material theme
# (md-sidebar, md-content), Docusaurus (theme-doc-*, pagination-nav), MediaWiki (mw-parser-output,
# mw-panel), VitePress (VPDoc), GitBook and rustdoc (rustdoc's body class, its sidebar).
DOCS_LAYOUT_SELECTOR = (
    "div.sphinxsidebar, div.documentwrapper, nav.wy-nav-side, div.wy-nav-content, .sidebar-drawer, "
    "div.md-sidebar, .md-content, div.theme-doc-sidebar-container, .theme-doc-markdown, nav.pagination-nav, "
    "div.mw-parser-output, div#mw-panel, .VPDoc, .VPSidebar, body.rustdoc, nav.sidebar.docs, "
    '[class*="docs-sidebar"], [class*="docs-content"], [class*="doc-sidebar"], [class*="DocSearch"]'
)
# Heading permalinks: Sphinx's "¶" (a.headerlink), Docusaurus (a.hash-link), MkDocs (a.headerlink),
# rustdoc (a.anchor), and GitHub-style markdown renderers (a.anchor, a.heading-anchor).
PERMALINK_SELECTOR = "a.headerlink, a.hash-link, h2 > a.anchor, h3 > a.anchor, a.heading-anchor, a.header-anchor"
# A post of a thread, as forum and Q&A software marks it up: schema.org microdata for posts,
# comments and answers; Discourse (.topic-post, crawler-post), XenForo (article.message--post),
# phpBB (div.post with .postbody), vBulletin (li.postbit, li.postcontainer, post_message_ ids),
# Invision Community (article.cPost), Stack Exchange-style Q&A (.answer, .js-post-body), and
# Flarum, NodeBB and Vanilla (PostStream-item, [component="post"], .Comment.ItemComment).
POST_SELECTOR = (
    '[itemtype$="DiscussionForumPosting"], [itemtype$="/Comment"], [itemtype$="/Answer"], '
    ".topic-post, .crawler-post, article.message--post, div.post .postbody, li.postbit, li.postcontainer, "
    '[id^="post_message_"], article.cPost, div.answer, .js-post-body, .PostStream-item, '
    '[component="post"], li.ItemComment'
)
# A price as shops print it: a currency sign before a number, or an element named for it
# (schema.org's itemprop="price", the price classes of shop themes). Signs after the number
# ("12,99 €") are left to the elements: matching them at every digit cost 10 ms on a large page.
PRICE_SELECTOR = '[itemprop="price"], [class*="price"]'
_PRICE_TEXT = re.compile(r"[$€£¥₹]\s?\d")
# Add-to-cart controls: a form posting to a cart (Shopify's /cart/add, WooCommerce's add-to-cart),
# a button named "add", or an element classed for it.
CART_SELECTOR = (
    'form[action*="cart"], button[name="add"], button[name="add-to-cart"], [class*="add-to-cart"], '
    '[class*="addtocart"], [class*="add_to_cart"], [class*="AddToCart"], [id*="add-to-cart"]'
)
# Where the page's URL is declared when the caller gave none.
URL_SELECTOR = 'link[rel="canonical"][href], meta[property="og:url"][content]'


def page_signals(tree: LexborHTMLParser, page_meta: PageMeta, source: str | None,
                 declared_types: frozenset[str] = frozenset(), shown: str | None = None) -> PageSignals:
    """The page-kind evidence of one page. `declared_types` are the schema.org types the metadata
    reader found (structured.page_metadata_and_types) and `shown` the page's visible text
    (visible.visible_text), which the front end has at hand: neither is read twice."""
    text = visible_text(tree) if shown is None else shown
    return PageSignals(
        declared_types=declared_types,
        og_type=_meta_content(tree, 'meta[property="og:type"]'),
        generator=_meta_content(tree, 'meta[name="generator"]') or "",
        url_path=url_path(source) or url_path(_declared_url(tree)),
        dated=bool(page_meta.published or page_meta.authors),
        text_chars=len(text),
        link_chars=_chars_inside(tree, "a"),
        paragraph_chars=_chars_inside(tree, "p"),
        code_blocks=len(tree.css("pre")),
        docs_layout=len(tree.css(DOCS_LAYOUT_SELECTOR)),
        permalinks=len(tree.css(PERMALINK_SELECTOR)),
        posts=len(tree.css(POST_SELECTOR)),
        prices=max(len(_PRICE_TEXT.findall(text)), len(tree.css(PRICE_SELECTOR))),
        cart_controls=len(tree.css(CART_SELECTOR)),
    )


def url_path(url: str | None) -> str:
    """The lower-cased path of `url` ("" when there is none or it does not parse)."""
    if not url:
        return ""
    try:
        return urlsplit(url.strip()).path.lower()
    except ValueError:
        return ""


def _declared_url(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first(URL_SELECTOR)
    if node is None:
        return None
    return node.attributes.get("href") or node.attributes.get("content")


def _meta_content(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    content = node.attributes.get("content") if node is not None else None
    return content.strip().lower() if content else None


def _chars_inside(tree: LexborHTMLParser, tag: str) -> int:
    """Characters of the text inside the `tag` elements (an element inside another counted twice,
    which links and paragraphs seldom are). Characters, not words: splitting every text into words
    cost as much again."""
    return sum(len(node.text()) for node in tree.css(tag))
