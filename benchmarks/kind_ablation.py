"""cleanscrape with one page-kind rule switched off, as `benchmarks/quality.py --cleaner`s: the
ablation row of each kind rule (issue #25).

    python -m benchmarks.quality --sets wcxb-dev --cleaner benchmarks.kind_ablation:without_forum_room
    python -m benchmarks.quality --sets wcxb-dev --cleaner benchmarks.kind_ablation:without_forum_kind

- `without_forum_room`: forum pages keep trafilatura's lines (their comment regions still kept);
- `without_forum_kind`: no page is a forum (no room, comment regions dropped as on an article);
- `without_documentation_room`: documentation pages keep trafilatura's lines;
- `without_kinds`: every page is an article, as before page kinds.

A rule touches only the pages decided of its kind, so the rows can also be had by cleaning those
pages alone and putting their scores in place of a full run's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import cleanscrape
from cleanscrape.frontends.html import extract, kinds
from cleanscrape.frontends.html.kinds import PageSignals
from cleanscrape.model import PageType


@contextlib.contextmanager
def _room_off(page_type: PageType) -> Iterator[None]:
    rules: dict[PageType, Any] = kinds.BODY_RULES  # type: ignore[assignment]  # a dict at run time
    saved = rules.pop(page_type, None)
    try:
        yield
    finally:
        if saved is not None:
            rules[page_type] = saved


@contextlib.contextmanager
def _decision(decide: Callable[[PageSignals], PageType]) -> Iterator[None]:
    saved = extract.decide_page_type
    extract.decide_page_type = decide  # type: ignore[assignment]
    try:
        yield
    finally:
        extract.decide_page_type = saved  # type: ignore[assignment]


def _not_forum(signals: PageSignals) -> PageType:
    decided = kinds.decide_page_type(signals)
    return PageType.ARTICLE if decided is PageType.FORUM else decided


def without_forum_room(content: Any, **options: Any) -> cleanscrape.Page:
    with _room_off(PageType.FORUM):
        return cleanscrape.clean(content, **options)


def without_forum_kind(content: Any, **options: Any) -> cleanscrape.Page:
    with _decision(_not_forum):
        return cleanscrape.clean(content, **options)


def without_documentation_room(content: Any, **options: Any) -> cleanscrape.Page:
    with _room_off(PageType.DOCUMENTATION):
        return cleanscrape.clean(content, **options)


def without_kinds(content: Any, **options: Any) -> cleanscrape.Page:
    with _decision(lambda signals: PageType.ARTICLE):
        return cleanscrape.clean(content, **options)
