"""Text the page has already said: a paragraph whose words all appeared in earlier kept lines.

Pages print their article twice more often than one would think: a summary box made of the
key points, structured data a text renderer shows, a print version below the screen version.
A line that adds no new word sequence to the text kept above it is a repeat, however it is
wrapped or cut. Runs after the main-content stage, so only article text counts as said.
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanscrape.model import Document, Label, Verdict
from cleanscrape.settings import Settings
from cleanscrape.stages.base import Stage
from cleanscrape.text.tokens import words


def shingles(text: str, size: int) -> list[tuple[str, ...]]:
    """The runs of `size` consecutive words of `text`."""
    tokens = words(text)
    return list(zip(*(tokens[start:] for start in range(size)), strict=False))


def label_repeated_text(doc: Document, settings: Settings) -> Iterator[Label]:
    config = settings.repeated_text
    seen: set[tuple[str, ...]] = set()
    for index in doc.kept_indices():
        grams = shingles(doc.kept_text(index), config.shingle_words)
        said = sum(map(seen.__contains__, grams))
        if len(grams) >= config.min_shingles and said >= config.min_seen_share * len(grams):
            yield Label(index, Verdict.DROP, "duplicate")
            continue
        seen.update(grams)


STAGE = Stage("repeated-text", label_repeated_text, ("duplicate",))
