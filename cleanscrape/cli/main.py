"""The `cleanscrape` command: parse arguments, then hand them to the chosen command's `run`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from cleanscrape import __version__
from cleanscrape.cli.batch import add_batch_parser
from cleanscrape.cli.clean import add_clean_parser
from cleanscrape.cli.exit_codes import ExitCode, exit_codes_help
from cleanscrape.cli.explain import add_explain_parser
from cleanscrape.cli.logs import configure_logging
from cleanscrape.cli.options import CommandParser, add_loudness_arguments, settings_from_args, verbosity
from cleanscrape.cli.spark import add_spark_parser


def build_parser() -> argparse.ArgumentParser:
    parser = CommandParser(prog="cleanscrape", description="Clean scraped web pages into article text and metadata.",
                           epilog=exit_codes_help())
    parser.add_argument("--version", action="version", version=f"cleanscrape {__version__}")
    add_loudness_arguments(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_clean_parser(commands)
    add_explain_parser(commands)
    add_batch_parser(commands)
    add_spark_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(verbosity(args))
    try:
        settings_from_args(args)
    except (ValueError, TypeError) as error:
        parser.error(str(error))
    try:
        status = args.run(args, sys.stdout)
        sys.stdout.flush()  # here, not at exit: a full disk is then an error we report
        return status
    except BrokenPipeError:  # `cleanscrape clean ... | head` is not an error
        _silence_stdout()
        return ExitCode.OK
    except OSError as error:  # `cleanscrape clean PAGE > /dev/full`
        _silence_stdout()
        print(f"{parser.prog}: error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return ExitCode.FAILED
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush at exit cannot fail again."""
    with contextlib.suppress(OSError, ValueError):  # ValueError: stdout has no file descriptor (tests)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    sys.exit(main())
