"""Normalisation: repair what scraping broke, preserve what the author typed."""

import pytest

from cleanscrape.decode.normalize import nonblank_lines, repair, split_lines
from cleanscrape.model import Line


def texts(text):
    return [line.text for line in split_lines(text)]


def test_crlf_and_lone_cr_become_line_breaks_and_lines_are_numbered_from_one():
    lines = split_lines("first\r\nsecond\rthird\nfourth")
    assert [(line.number, line.text) for line in lines] == [(1, "first"), (2, "second"), (3, "third"), (4, "fourth")]


def test_unicode_line_and_paragraph_separators_break_lines():
    assert texts("one\u2028two\u2029three") == ["one", "two", "three"]


def test_blank_lines_keep_their_numbers():
    assert [(line.number, line.is_blank) for line in split_lines("a\n\n \nb")] == [(1, False), (2, True), (3, True), (4, False)]


def test_nonblank_lines_are_split_lines_without_the_blank_ones_numbered_in_their_own_order():
    text = "• Politics\n\n \u200b\nSport  news\n\t\u00a0 \n\u200b  Weather\t\u00a0forecast \u00a0\n"
    assert nonblank_lines(text) == (Line(1, "Politics", "•"), Line(2, "Sport news"), Line(3, "Weather forecast"))
    assert [(line.text, line.marker) for line in nonblank_lines(text)] == [
        (line.text, line.marker) for line in split_lines(text) if line.text]


def test_decomposed_characters_are_composed_to_nfc():
    assert texts("cafe\u0301 Mu\u0308nchen") == ["caf\u00e9 M\u00fcnchen"]


def test_invisible_characters_at_line_edges_are_trimmed():
    assert texts("\u00a0\u200b Title \u00a0\u200b\ufeff\n\tTabbed\u3000") == ["Title", "Tabbed"]


def test_runs_of_spaces_and_nbsp_inside_a_line_collapse_to_one_space():
    assert texts("two  spaces\u00a0\u00a0and nbsp") == ["two spaces and nbsp"]


@pytest.mark.parametrize("bullet", ["•", "·", "▪", "●", "■", "►", "-", "*", "–", "✓"])
def test_a_list_bullet_becomes_the_marker_and_is_not_part_of_the_text(bullet):
    [line] = split_lines(f"{bullet} Politics")
    assert (line.marker, line.text, line.display) == (bullet, "Politics", f"{bullet} Politics")


@pytest.mark.parametrize("text", ["-5 degrees overnight", "*Terms apply", "—the end", "• "])
def test_a_bullet_without_a_following_space_and_word_is_text(text):
    [line] = split_lines(text)
    assert line.marker == ""


def test_mojibake_is_repaired():
    broken = "The caf\u00e9 was \u2018great\u2019 \u2014 really".encode("utf-8").decode("cp1252")
    assert repair(broken) == "The caf\u00e9 was \u2018great\u2019 \u2014 really"


def test_mojibake_on_one_line_is_repaired_without_touching_correct_typography_on_another():
    broken = "Caf\u00e9 \u2014 open".encode("utf-8").decode("cp1252")
    assert texts(broken + "\nShe said \u201cfine\u201d \u2013 and left\u2026") == ["Caf\u00e9 \u2014 open", "She said \u201cfine\u201d \u2013 and left\u2026"]


@pytest.mark.parametrize(
    "text",
    [
        "She said \u201cfine\u201d and \u2018maybe\u2019 \u2014 then left \u2013 quickly\u2026",
        "\u00ab Nous devons agir \u00bb, a-t-il dit.",
        "\u201eWir bedauern das\u201c, sagte er.",
        "\uff21\uff22\uff23\uff11\uff12\uff13 full-width",
        "\u6771\u4eac\u3001\uff12\uff10\uff12\uff15\u5e74\uff01",
        "\ufb01nal of\ufb01ce",  # ligatures are what the author typed
        "1\u00bd cups, 20\u00b0C",
    ],
)
def test_typography_is_preserved(text):
    assert repair(text) == text


def test_split_lines_returns_line_objects():
    assert split_lines("• a") == (Line(number=1, text="a", marker="•"),)


def test_mojibake_check_agrees_with_ftfy_on_the_whole_text_and_finds_every_match():
    import random

    from ftfy import badness

    from cleanscrape.decode.mojibake import looks_like_mojibake, mojibake_positions

    rnd = random.Random(0)
    alphabet = "abcAZ .,\n" + "".join(map(chr, [*range(0x80, 0x250), *range(0x2010, 0x2030), 0x221E, 0x2248, 0x0412, 0x0420, 0x0392, 0x20AC, 0x2122, 0x0153, 0xF8FF]))
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40))) for _ in range(5000)]
    # Mostly ASCII, as on an English page: only the positions near non-ASCII runs are tried.
    texts += ["".join("x" * rnd.randint(0, 30) + rnd.choice(alphabet[9:]) + rnd.choice(alphabet) for _ in range(5)) for _ in range(5000)]
    texts += ["plain ASCII only", "caf\u00c3\u00a9 " * 3, "x" * 50 + "\u00e2\u20ac\u2122" + "y" * 50, "\u00c3 at the start", "\u0413\u045e\u0412\u0402\u0412\u00b7a"]
    assert any(badness.is_bad(text) for text in texts) and not all(badness.is_bad(text) for text in texts)
    for text in texts:
        assert looks_like_mojibake(text) == badness.is_bad(text), text
        assert list(mojibake_positions(text)) == [
            position for position in range(len(text)) if badness.BADNESS_RE.match(text, position)], text


def test_only_the_positions_before_a_branch_s_rarest_characters_are_tried():
    from cleanscrape.decode import mojibake

    assert mojibake.BRANCH_NEEDS is not None, "ftfy's regex changed shape: the whole text is scanned again"
    # No branch of ftfy's regex needs only curly quotes and dashes: an English page tries nothing.
    assert mojibake._anchored_starts("It\u2019s a \u201clong\u201d way \u2014 said the man.", mojibake.BRANCH_NEEDS) == []
    assert not mojibake.looks_like_mojibake("It\u2019s a long way \u2014 said the man.")
    assert mojibake.looks_like_mojibake("It costs 5 euros\u00c2 a day.")  # UTF-8 NBSP read as Windows-1252


def test_every_whitespace_character_at_line_edges_is_trimmed_like_str_strip_would():
    """A line's text must be final: kept_text() strips with str.strip(), which also knows the
    information separators, vertical tab, form feed and NEL."""
    assert texts("\x1fA?\x1c\n\x0bform\x0c\n\u1680next\u2005") == ["A?", "form", "next"]
    assert all(line.text == line.text.strip() for line in split_lines("\x1e x \x1d\n\u2005y\x0b"))
