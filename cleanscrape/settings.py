"""All knobs in one frozen dataclass. Override with `dataclasses.replace` or `Settings.from_options`."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Settings:
    # Stages switched off by name (see `cleanscrape.pipeline.STAGE_NAMES`).
    disabled_stages: frozenset[str] = frozenset()
    # The user's own boilerplate: lines containing a phrase (case-insensitive) or matching a pattern are dropped.
    drop_phrases: tuple[str, ...] = ()
    drop_patterns: tuple[str, ...] = ()
    # Lines containing a phrase or matching a pattern are always kept, whatever a stage says.
    keep_phrases: tuple[str, ...] = ()
    keep_patterns: tuple[str, ...] = ()
    # Language detection reads at most this many characters of the kept text: a bounded sample
    # gives the same answer as the whole text at a fraction of the cost (1,000 characters agreed
    # with 2,000 on all 181 articles of the shub benchmark, in 60% of the time).
    language_sample_chars: int = 300
    # Maximums `clean()` checks before the expensive work, so that a hostile or broken page costs
    # bounded time and memory in a scraper as much as in `cleanscrape batch`. Input over a limit
    # raises `cleanscrape.InputTooLarge` (nothing is truncated); None switches a limit off.
    # Real pages stay far below every default (see cleanscrape/limits.py for the measurements).
    max_input_bytes: int | None = 20 * 1024 * 1024  # bytes given as bytes; characters of a str
    max_lines: int | None = 100_000  # lines of text (HTML: of the text extracted from it)
    max_line_chars: int | None = 1_000_000  # the longest line (HTML: of the extracted text)
    max_html_depth: int | None = 5_000  # nesting of HTML elements that need an end tag
    max_html_elements: int | None = 100_000  # start tags in an HTML document

    def __post_init__(self) -> None:
        for name in LIMIT_FIELDS:
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise ValueError(f"{name} must be a positive integer or None, not {value!r}")
        for pattern in (*self.drop_patterns, *self.keep_patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"invalid pattern {pattern!r}: {error}") from None

    @classmethod
    def from_options(cls, options: Settings | Mapping[str, Any] | None) -> Settings:
        """Accept a Settings, a plain mapping of field names (e.g. parsed JSON), or None."""
        if options is None:
            return DEFAULT_SETTINGS
        if isinstance(options, Settings):
            return options
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise ValueError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values = dict(options)
        if "disabled_stages" in values:
            values["disabled_stages"] = frozenset(values["disabled_stages"])
        for name in ("drop_phrases", "drop_patterns", "keep_phrases", "keep_patterns"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)


LIMIT_FIELDS = ("max_input_bytes", "max_lines", "max_line_chars", "max_html_depth", "max_html_elements")
DEFAULT_SETTINGS = Settings()
