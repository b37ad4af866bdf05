"""Markdown output: golden files for hand-written pages, and the rules one at a time.

Regenerate the goldens with `python -m pytest tests/render --update-golden`, then read every diff.
"""

import pathlib

import pytest

import cleanscrape
from cleanscrape.model import Article, Block, Evidence, Line, Page, PageKind
from cleanscrape.render import markdown

PAGES_DIR = pathlib.Path(__file__).resolve().parent / "pages"
GOLDEN_DIR = pathlib.Path(__file__).resolve().parent / "golden"
PAGES = sorted(PAGES_DIR.iterdir())


def page_of(path: pathlib.Path) -> Page:
    return cleanscrape.clean(path.read_bytes(), source=path.name)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_page_matches_its_golden_markdown(path, update_golden):
    golden = GOLDEN_DIR / f"{path.name}.md"
    actual = markdown(page_of(path))
    if update_golden:
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_dropped_lines_are_not_in_the_markdown_and_kept_ones_are(path):
    page = page_of(path)
    text = markdown(page)
    unescaped = text.replace("\\", "")  # escaping only adds backslashes
    for line, verdict, _ in page.explain:
        if verdict == "drop" and line.text != page.title:
            assert line.text not in unescaped
        elif verdict == "keep":
            assert line.text in unescaped


def test_html_structure_becomes_markdown():
    text = markdown(page_of(PAGES_DIR / "tram_article.html"))
    assert text.startswith("# Council votes to extend the tram line north\n\n")
    assert "\n## The route\n" in text and "\n### Stops\n" in text
    assert "\n1. It avoids the narrow High Street" in text and "\n3. Building in the cutting" in text
    assert "\n| Stop | Opens | Minutes from the centre |\n|---|---|---|\n| Mill Road | 2029 | 9 |\n" in text
    assert '\n> "At last. Twenty minutes' in text
    assert "```\ndef minutes_between_trams(hour):\n    if 7 \\<= hour" not in text  # code is not escaped
    assert "```\ndef minutes_between_trams(hour):\n    if 7 <= hour < 10 or 16 <= hour < 19:\n        return 6\n" in text
    assert "Sign up for our free morning newsletter" not in text  # dropped as promo


def test_text_input_gets_its_title_a_subheading_and_a_list():
    text = markdown(page_of(PAGES_DIR / "library_text.txt"))
    assert text.startswith("# Old harbour library reopens after two-year repair\n\n")
    assert "\n## What was saved\n" in text
    assert "\n- Shipping registers from 1850 to 1950, all saved\n- Harbour master's" in text
    assert "Harbour Times. All rights reserved" not in text


def article_page(*paragraphs: str, markers: dict[int, str] | None = None, title: str | None = "Title") -> Page:
    """A page of one article whose paragraphs are input lines 1, 2, ... (no evidence: text input)."""
    markers = markers or {}
    lines = [Line(number, text, markers.get(number, "")) for number, text in enumerate(paragraphs, start=1)]
    shown = [line.display for line in lines]
    return Page(
        kind=PageKind.ARTICLE,
        articles=[Article(title=title, text="\n\n".join(shown), lines=[line.number for line in lines])],
        explain=tuple((line, "keep", "") for line in lines),
    )


@pytest.mark.parametrize(("paragraph", "written"), [
    ("# not a heading", "\\# not a heading"),
    ("> not a quote", "\\> not a quote"),
    ("- not a list", "\\- not a list"),
    ("2026. A year", "2026\\. A year"),
    ("---", "\\---"),
    ("<script>alert(1)</script> *bold* _it_ [link](x) `code`",
     "\\<script>alert(1)\\</script> \\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`"),
])
def test_text_that_looks_like_markup_is_escaped(paragraph, written):
    assert markdown(article_page(paragraph)) == f"# Title\n\n{written}\n"


def test_a_table_without_a_separator_row_gets_one():
    page = article_page("| a | b |", "| 1 | 2 |")
    assert markdown(page) == "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"


def test_list_items_with_any_bullet_become_one_tight_list():
    page = article_page("First item here", "Second item here", markers={1: "•", 2: "*"})
    assert markdown(page) == "# Title\n\n- First item here\n- Second item here\n"


def test_a_listing_has_the_page_heading_on_top_and_item_titles_below_it():
    page = Page(kind=PageKind.LISTING, heading="Latest news", articles=[
        Article(title=f"Story {number}", text=f"Teaser {number}.") for number in (1, 2, 3)
    ])
    assert markdown(page) == (
        "# Latest news\n\n## Story 1\n\nTeaser 1.\n\n## Story 2\n\nTeaser 2.\n\n## Story 3\n\nTeaser 3.\n"
    )


def test_an_empty_page_is_empty_markdown():
    assert markdown(cleanscrape.clean("")) == ""


def test_numbered_items_count_from_the_start_of_their_own_run():
    page = article_page("One", "Two", "Bullet", "Again", markers={1: "-", 2: "-", 3: "-", 4: "-"})
    ordered = Evidence(block=Block.ORDERED_ITEM)
    page.evidence = (ordered, ordered, Evidence(), ordered)
    assert markdown(page) == "# Title\n\n1. One\n2. Two\n- Bullet\n1. Again\n"
