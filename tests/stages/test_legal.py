"""The legal stage: copyright, terms, privacy and cookie notices."""

import pytest
from helpers import labels_of

from cleanscrape.stages import legal

STAGE = legal.STAGE


@pytest.mark.parametrize("line", [
    "© 2025 City Gazette. All rights reserved.",
    "Copyright 2019 Associated Press",
    "Privacy Policy | Terms of Use | Cookie Settings",
    "This website uses cookies to improve your experience.",
    "This copy is for your personal, non-commercial use only.",
])
def test_notices_are_legal(line):
    assert labels_of(STAGE, [line]) == {1: "legal"}


def test_an_article_sentence_about_copyright_law_survives():
    line = ("The court ruled that the photographer kept the copyright, because the contract never mentioned it, "
            "and ordered the magazine to pay damages of 20,000 euros to him and his agency within a month, the judges said on Friday after a long hearing.")
    assert labels_of(STAGE, [line]) == {}


def test_a_question_about_copyright_or_privacy_is_no_notice():
    assert labels_of(STAGE, ["- Who holds the copyright on a photo taken by a trail camera?"]) == {}
    assert labels_of(STAGE, ["Copyright 2019 Associated Press"]) == {1: "legal"}


def test_an_exclaimed_notice_is_still_a_notice():
    assert labels_of(STAGE, ["This website uses cookies to improve your experience!"]) == {1: "legal"}


@pytest.mark.parametrize("line", [
    "© 2024 Stadtanzeiger GmbH. Alle Rechte vorbehalten.",
    "Tous droits réservés.",
    "Ce site utilise des cookies pour améliorer votre expérience.",
    "Wir verwenden Cookies, um Inhalte zu personalisieren.",
    "Ich habe die Datenschutzerklärung gelesen und bin einverstanden.",
    "Informujemy, że korzystamy z cookies.",
])
def test_notices_in_other_languages_are_legal(line):
    assert labels_of(STAGE, [line]) == {1: "legal"}


def test_an_article_paragraph_about_privacy_in_another_language_survives():
    line = ("Die Behörde hat ihre Datenschutzerklärung im Mai geändert, nachdem Verbraucherschützer geklagt hatten; "
            "seitdem müssen alle Bürger, die das Portal nutzen, ausdrücklich zustimmen, bevor ihre Daten an Dritte "
            "gehen, und können diese Zustimmung jederzeit schriftlich oder online widerrufen, wie das Verwaltungsgericht "
            "am Dienstag nach einer langen mündlichen Verhandlung in erster Instanz entschied.")
    assert labels_of(STAGE, [line]) == {}
