"""Promotions: install the app, follow the channel, subscribe to the newsletter, and the
paywall's counter of free articles ("You have read 1 of 4 free articles this month").

A promo is a call to action aimed at the reader about a channel of the publisher's. Both must be
present, so an article that merely reports on apps or newsletters keeps its sentences.
"""

from __future__ import annotations

import re

from cleanscrape.settings import DEFAULT_SETTINGS, PromoConfig
from cleanscrape.stages.base import any_word, line_rule
from cleanscrape.text.shapes import word_count
from cleanscrape.text.tokens import folded

_CHANNEL = (
    r"(?:app|apps|application|newsletters?|whatsapp|telegram|channel|instagram|facebook|twitter|youtube|tiktok"
    r"|linkedin|google news|podcast|alerts?|notifications?|updates)"
)
_CALL_TO_ACTION = re.compile(
    rf"\b(?:download|get|install|try|follow|join|subscribe(?:\s+to)?|sign\s+up(?:\s+for|\s+to)?|turn\s+on|enable)\b[^.!?]{{0,60}}?\b{_CHANNEL}\b",
    re.IGNORECASE,
)
# Said to the reader: an imperative opening the line or a clause ("Never miss a story - download
# the app today"), or "you"/"us"/"our". "now", "today", "free" also occur in reported sentences.
_ADDRESSES_READER = re.compile(r"\b(?:you|your|us|our)\b", re.IGNORECASE)
_IMPERATIVE = re.compile(
    r"(?:download|get|install|try|follow|join|subscribe|sign\s+up|turn\s+on|enable)\b", re.IGNORECASE
)
_CLAUSE_END = frozenset(".!?:—–-")
# The same calls to action in the other languages of text/stopwords.py. Each verb here is an
# imperative or polite form that already addresses the reader ("Abonnieren Sie", "abonnez-vous",
# "suscríbete"), so no "you" is needed; infinitives ("den Newsletter abonnieren") are left out,
# since a reported sentence uses them too; "Sie" is capitalised, lower-case "sie" is "they".
_CALL_TO_ACTION_ELSEWHERE = re.compile(
    r"\b(?:abonnieren\s+(?-i:Sie)|laden\s+(?-i:Sie)|lade\s+dir|folgen\s+(?-i:Sie)|folge\s+uns|melden\s+(?-i:Sie)\s+sich"
    r"|melde\s+dich|registrieren\s+(?-i:Sie)\s+sich|installieren\s+(?-i:Sie)|holen\s+(?-i:Sie)\s+sich|hol\s+dir"
    r"|abonnez-vous|inscrivez-vous|t[ée]l[ée]chargez|suivez-nous|rejoignez-nous|installez"
    r"|suscr[íi]bete|suscr[íi]base|suscribite|desc[áa]rgala|descargue|síguenos|seguinos|únete"
    r"|iscriviti|seguici|unisciti|inscreva-se|siga-nos"
    r"|schrijf\s+je\s+in|volg\s+ons|meld\s+je\s+aan|zapisz\s+si[ęe]|pobierz|obserwuj\s+nas|subskrybuj)"
    rf"\b[^.!?]{{0,60}}?(?:\b{_CHANNEL}\b|\b(?:kanal|canal|cha[îi]ne|nieuwsbrief|bolet[íi]n)\b)",
    re.IGNORECASE,
)
# App-store badges print as just their names: "App Store", "Google Play", "app-storeplay-store".
_STORE_BADGE = re.compile(r"(?:app[\s-]?store|google[\s-]?play|play[\s-]?store|app[\s-]?gallery)", re.IGNORECASE)
# A newsletter sign-up box prints its name, a thank-you and its error messages as lines.
_NEWSLETTER_FORM = re.compile(
    r"\b(?:thanks?|thank\s+you)\s+for\s+(?:signing\s+up|subscribing|registering)\b"
    r"|\bprocessing\s+your\s+(?:subscription|sign[\s-]?up|request)\b"
    r"|\b(?:in|to|into|on)\s+your\s+inbox\b",
    re.IGNORECASE,
)
_NEWSLETTER_NAME = re.compile(r"\bnewsletters?\b", re.IGNORECASE)
# A metered paywall tells the reader how many free articles they have read or have left: a number,
# "free articles" and the reader addressed, in the languages of text/stopwords.py. An article on
# paywalls reports such figures about readers ("it offers 10 free articles"), never to "you".
_FREE = (r"(?:free|gratuit[se]?|gratuit[oa]s?|gratuiti|gratis|kostenlose[nr]?|freie[nr]?|darmow\w*"
         r"|bezpłatn\w*|бесплатн\w*|ücretsiz)")
_ARTICLES = (r"(?:articles?|stories|artikel\w*|art[íi]culos?|artigos?|mat[ée]rias?|articoli|notizie|noticias"
             r"|not[íi]cias|artyku[łl]\w*|стат\w*|материал\w*|makale\w*|haber\w*|gratisartik\w*)")
_FREE_ARTICLES = re.compile(rf"\b{_FREE}\s+(?:\w+\s+)?{_ARTICLES}|\b{_ARTICLES}\s+{_FREE}|gratisartik", re.IGNORECASE)
_READER_COUNTED = re.compile(
    r"\b(?:you|you'?ve|your|vous|votre|vos|(?-i:Sie)|du|dir|dein\w*|has|tienes|te|le\s+quedan|les\s+quedan"
    r"|voc[êe]|hai|ti|je|jij|jouw|u|uw|przeczyta[łl]\w*|masz|zosta[łl]\w*|вы|вам|вас|dig|anda|kamu|okudunuz|hakk[ıi]n[ıi]z)\b",
    re.IGNORECASE,
)
# Each pattern above needs one of these words, lower-cased: a line without any is no promo.
PROMO_WORDS = (
    "store", "play", "gallery", "newsletter", "thank", "processing", "inbox", "app", "telegram", "channel", "instagram",
    "facebook", "twitter", "youtube", "tiktok", "linkedin", "google", "podcast", "alert", "notification", "update",
    "kanal", "canal", "chaîne", "chaine", "nieuwsbrief", "boletín", "boletin",
    "free", "gratui", "gratis", "kostenlos", "freie", "darmow", "bezpłatn", "бесплатн", "ücretsiz",
)
_PROMO_HINT = any_word(PROMO_WORDS)


def starts_imperative(text: str) -> bool:
    r"""An imperative verb opening the line or a clause: only non-letters (no digit either) between
    it and the line's start or a clause-ending mark ("Never miss a story - download the app").

    A loop, not the regex `(?:^|[.!?:—–-])[\W_]*(?:download|...)`: that one rescans a run of
    punctuation from each of its marks, so "Get our app" and 20,000 dots took 10 s.
    """
    for match in _IMPERATIVE.finditer(text):
        position = match.start()
        while position > 0 and not text[position - 1].isalnum():  # [\W_] is "not alphanumeric"
            position -= 1
            if text[position] in _CLAUSE_END:
                return True
        if position == 0:
            return True
    return False


def is_paywall_counter(text: str, config: PromoConfig = DEFAULT_SETTINGS.promo) -> bool:
    """"Vous avez lu 1 des 4 articles gratuits ce mois-ci.": free articles counted for the reader."""
    return (word_count(text) <= config.max_form_words and any(character.isdigit() for character in text)
            and bool(_FREE_ARTICLES.search(text)) and bool(_READER_COUNTED.search(text)))


def is_promo(text: str, config: PromoConfig = DEFAULT_SETTINGS.promo) -> bool:
    words = word_count(text)
    if words > config.max_promo_words or not _PROMO_HINT.search(folded(text)):
        return False
    if is_paywall_counter(text, config):
        return True
    if words <= config.max_badge_words and (_STORE_BADGE.search(text) or _NEWSLETTER_NAME.search(text)):
        return True
    if words <= config.max_form_words and _NEWSLETTER_FORM.search(text):
        return True
    if _CALL_TO_ACTION_ELSEWHERE.search(text):
        return True
    if not _CALL_TO_ACTION.search(text):
        return False
    return starts_imperative(text) or bool(_ADDRESSES_READER.search(text))


STAGE = line_rule("promo", "promo", lambda text, settings: is_promo(text, settings.promo), hint=PROMO_WORDS)
