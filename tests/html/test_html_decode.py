import pytest

from cleanscrape.decode.charset import decode_html
from cleanscrape.decode.sniff import looks_like_html
from cleanscrape.errors import NotTextError

CURLY = "\u201cQuoted\u201d \u2014 caf\u00e9"


def test_declared_windows_1252_decodes_curly_quotes():
    data = f'<html><head><meta charset="windows-1252"></head><body><p>{CURLY}</p></body></html>'.encode("cp1252")
    text, encoding, guessed = decode_html(data)
    assert CURLY in text
    assert (encoding, guessed) == ("cp1252", False)


def test_declared_latin1_is_read_as_windows_1252():
    # WHATWG: "iso-8859-1" means windows-1252, so 0x93/0x94 are curly quotes, not C1 controls.
    data = f'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>{CURLY}</p>'.encode("cp1252")
    text, encoding, _ = decode_html(data)
    assert CURLY in text
    assert encoding == "cp1252"


def test_declared_us_ascii_is_read_as_windows_1252():
    text, encoding, _ = decode_html('<meta charset="us-ascii"><p>\u201cq\u201d</p>'.encode("cp1252"))
    assert "\u201cq\u201d" in text
    assert encoding == "cp1252"


def test_cp1252_undefined_byte_does_not_fail_the_page():
    text, encoding, _ = decode_html(b'<meta charset="windows-1252"><p>a\x81b \x93q\x94</p>')
    assert "a\x81b \u201cq\u201d" in text
    assert encoding == "cp1252"


def test_utf8_bom_wins_over_a_wrong_declaration():
    data = b"\xef\xbb\xbf" + '<meta charset="windows-1252"><p>caf\u00e9 \u201cok\u201d</p>'.encode("utf-8")
    text, encoding, guessed = decode_html(data)
    assert text.startswith("<meta")  # the BOM itself is not part of the text
    assert "caf\u00e9 \u201cok\u201d" in text
    assert (encoding, guessed) == ("utf-8", False)


def test_utf16_bom():
    data = "\ufeff<p>Gr\u00fc\u00dfe</p>".encode("utf-16-le")
    assert decode_html(data)[:2] == ("<p>Gr\u00fc\u00dfe</p>", "utf-16-le")


def test_declaration_beyond_the_scan_window_is_ignored():
    padding = "<!-- " + "x" * 5000 + " -->"
    data = f"{padding}<meta charset=\"shift_jis\"><p>caf\u00e9</p>".encode()
    text, encoding, guessed = decode_html(data)
    assert "caf\u00e9" in text
    assert (encoding, guessed) == ("utf-8", True)


def test_wrong_declaration_falls_back_to_detection():
    data = '<meta charset="utf-8"><p>Stra\u00dfe und \u201cGr\u00fc\u00dfe\u201d aus K\u00f6ln, sch\u00f6ne Gr\u00fc\u00dfe</p>'.encode("cp1252")
    text, _, guessed = decode_html(data)
    assert "Stra\u00dfe" in text and "\ufffd" not in text
    assert guessed is True


def test_undeclared_utf8_is_detected_first():
    data = "<p>\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8</p>".encode("utf-8")
    assert decode_html(data) == ("<p>\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8</p>", "utf-8", True)


def test_undeclared_legacy_encoding_is_detected():
    sentence = "\u041f\u0440\u0438\u0432\u0435\u0442, \u044d\u0442\u043e \u0442\u0435\u0441\u0442 \u0440\u0443\u0441\u0441\u043a\u043e\u0433\u043e \u0442\u0435\u043a\u0441\u0442\u0430."
    text, encoding, guessed = decode_html(f"<p>{sentence} {sentence}</p>".encode("cp1251"))
    assert sentence in text
    assert guessed is True


def test_pure_ascii_is_not_a_guess():
    assert decode_html(b"<p>plain</p>") == ("<p>plain</p>", "utf-8", False)


def test_empty_input_is_empty_text():
    assert decode_html(b"") == ("", "utf-8", False)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"%PDF-1.7\n...", b"<p>ok</p>\x00\x00\x00\x01", b"\x1f\x8b\x08\x00"])
def test_binary_input_raises_a_clear_error(data):
    with pytest.raises(NotTextError):
        decode_html(data)


def test_not_text_error_is_a_value_error():
    assert issubclass(NotTextError, ValueError)


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
        "\n\n  <html lang='en'><p>hi</p></html>",
        "<HEAD><TITLE>Old page</TITLE></HEAD>",
        "<div class='a'><p>One</p><p>Two</p><a href='/'>home</a></div>",
        "<p>Hello</p><p>World</p>",
    ],
)
def test_html_is_recognised(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain article text.\n\nSecond paragraph.",
        "To make text bold, wrap it in <b> tags. That's the whole trick.",
        "If x < y and y > z then the <b> tag </b> example fails.",
        "Compare a<b and c>d in this formula.",
        "Use <b> for bold and <i> for italics; both are old tags.",
    ],
)
def test_plain_text_is_not_html(text):
    assert not looks_like_html(text)
