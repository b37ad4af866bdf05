"""The exit codes of every `cleanscrape` command: one definition, documented in the README."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    # The run did not finish as asked: writing the output failed, a Spark job failed, a worker
    # could not start, every document of a batch gave an error record, or (with --fail-on-error)
    # one did.
    FAILED = 1
    # Refused before any output was written: a bad argument, an input that cannot be read, an
    # output that cannot be opened. `clean` also uses it for a file it cannot clean.
    USAGE = 2
    # Ctrl-C or SIGTERM: 128 + SIGINT, as a shell reports a process that SIGINT stopped.
    INTERRUPTED = 130


_MEANINGS = {
    ExitCode.OK: "done",
    ExitCode.FAILED: "the run failed part-way",
    ExitCode.USAGE: "refused before writing",
    ExitCode.INTERRUPTED: "interrupted",
}


def exit_codes_help() -> str:
    """One line for a command's --help: "exit codes: 0 done, 1 ...". The README's table has the details."""
    return "exit codes: " + ", ".join(f"{code.value} {meaning}" for code, meaning in _MEANINGS.items())
