"""Stop words: the most frequent function words of common languages, for telling prose from word lists.

Running text is about one half function words (articles, pronouns, prepositions, auxiliaries);
a tag cloud, a category selector, a keyword list or a row of names has almost none. jusText
(Pomikálek 2011) classifies paragraphs by this density. The lists here are short (the commonest
few dozen words of each language, which carry most of that mass), built in, and lower-case.
The page's language is the one whose list covers most of its words: no language detector needed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain

from cleanscrape.text.tokens import prose_words

STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
            "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "him", "his",
            "how", "i", "if", "in", "into", "is", "it", "its", "just", "more", "most", "my", "no", "not", "now",
            "of", "on", "one", "only", "or", "other", "our", "out", "over", "said", "she", "so", "some", "than",
            "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was",
            "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "your"
        ]
    ),
    "de": frozenset(
        [
            "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
            "des", "die", "doch", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "für",
            "hat", "hatte", "ich", "ihr", "im", "in", "ist", "ja", "kann", "man", "mehr", "mit", "nach", "nicht",
            "noch", "nur", "oder", "sich", "sie", "sind", "so", "um", "und", "uns", "vom", "von", "vor", "war",
            "wie", "wir", "wird", "wurde", "zu", "zum", "zur", "über"
        ]
    ),
    "fr": frozenset(
        [
            "a", "au", "aux", "avec", "ce", "ces", "cette", "comme", "dans", "de", "des", "du", "elle", "en", "est",
            "et", "il", "ils", "je", "la", "le", "les", "leur", "lui", "mais", "me", "même", "ne", "nous", "on",
            "ont", "ou", "par", "pas", "plus", "pour", "qu", "que", "qui", "sa", "sans", "se", "ses", "son", "sont",
            "sur", "un", "une", "vous", "été", "était", "être"
        ]
    ),
    "es": frozenset(
        [
            "a", "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "fue", "ha", "hay", "la",
            "las", "le", "lo", "los", "más", "no", "o", "para", "pero", "por", "que", "se", "ser", "si", "sin",
            "sobre", "son", "su", "sus", "también", "un", "una", "uno", "y", "ya", "está", "han", "era", "muy",
            "entre", "cuando"
        ]
    ),
    "pt": frozenset(
        [
            "a", "ao", "aos", "as", "com", "como", "da", "das", "de", "do", "dos", "e", "ela", "ele", "em", "entre",
            "era", "foi", "já", "mais", "mas", "na", "nas", "no", "nos", "não", "o", "os", "ou", "para", "pela",
            "pelo", "por", "que", "se", "sem", "ser", "seu", "sua", "são", "também", "tem", "um", "uma", "à", "é",
            "está"
        ]
    ),
    "it": frozenset(
        [
            "a", "al", "alla", "anche", "che", "chi", "ci", "come", "con", "da", "dal", "del", "della", "dei", "di",
            "e", "è", "gli", "ha", "i", "il", "in", "la", "le", "lo", "ma", "ne", "nel", "nella", "non", "per",
            "più", "questo", "si", "sono", "su", "sua", "suo", "tra", "un", "una", "uno"
        ]
    ),
    "nl": frozenset(
        [
            "aan", "al", "als", "bij", "dat", "de", "deze", "die", "dit", "door", "een", "en", "er", "had", "heb",
            "heeft", "het", "hij", "in", "is", "je", "kan", "maar", "met", "naar", "niet", "nog", "of", "om", "ook",
            "op", "over", "te", "tot", "uit", "van", "voor", "was", "wat", "we", "werd", "wordt", "ze", "zich",
            "zijn"
        ]
    ),
    "ru": frozenset(
        [
            "а", "без", "бы", "был", "была", "были", "было", "в", "во", "вы", "да", "для", "до", "его", "ее", "её",
            "если", "есть", "еще", "ещё", "же", "за", "и", "из", "или", "им", "их", "к", "как", "когда", "ли", "мы",
            "на", "над", "не", "нет", "но", "о", "об", "от", "по", "при", "с", "со", "так", "также", "то", "только",
            "у", "уже", "что", "это", "этот", "я"
        ]
    ),
    "pl": frozenset(
        [
            "a", "aby", "ale", "bez", "by", "był", "była", "było", "być", "co", "do", "dla", "i", "ich", "jak",
            "jako", "jest", "jego", "jej", "już", "na", "nie", "o", "od", "oraz", "po", "pod", "przez", "przy",
            "się", "sobie", "są", "ta", "tak", "także", "te", "to", "tu", "w", "we", "z", "za", "że"
        ]
    ),
    "sv": frozenset(
        [
            "att", "av", "de", "den", "det", "du", "där", "efter", "en", "ett", "för", "har", "han", "hon", "i",
            "inte", "jag", "kan", "man", "med", "men", "när", "och", "om", "på", "som", "till", "under", "upp",
            "ut", "var", "vi", "vid", "är"
        ]
    ),
    "id": frozenset(
        [
            "ada", "adalah", "agar", "akan", "antara", "apa", "atau", "bagi", "bahwa", "banyak", "belum", "bisa",
            "dalam", "dan", "dapat", "dari", "dengan", "di", "dia", "hanya", "harus", "hingga", "ia", "ini", "itu",
            "jika", "juga", "kami", "karena", "ke", "kepada", "kita", "lagi", "lebih", "maka", "masih", "mereka",
            "namun", "oleh", "pada", "para", "saat", "saya", "sebagai", "secara", "sehingga", "seperti", "serta",
            "setelah", "sudah", "telah", "tersebut", "tetapi", "tidak", "untuk", "yang"
        ]
    ),
    "tr": frozenset(
        [
            "ama", "ancak", "bana", "ben", "bile", "bir", "biz", "bu", "buna", "bunu", "da", "daha", "de", "diye",
            "en", "gibi", "göre", "her", "ile", "için", "ise", "kadar", "ki", "mi", "ne", "nasıl", "olan", "olarak",
            "olduğu", "onun", "o", "sen", "sonra", "şey", "şu", "ve", "veya", "ya", "çok"
        ]
    ),
}

def page_language(texts: Iterable[str]) -> tuple[str | None, float]:
    """The language whose stop words cover most of the words of `texts`, and that coverage.

    (None, 0.0) when no list covers any word: a language with no list here, or a script without spaces.
    """
    counts = Counter(chain.from_iterable(map(prose_words, texts)))  # counted in C: O(words)
    total = sum(counts.values())
    best, best_hits = None, 0
    for language, stop in STOP_WORDS.items():
        hits = sum(map(counts.__getitem__, stop & counts.keys()))
        if hits > best_hits:
            best, best_hits = language, hits
    return (best, best_hits / total) if best else (None, 0.0)


def stop_word_density(text: str, language: str) -> float:
    """The share of `text`'s words that are stop words of `language` (0.0 for a text without words)."""
    tokens = prose_words(text)
    if not tokens:
        return 0.0
    return sum(map(STOP_WORDS[language].__contains__, tokens)) / len(tokens)
