"""Opening inputs as binary streams, through a gzip, bz2 or xz wrapper when the name says so.

Streams, never whole files: a 1 GB .jsonl.gz is read line by line. Reads of one document are
bounded so that a decompression bomb or an oversized page costs at most `limit` bytes of memory.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import sys
import zlib
from typing import BinaryIO

from cleanscrape.io.discovery import STDIN, InputFile
from cleanscrape.io.document import too_large_message

# What a broken compressed stream raises, depending on where it breaks: a bad header
# (BadGzipFile, an OSError), a cut-off end (EOFError), corrupt data (zlib.error, LZMAError,
# and bz2's OSError "Invalid data stream").
CORRUPT_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError)


class TooLarge(ValueError):
    """A document is larger than the size limit."""


def open_binary(item: InputFile) -> BinaryIO:
    """A readable binary stream of the file's decompressed content (stdin is read as is)."""
    if item.path == STDIN:
        return sys.stdin.buffer
    return open_decompressed(item.path, item.compression)


def open_decompressed(path: str, compression: str | None) -> BinaryIO:
    """`path` opened for reading through the decompressor `compression` ("gz", "bz2", "xz") names."""
    if compression == "gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    if compression == "bz2":
        return bz2.open(path, "rb")  # type: ignore[return-value]
    if compression == "xz":
        return lzma.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def stdin_looks_like_jsonl(sniff_bytes: int = 4096) -> bool:
    """Whether standard input starts as JSONL does (with "{", after a byte-order mark and blank
    lines), read without consuming it. True when that cannot be told (nothing there yet)."""
    head = _peek(sys.stdin.buffer, sniff_bytes).removeprefix(b"\xef\xbb\xbf").lstrip()
    return not head or head.startswith(b"{")


def _peek(stream: BinaryIO, size: int) -> bytes:
    if hasattr(stream, "peek"):  # a pipe or a file: io.BufferedReader
        return bytes(stream.peek(size)[:size])
    if stream.seekable():  # an in-memory stream
        start = stream.tell()
        head = stream.read(size)
        stream.seek(start)
        return head
    return b""


def read_bounded(stream: BinaryIO, limit: int | None) -> bytes:
    """The rest of `stream`, or TooLarge once more than `limit` bytes come out of it."""
    if limit is None:
        return stream.read()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(too_large_message(limit))
    return data
