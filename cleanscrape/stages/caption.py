"""Photo captions and photo credits.

A caption names who took the picture: 'REUTERS/Jane Doe/File Photo', 'Photo: Jane Doe/dpa',
'(AP Photo/Jane Doe)', 'Getty Images'. A sentence of the article does not end that way. A weaker
sign, a trailing '(ABC)' credit, counts only on a line the page prints more than once, as
templates do with captions. Front ends that saw the DOM mark captions directly.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from cleanscrape.model import Document, Fact, FactKind, Label, Verdict
from cleanscrape.settings import DEFAULT_SETTINGS, CaptionConfig, Settings
from cleanscrape.stages.base import (
    Stage,
    any_word,
    candidate_lines,
    holds_most_prose,
    lines_matching,
    prose_word_counts,
)
from cleanscrape.text.shapes import word_count
from cleanscrape.text.tokens import folded, line_key

_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_PERSON = r"[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"  # a photographer: "Khalil Ashawi", not "DC"
# Further "/Name" parts of a credit ("/File Photo", "/POOL"). Bounded: with an unbounded
# repetition, every agency-like word of a long line such as "REUTERS/Abc/REUTERS/Abc/..." started
# a scan to the end of the line (120,000 characters took 110 s); real credits have one or two.
MAX_CREDIT_PARTS = 5
_MORE_PARTS = rf"(?:\s*/\s*[\w.'’-]+(?:\s+[A-Z][\w.'’-]*){{0,3}}){{0,{MAX_CREDIT_PARTS}}}"
_CREDITED = rf"{_NAME}{_MORE_PARTS}(?:\s+via\s+{_NAME})?"
_PHOTO_CREDIT = re.compile(
    "|".join(
        (
            # AGENCY/Photographer[/File Photo] as wire services print it
            rf"\b[A-Z]{{2,}}(?:\s+PHOTO)?\s*/\s*{_PERSON}{_MORE_PARTS}\s*\)?\.?$",
            # (AP Photo/Jane Doe), Photo: Jane Doe/dpa, Image credit: Getty Images, Picture by Jane Doe.
            # The word and the name are joined by a mark or a word ("by", "credit", "courtesy of"): run
            # together they are a name or a feature ("Image Processor", "Credit Monitoring", "Photo Booth").
            rf"(?:^|[\s(])(?i:photo(?:graph)?s?|picture|image|pic|foto|credit|bild)"
            rf"(?:\s+(?i:by|credit|courtesy(?:\s+of)?)\s*[:/]?|\s*[:/])\s*{_CREDITED}\s*\)?\.?$",
            # stock agencies
            # a stock agency credited (in brackets, after a colon/slash, "via", or after the caption's
            # last sentence), not one a sentence mentions ("sold its archive to Getty Images.")
            # (in capitals too: "GETTY IMAGES")
            r"(?:[(:/]\s*|\bvia\s+|[.!?]\s+)(?i:Getty\s+Images|Shutterstock|iStock(?:photo)?|Alamy|Imago|EPA-EFE)\)?$",
            r"\b(?i:file\s+photo)\)?\.?$",
            # [File: Reuters], [Photo: Jane Doe/AP] closing a caption
            r"\[(?i:file(?:\s+photo)?|photo|image|picture|pic)\s*:\s*[^\]]{2,60}\]$",
        )
    )
)
_CAPTION_START = re.compile(r"(?:FILE\s+PHOTO|FILED)\s*[:-]")  # "FILED - 17 January 2025, Baabda: ..."
# A credit closes the caption: the end-anchored patterns need only the line's last characters.
CREDIT_TAIL_CHARS = 200
# The weak sign: the line ends in a short capitalised credit in brackets, "(RT)", "(AFP)".
# [^\S\n] rather than \s, and $ at any line end, so the page's lines can be scanned as one text.
_BRACKETED_CREDIT = re.compile(r"\((?:[A-Z][\w.&/-]*)(?:[^\S\n]+[A-Z][\w.&/-]*){0,2}\)$", re.MULTILINE)

# Every _PHOTO_CREDIT match holds one of these, lower-cased: a line without any is no credit.
PHOTO_CREDIT_WORDS = (
    "/", "[", "pic", "photo", "image", "foto", "credit", "bild", "getty", "shutterstock", "istock", "alamy", "imago",
    "epa-efe", "file",
)
_CREDIT_HINT = any_word(PHOTO_CREDIT_WORDS)


def is_photo_credit(text: str, config: CaptionConfig = DEFAULT_SETTINGS.caption) -> bool:
    if word_count(text) > config.max_caption_words:
        return False
    if not _CREDIT_HINT.search(folded(text)):
        return bool(_CAPTION_START.match(text))
    return bool(_CAPTION_START.match(text) or _PHOTO_CREDIT.search(text[-CREDIT_TAIL_CHARS:]))


def label_captions(doc: Document, settings: Settings) -> Iterator[Label]:
    credits = candidate_lines(doc, PHOTO_CREDIT_WORDS)
    bracketed = lines_matching(doc, _BRACKETED_CREDIT)
    marked = {index for index, evidence in enumerate(doc.evidence) if evidence.caption and doc.is_kept(index)}
    if marked and _captions_hold_the_body(doc, settings):
        marked = set()
    printed: Counter[str] = Counter()
    if bracketed:
        printed.update(line_key(line.text) for line in doc.lines if not line.is_blank)
    for index in sorted({*credits, *bracketed, *marked}):
        text = doc.lines[index].text
        repeated_credit = printed[line_key(text)] > 1 and bool(_BRACKETED_CREDIT.search(text))
        if index in marked or is_photo_credit(text, settings.caption) or repeated_credit:
            yield Label(index, Verdict.DROP, "caption", facts=(Fact(FactKind.CAPTION, text),))


def _captions_hold_the_body(doc: Document, settings: Settings) -> bool:
    """Whether the lines the DOM marks as captions hold most of the extracted prose."""
    if not doc.main_content_found:
        return False
    kept = doc.kept_indices()
    marked = [doc.evidence_for(index).caption for index in kept]
    return holds_most_prose(prose_word_counts(doc, kept, settings), marked, settings.main_content)


STAGE = Stage("caption", label_captions, ("caption",), (FactKind.CAPTION,))
