"""What the DOM knows that extracted text does not: structured metadata and per-text evidence.

Everything here reads one `selectolax.lexbor.LexborHTMLParser` tree and never modifies it, so
the caller parses once and shares the tree. The work is kept to CSS selections (done in C) and
short Python walks over the matched regions, because the whole HTML path must stay within
~15% of trafilatura's own time.
"""

from __future__ import annotations

import email.utils
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import AbstractSet, Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.decode.charset import repair_surrogates
from cleanscrape.model import Evidence, PageMeta

# --------------------------------------------------------------------------- rule data

# schema.org types whose node describes the page's article (NewsArticle's subtypes included:
# publishers use them interchangeably).
ARTICLE_TYPES = frozenset({
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
})
# Containers whose members are nodes of the same description (WebPage.mainEntity holds the
# article on many CMSs). Other values are not walked: "citation" or "hasPart" articles are
# someone else's.
JSON_LD_CONTAINER_KEYS = ("@graph", "mainEntity")

# <meta> keys (property, name or itemprop, lower-cased) for each field, best first.
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title"),
    "site_name": ("og:site_name",),
    "published": ("article:published_time", "og:article:published_time", "datepublished",
                  "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "dc.date"),
    "updated": ("article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified"),
    "section": ("article:section", "og:article:section"),
    "authors": ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"),
    "description": ("og:description", "description", "twitter:description"),
    "language": ("content-language",),
}

# Separators that put a site name after a headline in <title> / og:title. Spaces are
# required around them so "Spider-Man" is never split.
TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+(\||::|·|•|-|–|—)\s+")  # (?<!\s): linear on long space runs
# A pipe or double colon almost always means "site follows"; a dash can also start a subtitle,
# so a dash needs a tail that looks more like a name.
STRONG_SEPARATORS = frozenset({"|", "::", "·", "•"})
MAX_SITE_WORDS = 5
MAX_SITE_WORDS_AFTER_DASH = 3
MAX_SITE_CHARS = 40
MIN_HEADLINE_WORDS = 3
# Tails built from these words describe the piece, not the publisher ("Dune - the review").
NOT_SITE_WORDS = frozenset({
    "review", "reviews", "part", "episode", "chapter", "season", "trailer", "recap", "explained",
    "interview", "analysis", "update", "updates", "photos", "pictures", "video", "videos",
    "opinion", "podcast", "preview", "summary", "transcript",
})

# Evidence regions.
CAPTION_SELECTOR = (
    'figcaption, [class*="caption" i], [id*="caption" i], [class*="credit" i], '
    '[itemprop="caption"], [itemprop="copyrightHolder"]'
)
BOILERPLATE_SELECTOR = (
    'nav, aside, footer, header, [role="navigation"], [role="complementary"], [role="contentinfo"]'
)
COMMENT_CANDIDATE_SELECTOR = '[id*="comment" i], [class*="comment" i], [id*="disqus" i], [class*="disqus" i]'
# Candidates are confirmed on the attribute value: "comments-area" or "commentlist" are comment
# sections, "commentary" (opinion pieces) and "comments-open"/"comment-count" (byline widgets
# next to the headline) are not.
COMMENT_NAME = re.compile(
    r"(?:^|[^a-z])(?:disqus[a-z_]*|comments?(?:list|area|section|s|wrap|wrapper|container|thread)?)"
    r"(?![-_ ]?(?:open|closed|count|number|link|icon|button|btn))(?:$|[^a-z])",
    re.IGNORECASE,
)
# An element of these tags is the page or the article itself: a class on it describes the
# page ("single comments-open"), so it never makes its whole text a caption or a comment.
PAGE_TAGS = frozenset({"html", "body", "main", "article"})
# A <header> inside these holds the headline, byline and date: content, not site chrome.
CONTENT_TAGS = frozenset({"article", "main"})

# A block is link-dense when it has several links and most of its text is anchor text.
LINK_LEAD_WORDS = 3  # a link this long is a headline, not a navigation word
MIN_LINKS_IN_LINK_BLOCK = 3
MIN_LINK_DENSITY = 0.5
# How far up from an anchor to look for its link block: related-link lists are a few levels
# deep (a > li > ul, a > h3 > div > div); further up is the article or the page.
MAX_LINK_BLOCK_CLIMB = 5
# A link block's wrapper may add a heading of about this many characters, no more.
MAX_LINK_BLOCK_HEADING_CHARS = 60
# Lines in nav/aside/footer are boilerplate already; skipping their anchors here cuts the
# anchors to examine by about two thirds on news pages.
ANCHORS_OUTSIDE_BOILERPLATE = (
    'a:not(nav a, aside a, footer a, header a, [role="navigation"] a, [role="complementary"] a, '
    '[role="contentinfo"] a)'
)

# Elements whose text becomes one line when a page is extracted. A region's lines are these
# elements' texts plus the region's whole text (a caption split over <span>s is one line).
# Selecting them is done in C, several times faster than walking the nodes in Python.
INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template"})
INVISIBLE_SELECTOR = ", ".join(sorted(INVISIBLE_TAGS))
LINE_SELECTOR = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, figcaption, blockquote, pre, a"

ISO_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$"
)


# --------------------------------------------------------------------------- text helpers

def normalise_text(text: str) -> str:
    """Collapse whitespace runs (NBSP included) to one space and strip: the key lines are matched on."""
    return " ".join(text.split())  # str.split() knows all Unicode spaces and is ~5x faster than re


def _clean_value(value: Any) -> str | None:
    """A metadata string with entities decoded and whitespace collapsed; None for non-strings."""
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str) and item.strip()), None)
    if not isinstance(value, str):
        return None
    # JSON-LD may spell a lone surrogate ("\\ud800"): no encoding could write it out.
    return normalise_text(repair_surrogates(html.unescape(value))) or None


def normalise_date(value: Any) -> str | None:
    """ISO 8601 without inventing precision or a timezone; None when not a recognisable date.

    "2025-03-20" stays a date, "2025-03-11T16:41" keeps minutes only, an offset is kept
    (as "+01:00"; "Z" becomes "+00:00"), fractions of a second are dropped.
    """
    text = _clean_value(value)
    if text is None:
        return None
    match = ISO_DATE.match(text)
    if match is None:
        return _rfc2822_date(text)
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    result = f"{year}-{month}-{day}"
    if hour is None:
        return result
    result += f"T{hour}:{minute}" + (f":{second}" if second else "")
    return result + _normalise_offset(offset) if offset else result


def _normalise_offset(offset: str) -> str:
    if offset in ("Z", "z"):
        return "+00:00"
    digits = offset[1:].replace(":", "")
    return f"{offset[0]}{digits[:2]}:{digits[2:] or '00'}"


def _rfc2822_date(text: str) -> str | None:
    # Some CMSs put HTTP-style dates ("Thu, 20 Mar 2025 10:15:00 GMT") in meta tags.
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", text):
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return parsed.isoformat() if parsed.tzinfo else parsed.isoformat(timespec="seconds")


# --------------------------------------------------------------------------- page metadata

def page_metadata(tree: LexborHTMLParser) -> PageMeta:
    """Structured metadata of the page: JSON-LD article first, then <meta>, then <title>."""
    structured = _json_ld_metadata(tree)
    tags = _meta_tag_metadata(tree)
    meta = {**tags, **structured}  # structured data wins field by field
    if "publisher" not in meta and "site_name" in meta:
        meta["publisher"] = meta["site_name"]
    if "title" not in structured:
        title = tags.get("title") or _document_title(tree)
        if title:
            # <title> and og:title often carry " | Site"; a JSON-LD headline does not.
            headline, site = title_without_site_name(title, meta.get("site_name") or meta.get("publisher"))
            meta["title"] = headline
            if site and "site_name" not in meta:
                meta["site_name"] = site
    if "authors" in meta:
        meta["authors"] = tuple(meta["authors"])
    return PageMeta(**meta)


def _document_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("title")
    return _clean_value(node.text()) if node is not None else None


def _json_ld_metadata(tree: LexborHTMLParser) -> dict[str, Any]:
    nodes = [node for script in _json_ld_scripts(tree) for node in _json_ld_nodes(_load_json_ld(script))]
    article = next((node for node in nodes if _node_types(node) & ARTICLE_TYPES), None)
    if article is None:
        return {}
    by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
    found: dict[str, Any] = {
        "title": _clean_value(article.get("headline")) or _clean_value(article.get("name")),
        "published": normalise_date(article.get("datePublished")),
        "updated": normalise_date(article.get("dateModified")),
        "authors": _names(article.get("author"), by_id),
        "publisher": next(iter(_names(article.get("publisher"), by_id)), None),
        "section": _clean_value(article.get("articleSection")),
        "description": _clean_value(article.get("description")),
        "body": _clean_value(article.get("articleBody")),
        "language": _language(article.get("inLanguage")),
    }
    return {key: value for key, value in found.items() if value}


def _json_ld_scripts(tree: LexborHTMLParser) -> Iterator[str]:
    for script in tree.css("script[type]"):
        if (script.attributes.get("type") or "").strip().lower() == "application/ld+json":
            yield script.text(deep=True)


def _load_json_ld(raw: str) -> Any:
    """Parse a JSON-LD block, repairing what CMSs commonly break; None if hopeless."""
    text = raw.strip()
    for wrapper in ("<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"):
        text = text.replace(wrapper, "")
    text = text.strip().rstrip(";")
    try:
        return json.loads(text, strict=False)  # strict=False: raw newlines inside strings
    except ValueError:
        pass
    repaired = re.sub(r",\s*([}\]])", r"\1", text)  # trailing commas
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
    # "schema:NewsArticle" and "http://schema.org/NewsArticle" name the same type.
    return frozenset(re.split(r"[/:#]", name)[-1].lower() for name in names if isinstance(name, str))


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Person/organisation names from a string, an object, an @id reference, or a list of them."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str):
                item = by_id.get(item["@id"], item)
            item = item.get("name")
        name = _clean_value(item)
        # A bare URL is a profile link, not a name.
        if name and not name.startswith(("http://", "https://")) and name not in names:
            names.append(name)
    return names


def _language(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return _clean_value(value)


def _meta_tag_metadata(tree: LexborHTMLParser) -> dict[str, Any]:
    contents: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop") \
            or attributes.get("http-equiv")
        value = _clean_value(attributes.get("content"))
        if key and value:
            contents.setdefault(key.strip().lower(), value)
    found: dict[str, Any] = {}
    for field_name, keys in META_KEYS.items():
        value = next((contents[key] for key in keys if key in contents), None)
        if value is None:
            continue
        if field_name in ("published", "updated"):
            value = normalise_date(value)
        elif field_name == "authors":
            value = [] if value.startswith(("http://", "https://")) else [value]
        if value:
            found[field_name] = value
    html_node = tree.css_first("html")
    lang = _clean_value(html_node.attributes.get("lang")) if html_node is not None else None
    if lang:
        found["language"] = lang  # the document's own lang beats an HTTP-equiv header copy
    return found


# --------------------------------------------------------------------------- titles

def title_without_site_name(title: str, site_name: str | None = None) -> tuple[str, str | None]:
    """Split "Headline | Site" into ("Headline", "Site"); (title, None) when no site is found.

    With a known `site_name`, a segment that names it is removed (trailing or leading).
    Without one, only a trailing segment that looks like a name is, and only if what remains
    still looks like a headline; "Spider-Man - the review" is left alone.
    """
    title = normalise_text(title)
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title, None
    if site_name:
        for match in reversed(separators):
            head, tail = title[:match.start()], title[match.end():]
            if head and _names_site(tail, site_name):
                return head, tail
        first = separators[0]
        head, tail = title[:first.start()], title[first.end():]
        if tail and _names_site(head, site_name):
            return tail, head
    last = separators[-1]
    head, tail = title[:last.start()], title[last.end():]
    if _is_plausible_site_tail(head, tail, last.group(1)):
        return head, tail
    return title, None


def _site_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold()).removeprefix("www")


def _names_site(segment: str, site_name: str) -> bool:
    segment_key, site_key = _site_key(segment), _site_key(site_name)
    if len(segment_key) < 2 or len(site_key) < 2:
        return False
    # "The Guardian" vs "Guardian", "BBC" vs "BBC News": one contains the other.
    return segment_key in site_key or site_key in segment_key


def _is_plausible_site_tail(head: str, tail: str, separator: str) -> bool:
    tail_words = tail.split()
    max_words = MAX_SITE_WORDS if separator in STRONG_SEPARATORS else MAX_SITE_WORDS_AFTER_DASH
    if not tail_words or len(tail_words) > max_words or len(tail) > MAX_SITE_CHARS:
        return False
    if len(head.split()) < MIN_HEADLINE_WORDS or len(tail) >= len(head):
        return False
    if {word.casefold().strip(".,:!?") for word in tail_words} & NOT_SITE_WORDS:
        return False
    if tail[-1] in "?!" or ":" in tail:
        return False
    looks_like_domain = re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)+", tail) is not None
    # Site names are capitalised ("The Verge", "BBC News") or are domains ("spiegel.de").
    return looks_like_domain or tail[0].isupper() or tail[0].isdigit()


# --------------------------------------------------------------------------- DOM evidence

@dataclass(frozen=True, slots=True)
class DomEvidence:
    """Normalised texts (see `normalise_text`) of the page's non-article regions."""

    captions: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()  # link-dense blocks: related stories, tag lists
    boilerplate: frozenset[str] = frozenset()  # nav/aside/footer/site header
    comments: frozenset[str] = frozenset()
    article_header: frozenset[str] = frozenset()  # <header> inside <article>/<main>
    # Texts of links of LINK_LEAD_WORDS+ words, indexed by their first words.
    link_leads: Mapping[tuple[str, ...], frozenset[str]] = field(default_factory=dict)

    def for_text(self, text: str) -> Evidence:
        """The model's Evidence for one extracted line (comments count as boilerplate)."""
        key = normalise_text(text)
        leads = self.link_leads.get(tuple(key.split(" ", LINK_LEAD_WORDS)[:LINK_LEAD_WORDS]), ())
        return Evidence(
            caption=key in self.captions,
            link=key in self.links,
            boilerplate=key in self.boilerplate or key in self.comments,
            article_header=key in self.article_header,
            link_lead=any(_leads_with(key, lead) for lead in leads),
        )


def _leads_with(key: str, lead: str) -> bool:
    """`key` opens with the link text `lead` as a headline: not closed by a full stop (headlines
    carry none), since a linked sentence followed by more text is a paragraph that links."""
    if not key.startswith(lead):
        return False
    opening = lead + "." if key[len(lead):len(lead) + 1] == "." and key[len(lead) + 1:len(lead) + 2] != "." else lead
    return not (opening.endswith(".") and not opening.endswith(".."))


class _Wanted:
    """The extracted lines evidence is asked about: a region none of whose text they occur in
    cannot label any of them, so its lines need not be collected (most of a page's nav, footer
    and link lists never reach the extracted text)."""

    __slots__ = ("keys", "leads")

    def __init__(self, lines: Iterable[str]) -> None:
        self.keys = frozenset(filter(None, map(normalise_text, lines)))
        self.leads = frozenset(tuple(key.split(" ", LINK_LEAD_WORDS)[:LINK_LEAD_WORDS]) for key in self.keys)

    def occur_in(self, text: str) -> bool:
        # A line element's text, normalised, is a substring of its region's normalised text.
        return any(key in text for key in self.keys if len(key) <= len(text))


def _anchor_texts(root: LexborNode) -> list[tuple[LexborNode, str]]:
    """Anchors outside boilerplate regions with their normalised text, empty ones left out."""
    found = []
    for anchor in root.css(ANCHORS_OUTSIDE_BOILERPLATE):
        text = normalise_text(anchor.text(deep=True))
        if text:
            found.append((anchor, text))
    return found


def _link_leads(anchors: Iterable[tuple[LexborNode, str]], wanted: _Wanted | None = None) -> dict[tuple[str, ...], frozenset[str]]:
    leads: dict[tuple[str, ...], set[str]] = {}
    for _, text in anchors:
        words = text.split(" ", LINK_LEAD_WORDS)
        if len(words) >= LINK_LEAD_WORDS:
            first = tuple(words[:LINK_LEAD_WORDS])
            if wanted is None or first in wanted.leads:
                leads.setdefault(first, set()).add(text)
    return {first: frozenset(texts) for first, texts in leads.items()}


def dom_evidence(tree: LexborHTMLParser, lines: Iterable[str] | None = None) -> DomEvidence:
    """Collect caption, link-block, boilerplate and comment texts from one parsed page.

    With `lines` (the extracted text's lines), the result is exact for those texts only: regions
    whose text holds none of them are skipped, which saves most of the work on a news page.
    """
    root = tree.body or tree.root
    if root is None:
        return DomEvidence()
    wanted = None if lines is None else _Wanted(lines)
    if wanted is not None and not wanted.keys:
        return DomEvidence()
    captions = _region_texts((node for node in root.css(CAPTION_SELECTOR) if node.tag not in PAGE_TAGS), wanted)
    regions = root.css(BOILERPLATE_SELECTOR)
    boilerplate = _region_texts((node for node in regions if not _is_content_header(node)), wanted)
    article_header = _region_texts((node for node in regions if _is_content_header(node)), wanted)
    comments = _region_texts((
        node for node in root.css(COMMENT_CANDIDATE_SELECTOR)
        if node.tag not in PAGE_TAGS and _has_comment_name(node)
    ), wanted)
    anchors = _anchor_texts(root)
    return DomEvidence(
        captions=frozenset(captions),
        links=frozenset(_link_block_texts(anchors, wanted)),
        boilerplate=frozenset(boilerplate),
        comments=frozenset(comments),
        article_header=frozenset(article_header),
        link_leads=_link_leads(anchors, wanted),
    )


def _is_content_header(node: LexborNode) -> bool:
    if node.tag != "header":
        return False
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in CONTENT_TAGS:
            return True
        parent = parent.parent
    return False


def _has_comment_name(node: LexborNode) -> bool:
    attributes = node.attributes
    return any(COMMENT_NAME.search(attributes.get(name) or "") for name in ("id", "class"))


def _region_texts(regions: Iterable[LexborNode], wanted: _Wanted | None = None) -> set[str]:
    texts: set[str] = set()
    seen: set[int] = set()
    for region in regions:
        if _inside_any(region, seen):
            # Its line elements were collected with the outer region; its whole text (a credit
            # <span> inside a <figcaption>) was not.
            if region.css_first(INVISIBLE_SELECTOR) is None:
                texts.add(normalise_text(region.text(deep=True)))
            continue
        seen.add(region.mem_id)
        if wanted is not None and not wanted.occur_in(normalise_text(region.text(deep=True))):
            continue
        texts.update(region_lines(region))
    texts.discard("")
    return texts


def _inside_any(node: LexborNode, region_ids: AbstractSet[int]) -> bool:
    if not region_ids:
        return False
    parent = node.parent
    while parent is not None:
        if parent.mem_id in region_ids:
            return True
        parent = parent.parent
    return False


def region_lines(region: LexborNode) -> set[str]:
    """The normalised texts a region contributes: each line element's inside it, and its own
    whole text unless it holds a script or style (whose code would be glued into it)."""
    lines = {normalise_text(element.text(deep=True)) for element in region.css(LINE_SELECTOR)}
    if region.css_first(INVISIBLE_SELECTOR) is None:
        lines.add(normalise_text(region.text(deep=True)))
    lines.discard("")
    return lines


def _link_block_texts(anchors: Iterable[tuple[LexborNode, str]], wanted: _Wanted | None = None) -> set[str]:
    """Texts of link-dense blocks: each anchor's text and each line of the block."""
    # Pass 1: per ancestor (a few levels up), how many anchors and how much anchor text.
    climbs: list[tuple[str, list[LexborNode]]] = []  # (anchor text, its ancestors nearest first)
    stats: dict[int, list[int]] = {}  # mem_id -> [links, link chars]
    for anchor, text in anchors:
        ancestors = []
        parent = anchor.parent
        while parent is not None and len(ancestors) < MAX_LINK_BLOCK_CLIMB and parent.tag not in PAGE_TAGS:
            ancestors.append(parent)
            entry = stats.setdefault(parent.mem_id, [0, 0])
            entry[0] += 1
            entry[1] += len(text)
            parent = parent.parent
        climbs.append((text, ancestors))
    # Pass 2: an anchor's link block is its nearest ancestor with several links; the block is
    # link-dense when anchor text is most of its text.
    texts: set[str] = set()
    node_texts: dict[int, str] = {}
    blocks: dict[int, LexborNode] = {}

    def node_text(node: LexborNode) -> str:
        # Script text is counted too: stripping it needs a copy of the node, which costs more
        # than the density is worth, and a script only makes a block look less link-dense.
        if node.mem_id not in node_texts:
            node_texts[node.mem_id] = normalise_text(node.text(deep=True))
        return node_texts[node.mem_id]

    def is_dense(node: LexborNode) -> bool:
        total = len(node_text(node))
        return total > 0 and stats[node.mem_id][1] / total > MIN_LINK_DENSITY

    for text, ancestors in climbs:
        at = next((i for i, node in enumerate(ancestors) if stats[node.mem_id][0] >= MIN_LINKS_IN_LINK_BLOCK), None)
        if at is None or not is_dense(ancestors[at]):
            continue
        texts.add(text)
        block = ancestors[at]
        # Grow the block over wrappers that add only a heading ("Related", "More from Sport"),
        # so the heading counts as part of it; a wrapper that adds prose is the article.
        for parent in ancestors[at + 1:]:
            added = (len(node_text(parent)) - stats[parent.mem_id][1]) - (len(node_text(block)) - stats[block.mem_id][1])
            if added > MAX_LINK_BLOCK_HEADING_CHARS or not is_dense(parent):
                break
            block = parent
        blocks.setdefault(block.mem_id, block)
    # Lines of the outermost blocks only: an inner block's lines are among its wrapper's.
    for block in blocks.values():
        if wanted is not None and not wanted.occur_in(node_text(block)):
            continue
        if not _inside_any(block, blocks.keys() - {block.mem_id}):
            texts.update(region_lines(block))
    return texts
