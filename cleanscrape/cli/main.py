"""The `cleanscrape` command: parse arguments, then hand them to the chosen command's `run`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cleanscrape import __version__
from cleanscrape.cli.batch import add_batch_parser
from cleanscrape.cli.clean import add_clean_parser
from cleanscrape.cli.exit_codes import ExitCode
from cleanscrape.cli.options import settings_from_args
from cleanscrape.cli.spark import add_spark_parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleanscrape",
                                     description="Clean scraped web pages into article text and metadata.")
    parser.add_argument("--version", action="version", version=f"cleanscrape {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_clean_parser(commands)
    add_batch_parser(commands)
    add_spark_parser(commands)
    return parser


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
        return ExitCode.OK
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
