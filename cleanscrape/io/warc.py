"""WARC and WET input (read with warcio; see the batch notes in the report for the measurement).

warcio rather than fastwarc: fastwarc parses 4-7x faster, but reading is well under 1% of the
cost of cleaning a page, and warcio undoes chunked transfer encoding and gzip/br content
encoding of stored HTTP bodies, which fastwarc leaves to the caller.
"""

from __future__ import annotations

import contextlib
import io
import logging
import lzma
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from cleanscrape.io.document import InputDocument, SkipCause, too_large_message

logger = logging.getLogger(__name__)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, *, stem: tuple[str, ...], max_bytes: int | None,
              skipped: Counter[SkipCause], origin: str = "") -> Iterator[InputDocument]:
    """HTML `response` records (HTML path) and WET `conversion` records (text path).

    Other records are not documents and are passed over: responses that are not pages (images,
    redirects, HTTP errors) are counted in `skipped` by cause; requests, metadata and the like,
    which never are, are not. The stream may be gzip-compressed per record: warcio detects that.
    A file that does not begin as a WARC or ARC file does is refused (NotWarcError), rather than
    read by warcio as records of nothing. What warcio prints on stderr about a damaged file
    becomes one warning line, logged once the file is read (`-q` silences it).
    """
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC users need it

    watched = _TruncationWatch(stream)
    opening = watched.peek()
    if opening.strip() and not opening.lstrip(b" \t\r\n").startswith(_WARC_OPENINGS):
        raise NotWarcError("not a WARC file: it does not begin with a WARC/1.x record (nor an ARC file's header)")
    notes: list[str] = []
    records = iter(ArchiveIterator(watched, arc2warc=True))
    number = 0
    try:
        while True:
            with _warcio_notes(notes):
                record = next(records, None)
                if record is None:
                    break
                found = _document(record, stem, max_bytes, skipped, watched, number + 1)
            if found is not None:
                number += 1
                yield found
    finally:
        if notes:
            logger.warning("%s: warcio reported %d problem(s) reading it, the first: %s",
                           origin or "/".join(stem), len(notes), notes[0])
    if watched.truncated:
        raise EOFError("the compressed file is cut short or damaged: records after the last one read are lost")


class NotWarcError(ValueError):
    """A file named as a WARC that holds something else."""


# How a WARC file begins (its first record's version line), how an ARC file does, and a gzip
# member's magic number (a .warc named file compressed record by record): warcio reads all three.
_WARC_OPENINGS = (b"WARC/", b"filedesc://", b"\x1f\x8b")


def _document(record, stem: tuple[str, ...], max_bytes: int | None,  # noqa: ANN001 - warcio's record is untyped
              skipped: Counter[SkipCause], watched: _TruncationWatch, number: int) -> InputDocument | None:
    """The document a record holds (numbered `number` in its file), or None when it holds none."""
    content_type = _content_type(record)
    if isinstance(content_type, SkipCause):
        skipped[content_type] += 1
    if not isinstance(content_type, str):
        return None
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
        return InputDocument.failed(source, "TooLarge", too_large_message(max_bytes), name=name, meta=meta)
    return InputDocument(source=source, data=body, content_type=content_type, meta=meta, name=name)


@contextlib.contextmanager
def _warcio_notes(notes: list[str]) -> Iterator[None]:
    """Collect what warcio says while it reads (it writes warnings straight to sys.stderr, and logs
    others) into `notes`, one entry a message, instead of letting ~20 lines reach the terminal."""
    captured = io.StringIO()
    warcio_logger = logging.getLogger("warcio")
    handler = _NoteHandler(notes)
    warcio_logger.addHandler(handler)
    propagate, warcio_logger.propagate = warcio_logger.propagate, False
    try:
        with contextlib.redirect_stderr(captured):
            yield
    finally:
        warcio_logger.removeHandler(handler)
        warcio_logger.propagate = propagate
        notes.extend(" ".join(block.split()) for block in re.split(r"\n(?=\S)", captured.getvalue()) if block.strip())


class _NoteHandler(logging.Handler):
    def __init__(self, notes: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self._notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self._notes.append(record.getMessage())


class _TruncationWatch:
    """A stream for warcio that remembers the error of a cut-off or damaged compressed file.

    warcio swallows such errors and simply stops, which would lose the rest of the file without
    a word. Reading with read1 hands warcio every whole record before the damage.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.truncated = False
        self._head = b""

    def peek(self) -> bytes:
        """The first chunk, read now and handed to the next read: how the file begins."""
        self._head = self.read()
        return self._head

    def read(self, size: int = -1) -> bytes:
        if self._head:
            wanted = size if size is not None and size > 0 else len(self._head)
            head, self._head = self._head[:wanted], self._head[wanted:]
            return head
        if self.truncated:
            return b""
        read = getattr(self._stream, "read1", self._stream.read)
        try:
            return read(size if size is not None and size > 0 else _CHUNK)
        except (EOFError, OSError, zlib.error, lzma.LZMAError):  # cut short, or a damaged gzip/bz2/xz member
            self.truncated = True
            return b""


_CHUNK = 64 * 1024


def _content_type(record) -> str | SkipCause | None:  # noqa: ANN001 - warcio's record type is untyped
    """"html" or "text" for a record that holds a document; why not, for a response or conversion
    record that does not; None for a record that never holds one (request, metadata, warcinfo)."""
    if record.rec_type == "conversion":
        declared = (record.rec_headers.get_header("Content-Type") or "text/plain").lower()
        return "text" if declared.startswith("text/plain") else SkipCause.WARC_NOT_A_PAGE
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    if status.startswith("3"):
        return SkipCause.WARC_REDIRECT  # not the page's content
    if not status.startswith("2"):
        return SkipCause.WARC_HTTP_ERROR
    declared = (record.http_headers.get_header("Content-Type") or "").lower()
    if declared.startswith(_HTML_TYPES):
        return "html"
    if declared.startswith("text/plain"):
        return "text"
    return SkipCause.WARC_NOT_A_PAGE
