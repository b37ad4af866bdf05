"""All input formats behind one function: files in, a lazy stream of InputDocuments out."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from cleanscrape.io.compressed import CORRUPT_ERRORS, ByteMeter, TooLarge, open_binary, read_bounded
from cleanscrape.io.discovery import STDIN, InputFile, split_compression
from cleanscrape.io.document import DEFAULT_MAX_BYTES, InputDocument, Position, SkipCause, too_large_message
from cleanscrape.io.jsonl import JsonlFields, read_jsonl
from cleanscrape.io.parquet import read_parquet
from cleanscrape.io.warc import read_warc


@dataclass(frozen=True, slots=True)
class ReadOptions:
    fields: JsonlFields = field(default_factory=JsonlFields)
    max_bytes: int | None = DEFAULT_MAX_BYTES  # None: no limit


def read_documents(files: Iterable[InputFile], options: ReadOptions = ReadOptions(),
                   skipped: Counter[SkipCause] | None = None,
                   meter: ByteMeter | None = None) -> Iterator[InputDocument]:
    """Every document of every file, in order. A file that breaks gives a failed document, never an
    exception. Archive records that are not documents are counted in `skipped` by cause. `meter`
    counts the bytes read from the files, each file whole once its documents are out (a Parquet
    file, a file cut short or skipped by its size count in full then)."""
    for item in files:
        before = meter.bytes if meter is not None else 0
        yield from read_file(item, options, skipped, meter)
        if meter is not None:
            meter.bytes = before + stored_size(item)


def stored_size(item: InputFile) -> int:
    """The file's size as stored (0 for standard input or a file gone since it was listed)."""
    if item.path == STDIN:
        return 0
    try:
        return os.path.getsize(item.path)
    except OSError:
        return 0


def read_file(item: InputFile, options: ReadOptions, skipped: Counter[SkipCause] | None = None,
              meter: ByteMeter | None = None) -> Iterator[InputDocument]:
    """The documents of one file, each with its Position; a file that breaks ends with a failed document."""
    file = STDIN if item.path == STDIN else os.path.abspath(item.path)
    documents = _read_documents_of(item, options, skipped if skipped is not None else Counter(), meter)
    for index, document in enumerate(documents, 1):
        yield dataclasses.replace(document, position=Position(file, index))


def _read_documents_of(item: InputFile, options: ReadOptions, skipped: Counter[SkipCause],
                       meter: ByteMeter | None) -> Iterator[InputDocument]:
    origin = "<stdin>" if item.path == STDIN else item.path
    stem = output_stem(item.relative)
    produced = 0
    try:
        if item.format in ("text", "html"):
            yield _read_single(item, options.max_bytes, meter)
            return
        if item.format == "parquet":  # a file of its own format: its compression is inside it
            yield from read_parquet(item.path, origin=origin, stem=stem, fields=options.fields,
                                    max_bytes=options.max_bytes)
            return
        with open_binary(item, meter) as stream:
            if item.format == "jsonl":
                documents = read_jsonl(stream, origin=origin, stem=stem, fields=options.fields,
                                       max_bytes=options.max_bytes)
            else:
                documents = read_warc(stream, stem=stem, max_bytes=options.max_bytes, skipped=skipped, origin=origin)
            for document in documents:
                produced += 1
                yield document
    except Exception as error:  # noqa: BLE001 - one broken file must not end the batch
        # Corrupt archives raise a zoo of types (see CORRUPT_ERRORS; warcio and zstandard add their own).
        kind = "CorruptInput" if isinstance(error, CORRUPT_ERRORS) or type(error).__module__.startswith(
            ("warcio", "zstandard")) else type(error).__name__
        message = f"{type(error).__name__}: {error}" + (f" (after {produced} documents)" if produced else "")
        yield InputDocument.failed(origin, kind, message, name=(*stem, "error"))


def _read_single(item: InputFile, max_bytes: int | None, meter: ByteMeter | None = None) -> InputDocument:
    """A .txt or .html file (maybe compressed) is one document; its path is its source."""
    name = page_name(item)
    if max_bytes is not None and item.compression is None:
        size = os.path.getsize(item.path)
        if size > max_bytes:  # decided from the size alone: the file is never read
            return InputDocument.failed(item.path, "TooLarge", too_large_message(max_bytes, size=size), name=name)
    try:
        with open_binary(item, meter) as stream:
            data = read_bounded(stream, max_bytes)
    except TooLarge as error:
        return InputDocument.failed(item.path, "TooLarge", str(error), name=name)
    except CORRUPT_ERRORS as error:
        return InputDocument.failed(item.path, "CorruptInput", f"{type(error).__name__}: {error}", name=name)
    return InputDocument(source=item.path, data=data, content_type=item.format, name=name)


def page_name(item: InputFile) -> tuple[str, ...]:
    """"sub/page.html.gz" -> ("sub", "page.html"): a page file's name under --output-dir, without
    the compression suffix (its output is not compressed); page.html and page.html.gz would share
    it, which `find_name_clash` refuses before anything is written."""
    *head, base = split_path(item.relative)
    return (*head, split_compression(base)[0] if item.compression else base)


def output_stem(relative: str) -> tuple[str, ...]:
    """"sub/pages.jsonl.gz" -> ("sub", "pages"): the folder a container's documents are written under."""
    *head, base = split_path(relative)
    for _ in range(3):  # a compression suffix, then format suffixes (.warc.wet)
        stem, ext = os.path.splitext(base)
        if ext.lower() in (".gz", ".bz2", ".xz", ".zst", ".zstd", ".jsonl", ".ndjson", ".json", ".warc", ".wet",
                           ".parquet"):
            base = stem
    return (*head, base)


def split_path(relative: str) -> tuple[str, ...]:
    return tuple(part for part in relative.replace(os.sep, "/").split("/") if part)
