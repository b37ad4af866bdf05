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
from cleanscrape.model import Page
from cleanscrape.render import markdown
from cleanscrape.settings import Settings

logger = logging.getLogger(__name__)


def add_clean_parser(commands: Any) -> argparse.ArgumentParser:
    """Register `clean` on the main CLI's subparsers; the caller dispatches to args.run(args, out)."""
    parser = commands.add_parser(
        "clean", help="clean files and print the result",
        description="Clean one or more files (or - for standard input). One file prints indented JSON; "
                    "several print one JSON object per line.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file to clean, or - for standard input")
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
        out.write(render(page, args, several=len(args.paths) > 1))
    return status


def clean_path(path: str, content_type: str | None, settings: Settings) -> Page | None:
    """The page of one file (or - for standard input); None, the reason logged, when it cannot be cleaned."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else _read(path)
        page = clean(data, content_type=content_type, source=path, options=settings)
    except (OSError, CleanscrapeError) as error:
        logger.error("%s: %s", path, _describe(error))
        return None
    logger.info("%s: %s, %d of %d lines kept, %d removals", path, page.kind.value,
                sum(verdict in ("keep", "trim") for _, verdict, _ in page.explain),
                sum(verdict != "blank" for _, verdict, _ in page.explain), len(page.removed))
    return page


def render(page: Page, args: argparse.Namespace, several: bool) -> str:
    if args.explain:
        return format_explain(page)
    if args.format == "text":
        return page.text + "\n"
    if args.format == "markdown":
        return markdown(page)
    if several:
        return json.dumps(page.to_dict(), ensure_ascii=False) + "\n"
    return json.dumps(page.to_dict(), ensure_ascii=False, indent=2) + "\n"


def format_explain(page: Page) -> str:
    rows = [f"# {page.source}"] if page.source else []
    for line, verdict, reason in page.explain:
        rows.append(f"{line.number:5}  {verdict:5} {reason:18} {line.display}".rstrip())
    return "\n".join(rows) + "\n"


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _describe(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)
