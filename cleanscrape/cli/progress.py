"""The batch progress line on a terminal: documents done, and against a known total the share
done and the time left.

The total is known when the input files were listed up front: as a count of documents when every
file is one page (.txt, .html), else as bytes (files read so far against the inputs' size on
disk; a container's bytes are counted as its reader goes). Standard input has no total.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

# How often the line is redrawn: often enough to look alive, rarely enough to cost nothing.
REDRAW_SECONDS = 0.5
_SIZE_UNITS = (("GB", 1e9), ("MB", 1e6), ("kB", 1e3))


@dataclass(frozen=True, slots=True)
class ProgressState:
    documents: int  # documents written so far
    elapsed: float  # seconds since the start
    total_documents: int | None = None  # known when every input file is one page
    bytes_read: int = 0
    total_bytes: int | None = None  # the input files' size on disk; None: unknown (stdin)


def done_share(state: ProgressState) -> float | None:
    """The share of the work done (0..1), by documents when their total is known, else by bytes."""
    if state.total_documents:
        return min(1.0, state.documents / state.total_documents)
    if state.total_bytes:
        return min(1.0, state.bytes_read / state.total_bytes)
    return None


def format_progress(state: ProgressState) -> str:
    """"120/500 documents (24%), 3.1 docs/s, 2m03s left", or by bytes
    "1234 documents, 45.2 MB of 120.0 MB (38%), 3.1 docs/s, 2m05s left"; without a total
    "1234 documents, 3.1 docs/s"."""
    rate = state.documents / state.elapsed if state.elapsed > 0 else 0.0
    share = done_share(state)
    if state.total_documents:
        parts = [f"{state.documents}/{state.total_documents} documents ({_percent(share)})"]
    else:
        parts = [f"{state.documents} documents"]
        if state.total_bytes:
            parts.append(f"{format_bytes(state.bytes_read)} of {format_bytes(state.total_bytes)} ({_percent(share)})")
    parts.append(f"{rate:.1f} docs/s")
    if share is not None:
        parts.append(f"{format_duration(time_left(share, state.elapsed))} left" if share > 0 else "? left")
    return ", ".join(parts)


def time_left(share: float, elapsed: float) -> float:
    """Seconds left at the pace so far: what took `elapsed` did `share` of the work."""
    return elapsed * (1 - share) / share


def format_duration(seconds: float) -> str:
    """"45s", "2m05s", "1h02m"."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"


def format_bytes(size: int) -> str:
    for unit, factor in _SIZE_UNITS:
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} B"


def _percent(share: float | None) -> str:
    return f"{100 * (share or 0.0):.0f}%"


class ProgressLine:
    """Redraws one line on a terminal (carriage return, no scrolling); `close` ends it."""

    def __init__(self, stream: TextIO, state: Callable[[], ProgressState], *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._state = state
        self._clock = clock
        self._last_draw: float | None = None

    def update(self) -> None:
        now = self._clock()
        if self._last_draw is None or now - self._last_draw >= REDRAW_SECONDS:
            self._draw()
            self._last_draw = now

    def close(self) -> None:
        self._draw()
        self._stream.write("\n")
        self._stream.flush()

    def _draw(self) -> None:
        # "\x1b[K" clears what a longer earlier line left on the right
        self._stream.write("\r" + format_progress(self._state()) + "\x1b[K")
        self._stream.flush()
