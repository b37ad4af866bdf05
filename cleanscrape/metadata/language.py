"""Language detection with langdetect, deterministic and never raising."""

from __future__ import annotations

import functools

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from ..shapes import letter_count

MIN_LETTERS = 20  # below this langdetect's answer is noise


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """The language profiles, loaded once: read-only data, so sharing it changes no result."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def detect_language(text: str, sample_chars: int = 2000) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell."""
    sample = text[:sample_chars]
    if letter_count(sample) < MIN_LETTERS:
        return None
    detector = _factory().create()
    detector.seed = 0  # langdetect samples at random: a fixed seed gives the same answer every run
    detector.append(sample)
    try:
        language = detector.detect()
    except LangDetectException:
        return None
    return None if language == "unknown" else language.split("-")[0]
