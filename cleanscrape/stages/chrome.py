"""User-interface text that a scraper picked up with the article.

Lone symbols and counters ("#", "20", "|"), two-letter widget labels ("TT", "A+"), and lines
that are nothing but a common interface label ("logo", "Share", "Skip to content"). Such
lines carry no sentence, so dropping them cannot cut a paragraph.
"""

from __future__ import annotations

from cleanscrape.settings import DEFAULT_SETTINGS, ChromeConfig
from cleanscrape.stages.base import line_rule
from cleanscrape.text.shapes import ends_sentence, letter_count
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
# Trimming punctuation and spaces and case-folding never remove letters: a line with more
# letters than twice the longest label's is no label (the margin covers case-folding oddities).
MAX_LABEL_LETTERS = 2 * max(letter_count(label) for label in UI_LABELS)


def is_chrome(text: str, config: ChromeConfig = DEFAULT_SETTINGS.chrome) -> bool:
    letters = letter_count(text)
    if letters == 0:
        return len(text) <= config.max_symbol_line_chars
    if letters <= config.max_tiny_line_letters and len(text) <= config.max_tiny_line_chars:
        return not ends_sentence(text)  # "No." answering a question is a sentence
    if letters > MAX_LABEL_LETTERS:
        return False
    return label_key(text) in UI_LABELS


STAGE = line_rule("chrome", "chrome", lambda text, settings: is_chrome(text, settings.chrome))
