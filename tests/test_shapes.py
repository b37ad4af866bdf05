import pytest

from cleanscrape.text.shapes import is_headline, is_prose, letter_count, word_count


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


def test_word_and_letter_counts_of_symbols_underscores_and_numbers():
    # Tokens of symbols or underscores alone are no words; a token with a letter or digit is one.
    assert word_count("Read more » _ __ — 3 __init__ e-mail") == 5
    assert word_count("  \u00a0 ") == 0
    assert word_count("日本語のテキスト") == 5  # the token, and its eight unspaced characters two to a word
    # Letters only: no digit, underscore, mark of punctuation or space.
    assert letter_count("Café_2024, naïve! ß") == 10
    assert letter_count("") == 0
