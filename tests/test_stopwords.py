"""Stop words: which language's list fits a page, and how much of a line is function words."""

from cleanscrape.text import stopwords, tokens


def test_the_page_language_is_the_list_that_covers_most_words():
    english = ["The council said that it would extend the line to the north by the end of the decade."]
    portuguese = ["A equipe do serviço registrou nesta manhã o arrombamento de dois dos cinco automóveis da unidade."]
    assert stopwords.page_language(english)[0] == "en"
    assert stopwords.page_language(portuguese)[0] == "pt"
    language, density = stopwords.page_language(english)
    assert 0.3 < density < 0.7


def test_a_page_no_list_covers_has_no_language():
    assert stopwords.page_language(["엘제이의 일방적인 사진 공개로부터 비롯됐다"]) == (None, 0.0)
    assert stopwords.page_language([]) == (None, 0.0)


def test_prose_is_dense_in_stop_words_and_a_tag_list_is_not():
    prose = "Construction is expected to start next spring, and the council said fares would not rise for at least three years."
    tags = "trams buses cycling parking council budget housing planning schools libraries parks recycling"
    assert stopwords.stop_word_density(prose, "en") > 0.3
    assert stopwords.stop_word_density(tags, "en") == 0.0
    assert stopwords.stop_word_density("", "en") == 0.0
    assert stopwords.stop_word_density("- | -", "en") == 0.0


def test_words_are_lower_cased_tokens_without_edge_punctuation():
    assert tokens.prose_words("It's 5 o'clock, «The» END - (now)") == ("it's", "5", "o'clock", "the", "end", "now")


def test_every_list_is_lower_case():
    for language, words in stopwords.STOP_WORDS.items():
        assert all(word == word.lower() and word.strip() == word for word in words), language


def test_indonesian_prose_clears_the_page_floor_of_the_word_list_test():
    # A list too short for its language would leave the word-list test off for its pages.
    prose = ["Pemerintah daerah mengatakan bahwa jalan tersebut akan ditutup selama satu bulan karena ada kerusakan pada jembatan."]
    language, density = stopwords.page_language(prose)
    assert language == "id" and density >= 0.2
