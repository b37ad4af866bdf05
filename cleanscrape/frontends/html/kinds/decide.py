"""The one place that decides a page's kind (see kinds/__init__.py).

Declarations first (schema.org types, og:type, the generator, the URL's shape), then what the DOM
shows (posts, code beside a docs layout, prices). Each kind is asked in turn, most specific first;
a page none of them claims is an article, so an unsure decision leaves the article path as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleanscrape.frontends.html.kinds.signals import PageSignals
from cleanscrape.model.facts import PageType

# schema.org types that declare an article: a page declaring one is not a shop's or a docs page
# (TechArticle, which documentation sites declare, is not among them).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "scholarlyarticle", "liveblogposting",
})

# A post's URL on a blog or a news site: /blog/slug, /posts/slug, /news/slug, /article/slug.
ARTICLE_PATH = re.compile(r"/(?:blogs?|posts?|news|articles?|stories)/(?:.+/)?[^/]+[a-z0-9]/?$")

# -- forum
# Forum software that names itself in <meta name="generator">.
FORUM_GENERATORS = ("discourse", "xenforo", "phpbb", "vbulletin", "invision", "mybb", "flarum", "nodebb",
                    "vanilla", "simple machines")
# Thread URLs of forum software: Discourse /t/slug/id, XenForo /threads/, phpBB viewtopic.php,
# vBulletin showthread.php, NodeBB and Invision /topic/<id>, and the /forum(s)/, /questions/ and
# /discussions/ paths of many others. Not /topics/: a site's topic pages list its articles.
FORUM_PATH = re.compile(
    r"(?:^|/)(?:t/|threads?[/.]|topic/\d|forums?/|questions/|discussions?/|viewtopic\.|showthread\.)")
# A thread or a question with its answers, as schema.org types them.
THREAD_TYPES = frozenset({"discussionforumposting", "qapage"})
# Questions with answers that are a page's FAQ: their schema.org Question/Answer text is not a thread's.
FAQ_TYPES = frozenset({"faqpage", "question"})
# Posts marked up as posts: two make a thread (an article's comment box of one is not one).
MIN_THREAD_POSTS = 2

# -- documentation
# schema.org's types for technical documentation.
DOCS_TYPES = frozenset({"techarticle", "apireference"})
# Documentation generators that name themselves in <meta name="generator">.
DOCS_GENERATORS = ("sphinx", "mkdocs", "docusaurus", "mediawiki", "rustdoc", "vitepress", "docfx", "gitbook",
                   "antora", "mdbook", "starlight", "nextra", "docsy")
# Documentation URLs: /docs/, /documentation/, /api/, /reference/, /manual/.
DOCS_PATH = re.compile(r"/(?:docs?|documentation|api|reference|manual)(?:/|$)")
# Code blocks: documentation shows code; a blog post about code does too, so code alone counts
# only beside a docs layout or in numbers (wcxb-dev: 3 <pre> blocks with no article declared).
MIN_DOCS_CODE_BLOCKS = 3

# -- product and collection
PRODUCT_TYPES = frozenset({"product", "productgroup", "individualproduct", "productmodel"})
# Types that declare a list of things: a category page lists its products.
LIST_TYPES = frozenset({"itemlist", "collectionpage", "searchresultspage", "offercatalog"})
# Shop URLs: Shopify-style /products/ and /collections/, and /product/, /category/ of many shops.
PRODUCT_PATH = re.compile(r"/products?/")
COLLECTION_PATH = re.compile(r"/collections?/|/(?:c|shop)/[^/]+/?$")
# A shop's category shows a price for each card (wcxb-dev: at 10 prices undated pages were
# collections or products far more often than articles).
MIN_COLLECTION_PRICES = 10

# -- listing
# Listing URLs: a category, tag, section or archive page of a blog or a news site, one of its
# numbered pages, or the index of its news or blog.
LISTING_PATH = re.compile(
    r"/(?:category|categories|tags?|topics|sections?|archives?)/|/page/\d+/?$|^/(?:news|blog|articles|latest)/?$")


def decide_page_type(signals: PageSignals) -> PageType:
    """The page's kind from its signals; an article when nothing says otherwise."""
    for kind, claims in KIND_TESTS:
        if claims(signals):
            return kind
    return PageType.ARTICLE


def is_forum(signals: PageSignals) -> bool:
    # Declared a thread, made by forum software, or holding posts as only forum software prints
    # them (which some of it also declares an Article, its posts Comments).
    if signals.declared_types & THREAD_TYPES or _names(signals.generator, FORUM_GENERATORS):
        return True
    if signals.forum_posts >= MIN_THREAD_POSTS:
        return True
    if _declares_article(signals):
        return False
    # Forum software's thread URL, or posts marked up as schema.org posts; a thread's opening post is
    # dated and its software often says og:type "article", so only a declared Article speaks against.
    if FORUM_PATH.search(signals.url_path):
        return True
    return signals.schema_posts >= MIN_THREAD_POSTS and not signals.declared_types & FAQ_TYPES


def is_product(signals: PageSignals) -> bool:
    og = signals.og_type or ""
    if og.startswith("product") and og != "product.group":  # og:type product, product.item
        return True
    if signals.declared_types & PRODUCT_TYPES and not signals.declared_types & LIST_TYPES:
        return True
    return bool(PRODUCT_PATH.search(signals.url_path)) and not _declares_article(signals)


def is_collection(signals: PageSignals) -> bool:
    if signals.og_type == "product.group" or COLLECTION_PATH.search(signals.url_path):
        return True
    if _reads_as_article(signals):
        return False
    return bool(signals.declared_types & LIST_TYPES and signals.prices) or signals.prices >= MIN_COLLECTION_PRICES


def is_documentation(signals: PageSignals) -> bool:
    if signals.declared_types & DOCS_TYPES:
        return True
    if _declares_article(signals):
        return False
    # The generator, its layout or a docs URL: docs generators say og:type "article" and date
    # their pages too, so only a declared Article type speaks against them.
    if _names(signals.generator, DOCS_GENERATORS) or signals.docs_layout or DOCS_PATH.search(signals.url_path):
        return True
    return signals.code_blocks >= MIN_DOCS_CODE_BLOCKS and not _reads_as_article(signals)


def is_listing(signals: PageSignals) -> bool:
    # A listing's page dates and credits its items, so only a declared article speaks against it.
    if _declares_article(signals) or signals.og_type == "article":
        return False
    return bool(signals.declared_types & LIST_TYPES) or bool(LISTING_PATH.search(signals.url_path))


# Most specific first: a thread's page may list products in a sidebar, a product page is not
# its shop's category, documentation may show prices of a plan.
KIND_TESTS: tuple[tuple[PageType, Callable[[PageSignals], bool]], ...] = (
    (PageType.FORUM, is_forum),
    (PageType.PRODUCT, is_product),
    (PageType.DOCUMENTATION, is_documentation),
    (PageType.COLLECTION, is_collection),
    (PageType.LISTING, is_listing),
)


def _declares_article(signals: PageSignals) -> bool:
    return bool(signals.declared_types & ARTICLE_TYPES)


def _reads_as_article(signals: PageSignals) -> bool:
    """The page declares an article, says it is one (og:type), dates it or names its author, or
    sits where a blog or a news site keeps its posts."""
    return (_declares_article(signals) or signals.og_type == "article" or signals.dated
            or bool(ARTICLE_PATH.search(signals.url_path)))


def _names(generator: str, software: tuple[str, ...]) -> bool:
    return any(name in generator for name in software)
