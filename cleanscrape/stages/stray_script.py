"""Short fragments written in a script other than the page's own.

A Bengali page number under an English article, or a one-word language switcher, is page
furniture: real text in a second script comes in sentences (even a short quoted «Спасибо!»),
which this stage leaves alone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from cleanscrape.model import Document, Label, Verdict
from cleanscrape.settings import Settings
from cleanscrape.stages.base import Stage
from cleanscrape.text.shapes import ends_sentence, letter_count

# Japanese and Chinese pages mix these freely; treat them as one script.
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "FULLWIDTH": "CJK", "IDEOGRAPHIC": "CJK"}


_BEYOND_LATIN = re.compile(r"[^\W_\x00-\u024f]")  # a letter or digit outside the Latin blocks
LATIN_END = 0x250  # Basic Latin to Latin Extended-B: "ª", "é", "ł" are Latin whatever their names say


@functools.lru_cache(maxsize=8192)  # a pure function of one character: memoising changes no result
def script_of(char: str) -> str | None:
    """The script of a letter or digit, by the first word of its Unicode name; None for ASCII digits."""
    if ord(char) < LATIN_END:
        return "LATIN" if char.isalpha() else None
    name = unicodedata.name(char, "")
    if not name:
        return None
    script = name.split(" ", 1)[0]
    return _SCRIPT_FAMILY.get(script, script)


def _scripts(text: str) -> dict[str, int]:
    if text.isascii() or not _BEYOND_LATIN.search(text):  # the common case, without a lookup per character
        letters = letter_count(text)
        return {"LATIN": letters} if letters else {}
    # One lookup per distinct character, weighted by its count (Counter counts in C): on a page in a
    # non-Latin script this stage fell from 4 to 1 ms (the same counts, scripts in the same order).
    scripts: Counter[str] = Counter()
    for char, count in Counter(text).items():
        if (char.isalpha() or char.isdecimal()) and (script := script_of(char)):
            scripts[script] += count
    return scripts


def label_stray_script(doc: Document, settings: Settings) -> Iterator[Label]:
    config = settings.stray_script
    if not _BEYOND_LATIN.search(doc.page_text.text):
        return  # a page in one script has no other script to stray into
    kept = list(doc.kept_indices())
    scripts = {index: _scripts(doc.lines[index].text) for index in kept}
    page = Counter[str]()
    for counts in scripts.values():
        page.update(counts)
    if not page:
        return
    dominant, count = page.most_common(1)[0]
    if count < config.min_dominant_share * sum(page.values()):
        return  # no script clearly dominates: there is no "other" script to speak of
    for index in kept:
        text = doc.lines[index].text
        if (
            len(text) <= config.max_fragment_chars
            and scripts[index]
            and dominant not in scripts[index]
            and not ends_sentence(text)
        ):
            yield Label(index, Verdict.DROP, "stray-script")


STAGE = Stage("stray-script", label_stray_script, ("stray-script",))
