"""`PageSignals`: the page-kind evidence, gathered once per page (see kinds/__init__.py).

What the page declares (schema.org types, og:type, the generator, its URL) is read from what the
metadata reader parsed and from the page's <meta> and <link> tags, in one selection. What the DOM
shows is counted with a few CSS selections, each one walk of the tree in lexbor's C. Selectors
name tags and classes rather than substrings of attributes where they can: a substring is tested
on every element of the page (measured on wcxb-dev: the docs layout's four [class*=...] cost
5 ms a page, its class selectors alone well under 1 ms).
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
    code_blocks: int = 0  # <pre> blocks
    docs_layout: int = 0  # elements of a documentation generator's layout (sidebar, body, pager)
    schema_posts: int = 0  # texts of schema.org posts, comments, questions and answers (microdata)
    forum_posts: int = 0  # texts of posts as forum and Q&A software prints them
    prices: int = 0  # price texts ("$12.99") and price elements


# Elements of documentation generators' page layout: Sphinx (sphinxsidebar, documentwrapper, the
# Read the Docs theme's wy-nav-side, Furo's sidebar-drawer), MkDocs and its Material theme
# (md-sidebar, md-content), Docusaurus (theme-doc-*, pagination-nav), MediaWiki (mw-parser-output,
# mw-panel), VitePress (VPDoc, VPSidebar) and rustdoc (its body class).
DOCS_LAYOUT_SELECTOR = (
    "div.sphinxsidebar, div.documentwrapper, nav.wy-nav-side, div.wy-nav-content, div.sidebar-drawer, "
    "div.md-sidebar, div.md-content, div.theme-doc-sidebar-container, div.theme-doc-markdown, nav.pagination-nav, "
    "div.mw-parser-output, div#mw-panel, div.VPDoc, aside.VPSidebar, body.rustdoc"
)

# The text of one post (or question, or answer), without its furniture: as schema.org microdata
# marks it (Discourse's crawler view, Stack Exchange, and many themes of other software; also an
# article's comments), and as forum software alone prints it.
SCHEMA_POST_TEXT_SELECTOR = ", ".join((
    '[itemtype$="DiscussionForumPosting"] [itemprop="text"]', '[itemtype$="/Comment"] [itemprop="text"]',
    '[itemtype$="/Question"] [itemprop="text"]', '[itemtype$="/Answer"] [itemprop="text"]',
))
FORUM_POST_TEXT_SELECTOR = ", ".join((
    "div.topic-body div.cooked",  # Discourse (the app's own view)
    "article.message-body div.bbWrapper",  # XenForo 2
    "div.postbody div.content",  # phpBB (prosilver and its derivatives)
    'div[id^="post_message_"]', "div.js-post__content-text",  # vBulletin 3/4 and vBulletin 5
    'div[data-role="commentContent"]',  # Invision Community
    "div.js-post-body",  # Stack Exchange-style Q&A
    'div[component="post/content"]',  # NodeBB
    "div.Post-body",  # Flarum
    "div.Message.userContent",  # Vanilla
    "li.message blockquote.messageText",  # XenForo 1
    "div.postright > div.postmsg:not(.postsignature)",  # FluxBB and PunBB
    "div.post_content > div.post_body",  # MyBB
))
POST_TEXT_SELECTOR = f"{SCHEMA_POST_TEXT_SELECTOR}, {FORUM_POST_TEXT_SELECTOR}"
# A price as shops print it: a currency sign before a number, or an element named for it
# (schema.org's itemprop="price", the price classes of shop themes). Signs after the number
# ("12,99 €") are left to the elements: matching them at every digit cost 10 ms on a large page.
PRICE_SELECTOR = '[itemprop="price"], [class*="price"]'
_PRICE_TEXT = re.compile(r"[$€£¥₹]\s?\d")
# The <meta> and <link> tags read here, in one selection: og:type, the generator, and the page's
# URL where the caller gave none (its canonical link, else og:url).
DECLARED_SELECTOR = 'meta[property="og:type"], meta[name="generator"], meta[property="og:url"], link[rel="canonical"]'


def page_signals(tree: LexborHTMLParser, page_meta: PageMeta, source: str | None,
                 declared_types: frozenset[str] = frozenset(), shown: str | None = None) -> PageSignals:
    """The page-kind evidence of one page. `declared_types` are the schema.org types the metadata
    reader found (structured.page_metadata_and_types) and `shown` the page's visible text
    (visible.visible_text), which the front end has at hand: neither is read twice."""
    text = visible_text(tree) if shown is None else shown
    declared = _declared_tags(tree)
    return PageSignals(
        declared_types=declared_types,
        og_type=declared.get("og:type"),
        generator=declared.get("generator", ""),
        url_path=url_path(source) or url_path(declared.get("canonical") or declared.get("og:url")),
        dated=bool(page_meta.published or page_meta.authors),
        code_blocks=len(tree.css("pre")),
        docs_layout=len(tree.css(DOCS_LAYOUT_SELECTOR)),
        schema_posts=len(tree.css(SCHEMA_POST_TEXT_SELECTOR)),
        forum_posts=len(tree.css(FORUM_POST_TEXT_SELECTOR)),
        prices=max(len(_PRICE_TEXT.findall(text)), len(tree.css(PRICE_SELECTOR))),
    )


def url_path(url: str | None) -> str:
    """The lower-cased path of `url` ("" when there is none or it does not parse)."""
    if not url:
        return ""
    try:
        return urlsplit(url.strip()).path.lower()
    except ValueError:
        return ""


def _declared_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """{"og:type", "generator", "og:url", "canonical": the first such tag's value}: og:type and
    the generator lower-cased, the URLs as written."""
    found: dict[str, str] = {}
    for node in tree.css(DECLARED_SELECTOR):
        attributes = node.attributes
        if node.tag == "link":
            key, value = "canonical", attributes.get("href")
        else:
            key, value = attributes.get("property") or attributes.get("name") or "", attributes.get("content")
            value = value.lower() if value and key != "og:url" else value
        if value and value.strip() and key not in found:
            found[key] = value.strip()
    return found
