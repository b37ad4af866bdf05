"""The promises checks (benchmarks/promises_checks.py) each catch what they look for, and pass a
page that keeps the promise: a check that cannot fail measures nothing."""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from benchmarks.promises_checks import (
    check_authors,
    check_code,
    check_dates,
    check_language,
    check_log,
    check_page,
    check_standfirst,
    input_lines,
)
from cleanscrape import clean
from cleanscrape.model import Article, Line, Page, Removal

BODY = [
    "The council voted on Tuesday to approve the new bridge across the river after a long debate.",
    "Work starts in May, the council said, and the bridge should open to traffic two years later.",
]
CODE = "def total(items):\n    return sum(\n        item.price for item in items\n    )"
PAGE = (
    "<html><head><title>Bridge approved</title></head><body><nav><a href='/'>Home</a></nav><article>"
    "<h1>Bridge approved</h1>" + "".join(f"<p>{text}</p>" for text in BODY)
    + f"<pre>{CODE}</pre><p>Published January 5, 2025.</p></article>"
    "<footer><p>© 2025 The Daily Example</p></footer></body></html>"
)


def _page(**fields: object) -> Page:
    return Page(articles=[Article(**fields)])  # type: ignore[arg-type]


def test_a_clean_page_keeps_every_promise() -> None:
    page = clean(PAGE, content_type="html")
    assert check_page(PAGE, page, is_html=True) == []


def test_code_fails_on_a_lost_indentation_and_on_a_dropped_line_but_not_on_a_block_left_out() -> None:
    tree = LexborHTMLParser(PAGE)
    whole = "\n\n".join([*BODY, *CODE.split("\n")])
    assert check_code(tree, _page(text=whole)) == []
    flat = "\n\n".join([*BODY, *(line.strip() for line in CODE.split("\n"))])
    assert [violation.check for violation in check_code(tree, _page(text=flat))] == ["code"]
    without_paren = "\n\n".join([*BODY, *CODE.split("\n")[:-1]])
    assert "lost" in check_code(tree, _page(text=without_paren))[0].detail
    assert check_code(tree, _page(text="\n\n".join(BODY))) == []  # the whole block left out


def test_dates_fail_on_a_year_read_as_january_first_only() -> None:
    assert [v.check for v in check_dates(PAGE, _page(text="x", published="2025-01-01"))] == ["dates"]
    assert check_dates(PAGE, _page(text="x", published="2025-01-05")) == []
    new_year = PAGE.replace("January 5, 2025", "January 1, 2025")
    assert check_dates(new_year, _page(text="x", published="2025-01-01")) == []


def test_log_fails_on_a_missing_row_a_borrowed_number_a_blank_row_and_rows_out_of_order() -> None:
    page = clean(PAGE, content_type="html")
    lines = input_lines(PAGE, is_html=True)
    assert check_log(lines, page) == []
    rows = list(page.explain)
    missing = dataclasses.replace(page, explain=tuple(rows[1:]))
    assert any("no row" in v.detail for v in check_log(lines, missing))
    body_row = next(index for index, (line, _, _) in enumerate(rows) if line.text == BODY[1])
    line, verdict, reason = rows[body_row]
    borrowed = rows[:body_row] + [(Line(line.number - 1, line.text), verdict, reason)] + rows[body_row + 1:]
    found = check_log(lines, dataclasses.replace(page, explain=tuple(borrowed)))
    assert any("misnumbered" in v.detail for v in found) and any("no row" in v.detail for v in found)
    blank = rows + [(Line(1, ""), "blank", "")]
    assert any("blank row" in v.detail for v in check_log(lines, dataclasses.replace(page, explain=tuple(blank))))
    swapped = [rows[1], rows[0], *rows[2:]]
    assert any("out of order" in v.detail for v in check_log(lines, dataclasses.replace(page, explain=tuple(swapped))))


def test_log_passes_a_row_that_spans_lines_around_a_nested_tables_rows() -> None:
    # A layout table's row printed as one line, its nested table's cells as a row of their own:
    # the outer row spells lines 1, 4 and 5 around them, and every line has its one row.
    lines = (Line(1, "Aesop for every day"), Line(2, "Origami corner"), Line(3, "fold a paper dog"),
             Line(4, "A dog carrying meat crossed a bridge."), Line(5, "The end"))
    explain = ((Line(1, "Aesop for every day A dog carrying meat crossed a bridge. The end"), "keep", ""),
               (Line(2, "Origami corner fold a paper dog"), "keep", ""))
    assert check_log(lines, Page(explain=explain)) == []
    # Without the outer row's last words, its last line has no row.
    cut = ((Line(1, "Aesop for every day A dog carrying meat crossed a bridge."), "keep", ""), explain[1])
    assert [v.detail for v in check_log(lines, Page(explain=cut))] == ["no row: line 5 'The end'"]


def test_standfirst_fails_on_a_summary_dropped_as_metadata_and_not_kept() -> None:
    deck = "What does it cost and when will the first cars drive across it?"
    lost = Page(articles=[Article(title="Bridge approved", text="x")], removed=[Removal(3, deck, "metadata")])
    assert [v.check for v in check_standfirst(lost)] == ["standfirst"]
    lost.articles[0].standfirst = deck
    assert check_standfirst(lost) == []
    headline = Page(articles=[Article(title="Council approves the bridge across the river at last", text="x")],
                    removed=[Removal(3, "Council approves the bridge across the river, at last.", "metadata")])
    assert check_standfirst(headline) == []


def test_authors_fail_on_labels_titles_and_agencies() -> None:
    assert check_authors(_page(text="x", authors=["Jane Walker"])) == []
    bad = check_authors(_page(text="x", authors=["Stand", "Reuters", "Jane Walker Marketing Manager"]))
    assert len(bad) == 3


def test_language_fails_on_a_language_the_script_contradicts() -> None:
    han = "北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心。" * 3
    assert [v.check for v in check_language(Page(language="vi", articles=[Article(text=han)]))] == ["language"]
    assert check_language(Page(language="zh", articles=[Article(text=han)])) == []
    assert check_language(Page(language="ru", articles=[Article(text=BODY[0])])) != []


def test_code_reads_blocks_as_a_reader_sees_them() -> None:
    # A <code> in a paragraph wrapped in the source is one line (HTML collapses its line break), a
    # <code> broken by <br>s is a block, and a zero-width space at a line's end is invisible.
    inline = "<p>Call <code>send(name,\nretries)</code> with the event's fields in the order shown here.</p>"
    broken = "<code>./configure --prefix=/usr/local<br>make<br>make install</code>"
    tree = LexborHTMLParser(f"<body>{inline}{broken}<pre>ls -la /var/log\u200b\ntail -n 50 syslog</pre></body>")
    lines = ["./configure --prefix=/usr/local", "make", "make install", "ls -la /var/log", "tail -n 50 syslog"]
    assert check_code(tree, _page(text="\n".join(lines))) == []
    assert [v.detail for v in check_code(tree, _page(text="\n".join(lines[:1] + lines[2:])))] == [
        "lost: 'make' (block of 3 lines)"]


def test_code_does_not_judge_a_block_whose_lines_a_whole_block_explains() -> None:
    # A tutorial's stylesheet, then the same with one short rule more that the extractor left out:
    # its telling lines are all the first block's, so they tell nothing of whether it was kept.
    first = "body {\n  font-family: sans-serif;\n}\nsection {\n  zoom: 0.8;\n}"
    second = first + "\nmain {\n}"
    tree = LexborHTMLParser(f"<body><pre>{first}</pre><pre>{second}</pre></body>")
    assert check_code(tree, _page(text=first)) == []
    garbled = first.replace("  zoom", "zoom")
    assert check_code(tree, _page(text=garbled)) != []  # with no whole copy, the blocks are judged
