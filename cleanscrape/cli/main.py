"""The `cleanscrape` command: parse arguments, build Settings once, call the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from cleanscrape import CONTENT_TYPES, clean
from cleanscrape.cli.batch import add_batch_parser
from cleanscrape.cli.spark import add_spark_parser
from cleanscrape.errors import CleanscrapeError
from cleanscrape.model import Page
from cleanscrape.pipeline import STAGE_NAMES
from cleanscrape.settings import Settings

EXIT_OK, EXIT_USAGE = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleanscrape", description="Clean scraped web pages into article text and metadata.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_clean_parser(commands)
    add_batch_parser(commands)
    add_spark_parser(commands)
    return parser


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command that cleans shares; `settings_from_args` reads them back."""
    group = parser.add_argument_group("cleaning options")
    group.add_argument("--drop-phrase", action="append", default=[], metavar="TEXT", help="drop lines containing TEXT (case-insensitive); repeatable")
    group.add_argument("--drop-pattern", action="append", default=[], metavar="REGEX", help="drop lines matching REGEX; repeatable")
    group.add_argument("--keep-phrase", action="append", default=[], metavar="TEXT", help="always keep lines containing TEXT; repeatable")
    group.add_argument("--keep-pattern", action="append", default=[], metavar="REGEX", help="always keep lines matching REGEX; repeatable")
    group.add_argument("--disable-stage", action="append", default=[], choices=STAGE_NAMES, metavar="STAGE", help=f"switch a stage off; one of: {', '.join(STAGE_NAMES)}")
    group.add_argument("--content-type", choices=CONTENT_TYPES, default=None, help="input type (default: detect)")


def settings_from_args(args: argparse.Namespace) -> Settings:
    return Settings(
        disabled_stages=frozenset(args.disable_stage),
        drop_phrases=tuple(args.drop_phrase),
        drop_patterns=tuple(args.drop_pattern),
        keep_phrases=tuple(args.keep_phrase),
        keep_patterns=tuple(args.keep_pattern),
    )


def add_clean_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("clean", help="clean files and print the result", description="Clean one or more files (or - for standard input). One file prints indented JSON; several print one JSON object per line.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file to clean, or - for standard input")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--format", choices=("json", "text"), default="json", help="json: the page object (default); text: the clean text only")
    output.add_argument("--explain", action="store_true", help="print every input line with its verdict and the stage's reason")
    add_settings_arguments(parser)
    parser.set_defaults(run=run_clean)


def run_clean(args: argparse.Namespace, out: TextIO) -> int:
    settings = settings_from_args(args)
    status = EXIT_OK
    for path in args.paths:
        try:
            data = sys.stdin.buffer.read() if path == "-" else _read(path)
            page = clean(data, content_type=args.content_type, source=path, options=settings)
        except (OSError, CleanscrapeError) as error:
            print(f"cleanscrape: {path}: {_describe(error)}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        out.write(render(page, args, several=len(args.paths) > 1))
    return status


def render(page: Page, args: argparse.Namespace, several: bool) -> str:
    if args.explain:
        return format_explain(page)
    if args.format == "text":
        return page.text + "\n"
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings_from_args(args)
    except ValueError as error:
        parser.error(str(error))
    try:
        return args.run(args, sys.stdout)
    except BrokenPipeError:  # `cleanscrape clean ... | head` is not an error
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
