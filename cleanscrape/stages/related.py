"""Lists of other articles' headlines, and the headers that introduce them.

Signs, each of which holds across news sites: a list header such as "Most Viewed" or
"Next In World"; headline-shaped lines after the article's last paragraph (an article never
ends in a run of unpunctuated titles); teasers cut off with an ellipsis. A headline directly
followed by a paragraph is not a list item but the title or a subheading of that paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleanscrape.model import Block, Document, Label, Verdict
from cleanscrape.settings import DEFAULT_SETTINGS, RelatedConfig, Settings, ShapesConfig
from cleanscrape.stages.base import Stage
from cleanscrape.text.shapes import is_headline, is_prose, is_truncated, word_count
from cleanscrape.text.tokens import line_key

LIST_HEADERS = frozenset({
    "latest", "latest news", "latest stories", "latest articles", "most viewed", "most read", "most popular",
    "most shared", "most commented", "popular", "popular now", "popular stories", "trending", "trending now",
    "trending stories", "related", "related articles", "related stories", "related news", "related posts",
    "related content", "related coverage", "related topics", "read more", "read also", "also read",
    "read next", "up next", "see also", "more stories", "more news", "more articles", "more headlines",
    "you may also like", "you might also like", "you may like", "recommended", "recommended for you",
    "recommended stories", "top stories", "top news", "editor's picks", "editors' picks", "others also read",
    "people also read", "what to read next", "more on this story", "in case you missed it", "don't miss",
    "must read", "must reads", "further reading", "keep reading", "stories you may have missed",
    "tags", "topics", "keywords", "filed under", "more about",
    # The same headers in the other languages of the stop-word lists.
    "mehr zum thema", "zum thema", "lesen sie auch", "lies auch", "auch interessant", "ähnliche beiträge",
    "ähnliche artikel", "verwandte artikel", "verwandte themen", "weitere artikel", "weitere beiträge",
    "meistgelesen", "meistgelesene artikel", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
    "à lire aussi", "lire aussi", "à voir aussi", "voir aussi", "sur le même sujet", "articles similaires",
    "articles liés", "les plus lus", "pour aller plus loin", "pour approfondir", "dans la même rubrique",
    "noticias relacionadas", "artículos relacionados", "otras noticias", "más noticias", "lo más leído",
    "te puede interesar", "también te puede interesar", "lee también", "ver también", "leia também",
    "veja também", "notícias relacionadas", "artigos relacionados", "mais lidas", "leggi anche",
    "articoli correlati", "notizie correlate", "potrebbe interessarti", "ti potrebbe interessare", "i più letti",
    "lees ook", "gerelateerde artikelen", "meest gelezen", "ook interessant", "meer nieuws", "zobacz także",
    "zobacz też", "czytaj także", "czytaj też", "najczęściej czytane", "powiązane artykuły", "читайте также",
    "смотрите также", "похожие статьи", "новости по теме", "самое читаемое", "läs också", "läs även",
    "relaterade artiklar", "mest läst", "baca juga", "berita terkait", "artikel terkait", "ilgili haberler",
    "benzer haberler", "en çok okunanlar",
})
# "Next In World", "More in Politics", "More from Sport": a header naming a section.
_SECTION_LIST_HEADER = re.compile(r"^(?:next|more)\s+(?:in|from|on)\s+\S+(?:\s+\S+)?$", re.IGNORECASE)


def is_list_header(text: str, config: RelatedConfig = DEFAULT_SETTINGS.related) -> bool:
    if word_count(text) > config.max_header_words:
        return False
    normalised = line_key(text)
    return normalised in LIST_HEADERS or normalised.replace(" s ", "'s ") in LIST_HEADERS or bool(
        _SECTION_LIST_HEADER.match(text.strip())
    )


def is_labelled_link(text: str, config: RelatedConfig = DEFAULT_SETTINGS.related) -> bool:
    """A list header and its one item on a line: "Read more: Storm closes bridge", "Tags: tram,
    budget". Not prose: a sentence that starts so ("See also: the council's reply, which ...")
    is the article's own."""
    header, colon, item = text.strip().strip("[]").partition(":")
    return bool(colon) and bool(item.strip()) and is_list_header(header, config)


def _is_list_item(text: str, shapes: ShapesConfig) -> bool:
    return is_headline(text, shapes) or is_truncated(text)


def label_related(doc: Document, settings: Settings) -> Iterator[Label]:
    config, shapes = settings.related, settings.shapes
    kept = list(doc.kept_indices())
    texts = [doc.lines[index].text for index in kept]
    prose = [is_prose(text, shapes) for text in texts]
    last_prose = max((pos for pos, is_p in enumerate(prose) if is_p), default=-1)
    related: set[int] = set()

    def followed_by_prose(pos: int) -> bool:
        return pos + 1 < len(kept) and prose[pos + 1]

    for pos, text in enumerate(texts):
        if not is_list_header(text, config):
            continue
        related.add(pos)
        item = pos + 1
        while item < len(kept) and not prose[item] and not followed_by_prose(item):
            if not (_is_list_item(texts[item], shapes) or is_list_header(texts[item], config)):
                break
            related.add(item)
            item += 1

    # Lists after the last paragraph; an extractor that isolated the article already cut the page's
    # tail, so a list it kept there belongs to the article (tour dates, a table of results).
    after_prose = [] if doc.main_content_found else range(last_prose + 1, len(kept))
    tail = [pos for pos in after_prose if _is_list_item(texts[pos], shapes)]
    if len(tail) >= config.min_tail_items or any(is_truncated(texts[pos]) for pos in tail):
        related.update(tail)

    # Two teasers cut off in a row; a paragraph's length of words is an excerpt quoted with an
    # ellipsis, not a teaser, and so is the short line it pairs with.
    for pos in range(len(kept) - 1):
        if is_truncated(texts[pos]) and is_truncated(texts[pos + 1]) and not (prose[pos] or prose[pos + 1]):
            related.update((pos, pos + 1))

    related.update(pos for pos, text in enumerate(texts) if not prose[pos] and is_labelled_link(text, config))

    # A line of a code block (a program's output: "Loading modules...") is never a headline or a teaser.
    related.difference_update(pos for pos, index in enumerate(kept) if doc.evidence_for(index).block is Block.CODE)

    # No rule here reads the DOM's link blocks (Evidence.link, link_lead): what an extractor kept of
    # them is mostly the page's content (a listing's items, a guide's reading list). Dropping link-block
    # lines and runs of linked teasers cost F1 on 500 pages a set: wcxb-dev 0.897 without, 0.893 with
    # (listing 0.685/0.626), traf-dev 0.926/0.924, readability 0.909/0.908, shub 0.973/0.975.

    for pos in sorted(related):
        yield Label(kept[pos], Verdict.DROP, "related-headlines")


STAGE = Stage("related", label_related, ("related-headlines",))
