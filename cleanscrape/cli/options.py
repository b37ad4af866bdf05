"""Options shared by the commands: cleaning settings, JSONL input fields, sizes and counts."""

from __future__ import annotations

import argparse
import dataclasses
import math
from typing import Any, NoReturn

from cleanscrape.api import CONTENT_TYPES
from cleanscrape.cli.config import read_config
from cleanscrape.io.discovery import INPUT_FORMATS, UsageError
from cleanscrape.io.document import DEFAULT_MAX_BYTES
from cleanscrape.io.jsonl import JsonlFields
from cleanscrape.pipeline import STAGE_NAMES
from cleanscrape.settings import Settings

_SIZE_UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
NO_TIMEOUT = "none"


class CommandParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line (the usage is one --help away), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def add_loudness_arguments(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """-v / -q, on the main command and on each subcommand, so that both `cleanscrape -v clean X`
    and `cleanscrape clean -v X` work. On a subcommand an option left out sets nothing (SUPPRESS),
    so it does not undo the one given before the subcommand; `verbosity` reads the result."""
    default = 0 if top_level else argparse.SUPPRESS
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument("-v", "--verbose", action="count", default=default,
                          help="say more on stderr: what each command did (-vv: and the settings used)")
    loudness.add_argument("-q", "--quiet", action="store_const", const=-1, dest="verbose", default=default,
                          help="errors only on stderr (batch and spark: no progress or summary line)")


def verbosity(args: argparse.Namespace) -> int:
    """-1 for -q, 0 by default, 1 for -v, 2 for -vv."""
    return int(getattr(args, "verbose", 0))


def is_quiet(args: argparse.Namespace) -> bool:
    return verbosity(args) < 0


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command that cleans shares; `settings_from_args` reads them back."""
    group = parser.add_argument_group("cleaning options")
    group.add_argument("--config", metavar="FILE.toml",
                       help="read cleaning settings from a TOML file; the options below override it")
    group.add_argument("--drop-phrase", action="append", default=[], metavar="TEXT",
                       help="drop lines containing TEXT (case-insensitive); repeatable")
    group.add_argument("--drop-pattern", action="append", default=[], metavar="REGEX",
                       help="drop lines matching REGEX; repeatable")
    group.add_argument("--keep-phrase", action="append", default=[], metavar="TEXT",
                       help="always keep lines containing TEXT; repeatable")
    group.add_argument("--keep-pattern", action="append", default=[], metavar="REGEX",
                       help="always keep lines matching REGEX; repeatable")
    group.add_argument("--disable-stage", action="append", default=[], choices=STAGE_NAMES, metavar="STAGE",
                       help=f"switch a stage off; one of: {', '.join(STAGE_NAMES)}")
    group.add_argument("--content-type", choices=CONTENT_TYPES, default=None, help="input type (default: detect)")
    group.add_argument("--language", type=language_list, default=(), metavar="xx[,yy]",
                       help="filter: keep only pages detected in one of these languages (ISO 639-1)")
    group.add_argument("--min-words", type=int, default=0, metavar="N",
                       help="filter: keep only pages whose text has at least N words")


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The Settings the options ask for; ValueError for an invalid one (e.g. a bad --drop-pattern).
    A flag given replaces the --config file's value of its field."""
    flags = {
        "disabled_stages": args.disable_stage,
        "drop_phrases": args.drop_phrase,
        "drop_patterns": args.drop_pattern,
        "keep_phrases": args.keep_phrase,
        "keep_patterns": args.keep_pattern,
        "languages": args.language,
        "min_words": args.min_words,
    }
    from_file = read_config(args.config) if args.config else {}
    return Settings.from_options({**from_file, **{name: value for name, value in flags.items() if value}})


def language_list(text: str) -> tuple[str, ...]:
    """"en,de" -> ("en", "de")."""
    return tuple(code.strip().lower() for code in text.split(",") if code.strip())


def add_input_format_argument(group: Any) -> None:
    group.add_argument("--input-format", choices=INPUT_FORMATS, default=None,
                       help="read every input file as this format, whatever its name says "
                            "(wget mirrors: .php, .shtml, no extension)")


def settings_with_size_limit(args: argparse.Namespace) -> Settings:
    """The Settings of a command with --max-bytes (batch, spark), which is also clean()'s
    `max_input_bytes`: one limit, so `--max-bytes 0` means no limit at all. An invalid option is
    a UsageError: these commands report errors themselves."""
    try:
        return dataclasses.replace(settings_from_args(args), max_input_bytes=max_bytes_from_args(args))
    except (ValueError, TypeError) as error:
        raise UsageError(str(error)) from None


def add_input_field_arguments(parser: argparse.ArgumentParser, title: str) -> None:
    """Which fields of a JSONL (or Parquet) record hold the document; `jsonl_fields_from_args` reads them."""
    fields = parser.add_argument_group(title)
    fields.add_argument("--text-field", default="text", help="field holding plain text (default: text)")
    fields.add_argument("--html-field", default="html", help="field holding HTML (default: html)")
    fields.add_argument("--id-field", default="id", help="field holding the document id (default: id)")
    fields.add_argument("--url-field", default="url", help="field holding the document URL (default: url)")


def jsonl_fields_from_args(args: argparse.Namespace) -> JsonlFields:
    return JsonlFields(text=args.text_field, html=args.html_field, id=args.id_field, url=args.url_field)


def add_max_bytes_argument(group: Any, *, failures: str) -> None:
    """`--max-bytes`: `failures` names what an oversized document becomes ("error records")."""
    # default None, not the number: an option left out must leave the --config file's max_input_bytes
    group.add_argument("--max-bytes", type=parse_size, default=None,
                       help=f"documents larger than this are {failures} (e.g. 5M; default: the --config "
                            f"file's max_input_bytes, else {format_size(DEFAULT_MAX_BYTES)}; 0 = no limit)")


def max_bytes_from_args(args: argparse.Namespace) -> int | None:
    """--max-bytes when given (0: no limit, None); else the --config file's max_input_bytes, else
    the default (DEFAULT_MAX_BYTES is the default Settings' max_input_bytes)."""
    if args.max_bytes is not None:
        return args.max_bytes or None
    return settings_from_args(args).max_input_bytes


def parse_size(text: str) -> int:
    """Bytes, with an optional K, M or G suffix (powers of 1024); 0 or more."""
    spelled = text.strip().upper().removesuffix("B")
    try:
        if spelled and spelled[-1] in _SIZE_UNITS:
            size = int(float(spelled[:-1]) * _SIZE_UNITS[spelled[-1]])
        else:
            size = int(spelled)
    except (ValueError, OverflowError):
        size = -1
    if size < 0:
        raise argparse.ArgumentTypeError(f"must be a size in bytes such as 500K, 20M or 1G (0: no limit), not {text!r}")
    return size


def format_size(size: int | None) -> str:
    """The shortest `parse_size` spelling of `size` ("20M"); "0" for no limit."""
    if not size:
        return "0"
    for unit, factor in sorted(_SIZE_UNITS.items(), key=lambda item: -item[1]):
        if size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, not {text!r}")
    return value


def timeout_seconds(text: str) -> float | None:
    """A positive number of seconds, or "none" for no time-out."""
    if text.strip().lower() == NO_TIMEOUT:
        return None
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not seconds > 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, or {NO_TIMEOUT}, not {text!r}")
    return seconds
