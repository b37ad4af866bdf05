"""The user's own rules: every crawl meets boilerplate (or content) that no default list knows.

Runs first, so a keep rule protects a line from every later stage.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from cleanscrape.model import Document, Label, Verdict
from cleanscrape.settings import Settings
from cleanscrape.stages.base import Stage


@functools.lru_cache(maxsize=32)
def _matcher(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [re.escape(phrase) for phrase in phrases] + [f"(?:{pattern})" for pattern in patterns]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def label_user_rules(doc: Document, settings: Settings) -> Iterator[Label]:
    keep = _matcher(settings.keep_phrases, settings.keep_patterns)
    drop = _matcher(settings.drop_phrases, settings.drop_patterns)
    if keep is None and drop is None:
        return
    for index in doc.kept_indices():
        text = doc.lines[index].text
        if keep is not None and keep.search(text):
            yield Label(index, Verdict.KEEP, "user-keep")
        elif drop is not None and drop.search(text):
            yield Label(index, Verdict.DROP, "user-drop")


STAGE = Stage("user-rules", label_user_rules, ("user-keep", "user-drop"))
