"""Authors as a reader names them: people, without role words, placeholders or organisations.

Names come from the page's declared metadata (structured.py) and from its byline markup, which
trafilatura finds (`extract_author`: elements marked rel/itemprop/class "author" or "byline",
comments, dates and figures pruned first). Either may hold what is not a person: the site's own
name, a company, a newsroom ("Redaktion", "Staff"), a CMS account ("admin"), a role word left in
front ("Autor", "Geschrieben von") or a date left behind ("Nathan Willis March").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement  # type: ignore[import-untyped]
from trafilatura.metadata import extract_author

# Words that introduce a byline in the languages of the web's larger publishers; the name follows.
ROLE_WORDS = frozenset({
    "by", "written", "posted", "published", "story", "words", "text", "author", "authors", "reporter", "interview",
    "von", "vom", "geschrieben", "verfasst", "autor", "autorin", "autoren", "artikel", "beitrag",
    # the text of links to an author's page: "View all posts by", "Zum Profil von"
    "view", "all", "posts", "profile", "zum", "profil", "alle", "beiträge",
    "par", "écrit", "publié", "auteur", "auteurs", "auteure",
    "por", "escrito", "publicado", "autora",
    "scritto", "door",
})
# Names that stand for no person: accounts, newsrooms and generic labels CMSs fill in.
PLACEHOLDERS = frozenset({
    "admin", "administrator", "wordpressadmin", "webmaster", "editor", "editors", "staff", "team", "newsroom",
    "redaktion", "rédaction", "redacción", "redazione", "redactie", "guest", "anonymous", "unknown", "user",
    "username", "name", "human", "agencies", "agency", "datum", "date",
    "editorial team", "staff writer", "staff reporter",
})
# Legal forms that make a name a company's or an association's.
ORGANISATION_WORDS = frozenset({
    "gmbh", "ag", "ev", "inc", "ltd", "llc", "plc", "sarl", "srl", "bv", "nv", "corp", "kg",
})
# A name followed by one of these signs a comment ("Art Edwards says:"), not the article.
COMMENT_VERBS = frozenset({"says", "said", "wrote", "writes", "sagt", "schreibt", "dit", "dice"})
# A date trafilatura cut short leaves its month behind: "Joshua Sokol May".
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})
# Several names in one value: "A, B and C", "A; B", "A / B", "A & B", in the languages above.
NAME_SEPARATORS = re.compile(r"\s*(?:[,;|/&]|\s(?:and|und|et|y|e)\s)\s*", re.IGNORECASE)
MONTH_ABBREVIATIONS = frozenset(month[:3] for month in MONTHS)
# A profile link written after the name: "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Frank B - http://f.de".
URL = re.compile(r"\s*(?:[-–(]\s*)?https?://\S*")
# A social handle after the name: "Williams Perdomo @wperdomod".
HANDLE = re.compile(r"\s*@\w+")
DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,})+$", re.IGNORECASE)
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
MAX_NAME_WORDS = 5


def markup_authors(tree: HtmlElement) -> tuple[str, ...]:
    """The byline markup's names, as trafilatura reads them ("A; B" split in two)."""
    found = extract_author(tree)
    return tuple(part.strip() for part in found.split(";") if part.strip()) if found else ()


def person_names(names: Sequence[str], site_name: str | None = None) -> list[str]:
    """The people among `names`, role words in front removed, each once, in order."""
    people: list[str] = []
    for value in names:
        for raw in NAME_SEPARATORS.split(HANDLE.sub("", URL.sub("", " ".join(value.split())))):
            name = _without_trailing_month(_without_role_words(raw))
            if name and is_person(name, site_name) and name not in people:
                people.append(name)
    return people


def _without_role_words(name: str) -> str:
    words = name.split()
    while words and words[0].casefold().rstrip(":") in ROLE_WORDS:
        words.pop(0)
    return " ".join(words).lstrip(":").strip()


def _without_trailing_month(name: str) -> str:
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 2 and words[-1].casefold() in MONTHS else name


def _key(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


def is_person(name: str, site_name: str | None = None) -> bool:
    """Not a placeholder, a domain, a company or the site itself, and short enough for a name."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not any(character.isalpha() for character in name):
        return False
    if len(words) > 1 and name.islower():  # "news service reports": a phrase; a lower-case handle is one word
        return False
    folded = " ".join(name.casefold().replace(".", " ").split())
    if folded in PLACEHOLDERS or folded in MONTHS or folded[:3] in MONTH_ABBREVIATIONS and len(folded) <= 4 \
            or DOMAIN.match(name) or name.startswith(("http://", "https://")):
        return False
    folded_words = folded.split()
    legal_form = any(word in ORGANISATION_WORDS for word in folded_words) or f" {folded} ".find(" e v ") >= 0  # e.V.
    if folded_words[-1] in COMMENT_VERBS or legal_form:
        return False
    if site_name and len(_key(site_name)) > 1:
        site, key = _key(site_name), _key(name)
        if key and (key == site or (len(key) > 3 and key in site) or (len(site) > 3 and site in key)):
            return False
    return True
