"""`cleanscrape batch`: clean many documents from files, directories, globs or stdin.

The wiring only: readers (cleanscrape.io.readers) -> local pool (engines.local) running the
one cleaning path (engines.record) -> a writer (cleanscrape.io.writers). Run it without the
main CLI as `python -m cleanscrape.cli.batch INPUT... -o OUT.jsonl`.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleanscrape.cli.batch_outputs import (
    DoneCheck,
    check_rejected,
    either_done,
    file_format,
    open_file_output,
    open_writer,
    plan_file_output,
    run_description,
)
from cleanscrape.cli.exit_codes import ExitCode, exit_codes_help
from cleanscrape.cli.logs import configure_logging
from cleanscrape.cli.options import (
    NO_TIMEOUT,
    CommandParser,
    add_input_field_arguments,
    add_input_format_argument,
    add_loudness_arguments,
    add_max_bytes_argument,
    add_settings_arguments,
    is_quiet,
    jsonl_fields_from_args,
    max_bytes_from_args,
    positive_int,
    settings_with_size_limit,
    timeout_seconds,
    verbosity,
)
from cleanscrape.cli.progress import ProgressLine, ProgressState
from cleanscrape.engines.local import Failure, LocalPool, PoolOptions, WorkerStartError, available_cores
from cleanscrape.engines.record import Cleaner
from cleanscrape.engines.task import DocumentTask
from cleanscrape.io.compressed import ByteMeter, stdin_looks_like_jsonl
from cleanscrape.io.discovery import STDIN, InputFile, UsageError, check_inputs, iter_input_files
from cleanscrape.io.document import InputDocument, SkipCause
from cleanscrape.io.jsonl import MISSING_FIELD, JsonlFields
from cleanscrape.io.readers import ReadOptions, read_documents, stored_size
from cleanscrape.io.resume import ResumeRefused
from cleanscrape.io.writers import (
    FILE_EXTENSIONS,
    FileRenderer,
    JsonlRenderer,
    MissingExtra,
    Writer,
    find_name_clash,
)

PROG = "cleanscrape batch"
MAX_FIELDS_NAMED = 20  # fields named when no record had a body: enough to spot it, short enough for one line


def add_batch_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `batch` on the main CLI's subparsers; the caller dispatches to `run_batch(args)`."""
    parser = subparsers.add_parser(
        "batch", help="clean many documents (files, directories, globs, JSONL, WARC/WET) in parallel",
        description="Clean many documents in parallel into JSONL (one line per document, in input order) "
                    "or into one file per document.", epilog=exit_codes_help())
    configure_parser(parser)
    parser.set_defaults(run=_run_from_cli)
    return parser


def _run_from_cli(args: argparse.Namespace, out: Any) -> ExitCode:
    # cli.main calls args.run(args, sys.stdout); batch writes where -o / --output-dir say.
    return run_batch(args)


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, directories (recursive), globs, or - for JSONL on stdin; "
                             ".txt .html .htm .jsonl .ndjson .json .warc .warc.wet .parquet, "
                             "each optionally .gz/.bz2/.xz/.zst (see --input-format)")
    out = parser.add_argument_group("output")
    out.add_argument("-o", "--output", metavar="OUT.jsonl",
                     help="output file, its format from its name: .jsonl (or .ndjson, .json), optionally "
                          "compressed (.jsonl.gz, .bz2, .xz, .zst), or .parquet; - for stdout")
    out.add_argument("--output-dir", metavar="DIR", help="write one file per document under DIR instead")
    out.add_argument("--format", choices=tuple(FILE_EXTENSIONS), default=None,
                     help="with --output-dir, each document's file: json (default), text (the clean text, .txt) "
                          "or markdown (.md); with -o, markdown adds each page as Markdown to its record "
                          "(a \"markdown\" field)")
    out.add_argument("--rejected", metavar="FILE",
                     help="write the documents the --language / --min-words filters rule out to FILE instead "
                          "of the output, each with its cause in \"filtered\" (JSONL, compressed as its name says, "
                          "or .parquet; continued with --resume like -o)")
    out.add_argument("--per-article", action="store_true", help="one JSONL line per article instead of per page")
    add_input_field_arguments(parser, "JSONL input fields")
    add_input_format_argument(parser)
    run = parser.add_argument_group("running")
    run.add_argument("--workers", type=positive_int, default=available_cores(),
                     help="worker processes (default: all cores)")
    add_max_bytes_argument(run, failures="error records")
    run.add_argument("--timeout", type=timeout_seconds, default=60.0,
                     help=f"seconds one document may take; its worker is then stopped (default: 60; "
                          f"{NO_TIMEOUT}: no limit)")
    run.add_argument("--recycle-after", type=positive_int, default=1000,
                     help="replace each worker process after this many documents (default: 1000)")
    run.add_argument("--resume", action="store_true",
                     help="continue an interrupted run: skip the documents already in the output, told apart by "
                          "input file, place in that file and source (id, URL or path), as recorded in the journal "
                          "OUT.jsonl.resume that -o writes beside OUT.jsonl (with --output-dir: by the files there); "
                          "refused (exit 2) for an output written from other inputs or options")
    run.add_argument("--fail-on-error", action="store_true", help="exit 1 if any document gave an error record")
    add_loudness_arguments(parser)  # -q: no progress line (shown only on a terminal) and no summary line
    add_settings_arguments(parser)  # the same cleaning options as `cleanscrape clean`
    return parser


@dataclass
class Summary:
    read: int = 0
    already_done: int = 0  # --resume: documents skipped as already in the output
    passed_over: Counter[SkipCause] = field(default_factory=Counter)  # files and records that are not documents
    kinds: dict[str, int] = field(default_factory=lambda: {"article": 0, "listing": 0, "empty": 0, "error": 0})
    missing_field: int = 0  # JSONL records with neither body field
    fields_seen: set[str] = field(default_factory=set)  # the fields those records had instead
    started: float = field(default_factory=time.monotonic)

    def add(self, doc: InputDocument, kind: str) -> None:
        self.read += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if doc.error is not None and doc.error[0] == MISSING_FIELD:
            self.missing_field += 1
            if len(self.fields_seen) < MAX_FIELDS_NAMED:
                self.fields_seen.update(map(str, doc.meta))

    def no_body_found(self, fields: JsonlFields) -> str | None:
        """When every document read was a record without either body field: what to say."""
        if not self.read or self.missing_field < self.read:
            return None
        seen = ", ".join(sorted(self.fields_seen)[:MAX_FIELDS_NAMED]) or "none"
        return (f"no record had the field {fields.text!r} or {fields.html!r} (fields seen: {seen}); "
                "name the body with --text-field or --html-field")

    def line(self, *, interrupted: bool = False) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.read / elapsed if elapsed > 0 else 0.0
        k = self.kinds
        text = (f"{PROG}: {self.read} documents read, {k['article']} articles, {k['listing']} listings, "
                f"{k['empty']} empty, {k['error']} errors")
        filtered = {kind.removeprefix("filtered:"): count for kind, count in sorted(k.items())
                    if kind.startswith("filtered:")}
        if filtered:
            causes = ", ".join(f"{cause}: {count}" for cause, count in filtered.items())
            text += f", {sum(filtered.values())} filtered ({causes})"
        skipped = [f"{self.already_done} already in the output"] if self.already_done else []
        skipped += [cause.counted(self.passed_over[cause]) for cause in SkipCause if self.passed_over[cause]]
        if skipped:
            text += f"; skipped: {', '.join(skipped)}"
        text += f"; {elapsed:.1f} s, {rate:.1f} docs/s"
        return text + (" (interrupted)" if interrupted else "")


def run_batch(args: argparse.Namespace, *, clean: Cleaner | None = None) -> ExitCode:
    """Run `cleanscrape batch` for parsed `args`; returns the exit code. `clean` overrides the core's."""
    try:
        plan = _plan(args, clean)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return ExitCode.USAGE
    except OSError as error:  # the output cannot even be opened: nothing was written
        print(f"{PROG}: error: cannot write the output: {_describe(error)}", file=sys.stderr)
        return ExitCode.USAGE
    summary = Summary(passed_over=plan.passed_over)
    interrupted = False
    write_error: OSError | None = None
    restore = _sigterm_as_interrupt()
    try:
        _execute(plan, args, summary)
    except KeyboardInterrupt:
        interrupted = True
    except WorkerStartError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return ExitCode.FAILED
    except BrokenPipeError:
        # `batch ... -o - | head`: the reader left. Stop quietly; silence the final flush too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.FAILED
    except OSError as error:  # a full disk, a file size limit, a directory made read-only
        write_error = error
    finally:
        for writer in (plan.writer, plan.rejected):
            try:
                if writer is not None:
                    writer.close()
            except OSError as error:  # the last flush fails the same way on a full disk
                write_error = write_error or error
        restore()
    if write_error is not None:
        print(f"{PROG}: error: writing the output failed after {summary.read} documents: "
              f"{_describe(write_error)}; what was written ends on a whole record (rerun with --resume)",
              file=sys.stderr)
        return ExitCode.FAILED
    if not is_quiet(args):
        print(summary.line(interrupted=interrupted), file=sys.stderr)
    if interrupted:
        return ExitCode.INTERRUPTED
    no_body = summary.no_body_found(jsonl_fields_from_args(args))
    if no_body:
        print(f"{PROG}: error: {no_body}", file=sys.stderr)
        return ExitCode.FAILED
    if summary.read and summary.kinds.get("error") == summary.read:
        # Not one page came out (a file that is not what its name says, every page over the size
        # limit): a run that did nothing it was asked is a failure whatever --fail-on-error says.
        print(f"{PROG}: error: no document could be cleaned: all {summary.read} gave error records "
              "(each says why)", file=sys.stderr)
        return ExitCode.FAILED
    if args.fail_on_error and summary.kinds.get("error"):
        return ExitCode.FAILED
    return ExitCode.OK


@dataclass
class _Plan:
    jobs: Iterator[tuple[int, InputDocument]]
    task: DocumentTask
    writer: Writer
    is_done: DoneCheck | None  # --resume: what the output already holds
    pool: PoolOptions
    passed_over: Counter[SkipCause]  # filled in as the inputs are read
    rejected: Writer | None = None  # --rejected: where filtered documents go instead of `writer`
    progress: _ProgressSource | None = None  # None: no progress line (not a terminal, -q)


def _plan(args: argparse.Namespace, clean: Cleaner | None) -> _Plan:
    """Everything that can be refused (exit 2) is checked here, before any output is touched."""
    if bool(args.output) == bool(args.output_dir):
        raise UsageError("give exactly one of -o OUT.jsonl and --output-dir DIR")
    if args.output_dir and args.per_article:
        raise UsageError("--per-article writes JSONL; use it with -o, not --output-dir")
    _check_format(args)
    if args.inputs.count(STDIN) > 1:
        raise UsageError("stdin (-) can be read only once")
    check_inputs(args.inputs, args.input_format)
    if STDIN in args.inputs and not stdin_looks_like_jsonl():
        raise UsageError("standard input is not JSONL (one JSON object per line); to clean one page from "
                         "standard input, use: cleanscrape clean -")
    settings = settings_with_size_limit(args)  # built once here, pickled once to each worker
    if args.rejected:
        check_rejected(args, settings)
    max_bytes = max_bytes_from_args(args)
    read_options = ReadOptions(fields=jsonl_fields_from_args(args), max_bytes=max_bytes)
    passed_over: Counter[SkipCause] = Counter()
    files: Iterable[InputFile] = iter_input_files(args.inputs, args.input_format, passed_over)
    progress = _progress_source(args)
    if args.output_dir or (progress is not None and STDIN not in args.inputs):
        # every name is checked before the first is written; a progress total needs the whole list
        files = list(files)
    if args.output_dir:
        clash = find_name_clash(files, FILE_EXTENSIONS[file_format(args)])
        if clash:
            raise UsageError(f"{clash}; give inputs with distinct names, or use -o OUT.jsonl")
    if progress is not None and isinstance(files, list) and STDIN not in args.inputs:
        progress = _with_totals(progress, files)
    meter = progress.meter if progress is not None else None
    jobs: Iterator[tuple[int, InputDocument]] = enumerate(read_documents(files, read_options, passed_over, meter))
    run = run_description(args)
    try:
        # The rejected file is planned (named, its journal read) before the main output is opened,
        # and opened after it: a refusal of either leaves both untouched.
        rejected_plan = plan_file_output(args.rejected, args, run) if args.rejected else None
        writer, is_done = open_writer(args, run)
        rejected, rejected_done = open_file_output(rejected_plan, args, run) if rejected_plan else (None, None)
    except (ResumeRefused, MissingExtra) as error:
        raise UsageError(str(error)) from None
    renderer = FileRenderer(file_format(args)) if args.output_dir else JsonlRenderer(per_article=args.per_article)
    task = DocumentTask(renderer=renderer, settings=settings, clean=clean, max_bytes=max_bytes,
                        content_type=args.content_type, with_markdown=args.format == "markdown",
                        rejected_renderer=JsonlRenderer() if rejected is not None and args.output_dir else None)
    pool = PoolOptions(workers=args.workers, timeout=args.timeout, recycle_after=args.recycle_after,
                       preload=("cleanscrape", "cleanscrape.frontends.html.extract", "cleanscrape.engines.task"))
    return _Plan(jobs, task, writer, either_done(is_done, rejected_done), pool, passed_over, rejected, progress)


@dataclass(frozen=True)
class _ProgressSource:
    """What the progress line measures: bytes read from the inputs, against totals when known."""

    meter: ByteMeter
    total_documents: int | None = None
    total_bytes: int | None = None


def _progress_source(args: argparse.Namespace) -> _ProgressSource | None:
    # Only for a person watching: never in logs, pipes or CI output.
    if is_quiet(args) or not sys.stderr.isatty():
        return None
    return _ProgressSource(ByteMeter())


def _with_totals(progress: _ProgressSource, files: list[InputFile]) -> _ProgressSource:
    """Totals from the listed files: documents when each file is one page, else bytes."""
    if all(item.format in ("text", "html") for item in files):
        return dataclasses.replace(progress, total_documents=len(files))
    return dataclasses.replace(progress, total_bytes=sum(stored_size(item) for item in files) or None)


def _check_format(args: argparse.Namespace) -> None:
    if args.output and args.format == "text":
        raise UsageError("--format text writes one file per document: use it with --output-dir (each JSONL "
                         "record holds the text already)")
    if args.format == "markdown" and args.per_article:
        raise UsageError("--format markdown renders whole pages; it cannot be combined with --per-article")


def _execute(plan: _Plan, args: argparse.Namespace, summary: Summary) -> None:
    jobs = _skipping_done(plan.jobs, plan.is_done, summary) if plan.is_done else plan.jobs
    progress = _progress_line(plan.progress, summary) if plan.progress is not None else None
    try:
        with LocalPool(plan.task, plan.pool) as pool:
            for job, result in pool.map(jobs):
                rendered = plan.task.failed(job, result.type, result.message) if isinstance(result, Failure) \
                    else result
                writer = plan.rejected if plan.rejected is not None and rendered.filtered else plan.writer
                writer.write(job[1], rendered.payload, error=rendered.kind == "error")
                summary.add(job[1], rendered.kind)
                if progress is not None:
                    progress.update()
    finally:
        if progress is not None:
            progress.close()


def _skipping_done(jobs: Iterator[tuple[int, InputDocument]], is_done: DoneCheck,
                   summary: Summary) -> Iterator[tuple[int, InputDocument]]:
    for job in jobs:
        if is_done(job[1]):
            summary.already_done += 1
        else:
            yield job


def _progress_line(source: _ProgressSource, summary: Summary) -> ProgressLine:
    def state() -> ProgressState:
        # documents found already in the output (--resume) count as done: the totals include them
        return ProgressState(documents=summary.read + summary.already_done,
                             elapsed=time.monotonic() - summary.started, total_documents=source.total_documents,
                             bytes_read=source.meter.bytes, total_bytes=source.total_bytes)

    return ProgressLine(sys.stderr, state)


def _sigterm_as_interrupt() -> Any:
    """`kill` (SIGTERM) stops as cleanly as Ctrl-C. Returns a function restoring the old handler."""
    try:
        previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    except ValueError:  # not the main thread: leave signals alone
        return lambda: None
    return lambda: signal.signal(signal.SIGTERM, previous)


def _describe(error: OSError) -> str:
    where = error.filename if error.filename is not None else ""
    return f"{error.strerror or error}" + (f": {where}" if where else "")


def main(argv: Sequence[str] | None = None, *, clean: Cleaner | None = None) -> int:
    parser = configure_parser(CommandParser(prog=PROG))
    args = parser.parse_args(argv)
    configure_logging(verbosity(args))  # as `cleanscrape batch` does: -q keeps errors only
    return run_batch(args, clean=clean)


if __name__ == "__main__":
    sys.exit(main())
