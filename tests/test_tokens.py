"""The keys text/tokens.py reduces a line or a name to."""

from cleanscrape.text.tokens import compact_key, line_key, word_counts


def test_compact_key_gives_one_key_for_a_name_however_it_is_spaced_or_punctuated():
    assert compact_key("The Guardian") == compact_key("the-guardian") == compact_key("TheGuardian") == "theguardian"
    assert compact_key("BBC") in compact_key("BBC News")


def test_compact_key_keeps_letters_of_every_script_and_digits():
    assert compact_key("Süddeutsche Zeitung") == "süddeutschezeitung"
    assert compact_key("20 Minuten") == "20minuten"
    assert compact_key("— · —") == ""


def test_line_key_keeps_the_word_boundaries_compact_key_drops():
    assert line_key("The Guardian") == "the guardian"
    assert compact_key("The Guardian") != line_key("The Guardian")


def test_word_counts_count_each_word_of_all_texts_as_often_as_they_hold_it():
    counted = word_counts(["The tram runs north.", "The tram stops."])
    assert counted["the"] == 2 and counted["tram"] == 2 and counted["north"] == 1
    shared = counted & word_counts(["the tram"])
    assert sum(shared.values()) == 2
    assert not word_counts([])
