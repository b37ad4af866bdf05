"""The exit codes of every `cleanscrape` command: one definition, documented in the README."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    # The run did not finish as asked: writing the output failed, a Spark job failed, a worker
    # could not start, or (with --fail-on-error) a document gave an error record.
    FAILED = 1
    # Refused before any output was written: a bad argument, an input that cannot be read, an
    # output that cannot be opened. `clean` also uses it for a file it cannot clean.
    USAGE = 2
    # Ctrl-C or SIGTERM: 128 + SIGINT, as a shell reports a process that SIGINT stopped.
    INTERRUPTED = 130
