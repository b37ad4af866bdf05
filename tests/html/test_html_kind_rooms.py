"""The rooms of listings, collections and product pages (frontends/html/kinds): what each keeps
and what it leaves out, on pages written like the CMS and shop themes they key on."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleanscrape import clean
from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html.extract import document_from_html
from cleanscrape.frontends.html.kinds import PageSignals, PageType
from cleanscrape.frontends.html.kinds.listing import listing_body
from cleanscrape.frontends.html.kinds.product import product_body
from cleanscrape.frontends.html.kinds.service import service_body
from cleanscrape.model import PageKind

TEASERS = [
    ("Planting garlic in autumn", "Cloves set out before the first frost root well and give fat bulbs by midsummer."),
    ("Why your tomatoes split", "Uneven watering swells the fruit faster than its skin can stretch, and it cracks."),
    ("A hedge for small gardens", "Hornbeam keeps its dead leaves through winter, so the screen stays thick all year."),
    ("Compost without the smell", "Balance green waste with brown cardboard and turn the heap every few weeks."),
    ("Saving seed from beans", "Leave the best pods on the plant until they rattle, then shell and dry them."),
]

# A WordPress category archive: the theme's loop prints each post as an article.post card.
CATEGORY_PAGE = f"""<html><head><title>Gardening archives</title></head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/shop">Shop</a></li></ul></nav></header>
<main id="main"><header class="archive-header"><h1>Category: Gardening</h1>
<div class="archive-description"><p>Seasonal advice from our allotment: what to sow, what to prune and
what to leave alone, written by people who get their hands dirty every weekend.</p></div></header>
<div class="posts">
{"".join(f'<article class="post type-post"><h2 class="entry-title"><a href="/p/{i}">{title}</a></h2>'
         f'<div class="entry-summary"><p>{teaser}</p></div><a class="more" href="/p/{i}">Read more</a></article>'
         for i, (title, teaser) in enumerate(TEASERS))}
</div>
<nav class="pagination"><a href="/category/gardening/page/2">Older posts</a></nav>
</main>
<aside class="widget-area"><h2>Subscribe</h2><p>Get our newsletter every Friday morning in your inbox.</p></aside>
<footer><p>Copyright 2026 The Allotment Journal. All rights reserved.</p></footer>
</body></html>"""


def _lines(*texts: str) -> tuple:
    return split_lines("\n\n".join(texts))


def test_listing_room_takes_every_card_under_the_heading_and_leaves_the_furniture():
    tree = LexborHTMLParser(CATEGORY_PAGE)
    description = ("Seasonal advice from our allotment: what to sow, what to prune and what to leave alone, "
                   "written by people who get their hands dirty every weekend.")
    body = listing_body(tree, _lines(description), PageSignals())
    assert body is not None
    text = "\n".join(body)
    assert body[0] == "Category: Gardening"
    assert description in body
    for title, teaser in TEASERS:
        assert title in body and teaser in body
    # Furniture: the site's menu, the sidebar's newsletter box, the pager and the footer.
    for gone in ("About us", "newsletter", "Older posts", "Copyright"):
        assert gone not in text
    # In page order: the description before the first card, the cards in their order.
    assert body.index(description) < body.index(TEASERS[0][0]) < body.index(TEASERS[-1][0])


def test_listing_room_does_not_add_a_card_trafilatura_printed_run_together():
    # trafilatura runs two cards together without their "Read more" links: the blocks do not hold
    # that text whole, yet they hold all of it; added again, every card was printed twice.
    tree = LexborHTMLParser(CATEGORY_PAGE)
    run_together = "".join(part for card in TEASERS[1:3] for part in card)
    body = listing_body(tree, _lines(run_together), PageSignals())
    assert body is not None
    assert run_together not in body and body.count(TEASERS[1][0]) == 1


def test_a_page_without_a_run_of_cards_keeps_trafilaturas_lines():
    page = """<html><body><main><h1>About the allotment</h1><p>We have grown vegetables here since
    1952, on land the council lets to members for a small yearly fee.</p><p>Members share tools
    and seed, and the committee meets on the first Monday of each month.</p></main></body></html>"""
    tree = LexborHTMLParser(page)
    assert listing_body(tree, _lines("We have grown vegetables here since 1952."), PageSignals()) is None


def test_a_listing_page_is_cleaned_into_its_items():
    source = "https://garden.example/category/gardening/"
    assert document_from_html(CATEGORY_PAGE, source).page_type is PageType.LISTING
    page = clean(CATEGORY_PAGE, content_type="html", source=source)
    for _, teaser in TEASERS:
        assert teaser in page.text
    assert "Copyright" not in page.text and "About us" not in page.text
    # Undated cards' titles stay in the text (the metadata stage makes a title of a line printed
    # twice or dated only), so the page is one article holding the items in order.
    assert page.kind is PageKind.ARTICLE
    assert page.text.index(TEASERS[0][0]) < page.text.index(TEASERS[-1][1])


# A Shopify-style collection: subcategory links above a grid of product cards with prices.
COLLECTION_PAGE = """<html><body>
<a class="skip-to-content-link" href="#MainContent">Skip to content</a>
<main id="MainContent"><div class="collection-hero"><h1>Stoneware mugs</h1>
<div class="collection-hero__description"><p>Thrown by hand in our workshop and glazed in small
batches, so no two mugs are quite alike.</p></div></div>
<ul class="subcollections"><li><a href="/collections/tall">Tall</a></li><li><a href="/collections/small">Small</a></li>
<li><a href="/collections/sets">Gift sets</a></li></ul>
<ul id="product-grid" class="grid product-grid">
<li class="grid__item"><div class="card"><h3 class="card__heading"><a href="/products/a">Speckled oat mug</a></h3>
<div class="price"><span class="price-item">$28.00</span></div></div></li>
<li class="grid__item"><div class="card"><h3 class="card__heading"><a href="/products/b">Tall ink blue mug</a></h3>
<div class="price"><span class="price-item">$32.00</span></div></div></li>
<li class="grid__item"><div class="card"><h3 class="card__heading"><a href="/products/c">Moss green espresso cup</a></h3>
<div class="price"><span class="price-item">$22.00</span></div></div></li>
<li class="grid__item"><div class="card"><h3 class="card__heading"><a href="/products/d">Ash white latte mug</a></h3>
<div class="price"><span class="price-item">$30.00</span></div></div></li>
</ul>
<form class="filters"><label>Sort by</label><select><option>Best selling</option></select></form>
</main></body></html>"""


def test_collection_room_takes_the_product_cards_and_the_description_not_the_menus():
    tree = LexborHTMLParser(COLLECTION_PAGE)
    description = ("Thrown by hand in our workshop and glazed in small batches, so no two mugs are quite alike.")
    body = listing_body(tree, _lines(description), PageSignals())
    assert body is not None
    for item in ("Speckled oat mug", "$28.00", "Moss green espresso cup", "$30.00"):
        assert item in body
    text = "\n".join(body)
    # A link-only subcategory menu, the skip link and the sort control are furniture.
    for gone in ("Gift sets", "Skip to content", "Best selling", "Sort by"):
        assert gone not in text


# A product page: the description, then a review widget and a "you may also like" row.
PRODUCT_PAGE = """<html><head><script type="application/ld+json">{"@context": "https://schema.org",
"@type": "Product", "name": "Speckled oat mug", "description": "A 350 ml mug thrown on the wheel from
speckled stoneware clay, glazed in oatmeal and fired twice for a glaze that will not craze."}</script>
</head><body><main><h1>Speckled oat mug</h1><div class="product__info"><p>Every mug is thrown by hand,
so its size and speckles vary a little from the photograph.</p><p>The clay is dug in Staffordshire and
fired to stoneware temperature, which makes the mug hard wearing and safe in the dishwasher.</p>
<ul><li>Holds 350 ml</li><li>Oatmeal glaze over speckled clay</li><li>Microwave and dishwasher safe</li></ul></div>
<div class="product-reviews"><h2>Customer reviews</h2><p>I bought two of these for my sister and she
drinks her morning coffee from one every single day.</p></div>
<div class="product-recommendations"><h2>You may also like</h2><p>Our tall ink blue mug holds a full
pint of tea and keeps it warm for longer than you would expect.</p></div></main></body></html>"""


def test_product_room_leaves_out_reviews_and_recommendations_and_adds_the_declared_description():
    tree = LexborHTMLParser(PRODUCT_PAGE)
    kept = "Every mug is thrown by hand, so its size and speckles vary a little from the photograph."
    review = "I bought two of these for my sister and she drinks her morning coffee from one every single day."
    related = ("Our tall ink blue mug holds a full pint of tea and keeps it warm for longer than you would "
               "expect.")
    clay = ("The clay is dug in Staffordshire and fired to stoneware temperature, which makes the mug hard "
            "wearing and safe in the dishwasher.")
    body = product_body(tree, _lines(kept, clay, review, related), PageSignals())
    assert body is not None
    assert kept in body and clay in body
    assert review not in body and related not in body
    assert any("fired twice for a glaze that will not craze" in text for text in body)


def test_product_room_changes_nothing_on_a_plain_product_page():
    page = """<html><body><main><h1>Oak stool</h1><p>Solid oak, oiled by hand, 45 cm high, for the
    kitchen or the workshop.</p></main></body></html>"""
    tree = LexborHTMLParser(page)
    assert product_body(tree, _lines("Solid oak, oiled by hand, 45 cm high, for the kitchen or the workshop."),
                        PageSignals()) is None


def test_product_room_stands_aside_when_trafilaturas_text_is_mostly_reviews():
    tree = LexborHTMLParser(PRODUCT_PAGE)
    review = "I bought two of these for my sister and she drinks her morning coffee from one every single day."
    assert product_body(tree, _lines(review), PageSignals()) is None


# A company's service page: sections of heading and short lines inside <main>, a call-to-action
# button, a section printed twice (for small and large screens) and a newsletter box.
SERVICE_PAGE = """<html><body><header class="site"><nav><a href="/">Home</a><a href="/contact">Contact</a></nav></header>
<main><section class="hero"><h1>Payroll for small teams</h1><p>Run payroll in minutes, file taxes
automatically and pay your people on time, every time.</p><a class="btn btn-primary" href="/signup">Start free trial</a></section>
<section class="features"><h2>Everything in one place</h2>
<div class="feature"><h3>Automatic tax filing</h3><p>We file federal, state and local payroll taxes for you.</p></div>
<div class="feature"><h3>Direct deposit</h3><p>Employees are paid in two days, with no fee per payment.</p></div></section>
<section class="mobile-only"><h3>Automatic tax filing</h3><p>We file federal, state and local payroll taxes for you.</p></section>
<section class="newsletter-signup"><h2>Stay in the loop</h2><p>Get product news and payroll tips in your inbox once a month.</p></section>
</main><footer><p>Copyright 2026 Payroll Co. All rights reserved.</p></footer></body></html>"""


def test_service_room_takes_the_main_elements_sections_once_without_controls_or_newsletter():
    tree = LexborHTMLParser(SERVICE_PAGE)
    intro = "Run payroll in minutes, file taxes automatically and pay your people on time, every time."
    body = service_body(tree, _lines(intro), PageSignals())
    assert body is not None
    for kept in (intro, "Everything in one place", "Direct deposit",
                 "Employees are paid in two days, with no fee per payment."):
        assert kept in body
    assert body.count("We file federal, state and local payroll taxes for you.") == 1
    text = "\n".join(body)
    for gone in ("Start free trial", "payroll tips in your inbox", "Copyright", "Contact"):
        assert gone not in text


def test_service_room_needs_a_main_element():
    page = SERVICE_PAGE.replace("<main>", "<div>").replace("</main>", "</div>")
    tree = LexborHTMLParser(page)
    assert service_body(tree, _lines("Run payroll in minutes."), PageSignals()) is None
