"""User-interface text that a scraper picked up with the article.

Lone symbols and counters ("#", "20", "|"; not values such as prices, shares and ranks),
two-letter widget labels ("TT", "A+"), lines that are nothing but a common interface label
("logo", "Share", "Skip to content"), and a widget's error message asking to try again. Such
lines carry no sentence of the page's own, so dropping them cannot cut a paragraph.
"""

from __future__ import annotations

import re

from cleanscrape.settings import DEFAULT_SETTINGS, ChromeConfig
from cleanscrape.stages.base import line_rule
from cleanscrape.text.shapes import ends_sentence, letter_count, word_count
from cleanscrape.text.tokens import label_key

# Whole-line interface labels, compared case-insensitively without edge punctuation.
UI_LABELS = frozenset({
    "logo", "menu", "main menu", "search", "home", "close", "open", "navigation", "toggle navigation",
    "toggle menu", "open menu", "close menu", "skip to content", "skip to main content",
    "skip to navigation", "back to top", "go to top", "top", "share", "share this", "share this article",
    "share on facebook", "share on twitter", "share via email", "facebook", "twitter", "linkedin",
    "pinterest", "reddit", "whatsapp", "telegram", "email", "e-mail", "print", "copy link", "tweet",
    "like", "comment", "comments", "reply", "log in", "login", "sign in", "sign out", "logout",
    "register", "my account", "account", "advertisement", "advertising", "ad", "sponsored",
    "sponsored content", "promoted", "more", "less", "show more", "show less", "load more", "read more",
    "see more", "view more", "next", "previous", "prev", "listen", "play", "pause", "font size",
    "text size", "accessibility", "cookies", "accept", "accept all", "reject all", "settings",
    "gallery", "video", "photo", "photos", "image", "images", "watch", "enlarge", "zoom", "expand", "collapse",
    "order reprints", "reprints", "print article", "print this article", "email this article", "email article",
    "save article", "save", "saved", "bookmark", "follow", "unfollow", "thank you", "sorry", "loading",
    "an error has occurred please try again later", "this article has been sent to", "something went wrong",
})
# A figure with a currency sign, a percent sign or a rank's "#" states a value ("$19.99", "27.6%",
# "#1", "€88"): a price, a share or a place in a ranked list, which widgets do not print; their
# counters are bare numbers ("20", "1/5").
_VALUE = re.compile(r"[$€£¥₹]\s*\d|\d\s*[$€£¥₹%]|^#\s*\d+$")
# A widget's error message opens by reporting the failure and tells the reader to retry ("Oops!
# Something went wrong. Please try again.", "There was a problem loading reviews. Please reload the
# page."); a sentence of an article that quotes such a message does not open with it.
_ERROR_OPENING = re.compile(
    r"^(?:oops|opps|sorry|unfortunately|something\s+went\s+wrong|there\s+was\s+(?:an\s+error|a\s+problem)"
    r"|an\s+error\s+(?:has\s+)?occurred)\b",
    re.IGNORECASE,
)
# The request to retry is the message's last sentence, said to the reader.
_RETRY = re.compile(
    r"(?:^|[.!?,]\s*)(?:please\s+)?(?:try\s+(?:again|your\s+request\s+again)|reload\s+the\s+page|refresh\s+the\s+page)"
    r"(?:\s+later)?\s*[.!]?$",
    re.IGNORECASE,
)
# Trimming punctuation and spaces and case-folding never remove letters: a line with more
# letters than twice the longest label's is no label (the margin covers case-folding oddities).
MAX_LABEL_LETTERS = 2 * max(letter_count(label) for label in UI_LABELS)


def is_chrome(text: str, config: ChromeConfig = DEFAULT_SETTINGS.chrome) -> bool:
    letters = letter_count(text)
    if letters == 0:
        return len(text) <= config.max_symbol_line_chars and not _VALUE.search(text)
    if letters <= config.max_tiny_line_letters and len(text) <= config.max_tiny_line_chars:
        return not ends_sentence(text)  # "No." answering a question is a sentence
    if letters > MAX_LABEL_LETTERS:
        return is_error_message(text, config)
    return label_key(text) in UI_LABELS or is_error_message(text, config)


def is_error_message(text: str, config: ChromeConfig = DEFAULT_SETTINGS.chrome) -> bool:
    return (word_count(text) <= config.max_error_message_words and bool(_ERROR_OPENING.match(text))
            and bool(_RETRY.search(text)))


STAGE = line_rule("chrome", "chrome", lambda text, settings: is_chrome(text, settings.chrome))
