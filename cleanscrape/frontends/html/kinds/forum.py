"""The forum / Q&A room: every post of the thread in page order, without the furniture around them.

Forum and Q&A software print each post's text in an element of its own, apart from the post's
furniture (the user panel, the vote cell, the signature, the post's footer of links), and mark a
quoted copy of an earlier post inside a post. The room reads the posts' text elements, in page
order, leaves out the quoted copies, and gives one paragraph per block of each post. It keys on
markup conventions of the software (named at each selector) and of schema.org, never on a site.

Do no harm: the room speaks only on a page decided a forum where it finds at least two posts whose
text is most of what trafilatura kept; otherwise trafilatura's lines stand.
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.frontends.html.dom import inside_any, normalise_text
from cleanscrape.frontends.html.kinds.signals import POST_TEXT_SELECTOR, PageSignals
from cleanscrape.model import Line
from cleanscrape.text.tokens import words

# Inside a post's text: a quoted copy of an earlier post, as the software marks it (Discourse's
# aside.quote, XenForo's bbCodeBlock--quote and XenForo 1's bbCodeQuote, vBulletin's bbcode_quote,
# phpBB's blockquote with its <cite>, Invision's ipsQuote), and the signatures some software prints
# in the same element.
QUOTED_POST_SELECTOR = (
    "aside.quote, blockquote.bbCodeBlock--quote, div.bbcode_quote, blockquote.ipsQuote, div.bbCodeQuote, "
    "div.message-signature, div.signature, div.signaturecontainer"
)
# phpBB's quote is a <blockquote> opening with the quoted author's <cite>.
CITED_QUOTE_SELECTOR = "blockquote"
# Elements that end a paragraph inside a post's text.
BLOCK_SELECTOR = "p, div, li, pre, h1, h2, h3, h4, h5, h6, tr, dd, dt, blockquote, figcaption"
# Two posts make a thread; one is a question without answers or a misread, which trafilatura handles.
MIN_POSTS = 2
# The posts' text must be most of what trafilatura kept (in words): less, and the selectors found
# something else than the thread's posts (a comment box under an article on a forum's front page).
MIN_SHARE_OF_EXTRACTED = 0.5


def body_paragraphs(tree: LexborHTMLParser, lines: Sequence[Line], signals: PageSignals) -> tuple[str, ...] | None:
    """The thread's posts as paragraphs in page order, or None to keep trafilatura's lines."""
    posts = thread_posts(tree)
    if len(posts) < MIN_POSTS:
        return None
    paragraphs = tuple(paragraph for post in posts for paragraph in post_paragraphs(post))
    extracted_words = sum(len(words(line.text)) for line in lines)
    if sum(len(words(paragraph)) for paragraph in paragraphs) < MIN_SHARE_OF_EXTRACTED * extracted_words:
        return None
    return paragraphs


def thread_posts(tree: LexborHTMLParser) -> list[LexborNode]:
    """The posts' text elements in page order, the outermost of nested matches only."""
    posts: list[LexborNode] = []
    seen: set[int] = set()
    for node in tree.css(POST_TEXT_SELECTOR):
        if node.mem_id in seen or inside_any(node, seen):
            continue
        seen.add(node.mem_id)
        posts.append(node)
    return posts


def post_paragraphs(post: LexborNode) -> list[str]:
    """One post's text, one paragraph per block or line break, its quoted copies of earlier posts
    and its signature left out. Read from a copy: the page's tree is never changed."""
    copy = post.clone()
    for node in copy.css(QUOTED_POST_SELECTOR):
        node.decompose()
    for node in copy.css(CITED_QUOTE_SELECTOR):
        if node.css_first("cite") is not None:
            node.decompose()
    for node in copy.css("br"):
        node.replace_with("\n")
    for node in copy.css(BLOCK_SELECTOR):
        node.insert_after("\n")
    return [text for part in copy.text(deep=True).split("\n") if (text := normalise_text(part))]
