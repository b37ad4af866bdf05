"""`cleanscrape explain`: one page's explain report, a self-contained HTML file (cleanscrape.render.report)."""

from __future__ import annotations

import argparse
import logging
from typing import Any, TextIO

from cleanscrape.cli.clean import clean_path
from cleanscrape.cli.exit_codes import ExitCode
from cleanscrape.cli.options import (
    add_loudness_arguments,
    add_max_bytes_argument,
    add_settings_arguments,
    settings_with_size_limit,
)
from cleanscrape.io.discovery import UsageError
from cleanscrape.render import report

logger = logging.getLogger(__name__)


def add_explain_parser(commands: Any) -> argparse.ArgumentParser:
    """Register `explain` on the main CLI's subparsers; the caller dispatches to args.run(args, out)."""
    parser = commands.add_parser(
        "explain", help="write an HTML report of every line's verdict and reason",
        description="Clean one page and write an HTML report: the input's lines in order, dropped lines "
                    "struck through in their reason's colour (the reason on hover), and the metadata found.")
    parser.add_argument("path", metavar="PAGE", help="the page to clean, or - for standard input")
    parser.add_argument("-o", "--output", metavar="REPORT.html", default="-",
                        help="where to write the report (default: - for standard output)")
    add_settings_arguments(parser)
    add_max_bytes_argument(parser, failures="refused with an error")
    add_loudness_arguments(parser)
    parser.set_defaults(run=run_explain)
    return parser


def run_explain(args: argparse.Namespace, out: TextIO) -> ExitCode:
    try:
        settings = settings_with_size_limit(args)
    except UsageError as error:
        logger.error("%s", error)
        return ExitCode.USAGE
    page = clean_path(args.path, args.content_type, settings)
    if page is None:
        return ExitCode.USAGE
    html = report(page)
    if args.output == "-":
        out.write(html)
        return ExitCode.OK
    try:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(html)
    except OSError as error:
        logger.error("%s: %s", args.output, error.strerror or error)
        return ExitCode.USAGE
    logger.info("report written to %s", args.output)
    return ExitCode.OK
