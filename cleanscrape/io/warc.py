"""WARC and WET input (read with warcio; see the batch notes in the report for the measurement).

warcio rather than fastwarc: fastwarc parses 4-7x faster, but reading is well under 1% of the
cost of cleaning a page, and warcio undoes chunked transfer encoding and gzip/br content
encoding of stored HTTP bodies, which fastwarc leaves to the caller.
"""

from __future__ import annotations

import lzma
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from cleanscrape.io.document import InputDocument, too_large_message

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, *, stem: tuple[str, ...], max_bytes: int | None) -> Iterator[InputDocument]:
    """HTML `response` records (HTML path) and WET `conversion` records (text path).

    Other records (requests, metadata, images, redirects) are not documents and are skipped.
    The stream may be gzip-compressed per record: warcio detects that itself.
    """
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC users need it

    watched = _TruncationWatch(stream)
    number = 0
    for record in ArchiveIterator(watched, arc2warc=True):
        content_type = _content_type(record)
        if content_type is None:
            continue
        number += 1
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
        meta = {
            "warc_record_id": record_id,
            "warc_type": record.rec_type,
            "warc_date": record.rec_headers.get_header("WARC-Date"),
        }
        source = uri or record_id
        # the whole URL is one file name (scheme dropped): a/b and a/b/c cannot clash as file vs folder
        name = (*stem, f"{number:06d}-" + re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", uri))
        stream_ = record.content_stream()  # undoes chunked transfer and content encoding
        # read(-1) means "nothing" to warcio's reader, so no limit must be read() without one
        body = stream_.read(max_bytes + 1) if max_bytes is not None else stream_.read()
        if max_bytes is None or len(body) <= max_bytes:
            missing = getattr(record.raw_stream, "limit", 0)  # bytes the record's Content-Length still owes
            if missing > 0 or watched.truncated:
                raise EOFError(f"the file ends inside the record for {source or 'a record'}: it is cut short")
        if max_bytes is not None and len(body) > max_bytes:
            yield InputDocument.failed(source, "TooLarge", too_large_message(max_bytes), name=name, meta=meta)
            continue
        yield InputDocument(source=source, data=body, content_type=content_type, meta=meta, name=name)
    if watched.truncated:
        raise EOFError("the compressed file is cut short or damaged: records after the last one read are lost")


class _TruncationWatch:
    """A stream for warcio that remembers the error of a cut-off or damaged compressed file.

    warcio swallows such errors and simply stops, which would lose the rest of the file without
    a word. Reading with read1 hands warcio every whole record before the damage.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.truncated = False

    def read(self, size: int = -1) -> bytes:
        if self.truncated:
            return b""
        read = getattr(self._stream, "read1", self._stream.read)
        try:
            return read(size if size is not None and size > 0 else _CHUNK)
        except (EOFError, OSError, zlib.error, lzma.LZMAError):  # cut short, or a damaged gzip/bz2/xz member
            self.truncated = True
            return b""


_CHUNK = 64 * 1024


def _content_type(record) -> str | None:  # noqa: ANN001 - warcio's record type is untyped
    """"html" or "text" for a record that holds a document, None for one to skip."""
    if record.rec_type == "conversion":
        declared = (record.rec_headers.get_header("Content-Type") or "text/plain").lower()
        return "text" if declared.startswith("text/plain") else None
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None  # redirects and error pages are not the page's content
    declared = (record.http_headers.get_header("Content-Type") or "").lower()
    if declared.startswith(_HTML_TYPES):
        return "html"
    if declared.startswith("text/plain"):
        return "text"
    return None
