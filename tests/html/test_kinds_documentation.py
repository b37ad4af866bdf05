"""The documentation room (frontends/html/kinds/documentation.py): a highlighted code block whose
lines are elements of their own comes back line by line; everything else stays as trafilatura has it."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleanscrape import clean
from cleanscrape.decode.normalize import split_lines
from cleanscrape.frontends.html.kinds import PageSignals, documentation
from cleanscrape.model import PageType

INTRO = ("Tailwind scans your templates for class names, generates the matching styles and writes them "
         "to a static stylesheet, so the page ships only the styles it uses.")
STEP = "Start by creating a new project with the build tool's own starter, then change into its folder."
AFTER = "Then install the plugin and the framework itself with the package manager you already use."
SHIKI = ('<pre class="shiki" tabindex="0"><code><span class="line"><span style="color:#f47">npm</span>'
         '<span style="color:#7cf"> create vite@latest my-project</span></span>'
         '<span class="line"><span style="color:#a7f">cd</span><span style="color:#7cf"> my-project</span></span>'
         "</code></pre>")


def docs_page(code: str) -> str:
    """A page of a docs site: its navigation in a sidebar, the body in <main>, a pager after it."""
    return f"""<html><head><title>Installation - Docs</title><meta name="generator" content="Docusaurus v3.1.0">
<link rel="canonical" href="https://docs.example.org/docs/installation"></head><body>
<div class="theme-doc-sidebar-container"><nav><a href="/docs/">Introduction</a> <a href="/docs/installation">Installation</a>
<a href="/docs/config">Configuration</a> <a href="/docs/plugins">Plugins</a></nav></div>
<main><article><div class="theme-doc-markdown markdown"><h1>Installation</h1>
<p>{INTRO}</p><p>{STEP}</p>{code}<p>{AFTER}</p>{code.replace("my-project", "other-project")}</div></article>
<nav class="pagination-nav"><a class="pagination-nav__link--prev" href="/docs/">Previous Introduction</a>
<a class="pagination-nav__link--next" href="/docs/config">Next Configuration</a></nav></main></body></html>"""


def test_a_highlighted_code_block_keeps_its_lines_apart_on_a_docs_page():
    page = clean(docs_page(SHIKI), content_type="html")
    assert page.page_type is PageType.DOCUMENTATION
    lines = page.text.splitlines()
    assert "npm create vite@latest my-project" in lines and "cd my-project" in lines
    assert "my-projectcd" not in page.text
    for kept in (INTRO, STEP, AFTER):
        assert kept in page.text
    assert "Next Configuration" not in page.text and "Plugins" not in page.text


def test_the_room_gives_trafilaturas_lines_back_when_no_code_block_was_joined():
    tree = LexborHTMLParser(docs_page("<pre><code>npm create vite@latest my-project\ncd my-project</code></pre>"))
    lines = split_lines("\n".join([INTRO, STEP, "npm create vite@latest my-project", "cd my-project", AFTER]))
    assert documentation.body_paragraphs(tree, lines, PageSignals(code_blocks=2)) is None


def test_code_block_lines_reads_each_line_element_once():
    nested = '<pre><code><span class="line"><span class="line">a = 1</span></span><span class="line">b = 2</span></code></pre>'
    assert documentation.code_block_lines(LexborHTMLParser(nested)) == {"a = 1b = 2": ["a = 1", "b = 2"]}
