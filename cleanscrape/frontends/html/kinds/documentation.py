"""The documentation room: the docs body trafilatura found, with its code blocks line by line.

Syntax highlighters (Shiki, Prism's line plugins, Code Hike and the like) print each line of a
<pre> as an element of its own with no line break between them, and trafilatura joins the lines
into one ("npm create vite@latest my-projectcd my-project"): a line of the body that is such a
block's joined text is given back as the block's lines.

Not done here, on measurement: the permalink marks that end Sphinx's and MkDocs' headings ("¶",
a.headerlink). Removed before the DOM evidence is gathered, a heading's text becomes the text of
its link in the sidebar's table of contents, and the heading is taken for navigation (wcxb-dev,
-0.006 to -0.010 F1 on each Sphinx page). The sidebar and the previous/next navigation (Sphinx's
div.related, Read the Docs' footer buttons, MkDocs' md-footer, Docusaurus' pagination-nav) are
left out by trafilatura already on the dev pages; signals.DOCS_LAYOUT_SELECTOR reads them as
evidence of the kind. Do no harm: the room changes only the lines it matches to the page's own
code blocks, and gives None (trafilatura's lines) when it changed nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleanscrape.frontends.html.dom import normalise_text
from cleanscrape.frontends.html.kinds.signals import PageSignals
from cleanscrape.model import Line

# Elements that are the lines of a highlighted code block: a child <div> or <span class="line">
# (Shiki), span.token-line (Prism React Renderer), span.code-line, the table rows of highlight.js's
# line-number plugin.
CODE_LINE_SELECTOR = (
    "pre > div > div, pre > code > div, pre > div.line, span.line, span.token-line, span.code-line, td.hljs-ln-code"
)


def body_paragraphs(tree: LexborHTMLParser, lines: Sequence[Line], signals: PageSignals) -> tuple[str, ...] | None:
    """Trafilatura's paragraphs with the code blocks line by line, or None when none needs it."""
    blocks = code_block_lines(tree) if signals.code_blocks else {}
    if not blocks:
        return None
    mended = [_mended(line, blocks) for line in lines]
    if all(new == [line.display] for new, line in zip(mended, lines, strict=True)):
        return None
    return tuple(_paragraphs(mended))


def code_block_lines(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """{a <pre>'s text as its lines joined with nothing between them: its lines}, for the blocks
    whose lines are elements of their own."""
    blocks: dict[str, list[str]] = {}
    for pre in tree.css("pre"):
        code_lines = _element_lines(pre)
        if len(code_lines) > 1:
            blocks[normalise_text("".join(code_lines))] = code_lines
    return blocks


def _element_lines(pre: LexborNode) -> list[str]:
    texts: list[str] = []
    seen: set[int] = set()
    for node in pre.css(CODE_LINE_SELECTOR):
        parent = node.parent
        if parent is not None and parent.mem_id in seen:
            continue  # a line inside a line (a nested span.line) belongs to its outer line
        seen.add(node.mem_id)
        texts.append(node.text(deep=True).rstrip("\n"))
    return texts


def _mended(line: Line, blocks: dict[str, list[str]]) -> list[str]:
    """A line of the body as one or more lines: a joined code block's lines, or the line as it is."""
    if not line.text:
        return [""]
    return blocks.get(normalise_text(line.text), [line.display])


def _paragraphs(lines: Iterable[list[str]]) -> list[str]:
    """Consecutive non-blank lines as one paragraph, as trafilatura's text separates them."""
    paragraphs: list[str] = []
    current: list[str] = []
    for group in lines:
        for text in group:
            if text.strip():
                current.append(text)
            elif current:
                paragraphs.append("\n".join(current))
                current = []
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs
