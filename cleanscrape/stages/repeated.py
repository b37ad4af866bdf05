"""Lines printed more than once on the page: titles and captions repeated by templates.

The first copy stays for the later stages to judge (a title, a caption); a later copy printed
within a few lines of the previous one, of a line long enough to be more than a label, is a
duplicate: templates print a title or caption twice close together. Copies far apart are
either content that recurs (an interview's questions) or a teaser of a paragraph, which the
main-content stage tells apart. Short lines such as a section name legitimately recur on
every card of a listing, so they are left to other stages.

Inside main content an extractor isolated, one repeat is still a template's: the whole article
printed again (a print version, a second rendering of the body with its date and address between
the copies). A run of paragraphs printed again in the same order is that second print; a single
paragraph said twice (a pull quote, a refrain) is the article's own and stays.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanscrape.model import Block, Document, Label, Verdict
from cleanscrape.settings import DEFAULT_SETTINGS, RepeatedConfig, Settings
from cleanscrape.stages.base import Stage
from cleanscrape.text.shapes import is_prose, word_count
from cleanscrape.text.tokens import line_key


def is_repeatable(text: str, config: RepeatedConfig = DEFAULT_SETTINGS.repeated) -> bool:
    if text.startswith("|") and text.endswith("|"):
        return False  # table rows repeat legitimately: headers of several tables, equal rows
    return word_count(text) >= config.min_words or len(text) >= config.min_chars


def label_repeated(doc: Document, settings: Settings) -> Iterator[Label]:
    # Inside main content an extractor isolated, the template's repeats (a title or caption box
    # printed again) are already gone, and what repeats is the article's own: a code listing's
    # lines, a recipe's steps, a refrain. On the HTML dev sets the stage cost F1 there:
    # readability 0.933 without it vs 0.905 with it, shub 0.969 vs 0.968 (2026-11-26).
    if doc.main_content_found:
        yield from _reprinted_paragraphs(doc, settings)
        return
    config = settings.repeated
    last_seen: dict[str, int] = {}
    for index, line in enumerate(doc.lines):
        if line.is_blank or not is_repeatable(line.text, config):
            continue
        key = line_key(line.text)
        previous = last_seen.get(key)
        if previous is not None and index - previous <= config.window and doc.is_kept(index):
            yield Label(index, Verdict.DROP, "duplicate")
        last_seen[key] = index


def _reprinted_paragraphs(doc: Document, settings: Settings) -> Iterator[Label]:
    """Later copies of paragraphs that recur in a run of several, in the same order, after an
    earlier copy of the run. Paragraphs only: code (a query shown again with one change), table
    rows and labels repeat within an article legitimately."""
    paragraphs = [
        index for index in doc.kept_indices()
        if doc.evidence_for(index).block is not Block.CODE and is_prose(doc.lines[index].text, settings.shapes)]
    keys = [line_key(doc.lines[index].text) for index in paragraphs]
    minimum = settings.repeated.min_reprinted_paragraphs
    earlier: dict[str, list[int]] = {}
    # The run through a pair of copies lies on their offset's diagonal and is the same for every
    # pair along it: found once per diagonal and run, a page of many equal paragraphs costs the
    # number of equal pairs, not that times the length of each run (1,000 equal paragraphs took
    # 13 s when each pair walked its run).
    runs: dict[int, tuple[int, int]] = {}
    for position, key in enumerate(keys):
        if any(_is_reprint(keys, position, position - first, runs, minimum) for first in earlier.get(key, ())):
            yield Label(paragraphs[position], Verdict.DROP, "duplicate")
        earlier.setdefault(key, []).append(position)


def _is_reprint(keys: list[str], later: int, offset: int, runs: dict[int, tuple[int, int]], minimum: int) -> bool:
    """Whether paragraph `later` is in a run of at least `minimum` paragraphs repeating, in the same
    order, those `offset` paragraphs before, the later copy starting after the earlier one ends.
    `runs` keeps the last run found on each offset."""
    start, end = runs.get(offset, (later + 1, later))
    if not start <= later <= end:
        start, end = _run_through(keys, later, offset)
        runs[offset] = start, end
    return minimum <= end - start + 1 <= offset


def _run_through(keys: list[str], later: int, offset: int) -> tuple[int, int]:
    """The first and last paragraph of the longest run through `later` whose keys equal, one for
    one, those `offset` paragraphs before."""
    start = later
    while start - offset - 1 >= 0 and keys[start - 1] == keys[start - offset - 1]:
        start -= 1
    end = later
    while end + 1 < len(keys) and keys[end + 1] == keys[end + 1 - offset]:
        end += 1
    return start, end


STAGE = Stage("repeated", label_repeated, ("duplicate",))
