import pytest

from cleanscrape.text.shapes import is_headline, is_prose, word_count


@pytest.mark.parametrize(
    "text, words",
    [("a - b", 2), ("| | x", 1), ("---", 0), ("Hello, world!", 2), ("", 0), ("__init__ is it", 3), ("日本語のテキストです", 6)],
)
def test_word_count_counts_tokens_with_a_letter_or_digit(text, words):
    assert word_count(text) == words


def test_prose_and_headline_shapes():
    assert is_prose("The council voted on Tuesday to extend the tram line.")
    assert not is_prose("Council extends tram line north")
    assert is_headline("Council extends tram line north")
    assert is_headline("Is this the end of the bus?") and not is_prose("Is this the end of the bus?")
