"""Line-shape predicates shared by stages: how long a line is, whether it reads like prose or a headline.

These are the structural evidence a plain-text scrape still carries once the HTML is gone.
"""

from __future__ import annotations

import re

# A sentence ends in . ! ? (or their CJK forms), possibly followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)\]]*$")
_TRUNCATED = re.compile(r"(?:…|\.\.\.)[\"'”’»)\]]*$")
_QUESTION_END = re.compile(r"[!?！？][\"'”’»)\]]*$")
_LETTER = re.compile(r"[^\W\d_]")
# A whitespace-delimited token with a letter or digit in it ([^\W_] is exactly str.isalnum, \s
# exactly str.isspace): one pass in C instead of a Python loop over the tokens. The lookbehind
# anchors each try at a token's start, so a long token without a letter is scanned once.
_WORD_TOKEN = re.compile(r"(?<!\S)\S*?[^\W_]\S*")
# Scripts written without spaces between words: count characters instead of tokens.
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def word_count(text: str) -> int:
    """Whitespace tokens that contain a letter or digit; CJK/Thai characters count two to a word."""
    tokens = len(_WORD_TOKEN.findall(text))
    unspaced = len(_UNSPACED_SCRIPT.findall(text))
    return tokens + unspaced // 2 if unspaced else tokens


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and not is_truncated(text)


def is_truncated(text: str) -> bool:
    """Teasers cut off with an ellipsis: 'A gas leak has caused an explosion inside a…'."""
    return bool(_TRUNCATED.search(text))


def is_prose(text: str) -> bool:
    """A paragraph: a finished sentence of some length, or a long run of words whatever its end."""
    words = word_count(text)
    if words >= 30:
        return True
    if words < 6 or not ends_sentence(text):
        return False
    # A short line ending in ? or ! is as often a headline as a sentence: not evidence of prose.
    return words >= 15 or not _QUESTION_END.search(text)


def is_headline(text: str) -> bool:
    """Headline-shaped: a few words, no closing full stop (questions and exclamations allowed)."""
    words = word_count(text)
    if not 3 <= words <= 30 or len(text) > 250:
        return False
    if text.endswith((".", "。", ":", ";", ",")) or is_truncated(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘«¿¡"


def is_short(text: str, max_words: int = 4) -> bool:
    return word_count(text) <= max_words and len(text) <= 40
