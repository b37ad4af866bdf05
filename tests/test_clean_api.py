"""The public contract of cleanscrape.clean() and Page."""

import dataclasses

import pytest
from conftest import ROOT
from helpers import unaccounted_lines

import cleanscrape
from cleanscrape import NotTextError, Settings, clean

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
P1 = "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028."
P2 = "Construction is expected to start next spring, and the council said fares would not rise."
# Cards and glued articles carry whole articles: a title after a few words of text is a subheading.
CARD1 = " ".join([P1, "The extension adds nine stops and a depot, and the first trams are due to run in 2028."] * 5)
CARD2 = " ".join([P2, "Engineers found cracks in two supports during an inspection on Monday morning."] * 5)
CARD3 = " ".join(["Drivers on eleven routes will stop work for two days next month, their union said."] * 8)
ARTICLE = "\n".join([
    "Council extends tram line north", "", "By Anna Berg", "20 March 2025", "",
    "LISBON (Lusa) - " + P1, "", P2, "", "Follow us on Telegram for the latest news", "Share",
])
LISTING = "\n".join([
    "Transport news this week",
    "Council extends tram line north", "20 March 2025", CARD1,
    "Storm closes the harbour bridge", "21 March 2025", CARD2,
    "Bus drivers vote to strike", "22 March 2025", CARD3,
])
MADE_UP = [ARTICLE, LISTING, "", "Share\n\n#\n20", P1 + "\n\n" + P1 + "\n" + P2 + " Reuters\nMost Read\nA…\nB…"]


def test_clean_accepts_str_and_the_same_text_as_bytes_gives_the_same_page():
    assert clean(ARTICLE).to_dict() == clean(ARTICLE.encode("utf-8")).to_dict()


def test_bytes_in_a_guessed_encoding_give_a_warning():
    page = clean(("\u00c9t\u00e9 " + P1).encode("utf-16-le"))
    assert page.warnings == ["encoding guessed as utf-16-le"]


def test_binary_bytes_raise_not_text_error():
    with pytest.raises(NotTextError):
        clean(b"\x89PNG\r\n\x1a\n" + bytes(64))


@pytest.mark.parametrize("content_type", [None, "text", "html"])
def test_known_content_types_are_accepted(content_type):
    assert clean(ARTICLE, content_type=content_type).kind == "article"


@pytest.mark.parametrize("content_type", ["pdf", "TEXT", ""])
def test_an_unknown_content_type_is_a_value_error(content_type):
    with pytest.raises(ValueError, match="content_type"):
        clean(ARTICLE, content_type=content_type)


def test_data_that_is_neither_str_nor_bytes_is_a_type_error():
    with pytest.raises(TypeError):
        clean(["not", "text"])


def test_options_as_a_dict_and_as_settings_give_the_same_page():
    as_dict = clean(ARTICLE, options={"drop_phrases": ["tram line"], "disabled_stages": ["chrome"]})
    as_settings = clean(ARTICLE, options=Settings(drop_phrases=("tram line",), disabled_stages=frozenset({"chrome"})))
    assert as_dict.to_dict() == as_settings.to_dict()
    assert "Share" in as_dict.text and P1 not in as_dict.text


def test_an_unknown_option_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match="drop_phrase\\b"):
        clean(ARTICLE, options={"drop_phrase": ["x"]})


def test_an_invalid_pattern_option_is_a_value_error():
    with pytest.raises(ValueError, match="invalid pattern"):
        clean(ARTICLE, options={"keep_patterns": ["["]})


def test_an_article_page_has_its_title_text_and_metadata():
    page = clean(ARTICLE, source="tram.txt")
    article = page.articles[0]
    assert (page.kind, page.title, page.source, page.language) == ("article", "Council extends tram line north", "tram.txt", "en")
    assert page.text == "LISBON (Lusa) - " + P1 + "\n\n" + P2
    assert (article.published, article.authors, article.agency) == ("2025-03-20", ["Anna Berg"], "Lusa")
    assert article.dateline == cleanscrape.Dateline("LISBON", None, "Lusa")
    assert {r.reason for r in page.removed} == {"metadata", "promo", "chrome"}


def test_a_listing_page_has_its_own_heading_as_title_and_every_item_as_an_article():
    page = clean(LISTING)
    assert (page.kind, page.title) == ("listing", "Transport news this week")
    assert [(a.role, a.title, a.published) for a in page.articles] == [
        ("item", "Council extends tram line north", "2025-03-20"),
        ("item", "Storm closes the harbour bridge", "2025-03-21"),
        ("item", "Bus drivers vote to strike", "2025-03-22"),
    ]
    assert page.text == "\n\n".join(a.text for a in page.articles)


def test_two_titled_articles_are_an_article_page_with_an_appended_one():
    two = LISTING.rsplit("\nBus drivers", 1)[0]
    page = clean(two)
    assert (page.kind, [a.role for a in page.articles], page.title) == ("article", ["main", "appended"], "Council extends tram line north")
    assert page.text == page.articles[0].text == CARD1


def test_a_title_like_line_after_a_short_text_does_not_start_a_second_article():
    short = LISTING.replace(CARD1, P1).rsplit("\nBus drivers", 1)[0]
    page = clean(short)
    assert [a.role for a in page.articles] == ["main"]
    assert "Storm closes the harbour bridge" in page.text


@pytest.mark.parametrize("text", ["", "  \n\t\n", "Share\n#\n20"])
def test_a_page_with_no_text_left_is_empty(text):
    page = clean(text)
    assert (page.kind, page.title, page.text, page.articles, page.language) == ("empty", None, "", [], None)


def test_to_dict_keys_are_in_the_documented_order():
    assert list(clean(ARTICLE).to_dict()) == [
        "source", "kind", "page_type", "language", "title", "text", "articles", "removed", "warnings"]


def test_every_removal_carries_a_documented_reason():
    reasons = {r.reason for seed in SEEDS for r in clean(seed.read_bytes()).removed}
    assert reasons <= set(cleanscrape.stages.REASONS) and reasons


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name)
def test_every_non_blank_line_of_a_seed_is_in_the_text_or_in_removed(seed):
    text = seed.read_text(encoding="utf-8")
    assert unaccounted_lines(text, clean(text)) == []


@pytest.mark.parametrize("text", MADE_UP, ids=["article", "listing", "empty", "chrome-only", "teasers"])
def test_every_non_blank_line_of_a_made_up_page_is_in_the_text_or_in_removed(text):
    assert unaccounted_lines(text, clean(text)) == []


def test_removed_lines_are_logged_in_input_order_with_their_display_text():
    page = clean("• Share\n\n" + P1 + "\nAdvertisement")
    assert [(r.line, r.text, r.reason) for r in page.removed] == [(1, "• Share", "chrome"), (4, "Advertisement", "chrome")]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name)
def test_the_same_input_gives_the_same_output(seed):
    data = seed.read_bytes()
    assert clean(data).to_dict() == clean(data).to_dict()


def test_settings_are_frozen_and_replace_gives_a_new_value():
    settings = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.drop_phrases = ("x",)
    assert clean(P1, options=dataclasses.replace(settings, drop_phrases=("tram",))).kind == "empty"


def test_a_str_with_lone_surrogates_gives_a_page_that_can_be_written_as_utf8():
    import json

    page = clean("Bridge\ud800 opens\n\n" + P1 + "\udfff\n" + P2)
    json.dumps(page.to_dict(), ensure_ascii=False).encode("utf-8")
    assert "\ufffd" in page.text and P2 in page.text
