"""The explain report: one self-contained HTML file showing every input line with its verdict.

Kept lines are plain; dropped lines and trimmed fragments are struck through in their reason's
colour, with the reason on hover (a `title` attribute) and in a legend; the metadata found and
the line it was read from (where a line says it) sit above the text. No script, no external
resource: the file opens the same offline, attached to a bug report or in a browser sandbox.
Everything taken from the page is escaped, since a scraped page is hostile input.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape

from cleanscrape.model import Article, Line, Page

# Distinct hues readable on white; reasons take them in order of first appearance, cycling.
_PALETTE = (
    "#c0392b", "#2471a3", "#b9770e", "#7d3c98", "#138d75", "#a04000",
    "#2e4053", "#b03a2e", "#1e8449", "#6c3483", "#9a7d0a", "#1f618d",
)
_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; padding: 0 1em; }
h1 { font-size: 1.3em; margin-bottom: .2em; word-break: break-all; }
h2 { font-size: 1.1em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
.summary { color: #555; }
table.meta { border-collapse: collapse; margin: .5em 0 1em; }
table.meta th, table.meta td { text-align: left; vertical-align: top; padding: .15em .8em .15em 0; }
table.meta th { color: #555; font-weight: normal; white-space: nowrap; }
.found-in { color: #888; font-size: .85em; }
.warnings li { color: #8a4b00; }
.legend span.reason { display: inline-block; margin: 0 1em .3em 0; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em;
  margin-right: .3em; }
.lines { font-size: 14px; }
.line { display: flex; gap: .8em; padding: .1em 0; border-bottom: 1px solid #f3f3f3; }
.line .n { color: #999; min-width: 3.5em; text-align: right; font-variant-numeric: tabular-nums; flex: none; }
.line .text { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
.line .why { flex: none; font-size: .8em; padding-top: .15em; min-width: 11em; }
.line.blank { min-height: .6em; border-bottom: none; }
del { text-decoration-thickness: 1px; }
.marker { color: #999; }
"""


def report(page: Page) -> str:
    """The whole report as one HTML document."""
    colours = _reason_colours(page)
    title = f"cleanscrape explain: {page.source}" if page.source else "cleanscrape explain"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_STYLE}{_colour_rules(colours)}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="summary">{escape(_summary(page))}</p>',
        *_metadata(page),
        *_warnings(page.warnings),
        *_legend(page, colours),
        '<h2>Lines</h2><div class="lines">',
        *_lines(page, colours),
        "</div></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _reason_colours(page: Page) -> dict[str, int]:
    """Each drop or trim reason -> its palette index, in order of first appearance."""
    reasons = dict.fromkeys(removal.reason for removal in page.removed)
    return {reason: index % len(_PALETTE) for index, reason in enumerate(reasons)}


def _colour_rules(colours: dict[str, int]) -> str:
    # Classes by palette index, never by reason text: a reason names a CSS class only through this map.
    return "".join(f".c{index} {{ color: {colour}; }} .s{index} {{ background: {colour}; }}\n"
                   for index, colour in enumerate(_PALETTE) if index in colours.values())


def _summary(page: Page) -> str:
    verdicts = [verdict for _, verdict, _ in page.explain if verdict != "blank"]
    kept = sum(verdict in ("keep", "trim") for verdict in verdicts)
    language = f", language {page.language}" if page.language else ""
    lines = "visible lines of the HTML" if page.evidence else "lines"
    return (f"{page.kind.value} page ({page.page_type.value}){language}: {len(verdicts)} non-blank {lines}, "
            f"{kept} kept, {len(verdicts) - kept} dropped, {len(page.removed)} removals")


_ARTICLE_FIELDS = ("title", "standfirst", "published", "updated", "publisher", "section", "agency")


def _metadata(page: Page) -> Iterator[str]:
    yield "<h2>Metadata</h2>"
    if page.heading:
        yield f'<table class="meta">{_meta_row(page, "page heading", [page.heading])}</table>'
    for number, article in enumerate(page.articles, start=1):
        yield f"<h3>Article {number} ({escape(article.role.value)})</h3>"
        yield '<table class="meta">'
        for name, values in _article_values(article):
            yield _meta_row(page, name, values)
        yield "</table>"
    if not page.articles:
        yield "<p>No article: nothing was kept.</p>"


def _article_values(article: Article) -> Iterator[tuple[str, list[str]]]:
    for name in _ARTICLE_FIELDS:
        value = getattr(article, name)
        if value:
            yield name, [value]
    for name, values in (("authors", article.authors), ("editors", article.editors), ("captions", article.captions)):
        if values:
            yield name, values
    if article.dateline:
        yield "dateline", [article.dateline.place]


def _meta_row(page: Page, name: str, values: Sequence[str]) -> str:
    cells = "<br>".join(f'{escape(value)} <span class="found-in">{escape(_found_in(page, value))}</span>'
                        for value in values)
    return f"<tr><th>{escape(name)}</th><td>{cells}</td></tr>"


def _found_in(page: Page, value: str) -> str:
    """The first input line holding the value (its verdict with it), else where else it can come
    from: the page's structured data (HTML) or a normalised form of what a line said (dates)."""
    folded = value.casefold()
    for line, verdict, reason in page.explain:
        if folded and folded in line.display.casefold():
            said = f"{verdict}: {reason}" if reason else verdict
            return f"line {line.number} ({said})"
    return "structured data or parsed from a line" if page.evidence else "parsed from a line"


def _warnings(warnings: Sequence[str]) -> Iterator[str]:
    if warnings:
        yield '<h2>Warnings</h2><ul class="warnings">'
        yield from (f"<li>{escape(warning)}</li>" for warning in warnings)
        yield "</ul>"


def _legend(page: Page, colours: dict[str, int]) -> Iterator[str]:
    if not colours:
        return
    counts = page.removal_counts()
    yield '<h2>Reasons</h2><p class="legend">'
    for reason, index in colours.items():
        yield (f'<span class="reason"><span class="swatch s{index}"></span>'
               f'<span class="c{index}">{escape(reason)}</span> ({counts[reason]})</span>')
    yield "</p>"


def _lines(page: Page, colours: dict[str, int]) -> Iterator[str]:
    trims: dict[int, list[tuple[str, str]]] = {}
    for removal in page.removed:
        trims.setdefault(removal.line, []).append((removal.text, removal.reason))
    for line, verdict, reason in page.explain:
        number = f'<span class="n">{line.number}</span>'
        if verdict == "blank":
            yield f'<div class="line blank">{number}</div>'
        elif verdict == "drop":
            index = colours.get(reason, 0)
            yield (f'<div class="line drop">{number}<span class="text"><del class="c{index}" title="{escape(reason)}">'
                   f'{escape(line.display)}</del></span><span class="why c{index}">{escape(reason)}</span></div>')
        elif verdict == "trim":
            text = _with_trims_struck(line, trims.get(line.number, []), colours)
            yield (f'<div class="line trim">{number}<span class="text">{text}</span>'
                   f'<span class="why">{escape(reason)}</span></div>')
        else:  # kept; a reason here is what protected the line (user-keep)
            yield (f'<div class="line keep">{number}<span class="text">{escape(line.display)}</span>'
                   f'<span class="why">{escape(reason)}</span></div>')


def _with_trims_struck(line: Line, trims: list[tuple[str, str]], colours: dict[str, int]) -> str:
    """The line, escaped, with each trimmed fragment struck through in its reason's colour."""
    text = line.display
    spans = sorted((start, start + len(fragment), reason) for fragment, reason in trims
                   if fragment and (start := text.find(fragment)) >= 0)
    parts, position = [], 0
    for start, end, reason in spans:
        if start < position:  # overlapping fragments: the first one shows
            continue
        index = colours.get(reason, 0)
        parts.append(escape(text[position:start]))
        parts.append(f'<del class="c{index}" title="{escape(reason)}">{escape(text[start:end])}</del>')
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)
