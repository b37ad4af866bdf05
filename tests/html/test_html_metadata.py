import json
from datetime import date

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleanscrape import clean
from cleanscrape.frontends.html.structured import page_metadata
from cleanscrape.frontends.html.titles import title_without_site_name
from cleanscrape.model import PageMeta
from cleanscrape.parse.dates import declared_date_to_iso


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def page_with_json_ld(*blocks: object, head: str = "") -> LexborHTMLParser:
    scripts = "".join(
        f'<script type="application/ld+json">{block if isinstance(block, str) else json.dumps(block)}</script>'
        for block in blocks
    )
    return parse(f"<html><head>{head}{scripts}</head><body><p>Body.</p></body></html>")


def test_news_article_fields_with_one_author_object():
    tree = page_with_json_ld({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council approves the new bridge",
        "datePublished": "2025-03-20T09:30:00+01:00",
        "dateModified": "2025-03-20T11:05:12.000Z",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "publisher": {"@type": "Organization", "name": "Daily Example"},
        "articleSection": "Local",
        "articleBody": "The council voted on Tuesday.",
        "inLanguage": "en-GB",
    })
    assert page_metadata(tree) == PageMeta(
        title="Council approves the new bridge",
        published="2025-03-20T09:30:00+01:00",
        updated="2025-03-20T11:05:12+00:00",
        authors=("Jane Doe",),
        publisher="Daily Example",
        section="Local",
        body="The council voted on Tuesday.",
        language="en-GB",
    )


def test_author_list_mixes_objects_strings_and_duplicates():
    tree = page_with_json_ld({
        "@type": "BlogPosting",
        "headline": "Ten years of gardening",
        "author": [{"@type": "Person", "name": "Ann Lee"}, "Bo Chan", {"name": "Ann Lee"}, "https://example.com/staff/x"],
    })
    assert page_metadata(tree).authors == ("Ann Lee", "Bo Chan")


def test_article_inside_graph_with_id_references():
    tree = page_with_json_ld({
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://ex.org/#website", "name": "Ex Site"},
            {"@type": "Organization", "@id": "https://ex.org/#org", "name": "Ex Media Ltd"},
            {"@type": "Person", "@id": "https://ex.org/#ann", "name": "Ann Lee"},
            {
                "@type": ["ReportageNewsArticle"],
                "headline": "Flood waters recede",
                "datePublished": "2025-03-20",
                "author": {"@id": "https://ex.org/#ann"},
                "publisher": {"@id": "https://ex.org/#org"},
                "articleSection": ["Weather", "Local"],
            },
        ],
    })
    meta = page_metadata(tree)
    assert meta.title == "Flood waters recede"
    assert meta.published == "2025-03-20"
    assert meta.authors == ("Ann Lee",)
    assert meta.publisher == "Ex Media Ltd"
    assert meta.section == "Weather"


def test_article_in_a_top_level_list_after_other_types():
    tree = page_with_json_ld([
        {"@type": "BreadcrumbList", "name": "Breadcrumbs"},
        {"@type": "http://schema.org/Article", "headline": "Listed article"},
    ])
    assert page_metadata(tree).title == "Listed article"


def test_without_author_there_is_no_authors_key():
    tree = page_with_json_ld({"@type": "Article", "headline": "Anonymous note"})
    assert not page_metadata(tree).authors


def test_broken_json_ld_is_skipped_and_the_next_block_used():
    broken = '{"@type": "NewsArticle", "headline": "Broken" "author": }'
    good = {"@type": "NewsArticle", "headline": "Working headline"}
    assert page_metadata(page_with_json_ld(broken, good)).title == "Working headline"


def test_json_ld_with_trailing_comma_and_html_comment_wrapper_is_repaired():
    block = '<!-- {"@type": "NewsArticle", "headline": "Repaired &amp; read", "author": ["A. Writer",],} -->'
    meta = page_metadata(page_with_json_ld(block))
    assert meta.title == "Repaired & read"
    assert meta.authors == ("A. Writer",)


def test_structured_data_wins_over_meta_tags():
    head = (
        '<meta property="og:title" content="OG title | Site">'
        '<meta property="article:published_time" content="2024-01-01T00:00:00Z">'
        '<meta property="og:site_name" content="The Site">'
    )
    tree = page_with_json_ld({"@type": "NewsArticle", "headline": "LD headline", "datePublished": "2025-03-20"}, head=head)
    meta = page_metadata(tree)
    assert meta.title == "LD headline"
    assert meta.published == "2025-03-20"
    assert meta.site_name == "The Site"
    assert meta.publisher == "The Site"  # no JSON-LD publisher: the site name stands in


def test_meta_tags_and_title_when_there_is_no_json_ld():
    tree = parse(
        '<html lang="de"><head><title>Der Titel im Kopf - Beispiel Zeitung</title>'
        '<meta property="og:site_name" content="Beispiel Zeitung">'
        '<meta property="article:published_time" content="2025-03-11T16:41">'
        '<meta property="article:modified_time" content="Thu, 20 Mar 2025 10:15:00 GMT">'
        '<meta property="article:section" content="Politik">'
        '<meta name="author" content="Eva Muster">'
        '<meta name="description" content="Kurzfassung.">'
        "</head><body><p>Text</p></body></html>"
    )
    assert page_metadata(tree) == PageMeta(
        title="Der Titel im Kopf",
        site_name="Beispiel Zeitung",
        publisher="Beispiel Zeitung",
        published="2025-03-11T16:41",
        updated="2025-03-20T10:15:00+00:00",
        section="Politik",
        authors=("Eva Muster",),
        description="Kurzfassung.",
        language="de",
    )


def test_author_meta_holding_a_profile_url_is_not_a_name():
    tree = parse('<head><meta property="article:author" content="https://facebook.com/someone"></head>')
    assert not page_metadata(tree).authors


def test_empty_and_malformed_documents_have_no_metadata():
    assert page_metadata(parse("")) == PageMeta()
    assert page_metadata(parse("<title>Only a title")) == PageMeta(title="Only a title")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-03-20", "2025-03-20"),
        ("2025-03-11T16:41", "2025-03-11T16:41"),
        ("2025-03-11 16:41:07", "2025-03-11T16:41:07"),
        ("2025-03-20T10:15:00+0100", "2025-03-20T10:15:00+01:00"),
        ("2025-03-20T10:15:00.123456-05:00", "2025-03-20T10:15:00-05:00"),
        ("2025-03-20T10:15Z", "2025-03-20T10:15+00:00"),
        ("2025-02-30", None),
        ("2019/1/22", "2019-01-22"),  # Highwire's citation_publication_date
        ("2022-5-5 22:17:36", "2022-05-05T22:17:36"),
        ("2022-05/05", None),  # one separator, not two
        ("২০২০-০৮-২৯T১০:৪৬:০৬+০১:০০", "2020-08-29T10:46:06+01:00"),  # Bengali digits, written out in ASCII
        ("2025-003-20", None),
        ("March 20, 2025", None),
        ("", None),
        ("Thu, 20 Mar 2025 10:15:00 GMT", "2025-03-20T10:15:00+00:00"),
        ("20 Mar 2025 10:15", "2025-03-20T10:15:00"),
        ("2025-03-20T24:00", None),
        ("2025-03-20T10:60", None),
    ],
)
def test_declared_date_to_iso(raw, expected):
    assert declared_date_to_iso(raw) == expected


@pytest.mark.parametrize(
    ("title", "site_name", "expected"),
    [
        ("Council approves the new bridge | Daily Example", None, ("Council approves the new bridge", "Daily Example")),
        ("Council approves the new bridge - The Guardian", None, ("Council approves the new bridge", "The Guardian")),
        ("Council approves the new bridge \u2014 BBC News", None, ("Council approves the new bridge", "BBC News")),
        ("Council approves the new bridge :: example.com", None, ("Council approves the new bridge", "example.com")),
        ("Bridge vote | Local | Daily Example", "Daily Example", ("Bridge vote | Local", "Daily Example")),
        ("Daily Example - Bridge vote passes", "Daily Example", ("Bridge vote passes", "Daily Example")),
        ("Short one | guardian", "The Guardian", ("Short one", "guardian")),
    ],
)
def test_site_name_is_stripped(title, site_name, expected):
    assert title_without_site_name(title, site_name) == expected


@pytest.mark.parametrize(
    ("title", "site_name"),
    [
        ("Spider-Man - the review", None),  # head too short, tail not a name
        ("Spider-Man: No Way Home is great - the review", None),  # tail lower-case, "review"
        ("Why the city finally said yes - Part Two", None),  # "part" describes the piece
        ("Dune: Part Two - Review", None),
        ("Ukraine war - live", None),
        ("A long headline about the economy - and what it means for you", None),  # tail too long
        ("A single headline without separators", None),
        ("Bridge vote | Daily Example", None),  # two words: head too short
        ("Spider-Man | Marvel", None),  # one-word head: a title, not headline + site to be sure without a site name
        ("Well-known author - the interview", "Daily Example"),  # known site matches nothing
    ],
)
def test_title_left_alone_when_the_tail_is_not_a_site(title, site_name):
    assert title_without_site_name(title, site_name) == (title, None)


def test_json_ld_escapes_of_lone_surrogates_give_writable_values():
    """json.loads turns "\\ud800" into a lone surrogate, which no encoder can write out."""
    tree = page_with_json_ld('{"@type": "NewsArticle", "headline": "Bridge \\ud800 opens", '
                             '"author": {"name": "Jane \\udc00Doe"}}')
    meta = page_metadata(tree)
    assert meta.title == "Bridge \ufffd opens" and meta.authors == ("Jane \ufffdDoe",)


NEXT_YEAR = date.today().year + 1


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0001-01-01", None),  # a CMS's "no date" sentinel
        ("0001-01-01T00:00:00+00:00", None),
        ("1970-01-01T00:00:00Z", None),  # an unset Unix timestamp
        ("1994-12-31", None),
        ("1995-01-01", "1995-01-01"),
        (f"{NEXT_YEAR}-12-31", f"{NEXT_YEAR}-12-31"),
        (f"{NEXT_YEAR + 1}-01-01", None),
        ("9999-12-31T23:59:59", None),
        ("Thu, 01 Jan 1970 00:00:00 GMT", None),
    ],
)
def test_declared_dates_outside_the_plausible_years_are_not_dates(raw, expected):
    assert declared_date_to_iso(raw) == expected


def test_a_sentinel_json_ld_date_gives_way_to_the_meta_date_and_never_reaches_the_page():
    tree = page_with_json_ld(
        {"@type": "NewsArticle", "headline": "Bridge", "datePublished": "0001-01-01", "dateModified": "0001-01-01"},
        head='<meta property="article:published_time" content="2025-03-20">',
    )
    meta = page_metadata(tree)
    assert (meta.published, meta.updated) == ("2025-03-20", None)
    block = json.dumps({"@type": "NewsArticle", "headline": "Bridge", "datePublished": "0001-01-01T00:00:00"})
    page = clean(f'<html><head><script type="application/ld+json">{block}</script></head>'
                 "<body><p>The council voted on Tuesday to approve the new bridge.</p></body></html>", content_type="html")
    assert page.articles and "0001" not in json.dumps(page.to_dict())


@pytest.mark.parametrize(
    "key",
    ["date", "DC.date.issued", "dcterms.created", "DCTERMS.issued", "dcterms.date", "dc.date.created",
     "citation_publication_date", "citation_date", "prism.publicationDate", "article:published"],
)
def test_dublin_core_highwire_prism_and_plain_date_meta_keys_give_the_published_date(key):
    tree = parse(f'<head><meta name="{key}" content="2025-03-20"></head><body><p>Text</p></body>')
    assert page_metadata(tree).published == "2025-03-20"


def test_dcterms_modified_gives_the_updated_date():
    tree = parse('<head><meta name="dcterms.modified" content="2025-03-21T08:00:00Z"></head>')
    assert page_metadata(tree).updated == "2025-03-21T08:00:00+00:00"


def test_an_unreadable_date_gives_way_to_the_next_key_and_a_better_key_wins_over_date():
    tree = parse('<head><meta name="date" content="2024-01-01">'
                 '<meta property="article:published_time" content="last Tuesday">'
                 '<meta name="citation_publication_date" content="2019/1/22"></head>')
    assert page_metadata(tree).published == "2019-01-22"


def test_a_forum_thread_s_opening_post_is_the_article():
    tree = page_with_json_ld({
        "@type": "DiscussionForumPosting", "headline": "Car rental or car rent?", "datePublished": "2010-02-20T13:34:06Z",
        "author": {"@type": "Person", "name": "tomas"},
    }, head="<title>[Vocabulary] - Car rental or car rent? - Forum</title>")
    meta = page_metadata(tree)
    assert (meta.title, meta.published, meta.authors) == ("Car rental or car rent?", "2010-02-20T13:34:06+00:00", ("tomas",))


def test_without_an_article_node_a_web_page_node_gives_the_dates_only():
    tree = page_with_json_ld({"@graph": [
        {"@type": "WebSite", "name": "Ex", "datePublished": "2001-01-01"},
        {"@type": ["WebPage", "FAQPage"], "name": "Ex | FAQ", "datePublished": "2024-03-17T19:47:39+00:00",
         "dateModified": "2025-01-02", "author": {"name": "Ann Lee"}},
    ]}, head="<title>Frequently asked questions | Ex</title>")
    meta = page_metadata(tree)
    assert (meta.published, meta.updated) == ("2024-03-17T19:47:39+00:00", "2025-01-02")
    assert meta.title == "Frequently asked questions" and meta.authors == ()


def test_a_web_site_node_s_date_is_not_the_page_s():
    tree = page_with_json_ld({"@type": "WebSite", "name": "Ex", "datePublished": "2001-01-01"})
    assert page_metadata(tree).published is None


def test_with_an_article_node_a_web_page_node_s_date_does_not_stand_in():
    tree = page_with_json_ld([{"@type": "WebPage", "datePublished": "2024-03-17"}, {"@type": "NewsArticle", "headline": "H"}])
    assert page_metadata(tree).published is None


def test_microdata_dates_in_datetime_and_content_attributes():
    tree = parse('<body><article><h1>Bridge</h1><time itemprop="datePublished" datetime="2025-03-20T09:30">20 March</time>'
                 '<span itemprop="dateModified" content="2025-03-21"></span><p>Text</p></article></body>')
    meta = page_metadata(tree)
    assert (meta.published, meta.updated) == ("2025-03-20T09:30", "2025-03-21")


def test_a_meta_tag_date_wins_over_microdata_and_microdata_text_alone_is_not_read():
    tree = parse('<head><meta property="article:published_time" content="2025-03-19"></head>'
                 '<body><time itemprop="datePublished" datetime="2025-03-20">20 March</time></body>')
    assert page_metadata(tree).published == "2025-03-19"
    assert page_metadata(parse('<body><div itemprop="datePublished">2025-03-20</div></body>')).published is None


def test_a_time_in_the_article_header_dates_the_article_when_nothing_else_does():
    page = ('<body><aside><time datetime="2020-01-01">Old</time></aside><article><header><h1>Bridge</h1>'
            '<time datetime="not a date">Tuesday</time><time datetime="2025-03-20T09:30">20 March</time></header>'
            '<p>Text</p><footer><time datetime="2019-01-01">x</time></footer></article></body>')
    assert page_metadata(parse(page)).published == "2025-03-20T09:30"
    with_meta = page.replace("<body>", '<head><meta name="date" content="2025-03-19"></head><body>')
    assert page_metadata(parse(with_meta)).published == "2025-03-19"
    assert page_metadata(parse('<body><header><time datetime="2025-03-20">x</time></header></body>')).published is None


def test_a_property_attribute_naming_several_keys_is_read_as_each():
    tree = parse('<head><meta property="dc:title og:title" content="Bridge opens">'
                 '<meta property="  dcterms.created\n article:published_time " content="2025-03-20"></head>'
                 '<body><span itemprop="dateModified datePublished" content="2025-03-21"></span></body>')
    meta = page_metadata(tree)
    assert (meta.title, meta.published, meta.updated) == ("Bridge opens", "2025-03-20", "2025-03-21")


def test_article_author_name_and_a_later_key_when_the_first_is_a_profile_url():
    assert page_metadata(parse('<head><meta property="article:author_name" content="Jane Doe"></head>')).authors == ("Jane Doe",)
    tree = parse('<head><meta property="article:author" content="https://facebook.com/jd">'
                 '<meta name="dc.creator" content="Jane Doe"></head>')
    assert page_metadata(tree).authors == ("Jane Doe",)


def test_microdata_authors_with_a_nested_name_from_one_byline_not_from_the_comments():
    tree = parse(
        '<body><article><p class="byline">By <span itemprop="author" itemscope><a itemprop="url" href="/jd">'
        '<span itemprop="name">Jane Doe</span></a></span> and <span itemprop="author">John Roe</span></p>'
        '<p>Text of the article.</p><div class="comments"><div itemprop="comment"><span itemprop="author">'
        'commenter99</span></div></div></article></body>')
    assert page_metadata(tree).authors == ("Jane Doe", "John Roe")


def test_rel_author_links_give_names_but_not_sentences():
    assert page_metadata(parse('<p><a rel="author" href="/u/ann">By Ann Lee</a></p>')).authors == ("Ann Lee",)
    assert page_metadata(parse('<p><a rel="author external" href="/u/x">paulb203</a></p>')).authors == ("paulb203",)
    long_text = '<p><a rel="author" href="/u/x">Read every article this writer has published on the site</a></p>'
    assert page_metadata(parse(long_text)).authors == ()
    profile = '<p><a rel="author" href="/u/x">https://example.com/u/x</a></p>'
    assert page_metadata(parse(profile)).authors == ()


def test_declared_authors_win_over_marked_up_ones():
    tree = parse('<head><meta name="author" content="Eva Muster"></head><body><a rel="author" href="/x">Someone Else</a></body>')
    assert page_metadata(tree).authors == ("Eva Muster",)
