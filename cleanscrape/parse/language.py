"""Language detection with langdetect, deterministic and never raising."""

from __future__ import annotations

import functools

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from cleanscrape.text.shapes import letter_count

MIN_LETTERS = 20  # not measured: below this langdetect's answer is noise (a title, a date)
# langdetect averages several random walks over the sample's n-grams (7 by default), each about
# as costly as reading the sample. On 200 characters or more of prose one walk gave the answer of
# seven walks over 4,000 characters for every page of the 181-page benchmark in three renderers,
# the seeds, and 1,500 paragraphs of 150-400 characters; on 40-120 characters one walk disagreed
# with seven on 1.5% of paragraphs, three walks on 0.5%.
TRIALS = 1
SHORT_SAMPLE_CHARS = 200
SHORT_SAMPLE_TRIALS = 3


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """The language profiles, loaded once: read-only data, so sharing it changes no result."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def detect_language(text: str, sample_chars: int = 300) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell."""
    sample = language_sample(text, sample_chars)
    if letter_count(sample) < MIN_LETTERS:
        return None
    detector = _factory().create()
    detector.seed = 0  # langdetect samples at random: a fixed seed gives the same answer every run
    detector.n_trial = TRIALS if len(sample) >= SHORT_SAMPLE_CHARS else SHORT_SAMPLE_TRIALS
    detector.append(sample)
    try:
        language = detector.detect()
    except LangDetectException:
        return None
    return None if language == "unknown" else language.split("-")[0]


def language_sample(text: str, sample_chars: int) -> str:
    """Up to `sample_chars` of `text`, taken from the lines with the most letters.

    Detection costs time in proportion to the sample, and the paragraphs say the most per
    character: a title, a dateline or a row of symbols says little about the language.
    """
    lines = text.split("\n")
    if len(text) <= sample_chars:
        return text
    chosen: list[str] = []
    size = 0
    for line in sorted(lines, key=letter_count, reverse=True):
        chosen.append(line)
        size += len(line) + 1
        if size >= sample_chars:
            break
    return "\n".join(chosen)[:sample_chars]
