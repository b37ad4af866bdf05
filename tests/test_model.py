import re

from cleanscrape.model import Document, Label, Line, PageText, Verdict


def test_kept_text_removes_trimmed_spans():
    doc = Document(lines=(Line(1, "He left in December. Reuters"),))
    trim = Label(0, Verdict.DROP, "credit", span=(20, 28))
    doc = Document(lines=doc.lines, trims=((trim,),))
    assert doc.kept_text(0) == "He left in December."


def test_kept_indices_skip_blank_and_dropped_lines():
    lines = (Line(1, "a"), Line(2, ""), Line(3, "b"), Line(4, "c"))
    labels = (None, None, Label(2, Verdict.DROP, "chrome"), Label(3, Verdict.KEEP, "user-keep"))
    doc = Document(lines=lines, labels=labels)
    assert list(doc.kept_indices()) == [0, 3]
    assert doc.is_protected(3) and not doc.is_protected(0)


def test_line_display_restores_list_marker():
    assert Line(1, "World", marker="•").display == "• World"
    assert Line(1, "World").display == "World"


def test_page_text_finds_the_lines_holding_words_or_a_pattern():
    lines = tuple(Line(number, text) for number, text in enumerate(["Get the APP", "", "happy app apps", "İstanbul ©", "none"], 1))
    page = PageText.of(lines)
    assert page.text.split("\n") == [line.text for line in lines]
    assert len(page.folded) == len(page.text)  # İ folds to one character, so offsets still line up
    assert page.lines_containing(("app", "©")) == [0, 2, 3]
    assert page.lines_containing(("istanbul",)) == [3]
    assert page.lines_containing(("zebra",)) == []
    assert page.lines_hit(re.compile(r"\b[A-Z]{3}$", re.MULTILINE)) == [0]


def test_a_document_makes_its_page_text_from_its_lines():
    doc = Document(lines=(Line(1, "a"), Line(2, "B")))
    assert doc.page_text.text == "a\nB" and doc.page_text.folded == "a\nb" and doc.page_text.starts == (0, 2)
