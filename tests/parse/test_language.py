"""Language detection: deterministic, and None when there is too little text to tell."""

import pytest

from cleanscrape.parse.language import detect_language

FRENCH = "Le gouvernement a annoncé mercredi une nouvelle réforme des retraites, qui sera débattue au printemps."
GERMAN = "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Energiepolitik beschlossen, sagte ein Sprecher."
ENGLISH = "The government announced a new pension reform on Wednesday, which parliament will debate in the spring."


@pytest.mark.parametrize("text, code", [(FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en")])
def test_a_sentence_gets_its_language_code(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   \n\n ", "Hello there", "12345 67890 12345 67890 12345 67890 12345", "— … ! ? 2025-03-20"])
def test_empty_short_or_letterless_text_gives_none(text):
    assert detect_language(text) is None


def test_the_same_text_gives_the_same_answer_every_time():
    mixed = "Le gouvernement hat am Mittwoch announced una reforma, sagte ein Sprecher, a dit le ministre."
    assert len({detect_language(mixed) for _ in range(20)}) == 1


def test_only_the_sample_is_read():
    assert detect_language(GERMAN + " " + FRENCH * 10, sample_chars=len(GERMAN)) == "de"
    assert detect_language(ENGLISH, sample_chars=10) is None


def test_the_sample_comes_from_the_wordiest_lines():
    # A rule of box-drawing characters and a short English heading come first; the sample skips them.
    text = "━" * 400 + "\nLatest news\n" + FRENCH + "\n" + FRENCH
    assert detect_language(text, sample_chars=150) == "fr"
