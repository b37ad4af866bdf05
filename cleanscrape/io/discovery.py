"""Turn the INPUT arguments of `cleanscrape batch` into an ordered stream of input files.

The same arguments give the same files in the same order (directories are walked sorted), and
each file is named relative to the common root of all the arguments, so that `--output-dir`
can mirror every input without two of them sharing a name.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

STDIN = "-"

# Format of one file, from its name once a compression suffix is removed.
_FORMATS = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".wet": "warc",  # Common Crawl names WET files *.warc.wet.gz
}
_COMPRESSIONS = {".gz": "gz", ".bz2": "bz2", ".xz": "xz"}


class UsageError(Exception):
    """A problem with the command line (missing input, unknown format): exit 2, one line."""


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str  # what to open; "-" is standard input
    relative: str  # the name to mirror under --output-dir, relative to the common root of the inputs
    format: str  # "text", "html", "jsonl" or "warc"
    compression: str | None = None  # "gz", "bz2", "xz" or None


def detect(path: str) -> tuple[str, str | None] | None:
    """(format, compression) from a file name, or None when the name says nothing we read."""
    name = os.path.basename(path).lower()
    stem, ext = os.path.splitext(name)
    compression = _COMPRESSIONS.get(ext)
    if compression:
        stem, ext = os.path.splitext(stem)
    fmt = _FORMATS.get(ext)
    return (fmt, compression) if fmt else None


def has_magic(arg: str) -> bool:
    return glob.has_magic(arg)


def check_inputs(args: Sequence[str]) -> None:
    """Fail early, before any output is written, on arguments that cannot be read at all."""
    if not args:
        raise UsageError("no INPUT given")
    for arg in args:
        if arg == STDIN:
            continue
        if os.path.isdir(arg):
            continue
        if os.path.exists(arg):
            if detect(arg) is None:
                raise UsageError(f"unknown input format: {arg} (expected .txt, .html, .htm, .jsonl, "
                                 ".ndjson, .warc, .warc.gz, optionally .gz/.bz2/.xz)")
            continue
        if has_magic(arg):
            if not any(True for _ in glob.iglob(arg, recursive=True)):
                raise UsageError(f"no file matches {arg}")
            continue
        raise UsageError(f"no such file or directory: {arg}")


def iter_input_files(args: Sequence[str]) -> Iterator[InputFile]:
    """Every readable file named by `args`, in a stable order, lazily (a huge tree is not listed first)."""
    root = common_root(args)
    for arg in args:
        if arg == STDIN:
            yield InputFile(STDIN, "stdin", "jsonl")
        elif os.path.isdir(arg):
            yield from _walk(arg, root)
        elif os.path.exists(arg):
            fmt, compression = detect(arg)  # type: ignore[misc]  # check_inputs vetted it
            yield InputFile(arg, _relative(arg, root), fmt, compression)
        else:
            for match in sorted(glob.iglob(arg, recursive=True)):
                if os.path.isdir(match):
                    yield from _walk(match, root)
                else:
                    found = detect(match)
                    # A glob such as data/* also matches READMEs: skip what we cannot read,
                    # as a directory walk does, instead of failing the whole batch.
                    if found:
                        yield InputFile(match, _relative(match, root), *found)


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


def _walk(top: str, root: str) -> Iterator[InputFile]:
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()  # os.walk honours in-place changes: sorted descent
        for filename in sorted(filenames):
            path = os.path.join(dirpath, filename)
            found = detect(path)
            if found:
                yield InputFile(path, _relative(path, root), *found)


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
