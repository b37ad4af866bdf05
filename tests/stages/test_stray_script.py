"""The stray-script stage: short fragments in a script other than the page's own."""

from helpers import labels_of

from cleanscrape.stages import stray_script

STAGE = stray_script.STAGE
P1 = "The regional library reopened on Saturday after a two-year renovation of its reading rooms."
P2 = "Visitors queued before the doors opened, and the staff handed out coffee to those waiting."
P3 = "The library will now stay open until nine in the evening on weekdays, the director said."


def test_a_page_number_in_another_script_under_an_english_article_is_stray():
    assert labels_of(STAGE, [P1, P2, "২৩"]) == {3: "stray-script"}


def test_a_one_word_language_switcher_is_stray():
    assert labels_of(STAGE, ["Українська", P1, P2, P3]) == {1: "stray-script"}


def test_a_quoted_sentence_in_another_script_survives():
    quote = "Она сказала: «Мы вернёмся в этот зал ещё не раз»."
    assert labels_of(STAGE, [P1, quote, P2, P3]) == {}


def test_a_line_mixing_the_page_script_with_another_survives():
    assert labels_of(STAGE, [P1, P2, "Kyiv / Київ", P3]) == {}


def test_ascii_numbers_have_no_script_and_are_left_to_other_stages():
    assert labels_of(STAGE, [P1, "2025", "12 / 40", P2]) == {}


def test_no_dominant_script_means_nothing_is_stray():
    lines = ["Новости дня и главные события недели в мире", "News of the day and the week's main events", "Спорт", "Sport"]
    assert labels_of(STAGE, lines) == {}


def test_kana_and_kanji_count_as_one_script_on_a_japanese_page():
    lines = ["東京都は月曜日、新しい図書館の建設計画を発表しました。", "カタカナ", "計画によると、図書館は二〇二七年に開館する予定です。"]
    assert labels_of(STAGE, lines) == {}


def test_a_short_latin_menu_word_on_a_japanese_page_is_stray():
    lines = ["東京都は月曜日、新しい図書館の建設計画を発表しました。", "English", "計画によると、図書館は二〇二七年に開館する予定です。"]
    assert labels_of(STAGE, lines) == {2: "stray-script"}


def test_a_short_quoted_sentence_in_another_script_survives():
    lines = ["The delegates thanked their hosts in Russian and left the hall together.", "«Спасибо!»", "১০"]
    assert labels_of(STAGE, lines) == {3: "stray-script"}


def test_latin_ordinals_and_fractions_are_not_another_script():
    lines = ["The team finished in 1ª place after winning ½ of its games this season.", "1ª", "½"]
    assert labels_of(STAGE, lines) == {}
