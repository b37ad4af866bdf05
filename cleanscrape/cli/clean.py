"""`cleanscrape clean`: clean one or more files and print the result."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any, TextIO

from cleanscrape.api import clean
from cleanscrape.cli.exit_codes import ExitCode
from cleanscrape.cli.options import add_settings_arguments, settings_from_args
from cleanscrape.errors import CleanscrapeError
from cleanscrape.io.compressed import CORRUPT_ERRORS, TooLarge, open_decompressed, read_bounded
from cleanscrape.io.discovery import UsageError, detect, split_compression
from cleanscrape.model import Page
from cleanscrape.render import markdown
from cleanscrape.settings import Settings

logger = logging.getLogger(__name__)

# What one path can fail with; the others are still cleaned. OSError (unreadable) is a CORRUPT_ERROR.
_PAGE_ERRORS: tuple[type[BaseException], ...] = (CleanscrapeError, UsageError, TooLarge, *CORRUPT_ERRORS)


def add_clean_parser(commands: Any) -> argparse.ArgumentParser:
    """Register `clean` on the main CLI's subparsers; the caller dispatches to args.run(args, out)."""
    parser = commands.add_parser(
        "clean", help="clean files and print the result",
        description="Clean one or more files (or - for standard input). One file prints indented JSON; "
                    "several print one JSON object per line.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a page to clean (a .gz, .bz2 or .xz file is decompressed), or - for standard input; "
                             "files of many documents (JSONL, WARC) are for `cleanscrape batch`")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--format", choices=("json", "text", "markdown"), default="json",
                        help="json: the page object (default); text: the clean text only; "
                             "markdown: the clean text with its headings, lists, tables, quotes and code")
    output.add_argument("--explain", action="store_true",
                        help="print every input line with its verdict and the stage's reason")
    add_settings_arguments(parser)
    parser.set_defaults(run=run_clean)
    return parser


def run_clean(args: argparse.Namespace, out: TextIO) -> ExitCode:
    settings = settings_from_args(args)
    status = ExitCode.OK
    logger.debug("settings:\n%s", "\n".join(settings.describe()))
    for path in args.paths:
        page = clean_path(path, args.content_type, settings)
        if page is None:
            status = ExitCode.USAGE
            continue
        out.write(render(page, args, settings, several=len(args.paths) > 1))
    return status


def read_page(path: str, limit: int | None) -> bytes:
    """One page's bytes: standard input ("-"), a file, or a .gz/.bz2/.xz file decompressed.
    UsageError for a file of many documents (JSONL, WARC): those are for `cleanscrape batch`."""
    if path == "-":
        return sys.stdin.buffer.read()
    found = detect(path)
    if found is not None and found[0] in ("jsonl", "warc"):
        raise UsageError(f"a {found[0].upper()} file holds many documents; clean it with: "
                         f"cleanscrape batch {path} -o OUT.jsonl")
    with open_decompressed(path, split_compression(path)[1]) as stream:
        return read_bounded(stream, limit)


def clean_path(path: str, content_type: str | None, settings: Settings) -> Page | None:
    """The page of one file (or - for standard input); None, the reason logged, when it cannot be cleaned."""
    try:
        data = read_page(path, settings.max_input_bytes)
        page = clean(data, content_type=content_type, source=path, options=settings)
    except _PAGE_ERRORS as error:
        logger.error("%s: %s", path, _describe(error))
        return None
    logger.info("%s: %s, %d of %d lines kept, %d removals", path, page.kind.value,
                sum(verdict in ("keep", "trim") for _, verdict, _ in page.explain),
                sum(verdict != "blank" for _, verdict, _ in page.explain), len(page.removed))
    return page


def render(page: Page, args: argparse.Namespace, settings: Settings, several: bool) -> str:
    if args.explain:
        return format_explain(page, settings)
    if args.format == "text":
        return page.text + "\n"
    if args.format == "markdown":
        return markdown(page)
    if several:
        return json.dumps(page.to_dict(), ensure_ascii=False) + "\n"
    return json.dumps(page.to_dict(), ensure_ascii=False, indent=2) + "\n"


def format_explain(page: Page, settings: Settings) -> str:
    """Every line with its verdict and reason, after the settings that differ from the defaults
    (the verdicts depend on them: a reader comparing two runs sees why they differ)."""
    rows = [f"# {page.source}"] if page.source else []
    rows.append(f"# page type {page.page_type.value}")
    rows += [f"# setting {line}" for line in settings.describe(changed_only=True)]
    for line, verdict, reason in page.explain:
        rows.append(f"{line.number:5}  {verdict:5} {reason:18} {line.display}".rstrip())
    return "\n".join(rows) + "\n"


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, (OSError, *CORRUPT_ERRORS)):  # a damaged compressed file
        return f"{type(error).__name__}: {error}"
    return str(error)
