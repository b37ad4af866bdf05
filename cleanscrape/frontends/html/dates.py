"""When the page says it was published and updated, as htmldate's readers find it in the markup.

htmldate (trafilatura's own date reader) looks where publishers put dates: a date in the URL's
path, <meta> and JSON-LD, <abbr>, elements whose class names a date, <time>, then the text. Its
answer stands behind the page's declared metadata (structured.py) and before a date read from the
visible lines (assemble decides the order).

`find_date` walks that whole order once per date asked for, and ends in a search of the whole
page's HTML that settles for a copyright year or any year the page prints, as January 1st. This
module walks htmldate's readers once for both dates (the pruned copy of the page and its
serialisation made once), and keeps only what a page states as a day:

- a date htmldate completes from a year or a month ("© 2025", "itemprop=copyrightYear", a path
  /2019/03/) is no date: the first of a month stands only where the page writes that day;
- the free-text search runs for the published date only, when the page declares none, over a
  bounded stretch of its HTML; the latest date anywhere on a page is no "updated" date;
- a date found in the text whose every mention carries an update label ("Updated January 16,
  2026") is the updated date, not the published one;
- a date the free text gives whose every mention follows "since", "until", "effective" and the
  like ("Since 1 January 2023, all our gold is recycled") is a date the text speaks of, not the
  page's: no published date;
- htmldate's readers parse with its own patterns, not with dateparser (which tries every locale
  it has on the first date it meets: about a second of a fresh worker's time per locale).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from datetime import date, datetime

from htmldate.core import (
    COPYRIGHT_PATTERN,
    DATESTRINGS_CATCH,
    DATESTRINGS_PATTERN,
    SELECT_YMD_PATTERN,
    SELECT_YMD_YEAR,
    SLASHES_PATTERN,
    SLASHES_YEAR,
    THREE_COMP_PATTERNS,
    THREE_COMP_REGEX_A,
    THREE_COMP_REGEX_B,
    THREE_LOOSE_CATCH,
    TIMESTAMP_PATTERN,
    YEAR_PATTERN,
    _finalize_candidate,
    _search_and_filter,
    compare_reference,
    date_candidates,
    examine_abbr_elements,
    examine_header,
    examine_text,
    examine_time_elements,
    has_plausible_candidates,
    normalize_match,
    search_normalized,
    search_pattern,
    serialize,
)
from htmldate.extractors import (
    FREE_TEXT_EXPRESSIONS,
    discard_unwanted,
    extract_url_date,
    idiosyncrasies_search,
    img_search,
    json_search,
    pattern_search,
    regex_parse,
)
from htmldate.settings import CLEANING_LIST, MAX_SEGMENT_LEN, MIN_DATE, MIN_SEGMENT_LEN
from htmldate.utils import Extractor, clean_html, trim_text
from htmldate.validators import check_extracted_reference, is_valid_date
from lxml.html import HtmlElement  # type: ignore[import-untyped]

from cleanscrape.parse.dates import UPDATE_WORD, UPDATE_WORDS, find_dates

OUTPUT_FORMAT = "%Y-%m-%d"
# The search of the page's HTML for a date (htmldate's search_page) reads at most this many
# characters of it: a page's own date sits in its header or at the top of its body, and a long
# page's thousandth date says nothing about it (the pruned HTML of a wcxb-dev page is 120,000
# characters at the median, 376,000 at the 90th percentile). Measured on the pages of traf-dev and
# wcxb-dev that declare no date, against their truth: the whole HTML gave 8 right dates, 5 wrong
# and 80 on pages whose truth has none; its first 50,000 characters 9, 6 and 67, at a quarter of
# the time.
MAX_SEARCHED_CHARS = 50_000
# An update label just before a date (parse.dates.UPDATE_WORDS).
UPDATE_LABEL = re.compile(UPDATE_WORDS + r"[^\d<>]{0,20}$", re.IGNORECASE)
# What a sentence puts before a date it speaks of (a policy's start, a deadline), not the page's own.
REFERENCE_LABEL = re.compile(
    r"\b(?:since|until|till|effective|as\s+of|starting|beginning|seit|bis|ab|depuis|jusqu'au|desde|hasta|"
    r"a\s+partir\s+del?|dal|fino\s+al)[\s,:]*(?:(?:on|the|le|el|dem|den)\s+)?$", re.IGNORECASE)
# How far before a date its label may start ("Last updated on Friday, ").
LABEL_WINDOW_CHARS = 40
# How far either side of a year a date written around it may reach ("Wednesday, 1st September 2021").
DATE_WINDOW_CHARS = 30


@dataclass(frozen=True, slots=True)
class MarkupDates:
    """htmldate's published (original) and updated (latest) dates, ISO 8601 days; None if none."""

    published: str | None = None
    updated: str | None = None


def web_url(source: str | None) -> str | None:
    """`source` when it is an http(s) URL, else None: a file path is no page address."""
    return source if source and source.startswith(("http://", "https://")) else None


def _options(original: bool) -> Extractor:
    # extensive=False keeps htmldate's parsing to its own patterns (no dateparser); which parts of
    # the page are searched is decided here, not by that flag. Bounds: htmldate's own, 1995-01-01
    # (before it, dates on the web are almost all placeholders) to today (a page cannot have been
    # published later than it was read); the clock is read per call, as a worker crosses midnight.
    today = datetime.combine(date.today(), datetime.max.time())
    return Extractor(False, today, MIN_DATE, original, OUTPUT_FORMAT)


Step = Callable[[Extractor], "str | None"]
# The reader of what the page declares (<meta>, JSON-LD): its date is no text's, so no label applies.
DECLARED_SOURCE = "declared"
# The readers of the page's free text: a date they find has no element or label that makes it the page's.
FREE_TEXT_SOURCE, PAGE_TEXT_SOURCE = "free text", "page text"


class _Reading:
    """The first answer of htmldate's readers, in their order, for each date still wanted."""

    def __init__(self, wanted: tuple[Extractor, ...]) -> None:
        self.pending = list(wanted)
        self.found: dict[bool, tuple[str, str]] = {}  # original? -> (date, the reader that found it)

    def attempt(self, step: Step, source: str) -> bool:
        """Tries `step` for every date still wanted; True when none is left."""
        for options in list(self.pending):
            result = step(options)
            if result is not None:
                self.found[options.original] = (result, source)
                self.pending.remove(options)
        return not self.pending

    def attempt_once(self, step: Step, source: str) -> bool:
        """Tries `step`, whose answer is the same for either date (htmldate's readers that do not
        read `original`), once for all the dates still wanted; True when none is left."""
        result = step(self.pending[0]) if self.pending else None
        return self.attempt(lambda _options: result, source) if result is not None else not self.pending

    def date(self, original: bool) -> tuple[str | None, str | None]:
        """The date and the reader that found it (DECLARED_SOURCE: the page's metadata), or (None, None)."""
        return self.found.get(original, (None, None))


def markup_dates(
    tree: HtmlElement, url: str | None, published_needed: bool = True, visible_text: str | None = None,
) -> MarkupDates:
    """The page's published and updated dates as htmldate's readers find them, in one walk.

    `published_needed` False (the page declares its published date) asks for the updated date
    only, and skips the free-text search, which only a published date may come from.
    `visible_text`, the text the page shows (the front end has it), is where a date is looked for
    written out with its label; without it, the tree's text is read.
    """
    original, latest = _options(True), _options(False)
    page_url = web_url(url)
    if page_url is None:  # as find_date: the canonical link is the page's address
        canonical = tree.find('.//link[@rel="canonical"]')
        page_url = canonical.get("href") if canonical is not None else None
    page_text = _PageText(tree, page_url, visible_text)
    from_url = extract_url_date(page_url, original)
    if from_url is not None:  # one date for both: the published date, updated unknown
        return MarkupDates(published=_stated_day(from_url, page_text))
    reading = _Reading((original, latest) if published_needed else (latest,))
    _read_markup(tree, reading)
    published, source = reading.date(True)
    published = _stated_day(published, page_text)
    updated = _stated_day(reading.date(False)[0], page_text)
    if published and source != DECLARED_SOURCE and _labelled_updated(published, page_text.text):
        published, updated = None, updated or published
    elif source in (FREE_TEXT_SOURCE, PAGE_TEXT_SOURCE) and published and _every_mention_follows(
            REFERENCE_LABEL, published, page_text.text):
        published = None
    return MarkupDates(published=published, updated=updated if updated != published else None)


class _PageText:
    """The page's text and address, read once and only when a date needs checking against them."""

    def __init__(self, tree: HtmlElement, url: str | None, visible_text: str | None) -> None:
        self._tree, self._url, self._text = tree, url, visible_text
        self._markup: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = " ".join(self._tree.itertext())
        return self._text + " " + (self._url or "")

    @property
    def markup(self) -> str:
        """The page's HTML: a date may be written in an attribute (<time datetime>, <meta content>)."""
        if self._markup is None:
            self._markup = serialize(self._tree)
        return self._markup


def _read_markup(tree: HtmlElement, reading: _Reading) -> None:
    """htmldate's readers in find_date's order, each asked for the dates still wanted."""
    if reading.attempt(lambda options: examine_header(tree, options) or json_search(tree, options), DECLARED_SOURCE):
        return
    if reading.attempt(lambda options: examine_abbr_elements(tree, options), "abbr"):
        return
    try:
        search_tree = discard_unwanted(clean_html(deepcopy(tree), CLEANING_LIST))
    except ValueError:  # lxml refuses NULL bytes or control characters in a few pages
        search_tree = deepcopy(tree)
    candidates = date_candidates(search_tree, extensive_search=True)
    headings = search_tree.xpath(".//title|.//h1")
    # find_date's order: the date-classed elements and the headings (either date alike), then <time>.
    if reading.attempt_once(lambda options: _examine_elements(candidates, options)
                            or _examine_elements(headings, options), "elements"):
        return
    if reading.attempt(lambda options: examine_time_elements(search_tree, options), "elements"):
        return
    html = serialize(search_tree)
    if reading.attempt_once(lambda options: pattern_search(html, TIMESTAMP_PATTERN, options)
                            or img_search(search_tree, options)
                            or idiosyncrasies_search(html, options), "patterns"):
        return
    # The free text: only the published date is read from it (the latest date a page prints is a
    # comment's, a related story's, today's), and only when the markup gave none.
    if original_pending := [options for options in reading.pending if options.original]:
        reading.pending = original_pending
        reading.attempt(lambda options: _free_text_date(search_tree, options), FREE_TEXT_SOURCE)
        reading.attempt(lambda options: _page_text_date(html[:MAX_SEARCHED_CHARS], options), PAGE_TEXT_SOURCE)


def _examine_elements(elements: list[HtmlElement], options: Extractor) -> str | None:
    """htmldate's examine_elements, with what it leaves to dateparser (a date with its month's
    name: "4. Mai 2022", "29 novembre 2024") read by parse/dates, in the same place of the same
    order: each element's text, then its title."""
    if not has_plausible_candidates(elements):
        return None
    for element in elements:
        for text in (element.text_content(), element.get("title", "")):
            found: str | None = examine_text(text, options) or _named_month_date(text, options)
            if found:
                return found
    return None


def _named_month_date(text: str, options: Extractor) -> str | None:
    """The first date with a month's name in `text` (as htmldate cuts it), within htmldate's bounds."""
    segment = trim_text(text)[:MAX_SEGMENT_LEN]
    if len(segment) <= MIN_SEGMENT_LEN:
        return None
    for found in find_dates(segment):
        if found.iso is not None and is_valid_date(found.iso[:10], OUTPUT_FORMAT, earliest=options.min,
                                                   latest=options.max):
            return found.iso[:10]
    return None


def _free_text_date(search_tree: HtmlElement, options: Extractor) -> str | None:
    """htmldate's extensive search of short text segments: the oldest (or newest) date among them."""
    reference: datetime | None = None
    for segment in FREE_TEXT_EXPRESSIONS(search_tree):
        segment = segment.strip()
        if MIN_SEGMENT_LEN < len(segment) < MAX_SEGMENT_LEN:
            reference = compare_reference(reference, segment, options)
    result: str | None = check_extracted_reference(reference, options)
    return result


def _page_text_date(html: str, options: Extractor) -> str | None:
    """htmldate's search_page without its guesses: dates of three components only, never the
    copyright year, a bare year or a month (which it gives as January 1st or the 1st)."""
    copyright_year = 0
    best = search_pattern(html, COPYRIGHT_PATTERN, YEAR_PATTERN, YEAR_PATTERN, options)
    if best is not None and is_valid_date(datetime(int(best[1]), 1, 1), "%Y", earliest=options.min,
                                          latest=options.max):
        copyright_year = int(best[1])  # a floor: the page is not older than its copyright
    for pattern in THREE_COMP_PATTERNS:
        found: str | None = _search_and_filter(html, pattern, THREE_LOOSE_CATCH, copyright_year, options)
        if found is not None:
            return found
    found = search_normalized(html, SELECT_YMD_PATTERN, SELECT_YMD_YEAR, _normalize_a, copyright_year, options) \
        or _search_and_filter(html, DATESTRINGS_PATTERN, DATESTRINGS_CATCH, copyright_year, options) \
        or search_normalized(html, SLASHES_PATTERN, SLASHES_YEAR, _normalize_b, copyright_year, options)
    if found is not None:
        return found
    parsed: str | None = _finalize_candidate(regex_parse(html), copyright_year, options)
    return parsed


def _normalize_a(item: str) -> str:
    result: str = normalize_match(THREE_COMP_REGEX_A, item)
    return result


def _normalize_b(item: str) -> str:
    result: str = normalize_match(THREE_COMP_REGEX_B, item)
    return result


def _stated_day(iso: str | None, page: _PageText) -> str | None:
    """`iso`, unless it is the first of a month that the page never writes as that day
    (htmldate's completion of a year or a month: "© 2025", a path /2019/03/)."""
    if iso is None or not iso.endswith("-01"):
        return iso
    return iso if _mentions(iso, page.text) or _mentions(iso, page.markup) else None


_NUMERIC_FORMS = (
    "{y}-{m:02d}-{d:02d}", "{y}/{m:02d}/{d:02d}", "{y}.{m:02d}.{d:02d}", "{y}{m:02d}{d:02d}", "{y}/{m}/{d}",
    "{y}-{m}-{d}", "{d:02d}.{m:02d}.{y}", "{d}.{m}.{y}", "{d:02d}/{m:02d}/{y}", "{m:02d}/{d:02d}/{y}",
    "{d}/{m}/{y}", "{m}/{d}/{y}", "{d:02d}-{m:02d}-{y}", "{m:02d}-{d:02d}-{y}", "{d}. {m}. {y}",
)


def _mentions(iso: str, text: str) -> list[int]:
    """Where `text` writes the day `iso` (numeric or with the month's name): the starts of its mentions."""
    year, month, day = (int(part) for part in iso[:10].split("-"))
    starts = [start for form in _NUMERIC_FORMS for start in _literal_starts(form.format(y=year, m=month, d=day), text)]
    wanted = iso[:10]
    for year_at in _literal_starts(str(year), text):
        window_start = max(0, year_at - DATE_WINDOW_CHARS)
        window = text[window_start:year_at + 4 + DATE_WINDOW_CHARS]
        starts.extend(window_start + found.start for found in find_dates(window)
                      if found.iso is not None and found.iso[:10] == wanted)
    return sorted(set(starts))


def _literal_starts(written: str, text: str) -> list[int]:
    """Where `text` holds `written` with no digit either side (str.find: a regex opening with a
    lookbehind would be tried at every position of the page)."""
    starts = []
    at = text.find(written)
    while at >= 0:
        end = at + len(written)
        if (at == 0 or not text[at - 1].isdigit()) and (end == len(text) or not text[end].isdigit()):
            starts.append(at)
        at = text.find(written, at + 1)
    return starts


def _labelled_updated(iso: str, text: str) -> bool:
    """Whether every mention of the day `iso` in `text` follows an update label."""
    if UPDATE_WORD.search(text) is None:  # most pages: no label, no need to find the mentions
        return False
    return _every_mention_follows(UPDATE_LABEL, iso, text)


def _every_mention_follows(label: re.Pattern[str], iso: str, text: str) -> bool:
    """Whether `text` writes the day `iso` and every mention follows `label` (which ends at `$`)."""
    starts = _mentions(iso, text)
    return bool(starts) and all(label.search(text[max(0, start - LABEL_WINDOW_CHARS):start]) for start in starts)
