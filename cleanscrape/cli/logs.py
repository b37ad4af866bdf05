"""Where the CLI's own messages go: stderr, as `cleanscrape: message`, at the level -q / -v ask for."""

from __future__ import annotations

import logging
import sys


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is when a message is logged (tests and callers swap it)."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, _: object) -> None:
        pass


# -q: errors only; default: warnings; -v: what each command did; -vv: debugging detail.
_LEVELS = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}


def configure_logging(verbosity: int) -> None:
    """The CLI's own messages go to stderr as `cleanscrape: message` (the library only logs)."""
    logger = logging.getLogger("cleanscrape")
    for handler in [handler for handler in logger.handlers if isinstance(handler, _StderrHandler)]:
        logger.removeHandler(handler)  # main() may run more than once in a process
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("cleanscrape: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(_LEVELS.get(verbosity, logging.DEBUG))
    logger.propagate = False
