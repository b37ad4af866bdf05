from cleanscrape.model import Document, Label, Line, Verdict


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
