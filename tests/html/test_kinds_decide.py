"""The page-kind decision (frontends/html/kinds/decide.py) from the signals gathered once per page
(signals.py): each kind on the evidence its software or schema.org gives, an article when unsure."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanscrape.frontends.html.kinds import decide_page_type, page_signals
from cleanscrape.frontends.html.structured import page_metadata_and_types
from cleanscrape.model import PageType

PROSE = ("<p>The council approved the new bridge on Tuesday after a debate that lasted most of the night, "
         "and construction is expected to begin in the spring.</p>")


def decided(html: str, source: str | None = None) -> PageType:
    tree = LexborHTMLParser(html)
    meta, types = page_metadata_and_types(tree)
    return decide_page_type(page_signals(tree, meta, source, types))


def page(head: str = "", body: str = PROSE) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("html", [
    page('<script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "Tram delays"}</script>'),
    page('<script type="application/ld+json">{"@type": "QAPage", "mainEntity": {"@type": "Question"}}</script>'),
    page(body=f'<div itemscope itemtype="https://schema.org/QAPage">{PROSE}</div>'),
    page('<meta name="generator" content="Discourse 3.4.0 - https://github.com/discourse/discourse">'),
    page('<link rel="canonical" href="https://community.example.org/threads/tram-delays.12345/">'),
    # phpBB's posts, marked up by the software alone
    page(body="".join(f'<div class="post"><div class="postbody"><div class="content">{PROSE}</div></div></div>'
                      for _ in range(3))),
])
def test_a_thread_is_a_forum(html: str):
    assert decided(html) is PageType.FORUM


@pytest.mark.parametrize("html", [
    page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tram delays"}</script>'),
    # an article's FAQ and a comment under an article are not threads
    page('<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [{"@type": "Question"}]}</script>'),
    page(body=f'<article itemscope itemtype="https://schema.org/Article">{PROSE}'
              '<div itemscope itemtype="https://schema.org/Comment"><p itemprop="text">Nice.</p></div></article>'),
    # a site's topic page lists articles: not a forum's thread URL
    page('<link rel="canonical" href="https://news.example.org/topics/transport/trams">'),
    page(),
])
def test_an_article_its_faq_or_its_comments_make_no_forum(html: str):
    assert decided(html) is not PageType.FORUM


def test_a_docs_generator_or_a_docs_url_is_documentation_even_where_the_page_says_article():
    assert decided(page('<meta name="generator" content="Docusaurus v3.1.0"><meta property="og:type" content="article">')) \
        is PageType.DOCUMENTATION
    assert decided(page(), source="https://example.org/docs/install/") is PageType.DOCUMENTATION
    sphinx = page(body=f'<div class="sphinxsidebar"><a href="/">Contents</a></div>{PROSE}')
    assert decided(sphinx) is PageType.DOCUMENTATION


def test_code_blocks_make_documentation_only_on_a_page_that_is_no_article():
    code = "<pre>pip install tram</pre>" * 3
    assert decided(page(body=PROSE + code)) is PageType.DOCUMENTATION
    blog_post = page('<meta property="og:type" content="article"><meta property="article:published_time" '
                     'content="2025-03-20T10:00:00Z">', PROSE + code)
    assert decided(blog_post) is PageType.ARTICLE


def test_a_product_and_a_shops_category():
    assert decided(page('<meta property="og:type" content="product">')) is PageType.PRODUCT
    assert decided(page('<script type="application/ld+json">{"@type": "Product", "name": "Kettle"}</script>')) \
        is PageType.PRODUCT
    cards = "".join(f'<div class="card"><a href="/p/{n}">Kettle {n}</a><span class="price">$2{n}.99</span></div>'
                    for n in range(12))
    assert decided(page(body=cards)) is PageType.COLLECTION
    assert decided(page(), source="https://shop.example.com/collections/kettles") is PageType.COLLECTION


def test_prices_in_a_dated_article_leave_it_an_article():
    prices = "".join(f"<p>The {n}th model costs ${n}9.99 in most shops this month.</p>" for n in range(12))
    review = page('<meta property="article:published_time" content="2025-03-20T10:00:00Z">', PROSE + prices)
    assert decided(review) is PageType.ARTICLE


def test_signals_come_from_the_given_url_before_the_pages_own():
    tree = LexborHTMLParser(page('<link rel="canonical" href="https://example.org/Blog/Post-1">'))
    meta, types = page_metadata_and_types(tree)
    assert page_signals(tree, meta, None, types).url_path == "/blog/post-1"
    assert page_signals(tree, meta, "https://example.org/t/tram/7", types).url_path == "/t/tram/7"


def test_posts_only_forum_software_prints_outweigh_a_declared_article_and_schema_comments_do_not():
    article = '<script type="application/ld+json">{"@type": "Article", "headline": "Which card?"}</script>'
    xenforo = "".join(f'<article class="message-body"><div class="bbWrapper">{PROSE}</div></article>' for _ in range(3))
    assert decided(page(article, xenforo)) is PageType.FORUM
    comments = "".join(f'<div itemscope itemtype="https://schema.org/Comment"><div itemprop="text">{PROSE}</div></div>'
                       for _ in range(3))
    assert decided(page(article, PROSE + comments)) is PageType.ARTICLE


def test_a_blogs_category_or_news_index_is_a_listing_and_an_article_in_it_is_not():
    assert decided(page(), source="https://example.org/category/science/") is PageType.LISTING
    assert decided(page(), source="https://example.org/news") is PageType.LISTING
    story = page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tram delays"}</script>')
    assert decided(story, source="https://example.org/category/science/") is PageType.ARTICLE
    assert decided(page(), source="https://example.org/news/tram-delays-expected") is PageType.ARTICLE
