"""The HTML front end over article-like pages whose attributes hold anything (hypothesis).

clean() promises NotTextError, InputTooLarge, ValueError and TypeError and nothing else. A page's
attribute values (classes, ids, itemprops, <meta> keys and contents, lang) reach selectors, regexes
and date parsers in the front end, so they are drawn here from what breaks a mini-language:
newlines, quotes, brackets, backslashes, NULs, CSS and regex syntax, and huge values.
"""

from __future__ import annotations

import html

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleanscrape import InputTooLarge, NotTextError, Page, clean  # noqa: E402

DOCUMENTED_ERRORS = (NotTextError, InputTooLarge, ValueError, TypeError)

PROSE = [
    "The council voted on Tuesday to approve the new bridge across the river after a long debate.",
    "Work starts in May, the council said, and the bridge should open to traffic two years later.",
    "Residents of both banks had asked for a crossing since the old ferry stopped running in 2019.",
    "The budget, published online, puts the cost at twelve million pounds, most of it from the state.",
    "Opponents said the money would be better spent on the roads that already cross the valley.",
    "The mayor promised that the old ferry landing would become a park once the bridge was open.",
]
# Pieces of the syntaxes a value could be pasted into: CSS selectors and strings, regexes, JSON,
# HTML attributes, ISO dates.
HOSTILE_PIECES = [
    "\n", "\r", "\t", "\x00", "\x0c", " ", '"', "'", "\\", "[", "]", "(", ")", "{", "}", "<", ">", "=",
    "*", "+", "?", "|", "^", "$", ".", ",", ":", "::", "#", "~", "/", "&", "&amp;", "&#0;", "\\a",
    "\\\n", "\ud800", "\u2028", "\ufeff", "-", "--", "0", "9", "2025-03-20", "T25:61", "0001-01-01",
    "body", "comment", "caption", "article", "main", "text", "é", "日本",
]
hostile_values = st.one_of(
    st.lists(st.sampled_from(HOSTILE_PIECES), max_size=12).map("".join),
    st.text(max_size=30),
    # huge values: an attribute of 100,000 characters
    st.builds(lambda piece, count: piece * count, st.sampled_from(["a", '"', "\\", "\n", "[", " "]),
              st.sampled_from([1_000, 100_000])),
)
ATTRIBUTE_NAMES = ["class", "id", "itemprop", "role", "lang", "data-x", "property", "name", "type", "content"]


def attribute(name: str, value: str, quoted: bool) -> str:
    # quoted: the element really carries the value; raw: the value may break out of the tag
    return f' {name}="{html.escape(value)}"' if quoted else f" {name}={value}"


@st.composite
def article_pages(draw) -> str:
    quoted = draw(st.booleans())

    def attributes() -> str:
        drawn = draw(st.lists(st.tuples(st.sampled_from(ATTRIBUTE_NAMES), hostile_values), max_size=3))
        return "".join(attribute(name, value, quoted) for name, value in drawn)

    # Two body chunks share one class, so the page takes the body-chunk path.
    chunk_class = attribute("class", draw(hostile_values), quoted)
    first, second = PROSE[:3], PROSE[3:]
    chunk = "<div{}{}>{}</div>"
    meta_key, meta_value = draw(hostile_values), draw(hostile_values)
    return (
        f"<html{attributes()}><head><title>Council approves the bridge | Daily Example</title>"
        f"<meta{attribute('property', meta_key, quoted)}{attribute('content', meta_value, quoted)}>"
        f"<meta property=\"article:published_time\"{attribute('content', draw(hostile_values), quoted)}>"
        f"</head><body><nav{attributes()}><a href='/'>Home</a></nav>"
        f"<article{attributes()}><h1{attributes()}>Council approves the bridge</h1>"
        + chunk.format(chunk_class, attributes(), "".join(f"<p{attributes()}>{text}</p>" for text in first))
        + f"<div{attributes()}>Advertisement</div>"
        + chunk.format(chunk_class, attributes(), "".join(f"<p>{text}</p>" for text in second))
        + f"<figure><figcaption{attributes()}>The old bridge</figcaption></figure>"
        + "</article></body></html>"
    )


# HTML goes through trafilatura and lexbor, ~50 ms a page: a small share of the profile's examples.
@settings(max_examples=max(10, settings.default.max_examples // 20))
@given(article_pages())
@example('<article><h1>T</h1><div class="body\n text">' + "".join(f"<p>{text} {text}</p>" for text in PROSE))
def test_hostile_attribute_values_give_a_page_or_a_documented_error(page_html: str) -> None:
    try:
        page = clean(page_html, content_type="html")
    except DOCUMENTED_ERRORS:
        return
    assert isinstance(page, Page)
