"""Language detection with langdetect, deterministic and never raising, held to the text's script.

A page's language is the one it declares (HTML lang, JSON-LD inLanguage), else langdetect's guess
on a sample of its kept text. Neither may contradict the script the text is written in: a template
that declares "en" over a Chinese article, or one random walk of langdetect that lands on Korean
for Han text (below), would give a page a language its text cannot be in. When the text's script
is written in one language only (Han without kana or Hangul: Chinese; Thai; Greek; ...), that
language is the answer and langdetect is not asked.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from cleanscrape.text.shapes import letter_count
from cleanscrape.text.stopwords import STOP_WORDS
from cleanscrape.text.tokens import prose_words

MIN_LETTERS = 20  # not measured: below this langdetect's answer is noise (a title, a date)
# langdetect averages several random walks over the sample's n-grams (7 by default), each about
# as costly as reading the sample. On 200 characters or more of prose one walk gave the answer of
# seven walks over 4,000 characters for every page of the 181-page benchmark in three renderers,
# the seeds, and 1,500 paragraphs of 150-400 characters; on 40-120 characters one walk disagreed
# with seven on 1.5% of paragraphs, three walks on 0.5%. Not on Han text: each character is an
# n-gram that the Chinese, Japanese and Korean profiles all hold, and one walk over 300 characters
# of a Chinese page settled on Korean at 0.9999998 for one seed in five (seven walks: zh-cn 0.71,
# ko 0.29). The script check below answers for such text before langdetect is asked.
TRIALS = 1
SHORT_SAMPLE_CHARS = 200
SHORT_SAMPLE_TRIALS = 3

# The scripts of langdetect's languages (and of common languages it lacks, which a page may
# declare), each a character class of its Unicode blocks. Han, kana and Hangul are told apart below.
_SCRIPT_CHARS = {
    "latin": "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "greek": "\u0370-\u03ff\u1f00-\u1fff",
    "cyrillic": "\u0400-\u052f",
    "armenian": "\u0530-\u058f",
    "hebrew": "\u0590-\u05ff",
    "arabic": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "devanagari": "\u0900-\u097f",
    "bengali": "\u0980-\u09ff",
    "gurmukhi": "\u0a00-\u0a7f",
    "gujarati": "\u0a80-\u0aff",
    "tamil": "\u0b80-\u0bff",
    "telugu": "\u0c00-\u0c7f",
    "kannada": "\u0c80-\u0cff",
    "malayalam": "\u0d00-\u0d7f",
    "sinhala": "\u0d80-\u0dff",
    "thai": "\u0e00-\u0e7f",
    "lao": "\u0e80-\u0eff",
    "myanmar": "\u1000-\u109f",
    "georgian": "\u10a0-\u10ff",
    "ethiopic": "\u1200-\u137f",
    "khmer": "\u1780-\u17ff",
    "hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
}
_SCRIPT_RUNS = {script: re.compile(f"[{chars}]") for script, chars in _SCRIPT_CHARS.items()}
# A letter of no Latin block: a sample without one is Latin, told without counting every script.
_BEYOND_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")  # what letter_count does not count: marks, digits, punctuation
# The languages written in each script (ISO 639-1). Chinese, Japanese and Korean share the Han
# characters: text whose Han letters come with kana is Japanese, with Hangul Korean, alone Chinese.
LANGUAGES_BY_SCRIPT: dict[str, frozenset[str]] = {
    "latin": frozenset({
        "af", "az", "br", "bs", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu", "fi", "fo", "fr",
        "fy", "ga", "gd", "gl", "ha", "hr", "ht", "hu", "id", "is", "it", "jv", "ku", "la", "lb", "lt", "lv",
        "mg", "ms", "mt", "nb", "nl", "nn", "no", "oc", "pl", "pt", "qu", "rm", "ro", "rw", "sk", "sl", "sm",
        "sn", "so", "sq", "sr", "st", "su", "sv", "sw", "tk", "tl", "tr", "uz", "vi", "wo", "xh", "yo", "zu",
    }),
    "greek": frozenset({"el"}),
    "cyrillic": frozenset({"ba", "be", "bg", "kk", "ky", "mk", "mn", "ru", "sr", "tg", "tt", "uk"}),
    "armenian": frozenset({"hy"}),
    "hebrew": frozenset({"he", "yi"}),
    "arabic": frozenset({"ar", "fa", "ku", "ps", "sd", "ug", "ur"}),
    "devanagari": frozenset({"hi", "mr", "ne", "sa"}),
    "bengali": frozenset({"as", "bn"}),
    "gurmukhi": frozenset({"pa"}),
    "gujarati": frozenset({"gu"}),
    "tamil": frozenset({"ta"}),
    "telugu": frozenset({"te"}),
    "kannada": frozenset({"kn"}),
    "malayalam": frozenset({"ml"}),
    "sinhala": frozenset({"si"}),
    "thai": frozenset({"th"}),
    "lao": frozenset({"lo"}),
    "myanmar": frozenset({"my"}),
    "georgian": frozenset({"ka"}),
    "ethiopic": frozenset({"am", "ti"}),
    "khmer": frozenset({"km"}),
    "hangul": frozenset({"ko"}),
    "kana": frozenset({"ja"}),
    "han": frozenset({"zh"}),
}
KNOWN_LANGUAGES = frozenset().union(*LANGUAGES_BY_SCRIPT.values())
# Not measured (as stray-script's dominant share): a text is in a script when this share of its
# letters is; a page that mixes two scripts more evenly is held to neither.
MIN_SCRIPT_SHARE = 0.8
# Not measured: Japanese prose writes its grammar in kana (a third or more of its letters); a
# Chinese text may hold a stray kana ("の" in a brand name), far below this share of its CJK letters.
MIN_KANA_SHARE = 0.1
# Not measured: Korean prose is Hangul with a few Hanja; this much Hangul among CJK letters is Korean.
MIN_HANGUL_SHARE = 0.1


# A sample whose function words are clearly English or German is that language without
# langdetect (a fifth of the text path's time). Chosen on the 1,994 text dumps of shub and
# traf-dev and the seeds: at these values the stop words decide 84% of the pages, every one as
# langdetect did. Only English and German: the other lists have neighbours langdetect tells apart
# that share their function words (Catalan and Galician beside Spanish and Portuguese, Danish and
# Norwegian beside Swedish); Dutch and Afrikaans share a few of German's, hence the margin.
DECIDING_LANGUAGES = ("en", "de")
MIN_DECIDING_SHARE = 0.25  # of the sample's words in the language's list (English prose: ~0.45)
MIN_DECIDING_MARGIN = 3.0  # times the share of the runner-up list
MIN_DECIDING_WORDS = 20


@functools.lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """The language profiles, loaded once: read-only data, so sharing it changes no result."""
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def page_language(text: str, declared: str | None = None, sample_chars: int = 300) -> str | None:
    """The page's language (ISO 639-1): the `declared` one's primary subtag, else `text`'s,
    never one that contradicts the script of `text`; None when there is too little text to tell."""
    sample = language_sample(text, sample_chars)
    allowed = script_languages(sample)
    code = primary_subtag(declared)
    if code and (allowed is None or code in allowed or code not in KNOWN_LANGUAGES):
        return code
    return detect_language(text, sample_chars, sample=sample, allowed=allowed)


def primary_subtag(declared: str | None) -> str | None:
    """"en" of "en-GB", "en_gb" or " EN "; None for an empty value or one not of two letters."""
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None


def script_languages(sample: str) -> frozenset[str] | None:
    """The languages `sample`'s script is written in; None when no one script holds most of its letters."""
    if sample.isascii() or not _BEYOND_LATIN.search(sample):
        return LANGUAGES_BY_SCRIPT["latin"] if letter_count(sample) else None
    letters = _NOT_LETTERS.sub("", sample)
    counts = Counter({script: len(run.findall(letters)) for script, run in _SCRIPT_RUNS.items()})
    kana, hangul = counts["kana"], counts["hangul"]
    cjk = counts.pop("han") + counts.pop("kana") + counts.pop("hangul")
    if cjk:
        cjk_script = "kana" if kana >= MIN_KANA_SHARE * cjk else "hangul" if hangul >= MIN_HANGUL_SHARE * cjk else "han"
        counts[cjk_script] = cjk
    script, count = counts.most_common(1)[0]
    if not count or count < MIN_SCRIPT_SHARE * len(letters):
        return None
    return LANGUAGES_BY_SCRIPT[script]


def detect_language(text: str, sample_chars: int = 300, *, sample: str | None = None,
                    allowed: frozenset[str] | None = None) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell.

    `sample`: `language_sample(text, sample_chars)`, when already taken. `allowed`: the languages
    the text's script is written in (`script_languages`); when there is one, it is the answer."""
    if sample is None:
        sample = language_sample(text, sample_chars)
        allowed = script_languages(sample)
    if letter_count(sample) < MIN_LETTERS:
        return None
    if allowed is not None and len(allowed) == 1:
        return next(iter(allowed))
    decided = stop_word_language(sample)
    if decided is not None and (allowed is None or decided in allowed):
        return decided
    detector = _factory().create()
    detector.seed = 0  # langdetect samples at random: a fixed seed gives the same answer every run
    detector.n_trial = TRIALS if len(sample) >= SHORT_SAMPLE_CHARS else SHORT_SAMPLE_TRIALS
    detector.append(sample)
    try:
        guesses = detector.get_probabilities()
    except LangDetectException:
        return None
    # The likeliest language the script allows (langdetect lists those above its own threshold).
    codes = (guess.lang.split("-")[0] for guess in guesses)
    return next((code for code in codes if allowed is None or code in allowed), None)


def stop_word_language(sample: str) -> str | None:
    """English or German when `sample`'s function words clearly say so (DECIDING_LANGUAGES), else None."""
    words = Counter(prose_words(sample))
    total = sum(words.values())
    if total < MIN_DECIDING_WORDS:
        return None
    hits = sorted(((sum(map(words.__getitem__, stop & words.keys())), language)
                   for language, stop in STOP_WORDS.items()), reverse=True)
    (best, language), (runner_up, _) = hits[0], hits[1]
    clear = best >= MIN_DECIDING_SHARE * total and best >= MIN_DECIDING_MARGIN * runner_up
    return language if clear and language in DECIDING_LANGUAGES else None


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
