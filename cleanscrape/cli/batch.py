"""`cleanscrape batch`: clean many documents from files, directories, globs or stdin.

The wiring only: readers (cleanscrape.io.readers) -> local pool (engines.local) running the
one cleaning path (engines.record) -> a writer (cleanscrape.io.writers). Run it without the
main CLI as `python -m cleanscrape.cli.batch INPUT... -o OUT.jsonl`.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from cleanscrape.cli.exit_codes import ExitCode
from cleanscrape.cli.options import (
    add_input_field_arguments,
    add_input_format_argument,
    add_max_bytes_argument,
    add_settings_arguments,
    jsonl_fields_from_args,
    max_bytes_from_args,
    positive_int,
    settings_with_size_limit,
)
from cleanscrape.engines.local import Failure, LocalPool, PoolOptions, WorkerStartError, available_cores
from cleanscrape.engines.record import Cleaner
from cleanscrape.engines.task import DocumentTask, Rendered
from cleanscrape.io.discovery import UsageError, check_inputs, iter_input_files
from cleanscrape.io.document import InputDocument
from cleanscrape.io.readers import ReadOptions, read_documents
from cleanscrape.io.writers import DirWriter, FileRenderer, JsonlRenderer, JsonlWriter, find_resume_point, truncate

PROG = "cleanscrape batch"


def add_batch_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `batch` on the main CLI's subparsers; the caller dispatches to `run_batch(args)`."""
    parser = subparsers.add_parser(
        "batch", help="clean many documents (files, directories, globs, JSONL, WARC/WET) in parallel",
        description="Clean many documents in parallel into JSONL (one line per document, in input order) "
                    "or into one file per document.")
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
    out.add_argument("-o", "--output", metavar="OUT.jsonl", help="JSONL output file, - for stdout")
    out.add_argument("--output-dir", metavar="DIR", help="write one file per document under DIR instead")
    out.add_argument("--format", choices=("json", "text"), default="json",
                     help="file format with --output-dir (default: json)")
    out.add_argument("--per-article", action="store_true", help="one JSONL line per article instead of per page")
    add_input_field_arguments(parser, "JSONL input fields")
    add_input_format_argument(parser)
    run = parser.add_argument_group("running")
    run.add_argument("--workers", type=positive_int, default=available_cores(),
                     help="worker processes (default: all cores)")
    add_max_bytes_argument(run, failures="error records")
    run.add_argument("--timeout", type=float, default=60.0,
                     help="seconds one document may take; its worker is then stopped (default: 60; 0 = none)")
    run.add_argument("--recycle-after", type=positive_int, default=1000,
                     help="replace each worker process after this many documents (default: 1000)")
    run.add_argument("--resume", action="store_true",
                     help="continue an interrupted run: skip documents already in the output")
    run.add_argument("--fail-on-error", action="store_true", help="exit 1 if any document gave an error record")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    add_settings_arguments(parser)  # the same cleaning options as `cleanscrape clean`
    return parser


@dataclass
class Summary:
    read: int = 0
    skipped: int = 0
    kinds: dict[str, int] = field(default_factory=lambda: {"article": 0, "listing": 0, "empty": 0, "error": 0})
    started: float = field(default_factory=time.monotonic)

    def add(self, kind: str) -> None:
        self.read += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

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
        if self.skipped:
            text += f", {self.skipped} skipped (already in the output)"
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
    summary = Summary()
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
        try:
            plan.writer.close()
        except OSError as error:  # the last flush fails the same way on a full disk
            write_error = write_error or error
        if (interrupted or write_error) and isinstance(plan.writer, JsonlWriter) and plan.writer.path != "-":
            # End on a whole record, ready for --resume; OSError: not a regular file (/dev/full).
            with contextlib.suppress(OSError):
                _trim_torn_tail(plan.writer.path)
        restore()
    if write_error is not None:
        print(f"{PROG}: error: writing the output failed after {summary.read} documents: "
              f"{_describe(write_error)}; what was written ends on a whole record (rerun with --resume)",
              file=sys.stderr)
        return ExitCode.FAILED
    if not args.quiet:
        print(summary.line(interrupted=interrupted), file=sys.stderr)
    if interrupted:
        return ExitCode.INTERRUPTED
    if args.fail_on_error and summary.kinds.get("error"):
        return ExitCode.FAILED
    return ExitCode.OK


@dataclass
class _Plan:
    jobs: Iterator[tuple[int, InputDocument]]
    task: DocumentTask
    writer: Any
    pool: PoolOptions
    skip: int  # JSONL --resume: the first `skip` documents are already written


def _plan(args: argparse.Namespace, clean: Cleaner | None) -> _Plan:
    """Everything that can be refused (exit 2) is checked here, before any output is touched."""
    if bool(args.output) == bool(args.output_dir):
        raise UsageError("give exactly one of -o OUT.jsonl and --output-dir DIR")
    if args.output == "-" and args.resume:
        raise UsageError("--resume needs an output file, not stdout")
    if args.output_dir and args.per_article:
        raise UsageError("--per-article writes JSONL; use it with -o, not --output-dir")
    if args.inputs.count("-") > 1:
        raise UsageError("stdin (-) can be read only once")
    check_inputs(args.inputs, args.input_format)
    settings = settings_with_size_limit(args)  # built once here, pickled once to each worker
    max_bytes = max_bytes_from_args(args)
    read_options = ReadOptions(fields=jsonl_fields_from_args(args), max_bytes=max_bytes)
    documents = read_documents(iter_input_files(args.inputs, args.input_format), read_options)
    jobs: Iterator[tuple[int, InputDocument]] = enumerate(documents)
    skip = 0
    if args.output_dir:
        writer: Any = DirWriter(args.output_dir, extension=".txt" if args.format == "text" else ".json")
        renderer: Any = FileRenderer(args.format)  # --resume skips files that exist (see _execute)
        if args.resume:
            writer.sweep_partial_files()
    else:
        renderer = JsonlRenderer(per_article=args.per_article)
        if args.resume:
            try:
                point = find_resume_point(args.output, per_article=args.per_article)
            except ValueError as error:
                raise UsageError(str(error)) from None
            truncate(args.output, point.keep_bytes)  # drops a torn last line / half-written document
            skip = point.done
            jobs = itertools.islice(jobs, skip, None)
        writer = JsonlWriter(args.output, append=args.resume)
    task = DocumentTask(renderer=renderer, settings=settings, clean=clean, max_bytes=max_bytes,
                        content_type=args.content_type)
    pool = PoolOptions(workers=args.workers, timeout=args.timeout or None, recycle_after=args.recycle_after,
                       preload=("cleanscrape", "cleanscrape.frontends.html.extract", "cleanscrape.engines.task"))
    return _Plan(jobs, task, writer, pool, skip)


def _execute(plan: _Plan, args: argparse.Namespace, summary: Summary) -> None:
    summary.skipped = plan.skip
    jobs = plan.jobs
    if args.output_dir and args.resume:
        jobs = _counting_skips(jobs, plan.writer, summary)
    progress = _progress_bar(args)
    try:
        with LocalPool(plan.task, plan.pool) as pool:
            for job, result in pool.map(jobs):
                rendered = plan.task.failed(job, result.type, result.message) if isinstance(result, Failure) \
                    else result
                _write(plan.writer, job[1], rendered)
                summary.add(rendered.kind)
                if progress is not None:
                    progress.update(1)
    finally:
        if progress is not None:
            progress.close()


def _write(writer: Any, doc: InputDocument, rendered: Rendered) -> None:
    if isinstance(writer, DirWriter):
        writer.write(rendered.payload, doc.name, error=rendered.kind == "error")
    else:
        writer.write(rendered.payload)


def _counting_skips(jobs: Iterator[tuple[int, InputDocument]], writer: DirWriter,
                    summary: Summary) -> Iterator[tuple[int, InputDocument]]:
    for job in jobs:
        if writer.is_done(job[1].name):
            summary.skipped += 1
        else:
            yield job


def _progress_bar(args: argparse.Namespace) -> Any:
    # Only for a person watching: never in logs, pipes or CI output.
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _trim_torn_tail(path: str, chunk: int = 1 << 16) -> None:
    """After an interrupt, cut anything after the last newline, so the file ends on a whole record."""
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
    parser = configure_parser(argparse.ArgumentParser(prog=PROG))
    return run_batch(parser.parse_args(argv), clean=clean)


if __name__ == "__main__":
    sys.exit(main())
