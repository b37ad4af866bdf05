"""Line-shape predicates shared by stages: how long a line is, whether it reads like prose or a headline.

These are the structural evidence a plain-text scrape still carries once the HTML is gone. The
measurements (word counts, sentence ends) are memoised per line; the predicates compare them with
the thresholds of a `ShapesConfig` (stages pass `settings.shapes`; the default otherwise).
"""

from __future__ import annotations

import re

from cleanscrape.settings import DEFAULT_SETTINGS, ShapesConfig
from cleanscrape.text.memo import per_line

# A sentence ends in . ! ? (or their CJK forms), possibly followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*$")
_TRUNCATED = re.compile(r"(?:…|\.\.\.)[\"'”’»)\]]*$")
_QUESTION_END = re.compile(r"[!?！？][\"'”’»)\]]*$")
# A whitespace token with a letter or digit in it, from its first one on: one match a word, none
# for a token of symbols ("-", "|", "..."). Counting these matches gives the tokens minus the
# symbol tokens (over the 170,000 distinct lines of the shub and traf-dev dumps: 0.30 s, where
# splitting and subtracting a lookbehind scan's matches took 0.41 s; the same count on every line).
_WORD_TOKEN = re.compile(r"[^\W_]\S*")
# A run of letters: their lengths summed count the letters, from one string a word rather than
# one a letter (the same lines: 0.40 s, where a match a letter took 0.70 s; the same counts).
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Scripts written without spaces between words: count characters instead of tokens.
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


@per_line
def word_count(text: str) -> int:
    """Whitespace tokens that contain a letter or digit; CJK/Thai characters count two to a word."""
    tokens = len(_WORD_TOKEN.findall(text))
    unspaced = len(_UNSPACED_SCRIPT.findall(text)) if not text.isascii() else 0
    return tokens + unspaced // 2 if unspaced else tokens


@per_line
def letter_count(text: str) -> int:
    return sum(map(len, _LETTER_RUN.findall(text)))


@per_line
def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and not is_truncated(text)


@per_line
def is_truncated(text: str) -> bool:
    """Teasers cut off with an ellipsis: 'A gas leak has caused an explosion inside a…'."""
    return bool(_TRUNCATED.search(text))


@per_line
def ends_question(text: str) -> bool:
    return bool(_QUESTION_END.search(text))


def is_prose(text: str, shapes: ShapesConfig = DEFAULT_SETTINGS.shapes) -> bool:
    """A paragraph: a finished sentence of some length, or a long run of words whatever its end."""
    words = word_count(text)
    if words >= shapes.paragraph_words:
        return True
    if words < shapes.sentence_min_words or not ends_sentence(text):
        return False
    # A short line ending in ? or ! is as often a headline as a sentence: not evidence of prose.
    return words >= shapes.question_min_words or not ends_question(text)


def is_headline(text: str, shapes: ShapesConfig = DEFAULT_SETTINGS.shapes) -> bool:
    """Headline-shaped: a few words, no closing full stop (questions and exclamations allowed)."""
    words = word_count(text)
    if not shapes.headline_min_words <= words <= shapes.headline_max_words or len(text) > shapes.headline_max_chars:
        return False
    if text.endswith((".", "。", ":", ";", ",")) or is_truncated(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘«¿¡"


def is_short(text: str, shapes: ShapesConfig = DEFAULT_SETTINGS.shapes) -> bool:
    """A name or a label: a few words, a few characters."""
    return word_count(text) <= shapes.short_max_words and len(text) <= shapes.short_max_chars
