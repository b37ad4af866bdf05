"""Page filters (Settings `languages`, `min_words`): the cause that rules a cleaned page out, if any.

The page is still returned, with the cause in `Page.filtered`: a library caller decides what to
do with it, `cleanscrape batch --rejected FILE` writes it aside, datatrove's step drops it.
"""

from __future__ import annotations

from cleanscrape.model import Page
from cleanscrape.settings import Settings
from cleanscrape.text.shapes import word_count

LANGUAGE = "language"
MIN_WORDS = "min-words"
CAUSES = (LANGUAGE, MIN_WORDS)


def filter_cause(page: Page, settings: Settings) -> str | None:
    """"language", "min-words" or None (kept). An undetected language is not one of `languages`."""
    if settings.languages and page.language not in settings.languages:
        return LANGUAGE
    if settings.min_words and word_count(page.text) < settings.min_words:
        return MIN_WORDS
    return None
