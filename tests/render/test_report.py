"""The explain report: every line present, every drop marked with its reason, nothing from the page unescaped."""

import pathlib
from html.parser import HTMLParser

import pytest
from conftest import ROOT

import cleanscrape
from cleanscrape.render import report

PAGES_DIR = pathlib.Path(__file__).resolve().parent / "pages"
SEED = ROOT / "seeds" / "001_aa0fc5fdb0ed2bfe.txt"
HOSTILE = (
    'A headline with "double" and \'single\' quotes\n\n'
    "The council voted on Tuesday to extend the tram line to the northern suburbs by 2028, officials said.\n\n"
    '<script>alert("kept")</script> is what the reporter typed into the story about the tram line extension.\n\n'
    '"><img src=x onerror=alert(1)> Sponsored by Tram Fans\n\n'
    "Residents welcomed the vote and said the new line would cut their journey into the city by half an hour.\n"
)


class ReportLines(HTMLParser):
    """The report's line rows: (classes of the row, its text, [(struck text, title)]); and every tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, list[tuple[str, str]]]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._in_text = self._in_del = 0
        self._del_title = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        classes = (attributes.get("class") or "").split()
        if tag == "div" and "line" in classes:
            self.rows.append((" ".join(classes), "", []))
        elif tag == "span" and "text" in classes:
            self._in_text = 1
        elif tag == "del" and self._in_text:
            self._in_del, self._del_title = 1, attributes.get("title") or ""
            self.rows[-1][2].append(("", self._del_title))

    def handle_endtag(self, tag):
        if tag == "del":
            self._in_del = 0
        elif tag == "span":
            self._in_text = 0

    def handle_data(self, data):
        if self._in_text:
            classes, text, struck = self.rows[-1]
            self.rows[-1] = (classes, text + data, struck)
            if self._in_del:
                struck[-1] = (struck[-1][0] + data, struck[-1][1])


def parse(html: str) -> ReportLines:
    parser = ReportLines()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("page", [
    cleanscrape.clean(SEED.read_bytes(), source=SEED.name),
    cleanscrape.clean((PAGES_DIR / "tram_article.html").read_bytes(), source="tram_article.html"),
    cleanscrape.clean(HOSTILE, options={"drop_phrases": ["Sponsored by"]}),
], ids=["seed", "html", "hostile"])
def test_every_line_is_in_the_report_and_every_drop_is_marked_with_its_reason(page):
    rows = parse(report(page)).rows
    assert len(rows) == len(page.explain)
    for (line, verdict, reason), (classes, text, struck) in zip(page.explain, rows, strict=True):
        if verdict == "blank":
            assert "blank" in classes
        elif verdict == "drop":
            assert "drop" in classes and struck == [(line.display, reason)]
        else:
            assert text == line.display
            if verdict == "keep":
                assert struck == []
    assert any(verdict == "drop" for _, verdict, _ in page.explain)


def test_a_trimmed_fragment_is_struck_with_its_reason_and_the_rest_stays_plain():
    page = cleanscrape.clean(
        "Museum plans tour\n\nThe city museum said on Monday that its whole collection of maps would travel to "
        "three other cities next year and return in 2028.\n\nThe tour starts in Lyon in May and ends in Turin "
        "in the <autumn>, the museum director told reporters on Monday. Reuters\n"
    )
    trims = [(line, reason) for line, verdict, reason in page.explain if verdict == "trim"]
    assert trims, "the credit should be trimmed from the line"
    row = next(row for row in parse(report(page)).rows if "trim" in row[0])
    assert row[1] == trims[0][0].display
    assert [title for _, title in row[2]] == trims[0][1].split(",")


def test_page_text_is_escaped_everywhere():
    html = report(cleanscrape.clean(HOSTILE, source='"><script>alert("source")</script>',
                                    options={"drop_phrases": ["Sponsored by"]}))
    tags = parse(html).tags
    assert {tag for tag, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p",
                                        "table", "tr", "th", "td", "span", "br", "div", "del", "ul", "li"}
    assert not any(name.startswith("on") or name == "src" for _, attributes in tags for name in attributes)
    assert "&lt;script&gt;alert(&quot;kept&quot;)&lt;/script&gt;" in html
    assert 'title="user-drop"' in html


def test_the_report_is_self_contained():
    html = report(cleanscrape.clean((PAGES_DIR / "recipe_article.html").read_bytes()))
    assert "<script" not in html and "<link" not in html and "src=" not in html and "url(" not in html
    assert "http://" not in html and "https://" not in html


def test_metadata_says_which_line_it_was_read_from():
    html = report(cleanscrape.clean(SEED.read_bytes(), source=SEED.name))
    assert "Russia in touch with other countries on Syria violence: Kremlin" in html
    assert "line 1 (drop: metadata)" in html
    assert "related-headlines</span> (12)" in html


def test_a_line_kept_by_the_user_shows_why():
    page = cleanscrape.clean(HOSTILE, options={"keep_phrases": ["residents welcomed"]})
    assert '<span class="why">user-keep</span>' in report(page)
