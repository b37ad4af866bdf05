"""The metadata stage: only the headings right above the first title are page headings."""

from helpers import labels_of

from cleanscrape.stages import metadata

STAGE = metadata.STAGE
PARAGRAPH = "The hall was built in two stages between 1957 and 1964, and restored between 2006 and 2009 with public money."


def test_a_kicker_above_the_title_is_a_heading():
    labels = labels_of(STAGE, ["Architecture and design", "Restoring the student village", "2 October 2015", PARAGRAPH])
    assert labels == {1: "metadata", 2: "metadata", 3: "metadata"}


def test_a_chronology_above_the_title_stays():
    chronology = ["1957-1959 First stage of building", "1961-1964 Second stage of building", "2003 Sold to a cooperative"]
    labels = labels_of(STAGE, [*chronology, "Restoring the student village", "2 October 2015", PARAGRAPH])
    assert 1 not in labels and 2 not in labels and 3 not in labels
    assert labels.get(4) == "metadata"
