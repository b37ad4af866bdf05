"""Output writers: JSONL (a file or stdout) and one file per document under a directory.

Rendering (record -> bytes) is a pure function run in the worker process; the writer in the
main process only puts bytes where they belong. Both writers leave output that a crash cannot
corrupt beyond repair: JSONL gets whole documents, each recorded in a journal (`io.resume`) by
which `--resume` cuts off a torn tail, and per-document files appear atomically (temp file +
rename) or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, BinaryIO, Protocol

from cleanscrape.io.compressed import STDLIB_OPENERS
from cleanscrape.io.discovery import InputFile
from cleanscrape.io.document import InputDocument
from cleanscrape.io.readers import output_stem, page_name
from cleanscrape.io.record import per_article_records
from cleanscrape.io.resume import Journal, JournalState, document_key, key_digest
from cleanscrape.io.rows import article_row, output_arrow_schema, page_row

# ---------------------------------------------------------------------------------- rendering

def dumps_line(record: Mapping[str, Any]) -> bytes:
    # ensure_ascii=False keeps text readable and smaller; JSON escapes the newlines inside strings,
    # so one record is always exactly one line.
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


@dataclass(frozen=True, slots=True)
class JsonlRenderer:
    per_article: bool = False

    def render(self, record: Mapping[str, Any], doc_index: int) -> bytes:
        if self.per_article:
            return b"".join(dumps_line(item) for item in per_article_records(record, doc_index))
        return dumps_line(record)


# --output-dir's file formats and the extension of each document's file
FILE_EXTENSIONS = {"json": ".json", "text": ".txt", "markdown": ".md"}


@dataclass(frozen=True, slots=True)
class FileRenderer:
    format: str = "json"  # a key of FILE_EXTENSIONS; "markdown" needs records made `with_markdown`

    def render(self, record: Mapping[str, Any], doc_index: int) -> bytes:
        if self.format == "text" and "error" not in record:
            return page_text(record).encode("utf-8")
        if self.format == "markdown" and "error" not in record:
            return str(record.get("markdown") or "").encode("utf-8")
        return json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def page_text(record: Mapping[str, Any]) -> str:
    """The clean text a reader wants: the title, a blank line, the text."""
    title = record.get("title")
    text = record.get("text") or ""
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return body.rstrip("\n") + "\n" if body else ""


# ---------------------------------------------------------------------------------- output names

class OutputFormat(Enum):
    JSONL = "jsonl"
    PARQUET = "parquet"


@dataclass(frozen=True, slots=True)
class OutputName:
    """What an output file's name says it is."""

    format: OutputFormat
    compression: str | None = None  # "gz", "bz2", "xz", "zst" (JSONL only)


_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_COMPRESSION_SUFFIXES = {".gz": "gz", ".bz2": "bz2", ".xz": "xz", ".zst": "zst"}
# The optional modules some outputs need, and the extra that installs each.
_EXTRAS = {"zst": ("zstandard", "zstd"), "parquet": ("pyarrow", "parquet")}


class MissingExtra(ImportError):
    """An output format needs a module that is not installed; the message says which extra to install."""


def output_name(path: str) -> OutputName:
    """The format and compression `path` asks for; ValueError for a name that says neither."""
    stem, suffix = os.path.splitext(path.lower())
    if suffix == ".parquet":
        return OutputName(OutputFormat.PARQUET)
    compression = _COMPRESSION_SUFFIXES.get(suffix)
    if compression:
        stem, suffix = os.path.splitext(stem)
    if suffix in _JSONL_SUFFIXES:
        return OutputName(OutputFormat.JSONL, compression)
    raise ValueError(f"cannot tell the output format from the name {path}: name it .jsonl (or .ndjson, .json), "
                     "optionally compressed (.jsonl.gz, .bz2, .xz, .zst), or .parquet")


def require_extra(feature: str) -> None:
    """MissingExtra unless the module `feature` ("zst", "parquet") needs can be imported."""
    module, extra = _EXTRAS[feature]
    try:
        importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"writing .{feature} files needs the {module} module: "
                           f"pip install 'cleanscrape[{extra}]'") from None


def _open_compressed(path: str, compression: str) -> BinaryIO:
    if compression in STDLIB_OPENERS:
        stream: BinaryIO = STDLIB_OPENERS[compression](path, "wb")
        return stream
    require_extra("zst")
    import zstandard

    return zstandard.open(path, "wb")


class Writer(Protocol):
    """Where the parent process puts each document's rendered bytes, in input order."""

    def write(self, doc: InputDocument, payload: bytes, *, error: bool = False) -> Any: ...

    def close(self) -> None: ...


# ---------------------------------------------------------------------------------- JSONL

class JsonlWriter:
    """Appends rendered lines to a file (compressed as its name says), or to stdout for `-o -`.

    With a `journal`, each document is recorded there after its lines (see `io.resume`);
    `resume_from` continues an output from the state its journal gave (cut back to whole documents).
    """

    def __init__(self, path: str, *, compression: str | None = None, journal: Journal | None = None,
                 resume_from: JournalState | None = None, flush_every: float = 1.0) -> None:
        self.path = path
        self.size = resume_from.output_bytes if resume_from else 0
        if path == "-":
            self._stream: BinaryIO = sys.stdout.buffer
        elif compression is not None:
            self._stream = _open_compressed(path, compression)
        elif resume_from is not None:
            self._stream = open(path, "r+b")  # noqa: SIM115 - closed by close()
            self._stream.truncate(self.size)
            self._stream.seek(self.size)
        else:
            self._stream = open(path, "wb")  # noqa: SIM115 - closed by close()
        self._regular_file = path != "-" and compression is None and os.path.isfile(path)  # not a device or pipe
        self._journal = journal
        self._done = resume_from.done if resume_from else frozenset()
        self._flush_every = flush_every  # a reader of a pipe or `tail -f` sees progress within a second
        self._last_flush = time.monotonic()

    def is_done(self, doc: InputDocument) -> bool:
        """For --resume: the document's lines are already in the output."""
        return bool(self._done) and key_digest(document_key(doc)) in self._done

    def write(self, doc: InputDocument, payload: bytes, *, error: bool = False) -> None:
        if payload:
            self._stream.write(payload)
            self.size += len(payload)
        if self._journal is not None:
            self._journal.add(doc, self.size)  # also a document with no lines (per article: no article)
        now = time.monotonic()
        if now - self._last_flush >= self._flush_every:
            self._stream.flush()
            if self._journal is not None:
                self._journal.flush()
            self._last_flush = now

    def close(self) -> None:
        """Flush and close; a plain file then ends on a whole line even if a write failed half-way
        (a full disk) or the run was interrupted, ready for --resume."""
        try:
            if self._stream is sys.stdout.buffer:
                self._stream.flush()
            else:
                self._stream.close()  # flushes, and closes the file even when that flush fails (disk full)
        finally:
            if self._journal is not None:
                self._journal.close()
            if self._regular_file:
                _trim_torn_tail(self.path)


def _trim_torn_tail(path: str, chunk: int = 1 << 16) -> None:
    """Cut anything after the last newline, so the file ends on a whole record."""
    size = os.path.getsize(path)
    with open(path, "r+b") as stream:
        end = size
        while end > 0:
            start = max(0, end - chunk)
            stream.seek(start)
            block = stream.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                stream.truncate(start + newline + 1)
                return
            end = start
        stream.truncate(0)


# ---------------------------------------------------------------------------------- Parquet

class ParquetWriter:
    """The records as table rows (`io.rows`: typed columns plus the JSON record), in row groups.

    Written to a temporary file renamed into place on close, so the output name never holds a
    file without its footer: an interrupted run leaves the rows written so far, a killed one
    leaves only the temporary file.
    """

    def __init__(self, path: str, *, per_article: bool, rows_per_group: int = 1000) -> None:
        require_extra("parquet")
        import pyarrow.parquet as pq

        self.path = path
        self._per_article = per_article
        self._schema = output_arrow_schema()
        directory = os.path.dirname(os.path.abspath(path))
        handle, self._temporary = _temporary_file(directory)
        os.close(handle)
        self._writer = pq.ParquetWriter(self._temporary, self._schema)
        self._rows: list[dict[str, Any]] = []
        self._rows_per_group = rows_per_group

    def write(self, doc: InputDocument, payload: bytes, *, error: bool = False) -> None:
        """`payload` is the JSONL rendering (one line per record): each line becomes a row."""
        for line in payload.splitlines():
            record = json.loads(line)
            self._rows.append(article_row(record) if self._per_article else page_row(record))
        if len(self._rows) >= self._rows_per_group:
            self._flush_rows()

    def _flush_rows(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        try:
            self._flush_rows()
            self._writer.close()
            os.replace(self._temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            raise


# ---------------------------------------------------------------------------------- --output-dir

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
_MAX_COMPONENT_BYTES = 150  # well under the usual 255-byte file name limit, leaving room for suffixes


def safe_component(name: str) -> str:
    """One path component that cannot escape its directory or break the file system.

    NUL, separators and control characters become "_"; "." and ".." and leading dots lose their
    meaning; over-long names are cut and made unique again with a short hash of the full name.
    """
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" ")
    cleaned = cleaned.lstrip(".") or "_"
    encoded = cleaned.encode("utf-8")
    if len(encoded) > _MAX_COMPONENT_BYTES:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        cleaned = encoded[: _MAX_COMPONENT_BYTES - 11].decode("utf-8", "ignore") + "~" + digest
    return cleaned


def safe_relative_path(name: tuple[str, ...]) -> str:
    """A relative path made of safe components, never absolute, never going up."""
    parts = [safe_component(part) for part in name if part not in ("", ".")]
    return os.path.join(*parts) if parts else "_"


_PARTIAL_PREFIX, _PARTIAL_SUFFIX = ".tmp-", ".part"  # a file being written; renamed when whole
_ERROR_SUFFIX = ".error.json"


def _temporary_file(directory: str) -> tuple[int, str]:
    """A file to write and then rename into place, with the mode `open()` gives a new file (0666
    less the umask, as the JSONL output has): mkstemp makes it 0600, private to its owner."""
    handle, path = tempfile.mkstemp(dir=directory, prefix=_PARTIAL_PREFIX, suffix=_PARTIAL_SUFFIX)
    os.fchmod(handle, 0o666 & ~_umask())
    return handle, path


def _umask() -> int:
    """The process's umask. Reading it means setting it (POSIX has no getter); it is set back at once."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
# The documents of a container (JSONL, WARC) are named by their number first (000001,
# 000001-<id>) in the container's folder: a page file in that folder can share such a name only
# if its own name starts the same way.
_NUMBERED_NAME = re.compile(r"\d{6}")


def find_name_clash(files: Iterable[InputFile], extension: str) -> str | None:
    """Before anything is written to --output-dir: two inputs whose documents could be written to
    one path (the same file named twice, pages.jsonl and pages.jsonl.gz, page.html and page.html.gz,
    names that differ only in characters a file name cannot hold), as a message; None when every
    name is sure to be unique."""
    pages: dict[str, str] = {}  # a page file's output path (without suffix) -> its input
    folders: dict[str, str] = {}  # a container's output folder -> its input
    for item in files:
        if item.format in ("text", "html"):
            taken, key = pages, safe_relative_path(page_name(item))
        else:
            taken, key = folders, safe_relative_path(output_stem(item.relative))
        if key in taken:
            return _clash(taken[key], item.path)
        taken[key] = item.path
    for page, path in pages.items():
        folder, name = os.path.split(page)
        if folder in folders and _NUMBERED_NAME.match(name):
            return _clash(folders[folder], path)
        for suffix in (extension, _ERROR_SUFFIX):
            if page + suffix in folders:  # the page's file would be the container's folder
                return _clash(folders[page + suffix], path)
    return None


def _clash(first: str, second: str) -> str:
    if os.path.abspath(first) == os.path.abspath(second):
        return f"{second} is named by more than one input"
    return f"{first} and {second} could be written to the same name under the output directory"


class DirWriter:
    """One file per document under `root`, mirroring input names, each written atomically."""

    def __init__(self, root: str, *, extension: str) -> None:
        self.root = os.path.abspath(root)
        self.extension = extension
        os.makedirs(self.root, exist_ok=True)

    def target(self, name: tuple[str, ...], *, error: bool = False) -> str:
        relative = safe_relative_path(name)
        suffix = _ERROR_SUFFIX if error else self.extension
        path = os.path.join(self.root, relative + suffix)
        # Belt and braces: after sanitising this cannot fail, but a path outside root never gets written.
        if os.path.commonpath([self.root, os.path.abspath(path)]) != self.root:
            raise ValueError(f"refusing to write outside {self.root}: {name!r}")
        return path

    def sweep_partial_files(self) -> int:
        """For --resume: remove the temporary files a killed run left behind; their documents
        were never renamed into place, so they are written again. Returns how many went."""
        removed = 0
        for directory, _, files in os.walk(self.root):
            for file in files:
                if file.startswith(_PARTIAL_PREFIX) and file.endswith(_PARTIAL_SUFFIX):
                    os.unlink(os.path.join(directory, file))
                    removed += 1
        return removed

    def is_done(self, doc: InputDocument) -> bool:
        """For --resume: a document is done when its output (or its error file) exists."""
        return os.path.exists(self.target(doc.name)) or os.path.exists(self.target(doc.name, error=True))

    def write(self, doc: InputDocument, payload: bytes, *, error: bool = False) -> str:
        path = self.target(doc.name, error=error)
        directory = os.path.dirname(path)
        os.makedirs(directory, exist_ok=True)
        handle, temporary = _temporary_file(directory)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
            os.replace(temporary, path)  # atomic on POSIX: readers see the old file or the new, never half
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        return path

    def close(self) -> None:
        pass
