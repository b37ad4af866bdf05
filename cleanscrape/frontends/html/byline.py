"""Authors as a reader names them: people, without role words, placeholders or organisations.

Names come from the page's declared metadata (structured.py) and from its byline markup, which
trafilatura finds (`extract_author`: elements marked rel/itemprop/class "author" or "byline",
comments, dates and figures pruned first). Either may hold what is not a person: the site's own
name, a company, a newsroom ("Redaktion", "Staff"), a CMS account ("admin"), a role word left in
front ("Autor", "Geschrieben von") or a date left behind ("Nathan Willis March").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from lxml.etree import Element  # type: ignore[import-untyped]
from lxml.html import HtmlElement  # type: ignore[import-untyped]
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_metainfo
from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

from cleanscrape.parse.people import (
    is_labelled_value,
    is_site_credit,
    split_trailing_agency,
    wire_agency,
    without_job_title,
)
from cleanscrape.text.tokens import compact_key

# Words that introduce a byline in the languages of the web's larger publishers; the name follows.
ROLE_WORDS = frozenset({
    "by", "written", "posted", "published", "story", "words", "text", "author", "authors", "reporter", "interview",
    "von", "vom", "geschrieben", "verfasst", "autor", "autorin", "autoren", "artikel", "beitrag",
    # the text of links to an author's page: "View all posts by", "Zum Profil von"
    "view", "all", "posts", "profile", "zum", "profil", "alle", "beiträge",
    "par", "écrit", "publié", "auteur", "auteurs", "auteure",
    "por", "escrito", "publicado", "autora",
    "scritto", "door",
    # the kind of piece a byline credits: "Analysis by", "Opinion by"
    "analysis", "opinion", "commentary", "column",
})
# Names that stand for no person: accounts, newsrooms and generic labels CMSs fill in.
PLACEHOLDERS = frozenset({
    "admin", "administrator", "wordpressadmin", "webmaster", "editor", "editors", "staff", "team", "newsroom",
    "redaktion", "rédaction", "redacción", "redazione", "redactie", "guest", "anonymous", "unknown", "user",
    "username", "name", "human", "agencies", "agency", "datum", "date",
    "editorial team", "staff writer", "staff reporter",
})
# A credit ending in one of these names a newsroom, not a person: "HNN Staff", "Staff Reports",
# "News Nation Bureau", "BBC News", "Our Foreign Staff".
NEWSROOM_WORDS = frozenset({"staff", "reports", "bureau", "desk", "team", "newsroom", "news", "editors"})
# Legal forms that make a name a company's or an association's.
ORGANISATION_WORDS = frozenset({
    "gmbh", "ag", "ev", "inc", "ltd", "llc", "plc", "sarl", "srl", "bv", "nv", "corp", "kg",
})
# A name followed by one of these signs a comment ("Art Edwards says:"), not the article.
COMMENT_VERBS = frozenset({"says", "said", "wrote", "writes", "sagt", "schreibt", "dit", "dice"})
# A date trafilatura cut short leaves its month behind: "Joshua Sokol May".
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})
# Several names in one value: "A, B and C", "A; B", "A / B", "A & B", in the languages above.
NAME_SEPARATORS = re.compile(r"\s*(?:[,;|/&]|\s(?:and|und|et|y|e)\s)\s*", re.IGNORECASE)
MONTH_ABBREVIATIONS = frozenset(month[:3] for month in MONTHS)
# A profile link written after the name: "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Frank B - http://f.de".
URL = re.compile(r"\s*(?:[-–(]\s*)?https?://\S*")
# A social handle after the name: "Williams Perdomo @wperdomod".
HANDLE = re.compile(r"\s*@\w+")
DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,})+$", re.IGNORECASE)
MAX_NAME_WORDS = 5
# A degree or credential printed after a name ("MS", "RDN", "Ph.D."): capitals, perhaps with dots.
POST_NOMINAL = re.compile(r"(?:[A-Z]\.?){2,5}|Ph\.?\s?D\.?|M\.?Sc\.?")


# --------------------------------------------------------------------------- byline markup
#
# trafilatura's byline expressions (trafilatura.xpaths AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS) test
# a dozen attributes of every element of the page, in libxml2's XPath engine, where each test
# builds a node-set and each re:test calls back into Python: together they cost more than
# parsing the page. The same tests as Python predicates, on one walk over the elements, select
# the same elements in the same (document) order in a fraction of the time. They are used only
# while trafilatura's expressions read exactly as below; otherwise its own expressions run.

Selector = Callable[[HtmlElement], list[HtmlElement]]

_DISCARD_PATH = """.//*[self::a or self::div or self::section or self::span][
@id='comments' or @class='comments' or @class='title' or @class='date' or
re:test(@id, '^comments|comment-?list|ProductReviews') or
re:test(@class, '^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|""" \
    """article-(?:share|support)|print|category|meta-date|meta-reviewer') or
contains(@data-component, 'Figure')]"""
_AUTHOR_PATHS = ("""//*[self::a or self::address or self::div or self::link or self::p or self::span or self::strong][
@rel='author' or @id='author' or @class='author' or @itemprop='author name' or rel='me' or
@data-testid='AuthorCard' or @data-testid='AuthorURL' or
re:test(@class, 'author-?name|AuthorName|authorName')]|//author""",
                 """//*[self::a or self::div or self::h3 or self::h4 or self::p or self::span][
@class='byline' or @class='username' or @class='byl' or @class='BBL' or
contains(@itemprop, 'author') or
re:test(@id, 'author|zuozhe|bianji|xiaobian') or
re:test(@class, 'author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name')]""",
                 """//*[
contains(@data-component, 'Byline') or contains(@itemprop, 'author') or
re:test(@id, '[Aa]uthor') or
re:test(@class, '[Aa]uthor|screenname|writer|[Bb]yline')]""")

_DISCARD_TAGS = ("a", "div", "section", "span")
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    "|print|category|meta-date|meta-reviewer"
)
_SPECIFIC_TAGS = ("a", "address", "div", "link", "p", "span", "strong", "author")
_SPECIFIC_CLASS = re.compile("author-?name|AuthorName|authorName")
_GENERIC_TAGS = ("a", "div", "h3", "h4", "p", "span")
_GENERIC_ID = re.compile("author|zuozhe|bianji|xiaobian")
_GENERIC_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_ANY_ID = re.compile("[Aa]uthor")
_ANY_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")


def _path_key(path: str) -> str:
    return " ".join(path.split())


def _elements(tree: HtmlElement, from_document: bool, tags: Sequence[str] = ()) -> Iterator[HtmlElement]:
    """The elements `//*` (the document's) or `.//*` (below `tree`) selects, in document
    order; only those of `tags` when given (filtered by lxml in C, before any becomes a Python object)."""
    wanted = tags or (Element,)
    # extract_author reads a deep copy of `tree`, a document holding `tree` alone: its `//*` is
    # `tree` and what lies inside it (not what broken markup left beside it, as a second <html>).
    return tree.iter(*wanted) if from_document else tree.iterdescendants(*wanted)


def _has_rel_child_me(element: HtmlElement) -> bool:
    # XPath's `rel='me'`: a child element <rel> whose text is "me" (as trafilatura wrote it).
    return any(child.xpath("string()") == "me" for child in element.iterchildren("rel"))


def _discarded(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for element in _elements(tree, from_document=False, tags=_DISCARD_TAGS):
        get = element.get
        element_id, class_name = get("id") or "", get("class") or ""
        if element_id == "comments" or class_name in ("comments", "title", "date") or _DISCARD_ID.search(element_id) \
                or _DISCARD_CLASS.search(class_name) or "Figure" in (get("data-component") or ""):
            found.append(element)
    return found


def _specific(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for element in _elements(tree, from_document=True, tags=_SPECIFIC_TAGS):
        if element.tag == "author":
            found.append(element)
        else:
            get = element.get
            class_name = get("class") or ""
            if get("rel") == "author" or get("id") == "author" or class_name == "author" \
                    or get("itemprop") == "author name" or get("data-testid") in ("AuthorCard", "AuthorURL") \
                    or _SPECIFIC_CLASS.search(class_name) or _has_rel_child_me(element):
                found.append(element)
    return found


def _generic(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for element in _elements(tree, from_document=True, tags=_GENERIC_TAGS):
        get = element.get
        class_name = get("class") or ""
        if class_name in ("byline", "username", "byl", "BBL") or "author" in (get("itemprop") or "") \
                or _GENERIC_ID.search(get("id") or "") or _GENERIC_CLASS.search(class_name):
            found.append(element)
    return found


def _any(tree: HtmlElement) -> list[HtmlElement]:
    found = []
    for element in _elements(tree, from_document=True):
        get = element.get
        if "Byline" in (get("data-component") or "") or "author" in (get("itemprop") or "") \
                or _ANY_ID.search(get("id") or "") or _ANY_CLASS.search(get("class") or ""):
            found.append(element)
    return found


def _selectors() -> tuple[list[Selector], list[Selector]]:
    """(discard, author) selectors: the Python ones while trafilatura's expressions are those
    mirrored above, else trafilatura's own."""
    mirrored = [_path_key(expression.path) for expression in (*AUTHOR_DISCARD_XPATHS[:1], *AUTHOR_XPATHS)] == [
        _path_key(path) for path in (_DISCARD_PATH, *_AUTHOR_PATHS)]
    if not mirrored:
        return list(AUTHOR_DISCARD_XPATHS), list(AUTHOR_XPATHS)
    return [_discarded, *AUTHOR_DISCARD_XPATHS[1:]], [_specific, _generic, _any]


AUTHOR_DISCARD_SELECTORS, AUTHOR_SELECTORS = _selectors()
# trafilatura.metadata.extract_author's own limit on a byline's length.
MAX_BYLINE_CHARS = 120


def markup_authors(tree: HtmlElement) -> tuple[str, ...]:
    """The byline markup's names, as trafilatura reads them ("A; B" split in two).

    This is trafilatura.metadata.extract_author (comments, dates and figures pruned, then the
    byline expressions tried in turn) without its deep copy of the page: `tree` is pruned in
    place, so the caller reads it last.
    """
    pruned = prune_unwanted_nodes(tree, AUTHOR_DISCARD_SELECTORS)
    found = extract_metainfo(pruned, AUTHOR_SELECTORS, len_limit=MAX_BYLINE_CHARS)
    if found and _is_label(found):
        return ()  # "Stand: 20. April 2020": normalize_authors would keep "Stand"
    found = normalize_authors(None, found) if found else None
    return tuple(part.strip() for part in found.split(";") if part.strip()) if found else ()


def _is_label(text: str) -> bool:
    """A label and its dated value ("Stand: 20. April 2020"), unless the label is a byline's role word."""
    return is_labelled_value(text) and text.split(":")[0].strip().casefold() not in ROLE_WORDS


def person_names(names: Sequence[str], site_name: str | None = None) -> list[str]:
    """The people among `names`, role words in front and job titles after them removed, each
    once, in order. Agencies, a site's makers and labels are not people."""
    return _read_names(names, site_name)[0]


def agency_named(names: Sequence[str]) -> str | None:
    """The first wire agency `names` give as an author ("Reuters", "Jill Lawless Associated Press")."""
    agencies = _read_names(names)[1]
    return agencies[0] if agencies else None


def _read_names(names: Sequence[str], site_name: str | None = None) -> tuple[list[str], list[str]]:
    people: list[str] = []
    agencies: list[str] = []
    for value in names:
        if is_site_credit(value) or _is_label(value):
            continue
        for position, raw in enumerate(NAME_SEPARATORS.split(HANDLE.sub("", URL.sub("", " ".join(value.split()))))):
            name = _without_trailing_month(_without_role_words(raw))
            if position == 0 and is_organisation(name, site_name):
                break  # "Example Medien GmbH, Munich, Germany": an organisation and its address
            agency = wire_agency(name)
            if agency is None:  # "Jill Lawless Associated Press": a person of the agency
                name, agency = split_trailing_agency(name)
            else:  # "Reuters", "AP Sports Writer": the agency alone
                name = ""
            if agency is not None and agency not in agencies:
                agencies.append(agency)
            if position > 0 and POST_NOMINAL.fullmatch(name):
                continue  # "Jillian Kubala, MS, RD": the degrees of the name before
            name = without_job_title(name)
            if name and is_person(name, site_name) and name not in people:
                people.append(name)
    return people, agencies


def _without_role_words(name: str) -> str:
    words = name.split()
    while words and words[0].casefold().rstrip(":") in ROLE_WORDS:
        words.pop(0)
    return " ".join(words).lstrip(":").strip()


def _without_trailing_month(name: str) -> str:
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 2 and words[-1].casefold() in MONTHS else name


def is_person(name: str, site_name: str | None = None) -> bool:
    """Not a placeholder, a domain, a company or the site itself, and short enough for a name."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not any(character.isalpha() for character in name):
        return False
    if len(words) > 1 and name.islower():  # "news service reports": a phrase; a lower-case handle is one word
        return False
    folded = " ".join(name.casefold().replace(".", " ").split())
    if folded in PLACEHOLDERS or folded in MONTHS or folded[:3] in MONTH_ABBREVIATIONS and len(folded) <= 4 \
            or name.startswith(("http://", "https://")):
        return False
    last = folded.split()[-1]
    return last not in COMMENT_VERBS and last not in NEWSROOM_WORDS and not is_organisation(name, site_name)


def is_organisation(name: str, site_name: str | None = None) -> bool:
    """A domain, a name with a legal form (GmbH, Inc., e.V.) or the site's own name."""
    folded = " ".join(name.casefold().replace(".", " ").split())
    if DOMAIN.match(name) or any(word in ORGANISATION_WORDS for word in folded.split()) \
            or f" {folded} ".find(" e v ") >= 0:  # e.V.
        return True
    if site_name and len(compact_key(site_name)) > 1:
        site, key = compact_key(site_name), compact_key(name)
        if key and (key == site or (len(key) > 3 and key in site) or (len(site) > 3 and site in key)):
            return True
    return False
