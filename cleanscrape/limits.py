"""Per-document maximums: the checks `clean()` makes before each expensive step.

Cleaning costs time linear in the input, with constants that matter at the extremes (measured
on one core, default settings): about 0.2 ms per line of text and 4 s per million characters of
a single line; trafilatura about 0.15 ms per HTML element; lexbor, the DOM parser, grows with the
square of the nesting depth (100,000 nested <div>s take minutes). So the limits are on exactly
those quantities, checked as early as each can be known:

- `max_input_bytes`: before decoding (bytes) or anything else (str: counted in characters);
- `max_html_depth`, `max_html_elements`: on the HTML source, by a linear scan of its tags,
  before any parser sees it;
- `max_lines`: on the raw text before normalisation (a lower bound: it counts "\\n"), then
  exactly, with `max_line_chars`, on the lines the front end produced (for HTML, the extracted
  text), before any stage runs.

Input over a limit raises InputTooLarge; nothing is truncated, so a page is cleaned whole or
not at all. The defaults (10 MiB, 60,000 elements) are far above real pages (a long news page:
2,000 lines, 3,000 elements, depth 40; of the 2,290 dev-set pages the largest is 5.3 MB and the
most elements 15,800; a large Wikipedia list: 60,000 elements).

They were 20 MiB and 100,000 elements until #22, which a page within them outran: a 15 MB page
took 53 s and 512 MB. HTML costs more than linear time in its elements (htmldate's extensive
search, trafilatura's pruning: one htmldate call on a page of repeated dated cards takes 0.2 s at
1 MiB, 1.3 s at 2 MiB, 4.9 s at 3 MiB). `python -m benchmarks.large_pages` measures pages of each
shape, each cleaned in a fresh process; CPU seconds and peak memory measured on 2026-12-04 on a
shared 2-core machine (load ~15, so the figures are upper bounds):

- a long article (<h2> sections of paragraphs): 5 MiB 7.7 s, 279 MB; 10 MiB (the new default)
  15.9 s, 444 MB; 20 MiB (the old default) 39.2 s, 777 MB;
- repeated linked cards with a date each (an archive page, ~19,000 elements a MiB): 2 MiB 7.8 s;
  2.6 MiB (49,600 elements) 11.8 s, 292 MB; 3.1 MiB (59,100, under the new default) 20.1 s,
  327 MB; 5 MiB (95,000, under the old default) stopped after 127 s of CPU, at 508 MB;
- the same cards with a paragraph's teaser, at both new limits at once: 6 MiB, 59,400 elements,
  21.2 s, 384 MB;
- a huge table (six cells a row): 1 MiB (50,000 elements) 3.3 s, 233 MB; 1.2 MiB (59,900) 3.9 s;
- a page whose bytes are mostly inline JSON state: 14 MiB, refused by the size limit, cleaned
  with the limits lifted in 0.3 s (script is skipped before any costly step).

So at the defaults the slowest accepted documents measured take ~20 s of one core (cards at the
element limit; 100,000 lines of text about as long), with one known exception: lexbor is also
quadratic in the <option>s of one <select> (20,000 take 4 s). `cleanscrape batch --timeout`
stops such a document; a caller who needs a harder bound lowers `max_html_elements`.
"""

from __future__ import annotations

import re

from cleanscrape.errors import InputTooLarge
from cleanscrape.model import Document
from cleanscrape.settings import Settings

# Elements that never take an end tag, and those whose end tag is optional (the parser closes
# them when a sibling starts): neither adds to the nesting depth of the source.
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "command", "image",
})
OPTIONAL_END_TAGS = frozenset({
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
})
# In SVG and MathML "<x/>" closes the element; in HTML the slash is ignored.
FOREIGN_TAGS = frozenset({"svg", "math"})
# A start tag of these closes an open element of the same name first: they never nest.
NON_NESTING_TAGS = frozenset({"a", "button", "nobr", "form", "select"})
# A start or end tag. The attributes part stops at the next "<" as well as ">", so an unclosed
# "<a" repeated a million times costs one pass, not one pass per "<".
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>?")
_START_TAG = re.compile(r"<[a-zA-Z]")


def check_input_size(data: str | bytes, settings: Settings) -> None:
    maximum = settings.max_input_bytes
    if maximum is not None and len(data) > maximum:
        unit = "bytes" if isinstance(data, bytes) else "characters"
        raise InputTooLarge("max_input_bytes", len(data), maximum, unit)


def check_text_lines(text: str, settings: Settings) -> None:
    """Before normalisation: at least this many lines (CR-only endings add more later)."""
    maximum = settings.max_lines
    if maximum is not None:
        lines = text.count("\n") + 1
        if lines > maximum:
            raise InputTooLarge("max_lines", lines, maximum, "lines")


def check_html(text: str, settings: Settings) -> None:
    """Element count and nesting depth of the HTML source, without parsing it."""
    max_elements, max_depth = settings.max_html_elements, settings.max_html_depth
    if max_elements is None and max_depth is None:
        return
    # Every start tag opens with "<": a page with fewer "<" than both limits is within them, told
    # by one count in C instead of a regex pass (0.28 -> 0.02 ms a page on the shub pages).
    if text.count("<") <= min(limit for limit in (max_elements, max_depth) if limit is not None):
        return
    elements = len(_START_TAG.findall(text))
    if max_elements is not None and elements > max_elements:
        raise InputTooLarge("max_html_elements", elements, max_elements, "HTML elements")
    if max_depth is None or elements <= max_depth:
        return  # cannot nest deeper than it has elements
    depth = html_depth(text, stop_above=max_depth)
    if depth > max_depth:
        raise InputTooLarge("max_html_depth", depth, max_depth, "levels of HTML nesting (at least)")


def html_depth(text: str, stop_above: int | None = None) -> int:
    """The deepest nesting of elements that need an end tag, as an HTML parser would build it.

    An estimate from the tags alone: unclosed tags count as open to the end (a parser nests
    them too), end tags without a start tag are ignored. Linear in the number of tags: each
    open tag is pushed and popped once. Stops as soon as the depth exceeds `stop_above`.
    """
    stack: list[str] = []
    open_counts: dict[str, int] = {}
    foreign = 0
    deepest = 0
    for match in _TAG.finditer(text):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if name in VOID_TAGS or name in OPTIONAL_END_TAGS:
            continue
        if closing or name in NON_NESTING_TAGS:
            if open_counts.get(name):  # close it and everything opened inside it
                while True:
                    popped = stack.pop()
                    open_counts[popped] -= 1
                    foreign -= popped in FOREIGN_TAGS
                    if popped == name:
                        break
            if closing:
                continue
        if foreign and rest.endswith("/"):
            continue  # <path/> inside <svg>
        stack.append(name)
        open_counts[name] = open_counts.get(name, 0) + 1
        foreign += name in FOREIGN_TAGS
        if len(stack) > deepest:
            deepest = len(stack)
            if stop_above is not None and deepest > stop_above:
                break
    return deepest


def check_document(doc: Document, settings: Settings) -> None:
    """The lines the front end produced, before any stage reads them."""
    if settings.max_lines is not None and len(doc.lines) > settings.max_lines:
        raise InputTooLarge("max_lines", len(doc.lines), settings.max_lines, "lines")
    if settings.max_line_chars is not None and doc.lines:
        longest = max(len(line.text) for line in doc.lines)
        if longest > settings.max_line_chars:
            raise InputTooLarge("max_line_chars", longest, settings.max_line_chars, "characters in its longest line")
