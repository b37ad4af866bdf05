from trafilatura.utils import load_html

from cleanscrape.frontends.html.dates import MarkupDates, markup_dates

BODY = "<p>The council voted on Tuesday to build the new bridge across the river, after years of debate.</p>"


def test_a_time_element_gives_the_published_date():
    tree = load_html(f'<html><body><article><time datetime="2021-03-04T10:00:00">4 March 2021</time>{BODY}'
                     "</article></body></html>")
    assert markup_dates(tree, None).published == "2021-03-04"


def test_a_date_in_the_url_path_is_read_only_from_a_web_address():
    tree = load_html(f"<html><body>{BODY}</body></html>")
    assert markup_dates(tree, "https://news.example.com/2019/07/12/bridge-vote/").published == "2019-07-12"
    assert markup_dates(tree, "/tmp/2019/07/12/page.html") == MarkupDates()


def test_published_and_updated_apart():
    tree = load_html('<html><head><meta property="article:published_time" content="2020-01-19T12:25:36+00:00">'
                     '<meta property="article:modified_time" content="2020-01-20T09:49:32+00:00"></head>'
                     f"<body>{BODY}</body></html>")
    assert markup_dates(tree, None) == MarkupDates(published="2020-01-19", updated="2020-01-20")


def test_no_date_outside_the_plausible_years():
    tree = load_html('<html><head><meta property="article:published_time" content="1970-01-01T00:00:00Z"></head>'
                     f"<body>{BODY}</body></html>")
    assert markup_dates(tree, None).published is None


# A shop's product page: no date anywhere but its footer's copyright years (issue #22 item 2).
SHOP_PAGE = """<html><head><title>Merino Wool Crew Socks, 3 pairs</title></head><body>
<header><nav><a href="/">Home</a> <a href="/socks">Socks</a></nav></header>
<main><h1>Merino Wool Crew Socks, 3 pairs</h1>
<p>Soft, breathable merino wool that keeps your feet warm in winter and cool in summer.</p>
<p class="price">$24.99</p><p>Sizes S, M, L and XL. Machine washable at 30 degrees.</p></main>
<footer><div class="footer-info"><small>{notice}</small></div>
<p>Free shipping on orders over $50.</p></footer></body></html>"""


def test_a_copyright_notice_gives_no_date():
    for notice in ("© 1996 - 2026 Woolly Feet Outfitters", "© 2025 Woolly Feet Ltd. All rights reserved.",
                   "Copyright 2024 Woolly Feet"):
        tree = load_html(SHOP_PAGE.format(notice=notice))
        assert markup_dates(tree, "https://shop.example.com/socks/merino-crew") == MarkupDates(), notice


def test_a_bare_year_or_a_month_gives_no_date():
    page = ("<html><body><main><h1>Annual report</h1><p>Our figures for 2023 show the bridge project on time.</p>"
            "<p class='meta'>Archive: 2023/05</p>"
            f"{BODY}</main><div itemprop='copyrightYear' content='2023'></div></body></html>")
    assert markup_dates(load_html(page), None) == MarkupDates()


def test_the_first_of_a_month_stands_where_the_page_writes_it():
    page = f"<html><body><article><p class='date'>Published 1 March 2024</p>{BODY}</article></body></html>"
    assert markup_dates(load_html(page), None).published == "2024-03-01"


def test_a_date_the_page_labels_updated_is_the_updated_date_not_the_published_one():
    page = ("<html><body><article><h1>How to renew your passport</h1>"
            "<div class='article-meta'><span>Updated January 16, 2026</span></div>"
            f"{BODY}</article><footer>© 2026 City Hall</footer></body></html>")
    assert markup_dates(load_html(page), None) == MarkupDates(published=None, updated="2026-01-16")


def test_a_published_date_with_a_later_update_keeps_both():
    page = ("<html><head><meta property='article:published_time' content='2025-11-03T08:00:00Z'></head>"
            "<body><article><h1>Bridge opens</h1><p class='date'>Updated November 5, 2025</p>"
            f"{BODY}</article></body></html>")
    assert markup_dates(load_html(page), None).published == "2025-11-03"


def test_a_page_that_declares_its_published_date_asks_only_for_the_updated_one():
    page = (f"<html><body><article><p class='date'>12 May 2022</p>{BODY}<p>Posted on 2022-05-12 by Ann.</p>"
            "</article></body></html>")
    assert markup_dates(load_html(page), None, published_needed=False) == MarkupDates(updated="2022-05-12")


def test_a_date_with_its_months_name_in_another_language_is_read_in_a_date_element():
    page = ("<html><body><article><h1>Neue Radwege</h1><p class='meta-info'>Veröffentlicht am 4. Mai 2022</p>"
            "<p>Der Stadtrat hat am Dienstag den Bau von vier neuen Radwegen beschlossen.</p></article></body></html>")
    assert markup_dates(load_html(page), None).published == "2022-05-04"


def test_a_date_the_text_speaks_of_is_not_the_page_date():
    # A jeweller's collection page: its only date is the start of a policy it describes.
    page = ("<html><body><main><h1>Our materials</h1><div class='stories-tile-text'><h3>Recycled gold</h3>"
            "Since 1 January 2023, 100% of our newly crafted gold jewellery is made from recycled gold.</div>"
            f"{BODY}</main></body></html>")
    assert markup_dates(load_html(page), None) == MarkupDates()


def test_a_date_written_in_the_text_without_a_reference_word_still_counts():
    page = ("<html><body><main><h1>Bridge opens</h1><div class='intro'>Riverside, 3 February 2023 - "
            f"the new bridge opened to traffic this morning.</div>{BODY}</main></body></html>")
    assert markup_dates(load_html(page), None).published == "2023-02-03"
