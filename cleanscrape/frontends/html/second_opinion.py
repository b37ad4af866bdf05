"""A second extractor's opinion: paragraphs trafilatura left out that resiliparse keeps.

Two main-content extractors built on different heuristics err differently: trafilatura drops a
paragraph now and then inside the body it found (a chunk behind an ad slot, a post of a thread),
resiliparse (a C++ extractor, ~10x faster) keeps more of the body but also more boilerplate.
A paragraph both see as main content, in the stretch of the page trafilatura took its body from,
is body text trafilatura missed (ensembles of extractors beat each member: Bevendorff et al.,
SIGIR 2023). Those paragraphs are added to trafilatura's lines in page order; nothing else is
added, nothing is reordered, and the text stages then judge them like any other line. The lines
they span are no longer "left out by the extractor": explain shows them with their verdicts.

When trafilatura took only a fragment of the body the second extractor holds whole (the first
post of a thread), the second extractor's paragraphs stand in for trafilatura's
(`body_beyond_fragment`, used by extract.py).

resiliparse is an optional dependency (the `second-opinion` extra is not needed to clean a
page): without it, trafilatura's lines are kept as they are.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from cleanscrape.decode.normalize import nonblank_lines, split_lines
from cleanscrape.frontends.html.visible import Traced, VisibleKeys, comparison_key, comparison_keys, trace
from cleanscrape.model import Line
from cleanscrape.text.shapes import is_prose
from cleanscrape.text.tokens import word_counts, words

extract_plain_text: Callable[..., str] | None
try:  # optional: see the module's docstring
    from resiliparse.extract.html2text import extract_plain_text
except ImportError:  # pragma: no cover - the tests hide it with monkeypatch instead
    extract_plain_text = None


def main_content_paragraphs(html: str) -> tuple[str, ...]:
    """resiliparse's main-content text, one paragraph (block element) a line; () without it.

    Comments off, as trafilatura is called; no list bullets and no alt texts, which are not in
    the page's visible text lines and would make a paragraph look new.
    """
    if extract_plain_text is None:
        return ()
    try:
        text = extract_plain_text(html, main_content=True, comments=False, list_bullets=False, alt_texts=False)
    except Exception:  # noqa: BLE001 - a second opinion is evidence: its failure costs it alone
        return ()
    return tuple(line.text for line in nonblank_lines(text))


def traced_with_second_opinion(
    extracted: Sequence[Line], visible: Sequence[Line], second_opinion: Callable[[], Sequence[str]],
) -> Traced:
    """`extracted` traced in the visible lines (visible.trace), with the paragraphs of the second
    extractor (`second_opinion()`, asked only when it could add one) that trafilatura left out
    and that lie between its first and last line in page order (the body trafilatura found),
    added where the page has them."""
    page = VisibleKeys.of(visible)  # made once for up to three traces
    traced = trace(extracted, page)
    numbers = [line.number for line in traced.lines]
    shown = [number for number, line in zip(numbers, extracted, strict=True) if line.text]
    if not shown:
        return traced
    first, last = min(shown), max(shown)
    # Only inside the body trafilatura found: outside it, a paragraph resiliparse keeps is as often
    # a teaser, a bio or a newsletter box as text of the page's main content (allowing 3 paragraphs
    # beyond either end, or the whole page, lowered F1 on every dev set, trafilatura's and resiliparse's
    # outputs compared with the truths outside the cleaner). A page that left nothing out there
    # (about half of news pages) does not pay for the second extractor.
    if not any(first < line.number < last for line in traced.left_out):
        return traced
    added = _missing_body(second_opinion(), traced, page, first, last)
    return trace(_merged(extracted, _unplaced_found(extracted, numbers, page), added), page) if added else traced


def _unplaced_found(extracted: Sequence[Line], numbers: Sequence[int], page: VisibleKeys) -> list[int]:
    """`numbers` with each line the trace cannot place (dashes or pipes alone, whose comparison key
    is empty: it took the number of the line before it) numbered by the visible line of its text
    between its neighbours, when there is one: a paragraph added there goes on the right side of
    it (a code block's "---" first line stays with the block's next line)."""
    keys = comparison_keys([line.text for line in extracted])
    found = list(numbers)
    visible_numbers = [line.number for line in page.lines]
    after: int | None = None  # the number of the next line the trace placed
    for index in range(len(extracted) - 1, -1, -1):
        line, key = extracted[index], keys[index]
        if key:
            after = numbers[index]
        if key or not line.text or after is None:
            continue
        start = bisect.bisect_right(visible_numbers, numbers[index])
        found[index] = next((shown.number for shown in page.lines[start:bisect.bisect_left(visible_numbers, after)]
                             if shown.text == line.text), numbers[index])
    return found


def _missing_body(
    paragraphs: Sequence[str], traced: Traced, visible: VisibleKeys, first: int, last: int,
) -> list[Line]:
    """The `paragraphs` made wholly of text trafilatura left out between visible lines `first` and
    `last` that read as body text, numbered by the visible line each starts on."""
    # The left-out visible lines run together: a paragraph spelled inside them is made of text
    # trafilatura left out, all of it (a paragraph it kept in part, or split or joined
    # differently, is not spelled there). The key of texts run together is their keys run together.
    left_out_keys = comparison_key("".join(line.text for line in traced.left_out))
    keys = comparison_keys(paragraphs)
    told = Counter(keys)
    missing = [text for text, key in zip(paragraphs, keys, strict=True)
               if _is_missing_body(text, key, told, left_out_keys)]
    if not missing:
        return []
    return [line for line in trace(split_lines("\n".join(missing)), visible).lines
            if line.text and first < line.number < last]


def _is_missing_body(text: str, key: str, told: Counter[str], left_out_keys: str) -> bool:
    """A paragraph trafilatura left out that reads as body text (`key`: its comparison_key)."""
    # A paragraph the main content holds twice is a template's (a carousel's slides, a repeated
    # banner): a body tells each paragraph once. Prose only: a label or a button between two paragraphs
    # (both extractors may keep it) is not a paragraph trafilatura lost.
    return bool(key) and told[key] == 1 and key in left_out_keys and is_prose(text)


def _merged(extracted: Sequence[Line], numbers: Sequence[int], added: Sequence[Line]) -> tuple[Line, ...]:
    """`extracted` with each of `added` (numbered by visible line) put before the first extracted
    line that starts after it, as a paragraph of its own; the extracted lines keep their order."""
    # The extracted numbers may step back where trafilatura moved a line (a title to the top):
    # their running maximum is the page position reached so far, which only grows.
    reached: list[int] = []
    for number in numbers:
        reached.append(max(number, reached[-1]) if reached else number)
    insertions: dict[int, list[str]] = {}
    for line in added:
        insertions.setdefault(bisect.bisect_right(reached, line.number), []).append(line.text)
    shown: list[str] = []
    for index, line in enumerate(extracted):
        for text in insertions.get(index, ()):
            shown.extend(("", text, ""))
        shown.append(line.display)
    for text in insertions.get(len(extracted), ()):
        shown.extend(("", text, ""))
    return split_lines("\n".join(shown))


# --------------------------------------------------------------------------- a fragment of the body

# trafilatura sometimes takes one part of the body for the whole: the first post of a thread, one
# section of a page cut into several containers, an intro above a list. The second extractor then
# holds all of trafilatura's text and several times more. Chosen on the dev sets (the second
# extractor's text scored in place of ours on the pages a growth picks, benchmarks/quality.py's
# scorers): 3x picked 30 wcxb-dev pages (forums, services, articles whose body goes on) and no
# shub page, +0.003 F1; 2x picked 88 and lowered traf-dev.
MIN_FRAGMENT_GROWTH = 3
# All of trafilatura's words but a few (a title it moved, a caption it kept) are the second
# extractor's too: it read the same body and more of it, not another block of the page.
MIN_FRAGMENT_WORDS_SHARED = 0.9
# The rest of a body is prose: a product page's or a listing's second extraction grows by specs,
# prices and link lists, which stand in for no body trafilatura missed (without this test, wcxb-dev
# product pages lost 0.007 F1 to it; with it at 2x, 0.003 to two pages whose reviews or FAQ grew it).
MIN_FRAGMENT_PROSE_GROWTH = 2


def body_beyond_fragment(extracted: Iterable[str], paragraphs: Sequence[str]) -> bool:
    """Whether the second extractor's `paragraphs` hold all of trafilatura's `extracted` text and
    MIN_FRAGMENT_GROWTH times more: trafilatura took a fragment of the body for all of it."""
    found, told = word_counts(extracted), word_counts(paragraphs)
    found_count = sum(found.values())
    if not found_count or sum(told.values()) < MIN_FRAGMENT_GROWTH * found_count:
        return False
    prose_count = sum(len(words(text)) for text in paragraphs if is_prose(text))
    if prose_count < MIN_FRAGMENT_PROSE_GROWTH * found_count:
        return False
    return sum((found & told).values()) >= MIN_FRAGMENT_WORDS_SHARED * found_count
