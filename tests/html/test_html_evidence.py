from selectolax.lexbor import LexborHTMLParser

from cleanscrape.frontends.html.dom import normalise_text
from cleanscrape.frontends.html.evidence import DomEvidence, dom_evidence
from cleanscrape.model import Evidence

ARTICLE_PARAGRAPH = "The council voted on Tuesday to approve the new bridge across the river."

PAGE = f"""<!DOCTYPE html>
<html><head><title>Bridge</title></head><body>
<header class="site-header"><a href="/">Daily Example</a> <a href="/news">News</a></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
  <header><h1>Council approves the new bridge</h1><p class="byline">By Jane Doe</p></header>
  <p>{ARTICLE_PARAGRAPH}</p>
  <figure><img src="b.jpg"><figcaption>The old bridge,   seen from the
     east bank. <span class="photo-credit">Photo: A. Snapper</span></figcaption></figure>
  <p>Work starts in May, the council said, with <a href="/budget">the full budget</a> published online.</p>
  <div class="related"><h3>Related</h3><ul>
    <li><a href="/a">Ferry prices rise again</a></li>
    <li><a href="/b">Roadworks on the ring road</a> (3 min read)</li>
    <li><a href="/c">New cycle lanes open</a></li>
  </ul></div>
  <div class="wp-caption-text">Map of the route</div>
</article></main>
<aside><p>Most read today</p></aside>
<section id="comments" class="comments-area"><p>Great news for the town!</p></section>
<footer><p>&copy; 2025 Daily Example</p></footer>
</body></html>"""


def evidence(html: str) -> DomEvidence:
    return dom_evidence(LexborHTMLParser(html))


def test_figcaption_and_caption_classes_are_captions():
    found = evidence(PAGE)
    assert "The old bridge, seen from the east bank. Photo: A. Snapper" in found.captions
    assert "Photo: A. Snapper" in found.captions  # a credit class on its own
    assert "Map of the route" in found.captions
    assert ARTICLE_PARAGRAPH not in found.captions


def test_related_links_block_inside_article_is_link_evidence():
    found = evidence(PAGE)
    assert {"Ferry prices rise again", "Roadworks on the ring road (3 min read)", "New cycle lanes open"} <= found.links
    assert "Related" in found.links  # the block's own heading is part of it
    # One link in a paragraph of prose does not make the paragraph a link block.
    assert not any("Work starts in May" in text for text in found.links)
    assert "the full budget" not in found.links
    assert ARTICLE_PARAGRAPH not in found.links


def test_link_block_needs_several_links():
    html = '<article><div><a href="/a">One headline link here</a><a href="/b">Second link</a></div></article>'
    assert evidence(html).links == frozenset()


def test_link_block_needs_mostly_link_text():
    html = (
        "<article><div><p>A paragraph of real prose that runs for quite a while and mentions "
        '<a href="/a">one</a>, <a href="/b">two</a> and <a href="/c">three</a> sources.</p></div></article>'
    )
    assert evidence(html).links == frozenset()


def test_link_block_does_not_grow_over_a_wrapper_with_prose():
    html = (
        '<article><div class="body"><p>Short story text: the mayor resigned this morning after a long row.</p>'
        '<ul><li><a href="/1">First related story headline</a></li><li><a href="/2">Second related story headline</a></li>'
        '<li><a href="/3">Third related story headline</a></li><li><a href="/4">Fourth related story headline</a></li></ul>'
        "</div></article>"
    )
    found = evidence(html)
    assert "Third related story headline" in found.links
    assert not any("mayor resigned" in text for text in found.links)


def test_nav_aside_footer_and_site_header_are_boilerplate():
    found = evidence(PAGE)
    assert {"Home", "Sport", "Most read today", "\u00a9 2025 Daily Example", "Daily Example News"} <= found.boilerplate


def test_article_header_is_content_not_boilerplate():
    found = evidence(PAGE)
    assert "Council approves the new bridge" not in found.boilerplate
    assert "By Jane Doe" not in found.boilerplate


def test_role_attributes_mark_boilerplate():
    html = '<div role="navigation"><p>Sections</p></div><div role="contentinfo"><p>Imprint</p></div><p>Story</p>'
    found = evidence(html)
    assert {"Sections", "Imprint"} <= found.boilerplate
    assert "Story" not in found.boilerplate


def test_comment_sections_by_id_class_and_disqus():
    html = (
        '<div id="disqus_thread"><p>First!</p></div>'
        '<ol class="commentlist"><li>Nice piece.</li></ol>'
        '<div class="comment-count">12 comments</div>'  # a byline widget, not the section
        '<div class="commentary-body"><p>Opinion text stays.</p></div>'
    )
    found = evidence(html)
    assert {"First!", "Nice piece."} <= found.comments
    assert "Opinion text stays." not in found.comments
    assert "12 comments" not in found.comments
    assert "Great news for the town!" in evidence(PAGE).comments


def test_page_level_classes_do_not_make_everything_a_comment():
    html = '<body class="single comments-open"><article class="post has-comments"><p>Body text.</p></article></body>'
    assert evidence(html).comments == frozenset()


def test_for_text_maps_sets_to_model_evidence():
    found = evidence(PAGE)
    assert found.for_text("  The old bridge, seen from the east bank.\u00a0Photo: A. Snapper ") == Evidence(caption=True)
    assert found.for_text("New cycle lanes open") == Evidence(link=True, link_lead=True)
    assert found.for_text("Great news for the town!") == Evidence(comment=True)  # not boilerplate: see below
    assert found.for_text(ARTICLE_PARAGRAPH) == Evidence()


def test_malformed_html_without_body_and_with_unclosed_tags():
    html = (
        "<title>Broken</title><div><p>Unclosed paragraph <nav><a href=/>Home</a><a href=/x>Sections"
        "<figure><figcaption>A caption <b>bold"
    )
    found = evidence(html)
    assert "Home" in found.boilerplate
    assert "A caption bold" in found.captions


def test_deeply_nested_unclosed_tags_do_not_crash():
    html = "<div>" * 5000 + "<nav><a href=/>Deep</a></nav>" + "<p>text"
    assert "Deep" in evidence(html).boilerplate


def test_empty_document_has_no_evidence():
    assert evidence("") == DomEvidence()
    assert evidence("   ") == DomEvidence()


def test_script_text_is_not_a_line():
    html = "<nav><script>var menu = 1;</script><a href=/>Home</a></nav>"
    found = evidence(html)
    assert "Home" in found.boilerplate
    assert not any("var menu" in text for text in found.boilerplate)


def test_normalise_text_collapses_all_whitespace():
    assert normalise_text(" a\u00a0\tb\n\nc  ") == "a b c"


def test_a_line_opening_with_a_linked_headline_is_a_link_lead():
    html = ("<html><body><article><p>Text of the article, long enough to be a paragraph of its own.</p>"
            "<ul><li><a href='/a'>Pats place Olszewski on IR</a> New England's roster is re-shuffling</li></ul>"
            "<p>Read <a href='/b'>more</a> about it in our guide.</p></article></body></html>")
    found = dom_evidence(LexborHTMLParser(html))
    assert found.for_text("Pats place Olszewski on IR New England's roster is re-shuffling").link_lead
    assert not found.for_text("Read more about it in our guide.").link_lead


PAGE_LINES = [
    "Daily Example", "Home", "Sport", "Council approves the new bridge", "By Jane Doe", ARTICLE_PARAGRAPH,
    "The old bridge, seen from the east bank. Photo: A. Snapper", "Photo: A. Snapper",
    "Work starts in May, the council said, with the full budget published online.", "Related",
    "Ferry prices rise again", "Roadworks on the ring road (3 min read)", "New cycle lanes open",
    "Map of the route", "Most read today", "Great news for the town!", "© 2025 Daily Example",
]


def test_evidence_for_given_lines_matches_evidence_for_the_whole_page():
    whole = evidence(PAGE)
    for line in PAGE_LINES:
        assert dom_evidence(LexborHTMLParser(PAGE), [line]).for_text(line) == whole.for_text(line), line
    together = dom_evidence(LexborHTMLParser(PAGE), PAGE_LINES)
    assert all(together.for_text(line) == whole.for_text(line) for line in PAGE_LINES)
    assert whole.for_text("Sport").boilerplate and whole.for_text("Ferry prices rise again").link


def test_regions_holding_none_of_the_given_lines_are_skipped():
    found = dom_evidence(LexborHTMLParser(PAGE), [ARTICLE_PARAGRAPH, "Ferry prices rise again"])
    assert "Sport" not in found.boilerplate and "Map of the route" not in found.captions
    assert "Ferry prices rise again" in found.links
    assert dom_evidence(LexborHTMLParser(PAGE), []) == DomEvidence()


def test_a_linked_sentence_closed_by_a_full_stop_is_not_a_link_lead():
    # A newsletter's items open with a linked sentence; a related list's with a linked headline.
    html = ("<html><body><article><ul>"
            "<li><a href='/a'>The state attorney general is investigating the company</a>. "
            "The company confirmed it had been contacted.</li>"
            "<li><a href='/b'>The regulator fined the bank for late filings.</a> It will appeal.</li>"
            "<li><a href='/c'>Ferry prices rise again as fuel costs climb</a>... and more to come</li>"
            "</ul></article></body></html>")
    found = dom_evidence(LexborHTMLParser(html))
    assert not found.for_text("The state attorney general is investigating the company. "
                              "The company confirmed it had been contacted.").link_lead
    assert not found.for_text("The regulator fined the bank for late filings. It will appeal.").link_lead
    assert found.for_text("Ferry prices rise again as fuel costs climb... and more to come").link_lead
    assert found.for_text("The state attorney general is investigating the company").link_lead  # the link alone


def test_the_article_header_is_article_header_evidence_and_the_site_header_is_not():
    found = evidence(PAGE)
    assert found.for_text("Council approves the new bridge").article_header
    assert found.for_text("By Jane Doe").article_header
    assert not found.for_text(ARTICLE_PARAGRAPH).article_header
    assert not found.for_text("Daily Example").article_header and found.for_text("Daily Example").boilerplate


def test_a_comment_region_is_not_boilerplate_since_a_thread_is_made_of_them():
    assert evidence(PAGE).for_text("Most read today") == Evidence(boilerplate=True)


def test_code_comments_and_comment_icons_are_no_comment_thread():
    html = (
        '<pre><code><span class="hljs-comment"># fetch the remote branch first</span>\ngit fetch</code></pre>'
        '<p>Reply <i class="fa fa-comment"></i> <span class="comment-label">to this post below</span></p>'
        '<pre class="token comment">// not a thread either</pre>'
    )
    assert evidence(html).comments == frozenset()


def test_a_heading_of_the_body_repeated_in_a_table_of_contents_is_not_boilerplate():
    html = (
        '<nav><ul><li><a href="#setup">Setting up</a></li><li><a href="#use">Usage</a></li></ul></nav>'
        '<main><h2 id="setup">Setting up</h2><p>Install the package first.</p></main>'
    )
    found = evidence(html)
    assert "Setting up" not in found.boilerplate
    assert "Usage" in found.boilerplate


def test_the_figcaption_attributing_a_blockquote_is_no_caption():
    html = ("<article><figure><blockquote><p>The best class I have taken in years.</p></blockquote>"
            "<figcaption>— Maria L.</figcaption></figure>"
            "<figure><img src='a.jpg'><figcaption>The studio in spring</figcaption></figure></article>")
    found = evidence(html)
    assert "— Maria L." not in found.captions
    assert "The studio in spring" in found.captions


def test_caption_and_comment_tests_restate_their_css_selectors() -> None:
    # dom_evidence selects captions and comment candidates in one walk and tells them apart in
    # Python: the split must keep exactly what each selector alone matches (case rules included).
    from cleanscrape.frontends.html.evidence import (
        CAPTION_OR_COMMENT_SELECTOR,
        CAPTION_SELECTOR,
        COMMENT_CANDIDATE_SELECTOR,
        _distinct,
        _is_caption,
        _is_comment_candidate,
    )

    root = LexborHTMLParser("""<body>
      <figure><img src="a.jpg"><figcaption>Harbour at dawn</figcaption></figure>
      <div class="Wp-CAPTION-text">Map of the route</div><p id="photoCaption">Boats</p>
      <span class="image-credit">Photo: K. Lens</span><span itemprop="Caption">Not a caption</span>
      <span itemprop="caption">A caption</span><p itemprop="copyrightHolder">Example Press</p>
      <section id="Comments" class="thread comment-caption">Great read!</section>
      <div class="disqus_thread">Loading</div><div class="dİsqus">Odd letter</div>
      <p class="capt&#304;on">Dotted capital</p><p>Plain paragraph</p>
    </body>""").body
    assert root is not None
    union = _distinct(root.css(CAPTION_OR_COMMENT_SELECTOR))
    for selected, matches in ((CAPTION_SELECTOR, _is_caption), (COMMENT_CANDIDATE_SELECTOR, _is_comment_candidate)):
        # A selector list lists a node once per selector it matches: compared once each.
        assert [n.mem_id for n in union if matches(n)] == [n.mem_id for n in _distinct(root.css(selected))]
    assert [normalise_text(n.text()) for n in union if _is_caption(n)] == [
        "Harbour at dawn", "Map of the route", "Boats", "Photo: K. Lens", "A caption", "Example Press",
        "Great read!"]
    assert [normalise_text(n.text()) for n in union if _is_comment_candidate(n)] == ["Great read!", "Loading"]
