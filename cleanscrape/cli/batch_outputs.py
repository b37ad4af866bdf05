"""Where `cleanscrape batch` writes: -o's file, --output-dir, --rejected, each checked before
anything is written, and what --resume finds already done in them."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cleanscrape.cli.options import max_bytes_from_args
from cleanscrape.io.discovery import STDIN, UsageError
from cleanscrape.io.document import InputDocument
from cleanscrape.io.resume import (
    Journal,
    JournalState,
    check_dir_manifest,
    journal_path,
    read_journal,
    write_dir_manifest,
)
from cleanscrape.io.writers import (
    FILE_EXTENSIONS,
    DirWriter,
    JsonlWriter,
    OutputFormat,
    OutputName,
    ParquetWriter,
    Writer,
    output_name,
)
from cleanscrape.settings import Settings

DoneCheck = Callable[[InputDocument], bool]  # --resume: is this document already in the output?


def file_format(args: argparse.Namespace) -> str:
    """--output-dir's file format: --format, json when not given."""
    return args.format or "json"


def check_rejected(args: argparse.Namespace, settings: Settings) -> None:
    """--rejected FILE: a filter to fill it, and a place that is neither the output nor an input."""
    if not settings.languages and not settings.min_words:
        raise UsageError("--rejected takes the documents the filters rule out: give --language or --min-words "
                         "(or languages / min_words in the --config file)")
    rejected = args.rejected
    if rejected == STDIN:
        if args.output == STDIN:
            raise UsageError("-o - and --rejected - would both write to standard output; name a file for one")
        return
    if os.path.isdir(rejected):
        raise UsageError(f"--rejected {rejected} is a directory; name a file (.jsonl, .jsonl.gz, .parquet, ...)")
    taken = [args.output, journal_path(args.output)] if args.output and args.output != STDIN else []
    if any(_same_file(rejected, path) for path in taken):
        raise UsageError(f"--rejected {rejected} is the output (or its journal): name another file")
    if args.output_dir and _inside(rejected, args.output_dir):
        raise UsageError(f"--rejected {rejected} is inside --output-dir {args.output_dir}: name a file outside it")
    inputs = [arg for arg in args.inputs if arg != STDIN]
    if any(_same_file(rejected, arg) or (os.path.isdir(arg) and _inside(rejected, arg)) for arg in inputs):
        raise UsageError(f"--rejected {rejected} is among the inputs: name a file outside them")


def _same_file(first: str, second: str) -> bool:
    if os.path.exists(first) and os.path.exists(second):
        return os.path.samefile(first, second)
    return os.path.realpath(first) == os.path.realpath(second)


def _inside(path: str, directory: str) -> bool:
    root = os.path.realpath(directory)
    return os.path.commonpath([root, os.path.realpath(path)]) == root


def either_done(*checks: DoneCheck | None) -> DoneCheck | None:
    """--resume with --rejected: a document is done when either output holds it (each has its
    own journal, and a document goes to exactly one of them)."""
    present = [check for check in checks if check is not None]
    if not present:
        return None
    if len(present) == 1:
        return present[0]
    return lambda doc: any(check(doc) for check in present)


def run_description(args: argparse.Namespace) -> dict[str, Any]:
    """What --resume checks a rerun against: the inputs, and every option that shapes the output
    (not --workers, --timeout and the like: a resumed run may change those)."""
    inputs = [arg if arg == STDIN else os.path.abspath(arg) for arg in args.inputs]
    options = {
        "--content-type": args.content_type, "--disable-stage": sorted(args.disable_stage),
        "--drop-phrase": args.drop_phrase, "--drop-pattern": args.drop_pattern,
        "--keep-phrase": args.keep_phrase, "--keep-pattern": args.keep_pattern,
        "--text-field": args.text_field, "--html-field": args.html_field, "--id-field": args.id_field,
        "--url-field": args.url_field, "--max-bytes": max_bytes_from_args(args) or 0, "--per-article": args.per_article,
        # -o with the default JSON: None, as in journals written before --format markdown existed
        "--format": file_format(args) if args.output_dir else (args.format if args.format == "markdown" else None),
    }
    if args.rejected:  # named only when given: journals written before --rejected existed still match
        options["--rejected"] = args.rejected if args.rejected == STDIN else os.path.abspath(args.rejected)
    return {"inputs": inputs, "options": options}


def open_writer(args: argparse.Namespace, run: dict[str, Any]) -> tuple[Writer, DoneCheck | None]:
    """The writer, and with --resume what its output already holds (ResumeRefused if it cannot tell)."""
    if args.output_dir:
        if args.resume:
            check_dir_manifest(args.output_dir, run)
        directory = DirWriter(args.output_dir, extension=FILE_EXTENSIONS[file_format(args)])
        if args.resume:
            directory.sweep_partial_files()
        write_dir_manifest(directory.root, run)
        return directory, directory.is_done if args.resume else None
    if os.path.isdir(args.output):
        raise UsageError(f"cannot write the output: {args.output} is a directory (--output-dir writes one file "
                         "per document)")
    return open_file_output(plan_file_output(args.output, args, run), args, run)


@dataclass(frozen=True)
class FileOutput:
    """An output file (-o or --rejected) once checked: where, in what format, and what to resume from."""

    path: str
    stream: bool  # stdout, a device or a pipe: JSONL, never resumed
    name: OutputName | None  # None for a stream
    state: JournalState | None  # --resume: what the file already holds (None: start it anew)


def plan_file_output(path: str, args: argparse.Namespace, run: dict[str, Any]) -> FileOutput:
    """Check an output file's name and resume rules and read its journal, writing nothing."""
    if path == STDIN or _is_stream(path):
        if args.resume:
            raise UsageError(f"--resume needs an output file, not a stream such as {path}")
        return FileOutput(path, True, None, None)
    try:
        name = output_name(path)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if args.resume and (name.format is not OutputFormat.JSONL or name.compression):
        raise UsageError(f"--resume needs an uncompressed .jsonl output, not {path}: a compressed or Parquet file "
                         "cannot be continued")
    if name.format is OutputFormat.PARQUET or name.compression:
        return FileOutput(path, False, name, None)
    return FileOutput(path, False, name, read_journal(path, run) if args.resume else None)


def open_file_output(output: FileOutput, args: argparse.Namespace,
                      run: dict[str, Any]) -> tuple[Writer, DoneCheck | None]:
    if output.stream or output.name is None:
        return JsonlWriter(output.path), None
    if output.name.format is OutputFormat.PARQUET:
        return ParquetWriter(output.path, per_article=args.per_article), None
    if output.name.compression:
        return JsonlWriter(output.path, compression=output.name.compression), None
    plain = JsonlWriter(output.path, journal=Journal(output.path, run, output.state), resume_from=output.state)
    return plain, plain.is_done if args.resume else None


def _is_stream(path: str) -> bool:
    """A device or pipe (/dev/stdout, bash's >(...)): its name says nothing of a format; JSONL goes in."""
    return os.path.exists(path) and not os.path.isfile(path)
