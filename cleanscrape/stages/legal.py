"""Copyright, terms-of-use, privacy and cookie notices.

Every site prints them in its footer or a banner; an article that discusses copyright or
privacy does so in long sentences, which this stage leaves alone.
"""

from __future__ import annotations

import re

from cleanscrape.settings import DEFAULT_SETTINGS, LegalConfig
from cleanscrape.stages.base import any_word, line_rule
from cleanscrape.text.shapes import word_count
from cleanscrape.text.tokens import folded

_NOTICE = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b|\bprivacy (?:policy|notice|statement|settings)\b"
    r"|\bterms (?:of|and) (?:use|service|conditions)\b|\bcookie (?:policy|settings|preferences)\b"
    r"|\b(?:we|this (?:site|website)) uses? cookies\b|\bdo not sell my (?:personal )?info"
    r"|\bfor your personal,? non-commercial use\b|\bsubscriber agreement\b",
    re.IGNORECASE,
)
# The same notices in the other languages of text/stopwords.py: "all rights reserved", the
# privacy policy's title and "this site uses cookies", as every site in that language prints them.
_NOTICE_ELSEWHERE = re.compile(
    r"\balle rechte vorbehalten\b|\btous droits r[ée]serv[ée]s\b|\btodos los derechos reservados\b"
    r"|\btutti i diritti riservati\b|\btodos os direitos reservados\b|\balle rechten voorbehouden\b"
    r"|\bwszelkie prawa zastrze[żz]one\b|\bвсе права защищены\b"
    r"|\bdatenschutzerkl[äa]rung\b|\bpolitique de confidentialit[ée]\b|\bpol[íi]tica de privacidad\b"
    r"|\binformativa sulla privacy\b|\bpol[íi]tica de privacidade\b|\bprivacyverklaring\b"
    r"|\b(?:verwendet|nutzt|verwenden|nutzen) cookies\b|\butilise (?:des|les) cookies\b|\butiliza cookies\b"
    r"|\butilizza (?:i )?cookie\b|\bgebruikt cookies\b|\bkorzysta(?:my)? z (?:plik[óo]w )?cookies\b",
    re.IGNORECASE,
)

_QUESTION = re.compile(r"[?？][\"'”’»)\]]*$")
# Every _NOTICE match holds one of these, lower-cased: a line without any cannot be a notice.
NOTICE_WORDS = (
    "©", "(c)", "copyright", "rights reserved", "privacy", "terms", "cookie", "sell my", "commercial", "subscriber",
    "vorbehalten", "réserv", "reserv", "riservati", "voorbehouden", "zastrze", "защищены", "datenschutzerkl",
    "confidentialit", "privacidad", "privacidade", "privacyverklaring",
)
_NOTICE_HINT = any_word(NOTICE_WORDS)


def is_legal_notice(text: str, config: LegalConfig = DEFAULT_SETTINGS.legal) -> bool:
    # A notice states; a line asking a question ("Can I assert copyright over code a model wrote?")
    # is the text discussing the law.
    return (
        word_count(text) <= config.max_notice_words
        and not _QUESTION.search(text)
        and bool(_NOTICE_HINT.search(folded(text)))
        and bool(_NOTICE.search(text) or _NOTICE_ELSEWHERE.search(text))
    )


STAGE = line_rule("legal", "legal", lambda text, settings: is_legal_notice(text, settings.legal), hint=NOTICE_WORDS)
