"""What a page declares about itself: its JSON-LD article, its <meta> tags and its <title>, read
into one PageMeta. Structured data wins field by field, then <meta>, then <title>.

Reads one parsed tree and never modifies it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import fields, replace
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.decode.charset import repair_surrogates
from cleanscrape.frontends.html.dom import contains, node_text, normalise_text
from cleanscrape.frontends.html.titles import title_without_site_name
from cleanscrape.model import PageMeta
from cleanscrape.parse.dates import declared_date_to_iso
from cleanscrape.parse.people import MAX_NAME_WORDS, parse_byline

# schema.org types whose node describes the page's article: Article and its subtypes
# (https://schema.org/Article), which publishers use interchangeably; a forum thread's opening
# post (DiscussionForumPosting) is the thread's article.
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
    "socialmediaposting", "discussionforumposting", "techarticle", "apireference", "scholarlyarticle",
    "medicalscholarlyarticle", "report", "satiricalarticle", "advertisercontentarticle",
})
# Other creative works whose dates are the page's when it has no article node: the page itself
# (WebPage and its subtypes, https://schema.org/WebPage) and works a page is about as a whole.
# Not WebSite (its dates are the site's) nor media objects (a video embedded in any page).
DATED_WORK_TYPES = frozenset({
    "webpage", "aboutpage", "checkoutpage", "collectionpage", "contactpage", "faqpage", "itempage",
    "medicalwebpage", "profilepage", "qapage", "realestatelisting", "searchresultspage",
    "creativework", "recipe", "howto", "review", "question", "podcastepisode", "dataset",
})
# Microdata declares the same types on elements: itemtype="https://schema.org/QAPage".
MICRODATA_TYPE_SELECTOR = "[itemtype]"
# Containers whose members are nodes of the same description (WebPage.mainEntity holds the
# article on many CMSs). Other values are not walked: "citation" or "hasPart" articles are
# someone else's.
JSON_LD_CONTAINER_KEYS = ("@graph", "mainEntity")
# Wrappers CMSs put around a JSON-LD block, which JSON does not allow.
JSON_LD_WRAPPERS = ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
# "schema:NewsArticle" and "http://schema.org/NewsArticle" name the same type.
_TYPE_PREFIX_END = re.compile(r"[/:#]")

# <meta> keys (property, name or itemprop, lower-cased) for each field, best first. A date is
# read from the first key whose content is a readable date.
META_TITLE = ("og:title", "twitter:title")
META_SITE_NAME = ("og:site_name",)
META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
    # Dublin Core and DCMI terms, as HTML spells them (https://wiki.whatwg.org/wiki/MetaExtensions)
    "dc.date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dcterms.date",
    # Highwire Press tags (read by Google Scholar) and PRISM: scholarly and magazine publishers
    "citation_publication_date", "citation_date", "prism.publicationdate",
    "date",  # the loosest: last
)
META_UPDATED = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified", "datemodified",
    "dc.date.modified", "dcterms.modified",
)
META_SECTION = ("article:section", "og:article:section")
META_AUTHOR = ("author", "article:author_name", "article:author", "parsely-author", "sailthru.author", "dc.creator",
               "dc:creator", "dcterms.creator")
META_DESCRIPTION = ("og:description", "description", "twitter:description")
META_LANGUAGE = ("content-language",)
# The attributes that name a <meta> tag's key, best first.
META_KEY_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")
# <meta> tags, and microdata on other elements, which carries its value in the same content
# attribute or, on <time>, in datetime: <time itemprop="datePublished" datetime="2025-03-20">.
META_SELECTOR = "meta[content], [itemprop][content], [itemprop][datetime]"
# Elements that declare their text an author's name: microdata (whose name may sit in a nested
# itemprop="name") and links to the author's page.
AUTHOR_SELECTOR = '[itemprop~="author"], a[rel~="author"]'
NAME_SELECTOR = '[itemprop~="name"]'
# A marked-up author is a name, not a bio box or a "More from ..." teaser.
MAX_AUTHOR_WORDS = MAX_NAME_WORDS
# A <time> in the header of the page's <article> (or <main>) dates the article; one elsewhere may
# date a comment, a related story or the page's footer.
ARTICLE_HEADER_TIME_SELECTOR = "article header time[datetime], main header time[datetime]"


def page_metadata(tree: LexborHTMLParser) -> PageMeta:
    """Structured metadata of the page: JSON-LD article first, then <meta> and microdata, then
    <title> and the article header's <time>."""
    return page_metadata_and_types(tree)[0]


def page_metadata_and_types(tree: LexborHTMLParser) -> tuple[PageMeta, frozenset[str]]:
    """`page_metadata`, and the lower-case schema.org types the page declares (JSON-LD and
    microdata), which the page-kind decision reads too (kinds/signals.py): the JSON-LD is parsed once."""
    nodes = [node for script in _json_ld_scripts(tree) for node in _json_ld_nodes(_load_json_ld(script))]
    structured = _json_ld_metadata(nodes)
    tags = _meta_tag_metadata(tree)
    meta = _field_by_field(
        structured, tags, PageMeta(published=_article_header_date(tree), authors=_marked_up_authors(tree)),
    )
    types = frozenset().union(*map(_node_types, nodes), _microdata_types(tree))
    if meta.publisher is None and meta.site_name is not None:
        meta = replace(meta, publisher=meta.site_name)
    if structured.title is None:
        title = tags.title or _document_title(tree)
        if title:
            # <title> and og:title often carry " | Site"; a JSON-LD headline does not.
            headline, site = title_without_site_name(title, meta.site_name or meta.publisher)
            meta = replace(meta, title=headline, site_name=meta.site_name or site)
    elif meta.site_name or meta.publisher:
        # Some CMSs write the <title> into the JSON-LD headline: its tail goes when it names the site.
        headline, _ = title_without_site_name(structured.title, meta.site_name or meta.publisher, named_only=True)
        meta = replace(meta, title=headline)
    return meta, types


def _field_by_field(*sources: PageMeta) -> PageMeta:
    """Each field from the first source that has it (the empty value where none has)."""
    merged: dict[str, Any] = {}
    for field in fields(PageMeta):
        values = [getattr(source, field.name) for source in sources]
        merged[field.name] = next(filter(None, values), values[-1])
    return PageMeta(**merged)


def clean_value(value: Any) -> str | None:
    """A metadata string with entities decoded and whitespace collapsed; None for non-strings
    and empty strings. From a list, its first non-blank string."""
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str) and item.strip()), None)
    if not isinstance(value, str):
        return None
    # JSON-LD may spell a lone surrogate ("\\ud800"): no encoding could write it out.
    return normalise_text(repair_surrogates(html.unescape(value))) or None


def _declared_date(text: str | None) -> str | None:
    return declared_date_to_iso(text) if text is not None else None


def _is_url(text: str) -> bool:
    """A bare URL where a name is expected is a profile link, not a name."""
    return text.startswith(("http://", "https://"))


def _document_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    return clean_value(node.text()) if node is not None else None


# --------------------------------------------------------------------------- JSON-LD

def _microdata_types(tree: LexborHTMLParser) -> frozenset[str]:
    """The lower-case schema.org type names of the page's microdata items."""
    names: set[str] = set()
    for node in tree.css(MICRODATA_TYPE_SELECTOR):
        for url in (node.attributes.get("itemtype") or "").split():  # an item may name several types
            names.add(_TYPE_PREFIX_END.split(url.rstrip("/"))[-1].lower())
    return frozenset(names)


def _json_ld_metadata(nodes: list[dict[str, Any]]) -> PageMeta:
    article = next((node for node in nodes if _node_types(node) & ARTICLE_TYPES), None)
    if article is None:
        return _dated_work_metadata(nodes)
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    return PageMeta(
        title=clean_value(article.get("headline")) or clean_value(article.get("name")),
        published=_declared_date(clean_value(article.get("datePublished"))),
        updated=_declared_date(clean_value(article.get("dateModified"))),
        authors=tuple(_names(article.get("author"), by_id)),
        publisher=next(iter(_names(article.get("publisher"), by_id)), None),
        section=clean_value(article.get("articleSection")),
        description=clean_value(article.get("description")),
        body=clean_value(article.get("articleBody")),
        language=_language(article.get("inLanguage")),
    )


def _dated_work_metadata(nodes: list[dict[str, Any]]) -> PageMeta:
    """The dates of the first dated creative work (DATED_WORK_TYPES) that has one."""
    for node in nodes:
        if _node_types(node) & DATED_WORK_TYPES:
            published = _declared_date(clean_value(node.get("datePublished")))
            updated = _declared_date(clean_value(node.get("dateModified")))
            if published or updated:
                return PageMeta(published=published, updated=updated)
    return PageMeta()


def _json_ld_scripts(tree: LexborHTMLParser) -> Iterator[str]:
    for script in tree.css("script[type]"):
        if (script.attributes.get("type") or "").strip().lower() == "application/ld+json":
            yield script.text(deep=True)


def _load_json_ld(raw: str) -> Any:
    """Parse a JSON-LD block, repairing what CMSs commonly break; None if hopeless."""
    text = raw.strip()
    for wrapper in JSON_LD_WRAPPERS:
        text = text.replace(wrapper, "")
    text = text.strip().rstrip(";")
    try:
        return json.loads(text, strict=False)  # strict=False: raw newlines inside strings
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", text)
    try:
        # raw_decode: keeps the first value when a script holds several or has junk after it.
        return json.JSONDecoder(strict=False).raw_decode(repaired)[0]
    except ValueError:
        return None


def _json_ld_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every description in a JSON-LD value, in document order (lists, @graph, mainEntity)."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            stack.extend(reversed([item[key] for key in JSON_LD_CONTAINER_KEYS if key in item]))


def _node_types(node: dict[str, Any]) -> frozenset[str]:
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return frozenset(_TYPE_PREFIX_END.split(name)[-1].lower() for name in names if isinstance(name, str))


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Person/organisation names from a string, an object, an @id reference, or a list of them."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str):
                item = by_id.get(item["@id"], item)
            item = item.get("name")
        name = clean_value(item)
        if name and not _is_url(name) and name not in names:
            names.append(name)
    return names


def _language(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return clean_value(value)


# --------------------------------------------------------------------------- <meta> and <html lang>

def _meta_tag_metadata(tree: LexborHTMLParser) -> PageMeta:
    contents, author_values = _meta_contents(tree)

    def first(keys: tuple[str, ...]) -> str | None:
        return next((contents[key] for key in keys if key in contents), None)

    def first_date(keys: tuple[str, ...]) -> str | None:
        dates = (declared_date_to_iso(contents[key]) for key in keys if key in contents)
        return next(filter(None, dates), None)

    # Every value of the first author key that names someone: a page with two authors writes the tag twice.
    authors = next((names for key in META_AUTHOR if (names := tuple(
        value for value in author_values.get(key) or ([contents[key]] if key in contents else []) if not _is_url(value)
    ))), ())
    return PageMeta(
        title=first(META_TITLE),
        site_name=first(META_SITE_NAME),
        published=first_date(META_PUBLISHED),
        updated=first_date(META_UPDATED),
        section=first(META_SECTION),
        authors=authors,
        description=first(META_DESCRIPTION),
        # The document's own lang beats an HTTP-equiv header copy.
        language=_document_language(tree) or first(META_LANGUAGE),
    )


def _meta_contents(tree: LexborHTMLParser) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each <meta> or microdata key (lower-cased) with the first non-empty value given for it, in
    page order; an attribute naming several keys gives its value to each. Beside it, every value
    of each author key (META_AUTHOR) in <meta> tags, once each, in page order."""
    contents: dict[str, str] = {}
    author_values: dict[str, list[str]] = {}
    for node in tree.css(META_SELECTOR):
        attributes = node.attributes
        if node.tag == "meta":
            key = next((attributes[name] for name in META_KEY_ATTRIBUTES if attributes.get(name)), None)
            value = clean_value(attributes.get("content"))
        else:
            key = attributes.get("itemprop")
            value = clean_value(attributes.get("content") or attributes.get("datetime"))
        if key and value:
            # RDFa and microdata allow several names in one attribute: property="og:title dc:title".
            for name in key.lower().split():
                contents.setdefault(name, value)
                # <meta> only: a microdata author with a content attribute may sign a comment.
                if node.tag == "meta" and name in META_AUTHOR and value not in author_values.setdefault(name, []):
                    author_values[name].append(value)
    return contents, author_values


def _marked_up_authors(tree: LexborHTMLParser) -> tuple[str, ...]:
    """Names from the page's first byline marked up as authors (microdata or rel="author").

    The byline is the first such element with its siblings ("By <a rel=author>A</a> and <a
    rel=author>B</a>"): marked-up authors further on sign comments, answers or related stories.
    """
    elements = tree.css(AUTHOR_SELECTOR)
    if not elements:
        return ()
    first = elements[0]
    byline_id = first.parent.mem_id if first.parent is not None else first.mem_id
    names: list[str] = []
    for node in elements:
        in_byline = node.parent is not None and node.parent.mem_id == byline_id
        if node.mem_id == first.mem_id or in_byline or contains(first, node):
            names.extend(name for name in _author_names(node) if name not in names)
    return tuple(names)


def _author_names(node: LexborNode) -> list[str]:
    name_node = node.css_first(NAME_SELECTOR) or node
    text = clean_value(name_node.attributes.get("content")) or node_text(name_node)
    if not text or _is_url(text):
        return []
    byline = parse_byline(text)  # "By Jane Doe and John Roe"
    if byline:
        return byline
    return [text] if len(text.split()) <= MAX_AUTHOR_WORDS else []


def _article_header_date(tree: LexborHTMLParser) -> str | None:
    """The first readable datetime of a <time> in the article's header."""
    times = tree.css(ARTICLE_HEADER_TIME_SELECTOR)
    dates = (_declared_date(clean_value(node.attributes.get("datetime"))) for node in times)
    return next(filter(None, dates), None)


def _document_language(tree: LexborHTMLParser) -> str | None:
    html_node = tree.css_first("html")
    return clean_value(html_node.attributes.get("lang")) if html_node is not None else None


def declared_descriptions(tree: LexborHTMLParser, types: frozenset[str]) -> list[str]:
    """The `description` of every JSON-LD node of one of `types` (lower-cased schema.org names),
    in document order: what a product page declares of its product (schema.org/Product)."""
    found: list[str] = []
    for raw in _json_ld_scripts(tree):
        for node in _json_ld_nodes(_load_json_ld(raw)):
            if _node_types(node) & types and (description := clean_value(node.get("description"))):
                found.append(description)
    return found
