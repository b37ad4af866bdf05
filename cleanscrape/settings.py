"""All knobs in one frozen dataclass. Override with `dataclasses.replace` or `Settings.from_options`.

Each stage's thresholds are a frozen dataclass of their own, held in the `Settings` field named
after the stage, so `Settings.from_options({"main_content": {"min_region_words": 10}})` tunes one;
`Settings.describe()` lists every value used. A threshold's default cites the commit whose
benchmark run chose it (`git show <hash>`), where one did; "not measured" says why the value is
sane. F1 figures are the quality benchmark's text mode on the shub dumps (html_text, inscriptis,
w3m renderers) and its HTML mode on the shub pages, as the cited commit reports them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ShapesConfig:
    """What `cleanscrape.text.shapes` calls prose, a headline and a short line; every stage asks."""

    # Not measured: two sentences of news prose; menus, headlines and teasers are shorter.
    paragraph_words: int = 30  # a line this long is prose whatever its end
    # Not measured: a finished sentence shorter than this is as often a caption or a label.
    sentence_min_words: int = 6
    # Not measured: headlines ask and exclaim ("Is this the end of the bus?"); sentences that do are longer.
    question_min_words: int = 15  # a line ending in ? or ! needs this many words to be prose
    # Not measured: headlines run from a few words to a long sentence's length.
    headline_min_words: int = 3
    headline_max_words: int = 30
    headline_max_chars: int = 250
    # Not measured: an outlet's or a person's name, a breadcrumb item.
    short_max_words: int = 4
    short_max_chars: int = 40


@dataclass(frozen=True)
class StrayScriptConfig:
    # Not measured: a page number, a one-word language switcher; a sentence is longer.
    max_fragment_chars: int = 24
    # Not measured: below this share of the page's letters no script is the page's own.
    min_dominant_share: float = 0.8


@dataclass(frozen=True)
class ChromeConfig:
    # Not measured: "20", "#", "1/5", "| |": counters and separators, not a sentence.
    max_symbol_line_chars: int = 12
    # Not measured: "TT", "A+", "OK": too short to be a word of an article on its own.
    max_tiny_line_chars: int = 4
    max_tiny_line_letters: int = 2
    # Not measured: "Sorry, we couldn't find a match for this location. Please try again." runs to 13 words.
    max_error_message_words: int = 20


@dataclass(frozen=True)
class LegalConfig:
    # Not measured: a notice is one or two short sentences; an article discussing privacy runs longer.
    max_notice_words: int = 40


@dataclass(frozen=True)
class PromoConfig:
    # Not measured: a call to action is one sentence; a paragraph reporting on an app runs longer.
    max_promo_words: int = 45
    # Not measured: a store badge or a newsletter's name prints as a few words.
    max_badge_words: int = 6
    # Not measured (added in 70ab116, shub HTML F1 0.965): a sign-up form's thank-you or error line.
    max_form_words: int = 25


@dataclass(frozen=True)
class CreditConfig:
    # Not measured: "(Reporting by X; additional reporting by Y; editing by Z)" with long names.
    max_credit_words: int = 40
    # Not measured: a trailing "... Reuters" needs a sentence before it, not a short label.
    min_words_before_trailing_credit: int = 8
    # Not measured: text is hard-wrapped at 72 (RFCs, mail) to 80 columns (source, terminals); a news
    # paragraph ending in a credit runs longer, and stands apart from the line after it.
    max_wrapped_line_chars: int = 80


@dataclass(frozen=True)
class RepeatedConfig:
    # Not measured: shorter lines are labels ("Read more", a section name) that recur legitimately
    # on every card of a listing; other stages judge them.
    min_words: int = 4
    min_chars: int = 24
    # 7e57c01 (text F1 html_text 0.888, inscriptis 0.886, w3m 0.871; recall +1.5 pts): templates
    # print a title or caption twice within this many input lines; the metadata stage reads it too.
    window: int = 20
    # Inside extracted content, a run this long printed again is the article reprinted (a print
    # version, a second rendering), shorter runs the article's own (a pair of quoted paragraphs,
    # a test page repeating its filler): on top of a5ddf8b (HTML dev sets; a run of 2 cost readability
    # 0.9408 -> 0.9337), the doubled bodies ran 12 paragraphs, the article's own repeats 2 to 3.
    min_reprinted_paragraphs: int = 4


@dataclass(frozen=True)
class CaptionConfig:
    # Not measured: a caption is a sentence or two and its credit.
    max_caption_words: int = 80


@dataclass(frozen=True)
class RelatedConfig:
    # Not measured: "Stories you may have missed" is the longest header of the list.
    max_header_words: int = 6
    # Not measured: one headline-shaped line after the last paragraph can be a sign-off; two are a list.
    min_tail_items: int = 2


@dataclass(frozen=True)
class MainContentConfig:
    # 6e3c967 (text F1 inscriptis 0.886 -> 0.901, w3m 0.871 -> 0.879, html_text 0.888 -> 0.899):
    # a short non-sentence line costs the region this much; a paragraph earns its words beyond
    # the first few, so a one-sentence teaser or bio around the article earns little.
    line_penalty: float = 5.0
    prose_words_offset: float = 5.0
    # Set with line_penalty in 6e3c967, not measured on its own: list items are menus more often
    # than article lists.
    list_item_penalty: float = 6.0
    # Not measured alone (the stage came with 62c62dd: text F1 0.708 -> 0.868 on html_text): below
    # a short paragraph's worth there is no main body to speak of, and nothing is labelled.
    min_region_words: int = 20
    # 395cf9b, grids over the whole benchmark (share 0.3-0.6, floor 0.05-0.25; text F1 html_text
    # .905 -> .912): a long line with under this share of the page's stop-word density is a word
    # list (tags, categories, names); off when no list covers the page's sentences at the floor.
    word_list_stop_share: float = 0.5
    min_page_stop_density: float = 0.2
    # Not measured: finished sentences this long tell the page's language; menus and tag lists do not.
    language_sample_words: int = 8
    # Not measured: a finished sentence shorter than this scores 0, neither article nor furniture.
    min_short_sentence_words: int = 3
    # ab237f2 (text F1 html_text 0.880): one "X said:" can be a quotation in the article; a series
    # cannot. Not measured: headers and signatures are short lines.
    min_comment_signatures: int = 2
    max_comments_header_words: int = 15
    # HTML: when nav/aside/footer or comment regions hold this share of the extracted prose, they
    # are the page's content. Measured on d58efd6's wcxb-dev pages (trafilatura's lines): pages
    # with chrome prose over 0.9 of it gained 1.8 page-F1 points kept, from 0.1 to 0.5 lost 0.2;
    # comments held over 0.8 of the words on 6 threads (+4.6 kept), 0.5 on a page of reviews.
    min_region_prose_share: float = 0.5
    max_comment_signature_words: int = 16
    # 4dc9caf (text dumps, #14) (text F1 html_text/inscriptis/w3m: shub
    # .917/.915/.908 -> .920/.919/.912, traf-dev .853/.857/.848 -> .866/.871/.861; held-out html_text
    # dumps, readability .812 -> .813, every third wcxb-dev page .768 -> .769): a lone paragraph
    # after a gap of short lines, in a tail holding under this share of the run's prose per gap line
    # beyond the first (at most tail_max_share), is furniture's (a bio, a pitch). A flat 0.2 after
    # 3+ lines gave traf-dev .862/.866/.859; a cap of 0.3 lowered shub and both held-out sets; a
    # whole-score test in place of the prose share cut listicles (held-out wcxb-dev .739).
    tail_island_max_paragraphs: int = 1
    tail_max_share: float = 0.2
    tail_share_per_gap_line: float = 0.1


@dataclass(frozen=True)
class RepeatedTextConfig:
    # 9303768 (text F1 inscriptis 0.901, w3m 0.883, html_text 0.901; HTML 0.963), not tuned:
    # word 4-grams are long enough that shared ones mean shared text and short enough to survive
    # re-wrapping; lines with fewer are left to the exact-repeat stage; a line is a repeat when
    # this share of its 4-grams were said above.
    shingle_words: int = 4
    min_shingles: int = 5
    min_seen_share: float = 0.8


@dataclass(frozen=True)
class MetadataConfig:
    # Not measured: breadcrumb items and outlet names are a few words.
    max_header_words: int = 4
    # Not measured: "By Jane Doe, John Roe and Ann Poe in Moscow" fits; a sentence starting "By" is longer.
    max_byline_words: int = 12
    # a26f1be (text F1 html_text 0.871, inscriptis 0.874, w3m 0.860): an article glued below
    # another follows a whole article; a title-like line after fewer words is a subheading.
    min_words_before_next_title: int = 100
    # 08c9516 (shub HTML F1 0.964), not tuned: a first line is the structured title when it shares
    # this share of its words with it (site names and kickers differ).
    min_title_word_share: float = 0.8
    # 7e57c01 (see RepeatedConfig.window): heading, og/title box and the body's own: a template
    # prints a title at most so often; a line printed more often is content (an interview's question).
    max_title_prints: int = 3
    # 1bbef13 (text F1 traf-dev +0.001, shub unchanged; not tuned): a kicker and a section heading
    # sit above a title; a longer run of headline-shaped lines above it is a list of the page's.
    max_headings_above_title: int = 2
    # Not measured: a teaser is a sentence or two (20-50 words); a story's body is paragraphs.
    max_teaser_words: int = 60


@dataclass(frozen=True)
class SegmentConfig:
    # Not measured: two titled articles are one and another glued after it; three are cards.
    min_listing_items: int = 3


@dataclass(frozen=True)
class Settings:
    # Stages switched off by name (see `cleanscrape.pipeline.STAGE_NAMES`).
    disabled_stages: frozenset[str] = frozenset()
    # The user's own boilerplate: lines containing a phrase (case-insensitive) or matching a pattern are dropped.
    drop_phrases: tuple[str, ...] = ()
    drop_patterns: tuple[str, ...] = ()
    # Lines containing a phrase or matching a pattern are always kept, whatever a stage says.
    keep_phrases: tuple[str, ...] = ()
    keep_patterns: tuple[str, ...] = ()
    # Language detection reads at most this many characters of the kept text: a bounded sample
    # gives the same answer as the whole text at a fraction of the cost (1,000 characters agreed
    # with 2,000 on all 181 articles of the shub benchmark, in 60% of the time).
    language_sample_chars: int = 300
    # Filters: a page whose detected language is not one of `languages` (ISO 639-1; () keeps all),
    # or whose text has fewer than `min_words` words, comes back with `Page.filtered` naming the
    # cause ("language", "min-words"); it is still cleaned and returned: the caller decides.
    languages: tuple[str, ...] = ()
    min_words: int = 0
    # Maximums `clean()` checks before the expensive work, so that a hostile or broken page costs
    # bounded time and memory in a scraper as much as in `cleanscrape batch`. Input over a limit
    # raises `cleanscrape.InputTooLarge` (nothing is truncated); None switches a limit off.
    # Real pages stay far below every default (see cleanscrape/limits.py for the measurements).
    # 10 MiB and 60,000 elements (#22; 20 MiB, 100,000 before): the largest pages of these sizes
    # measured take ~20 s of one core (a 10 MiB article 16 s, 3.1 MiB of cards at 59,000 elements 20 s).
    max_input_bytes: int | None = 10 * 1024 * 1024  # bytes given as bytes; characters of a str
    max_lines: int | None = 100_000  # lines of text (HTML: of the text extracted from it)
    max_line_chars: int | None = 1_000_000  # the longest line (HTML: of the extracted text)
    max_html_depth: int | None = 5_000  # nesting of HTML elements that need an end tag
    max_html_elements: int | None = 60_000  # start tags in an HTML document
    # The thresholds of each stage (named as the stage, with _ for -), of the line-shape predicates
    # every stage shares, and of segmentation into articles.
    shapes: ShapesConfig = ShapesConfig()
    stray_script: StrayScriptConfig = StrayScriptConfig()
    chrome: ChromeConfig = ChromeConfig()
    legal: LegalConfig = LegalConfig()
    promo: PromoConfig = PromoConfig()
    credit: CreditConfig = CreditConfig()
    repeated: RepeatedConfig = RepeatedConfig()
    caption: CaptionConfig = CaptionConfig()
    related: RelatedConfig = RelatedConfig()
    main_content: MainContentConfig = MainContentConfig()
    repeated_text: RepeatedTextConfig = RepeatedTextConfig()
    metadata: MetadataConfig = MetadataConfig()
    segment: SegmentConfig = SegmentConfig()

    def __post_init__(self) -> None:
        for name in STRING_COLLECTION_FIELDS:
            _check_strings(name, getattr(self, name), (tuple, frozenset))
        for name in LIMIT_FIELDS:
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise ValueError(f"{name} must be a positive integer or None, not {value!r}")
        for name, config in self.stage_configs():
            for threshold in dataclasses.fields(config):
                value = getattr(config, threshold.name)
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise ValueError(f"{name}.{threshold.name} must be a number >= 0, not {value!r}")
        if isinstance(self.min_words, bool) or not isinstance(self.min_words, int) or self.min_words < 0:
            raise ValueError(f"min_words must be an integer >= 0, not {self.min_words!r}")
        for pattern in (*self.drop_patterns, *self.keep_patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"invalid pattern {pattern!r}: {error}") from None

    @classmethod
    def from_options(cls, options: Settings | Mapping[str, Any] | None) -> Settings:
        """Accept a Settings, a plain mapping of field names (e.g. parsed JSON), or None.

        A stage's thresholds are a mapping of their own, e.g. {"main_content": {"min_region_words": 10}}:
        the ones it names replace the defaults, the others stay.
        """
        if options is None:
            return DEFAULT_SETTINGS
        if isinstance(options, Settings):
            return options
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise ValueError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values = dict(options)
        for name in STRING_COLLECTION_FIELDS:
            if name in values:
                # A lone string is refused, not split into characters ("World" is not W, o, r, l, d).
                _check_strings(name, values[name], (list, tuple, set, frozenset))
                values[name] = (frozenset if name == "disabled_stages" else tuple)(values[name])
        for name, default in DEFAULT_SETTINGS.stage_configs():
            if isinstance(values.get(name), Mapping):
                values[name] = _replace_thresholds(name, default, values[name])
        return cls(**values)

    def describe(self, changed_only: bool = False) -> list[str]:
        """One line a setting, `name = value` (a stage's thresholds as `stage.threshold = value`),
        each value that differs from the default followed by `(default <value>)`; with
        `changed_only`, those lines alone (what --explain shows above the lines)."""
        lines = []
        for name, value, default in _flat_fields(self, DEFAULT_SETTINGS):
            if value != default:
                lines.append(f"{name} = {_show(value)} (default {_show(default)})")
            elif not changed_only:
                lines.append(f"{name} = {_show(value)}")
        return lines

    def stage_configs(self) -> list[tuple[str, Any]]:
        """(field name, thresholds) of each stage, the shape predicates and segmentation."""
        return [
            (f.name, getattr(self, f.name)) for f in dataclasses.fields(self) if dataclasses.is_dataclass(f.default)
        ]


def _replace_thresholds(name: str, default: Any, thresholds: Mapping[str, Any]) -> Any:
    known = {f.name for f in dataclasses.fields(default)}
    unknown = sorted(set(thresholds) - known)
    if unknown:
        raise ValueError(f"unknown {name} threshold(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return dataclasses.replace(default, **thresholds)


def _flat_fields(settings: Any, defaults: Any, prefix: str = "") -> list[tuple[str, Any, Any]]:
    """(dotted name, value, default value) of every field, a stage's thresholds one by one."""
    flat = []
    for f in dataclasses.fields(settings):
        value, default = getattr(settings, f.name), getattr(defaults, f.name)
        if dataclasses.is_dataclass(value):
            flat += _flat_fields(value, default, f"{prefix}{f.name}.")
        else:
            flat.append((f"{prefix}{f.name}", value, default))
    return flat


def _show(value: Any) -> str:
    return repr(sorted(value)) if isinstance(value, frozenset) else repr(value)


# Fields holding several strings: a list (or tuple, or set) of them, never one string.
STRING_COLLECTION_FIELDS = ("disabled_stages", "drop_phrases", "drop_patterns", "keep_phrases", "keep_patterns",
                            "languages")


def _check_strings(name: str, value: Any, kinds: tuple[type[Collection[Any]], ...]) -> None:
    """TypeError naming the field unless `value` is one of `kinds` holding only strings."""
    if not isinstance(value, kinds) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"{name} must be a list of strings, not {value!r}")


LIMIT_FIELDS = ("max_input_bytes", "max_lines", "max_line_chars", "max_html_depth", "max_html_elements")
DEFAULT_SETTINGS = Settings()
