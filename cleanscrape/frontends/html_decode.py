"""Bytes to text for HTML input, in the order a browser uses: BOM, declared charset, detection.

Also `looks_like_html`, for telling HTML from plain text when the caller did not say which.
"""

from __future__ import annotations

import codecs
import re

# Read this much of the start of a page for a <meta> charset: browsers pre-scan 1024 bytes,
# but real pages put long <head>s (inline CSS, preload links) before it, so look a bit further.
CHARSET_SCAN_BYTES = 4096

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`
# both carry `charset=` inside one <meta> tag, so one pattern finds either.
META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_.:()-]+)""", re.IGNORECASE)

# WHATWG Encoding: these labels mean windows-1252, because that is what such pages really are
# (curly quotes in 0x80-0x9F would otherwise turn into control characters).
WINDOWS_1252_ALIASES = frozenset({
    "latin1", "latin-1", "l1", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "8859-1",
    "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "x-user-defined",
})
# WHATWG: a <meta> can't declare UTF-16 (we could not have read it as ASCII if it were).
UTF16_LABELS = frozenset({"utf-16", "utf-16le", "utf-16be", "utf16", "unicode", "ucs-2"})

# Signatures of binary formats people feed to scrapers by mistake.
BINARY_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip data (decompress it first)"),
    (b"RIFF", "RIFF media (WebP, WAV, AVI)"),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"wOFF", "web font"),
)
BINARY_SCAN_BYTES = 1024

DETECT_SAMPLE_BYTES = 64 * 1024  # detection on a sample: enough evidence, bounded cost


class NotTextError(ValueError):
    """The input is not decodable text (binary, or no encoding fits).

    Placeholder until `cleanscrape.errors.NotTextError` exists; callers catch ValueError meanwhile.
    """


def _whatwg_c1_passthrough(error: UnicodeDecodeError) -> tuple[str, int]:
    # Python's cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; WHATWG maps them to the
    # C1 code point of the same value. Matching browsers keeps a stray byte from failing a page.
    bad = error.object[error.start:error.end]
    return "".join(chr(byte) for byte in bad), error.end


codecs.register_error("cleanscrape-whatwg-c1", _whatwg_c1_passthrough)


def decode_html(data: bytes) -> tuple[str, str, bool]:
    """Decode HTML bytes; return (text, encoding used, whether the encoding was guessed).

    Not guessed: a BOM, a declared charset that decodes cleanly, or pure ASCII (every
    ASCII-compatible encoding reads it the same). Guessed: anything found by detection.
    Raises NotTextError for binary data or bytes no encoding can read.
    """
    if not data:
        return "", "utf-8", False
    for bom, encoding in BOMS:
        if data.startswith(bom):
            # A BOM is authoritative (WHATWG); stray bad bytes after it become U+FFFD, as in browsers.
            return data[len(bom):].decode(encoding, "replace"), encoding, False
    _reject_binary(data)
    if data.isascii():
        return data.decode("ascii"), "utf-8", False
    declared = declared_charset(data)
    if declared is not None:
        text = _try_decode(data, declared)
        if text is not None:
            return text, declared, False
    return _detect(data, fallback=declared)


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag in the first few KB declares, as a Python codec name."""
    match = META_CHARSET.search(data[:CHARSET_SCAN_BYTES])
    if match is None:
        return None
    return normalise_charset_label(match.group(1).decode("ascii", "replace"))


def normalise_charset_label(label: str) -> str | None:
    """Map a declared label to a Python codec name following WHATWG; None if unknown."""
    label = label.strip().lower()
    if label in WINDOWS_1252_ALIASES:
        return "cp1252"
    if label in UTF16_LABELS:
        return "utf-8"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _try_decode(data: bytes, encoding: str) -> str | None:
    errors = "cleanscrape-whatwg-c1" if encoding == "cp1252" else "strict"
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError:
        return None


def _reject_binary(data: bytes) -> None:
    head = data[:BINARY_SCAN_BYTES]
    for magic, kind in BINARY_MAGIC:
        if head.startswith(magic):
            raise NotTextError(f"input looks like a {kind}, not HTML")
    if b"\x00" in head:
        # NULs never occur in HTML text in an ASCII-compatible encoding, and UTF-16 without
        # a BOM is something browsers do not sniff either.
        raise NotTextError("input contains NUL bytes: binary data, not HTML")


def _detect(data: bytes, fallback: str | None) -> tuple[str, str, bool]:
    # UTF-8 first: if it decodes, it almost certainly is UTF-8 (other encodings rarely form
    # valid multi-byte sequences by accident), and the check is far cheaper than detection.
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # imported here: only pages that need detection pay for it

    best = charset_normalizer.from_bytes(data[:DETECT_SAMPLE_BYTES]).best()
    if best is not None:
        encoding = normalise_charset_label(best.encoding) or best.encoding
        text = _try_decode(data, encoding)
        if text is not None:
            return text, encoding, True
    if fallback is not None:
        # The page declared an encoding that does not fit every byte: do what browsers do.
        return data.decode(fallback, "replace"), fallback, True
    raise NotTextError("no text encoding fits these bytes")


# Anything of these at the start of a document is HTML, not text that talks about HTML.
HTML_OPENING = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html)", re.IGNORECASE)
HTML_SNIFF_CHARS = 4096
COMMON_TAG = re.compile(
    r"</?(p|div|span|a|br|hr|li|ul|ol|table|tr|td|th|h[1-6]|img|meta|link|script|style|"
    r"title|b|i|em|strong|section|article|header|footer|nav|figure|form|input)(?=[\s/>])[^<>]*>",
    re.IGNORECASE,
)
# Several tags, of more than one kind: one "<b>" quoted in prose is not markup.
MIN_TAGS = 4
MIN_DISTINCT_TAGS = 2


def looks_like_html(text: str) -> bool:
    """Whether `text` is an HTML document or fragment rather than plain text."""
    head = text[:HTML_SNIFF_CHARS].lstrip("\ufeff \t\r\n")
    if HTML_OPENING.search(head[:1024]):
        return True
    tags = [match.group(1).lower() for match in COMMON_TAG.finditer(head)]
    if len(tags) >= MIN_TAGS and len(set(tags)) >= MIN_DISTINCT_TAGS:
        return True
    # A short fragment such as "<p>Hello</p><p>World</p>": it starts with a tag, is mostly tags.
    return head.startswith("<") and len(tags) >= 2 and COMMON_TAG.match(head) is not None
