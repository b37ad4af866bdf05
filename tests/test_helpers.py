"""The custom assertion helper can fail."""

from helpers import unaccounted_lines

from cleanscrape.model import Article, Page, Removal

TEXT = "Title of the page\n\nA paragraph that must be somewhere.\nShare"


def test_unaccounted_lines_reports_a_line_that_is_neither_in_the_text_nor_removed():
    page = Page(kind="article", articles=[Article(text="A paragraph that must be somewhere.")], removed=[Removal(4, "Share", "chrome")])
    assert unaccounted_lines(TEXT, page) == ["Title of the page"]


def test_unaccounted_lines_reports_a_trimmed_line_whose_kept_part_is_missing():
    text = "A paragraph that ends with an agency credit as wire copy does. Reuters"
    page = Page(kind="article", articles=[Article(text="something else")], removed=[Removal(1, "Reuters", "credit")])
    assert unaccounted_lines(text, page) == [text]


def test_unaccounted_lines_accepts_a_page_that_accounts_for_everything():
    page = Page(
        kind="article",
        articles=[Article(text="A paragraph that must be somewhere.")],
        removed=[Removal(1, "Title of the page", "metadata"), Removal(4, "Share", "chrome")],
    )
    assert unaccounted_lines(TEXT, page) == []


def test_a_trimmed_fragment_may_have_been_cut_at_any_of_its_places():
    line = "He left in December. Reuters reported it first. He said so. Reuters"
    page = Page(kind="article", articles=[Article(text="He left in December. Reuters reported it first. He said so.")],
                removed=[Removal(1, "Reuters", "credit")])
    assert unaccounted_lines(line, page) == []
    elsewhere = Page(kind="article", articles=[Article(text="He left in December. reported it first.")],
                     removed=[Removal(1, "Reuters", "credit")])
    assert unaccounted_lines(line, elsewhere) == [line]
