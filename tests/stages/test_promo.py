"""The promo stage: a call to action aimed at the reader about one of the publisher's channels."""

import pytest
from helpers import labels_of

from cleanscrape.stages import promo

STAGE = promo.STAGE
P1 = "The transport ministry launched a trial of contactless tickets on three bus routes this week."


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Telegram for the latest from the ministry.",
        "Subscribe to our newsletter",
        "Download the app",
        "Sign up for breaking news alerts",
        "Get the Evening Courier app: it's free!",
        "Don't miss a story - join our WhatsApp channel.",
    ],
)
def test_a_call_to_action_about_a_channel_is_promo(line):
    assert labels_of(STAGE, [P1, line]) == {2: "promo"}


@pytest.mark.parametrize("line", ["App Store", "Google Play", "app-storeplay-store", "Get it on Google Play"])
def test_an_app_store_badge_is_promo(line):
    assert labels_of(STAGE, [P1, line]) == {2: "promo"}


@pytest.mark.parametrize(
    "line",
    [
        # an article that reports on apps and newsletters
        "More than two million people have downloaded the ministry's ticketing app since March.",
        "Critics say the app lets advertisers track passengers across other websites.",
        "The paper's politics newsletter, which launched in 2019, now has 80,000 subscribers.",
        "Passengers who joined the trial said the app crashed twice during the first week.",
    ],
)
def test_a_sentence_reporting_on_apps_or_newsletters_survives(line):
    assert labels_of(STAGE, [P1, line]) == {}


def test_a_long_paragraph_that_mentions_subscribing_survives():
    paragraph = (
        "Officials said the scheme would be extended if enough riders subscribe to the monthly pass, "
        "which can be bought at kiosks and on the app, and which will cost less than two single tickets a day "
        "for anyone who travels to work five days a week, according to the ministry's estimates."
    )
    assert labels_of(STAGE, [P1, paragraph]) == {}


def test_a_reported_sentence_saying_an_app_is_free_today_survives():
    line = "The ministry said passengers can download the new app for free starting today."
    assert labels_of(STAGE, [P1, line]) == {}


def test_a_reported_sentence_saying_people_now_follow_a_channel_survives():
    line = "Half a million people now follow the ministry's channel on YouTube."
    assert labels_of(STAGE, [P1, line]) == {}


@pytest.mark.parametrize("line", [
    "Pick Six Newsletter", "Thanks for signing up!", "Keep an eye on your inbox for the latest sports news.",
    "There was an error processing your subscription.",
])
def test_newsletter_form_lines_are_promos(line):
    assert labels_of(STAGE, [line]) == {1: "promo"}


def test_a_sentence_about_a_newsletter_business_survives():
    line = "The publisher said its paid newsletter had grown to 40,000 subscribers since the spring."
    assert labels_of(STAGE, [line]) == {}


@pytest.mark.parametrize("line", [
    "Abonnieren Sie jetzt unseren kostenlosen Newsletter!",
    "Melde dich hier für unseren wöchentlichen Newsletter an.",
    "Suivez-nous sur Facebook et Instagram",
    "Téléchargez l'application du Courrier régional",
    "Suscríbete gratis y recibe nuestro boletín cada mañana.",
    "Iscriviti alla newsletter del Corriere di provincia",
    "Volg ons op LinkedIn",
])
def test_a_call_to_action_in_another_language_is_promo(line):
    assert labels_of(STAGE, [P1, line]) == {2: "promo"}


@pytest.mark.parametrize("line", [
    # reported sentences: an infinitive, or lower-case "sie" (they), is no call to the reader
    "Die Leser können den Newsletter ab Montag kostenlos abonnieren, sagte die Verlagssprecherin.",
    "Dazu laden sie die Nutzer ihrer App zu einem Test der neuen Funktion ein.",
    "Plus de deux millions de personnes ont téléchargé l'application depuis mars.",
])
def test_a_reported_sentence_in_another_language_survives(line):
    assert labels_of(STAGE, [P1, line]) == {}


@pytest.mark.parametrize(
    "line",
    [
        "You have read 1 of 4 free articles this month.",
        "You've read 3 of your 5 free stories. Subscribe for unlimited access.",
        "You have 2 free articles left this month",
        "Vous avez lu 1 des 4 articles gratuits ce mois-ci.",
        "Il vous reste 3 articles gratuits ce mois-ci.",
        "Sie haben 1 von 4 kostenlosen Artikeln gelesen.",
        "Du hast noch 2 kostenlose Artikel in diesem Monat.",
        "Has leído 1 de 4 artículos gratuitos este mes.",
        "Você leu 1 de 4 artigos gratuitos este mês.",
        "Hai letto 1 di 4 articoli gratuiti questo mese.",
        "Je hebt 1 van 4 gratis artikelen gelezen.",
        "Przeczytałeś 1 z 4 darmowych artykułów w tym miesiącu.",
        "Вы прочитали 1 из 4 бесплатных статей в этом месяце.",
        "Du har läst 1 av 4 gratisartiklar denna månad.",
        "Anda telah membaca 1 dari 4 artikel gratis bulan ini.",
        "Bu ay 4 ücretsiz makaleden 1'ini okudunuz.",
    ],
)
def test_a_paywall_counter_of_free_articles_is_promo(line):
    assert labels_of(STAGE, [P1, line, P1]) == {2: "promo"}


@pytest.mark.parametrize(
    "line",
    [
        # reported about readers, not said to the reader
        "The paper lets readers see 10 free articles a month before asking them to subscribe.",
        "Le site propose 5 articles gratuits par mois à ses lecteurs.",
        # free articles without a count
        "You can read our free articles on the tram and the budget below.",
    ],
)
def test_free_articles_reported_in_an_article_are_kept(line):
    assert labels_of(STAGE, [P1, line, P1]) == {}
