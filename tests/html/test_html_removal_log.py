"""The HTML removal log accounts for every visible text line: kept, dropped by a stage, or left
out by the extractor (issue #16)."""

from __future__ import annotations

from helpers import unaccounted_visible_lines
from selectolax.lexbor import LexborHTMLParser

from benchmarks.promises_checks import check_log, input_lines
from cleanscrape import clean
from cleanscrape.assemble.build import explain_rows, extractor_removals
from cleanscrape.frontends.html.visible import comparison_key, comparison_keys, trace, visible_lines, visible_text
from cleanscrape.model import Document, Evidence, Line

BODY = [
    "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028.",
    "Work on the first section will start next spring, the mayor told reporters after the vote.",
    "Opponents said the cost, estimated at 240 million euros, was too high for a city of its size.",
    "The regional government has promised to pay a third of the bill if the line opens on time.",
]
PAGE = (
    "<html><head><title>Tram line</title><style>p { color: red }</style></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li>Sport</li></ul></nav>"
    "<article><h1>Council backs tram extension</h1>"
    + "".join(f"<p>{text}</p>" for text in BODY[:2])
    + "<p>Opponents said <a href='/cost'>the cost</a>, estimated at 240 million euros, was too high"
      " for a city of its size.</p>"
    + f"<p>{BODY[3]}</p></article>"
    "<footer><p>Contact us</p><p>Jobs at the Daily Example</p></footer>"
    "<script>var hidden = 'never seen';</script></body></html>"
)


def test_visible_lines_are_numbered_from_one_without_blanks_or_unseen_text() -> None:
    lines = visible_lines(visible_text(LexborHTMLParser(PAGE)))
    shown = [line for line in lines if line.text]
    assert [line.number for line in shown] == list(range(1, len(shown) + 1))
    assert shown[0].text == "Home" and not any("hidden" in line.text or "color" in line.text for line in lines)
    assert [line.text for line in shown[-2:]] == ["Contact us", "Jobs at the Daily Example"]


def test_the_comparison_key_drops_every_unicode_space_the_table_cell_pipes_and_what_renders_as_nothing() -> None:
    spaces = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
    assert comparison_key(f"Tram{spaces}line | 2028\u200b") == "Tramline2028"
    # A soft hyphen and a recipe's invisible separator, which the extractor drops and the page keeps.
    assert comparison_key("Anti\u00adimperialismus") == comparison_key("Antiimperialismus")
    assert comparison_key("1 tbsp sugar\u2063") == comparison_key("1 tbsp sugar")
    # trafilatura escapes a pipe inside a table cell.
    assert comparison_key("| Siding Replacement \\| Vinyl | $16,348 |") == comparison_key("Siding Replacement | Vinyl $16,348")
    assert comparison_keys(["a b", "c | d", "\x00e f"]) == ["ab", "cd", "ef"]  # one holds the join character
    # What is not printable, which trafilatura removes: a control character, an unassigned code point.
    assert comparison_keys(["0\x08", "0\U00011d3e", "Tram line"]) == ["0", "0", "Tramline"]


def test_trace_numbers_an_extracted_paragraph_by_its_first_visible_line_and_finds_what_was_left_out() -> None:
    visible = (Line(1, "Home"), Line(2, "News"), Line(3, "Opponents said"), Line(4, "the cost"),
               Line(5, ", a lot."), Line(6, "a | b"), Line(7, "Contact us"))
    extracted = (Line(1, "Opponents said the cost , a lot."), Line(2, "a | b |"))
    traced = trace(extracted, visible)
    assert [line.number for line in traced.lines] == [3, 6]
    assert [line.text for line in traced.left_out] == ["Home", "News", "Contact us"]


def test_a_dateline_whose_dash_opens_the_next_visible_line_is_numbered_by_the_place_line() -> None:
    # "<span>Indianapolis</span><br>– Several thousand ...": normalisation splits the dash off the
    # second visible line as a list marker; the extractor keeps it inside one paragraph.
    visible = (Line(1, "Home"), Line(2, "Indianapolis"),
               Line(3, "Several thousand teachers wearing red rallied on Tuesday.", marker="–"),
               Line(4, "Contact us"))
    extracted = (Line(1, "Indianapolis – Several thousand teachers wearing red rallied on Tuesday."),)
    traced = trace(extracted, visible)
    assert [line.number for line in traced.lines] == [2]
    assert [line.text for line in traced.all_left_out] == ["Home", "Contact us"]
    assert comparison_key("– Several - thousand • red") == "Severalthousandred"


def test_a_visible_line_the_extractor_printed_elsewhere_is_not_left_out() -> None:
    visible = (Line(1, "Opponents said"), Line(2, "Tram line"), Line(3, "The tram line opens in 2028."))
    traced = trace((Line(1, "The tram line opens in 2028."), Line(2, "Opponents said")), visible)
    assert [line.text for line in traced.left_out] == ["Tram line"]  # "Tram line" alone: case differs


def test_extractor_removals_group_consecutive_lines_in_page_order() -> None:
    left_out = (Line(1, "Home"), Line(2, "News"), Line(9, "Contact us"), Line(10, "Jobs"))
    removals = list(extractor_removals(left_out))
    assert [(removal.line, removal.text, removal.reason) for removal in removals] == [
        (1, "Home\nNews", "extractor"), (9, "Contact us\nJobs", "extractor")]


def test_every_visible_line_of_an_html_page_is_kept_or_logged() -> None:
    page = clean(PAGE, content_type="html")
    assert BODY[0] in page.text and BODY[2] in page.text  # the article survives, link and all
    extractor = [removal for removal in page.removed if removal.reason == "extractor"]
    assert extractor and "Home" in extractor[0].text and extractor[0].line == 1
    assert any("Jobs at the Daily Example" in removal.text for removal in page.removed)
    assert [removal.line for removal in page.removed] == sorted(removal.line for removal in page.removed)
    assert unaccounted_visible_lines(PAGE, page) == []


def test_the_accounting_check_can_fail() -> None:
    page = clean(PAGE, content_type="html")
    page.removed = [removal for removal in page.removed if removal.reason != "extractor"]
    assert "Home" in unaccounted_visible_lines(PAGE, page)


def test_explain_lists_every_visible_line_in_page_order_with_the_extractor_lines_dropped() -> None:
    page = clean(PAGE, content_type="html")
    shown = [line.text for line in visible_lines(visible_text(LexborHTMLParser(PAGE)))]
    rows = [(line, verdict, reason) for line, verdict, reason in page.explain if verdict != "blank"]
    assert [line.number for line, _, _ in rows] == sorted(line.number for line, _, _ in rows)
    left_out = [line.text for line, verdict, reason in rows if reason == "extractor"]
    assert left_out[:2] == ["Home", "News"] and left_out[-2:] == ["Contact us", "Jobs at the Daily Example"]
    assert all(verdict == "drop" for _, verdict, reason in rows if reason == "extractor")
    explained = " ".join(line.text for line, _, _ in rows)
    assert all(text in explained for text in shown)
    # The front end's evidence stays aligned with the rows: one each, the left-out lines' empty.
    assert len(page.evidence) == len(page.explain)


def test_explain_puts_a_title_the_extractor_moved_first_in_line_order_and_gives_blank_lines_no_row() -> None:
    # trafilatura printed the headline (visible line 6) before the paragraph above it (line 3), and
    # a blank line between paragraphs (no visible line: it would carry another line's number).
    lines = (Line(6, "Council backs tram extension"), Line(6, ""), Line(3, BODY[0]), Line(7, BODY[1]))
    left_out = (Line(1, "Home"), Line(4, "Share"), Line(7, "Advertisement"), Line(9, "Contact us"))
    rows = explain_rows(Document(lines=lines, left_out=left_out, evidence=(Evidence(),) * len(lines)))
    assert [(line.number, reason) for (line, _, reason), _ in rows] == [
        (1, "extractor"), (3, ""), (4, "extractor"), (6, ""), (7, ""), (7, "extractor"), (9, "extractor")]


def test_a_visible_line_whose_text_the_article_holds_elsewhere_still_gets_a_row() -> None:
    # A menu's "Sport" is a word of the article too: not text lost, but a visible line to log.
    visible = (Line(1, "Sport"), Line(2, "The Sport section opens a new page on Monday."))
    traced = trace((Line(1, "The Sport section opens a new page on Monday."),), visible)
    assert traced.left_out == () and [line.number for line in traced.all_left_out] == [1]


def test_an_extracted_headline_takes_its_own_line_not_an_earlier_one_that_begins_alike() -> None:
    # The page prints "Headline - Site" in a banner above the headline itself.
    visible = (Line(1, "Council backs tram extension - The Daily Example"), Line(2, "Home"),
               Line(3, "Council backs tram extension"), Line(4, BODY[0]))
    traced = trace((Line(1, "Council backs tram extension"), Line(2, BODY[0])), visible)
    assert [line.number for line in traced.lines] == [3, 4]
    assert [line.number for line in traced.all_left_out] == [1, 2]


def test_every_visible_line_of_a_page_has_one_row_under_its_own_number() -> None:
    html = PAGE.replace("<body>", "<body><div class='banner'>Council backs tram extension - Daily Example</div>")
    page = clean(html, content_type="html")
    rows = [line for line, verdict, _ in page.explain if verdict != "blank"]
    shown = [line for line in visible_lines(visible_text(LexborHTMLParser(html))) if line.text]
    assert check_log(input_lines(html, is_html=True), page) == []  # a paragraph's row spans its lines
    assert all(verdict != "blank" for _, verdict, _ in page.explain)
    headline = next(row for row in rows if row.text == "Council backs tram extension")
    assert shown[headline.number - 1].text == "Council backs tram extension"


def test_text_the_extractor_prints_twice_is_kept_once_and_its_lines_get_one_row() -> None:
    # A product grid trafilatura (or its fallback) printed twice: the second print covers no visible
    # line the first did not, so it is a repeat, not text of the page.
    visible = (Line(1, "All models."), Line(2, "Take your pick."), Line(3, "From $599"), Line(4, "Contact us"))
    extracted = (Line(1, "All models."), Line(2, "Take your pick."), Line(3, "From $599"),
                 Line(4, ""), Line(5, "All models."), Line(6, "Take your pick."))
    traced = trace(extracted, visible)
    assert traced.repeats == frozenset({4, 5})
    assert [line.text for line in traced.printed_once] == ["All models.", "Take your pick.", "From $599", ""]
    # A line the page itself prints twice is no repeat: each print covers a line of its own.
    twice = trace((Line(1, "Share"), Line(2, "Share")), (Line(1, "Share"), Line(2, "Body"), Line(3, "Share")))
    assert twice.repeats == frozenset() and [line.number for line in twice.lines] == [1, 3]


def test_a_paragraph_whose_first_words_an_inline_formula_interrupts_starts_on_its_own_line() -> None:
    # "A square matrix <math>A</math> is Hermitian ...": the extractor leaves the formula out.
    visible = (Line(1, "edit"), Line(2, "A square matrix"), Line(3, "A"), Line(4, "{\\displaystyle A}"),
               Line(5, "is Hermitian if and only if it is equal to its"), Line(6, "adjoint"), Line(7, "."))
    traced = trace((Line(1, "A square matrix is Hermitian if and only if it is equal to its adjoint."),), visible)
    assert [line.number for line in traced.lines] == [2]
    assert [line.text for line in traced.all_left_out] == ["edit", "A", "{\\displaystyle A}"]


def test_a_pages_own_mojibake_is_repaired_before_the_extractor_reads_it() -> None:
    # The page's source holds "youâ\x80\x99ll" (UTF-8 read as cp1252 and saved again); trafilatura
    # drops the C1 characters, and its "youâll" no repair can read. Repaired first, the kept text and
    # the visible line agree, and the paragraph is logged once under its own number.
    sentence = "When you understand ownership, you’ll have a solid foundation for the chapters that follow."
    broken = sentence.encode("utf-8").decode("latin-1")
    page = clean(f"<html><body><nav>Home</nav><main><h1>What is Ownership?</h1><p>{broken}</p>"
                 f"<p>{BODY[0]}</p><p>{BODY[1]}</p></main></body></html>", content_type="html")
    assert sentence in page.text and "â" not in page.text
    numbers = [line.number for line, verdict, _ in page.explain if "ownership" in line.text]
    assert len(numbers) == 1
