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
