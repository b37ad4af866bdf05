"""The main content: the densest run of prose on the page, and the header above it.

A page dump holds one block of running prose (the article) inside menus, teasers, footers and
comments, which are made of short unpunctuated lines. Scoring prose lines by their length and
every other line by a penalty, the run with the highest total (a maximum-sum subarray, the idea of
Finn et al.'s Body Text Extraction) is the article; short lines inside it (subheadings, list
items) stay because the prose around them outweighs them; a lone paragraph that only joins the run
across a block of furniture after it (an author bio) is cut off, and a list or table its last
paragraph introduces ("... after 36 races:") is taken in. The article's header (title, dates,
byline, just above the run) stays for the metadata stage. Everything else is boilerplate, or
comments when it follows a comment-section header, which an article never runs through.
A cookie-consent dialog is long prose too; it opens with its notice, and is passed over.
With HTML the extractor isolated the article: lines the DOM places in nav/aside/footer or in
a comment thread go, unless most of the extracted prose sits there (an article in an <aside>, a
thread made of comments) or the page is a forum (frontends/html/kinds).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from cleanscrape.model import Block, Document, Evidence, Label, Line, PageType, Verdict
from cleanscrape.settings import DEFAULT_SETTINGS, MainContentConfig, Settings
from cleanscrape.stages.base import Stage, holds_most_prose, prose_word_counts
from cleanscrape.stages.header_block import header_block_start
from cleanscrape.text.shapes import ends_sentence, is_headline, is_prose, word_count
from cleanscrape.text.stopwords import page_language, stop_word_density

_COMMENTS_HEADER = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?|discussion)(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b"
    r"|^(?:join|start)\s+the\s+(?:conversation|discussion)\b"
    r"|^(?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments\b"
    r"|^comments\s+are\s+closed\b|^have\s+your\s+say\b|^share\s+your\s+thoughts\b"
    r"|^\d+\s+(?:comments?|responses?|replies|thoughts|reactions?)\s+(?:to|on)\b"
    # "[ 167 comments ]", "Top Rated Comments", "You must be logged in to post a comment."
    r"|^\[\s*(?:\d+|read\s+all)\s+comments?\s*\]$"
    r"|^(?:top|most|best|highest|latest|newest|oldest|featured|reader|readers'?)\s+(?:rated\s+|liked\s+|voted\s+|popular\s+)?comments(?:\s*\(\d+\))?\s*:?$"
    r"|^you\s+must\s+(?:be\s+)?log(?:ged)?\s+in\s+to\s+(?:post|leave|add|write)\s+a\s+comment\b"
    # The same headers in the other languages of the stop-word lists.
    r"|^(?:\d+\s+)?(?:commenti|comentários|comentarios|commentaires|kommentare|reacties|komentarze|комментарии)(?:\s*\(\d+\))?\s*:?$"
    r"|^(?:lascia|deixe|deja|laisser|laissez|schreibe|skriv)\s+(?:un|um|une|seu|votre|tu|einen)\s+(?:commento|comentário|comentario|commentaire|kommentar)\b"
    r"|^(?:devi\s+essere\s+connesso|você\s+precisa\s+fazer\s+login|debes\s+iniciar\s+sesión)\s+(?:per|para)\b"
    r"|^(?:hinterlasse|verfasse)\s+einen\s+kommentar\b|^kommentar\s+(?:verfassen|schreiben|hinzufügen|abgeben)\b"
    r"|^(?:ajouter|écrire|publier|poster)\s+un\s+commentaire\b|^(?:añadir|escribir|agregar)\s+(?:un\s+)?comentario\b"
    r"|^(?:aggiungi|scrivi)\s+un\s+commento\b|^(?:die\s+)?kommentare\s+sind\s+geschlossen\b"
    r"|^les\s+commentaires\s+sont\s+fermés\b|^(?:los\s+)?comentarios\s+(?:están\s+)?cerrados\b"
    r"|^(?:i\s+)?commenti\s+sono\s+chiusi\b|^(?:du\s+musst|sie\s+müssen)\s+(?:angemeldet|eingeloggt)\s+sein\b"
    r"|^vous\s+devez\s+être\s+connecté",
    re.IGNORECASE,
)
# "jbaxt says:", "Gary M on September 17, 2018 at 8:50 pm said:": how comment software signs a
# comment; WordPress prints the same verb in the blog's language ("Eras sagt:", "Marie dit :").
_COMMENT_SIGNATURE = re.compile(
    r"^(?:\d+\.\s*)?\S.{0,80}?\b(?:says|said|wrote|writes|commented|replied"
    r"|sagt|schrieb|schreibt|meint|antwortete|dit|a\s+dit|écrit|a\s+écrit|dice|dijo|escribió|disse|escreveu"
    r"|scrive|ha\s+scritto|zegt|schreef|napisał|napisała|skriver|skrev|пишет|написал)\s*:?$",
    re.IGNORECASE,
)


# A cookie-consent dialog opens by saying the site stores cookies on the reader's device: the law
# (ePrivacy, GDPR) asks for that sentence, in the site's language, with the borrowed word "cookie".
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_WEB_TERM = re.compile(
    r"\b(?:web\w*|site|sites|sitio|sito|browser|navigat\w*|navegador|ger[äa]t\w*|appareil|dispositiv\w*|devices?"
    r"|consent\w*|einwillig\w*|zustimm\w*|tracking|technolog\w*|tecnolog\w*|partner\w*)\b",
    re.IGNORECASE,
)


def is_cookie_notice(text: str) -> bool:
    """A sentence on cookies the site stores: it names cookies and the site, device or consent."""
    return bool(_COOKIE.search(text)) and bool(_WEB_TERM.search(text))


def is_comments_header(text: str, config: MainContentConfig = DEFAULT_SETTINGS.main_content) -> bool:
    return word_count(text) <= config.max_comments_header_words and bool(_COMMENTS_HEADER.search(text))


def comments_start(
    lines: Sequence[Line], config: MainContentConfig, after: int = 0, headers: bool = True, before: int | None = None
) -> int:
    """Position of the first line of the reader-comment section in [after, before), or len(lines);
    `headers=False` looks for a series of signatures only."""
    signatures = []
    for position in range(after, len(lines) if before is None else before):
        line = lines[position]
        if headers and is_comments_header(line.text, config):
            return position
        if word_count(line.text) <= config.max_comment_signature_words and _COMMENT_SIGNATURE.match(line.text):
            signatures.append(position)
            if len(signatures) >= config.min_comment_signatures:
                return signatures[0]
    return len(lines)


# How a text browser (w3m, lynx) prints an image or an inline frame in a dump: its alt text or
# file name, one token in brackets ("[20180816_1001]", "[gif]", "[INS::INS]"). Never the
# article's text; it stands between the article's paragraphs as often as in the furniture, so
# it neither breaks the run nor stays in it. A form field or button has spaces or nothing inside.
_IMAGE_PLACEHOLDER = re.compile(r"^\[[^\s\[\]]+\]$")


def is_image_placeholder(text: str) -> bool:
    return bool(_IMAGE_PLACEHOLDER.match(text))


def line_score(line: Line, settings: Settings) -> float:
    """What a line adds to the run around it: a paragraph its words beyond the first few, a short
    line that is no sentence (a menu item, a teaser title) a penalty."""
    config = settings.main_content
    words = word_count(line.text)
    if is_prose(line.text, settings.shapes) or introduces_text(line.text, settings):
        return words - config.prose_words_offset
    if ends_sentence(line.text) and words >= config.min_short_sentence_words:
        return 0.0  # a short finished sentence: neither article nor furniture on its own
    return -(config.list_item_penalty if line.marker else config.line_penalty)


def introduces_text(text: str, settings: Settings) -> bool:
    """A sentence that ends in a colon to introduce a quotation or a list ("The minister said:"):
    a sentence's length of words, where a form label or a menu heading ("Categories:") has a few."""
    return text.endswith(":") and word_count(text) >= settings.shapes.sentence_min_words


def line_scores(doc: Document, lines: Sequence[Line], settings: Settings) -> list[float]:
    """`line_score` of each of `lines`, but a paragraph earns nothing when it is printed twice on
    the page (a slider, ticker or teaser block shown again: an article's paragraphs are printed
    once) or when it is a word list: a long line with well under the page's share of stop words
    (tags, categories, names), whatever the language. Relative to the page, so a page in a
    language without a list here (its words match a list only by accident) loses nothing."""
    config = settings.main_content
    # Counted over every line, dropped ones too: the repeated stage has already dropped the later copies.
    printed = Counter(line.text for line in doc.lines if line.text)
    sentences = (
        line.text
        for line in lines
        if word_count(line.text) >= config.language_sample_words and ends_sentence(line.text)
    )
    language, density = page_language(sentences)
    is_word_list = _word_list_test(language, density, config)
    scores = []
    for line in lines:
        score = line_score(line, settings)
        if score > 0 and (printed[line.text] >= 2 or is_word_list(line.text)):
            score = 0.0  # a repeat or a word list: no evidence of prose
        scores.append(score)
    return scores


def _word_list_test(language: str | None, density: float, config: MainContentConfig) -> Callable[[str], bool]:
    """Whether a line has too few stop words for the page; never, when no list fits the page."""
    if language is None or density < config.min_page_stop_density:
        return lambda text: False
    floor = config.word_list_stop_share * density
    return lambda text: stop_word_density(text, language) < floor


def densest_run(scores: Sequence[float]) -> tuple[int, int, float]:
    """[start, end) of the maximum-sum run of `scores`, and its sum (Kadane's algorithm)."""
    best = (0, 0, 0.0)
    start, total = 0, 0.0
    for position, score in enumerate(scores):
        if total <= 0:
            start, total = position, 0.0
        total += score
        if total > best[2]:
            best = (start, position + 1, total)
    return best


def article_run(lines: Sequence[Line], scores: Sequence[float]) -> tuple[int, int, float]:
    """The densest run that is not a cookie-consent dialog. A dialog's paragraphs are long
    sentences too, but it opens with its notice, where an article never does: without the notice,
    a run that starts right below it is the dialog's body; one that starts farther off is the
    page's own prose that the notice was merely printed above."""
    scores = list(scores)
    start, end, total = densest_run(scores)
    for _ in range(_MAX_DIALOGS):
        opening = next((pos for pos in range(start, end) if scores[pos] > 0), None)
        if opening is None or not is_cookie_notice(lines[opening].text):
            break
        scores[opening] = 0.0
        start, end, total = densest_run(scores)
        if opening < start <= opening + _DIALOG_STEP:
            scores[start:end] = [0.0] * (end - start)
            start, end, total = densest_run(scores)
    return start, end, total


def detached_tail_start(scores: Sequence[float], start: int, end: int, config: MainContentConfig) -> int:
    """Where the run [start, end) ends when its last part is furniture around lone paragraphs.

    An article's body runs on with at most a subheading, a caption or a short list between its
    paragraphs; after it come share buttons, tags, related links and, between them, single
    paragraphs of their own (an author bio, a newsletter pitch, a comment policy), which the run
    takes in when their words outweigh the furniture's penalty. The run ends before the first gap
    of short lines that a lone paragraph follows when all from there on holds a small share of
    the run's prose: the longer the gap, the larger the share that may go; else at `end`."""
    # The prose before each position of the run, summed once: summing the body and the tail again
    # for every island made a page of many short sections quadratic (4,000 sections: 2.3 s).
    prose_before = list(itertools.accumulate((max(score, 0.0) for score in scores[start:end]), initial=0.0))
    for island in prose_islands(scores, start, end)[1:]:
        body = prose_before[island.gap_start - start]
        tail = prose_before[-1] - body
        share = min(config.tail_max_share, config.tail_share_per_gap_line * (island.gap_lines - 1))
        if island.paragraphs <= config.tail_island_max_paragraphs and tail < share * body:
            return island.gap_start
    return end


def introduced_list_end(kept: Sequence[int], lines: Sequence[Line], scores: Sequence[float], end: int,
                        settings: Settings) -> int:
    """Where the run [.., end) ends when its last paragraph introduces a list or a table ("The final
    standings after 36 races:"): the items right below belong to it. An item is a short line that
    is numbered, dated or bulleted (a table row, a calendar entry); the list ends at the first
    other line, or where the stages dropped a line in between."""
    if end == 0 or not introduces_text(lines[end - 1].text, settings):
        return end
    position = end
    while (
        position < len(lines)
        and scores[position] <= 0
        and kept[position] - kept[position - 1] <= _NEXT_ITEM_STEP
        and (lines[position].marker or any(character.isdigit() for character in lines[position].text))
        and not is_comments_header(lines[position].text, settings.main_content)
    ):
        position += 1
    return position


# A list's next item is on the next line, or after one blank line.
_NEXT_ITEM_STEP = 2


@dataclass(frozen=True, slots=True)
class ProseIsland:
    """A group of prose lines in a run and the gap of short lines (score below 0) before it."""

    gap_start: int
    gap_lines: int
    paragraphs: int


def prose_islands(scores: Sequence[float], start: int, end: int) -> list[ProseIsland]:
    """The groups of prose lines in [start, end); lines scoring 0 belong to neither group nor gap."""
    islands: list[ProseIsland] = []
    gap_start, gap_lines = start, 0
    for position in range(start, end):
        if scores[position] > 0:
            if gap_lines or not islands:
                islands.append(ProseIsland(gap_start, gap_lines, 0))
                gap_lines = 0
            islands[-1] = dataclasses.replace(islands[-1], paragraphs=islands[-1].paragraphs + 1)
        elif scores[position] < 0:
            gap_start = position if gap_lines == 0 else gap_start
            gap_lines += 1
    return islands


# A page shows one consent dialog, at most in a long and a short form.
_MAX_DIALOGS = 2
# A dialog's next paragraph follows its notice at most a label ("Functional", "Always active") below.
_DIALOG_STEP = 2


def _outside_extracted_content(doc: Document, settings: Settings) -> Iterator[Label]:
    """Drops among extracted lines: those of the site's chrome and those of a comment thread,
    unless that kind of region is where the page's content is."""
    kept = doc.kept_indices()
    prose = prose_word_counts(doc, kept, settings)
    config = settings.main_content
    keep_chrome = holds_most_prose(prose, [doc.evidence_for(index).boilerplate for index in kept], config)
    # A forum page (a thread, a question and its answers: frontends/html/kinds) is made of the
    # posts its software marks up as comments.
    keep_comments = doc.page_type is PageType.FORUM or holds_most_prose(
        prose, [doc.evidence_for(index).comment for index in kept], config)
    for index in kept:
        evidence = doc.evidence_for(index)
        if evidence.boilerplate and not keep_chrome and not _quoted_in_a_post(doc, evidence):
            yield Label(index, Verdict.DROP, "boilerplate")
        elif evidence.comment and not keep_comments:
            yield Label(index, Verdict.DROP, "comments")


def _quoted_in_a_post(doc: Document, evidence: Evidence) -> bool:
    """A quotation on a forum page: a post quoting an earlier one, which forum software sets in an
    <aside> around the <blockquote>, part of the post."""
    return doc.page_type is PageType.FORUM and evidence.block is Block.QUOTE


def label_main_content(doc: Document, settings: Settings) -> Iterator[Label]:
    if doc.main_content_found:
        # The HTML front end extracted the article already: only the lines the DOM places in
        # navigation, asides, footers or comment threads are left to drop.
        yield from _outside_extracted_content(doc, settings)
        return
    config, shapes = settings.main_content, settings.shapes
    kept = []  # the lines the run is found in: all but image placeholders, which go
    for index in doc.kept_indices():
        if is_image_placeholder(doc.lines[index].text):
            yield Label(index, Verdict.DROP, "boilerplate")
        else:
            kept.append(index)
    lines = [doc.lines[index] for index in kept]
    scores = line_scores(doc, lines, settings)
    start, end, total = article_run(lines, scores)
    # Links to "Comments" sit in headers too: only a comment section after the article's start counts.
    comments_at = comments_start(lines, config, after=start + 1)
    if comments_at < end:
        start, end, total = densest_run(scores[:comments_at])
    # A long thread outweighs a short post; a series of signatures above the run says the run is
    # the thread, and the article is the densest run before it, if there is one.
    signed_at = comments_start(lines, config, headers=False, before=start)
    if signed_at < start and (earlier := densest_run(scores[:signed_at]))[2] >= config.min_region_words:
        (start, end, total), comments_at = earlier, signed_at
    if total < config.min_region_words:
        return
    end = detached_tail_start(scores, start, end, config)
    end = introduced_list_end(kept, lines, scores, end, settings)
    start = header_block_start(lines[:start], settings)
    if 0 < start < len(lines) and is_headline(lines[start - 1].text, shapes) and is_headline(lines[start].text, shapes):
        start -= 1  # a kicker or page heading printed right above the title
    for pos in range(len(lines)):
        if not start <= pos < end:
            yield Label(kept[pos], Verdict.DROP, "comments" if pos >= comments_at else "boilerplate")


STAGE = Stage("main-content", label_main_content, ("boilerplate", "comments"))
