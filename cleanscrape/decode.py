"""bytes -> str for text input: BOM, then UTF-8, then detection. Binary input is refused."""

from __future__ import annotations

import codecs

from .errors import NotTextError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16: its BOM starts with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of formats people point a text tool at by mistake.
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")
# Real text has almost no C0 control characters besides tab, LF, CR, FF.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_MAX_CONTROL_RATIO = 0.01


def decode_text(data: bytes) -> tuple[str, str, bool]:
    """Return (text, encoding, guessed). Raises NotTextError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, False
            except UnicodeDecodeError:
                raise NotTextError(f"bytes start with a {encoding} byte-order mark but are not valid {encoding}") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, True
        except UnicodeDecodeError:
            pass
    if data.startswith(_BINARY_MAGIC):
        raise NotTextError("input is binary (a known image or archive format), not text")
    if looks_binary(data):
        raise NotTextError("input is binary (control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # a trafilatura dependency; imported only when needed

    best = from_bytes(data).best()
    if best is None:
        raise NotTextError("input is not text in any encoding that could be detected")
    return str(best), best.encoding, True


def looks_binary(data: bytes, sample_size: int = 8192) -> bool:
    sample = data[:sample_size]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_RATIO


def _utf16_without_bom(data: bytes, sample_size: int = 4096) -> str | None:
    """UTF-16 text of mostly ASCII has a NUL in every other byte; binary has NULs everywhere."""
    sample = data[:sample_size]
    half = len(sample) // 2
    if half < 8:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > 0.3 * half and even_nuls < 0.02 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.02 * half:
        return "utf-16-be"
    return None
