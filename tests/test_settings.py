import dataclasses

import pytest

from cleanscrape.settings import DEFAULT_SETTINGS, Settings


def test_from_options_accepts_mapping_and_normalises_collections():
    settings = Settings.from_options({"disabled_stages": ["promo"], "drop_phrases": ["Sponsored"]})
    assert settings.disabled_stages == frozenset({"promo"})
    assert settings.drop_phrases == ("Sponsored",)


def test_from_options_none_gives_defaults_and_settings_pass_through():
    assert Settings.from_options(None) is DEFAULT_SETTINGS
    custom = Settings(keep_phrases=("x",))
    assert Settings.from_options(custom) is custom


def test_unknown_option_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown option.*colour"):
        Settings.from_options({"colour": "blue"})


def test_invalid_pattern_is_a_clear_error():
    with pytest.raises(ValueError, match="invalid pattern"):
        Settings(drop_patterns=("(unclosed",))


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_SETTINGS.language_sample_chars = 5  # type: ignore[misc]


@pytest.mark.parametrize("field", ["drop_phrases", "keep_patterns", "disabled_stages", "languages"])
def test_a_lone_string_where_a_list_of_strings_belongs_is_a_type_error_naming_the_field(field):
    with pytest.raises(TypeError, match=field):
        Settings.from_options({field: "related"})
    with pytest.raises(TypeError, match=field):
        Settings.from_options({field: ["related", 3]})


def test_a_list_of_strings_is_accepted_and_kept_whole():
    settings = Settings.from_options({"drop_phrases": ["World"], "disabled_stages": ["related"]})
    assert settings.drop_phrases == ("World",) and settings.disabled_stages == frozenset({"related"})
