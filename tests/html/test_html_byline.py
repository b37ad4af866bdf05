from copy import deepcopy

import pytest
from selectolax.lexbor import LexborHTMLParser
from trafilatura.utils import load_html

from cleanscrape.frontends.html.byline import agency_named, is_person, markup_authors, person_names
from cleanscrape.frontends.html.structured import page_metadata


@pytest.mark.parametrize(("raw", "expected"), [
    ("Von Daniel Meier", "Daniel Meier"),
    ("Geschrieben von Elisa Marvena", "Elisa Marvena"),
    ("Written by Rob Ewaschuk", "Rob Ewaschuk"),
    ("Par Sébastien Farcis", "Sébastien Farcis"),
    ("Por Williams Perdomo", "Williams Perdomo"),
    ("Text: Anna Kubišta", "Anna Kubišta"),
    ("Autor Gàbor Muniér", "Gàbor Muniér"),
    ("Joshua Sokol May", "Joshua Sokol"),  # a date cut short leaves its month behind
    ("Analysis by Dana Whitfield", "Dana Whitfield"),  # the kind of piece, then its author
])
def test_role_words_and_date_remnants_are_removed(raw, expected):
    assert person_names([raw]) == [expected]


def test_names_with_particles_and_months_as_names_stay_whole():
    assert person_names(["Ursula von der Leyen", "June Carter", "Ben May"]) == [
        "Ursula von der Leyen", "June Carter", "Ben May"]


@pytest.mark.parametrize("placeholder", ["admin", "Redaktion", "Staff", "Editorial Team", "Username", "Agencies"])
def test_placeholders_are_not_people(placeholder):
    assert not is_person(placeholder)


@pytest.mark.parametrize("organisation", ["finanztreff.de", "Web Commerce GmbH", "Bund der Energieverbraucher e.V.",
                                          "Acme Inc.", "https://example.com/author/jane"])
def test_companies_and_domains_are_not_people(organisation):
    assert not is_person(organisation)


@pytest.mark.parametrize("newsroom", ["Valley Post Staff", "Staff Reports", "Metro Nation Bureau", "Channel 9 News",
                                      "Our Foreign Staff", "RIVERTON HERALD STAFF"])
def test_a_newsrooms_credit_is_not_a_person(newsroom):
    assert not is_person(newsroom)
    assert person_names([newsroom, "Dana Whitfield"]) == ["Dana Whitfield"]


def test_a_name_that_merely_holds_a_newsroom_word_is_a_person():
    assert person_names(["Desk Ohanian", "Teamus Reed"]) == ["Desk Ohanian", "Teamus Reed"]


def test_the_sites_own_name_is_not_an_author():
    assert person_names(["Badische Zeitung", "Lisa Petrich"], site_name="Badische Zeitung") == ["Lisa Petrich"]
    assert person_names(["Motorsport-Total.com"], site_name="Motorsport-Total.com") == []


def test_every_co_author_once_in_order():
    assert person_names(["Lars Fischer", "Alina Schadwinkel", "Lars Fischer"]) == ["Lars Fischer", "Alina Schadwinkel"]


def test_byline_markup_is_read_and_a_page_without_one_gives_nothing():
    byline = load_html('<html><body><article><p class="byline">By <a rel="author" href="/p/jd">Jane Doe</a></p>'
                       "<p>The council voted on Tuesday to build the new bridge across the river.</p></article></body></html>")
    assert person_names(markup_authors(byline)) == ["Jane Doe"]
    plain = load_html("<html><body><p>The council voted on Tuesday to build the new bridge.</p></body></html>")
    assert markup_authors(plain) == ()


def test_comment_signatures_and_link_texts_are_not_bylines():
    assert person_names(["Art Edwards says"]) == []
    assert person_names(["View all posts by Petra Ruland", "Vom Krimiblogger"]) == ["Petra Ruland", "Krimiblogger"]
    assert person_names(["Steve Vai", "Emily Co"]) == ["Steve Vai", "Emily Co"]


def test_several_names_in_one_value_with_handles_and_links():
    assert person_names(["Rob Picheta, CNN"], site_name="CNN") == ["Rob Picheta"]
    assert person_names(["Williams Perdomo @wperdomod"]) == ["Williams Perdomo"]
    assert person_names(["Bradley M. Kuhn (http://ebb.org/bkuhn/)"]) == ["Bradley M. Kuhn"]
    assert person_names(["Lars Fischer und Alina Schadwinkel"]) == ["Lars Fischer", "Alina Schadwinkel"]


def test_the_byline_selectors_mirror_trafilaturas_current_expressions():
    # A trafilatura release that rewords them makes byline.py fall back to its expressions (slower).
    from cleanscrape.frontends.html import byline

    assert [byline._specific, byline._generic, byline._any] == byline.AUTHOR_SELECTORS


BYLINE_PAGES = [
    '<html><body><article><p class="byline">By <a rel="author" href="/p/jd">Jane Doe</a></p><p>Text.</p></article>'
    "</body></html>",
    '<html><body><div class="comments-area"><span class="author">Commenter</span></div>'
    '<div class="post-author-name">Ann Lee</div><p>Text.</p></body></html>',
    '<html><body><figure><span class="byline">Photo Person</span></figure><div id="xAuthorBox">Ben May</div>'
    "<p>Text.</p></body></html>",
    '<html><body><div class="sidebar"><a class="author">Side Bar</a></div><time>May 2</time>'
    '<h4 id="zuozhe-1">Li Wei</h4><p>Text.</p></body></html>',
    '<html><body><div><rel>me</rel>Kim Park</div><author>Tom Field</author><p>Text.</p></body></html>',
    '<html><body><section class="Comments"><p class="author">Not Me</p></section>'
    '<span data-component="Byline">Sam Stone</span><span itemprop="author name">Ola Nordmann</span></body></html>',
    "<html><body><p>The council voted on Tuesday to build the new bridge.</p></body></html>",
    # a second <html> after the first: libxml2 puts it beside the root, which extract_author's copy leaves out
    '<html><body><p>Text.</p></body></html><html><div id="author">Eve Stone</div></html>',
]


@pytest.mark.parametrize("html", BYLINE_PAGES)
def test_markup_authors_reads_what_trafilatura_reads(html):
    from trafilatura.metadata import extract_author
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    from cleanscrape.frontends.html import byline

    tree = load_html(html)
    copied = deepcopy(tree)  # what extract_author reads: a document holding the root element alone
    for expression, selector in zip([*AUTHOR_DISCARD_XPATHS, *AUTHOR_XPATHS],
                                    [*byline.AUTHOR_DISCARD_SELECTORS, *byline.AUTHOR_SELECTORS], strict=True):
        assert [element.sourceline for element in selector(tree)] == [
            element.sourceline for element in expression(copied)]
        assert selector(copied) == expression(copied)
    expected = extract_author(tree)
    assert markup_authors(tree) == (tuple(name.strip() for name in expected.split(";")) if expected else ())


# Issue #22 item 6: what the author fields of real pages hold that is no person.

def test_a_label_and_its_date_is_not_a_name():
    page = load_html('<html><body><article><h1>Neue Radwege in der Innenstadt</h1>'
                     '<div class="author">Stand: 20. April 2020</div>'
                     "<p>Der Stadtrat hat am Dienstag den Bau von vier neuen Radwegen beschlossen.</p>"
                     "</article></body></html>")
    assert person_names(markup_authors(page)) == []
    assert person_names(["Autor: Max Mustermann"]) == ["Max Mustermann"]  # a role word's label stays


def test_a_web_agencys_credit_in_the_footer_is_not_an_author():
    page = load_html('<html><body><main><h1>Trash and Recycling</h1>'
                     "<p>Trash is collected every Monday; put your cart at the curb by 7 a.m.</p></main>"
                     '<footer><div class="footer-author"><a href="https://agency.example">Government Websites by '
                     "CivicPlus</a></div></footer></body></html>")
    assert person_names(markup_authors(page)) == []
    assert person_names(["Powered by WordPress", "Site by Studio Nord"]) == []


def test_a_job_title_glued_to_a_name_is_split_off():
    assert person_names(["Jane Doe Marketing Manager"]) == ["Jane Doe"]
    assert person_names(["Ben Silverman Games Editor"]) == ["Ben Silverman"]
    assert person_names(["Susan Hallam, Managing Director"]) == ["Susan Hallam"]
    assert person_names(["Marketing Manager"]) == []
    # names that end in words that are no title's head stay whole
    assert person_names(["Mary Ann Chase", "Tom Porter", "Edith Head"]) == ["Mary Ann Chase", "Tom Porter", "Edith Head"]


def test_a_wire_agency_is_the_agency_not_an_author():
    assert person_names(["Reuters"]) == []
    assert agency_named(["Reuters"]) == "Reuters"
    assert person_names(["ERIC TUCKER Associated Press"]) == ["ERIC TUCKER"]
    assert agency_named(["ERIC TUCKER Associated Press"]) == "Associated Press"
    assert person_names(["AP Sports Writer"]) == [] and agency_named(["AP Sports Writer"]) == "AP"
    assert person_names(["Jane Doe, AFP"]) == ["Jane Doe"] and agency_named(["Jane Doe, AFP"]) == "AFP"
    assert agency_named(["Jane Doe"]) is None


def test_an_organisations_address_and_a_names_degrees_are_not_people():
    assert person_names(["Beispiel-Medien.de GmbH, Munich, Germany"]) == []
    assert person_names(["Jillian Kubala, MS, RD"]) == ["Jillian Kubala"]


def test_every_declared_author_is_kept():
    tree = LexborHTMLParser('<html><head><meta name="author" content="Lars Fischer">'
                            '<meta name="author" content="Alina Schadwinkel"></head><body><p>Text.</p></body></html>')
    assert page_metadata(tree).authors == ("Lars Fischer", "Alina Schadwinkel")
