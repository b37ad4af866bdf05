"""The four development benchmarks (../shared/bench, see its README.md): their truths, their
inputs and the scorer each is measured with.

Only `load_set` reads the truths, and it keeps only what its scorer needs (no urls, no titles):
the cleaners are given the page content alone.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.scorers import SHINGLE_SCORER, SNIPPET_SCORER, WORD_SCORER, Scorer, Snippets

SET_NAMES = ("shub", "traf-dev", "wcxb-dev", "readability")
RENDERERS = ("html_text", "inscriptis", "w3m")
# WCXB's own order of its page types (its evaluate.py prints them so).
PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")


class DataError(Exception):
    """The benchmark directory is unusable; reported as one line, exit status 2."""


@dataclass(frozen=True)
class BenchSet:
    name: str
    folder: Path
    scorer: Scorer
    truths: Mapping[str, Any]  # page id -> truth in the shape the scorer takes
    page_types: Mapping[str, str] = field(default_factory=dict)  # WCXB only

    @property
    def ids(self) -> list[str]:
        return sorted(self.truths)

    def html_path(self, page_id: str) -> Path:
        return self.folder / "html" / f"{page_id}.html.gz"

    def text_path(self, renderer: str, page_id: str) -> Path:
        return self.folder / "text" / renderer / f"{page_id}.txt"

    @property
    def renderers(self) -> tuple[str, ...]:
        """The renderers whose naive text dumps this set has (none for wcxb-dev, readability)."""
        return tuple(renderer for renderer in RENDERERS if (self.folder / "text" / renderer).is_dir())


def load_set(bench: Path, name: str) -> BenchSet:
    folder = bench / name
    if not folder.is_dir():
        raise DataError(f"benchmark set not found: {folder}")
    try:
        return _LOADERS[name](folder)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DataError(f"cannot read the truth of {name} in {folder}: {type(error).__name__}: {error}") from error


def _shub(folder: Path) -> BenchSet:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    bodies = {page_id: entry.get("articleBody") or "" for page_id, entry in truth.items()}
    return BenchSet("shub", folder, SHINGLE_SCORER, bodies)


def _traf_dev(folder: Path) -> BenchSet:
    truth = json.loads((folder / "evaldata.json").read_text("utf-8"))
    snippets = {entry["id"]: Snippets(tuple(entry["with"]), tuple(entry["without"])) for entry in truth.values()}
    return BenchSet("traf-dev", folder, SNIPPET_SCORER, snippets)


def _wcxb_dev(folder: Path) -> BenchSet:
    # One JSON object a line; split on "\n" only: the texts hold U+2028 and the like, which
    # str.splitlines would also cut at.
    with gzip.open(folder / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as source:
        entries = [json.loads(line) for line in source.read().split("\n") if line.strip()]
    return BenchSet(
        "wcxb-dev",
        folder,
        WORD_SCORER,
        {entry["id"]: entry.get("main_content") or "" for entry in entries},
        {entry["id"]: entry["page_type"] for entry in entries},
    )


def _readability(folder: Path) -> BenchSet:
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    texts = {name: entry.get("text") or "" for name, entry in truth.items()}
    return BenchSet("readability", folder, WORD_SCORER, texts)


_LOADERS = {"shub": _shub, "traf-dev": _traf_dev, "wcxb-dev": _wcxb_dev, "readability": _readability}
