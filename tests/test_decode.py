"""Bytes -> text: BOMs, UTF-8, UTF-16 without BOM, legacy encodings; binary is refused."""

import codecs
import random

import pytest

from cleanscrape.decode.charset import decode_text, looks_binary
from cleanscrape.errors import CleanscrapeError, NotTextError

TEXT = "Caf\u00e9 \u201cLisboa\u201d \u2014 na\u00efve r\u00e9sum\u00e9, \u6771\u4eac."


@pytest.mark.parametrize(
    "bom, encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_byte_order_mark_decides_the_encoding_and_is_removed(bom, encoding):
    assert decode_text(bom + TEXT.encode(encoding)) == (TEXT, encoding, False)


def test_plain_utf8_is_not_a_guess():
    assert decode_text(TEXT.encode("utf-8")) == (TEXT, "utf-8", False)


def test_empty_bytes_are_empty_text():
    assert decode_text(b"") == ("", "utf-8", False)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_and_reported_as_a_guess(encoding):
    text = "The harbour reopened on Monday after the storm."
    assert decode_text(text.encode(encoding)) == (text, encoding, True)


def test_a_bom_followed_by_invalid_data_is_not_text():
    with pytest.raises(NotTextError, match="utf-16-le"):
        decode_text(codecs.BOM_UTF16_LE + b"\x00")


def test_cp1252_english_is_decoded_to_the_same_text_as_a_guess():
    text = "The caf\u00e9 on the corner reopened on Monday, its owner said. \u201cWe missed our customers,\u201d she told reporters \u2013 and the queue was long."
    decoded, _encoding, guessed = decode_text(text.encode("cp1252"))
    assert (decoded, guessed) == (text, True)


def test_cp1252_french_is_decoded_to_the_same_text():
    text = "Le pr\u00e9sident a d\u00e9clar\u00e9 mercredi que la r\u00e9forme \u00e9tait n\u00e9cessaire. \u00ab Nous devons agir \u00bb, a-t-il ajout\u00e9, \u00e0 l'\u00e9t\u00e9 prochain."
    assert decode_text(text.encode("cp1252"))[0] == text


@pytest.mark.parametrize(
    "magic",
    [b"\x89PNG\r\n\x1a\n", b"GIF89a", b"\xff\xd8\xff\xe0", b"%PDF-1.7\n", b"PK\x03\x04", b"\x1f\x8b\x08"],
)
def test_images_and_archives_are_not_text(magic):
    with pytest.raises(NotTextError):
        decode_text(magic + b"abcdefgh" * 20)


def test_random_binary_is_not_text():
    data = random.Random(7).randbytes(4096)
    with pytest.raises(NotTextError):
        decode_text(data)


def test_not_text_error_is_a_cleanscrape_error_and_a_value_error():
    with pytest.raises(CleanscrapeError):
        decode_text(b"\x89PNG\r\n\x1a\n")
    assert issubclass(NotTextError, ValueError)


def test_text_with_tabs_form_feeds_and_line_breaks_is_not_binary():
    assert not looks_binary(b"col1\tcol2\r\nnext page\x0cmore text\n" * 10)
    assert looks_binary(b"text with a NUL\x00 inside")
    assert looks_binary(b"x" * 90 + b"\x01\x02")


def test_lone_surrogates_become_the_replacement_character_and_pairs_their_character():
    from cleanscrape.decode.charset import repair_surrogates

    assert repair_surrogates("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert repair_surrogates("smile \ud83d\ude00") == "smile \U0001f600"
    text = "no surrogates: é 中 \U0001f600"
    assert repair_surrogates(text) is text
