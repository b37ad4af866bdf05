"""People named in credits and bylines: '(Reporting by X; editing by Y)', 'By X and Y'."""

from __future__ import annotations

import re

# Roles as wire services print them; "additional reporting" still names a reporter of the piece.
_AUTHOR_ROLES = frozenset({"reporting", "additional reporting", "writing", "written", "compiled", "reported", "text"})
_EDITOR_ROLES = frozenset({"editing", "edited", "additional editing"})
_CLAUSE = re.compile(r"^(?P<role>[a-z]+(?: [a-z]+)?)\s+by\s+(?P<names>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door)\s+(?P<names>[^\d].{1,150})$", re.IGNORECASE)
# No \s* around the separators (callers strip the parts): on a long whitespace run every
# position would rescan the rest of the run (quadratic: 8,000 em spaces took 16 s).
_NAME_SEPARATORS = re.compile(r",|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b")
# "Guy Faulconbridge in Moscow": the place is where the reporter filed from, not part of the name.
# (?<!\s): a try starts where a whitespace run does, not at each of its positions.
_FILED_FROM = re.compile(r"(?<!\s)\s+in\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*$")
# Lower-case words that belong inside names: "Ursula von der Leyen", "Ahmed al-Sharaa", "Ibn Saud".
_NAME_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "al", "el", "bin",
    "ibn", "y",
})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MAX_NAME_WORDS = 5  # not measured: "Ursula von der Leyen" is four; a clause is longer


def parse_credit(text: str) -> tuple[list[str], list[str]] | None:
    """(authors, editors) from a credit line, or None when the line is not a credit."""
    inner = text.strip()
    if inner.startswith("(") and inner.endswith(")"):
        inner = inner[1:-1]
    authors: list[str] = []
    editors: list[str] = []
    for clause in filter(None, (part.strip() for part in inner.split(";"))):
        match = _CLAUSE.match(clause)
        if not match:
            return None
        role = match["role"].lower()
        names = strict_names(match["names"])
        if not names:
            return None
        if role in _AUTHOR_ROLES:
            authors += names
        elif role in _EDITOR_ROLES:
            editors += names
        elif role not in {"graphics", "graphic", "photos", "photo", "video", "production", "produced"}:
            return None
    return (authors, editors) if authors or editors else None


def parse_byline(text: str) -> list[str]:
    """Names from 'By Jane Doe and John Roe'; [] when the line is not a byline."""
    match = _BYLINE.match(text.strip())
    return strict_names(match["names"]) if match else []


def split_names(text: str) -> list[str]:
    """The names in a list of names; parts that are not names (a role, "2 others") are left out."""
    names = []
    for part in _NAME_SEPARATORS.split(text.strip().rstrip(".")):
        name = _FILED_FROM.sub("", part.strip())
        if is_name(name):
            names.append(name)
    return names


def strict_names(text: str) -> list[str]:
    """The names when every part of `text` is one; [] when any part is something else (a sentence)."""
    parts = [
        _FILED_FROM.sub("", part.strip()) for part in _NAME_SEPARATORS.split(text.strip().rstrip(".")) if part.strip()
    ]
    return parts if parts and all(is_name(part) for part in parts) else []


def is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or words[0].casefold() in _WEEKDAYS:
        return False
    return words[0][0].isupper() and all(
        (word[0].isupper() and any(ch.isalpha() for ch in word)) or word.casefold() in _NAME_PARTICLES for word in words
    )


# --------------------------------------------------------------------------- what a name is not

# The wire agencies of the larger news markets, as bylines and author fields name them: an agency
# is the article's `agency`, not a person. Folded (casefold, dots and hyphens as spaces).
WIRE_AGENCIES = {
    "reuters": "Reuters", "thomson reuters": "Reuters", "ap": "AP", "associated press": "Associated Press",
    "the associated press": "Associated Press", "afp": "AFP", "agence france presse": "AFP", "dpa": "dpa",
    "deutsche presse agentur": "dpa", "efe": "EFE", "agencia efe": "EFE", "ansa": "ANSA", "apa": "APA",
    "kyodo": "Kyodo", "kyodo news": "Kyodo", "xinhua": "Xinhua", "pti": "PTI", "ians": "IANS", "upi": "UPI",
    "aap": "AAP", "anp": "ANP", "belga": "Belga", "kna": "KNA", "epd": "epd", "sda": "SDA", "tass": "TASS",
    "yonhap": "Yonhap", "europa press": "Europa Press", "pa": "PA", "pa media": "PA Media",
    "press association": "PA", "canadian press": "Canadian Press", "the canadian press": "Canadian Press",
}
# The head nouns of job titles printed after a name ("Jane Doe Marketing Manager", "AP Sports
# Writer"); words that are also common surnames (Head, Lead, Porter, Chase) are left out.
JOB_TITLE_HEADS = frozenset({
    "manager", "director", "editor", "officer", "specialist", "coordinator", "writer", "reporter", "correspondent",
    "consultant", "analyst", "engineer", "president", "founder", "cofounder", "co-founder", "ceo", "cto", "cfo",
    "coo", "cmo", "strategist", "producer", "journalist", "columnist", "contributor", "executive", "intern",
    "photographer", "designer", "developer", "scientist", "researcher", "professor", "lecturer", "advisor",
    "adviser", "chairman", "chairwoman", "secretary", "representative", "administrator", "editor-at-large",
    "redakteur", "redakteurin", "journalistin", "korrespondent", "korrespondentin", "rédacteur", "rédactrice",
    "journaliste", "periodista", "redactor", "redactora", "giornalista",
})
# Words that qualify a job title's head ("Senior", "Marketing", "National Security").
JOB_TITLE_QUALIFIERS = frozenset({
    "senior", "junior", "chief", "associate", "assistant", "deputy", "managing", "general", "marketing",
    "communications", "communication", "content", "sales", "product", "project", "program", "programme", "digital",
    "social", "media", "technical", "creative", "editorial", "news", "staff", "contributing", "principal", "vice",
    "regional", "national", "international", "foreign", "account", "brand", "community", "public", "relations",
    "pr", "hr", "seo", "research", "business", "development", "operations", "customer", "growth", "data",
    "software", "web", "art", "features", "sports", "political", "politics", "security", "science", "health",
    "legal", "finance", "financial", "travel", "auto", "games", "technology", "tech", "food", "fashion",
    "entertainment", "investigative", "economics", "sr", "jr", "&", "and", "of", "for", "at", "large", "global",
    "executive", "lead", "head", "mbe", "obe", "cbe",
})
# Every word a job title is made of, united once rather than on each word tested.
JOB_TITLE_WORDS = JOB_TITLE_HEADS | JOB_TITLE_QUALIFIERS
# What a web agency or a platform puts in a page's footer: "Government Websites by X", "Powered
# by X", "Site by X". A credit of the site's making, not of the article.
SITE_CREDIT = re.compile(
    r"\b(?:websites?|web\s*sites?|site|sites|powered|designed|design|developed|built|hosted|theme|template|"
    r"sponsored|presented|brought\s+to\s+you)\s+by\b",
    re.IGNORECASE,
)
# "Stand: 20. April 2020", "Date: 3 May": a word that labels what follows its colon, not a name.
LABEL_BEFORE_COLON = re.compile(r"^\s*[^\W\d_]+\s*:\s*\S")


def folded_name(text: str) -> str:
    return " ".join(text.casefold().replace(".", " ").replace("-", " ").split())


def wire_agency(text: str) -> str | None:
    """The agency `text` names ("Reuters", "The Associated Press", "AP Sports Writer"), else None."""
    folded = folded_name(text)
    if folded in WIRE_AGENCIES:
        return WIRE_AGENCIES[folded]
    first, _, rest = folded.partition(" ")
    if first in WIRE_AGENCIES and rest and all(word in JOB_TITLE_WORDS for word in rest.split()):
        return WIRE_AGENCIES[first]  # "AP Auto Writer": the agency's staff
    return None


def split_trailing_agency(name: str) -> tuple[str, str | None]:
    """("ERIC TUCKER", "Associated Press") from "ERIC TUCKER Associated Press"; (name, None) when no
    agency ends it."""
    words = name.split()
    for cut in range(1, len(words)):
        agency = wire_agency(" ".join(words[cut:]))
        if agency is not None:
            return " ".join(words[:cut]), agency
    return name, None


def without_job_title(name: str) -> str:
    """The name without a job title printed after it: "Ben Silverman Games Editor" -> "Ben
    Silverman", "Sr. Director of Operations" -> "". The title is the longest run of title words
    at the end that holds a title's head; the name as it is when there is none."""
    words = name.split()
    folded = [word.casefold().strip(".,") for word in words]
    start = len(words)
    while start > 0 and folded[start - 1] in JOB_TITLE_WORDS:
        start -= 1
    if not any(word in JOB_TITLE_HEADS for word in folded[start:]):
        return name
    return " ".join(words[:start]).rstrip(" ,-–|")


def is_site_credit(text: str) -> bool:
    """"Government Websites by CivicPlus", "Powered by WordPress": who made the site."""
    return SITE_CREDIT.search(text) is not None


def is_labelled_value(text: str) -> bool:
    """"Stand: 20. April 2020": a label and its value, not a name."""
    return LABEL_BEFORE_COLON.match(text) is not None and any(character.isdigit() for character in text)
