"""Properties of clean() over arbitrary input (hypothesis).

Examples mix the seeds' own lines, lines shaped like what the stages look for (bylines, dates,
captions, credits, promos, list headers) and raw Unicode: mixed scripts, right-to-left text and
direction marks, combining marks, control characters, lone surrogates, NULs, odd line endings.
The "ci" profile (the default, see conftest.py) runs a few thousand examples in all;
`CLEANSCRAPE_HYPOTHESIS_PROFILE=long` or `--hypothesis-profile=long` runs many more.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import unicodedata

import pytest

hypothesis = pytest.importorskip("hypothesis")
from conftest import ROOT  # noqa: E402
from helpers import unaccounted_lines  # noqa: E402
from hypothesis import example, given, note, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleanscrape import NotTextError, clean  # noqa: E402
from cleanscrape.decode.charset import repair_surrogates  # noqa: E402
from cleanscrape.decode.normalize import repair, split_lines  # noqa: E402

SEED_LINES = sorted({line for path in sorted((ROOT / "seeds").glob("*.txt"))
                     for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})
SHAPED_LINES = [
    "By Jane Doe and John Roe", "Published: 20 March 2025, 16:41", "Updated 2025-03-21T09:15",
    "01-04-2025", "21/03/2025", "REUTERS/Khalil Ashawi/File Photo", "(AP Photo/Jane Doe)",
    "Photo: Jane Doe/dpa", "(Reporting by Guy Faulconbridge; Editing by Mark Heinrich)",
    "Download our app for the latest news", "Follow us on Telegram", "Most Viewed", "Next In World",
    "A gas leak has caused an explosion inside a…", "Share", "#", "20", "© 2025 Example News",
    "MOSCOW (Reuters) - The Kremlin said on Thursday it would help.", "12 Comments",
    "jbaxt says:", "Leave a comment", "• World", "- item", "Skip to content", "LISTING",
    "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028.",
    "সংবাদ ১২", "«Спасибо!»", "مرحبا بالعالم، هذا نص عربي طويل بما يكفي ليكون جملة كاملة.",
    "שלום עולם", "東京で会議が開かれた。", "e\u0301te\u0301", "\u202eevil\u202c", "\u200fRLM\u200e",
]
# Characters that break naive code: controls, NUL, surrogates, direction and zero-width marks,
# combining marks, BOM, line and paragraph separators, and a sample of scripts.
NASTY = list(
    "\x00\x01\x07\x08\x0b\x0c\x1b\x1c\x1d\x1e\x7f\x85\u00a0\u00ad\u034f\u0300\u0301\u0308\u20dd"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u2028\u2029\ufeff\ufffd\ufffe"
    "\ud800\udbff\udc00\udfff"
    "aZé1 .,;:!?…—–-•·*()[]/\\\"'“”‘’«»#@&%"
    "Жжاب١עבड़ক১中文かなカナ한ไทย"
) + ["\U0001f600", "\U0001f469\u200d\U0001f4bb", "\U000e0001", "\U0010ffff"]
ALL_CHARACTERS = st.characters(exclude_categories=())  # surrogates and controls included

lines = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(SHAPED_LINES),
    st.lists(st.sampled_from(NASTY), max_size=60).map("".join),
    st.text(ALL_CHARACTERS, max_size=40),
    st.builds(lambda a, b: f"{a} {b}", st.sampled_from(SEED_LINES + SHAPED_LINES), st.lists(st.sampled_from(NASTY), max_size=8).map("".join)),
    st.just(""),
)
line_endings = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\n\n", "\x85"])
texts = st.builds(lambda parts, ending: ending.join(parts), st.lists(lines, max_size=40), line_endings)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "cp1251", "shift_jis", "gb18030"])


@st.composite
def encoded_texts(draw) -> bytes:
    text = draw(texts)
    return text.encode(draw(encodings), "replace")


byte_inputs = st.one_of(st.binary(max_size=2000), encoded_texts(),
                        st.builds(lambda prefix, tail: prefix + tail,
                                  st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x89PNG", b"\x1f\x8b", b""]),
                                  st.binary(max_size=500)))


def as_written(page) -> bytes:
    """The page as the batch writers write it: JSON, ensure_ascii=False, encoded as UTF-8."""
    record = page.to_dict()
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(char in it for char in small)


def assert_made_of_input_lines(text: str, page) -> None:
    """Every paragraph is a normalised input line with at most some spans cut out, in input order."""
    normalised = [line.display for line in split_lines(text) if not line.is_blank]
    position = 0
    for article in page.articles:
        for paragraph in article.text.split("\n\n"):
            while position < len(normalised) and not is_subsequence(paragraph, normalised[position]):
                position += 1
            assert position < len(normalised), f"paragraph not made of input lines in order: {paragraph!r}"
        for value in (article.title, *article.captions):
            assert value is None or any(value in line for line in normalised), value


@given(texts, st.sampled_from([None, "text"]))
@example("a\ud800b\n\x00NUL line\n", None)
@example("\u202eevil\u202c\n" + SHAPED_LINES[0], "text")
def test_text_gives_a_page_that_is_json_and_made_of_its_lines(text: str, content_type: str | None) -> None:
    note(f"text={text!r}")
    page = clean(text, content_type=content_type)
    assert json.loads(as_written(page)) == json.loads(json.dumps(page.to_dict()))
    if content_type == "text":
        # the documented normalisation starts with lone surrogates becoming U+FFFD
        assert_made_of_input_lines(repair_surrogates(text), page)
        assert unaccounted_lines(repair_surrogates(text), page) == []


@given(texts)
def test_the_same_text_gives_the_same_page(text: str) -> None:
    first = clean(text, content_type="text").to_dict()
    assert clean(text, content_type="text").to_dict() == first
    assert clean(text, content_type="text", options={}).to_dict() == first


@given(byte_inputs, st.sampled_from([None, "text", "html"]))
@example(b"\xff\xfe" + "héllo wörld".encode("utf-16-le"), None)
@example("héllo wörld, a longer line of text".encode("utf-16-le"), None)
@example(b"\xef\xbb\xbf\xc3\x28", None)
def test_bytes_give_a_page_or_the_documented_error(data: bytes, content_type: str | None) -> None:
    try:
        page = clean(data, content_type=content_type)
    except NotTextError:
        return
    except ValueError as error:  # InputTooLarge or another CleanscrapeError
        assert type(error).__module__.startswith("cleanscrape"), repr(error)
        return
    as_written(page)
    assert clean(data, content_type=content_type).to_dict() == page.to_dict()


TAGS = ["p", "div", "h1", "h2", "li", "figcaption", "nav", "footer", "a", "td", "span", "b", "script", "blockquote"]


@st.composite
def html_pages(draw) -> str:
    parts = []
    for line in draw(st.lists(lines, max_size=25)):
        tag = draw(st.sampled_from(TAGS))
        body = html.escape(line) if draw(st.booleans()) else line
        parts.append(f"<{tag}>{body}</{tag}>")
    head = draw(st.sampled_from(["", "<!doctype html><html><head><title>T | Site</title></head><body>",
                                 '<html lang="en"><head><meta charset="utf-8"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script></head><body>']))
    return head + "\n".join(parts)


def _input_characters(text: str) -> set[str]:
    """Characters of the page as typed, and as normalisation may repair them (mojibake: "×¤" is "פ")."""
    unescaped = html.unescape(text)
    # the parsers drop unassigned, private-use, control and format characters, which can bring the
    # two halves of a mojibake pair together ("Ã\U0001fbfa¡" reads "Ã¡", repaired to "á") or a
    # letter and its combining accent ("A\xad\u0300" reads "À" once NFC joins them)
    dropped = "".join(char for char in unescaped if unicodedata.category(char) not in ("Cn", "Co", "Cs", "Cc", "Cf"))
    # trafilatura joins an element's lines with a space, which can complete a mojibake pair
    # ("<p>Ã\n?</p>" is extracted as "Ã ?", repaired to "à ?")
    spaced = "".join(char for char in unescaped if char.isspace() or not unicodedata.category(char).startswith("C"))
    joined = {char for piece in re.split(r"<[^<>]*>", spaced) for char in repair(" ".join(piece.split()))}
    return set(unicodedata.normalize("NFC", unescaped)) | set(repair(unescaped)) | set(repair(dropped)) | joined


# HTML goes through trafilatura and lexbor, ~50 ms a page: a third of the profile's examples.
@settings(max_examples=max(10, settings.default.max_examples // 3))
@given(html_pages())
@example("<p>  \u2022 Asharq Al-Awsat</p>\n<p>AAA\xad\u0300</p>")  # soft hyphen dropped, then NFC: "À"
def test_html_gives_a_deterministic_json_page_of_the_input_characters(page_html: str) -> None:
    page = clean(page_html, content_type="html")
    as_written(page)
    assert clean(page_html, content_type="html").to_dict() == page.to_dict()
    # nothing invented: trafilatura rearranges whitespace, prints table cells as "a | b |",
    # escaping a "|" inside a cell as "\\|"; every other character comes from the page
    allowed = _input_characters(page_html) | set(" \n\t\ufffd|\\")
    for article in page.articles:
        assert set(article.text) <= allowed, sorted(set(article.text) - allowed)


# ---------------------------------------------------------------------- across processes

_CROSS_PROCESS = r"""
import json, random, sys
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests"]
from cleanscrape import clean
from test_properties import SEED_LINES, SHAPED_LINES, NASTY
rng = random.Random(20250320)
pool = SEED_LINES + SHAPED_LINES
docs = []
for _ in range(40):
    lines = [rng.choice(pool) if rng.random() < 0.8 else "".join(rng.choice(NASTY) for _ in range(rng.randrange(20)))
             for _ in range(rng.randrange(1, 40))]
    docs.append("\n".join(lines))
docs += [("<html><body>" + "".join(f"<p>{line}</p>" for line in doc.splitlines()) + "</body></html>") for doc in docs[:10]]
out = [clean(doc).to_dict() for doc in docs]
sys.stdout.write(json.dumps(out, ensure_ascii=True, sort_keys=False))
"""


def test_the_same_input_gives_the_same_output_across_processes_and_hash_seeds() -> None:
    outputs = []
    for hash_seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run([sys.executable, "-c", _CROSS_PROCESS, str(ROOT)], env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
