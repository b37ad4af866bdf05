"""Each stage's thresholds: a frozen dataclass in Settings, named after the stage, with the
measurement that chose each default, tunable through `Settings.from_options`."""

import dataclasses
import inspect
import re

import pytest
from conftest import ROOT
from helpers import pipeline_labels

import cleanscrape
from cleanscrape.pipeline import STAGE_NAMES
from cleanscrape.settings import DEFAULT_SETTINGS, MainContentConfig, Settings, ShapesConfig
from cleanscrape.text.shapes import is_headline, is_prose

P1 = "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028."
CONFIGS = [name for name, _ in DEFAULT_SETTINGS.stage_configs()]


def test_a_threshold_is_tuned_by_name_and_the_others_keep_their_defaults():
    settings = Settings.from_options({"main_content": {"min_region_words": 10}, "drop_phrases": ["x"]})
    assert settings.main_content == MainContentConfig(min_region_words=10)
    assert settings.shapes is DEFAULT_SETTINGS.shapes and settings.drop_phrases == ("x",)
    assert Settings.from_options({"main_content": MainContentConfig(line_penalty=1.0)}).main_content.line_penalty == 1.0


def test_a_tuned_threshold_changes_what_the_stage_does():
    assert pipeline_labels(["20", P1]) == {1: "chrome"}
    assert pipeline_labels(["20", P1], Settings.from_options({"chrome": {"max_symbol_line_chars": 1}})) == {}


def test_the_segment_threshold_decides_when_titled_articles_are_a_listing():
    seed = (ROOT / "seeds" / "003_94d8466ae994063a.txt").read_bytes()  # an article and one glued after it
    assert cleanscrape.clean(seed).kind == "article"
    listing = cleanscrape.clean(seed, options={"segment": {"min_listing_items": 2}})
    assert listing.kind == "listing"
    # A text has no markup to decide its page type: its segmentation says it (was "article").
    assert listing.page_type == "listing" and cleanscrape.clean(seed).page_type == "article"


def test_the_shape_predicates_take_their_thresholds_explicitly():
    sentence = "The council voted on Tuesday to extend the tram line."
    assert is_prose(sentence) and not is_prose(sentence, ShapesConfig(sentence_min_words=20))
    assert is_headline("Council extends tram line north") and not is_headline("Council extends tram line north", ShapesConfig(headline_min_words=6))


def test_an_unknown_threshold_or_a_value_that_is_no_number_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown main_content threshold.*min_words.*known: .*min_region_words"):
        Settings.from_options({"main_content": {"min_words": 10}})
    with pytest.raises(ValueError, match="repeated.window must be a number"):
        Settings.from_options({"repeated": {"window": "20"}})
    with pytest.raises(ValueError, match="must be a number"):
        Settings(chrome=dataclasses.replace(DEFAULT_SETTINGS.chrome, max_tiny_line_letters=True))


def test_thresholds_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_SETTINGS.main_content.min_region_words = 5  # type: ignore[misc]


def test_every_stage_config_is_named_after_a_stage_or_the_shared_shapes_and_segmentation():
    stage_fields = {name.replace("-", "_") for name in STAGE_NAMES}
    assert set(CONFIGS) - {"shapes", "segment"} <= stage_fields


def test_describe_lists_every_setting_and_marks_the_changed_ones():
    described = Settings.from_options({"main_content": {"min_region_words": 10}, "disabled_stages": ["promo"]}).describe()
    assert "main_content.min_region_words = 10 (default 20)" in described
    assert "disabled_stages = ['promo'] (default [])" in described
    assert "shapes.paragraph_words = 30" in described
    thresholds = sum(len(dataclasses.fields(config)) for _, config in DEFAULT_SETTINGS.stage_configs())
    assert len(DEFAULT_SETTINGS.describe()) == len(dataclasses.fields(Settings)) - len(CONFIGS) + thresholds
    assert not any("(default" in line for line in DEFAULT_SETTINGS.describe())


@pytest.mark.parametrize("name", CONFIGS)
def test_every_threshold_default_says_what_chose_it(name):
    """A comment on the field's line or above its group cites a commit's measurement or says "Not measured"."""
    source = inspect.getsource(type(getattr(DEFAULT_SETTINGS, name)))
    unexplained, comment, after_field = [], "", False
    for line in source.splitlines()[1:]:
        stripped = line.strip()
        if stripped.startswith("#"):
            comment = stripped if after_field else comment + stripped  # a comment after a field starts a group
            after_field = False
        elif re.match(r"\w+: \w+ = ", stripped):
            if not re.search(r"not measured|\b[0-9a-f]{7}\b", comment + stripped, re.IGNORECASE):
                unexplained.append(stripped)
            after_field = True
        elif not stripped:
            comment = ""
    assert unexplained == []
