"""Lines that are metadata, not text: title, page heading, publisher, dates, section, byline.

An article's header sits between its title and its first paragraph. Reading back from each
run of paragraphs, the header block is made of date lines, bylines, short list items
(breadcrumbs, tags) and a short name printed just above a date (the outlet); the headline-shaped
line above that block is the title. The first article needs no more evidence than that. A later
title must show an article header of its own (the title printed twice, or a date under it), or
it is a subheading and stays in the text. In HTML the extractor leaves bylines and dates out, so
a later <h1>-<h6> also starts an article when one of them stands under it on the page
(`_starts_story`); one whose story is only a teaser is a related headline.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence

from cleanscrape.model import Block, Document, Fact, FactKind, Label, Line, PageType, Verdict
from cleanscrape.parse.people import parse_byline
from cleanscrape.settings import MetadataConfig, Settings
from cleanscrape.stages.base import Stage
from cleanscrape.stages.header_block import HeaderLine, date_facts, read_header_block
from cleanscrape.text.shapes import is_headline, is_prose, word_count
from cleanscrape.text.tokens import key_words, line_key

DATE_FACTS = frozenset({FactKind.PUBLISHED, FactKind.UPDATED, FactKind.UNDATED})
# An article's own <header> holds a headline, a standfirst of a paragraph or two and a byline; a
# "header" with more paragraphs than that is a page template wrapping the body in <header> (on
# wcxb-dev such runs held whole articles: 3,778 words of truth lost as metadata on 400 pages).
MAX_HEADER_PARAGRAPHS = 2


def _block_facts(block: list[HeaderLine]) -> list[tuple[int, tuple[Fact, ...]]]:
    """(position, facts) of each header line. Breadcrumb/tag items: the outlet's name again, else
    the first one is the section; later ones are tags, dropped without a fact (no output has
    a field for them)."""
    publishers = {fact.value for line in block for fact in line.facts if fact.kind is FactKind.PUBLISHER}
    has_section = False
    assigned = []
    for line in block:
        item = line.list_item
        if item is None:
            facts = line.facts
        elif item in publishers:
            facts = (Fact(FactKind.PUBLISHER, item),)
        elif not has_section:
            facts, has_section = (Fact(FactKind.SECTION, item),), True
        else:
            facts = ()
        assigned.append((line.position, facts))
    return assigned


def _may_be_title(doc: Document, text: str, config: MetadataConfig) -> bool:
    """Text extracted from HTML carries no title line: structured data names the title, and a
    headline-shaped first line is the title only if it says the same."""
    if not doc.main_content_found:
        return True
    structured = doc.page_meta.title
    if not structured:
        return False
    # The same title, give or take a site name, a kicker or punctuation: most words shared.
    line_words, title_words = set(key_words(text)), set(key_words(structured))
    shared = len(line_words & title_words)
    return shared >= config.min_title_word_share * min(len(line_words), len(title_words))


def _printed_nearby(doc: Document, settings: Settings) -> set[int]:
    """Indices of lines printed again nearby, as templates print a title: within the window the
    repeated stage reads template prints in.

    A line recurring all over the page (an interview's question) is not a title printed twice, nor
    is a subheading that recurs after a paragraph ("Did you know?", "Typical work environment" under
    each of two jobs): a template prints a title twice in the header, with no paragraph between.
    """
    positions: dict[str, list[int]] = {}
    for index, line in enumerate(doc.lines):
        if not line.is_blank:
            positions.setdefault(line_key(line.text), []).append(index)
    nearby: set[int] = set()
    for indices in positions.values():
        if 2 <= len(indices) <= settings.metadata.max_title_prints:
            for first, second in itertools.pairwise(indices):
                between = doc.lines[first + 1:second]
                if second - first <= settings.repeated.window and not any(
                        is_prose(line.text, settings.shapes) for line in between):
                    nearby.update((first, second))
    return nearby


def _headings_above(zone: Sequence[Line], title_pos: int, settings: Settings) -> range:
    """Positions of the page headings printed right above the title (a kicker, the section's
    heading): the headline-shaped lines just above it, when there are at most
    `max_headings_above_title` of them. A longer run of them is the page's own list (a
    chronology, a list of facts) that the main run of prose was too short to claim."""
    first = title_pos
    while first > 0 and is_headline(zone[first - 1].text, settings.shapes):
        first -= 1
    if title_pos - first > settings.metadata.max_headings_above_title:
        return range(0)
    return range(first, title_pos)


def label_metadata(doc: Document, settings: Settings) -> Iterator[Label]:
    config, shapes = settings.metadata, settings.shapes
    kept = list(doc.kept_indices())
    lines = [doc.lines[index] for index in kept]
    prose = [is_prose(line.text, shapes) for line in lines]
    printed_near = _printed_nearby(doc, settings)
    day_first = doc.day_first

    zone_start = 0
    first_zone = True
    titles_printed_twice = False  # the page's first title was printed twice, as its template prints titles
    words_since_title = 0
    for pos in range(len(lines)):
        if not prose[pos] or (pos > 0 and prose[pos - 1]):
            continue
        zone = lines[zone_start:pos]
        title_pos, block = read_header_block(zone, day_first, settings)
        title = zone[title_pos] if title_pos >= 0 and is_headline(zone[title_pos].text, shapes) else None
        has_date = any(fact.kind in DATE_FACTS for line in block for fact in line.facts)
        if first_zone and title is not None and not _may_be_title(doc, title.text, config):
            title = None
        printed_twice = title is not None and kept[zone_start + title_pos] in printed_near
        if first_zone:
            titles_printed_twice = printed_twice
        # A template prints every title alike: a line printed twice is a later article's title only
        # where the first title was printed twice too; else it is a caption shown twice (w3m prints
        # an image's alt text and its caption) between the article's paragraphs.
        has_header = title is not None and ((printed_twice and titles_printed_twice) or has_date)
        if title is not None and not first_zone and not has_header and doc.main_content_found:
            has_header = _starts_story(doc, kept[zone_start + title_pos], kept[pos], block, settings)
        # An article glued below another follows a whole article: a title-like line after fewer
        # words of text is a subheading, a teaser or a caption, not the start of a second article.
        if not first_zone and not (has_header and words_since_title >= config.min_words_before_next_title):
            title = None
            block = []
        if title is not None and not first_zone and doc.main_content_found and _is_teaser(doc, kept, pos, config):
            # Another story's headline and a sentence or two of it: a teaser, not an article.
            yield Label(kept[zone_start + title_pos], Verdict.DROP, "related-headlines")
            for block_pos, _ in _block_facts(block):
                yield Label(kept[zone_start + block_pos], Verdict.DROP, "related-headlines")
            for body_pos in _story_body(doc, kept, pos):
                yield Label(kept[body_pos], Verdict.DROP, "related-headlines")
            title, block = None, []
        if title is not None:
            words_since_title = 0
            title_fact = Fact(FactKind.TITLE, title.text)
            yield Label(kept[zone_start + title_pos], Verdict.DROP, "metadata", facts=(title_fact,))
            if first_zone:
                for heading_pos in _headings_above(zone, title_pos, settings):
                    heading = Fact(FactKind.HEADING, zone[heading_pos].text)
                    yield Label(kept[zone_start + heading_pos], Verdict.DROP, "metadata", facts=(heading,))
        for block_pos, facts in _block_facts(block):
            yield Label(kept[zone_start + block_pos], Verdict.DROP, "metadata", facts=facts)
        first_zone = False
        zone_start = pos
        while zone_start < len(lines) and prose[zone_start]:
            words_since_title += word_count(lines[zone_start].text)
            zone_start += 1
    yield from _article_header_lines(doc, kept, prose)


def _heading_level(doc: Document, index: int) -> int | None:
    """The level of an HTML heading (1 for <h1>); None for any other line."""
    evidence = doc.evidence_for(index)
    return evidence.level if evidence.block is Block.HEADING else None


def _starts_story(doc: Document, index: int, body_index: int, block: Sequence[HeaderLine],
                  settings: Settings) -> bool:
    """An HTML heading after a whole article that starts another story rather than a section: a
    byline or a date of its own sits between it and its first paragraph (at `body_index`), which
    a section never has. The extractor leaves bylines and dates out of its text, so they are
    looked for among the page's lines it left out too. The heading's level says nothing: pages
    set their sections at the title's level (<h2> title, <h2> steps) or above it (an <h4> title
    over <h3> sections): splitting there cost wcxb-dev F1 0.840 -> 0.831 (article 0.946 -> 0.932)."""
    if _heading_level(doc, index) is None or _is_reply(doc, doc.lines[index].text, settings.metadata):
        return False
    if any(fact.kind is FactKind.AUTHOR for line in block for fact in line.facts):
        return True
    numbers = [line.number for line in doc.left_out]
    between = doc.left_out[bisect.bisect_right(numbers, doc.lines[index].number):
                           bisect.bisect_left(numbers, doc.lines[body_index].number)]
    return any(date_facts(line.text, doc.day_first) is not None or (
        word_count(line.text) <= settings.metadata.max_byline_words and parse_byline(line.text)) for line in between)


def _is_reply(doc: Document, heading: str, config: MetadataConfig) -> bool:
    """A post of a discussion, not another story: the page is a forum (frontends/html/kinds), or the
    heading repeats the page's title ("Re: <title>", as forum software heads each reply). Splitting
    such posts off cost wcxb-dev forum pages F1 0.738 -> 0.733."""
    if doc.page_type is PageType.FORUM:
        return True
    title = doc.page_meta.title
    if not title:
        return False
    heading_words, title_words = set(key_words(heading)), set(key_words(title))
    return bool(title_words) and len(heading_words & title_words) >= config.min_title_word_share * len(title_words)


def _story_body(doc: Document, kept: Sequence[int], start: int) -> range:
    """Positions of a story's body from its first paragraph at `start`: up to the next HTML heading."""
    end = start
    while end < len(kept) and (end == start or _heading_level(doc, kept[end]) is None):
        end += 1
    return range(start, end)


def _is_teaser(doc: Document, kept: Sequence[int], start: int, config: MetadataConfig) -> bool:
    """A story whose body is one paragraph of no more than a teaser's words (a sentence or two)."""
    body = [doc.lines[kept[pos]].text for pos in _story_body(doc, kept, start)]
    return sum(map(is_prose, body)) <= 1 and sum(map(word_count, body)) <= config.max_teaser_words


def _article_header_lines(doc: Document, kept: Sequence[int], prose: Sequence[bool]) -> Iterator[Label]:
    """Lines the DOM shows in the article's own <header> before the body's first paragraph: the
    headline (however it is worded), the standfirst and the byline are the article's header,
    not its text. Only the standfirst, the header's prose, is a fact: the title and byline
    the page states elsewhere (structured data, the lines above). A "header" holding more than
    MAX_HEADER_PARAGRAPHS paragraphs is the body itself, and stays."""
    in_header = [doc.evidence_for(index).article_header for index in kept]
    before_body = itertools.takewhile(lambda pos: in_header[pos] or not prose[pos], range(len(kept)))
    header = [pos for pos in before_body if in_header[pos]]
    if sum(prose[pos] for pos in header) > MAX_HEADER_PARAGRAPHS:
        return
    for pos in header:
        text = doc.lines[kept[pos]].text
        facts = (Fact(FactKind.STANDFIRST, text),) if _is_standfirst(doc, text, prose[pos]) else ()
        yield Label(kept[pos], Verdict.DROP, "metadata", facts=facts)


# A deck under the headline is a sentence ("What is the difference and which is right for you?"):
# this many words and a sentence's end tell it from a kicker, a byline or a date line. An ellipsis
# ends a deck too ("And then the rain came…"), unlike text.shapes.ends_sentence, which reads one as a
# teaser cut short: under the headline it is the article's own summary.
MIN_SUMMARY_WORDS = 6
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)]*$")


def _is_standfirst(doc: Document, text: str, prose: bool) -> bool:
    """A header line summing the article up: its prose, or a sentence that is not prose by shape (a
    deck); not the headline, which says what the declared title says in most of its words."""
    title = doc.page_meta.title
    line_words = set(key_words(text))
    if title and len(line_words & set(key_words(title))) >= 0.5 * len(line_words):
        return False
    return prose or bool(title and word_count(text) >= MIN_SUMMARY_WORDS and _SENTENCE_END.search(text))


STAGE = Stage(
    "metadata",
    label_metadata,
    ("metadata", "related-headlines"),
    (
        FactKind.TITLE, FactKind.HEADING, FactKind.STANDFIRST, FactKind.PUBLISHED, FactKind.UPDATED,
        FactKind.UNDATED, FactKind.PUBLISHER, FactKind.SECTION, FactKind.AUTHOR,
    ),
)
