"""`--config FILE.toml`: cleaning settings from a file, which flags given on the command line override.

The file holds `Settings` fields by name, a stage's thresholds as a table named after the stage:

    drop_phrases = ["Sponsored by"]
    disabled_stages = ["promo"]

    [main_content]
    min_region_words = 10
"""

from __future__ import annotations

import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the same parser, packaged for Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found]

from cleanscrape.settings import Settings


def read_config(path: str) -> dict[str, Any]:
    """The options a TOML file sets; ValueError (one line) for a file that cannot be read or parsed,
    an unknown key or an invalid value."""
    try:
        with open(path, "rb") as handle:
            options = tomllib.load(handle)
    except OSError as error:
        raise ValueError(f"--config {path}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"--config {path}: not TOML: {error}") from None
    try:
        Settings.from_options(options)
    except (ValueError, TypeError) as error:
        raise ValueError(f"--config {path}: {error}") from None
    return options
