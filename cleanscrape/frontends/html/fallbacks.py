"""trafilatura's fallback extractors (readability, jusText) only where its first result is in doubt.

trafilatura extracts the main content with its own rules, then always runs readability (and
jusText on a short or unclean result) and keeps theirs instead when theirs is much longer, or
when its own is empty, short, unclean or holds no paragraph. That comparison is a third of its
time, and on most pages it keeps its own result. Whether readability's text could be "much longer"
(its rule: more than twice) is bounded by the page itself: an extractor takes its text from what
the page shows, so a page whose visible text is under twice trafilatura's has no such text to
give. There, and where trafilatura's own checks (length, cleanliness, paragraphs) would not send
it to a fallback, the comparison is skipped; everywhere else it runs as trafilatura runs it.

The fallbacks are called from inside trafilatura's cascade (`trafilatura.core.compare_extraction`),
which takes no switch for this: the function is wrapped once, on import, and the wrapper decides
only inside `fallbacks_when_doubtful()`. Any other call of trafilatura in the process (a caller's
own, the benchmarks' trafilatura alone) runs the comparison as before. Should a trafilatura
release move the function, nothing is wrapped and the fallbacks always run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import trafilatura.core

# readability's text replaces trafilatura's when it is more than this many times longer
# (trafilatura.external._prefer_readability): a page showing less than this many times
# trafilatura's text cannot hold such a text. On the dev sets, every page whose output the
# comparison changed passed this test or trafilatura's own checks below (0 of 2,290 missed; at
# 2.5x one page was missed, readability's visibility-hidden test page).
FALLBACK_GROWTH = 2
# Elements that make trafilatura call its result unclean and ask jusText
# (trafilatura.external.SANITIZED_XPATH), restated so the check does not depend on a private name.
UNCLEAN_XPATH = (
    ".//aside|.//audio|.//button|.//fencedframe|.//fieldset|.//figure|.//footer|.//iframe|.//input|"
    ".//label|.//link|.//nav|.//noindex|.//noscript|.//object|.//option|.//select|.//source|.//svg|.//time"
)

_visible_chars: ContextVar[int | None] = ContextVar("visible_chars", default=None)


@contextmanager
def fallbacks_when_doubtful(visible_chars: int) -> Iterator[None]:
    """Inside, trafilatura's comparison with its fallbacks runs only where `first_result_doubtful`
    says so, for a page whose visible text has `visible_chars` characters."""
    token = _visible_chars.set(visible_chars)
    try:
        yield
    finally:
        _visible_chars.reset(token)


def first_result_doubtful(body: Any, text: str, focus: str, min_size: int, visible_chars: int) -> bool:
    """Whether a fallback could replace trafilatura's first result (`body`, its lxml element, and
    `text`): trafilatura's own reasons for one, or a page with room for a text twice as long."""
    if focus != "balanced":  # the recall retry prefers readability on looser terms (1.5x, headings)
        return True
    if len(text) < min_size or visible_chars >= FALLBACK_GROWTH * len(text):
        return True
    paragraphs = body.findall(".//p")
    # Structurally deficient (no paragraph text, more tables than paragraphs), or unclean.
    return (not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(paragraphs)
            or bool(body.xpath(UNCLEAN_XPATH)))


def _install() -> None:
    compare = getattr(trafilatura.core, "compare_extraction", None)
    if compare is None or getattr(compare, "_cleanscrape_gate", False):
        return

    def compare_when_doubtful(cleaned_tree: Any, raw_tree: Any, body: Any, text: str, options: Any) -> Any:
        visible_chars = _visible_chars.get()
        # Options a trafilatura release might rename: without them, the comparison runs.
        focus, min_size = getattr(options, "focus", None), getattr(options, "min_extracted_size", None)
        if visible_chars is None or focus is None or not isinstance(min_size, int) or first_result_doubtful(
                body, text, focus, min_size, visible_chars):
            return compare(cleaned_tree, raw_tree, body, text, options)
        return body, text

    compare_when_doubtful._cleanscrape_gate = True  # type: ignore[attr-defined]
    trafilatura.core.compare_extraction = compare_when_doubtful


_install()
