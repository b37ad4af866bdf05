"""The forum room (frontends/html/kinds/forum.py): every post of a thread in page order, without
the user panels, vote cells, signatures and quoted copies of earlier posts; and nothing on a page
where its evidence does not hold."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleanscrape import clean
from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html.kinds import PageSignals, forum
from cleanscrape.model import PageType

OPENING = ("I am planning to replace the graphics card in my desktop and cannot decide between the two "
           "models the shop has in stock this week.")
OPENING_MORE = "Both cost about the same here, so the question is noise and cooling rather than price."
REPLY = ("Prices vary a lot by region, so check the cooling first: most cards of the same chip are within "
         "a few percent of each other in real games.")
REPLY_MORE = "The quieter one has larger fans and a thicker heatsink, which matters more than the clock."
LAST = ("I bought the quieter one in the end and it stays under seventy degrees while gaming, thanks "
        "to everyone who answered.")
QUOTED = "Prices vary a lot by region, so check the cooling first"
SIGNATURE = "Ryzen 7 5800X | 32 GB | my build log is linked in my profile"
USER_PANEL = "Joined Mar 2019 Messages 4,211 Reaction score 1,032"


def xenforo_post(number: int, author: str, body: str, signature: str = "") -> str:
    """A post as XenForo 2 prints it: the user panel in its own cell, the text in message-body's
    bbWrapper, the signature in an aside after it."""
    aside = f'<aside class="message-signature"><div class="bbWrapper">{signature}</div></aside>' if signature else ""
    return f"""
<article class="message message--post js-post" data-author="{author}" id="js-post-{number}">
  <div class="message-inner">
    <div class="message-cell message-cell--user">
      <section class="message-user"><h4 class="message-name"><a href="/members/{author}.1/">{author}</a></h4>
        <div class="message-userExtras"><dl><dt>Joined</dt><dd>Mar 2019</dd></dl><dl><dt>Messages</dt><dd>4,211</dd></dl>
        <dl><dt>Reaction score</dt><dd>1,032</dd></dl></div></section>
    </div>
    <div class="message-cell message-cell--main"><div class="message-main"><div class="message-content">
      <header class="message-attribution"><time datetime="2024-11-01T15:45:44-0400">Nov 1, 2024</time>
        <a href="/threads/gpu.1/post-{number}">#{number}</a></header>
      <div class="message-userContent"><article class="message-body js-selectToQuote">
        <div itemprop="text"><div class="bbWrapper">{body}</div></div>
      </article></div>
      {aside}
    </div>
    <footer class="message-footer"><a class="actionBar-action">Reply</a> <a>Report</a> <a>Like</a></footer>
    </div></div>
  </div>
</article>"""


THREAD = f"""<!doctype html><html><head><title>Which card should I buy? | Hardware Forum</title>
<meta name="generator" content="XenForo"></head><body>
<nav><a href="/">Forums</a> <a href="/whats-new/">What's new</a> <a href="/members/">Members</a></nav>
<h1 class="p-title-value">Which card should I buy?</h1>
<div class="block-body js-replyNewMessageContainer">
{xenforo_post(1, "anna", f"{OPENING}<br><br>{OPENING_MORE}", SIGNATURE)}
{xenforo_post(2, "ben", f"{REPLY}<br><br>{REPLY_MORE}")}
{xenforo_post(3, "anna", '<blockquote class="bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote">'
              f'<div class="bbCodeBlock-title">ben said:</div><div class="bbCodeBlock-content">{QUOTED}</div></blockquote>'
              f"{LAST}", SIGNATURE)}
</div>
<footer><a href="/help/terms/">Terms and rules</a> <a href="/help/privacy-policy/">Privacy policy</a></footer>
</body></html>"""


def test_every_post_of_a_thread_is_kept_in_page_order_without_its_furniture():
    page = clean(THREAD, content_type="html")
    assert page.page_type is PageType.FORUM
    text = page.text
    positions = [text.find(part) for part in (OPENING, OPENING_MORE, REPLY, REPLY_MORE, LAST)]
    assert -1 not in positions and positions == sorted(positions)
    for furniture in (SIGNATURE, "Reaction score", "Joined", "ben said:", "Report"):
        assert furniture not in text
    # The quoted copy of the earlier post is left out; the earlier post itself stays, once.
    assert text.count(QUOTED) == 1


def discourse_crawler_post(number: int, author: str, body: str) -> str:
    """A post of Discourse's crawler view (what it serves without JavaScript): schema.org microdata."""
    return f"""
<div id="post_{number}" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post">
  <div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">
    <a itemprop="url" href="/u/{author}"><span itemprop="name">{author}</span></a></span>
    <span class="crawler-post-infos"><time itemprop="datePublished" datetime="2024-07-02T09:12:00Z">July 2, 2024, 9:12am</time>
    <span itemprop="position">{number}</span></span></div>
  <div class="post" itemprop="text">{body}</div>
  <div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
    <span class="post-likes">3 Likes</span></div>
</div>"""


def test_a_discourse_crawler_view_keeps_each_post_and_leaves_the_quote_aside():
    quote = (f'<aside class="quote" data-username="ben" data-post="2"><div class="title">ben:</div>'
             f"<blockquote><p>{QUOTED}</p></blockquote></aside>")
    html = f"""<html><head><meta name="generator" content="Discourse 3.4.0 - https://github.com/discourse/discourse">
<link rel="canonical" href="https://forum.example.org/t/which-card/1234"></head><body>
<div id="main-outlet" class="wrap" role="main">
<div itemscope itemtype="http://schema.org/DiscussionForumPosting"><h1><a href="/t/which-card/1234" itemprop="url">Which card?</a></h1>
{discourse_crawler_post(1, "anna", f"<p>{OPENING}</p><p>{OPENING_MORE}</p>")}
{discourse_crawler_post(2, "ben", f"<p>{REPLY}</p><p>{REPLY_MORE}</p>")}
{discourse_crawler_post(3, "anna", f"{quote}<p>{LAST}</p>")}
</div></div>
<footer class="noscript-footer-nav"><a href="/about">About</a> <a href="/faq">FAQ</a> <a href="/privacy">Privacy Policy</a></footer>
</body></html>"""
    page = clean(html, content_type="html")
    assert page.page_type is PageType.FORUM
    for post in (OPENING, OPENING_MORE, REPLY, REPLY_MORE, LAST):
        assert post in page.text
    assert "3 Likes" not in page.text and "ben:" not in page.text and page.text.count(QUOTED) == 1


def test_the_room_keeps_trafilaturas_lines_where_it_finds_fewer_than_two_posts():
    one_post = LexborHTMLParser(xenforo_post(1, "anna", OPENING))
    lines = split_lines(OPENING)
    assert forum.body_paragraphs(one_post, lines, PageSignals()) is None


def test_the_room_keeps_trafilaturas_lines_where_the_posts_are_a_small_part_of_the_body():
    # Two short comments marked up as posts under a long article: not the page's body.
    comments = "".join(xenforo_post(number, "reader", "Great read, thanks.") for number in (1, 2))
    article = " ".join([OPENING, REPLY, LAST] * 4)
    assert forum.body_paragraphs(LexborHTMLParser(comments), split_lines(article), PageSignals()) is None


def test_a_phpbb_quote_with_its_cite_is_left_out_of_the_post():
    html = f"""<div class="post"><div class="postbody"><div class="content">
      <blockquote><div><cite>ben wrote:</cite>{QUOTED}</div></blockquote>{LAST}<br>{OPENING_MORE}</div></div></div>
      <div class="post"><div class="postbody"><div class="content">{REPLY}</div></div></div>"""
    paragraphs = forum.body_paragraphs(LexborHTMLParser(html), split_lines(LAST), PageSignals())
    assert paragraphs == (LAST, OPENING_MORE, REPLY)
