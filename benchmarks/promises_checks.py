"""The README's promises, checked on one page from its input and cleanscrape's output alone (never a
truth file). Each check returns its violations, one short description each; benchmarks/promises.py
runs them over the dev sets.

- code: every kept <pre> block (or multi-line <code> block) comes out whole: its lines, in order,
  with their characters and indentation as the page has them.
- dates: no published/updated date of January 1st that the page never prints as a date (a year
  read from a copyright line or a bare year).
- log: every non-blank input line (HTML: visible text line) has exactly one row of the explain view
  under its own number, in line order; blank rows carry no number of another line.
- standfirst: a prose summary dropped as metadata is the article's standfirst.
- authors (reported): labels, job titles, organisations, credits and agencies given as authors.
- language (reported): a language that contradicts the script of the kept text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.decode.normalize import line_of, nonblank_lines, repair, repair_mojibake, split_lines
from cleanscrape.frontends.html.visible import comparison_key, visible_text
from cleanscrape.model import Line, Page

CHECKS = ("code", "dates", "log", "standfirst", "authors", "language")


@dataclass(frozen=True, slots=True)
class Violation:
    check: str
    detail: str


# --------------------------------------------------------------------------- code

# A code line this long is not found in the output by chance: it tells whether the block was kept.
MIN_TELLING_CODE_CHARS = 8
# A block is kept when this share of its telling lines are output lines: fewer are lines it shares
# with another block (a listing's "fn main() {"), and a block the extractor left out.
MIN_KEPT_SHARE = 0.5


# Invisible at a line's end as trailing spaces are: zero-width spaces and joiners, the word joiner,
# a byte-order mark (a generator's "…\u200b" before a line break).
_TRAILING_INVISIBLES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+$")
# A <code> outside <pre> flows like text (CSS white-space: normal) unless its style keeps spaces.
_KEEPS_SPACES = re.compile(r"white-space\s*:\s*(?:pre|break-spaces)", re.IGNORECASE)
_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_LINE_BREAK_MARK = "\ue000"  # a private-use character: no page text holds it


def code_blocks(tree: LexborHTMLParser) -> list[list[str]]:
    """The non-blank lines of each <pre> block and multi-line <code> block outside one, as a reader
    sees them (trailing whitespace and invisibles aside): in a <pre> (or a <code> styled to keep
    white space) each line of its text, in another <code> the lines its <br>s break, as HTML
    collapses the line breaks of its source (a literal wrapped in the source is one line)."""
    blocks = []
    for node in tree.css("pre, code"):
        if node.tag == "code" and _inside_pre(node):
            continue
        if node.tag == "pre" or _keeps_spaces(node):
            # As cleanscrape reads any text: mojibake repaired, NFC.
            texts = repair(node.text(deep=True)).split("\n")
        else:
            html = _BREAK.sub(_LINE_BREAK_MARK, node.html or "")
            texts = [" ".join(part.split()) for part in repair(LexborHTMLParser(html).text()).split(_LINE_BREAK_MARK)]
            if sum(bool(text) for text in texts) < 2:
                continue  # inline code: part of a sentence, not a block
        lines = [_rstripped(line) for line in texts if _rstripped(line).strip()]
        if lines:
            blocks.append(lines)
    return blocks


def _rstripped(line: str) -> str:
    return _TRAILING_INVISIBLES.sub("", line)


def _keeps_spaces(node: LexborNode) -> bool:
    """Whether the node's or an ancestor's style attribute keeps its line breaks (white-space: pre)."""
    current: LexborNode | None = node
    while current is not None:
        if _KEEPS_SPACES.search(current.attributes.get("style") or ""):
            return True
        current = current.parent
    return False


def _inside_pre(node: object) -> bool:
    parent = getattr(node, "parent", None)
    while parent is not None:
        if parent.tag == "pre":
            return True
        parent = parent.parent
    return False


def check_code(tree: LexborHTMLParser, page: Page) -> list[Violation]:
    """A block counts as kept when most of its telling lines are output lines; then each of its
    lines must follow, in order, exactly as the page prints it. A block without a telling line of
    its own whose lines all belong to blocks that came out whole is not judged: its lines tell
    nothing of whether it was kept (a page's examples repeating a stylesheet with one rule more)."""
    output = [_rstripped(line) for article in page.articles for line in article.text.split("\n") if line.strip()]
    stripped = {line.strip() for line in output}
    blocks = code_blocks(tree)
    # A line several blocks hold ("fn main() {") tells nothing of which block was kept.
    shared = Counter(line.strip() for block in blocks for line in set(block))
    failed: list[tuple[list[str], bool, str]] = []  # (block, has lines of its own, first missing line)
    whole_lines: set[str] = set()  # the lines of the kept blocks that came out whole
    for block in blocks:
        telling = [line.strip() for line in block if len(line.strip()) >= MIN_TELLING_CODE_CHARS]
        distinctive = [line for line in telling if shared[line] == 1]
        # Without a line of its own, a block is kept when all its telling lines are.
        share = MIN_KEPT_SHARE if distinctive else 1.0
        telling = distinctive or telling
        if not telling or sum(line in stripped for line in telling) < share * len(telling):
            continue
        missing = _first_missing(block, output)
        if missing is None:
            whole_lines.update(line.strip() for line in block)
        else:
            failed.append((block, bool(distinctive), missing))
    violations = []
    for block, own, missing in failed:
        if not own and all(line.strip() in whole_lines for line in block
                           if len(line.strip()) >= MIN_TELLING_CODE_CHARS):
            continue
        where = "changed" if missing.strip() in stripped else "lost"
        violations.append(Violation("code", f"{where}: {missing!r} (block of {len(block)} lines)"))
    return violations


def _first_missing(block: Sequence[str], output: Sequence[str]) -> str | None:
    """The first block line not found as an output line after the previous one's, or None. The
    search starts at each output line equal to the block's first line, the best start wins."""
    starts = [index for index, line in enumerate(output) if line == block[0]] or [0]
    best: tuple[int, str | None] = (-1, block[0])
    for start in starts:
        position, found = start, 0
        for line in block:
            try:
                position = output.index(line, position) + 1
            except ValueError:
                break
            found += 1
        if found == len(block):
            return None
        if found > best[0]:
            best = (found, block[found])
    return best[1]


# --------------------------------------------------------------------------- dates

_JANUARY = ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "styczeń",
            "stycznia", "январь", "января", "ιανουαρίου", "ocak", "leden", "ledna", "tammikuu")
_JANUARY_FIRST = re.compile(
    r"\b0?1(?:st|er|º|\.)?\s*(?:of\s+|de\s+)?(?:" + "|".join(_JANUARY) + r")\b|"
    r"\b(?:" + "|".join(_JANUARY) + r")\.?\s+0?1(?:st)?\b", re.IGNORECASE)


def check_dates(html: str, page: Page) -> list[Violation]:
    """A January 1st date the page never prints as one: a year (a copyright line, a bare year)
    read as a date."""
    violations = []
    for article in page.articles[:1]:
        for field, value in (("published", article.published), ("updated", article.updated)):
            if value and value[4:10] == "-01-01" and "T" not in value and not _prints_january_first(html, value[:4]):
                violations.append(Violation("dates", f"{field} {value}: the page shows the year only"))
    return violations


def _prints_january_first(html: str, year: str) -> bool:
    numeric = re.compile(rf"{year}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{year}|{year}年0?1月0?1日")
    if numeric.search(html):
        return True
    return any(_JANUARY_FIRST.search(html, max(0, match.start() - 40), match.end() + 40)
               for match in re.finditer(year, html))


# --------------------------------------------------------------------------- log


def input_lines(raw: str, is_html: bool) -> tuple[Line, ...]:
    """The input lines the removal log numbers: an HTML page's non-blank visible text lines (its
    mojibake repaired in the HTML, as cleanscrape reads any page: a text node's "Â" + NBSP, once
    the NBSP is stripped at the line's end, is no longer repairable), a text's lines."""
    if is_html:
        return nonblank_lines(visible_text(LexborHTMLParser(repair_mojibake(raw))))
    return tuple(line for line in split_lines(raw) if line.text)


def check_log(lines: Sequence[Line], page: Page) -> list[Violation]:
    """Every non-blank input line has one row under its own number, in order; a blank row carries
    no number of a non-blank line."""
    by_number = {line.number: line for line in lines}
    keys = {line.number: comparison_key(line.text) for line in lines}
    rows = [line for line, verdict, _ in page.explain if verdict != "blank"]
    row_numbers = {row.number for row in rows}
    openings = {key[:MIN_MISNUMBERED_CHARS] for key in keys.values() if len(key) >= MIN_MISNUMBERED_CHARS}
    blank_numbers = [line.number for line, verdict, _ in page.explain if verdict == "blank"]
    violations = []
    previous = 0
    own: dict[int, int] = {}
    covered: set[int] = set()
    spelling: list[tuple[str, int]] = []  # (key, number) of each row that starts on its own line
    for row in rows:
        if row.number < previous:
            violations.append(Violation("log", f"out of order: row {row.number} after {previous} {row.text[:50]!r}"))
        previous = max(previous, row.number)
        key = comparison_key(row.text)
        if not key:  # punctuation or pipes alone: the row is the line's when it says the same
            if row.number in by_number and by_number[row.number].text == row.text:
                own[row.number] = own.get(row.number, 0) + 1
            continue
        if not _starts_at(key, keys.get(row.number, "")):
            if row.number in by_number and key[:MIN_MISNUMBERED_CHARS] in openings:
                violations.append(Violation("log", f"misnumbered: row {row.number} {row.text[:50]!r}"))
            continue
        own[row.number] = own.get(row.number, 0) + 1
        spelling.append((key, row.number))
        covered.update(_spanned(key, row.number, keys, row_numbers))
    # Walked again passing over the lines other rows spell too: a table row's cells printed as
    # rows of their own (a cell's lines after its first) stopped the walk of the row that spans them.
    accounted = row_numbers | covered
    covered |= {number for key, start in spelling for number in _spanned(key, start, keys, accounted)}
    for number, count in own.items():
        if count > 1:
            violations.append(Violation("log", f"{count} rows for line {number} {by_number[number].text[:50]!r}"))
    for line in lines:
        if line.number not in covered and line.number not in own:
            violations.append(Violation("log", f"no row: line {line.number} {line.text[:50]!r}"))
    for number in sorted(set(blank_numbers) & set(by_number)):
        violations.append(Violation("log", f"blank row numbered {number}, a non-blank line's number"))
    return violations


# A row whose text begins with another line's this long is that line's text, not rewritten text.
MIN_MISNUMBERED_CHARS = 8


def _starts_at(key: str, line_key: str) -> bool:
    """Whether a row's key begins with the line's (or the line's with the row's: a line split)."""
    length = min(len(key), len(line_key))
    if not line_key:
        return False
    return key[:length] == line_key[:length]


# The extractor leaves buttons and counters out of a paragraph: the row's text goes on this near.
MAX_SKIPPED_CHARS = 500


def _spanned(key: str, number: int, keys: dict[int, str], accounted: set[int]) -> Iterator[int]:
    """The input lines a row starting at line `number` spells in turn (a paragraph the extractor
    printed as one line from several text nodes), passing over the lines `accounted` for already.
    Those are not looked for in the row: a short one ("More") is found further on ("More in this
    category") and would carry the walk past the lines the row does spell."""
    position, first = 0, number
    while position < len(key) and number in keys:
        line_key = keys[number]
        if number != first and number in accounted:
            number += 1
            continue
        found = key.find(line_key, position, position + MAX_SKIPPED_CHARS + len(line_key)) if line_key else -1
        if found != -1:
            position = found + len(line_key)
            yield number
        elif line_key:
            return
        number += 1


# --------------------------------------------------------------------------- standfirst

_SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’)»]*$")
_DATE_OR_BYLINE = re.compile(r"\b(?:by|von|par|por|di)\s+[A-Z]|\b\d{4}\b|\b\d{1,2}:\d{2}\b")
MIN_SUMMARY_WORDS = 8


def is_prose_summary(text: str) -> bool:
    """A sentence of some length that is neither a dateline nor a byline."""
    return (len(text.split()) >= MIN_SUMMARY_WORDS and bool(_SENTENCE_END.search(text))
            and not _DATE_OR_BYLINE.search(text))


def check_standfirst(page: Page) -> list[Violation]:
    """A prose summary dropped as metadata is a standfirst (or a title itself, which a headline
    shaped as a sentence is: most of its words are an article's title's)."""
    told_key = comparison_key(" ".join(article.standfirst or "" for article in page.articles))
    titles = [{word.lower() for word in re.findall(r"\w+", title)}
              for title in (*(article.title for article in page.articles), page.heading) if title]
    violations = []
    for removal in page.removed:
        text = line_of(removal.line, removal.text).text  # its list bullet aside
        if removal.reason != "metadata" or not is_prose_summary(text) or comparison_key(text) in told_key:
            continue
        words = {word.lower() for word in re.findall(r"\w+", text)}
        if all(len(words & title) < 0.5 * len(words) for title in titles):  # not a headline (a card's too)
            violations.append(Violation("standfirst", f"line {removal.line} lost: {text[:70]!r}"))
    return violations


# --------------------------------------------------------------------------- authors and language

_NOT_A_PERSON = re.compile(
    r"\b(?:stand|updated?|posted|published|by|von|editor|editors|manager|director|reporter|correspondent|"
    r"writer|staff|team|desk|news|press|media|inc|ltd|llc|gmbh|websites?|university|department|"
    r"photo|photos|images|getty|shutterstock|reuters|associated press|ap|afp|dpa|efe|ansa|bloomberg|"
    r"upi|xinhua|pti|ians)\b", re.IGNORECASE)


def check_authors(page: Page) -> list[Violation]:
    return [Violation("authors", f"{name!r}") for article in page.articles[:1] for name in article.authors
            if _NOT_A_PERSON.search(name) or len(name.split()) > 4]


# The language codes written in each non-Latin script; a kept text mostly in one of these scripts
# is in one of its languages.
_SCRIPT_LANGUAGES = {
    "CJK": {"zh", "ja"}, "HIRAGANA": {"ja"}, "KATAKANA": {"ja"}, "HANGUL": {"ko"},
    "CYRILLIC": {"ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg"},
    "ARABIC": {"ar", "fa", "ur", "ps", "ku", "sd", "ug"}, "GREEK": {"el"}, "HEBREW": {"he", "yi"},
    "THAI": {"th"}, "DEVANAGARI": {"hi", "mr", "ne", "sa"},
}
_NON_LATIN = set().union(*_SCRIPT_LANGUAGES.values())
MIN_SCRIPT_SHARE = 0.6  # of the kept text's letters: the text is written in that script


def dominant_script(text: str) -> str | None:
    counts: dict[str, int] = {}
    for char in text[:5000]:
        if char.isalpha():
            name = unicodedata.name(char, "").split(" ")[0]
            script = name if name in _SCRIPT_LANGUAGES or name == "LATIN" else "OTHER"
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    if not total:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count >= MIN_SCRIPT_SHARE * total else None


def check_language(page: Page) -> list[Violation]:
    script, language = dominant_script(page.text), page.language
    if not language or script is None or script == "OTHER":
        return []
    wrong = language in _NON_LATIN if script == "LATIN" else language not in _SCRIPT_LANGUAGES[script]
    return [Violation("language", f"{language} for {script.lower()} text")] if wrong else []


def check_page(raw: str, page: Page, *, is_html: bool) -> list[Violation]:
    """Every check on one page (`raw`: its decoded input)."""
    violations = check_log(input_lines(raw, is_html), page)
    if is_html:
        violations += check_code(LexborHTMLParser(raw), page) + check_dates(raw, page)
    return violations + check_standfirst(page) + check_authors(page) + check_language(page)
