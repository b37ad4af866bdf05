"""Credit lines: '(Reporting by X; editing by Y)' and a wire credit trailing the last sentence.

Both name who made the article rather than being part of it; the names and the agency go to
metadata. A trailing credit is trimmed from its line ("... in December. Reuters"): a sentence
never ends in one to three capitalised words without a full stop after its own full stop, a
credit does. Unless the text is hard-wrapped (a <pre> block, an RFC, a mail, a source's wrapped
paragraph): the next line carries on in lower case, or it and this line are no longer than a
wrap column; then those words open the next sentence ("... domain name. The" / "origin on ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from cleanscrape.model import Document, Fact, FactKind, Label, Verdict
from cleanscrape.parse.people import parse_credit, split_names
from cleanscrape.settings import DEFAULT_SETTINGS, CreditConfig, Settings
from cleanscrape.stages.base import Stage, candidate_lines, lines_matching
from cleanscrape.text.shapes import word_count

# "Write to Jane Doe at jane.doe@example.com": the byline's contact line closing the article.
_WRITE_TO = re.compile(
    r"^(?:write|contact|email|e-mail)\s+(?:to\s+)?(?P<names>[^@]{2,80}?)\s+at\s+\S+@\S+\s*$", re.IGNORECASE
)
# A sentence's closing mark, then one to three capitalised words up to the line's end. [^\S\n]
# rather than \s, and $ at any line end, so the page's lines can be scanned as one text. A closing
# bracket ends a sentence only after a full stop: "(CBA) Exam" ends a title's acronym, not a sentence.
_TRAILING_CREDIT = re.compile(
    r"(?:[.!?][\"'”’»)]*|[\"'”’»])"
    r"(?P<credit>[^\S\n]+(?P<agency>[A-Z][\w&/.-]{0,15}(?:[^\S\n]+[A-Z][\w&/.-]{0,15}){0,2})(?<!\.)[^\S\n]*)$",
    re.MULTILINE,
)
# A credit clause reads "<role> by <names>"; a contact line holds an e-mail address.
CREDIT_WORDS = ("by", "@")


def trailing_credit(text: str, config: CreditConfig = DEFAULT_SETTINGS.credit) -> re.Match[str] | None:
    match = _TRAILING_CREDIT.search(text)
    if match and word_count(text[: match.start("credit")]) >= config.min_words_before_trailing_credit:
        return match
    return None


def label_credit(doc: Document, settings: Settings) -> Iterator[Label]:
    config = settings.credit
    for index in sorted({*candidate_lines(doc, CREDIT_WORDS), *lines_matching(doc, _TRAILING_CREDIT)}):
        text = doc.lines[index].text
        if word_count(text) <= config.max_credit_words and (people := parse_credit(text)):
            authors, editors = people
            facts = _people(FactKind.AUTHOR, authors) + _people(FactKind.EDITOR, editors)
            yield Label(index, Verdict.DROP, "credit", facts=facts)
        elif (contact := _WRITE_TO.match(text)) and (names := split_names(contact["names"])):
            yield Label(index, Verdict.DROP, "credit", facts=_people(FactKind.AUTHOR, names))
        elif (match := trailing_credit(text, config)) and not continues_on_next_line(doc, index, config):
            agency = (Fact(FactKind.AGENCY, match["agency"]),)
            yield Label(index, Verdict.DROP, "credit", facts=agency, span=(match.start("credit"), len(text)))


def continues_on_next_line(doc: Document, index: int, config: CreditConfig = DEFAULT_SETTINGS.credit) -> bool:
    """The next non-blank line opens in lower case: it goes on with the sentence this line's last
    words began (hard-wrapped text). A credit ends its paragraph, and what follows it (the next
    paragraph, a heading, the page's furniture) opens with a capital, a digit or a mark. So does
    a wrapped sentence's next line when it opens with a name or a number ("If" / "File::open
    failed ..."): then the line and the one right after it are both no longer than a wrap column."""
    following = next((line.text for line in islice(doc.lines, index + 1, None) if line.text), "")
    if following[:1].islower():
        return True
    right_after = doc.lines[index + 1].text if index + 1 < len(doc.lines) else ""
    return bool(right_after) and max(len(doc.lines[index].text), len(right_after)) <= config.max_wrapped_line_chars


def _people(kind: FactKind, names: list[str]) -> tuple[Fact, ...]:
    return tuple(Fact(kind, name) for name in names)


STAGE = Stage("credit", label_credit, ("credit",), (FactKind.AUTHOR, FactKind.EDITOR, FactKind.AGENCY))
