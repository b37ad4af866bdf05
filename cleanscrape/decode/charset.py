"""bytes -> str. Text: BOM, UTF-8, windows-1252, detection. HTML: BOM, declared charset, then the same.

Binary input (images, archives, random bytes) is refused with NotTextError.
"""

from __future__ import annotations

import codecs
import re

from cleanscrape.errors import NotTextError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16: its BOM starts with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of formats people point a text tool at by mistake.
_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ",
    b"RIFF", b"\x00\x00\x01\x00", b"wOFF",
)
# Not measured: detection on a sample: tens of pages of text are enough evidence, at bounded cost.
DETECT_SAMPLE_BYTES = 64 * 1024
# Real text has almost no C0 control characters besides tab, LF, CR, FF. Not measured: one in a
# hundred bytes is far above text's share and far below binary's.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_MAX_CONTROL_RATIO = 0.01
BINARY_SAMPLE_BYTES = 8192  # not measured: binary formats show NULs and control bytes from the start
# UTF-16 without a BOM, read from the first bytes. Not measured: ASCII-heavy UTF-16 has a NUL in
# nearly every other byte (markup and digits included: over 30%), and almost none in the others.
UTF16_SAMPLE_BYTES = 4096
MIN_UTF16_SAMPLE_UNITS = 8  # two-byte units: fewer say nothing
MIN_UTF16_NUL_SHARE = 0.3
MAX_UTF16_OTHER_NUL_SHARE = 0.02


def decode_text(data: bytes) -> tuple[str, str, bool]:
    """Return (text, encoding, guessed). Raises NotTextError for binary data."""
    bom = _decode_by_bom(data)
    if bom is not None:
        return bom
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, True
        except UnicodeDecodeError:
            pass
    reject_binary(data)
    return _detect(data, guessed_utf8=False)


def decode_html(data: bytes) -> tuple[str, str, bool]:
    """HTML bytes in a browser's order: BOM, the charset a <meta> declares, then detection.

    Not guessed: a BOM, a declared charset that decodes cleanly, or pure ASCII. Guessed:
    anything found by detection, undeclared UTF-8 included.
    """
    bom = _decode_by_bom(data)
    if bom is not None:
        return bom
    reject_binary(data)
    if data.isascii():
        return data.decode("ascii"), "utf-8", False
    declared = declared_charset(data)
    if declared is not None:
        text = _try_decode(data, declared)
        if text is not None:
            return text, declared, False
    try:
        return _detect(data, guessed_utf8=True)
    except NotTextError:
        if declared is None:
            raise
        # The page declared an encoding that does not fit every byte: do what browsers do.
        return data.decode(declared, "replace"), declared, True




def repair_surrogates(text: str) -> str:
    """A str can hold lone surrogates (from JSON's \\ud800 escapes, or a careless caller); no
    encoding can, so output holding one could not be written as UTF-8. A valid pair becomes its
    character, a lone surrogate U+FFFD, the replacement character."""
    if text.isascii():
        return text
    try:
        # Only a surrogate cannot be encoded as UTF-8; encoding is ~6x faster than a regex
        # search for one (a 170 KB page: 0.26 vs 1.5 ms).
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def reject_binary(data: bytes) -> None:
    if data.startswith(_BINARY_MAGIC):
        raise NotTextError("input is binary (a known image, document or archive format), not text")
    if looks_binary(data):
        raise NotTextError("input is binary (control bytes), not text")


def _decode_by_bom(data: bytes) -> tuple[str, str, bool] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, False
            except UnicodeDecodeError:
                message = f"bytes start with a {encoding} byte-order mark but are not valid {encoding}"
                raise NotTextError(message) from None
    return None


def _detect(data: bytes, guessed_utf8: bool) -> tuple[str, str, bool]:
    # UTF-8 first: other encodings rarely form valid multi-byte sequences by accident.
    try:
        return data.decode("utf-8"), "utf-8", guessed_utf8
    except UnicodeDecodeError:
        pass
    western = _as_western_european(data)
    if western is not None:
        return western, "cp1252", True
    from charset_normalizer import from_bytes  # a trafilatura dependency; imported only when needed

    best = from_bytes(data[:DETECT_SAMPLE_BYTES]).best()
    if best is not None:
        encoding = normalise_charset_label(best.encoding) or best.encoding
        text = _try_decode(data, encoding)
        if text is not None:
            return text, encoding, True
    raise NotTextError("input is not text in any encoding that could be detected")


# Read this much of the start of a page for a <meta> charset: browsers pre-scan 1024 bytes,
# but real pages put long <head>s (inline CSS, preload links) before it, so look a bit further.
CHARSET_SCAN_BYTES = 4096

# `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`
# both carry `charset=` inside one <meta> tag, so one pattern finds either.
# [^<>], not [^>]: an unclosed "<meta" stops at the next tag instead of rescanning to the end.
META_CHARSET = re.compile(rb"""<meta\b[^<>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9_.:()-]+)""", re.IGNORECASE)

# WHATWG Encoding: these labels mean windows-1252, because that is what such pages really are
# (curly quotes in 0x80-0x9F would otherwise turn into control characters).
WINDOWS_1252_ALIASES = frozenset({
    "latin1", "latin-1", "l1", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "8859-1",
    "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "x-user-defined",
})
# WHATWG: a <meta> can't declare UTF-16 (we could not have read it as ASCII if it were).
UTF16_LABELS = frozenset({"utf-16", "utf-16le", "utf-16be", "utf16", "unicode", "ucs-2"})


def _whatwg_c1_passthrough(error: UnicodeError) -> tuple[str, int]:
    # Python's cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; WHATWG maps them to the
    # C1 code point of the same value. Matching browsers keeps a stray byte from failing a page.
    if not isinstance(error, UnicodeDecodeError):
        raise error  # registered for decoding only
    bad = error.object[error.start:error.end]
    return "".join(chr(byte) for byte in bad), error.end


codecs.register_error("cleanscrape-whatwg-c1", _whatwg_c1_passthrough)


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


# Bytes windows-1252 leaves undefined: text containing them is not windows-1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# In Western European text accented letters are a minority; text in another single-byte
# encoding (Cyrillic cp1251, Greek, ...) read as windows-1252 is mostly accented letters. Added in
# 8190cdd for short French text detection took for cp775/cp1257; not measured beyond its tests.
MAX_WESTERN_ACCENTED_SHARE = 0.3


def _as_western_european(data: bytes) -> str | None:
    """windows-1252, the web's most common legacy encoding, when the bytes read as plausible text in it.

    Statistical detection confuses short French or German text with Baltic and DOS code pages.
    """
    if _CP1252_UNDEFINED.intersection(data):
        return None
    text = data.decode("cp1252")
    letters = [char for char in text if char.isalpha()]
    accented = sum(1 for char in letters if not char.isascii())
    if not letters or accented > MAX_WESTERN_ACCENTED_SHARE * len(letters):
        return None
    return text


def looks_binary(data: bytes) -> bool:
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_RATIO


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly ASCII has a NUL in every other byte; binary has NULs everywhere."""
    sample = data[:UTF16_SAMPLE_BYTES]
    half = len(sample) // 2
    if half < MIN_UTF16_SAMPLE_UNITS:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > MIN_UTF16_NUL_SHARE * half and even_nuls < MAX_UTF16_OTHER_NUL_SHARE * half:
        return "utf-16-le"
    if even_nuls > MIN_UTF16_NUL_SHARE * half and odd_nuls < MAX_UTF16_OTHER_NUL_SHARE * half:
        return "utf-16-be"
    return None
