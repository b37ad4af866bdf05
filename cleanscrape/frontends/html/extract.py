"""HTML in: trafilatura finds the main content, selectolax (lexbor) collects evidence and metadata.

The text stages then run on trafilatura's lines with that evidence at hand: a line the DOM shows
as a figure caption is a caption, a line from a nav/aside/footer or a comment thread is
boilerplate, a headline from a link-dense block is a related headline. When trafilatura finds
nothing (or far too little), the page's visible text goes through the text path instead, so a
page with an article never comes back empty.

trafilatura runs in full (its fallback extractors where its first result is in doubt,
fallbacks.py); the paragraphs of body chunks it left out (one <article>, several containers of
one class) are added, and so are the body paragraphs it left out that a second extractor keeps
(second_opinion.py); and a JSON-LD articleBody, when the page has one, checks that no paragraphs
were lost. Where trafilatura's text
is the wrong block (outside the main content the page declares, declared.py, while the second
extractor's is inside it) or a fragment of the body the second extractor holds whole, the second
extractor's paragraphs stand in for it. The visible text lines it left out go to the removal
log (reason "extractor"), and every line is numbered by the visible line it starts on
(visible.py).
"""

from __future__ import annotations

import functools
import html as html_module
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

import trafilatura
from lxml.html import HtmlElement  # type: ignore[import-untyped]
from selectolax.lexbor import LexborHTMLParser, LexborNode
from trafilatura.utils import load_html

from cleanscrape.decode.normalize import nonblank_lines, repair_mojibake, split_lines
from cleanscrape.frontends.html.byline import agency_named, markup_authors, person_names
from cleanscrape.frontends.html.code import (
    broken_code_blocks,
    code_as_written,
    line_evidence,
    pre_blocks,
    unglued_code,
)
from cleanscrape.frontends.html.code_units import whole_code_blocks
from cleanscrape.frontends.html.dates import MarkupDates, markup_dates, web_url
from cleanscrape.frontends.html.declared import body_elsewhere, body_inside, declared_main_words
from cleanscrape.frontends.html.dom import closest, contains, node_text, normalise_text
from cleanscrape.frontends.html.evidence import dom_evidence
from cleanscrape.frontends.html.fallbacks import fallbacks_when_doubtful
from cleanscrape.frontends.html.kinds import decide_page_type, kind_body, page_signals
from cleanscrape.frontends.html.second_opinion import (
    MIN_FRAGMENT_GROWTH,
    body_beyond_fragment,
    main_content_paragraphs,
    traced_with_second_opinion,
)
from cleanscrape.frontends.html.structured import page_metadata_and_types
from cleanscrape.frontends.html.visible import comparison_key, comparison_keys, visible_lines, visible_text
from cleanscrape.model import Document, Line, PageMeta, PageText
from cleanscrape.parse.dates import infer_day_first
from cleanscrape.text.shapes import is_prose
from cleanscrape.text.tokens import words

# Chosen by measurement on the shub benchmark (benchmarks/trafilatura_settings.py and
# benchmarks/quality.py): comments off (trafilatura alone 0.953 -> 0.960 F1). favor_precision
# adds 1 point alone but nothing behind our stages (0.955 vs 0.954) at 1.25x trafilatura's time.
# deduplicate stays off: it keeps a process-wide cache, so the same page cleaned twice would
# come back shorter the second time.
TRAFILATURA_OPTIONS: Mapping[str, Any] = {
    "include_comments": False,
    "favor_precision": False,
    "include_tables": True,
    "deduplicate": False,
    "output_format": "txt",
}
# trafilatura runs with its fallback extractors (readability, jusText) where its first result is
# in doubt (fallbacks.py: where the page has room for a fallback's longer text). Running it
# first without them (fast=True) and again in full only when that looked like no article saved a
# third of its time but lost text, measured over the dev sets beside trafilatura alone
# (benchmarks/quality.py, HTML, F1 fast -> full): shub 0.973 -> 0.970, traf-dev 0.924 -> 0.930,
# wcxb-dev 0.780 -> 0.807 (service pages 0.716 -> 0.762, forum 0.566 -> 0.677), readability
# 0.886 -> 0.880; the "front end" losses fell from 94,458 words to 710.
# trafilatura returned "far too little" when its text is this small against the visible text.
MIN_EXTRACTED_SHARE = 0.05
MIN_EXTRACTED_CHARS = 200


def document_from_html(html: str, source: str | None = None) -> Document:
    """`source`, the page's URL when known, lets htmldate read a date from its path."""
    html = repair_mojibake(html)
    tree = LexborHTMLParser(html)
    # The <pre> blocks, then the <code>s broken by <br>s (so that a <pre> keeps its index).
    pres = pre_blocks(tree)
    code_blocks = pres + broken_code_blocks(tree)
    declared, declared_types = page_metadata_and_types(tree)
    shown = visible_text(tree)
    signals = page_signals(tree, declared, source, declared_types, shown)
    page_type = decide_page_type(signals)
    # One lxml parse (trafilatura's own load_html, which trafilatura.extract would run on `html`)
    # serves trafilatura and htmldate, which copy it before they prune, then the byline reader,
    # which prunes it in place and so runs last.
    lxml_tree = load_html(html)
    with fallbacks_when_doubtful(len(shown)):
        extracted, lines = extract_main_text(lxml_tree, source) if lxml_tree is not None else ("", ())
    left_out: tuple[Line, ...] = ()
    main_content_found = True
    if len(extracted) < MIN_EXTRACTED_CHARS and (not extracted or len(extracted) < MIN_EXTRACTED_SHARE * len(shown)):
        lines, main_content_found = visible_lines(shown), False
    else:
        second_opinion = functools.cache(lambda: main_content_paragraphs(html))
        if (body := kind_body(page_type, tree, lines, signals)) is not None:
            lines = split_lines("\n".join(_as_paragraphs(body)))
        elif second_body_wins(tree, extracted, lines, shown, second_opinion):
            lines = split_lines("\n".join(_as_paragraphs(second_opinion())))
        # The trace reads the non-blank visible lines only: their Lines alone are made.
        whole = whole_code_blocks(with_article_chunks(tree, lines), code_blocks, first_broken=len(pres))
        lines = unglued_code(whole, code_blocks)
        traced = traced_with_second_opinion(lines, nonblank_lines(shown), second_opinion)
        lines, left_out = traced.printed_once, traced.all_left_out
    # Evidence is collected for the extracted lines only: regions holding none are skipped.
    evidence = dom_evidence(tree, [line.text for line in lines])
    found = tuple(map(functools.partial(line_evidence, evidence), lines))
    lines, found = code_as_written(lines, found, code_blocks)
    page_text = PageText.of(lines)
    return Document(
        lines=lines,
        page_text=page_text,
        evidence=found,
        page_meta=with_markup_metadata(declared, lxml_tree, source, shown),
        main_content_found=main_content_found,
        day_first=infer_day_first([page_text.text]),
        left_out=left_out,
        page_type=page_type,
    )


# A second extraction shorter than this is a heading and a few labels, not a body to put in place
# of trafilatura's: at 50 words the pages the declared main content picks all gained (dev sets,
# benchmarks/quality.py); below it, second extractions of 7 and 11 words replaced whole articles.
MIN_SECOND_BODY_WORDS = 50


def second_body_wins(
    tree: LexborHTMLParser, extracted: str, lines: Sequence[Line], shown: str,
    second_opinion: Callable[[], Sequence[str]],
) -> bool:
    """Whether the second extractor's text (`second_opinion()`, asked only when it could win) is
    the page's body rather than trafilatura's: trafilatura's lies outside the main content the page
    declares and the second's inside it (declared.py), or trafilatura took a fragment of the body
    the second holds whole (second_opinion.body_beyond_fragment)."""
    texts = [line.text for line in lines if line.text]
    region = declared_main_words(tree)
    if region is not None and body_elsewhere(texts, region):
        paragraphs = second_opinion()
        if sum(len(words(text)) for text in paragraphs) >= MIN_SECOND_BODY_WORDS and body_inside(paragraphs, region):
            return True
    return could_be_fragment(extracted, shown) and body_beyond_fragment(texts, second_opinion())


def could_be_fragment(extracted: str, shown: str) -> bool:
    """Whether the page shows enough text beyond trafilatura's for a body MIN_FRAGMENT_GROWTH
    times longer (second_opinion.body_beyond_fragment): a cheap test on characters, so that a page
    whose article trafilatura found whole does not pay for the second extractor. A visible text
    shorter than trafilatura's cannot tell: the page keeps its text where the visible text does not
    look (a forum engine's <noscript> copy of the thread, which trafilatura reads)."""
    return len(shown) < len(extracted) or MIN_FRAGMENT_GROWTH * len(extracted) <= len(shown)


def with_markup_metadata(
    page_meta: PageMeta, lxml_tree: HtmlElement | None, source: str | None, shown: str | None = None,
) -> PageMeta:
    """`page_meta` with the dates and byline names read from the markup (`lxml_tree`, parsed by
    trafilatura's load_html, as htmldate and trafilatura read it), and only people among its
    authors; `shown`, the page's visible text, is where a date's label is read. The byline reader
    prunes `lxml_tree`: nothing may read it afterwards."""
    if lxml_tree is None:
        return replace(page_meta, authors=tuple(person_names(page_meta.authors)))
    site = page_meta.site_name or page_meta.publisher
    declared = person_names(page_meta.authors, site)
    # The markup's readings stand behind what the page declares (assemble's order), so a reader
    # whose every answer the declared values would override is not run. Of the 2,290 dev-set
    # pages, 41 % declare both dates and 38 % name their authors.
    dates_needed = not (page_meta.published and page_meta.updated)
    try:
        # Dates first: htmldate reads a copy of the tree, the byline reader prunes the tree itself.
        dates = markup_dates(lxml_tree, source, not page_meta.published, shown) if dates_needed else MarkupDates()
        markup = markup_authors(lxml_tree) if not declared else ()
    except Exception:  # noqa: BLE001 - see below
        # htmldate's and trafilatura's readers are evidence, not the page: a failure of theirs on
        # a hostile page costs this evidence only, since clean() raises nothing it does not document.
        dates, markup = MarkupDates(), ()
    byline = person_names(markup, site)
    if not declared and not byline:
        # A personal site is named after its author: the site's name stands when no one else is named.
        declared, byline = person_names(page_meta.authors), person_names(markup)
    # The markup's latest date is no update when it is the day the page declares it was published.
    updated = dates.updated if dates.updated != (page_meta.published or "")[:10] else None
    return replace(page_meta, authors=tuple(declared), markup_published=dates.published,
                   markup_updated=updated, byline_authors=tuple(byline),
                   agency=agency_named((*page_meta.authors, *markup)))


def extract_main_text(html: str | HtmlElement, source: str | None = None) -> tuple[str, tuple[Line, ...]]:
    """trafilatura's main text and its lines, from the page or its lxml tree (which trafilatura
    copies before it prunes anything, so the tree is left as it was). `source`, when it is the
    page's http(s) URL, is trafilatura's `url` (its fallbacks resolve relative links with it); a
    file path is not a URL."""
    extracted = trafilatura.extract(html, url=web_url(source), **TRAFILATURA_OPTIONS) or ""
    return extracted, split_lines(extracted)


# The first few extracted paragraphs found in the DOM show which container holds the body
# (a standfirst or a quote box may hold one of them).
PARAGRAPHS_TO_LOCATE_BODY = 3
# One <article> element is one article (the HTML spec's meaning of the element).
ARTICLE_TAG = frozenset({"article"})


def with_article_chunks(tree: LexborHTMLParser, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The extracted lines with the paragraphs of the article's other body chunks added.

    CMSs split a long body into several containers of one class around ads or embeds, and
    trafilatura may keep only one of them. Inside one <article> element (one article, by the
    HTML spec) a container of the same tag and class as the one holding the extracted
    paragraphs is another chunk of the same body; its paragraphs go before or after the
    extracted ones, in page order. A page without <article> is left as it is.
    """
    keys = {normalise_text(line.text) for line in lines if line.text}
    if not keys:
        return lines
    counts: dict[int, int] = {}
    containers: dict[int, LexborNode] = {}
    matched = 0
    for paragraph in tree.css("article p"):
        if node_text(paragraph) in keys and paragraph.parent is not None:
            parent = paragraph.parent
            counts[parent.mem_id] = counts.get(parent.mem_id, 0) + 1
            containers[parent.mem_id] = parent
            matched += 1
            if matched == PARAGRAPHS_TO_LOCATE_BODY:
                break
    if not counts:
        return lines
    main = containers[max(counts, key=counts.__getitem__)]
    article = closest(main, ARTICLE_TAG)
    if not main.attributes.get("class") or article is None:
        return lines
    before: list[str] = []
    after: list[str] = []
    # What the text already holds, compared without whitespace: trafilatura prints a paragraph's
    # heading and its sentences on lines of their own, which the paragraph's text joins; and one
    # chunk may hold another of the same class. Either was added again (a page printed five
    # list items three times each).
    held = "".join(comparison_keys([line.text for line in lines]))
    seen_main = False
    for node in _alike(article, main):
        if node.mem_id == main.mem_id:
            seen_main = True
        elif not contains(node, main) and not contains(main, node):
            for text in (node_text(paragraph) for paragraph in node.css("p")):
                key = comparison_key(text)
                # Paragraphs of prose only: a promo box reusing the body's class adds links and slogans.
                if key and key not in held and is_prose(text):
                    (after if seen_main else before).append(text)
                    held += key
    if not before and not after:
        return lines
    main_keys = {node_text(paragraph) for paragraph in main.css("p")}
    positions = [index for index, line in enumerate(lines) if normalise_text(line.text) in main_keys]
    first, last = positions[0], positions[-1] + 1
    shown = [line.display for line in lines]
    return split_lines("\n".join([
        *shown[:first], *_as_paragraphs(before), *shown[first:last], "", *_as_paragraphs(after), *shown[last:],
    ]))


def _alike(root: LexborNode, model: LexborNode) -> Iterator[LexborNode]:
    """`root` and the elements inside it of `model`'s tag and exact class attribute, in page order.

    Compared here rather than selected with CSS: a page's class attribute may hold anything
    (newlines, quotes, backslashes), and pasted into a selector it may not parse.
    """
    class_name = model.attributes.get("class")
    for node in root.traverse():
        if node.tag == model.tag and node.attributes.get("class") == class_name:
            yield node


def _as_paragraphs(texts: Iterable[str]) -> list[str]:
    """Lines of text with a blank line after each, so that each is a paragraph of its own."""
    return [part for text in texts for part in (text, "")]


# --------------------------------------------------------------------------- articleBody check

# A sentence this long is worded the same wherever the page prints it; shorter ones (datelines,
# "Read more.") may be cut or joined differently by the extractor.
MIN_CHECKED_SENTENCE_WORDS = 8
# A body differs from the page in a sentence or two (a caption, an edit after publication);
# this share of its sentences missing means paragraphs were lost.
MAX_MISSING_BODY_SHARE = 0.2
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")
_TAG = re.compile(r"<[a-zA-Z/!][^<>]*>")
_WORDS = re.compile(r"\w+")


def body_sentences(body: str) -> list[str]:
    """Sentences of a JSON-LD articleBody, which CMSs give as text, as HTML or as HTML escaped once
    or twice over: unescaped, tags replaced by line breaks, split at sentence ends."""
    for _ in range(2):  # "&amp;quot;" is a quote escaped twice
        if "&" in body:
            body = html_module.unescape(body)
    body = _TAG.sub("\n", body)
    return [part.strip() for part in _SENTENCE_BREAK.split(body) if part and part.strip()]


def _word_key(text: str) -> str:
    # Letters and digits alone: bodies put spaces where the page has none ("Arte mis", tags
    # inside words), and a sentence of 8+ words is not found by chance without its spaces.
    return "".join(words(text))


def missing_body_sentences(body: str, lines: Iterable[str]) -> tuple[list[str], int]:
    """(the articleBody's long sentences not found in `lines`, how many were checked), compared
    on letters and digits so quotes, dashes and spacing do not count."""
    extracted = _word_key(" ".join(lines))
    checked = [sentence for sentence in body_sentences(body)
               if len(_WORDS.findall(sentence)) >= MIN_CHECKED_SENTENCE_WORDS]
    return [sentence for sentence in checked if _word_key(sentence) not in extracted], len(checked)


def body_check_warnings(doc: Document) -> list[str]:
    """A warning when the extracted text misses paragraphs of the page's own articleBody."""
    body = doc.page_meta.body
    if not body or not doc.main_content_found:
        return []
    missing, checked = missing_body_sentences(body, (line.text for line in doc.lines))
    if not checked or len(missing) <= MAX_MISSING_BODY_SHARE * checked:
        return []
    return [f"extracted text misses {len(missing)} of {checked} sentences of the page's JSON-LD articleBody"]
