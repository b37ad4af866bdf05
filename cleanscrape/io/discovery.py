"""Turn the INPUT arguments of `cleanscrape batch` into an ordered stream of input files.

The same arguments give the same files in the same order (directories are walked sorted), and
each file is named relative to the common root of all the arguments, so that `--output-dir`
can mirror every input without two of them sharing a name.
"""

from __future__ import annotations

import glob
import importlib.util
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from cleanscrape.io.document import SkipCause

STDIN = "-"
ZSTD_HINT = "reading .zst needs zstandard: pip install 'cleanscrape[zstd]'"

# Format of one file, from its name once a compression suffix is removed.
_FORMATS = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".wet": "warc",  # Common Crawl names WET files *.warc.wet.gz
    ".json": "jsonl",  # C4 and other shards: JSON lines named c4-train.00000-of-01024.json.gz
    ".parquet": "parquet",
}
_COMPRESSIONS = {".gz": "gz", ".bz2": "bz2", ".xz": "xz", ".zst": "zst", ".zstd": "zst"}
# What --input-format accepts: every format a file can be read as, whatever its name says.
INPUT_FORMATS = ("jsonl", "warc", "html", "text", "parquet")


class UsageError(Exception):
    """A problem with the command line (missing input, unknown format): exit 2, one line."""


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str  # what to open; "-" is standard input
    relative: str  # the name to mirror under --output-dir, relative to the common root of the inputs
    format: str  # "text", "html", "jsonl", "warc" or "parquet"
    compression: str | None = None  # "gz", "bz2", "xz", "zst" or None


def detect(path: str, input_format: str | None = None) -> tuple[str, str | None] | None:
    """(format, compression) from a file name, or None when the name says nothing we read.

    `input_format` (--input-format) overrides what the name says, for names that say nothing
    (a wget mirror's .php, .shtml or bare names); a compression suffix is still honoured.
    """
    stem, compression = split_compression(os.path.basename(path).lower())
    fmt = input_format or _FORMATS.get(os.path.splitext(stem)[1])
    return (fmt, compression) if fmt else None


def split_compression(name: str) -> tuple[str, str | None]:
    """("page.html", "gz") for "page.html.gz"; (name, None) for a name without a compression suffix."""
    stem, ext = os.path.splitext(name)
    compression = _COMPRESSIONS.get(ext.lower())
    return (stem, compression) if compression else (name, None)


def has_magic(arg: str) -> bool:
    return glob.has_magic(arg)


def check_inputs(args: Sequence[str], input_format: str | None = None) -> None:
    """Fail early, before any output is written, on arguments that cannot be read at all."""
    if not args:
        raise UsageError("no INPUT given")
    for arg in args:
        if arg == STDIN:
            continue
        if os.path.isdir(arg):
            # Nothing to do is refused alike for an empty directory and a glob matching nothing.
            if not _holds_a_file(arg):
                raise UsageError(f"no file in the directory {arg}")
            continue
        if os.path.exists(arg):
            found = detect(arg, input_format)
            if found is None:
                raise UsageError(f"unknown input format: {arg} (expected .txt, .html, .htm, .jsonl, .ndjson, .json, "
                                 ".warc, .warc.gz, .parquet, optionally .gz/.bz2/.xz/.zst; or give --input-format)")
            if found[1] == "zst" and importlib.util.find_spec("zstandard") is None:
                raise UsageError(f"{arg}: {ZSTD_HINT}")
            continue
        if has_magic(arg):
            if not any(True for _ in glob.iglob(arg, recursive=True)):
                raise UsageError(f"no file matches {arg}")
            continue
        raise UsageError(f"no such file or directory: {arg}")


def _holds_a_file(directory: str) -> bool:
    """Whether a file lies anywhere under `directory` (stops at the first)."""
    return any(files for _, _, files in os.walk(directory))


def iter_input_files(args: Sequence[str], input_format: str | None = None,
                     skipped: Counter[SkipCause] | None = None) -> Iterator[InputFile]:
    """Every readable file named by `args`, in a stable order, lazily (a huge tree is not listed first).

    With `input_format`, every file is read as that format (a directory's too), whatever its name.
    A file of unknown type found in a directory or by a glob (a README among the pages) is passed
    over, and counted in `skipped`, instead of failing the whole batch.
    """
    skipped = skipped if skipped is not None else Counter()
    root = common_root(args)
    for arg in args:
        if arg == STDIN:
            yield InputFile(STDIN, "stdin", input_format or "jsonl")
        elif os.path.isdir(arg):
            yield from _walk(arg, root, input_format, skipped)
        elif os.path.exists(arg):
            fmt, compression = detect(arg, input_format)  # type: ignore[misc]  # check_inputs vetted it
            yield InputFile(arg, _relative(arg, root), fmt, compression)
        else:
            for match in sorted(glob.iglob(arg, recursive=True)):
                if os.path.isdir(match):
                    yield from _walk(match, root, input_format, skipped)
                else:
                    yield from _known(match, root, input_format, skipped)


def common_root(args: Sequence[str]) -> str:
    """The deepest directory holding every input: a directory argument itself, a file's directory,
    a glob's directory before its first wildcard. One directory argument is its own root, so its
    files are named as inside it; `dupA/ dupB/` are named dupA/..., dupB/..."""
    bases = [os.path.abspath(_base(arg)) for arg in args if arg != STDIN]
    return os.path.commonpath(bases) if bases else os.path.abspath(".")


def _base(arg: str) -> str:
    if os.path.isdir(arg):
        return arg
    if os.path.exists(arg):
        return os.path.dirname(arg) or "."
    return _glob_base(arg)


def _relative(path: str, root: str) -> str:
    return os.path.relpath(os.path.abspath(path), root)


def _walk(top: str, root: str, input_format: str | None, skipped: Counter[SkipCause]) -> Iterator[InputFile]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()  # os.walk honours in-place changes: sorted descent
        for filename in sorted(filenames):
            yield from _known(os.path.join(dirpath, filename), root, input_format, skipped)


def _known(path: str, root: str, input_format: str | None, skipped: Counter[SkipCause]) -> Iterator[InputFile]:
    """The file as an InputFile if its type is one we read; else nothing, counted."""
    found = detect(path, input_format)
    if found:
        yield InputFile(path, _relative(path, root), *found)
    else:
        skipped[SkipCause.UNKNOWN_FILE_TYPE] += 1


def _glob_base(pattern: str) -> str:
    """The directory part of a glob before its first wildcard: names are mirrored relative to it."""
    parts = pattern.split(os.sep)
    fixed = []
    for part in parts[:-1]:
        if has_magic(part):
            break
        fixed.append(part)
    if fixed == [""]:
        return os.sep  # an absolute pattern such as /*.txt
    return os.sep.join(fixed) or "."
