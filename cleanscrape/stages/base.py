"""What every stage shares: the Stage contract, the documented reasons, and line scans.

A stage never deletes or edits a line: it says keep (protect) or drop, with a reason from
`REASONS`. The pipeline applies labels in stage order; the first verdict on a line wins,
so an earlier stage's reason is the one the removal log shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cleanscrape.model import Document, FactKind, Label, Verdict
from cleanscrape.settings import MainContentConfig, Settings
from cleanscrape.text.shapes import is_prose, word_count

# The documented vocabulary of reasons. Every Removal carries one of these.
REASONS: dict[str, str] = {
    "user-drop": "matched one of the user's drop phrases or patterns",
    "stray-script": (
        "a short fragment in a script other than the page's (a stray page number, a menu in another language)"
    ),
    "chrome": "user-interface text: menus, logos, widgets, lone counters and symbols",
    "promo": ("a call to install an app, follow a channel or subscribe to a newsletter, or a paywall's "
              "free-article counter"),
    "credit": "a reporting/editing credit or a trailing wire-agency credit (its names go to metadata)",
    "duplicate": (
        "a repeat of a line printed earlier on the page (titles and captions printed 2-4 times), or of text"
        " already kept above"
    ),
    "caption": "a photo caption or photo credit (the caption goes to the article's captions)",
    "related-headlines": "a list of other articles' headlines, or its header (Latest, Most Viewed, Read more ...)",
    "legal": "copyright, terms, privacy and cookie notices",
    "boilerplate": "outside the page's main run of prose: menus, teasers, footers",
    "comments": "the reader-comment section after the article",
    "metadata": "a line consumed into metadata: title, heading, publisher, date, section, byline",
    # Given by the HTML front end, not a stage: one entry a run of consecutive visible lines.
    "extractor": ("left out of the page's main content by the HTML extractor (trafilatura): "
                  "menus, sidebars, footers, other teasers"),
}


@dataclass(frozen=True)
class Stage:
    """A named labelling function, with the reasons its labels give and the kinds of fact they
    carry (assemble must consume every one: tests/test_facts.py)."""

    name: str
    label: Callable[[Document, Settings], Iterable[Label]]
    reasons: tuple[str, ...]
    facts: tuple[FactKind, ...] = ()

    def __post_init__(self) -> None:
        unknown = set(self.reasons) - set(REASONS) - {"user-keep"}
        if unknown:
            raise ValueError(f"stage {self.name} uses undocumented reasons {sorted(unknown)}")


def line_rule(name: str, reason: str, matches: Callable[[str, Settings], bool], hint: tuple[str, ...] = ()) -> Stage:
    """A stage that drops every kept line whose text `matches` (under the settings): the shape of
    the rule stages that judge a line by itself (chrome, legal, promo).

    `hint`, when given, holds words (lower-case) of which every line `matches` accepts contains
    one in its folded text; only the lines holding one are judged.
    """

    def label(doc: Document, settings: Settings) -> Iterable[Label]:
        candidates = candidate_lines(doc, hint) if hint else doc.kept_indices()
        for index in candidates:
            if matches(doc.lines[index].text, settings):
                yield Label(index, Verdict.DROP, reason)

    return Stage(name, label, (reason,))


def candidate_lines(doc: Document, words: tuple[str, ...]) -> list[int]:
    """The kept lines whose folded text holds one of `words`."""
    return _kept(doc, doc.page_text.lines_containing(words))


def lines_matching(doc: Document, pattern: re.Pattern[str]) -> list[int]:
    """The kept lines holding a match of `pattern`, found by one scan of the page (see PageText.lines_hit)."""
    return _kept(doc, doc.page_text.lines_hit(pattern))


def _kept(doc: Document, indices: list[int]) -> list[int]:
    return [index for index in indices if doc.is_kept(index) and doc.lines[index].text]


def any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of `words` literally, to test one line for a hint."""
    return re.compile("|".join(map(re.escape, words)))


def prose_word_counts(doc: Document, kept: Sequence[int], settings: Settings) -> list[int]:
    """The word count of each kept line that is prose, 0 for the others (menus, labels)."""
    texts = (doc.lines[index].text for index in kept)
    return [word_count(text) if is_prose(text, settings.shapes) else 0 for text in texts]


def holds_most_prose(words_per_line: Sequence[int], in_region: Sequence[bool], config: MainContentConfig) -> bool:
    """Whether the lines `in_region` hold most of the extracted prose. The extractor chose the
    page's main content; when most of its prose sits in regions the DOM calls chrome or comments,
    those regions are the content (an article in an <aside>, a thread made of comments), not
    something beside it. Prose only: a menu the extractor took for want of an article stays out."""
    total = sum(words_per_line)
    inside = sum(words for words, flag in zip(words_per_line, in_region, strict=True) if flag)
    return total > 0 and inside >= config.min_region_prose_share * total
