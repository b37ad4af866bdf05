"""Opening inputs as binary streams, through a gzip, bz2, xz or zstd wrapper when the name says so.

Streams, never whole files: a 1 GB .jsonl.gz is read line by line. Reads of one document are
bounded so that a decompression bomb or an oversized page costs at most `limit` bytes of memory.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
import sys
import zlib
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from cleanscrape.io.discovery import STDIN, ZSTD_HINT, InputFile
from cleanscrape.io.document import too_large_message

# What a broken compressed stream raises, depending on where it breaks: a bad header
# (BadGzipFile, an OSError), a cut-off end (EOFError), corrupt data (zlib.error, LZMAError,
# and bz2's OSError "Invalid data stream"; readers.read_file also names zstandard's ZstdError).
CORRUPT_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError)


class TooLarge(ValueError):
    """A document is larger than the size limit."""


class ByteMeter:
    """Bytes read from the input files so far, as stored (a compressed file's compressed bytes):
    what `batch` measures its progress by against the inputs' total size."""

    def __init__(self) -> None:
        self.bytes = 0


class _MeteredFile(io.RawIOBase):
    """A file read through a ByteMeter: every byte read from it is counted."""

    def __init__(self, path: str, meter: ByteMeter) -> None:
        self._file = open(path, "rb", buffering=0)  # noqa: SIM115 - closed by close()
        self._meter = meter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        count = self._file.readinto(buffer)
        self._meter.bytes += count or 0
        return count

    def close(self) -> None:
        self._file.close()
        super().close()


def open_binary(item: InputFile, meter: ByteMeter | None = None) -> contextlib.AbstractContextManager[BinaryIO]:
    """A readable binary stream of the file's decompressed content (stdin is read as is), to use
    in a `with`; with a `meter`, the bytes read from the file are counted there."""
    if item.path == STDIN:
        return contextlib.nullcontext(sys.stdin.buffer)
    if meter is None:
        return open_decompressed(item.path, item.compression)
    return _open_metered(item.path, item.compression, meter)


@contextlib.contextmanager
def _open_metered(path: str, compression: str | None, meter: ByteMeter) -> Iterator[BinaryIO]:
    # The decompressor reads from the metered file and is closed before it (it does not own it).
    with io.BufferedReader(_MeteredFile(path, meter)) as stored:
        if compression is None:
            yield stored
            return
        with _decompress(stored, compression) as stream:
            yield stream


def _decompress(stored: BinaryIO, compression: str) -> BinaryIO:
    if compression == "gz":
        return gzip.GzipFile(fileobj=stored, mode="rb")  # type: ignore[return-value]
    if compression == "bz2":
        return bz2.BZ2File(stored, "rb")  # type: ignore[return-value]
    if compression == "xz":
        return lzma.LZMAFile(stored, "rb")  # type: ignore[return-value]
    try:
        import zstandard
    except ImportError as error:
        raise ImportError(ZSTD_HINT) from error
    return io.BufferedReader(zstandard.open(stored, "rb", closefd=False))


# The standard library's opener of each compression a file name may carry, for reading ("rb")
# and writing ("wb"); zstd needs the optional zstandard module and is opened apart.
STDLIB_OPENERS: dict[str, Callable[[str, str], Any]] = {"gz": gzip.open, "bz2": bz2.open, "xz": lzma.open}


def open_decompressed(path: str, compression: str | None) -> BinaryIO:
    """`path` opened for reading through the decompressor `compression` ("gz", "bz2", "xz", "zst") names."""
    if compression in STDLIB_OPENERS:
        stream: BinaryIO = STDLIB_OPENERS[compression](path, "rb")
        return stream
    if compression == "zst":
        return _open_zstd(path)
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


def _open_zstd(path: str) -> BinaryIO:
    try:
        import zstandard
    except ImportError as error:
        raise ImportError(ZSTD_HINT) from error
    # Its reader has no readline(), which the JSONL and WARC readers need: a buffer adds it.
    return io.BufferedReader(zstandard.open(path, "rb"))


def read_bounded(stream: BinaryIO, limit: int | None) -> bytes:
    """The rest of `stream`, or TooLarge once more than `limit` bytes come out of it."""
    if limit is None:
        return stream.read()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(too_large_message(limit))
    return data
