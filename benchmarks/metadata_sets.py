"""The three development sets of the metadata benchmark, read into one shape.

Each set's truth is mapped onto the benchmark's fields (see metadata_match.FIELDS); a field the
set does not annotate is simply absent, and a page is scored on a field only when its truth has
a value there. Only the scorer reads `truth`: systems get the page's HTML and URL alone.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The README keeps the sets in shared/bench beside the project's checkout.
BENCH_ROOT = Path(__file__).resolve().parents[2] / "shared" / "bench"
SET_NAMES = ("readability", "traf-dev", "wcxb-dev")
# readability.js's test harness parses every test page as if served from this address, so its
# expected metadata (our truth) was produced with it.
READABILITY_URL = "http://fakehost/test/page.html"


@dataclass(frozen=True)
class TruthPage:
    page_id: str
    url: str | None
    html_path: Path
    truth: dict[str, Any] = field(default_factory=dict)  # field -> value (str, list of str or None)

    def read_html(self) -> bytes:
        return gzip.decompress(self.html_path.read_bytes())


class SetMissing(Exception):
    """A set's folder or truth file is not where the README says."""


def load_set(name: str, root: Path = BENCH_ROOT) -> list[TruthPage]:
    """The set's pages, sorted by id so that `--limit N` always takes the same pages."""
    folder = root / name
    loaders = {"readability": _load_readability, "traf-dev": _load_traf_dev, "wcxb-dev": _load_wcxb}
    if name not in loaders:
        raise SetMissing(f"unknown set {name!r}; known: {', '.join(SET_NAMES)}")
    try:
        pages = loaders[name](folder)
    except FileNotFoundError as error:
        raise SetMissing(f"set {name!r} not readable: {error}") from error
    return sorted(pages, key=lambda page: page.page_id)


def _load_readability(folder: Path) -> list[TruthPage]:
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    return [
        TruthPage(
            page_id=name,
            url=READABILITY_URL,
            html_path=folder / "html" / f"{name}.html.gz",
            truth={
                "title": entry.get("title"),
                "authors": entry.get("byline"),
                "published": entry.get("publishedTime"),
                "site_name": entry.get("siteName"),
                "language": entry.get("lang"),
            },
        )
        for name, entry in truth.items()
    ]


def _load_traf_dev(folder: Path) -> list[TruthPage]:
    # Keys are the pages' URLs, except for a few "hard::<file>" pages kept without one.
    truth = json.loads((folder / "evaldata.json").read_text("utf-8"))
    return [
        TruthPage(
            page_id=entry["id"],
            url=key if key.startswith(("http://", "https://")) else None,
            html_path=folder / "html" / f"{entry['id']}.html.gz",
            truth={
                "title": entry.get("title"),
                "authors": entry.get("author"),
                "published": entry.get("date"),
                "site_name": entry.get("sitename"),
            },
        )
        for key, entry in truth.items()
    ]


def _load_wcxb(folder: Path) -> list[TruthPage]:
    pages = []
    with gzip.open(folder / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            entry = json.loads(line)
            pages.append(
                TruthPage(
                    page_id=entry["id"],
                    url=entry.get("url"),
                    html_path=folder / "html" / f"{entry['id']}.html.gz",
                    truth={
                        "title": entry.get("title"),
                        "authors": entry.get("author"),
                        "published": entry.get("publish_date"),
                    },
                )
            )
    return pages
