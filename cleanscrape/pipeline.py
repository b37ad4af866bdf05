"""The ordered stage registry and the loop that runs it over a Document: only the stages.

The whole flow for one page (decode, front end, these stages, assemble) is `clean()` in api.py.

Order matters because the first verdict on a line wins: specific, confident stages come first
(the user's rules, furniture, promos, credits), repetition before captions so a caption printed
four times is logged once as a caption and three times as a duplicate, and the stages that read
the page's structure (related lists, the main run of prose, metadata) last, when the noise is
out of their way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from cleanscrape.model import Document, Label
from cleanscrape.settings import Settings
from cleanscrape.stages import (
    Stage,
    caption,
    chrome,
    credit,
    legal,
    main_content,
    metadata,
    promo,
    related,
    repeated,
    repeated_text,
    stray_script,
    user_rules,
)

STAGES: tuple[Stage, ...] = (
    user_rules.STAGE,
    stray_script.STAGE,
    chrome.STAGE,
    legal.STAGE,
    promo.STAGE,
    credit.STAGE,
    repeated.STAGE,
    caption.STAGE,
    related.STAGE,
    main_content.STAGE,
    repeated_text.STAGE,
    metadata.STAGE,
)
STAGE_NAMES: tuple[str, ...] = tuple(stage.name for stage in STAGES)


def check_stage_names(names: Iterable[str]) -> None:
    unknown = sorted(set(names) - set(STAGE_NAMES))
    if unknown:
        raise ValueError(f"unknown stage(s) {', '.join(unknown)}; stages are: {', '.join(STAGE_NAMES)}")


def label_document(doc: Document, settings: Settings) -> Document:
    """Run every enabled stage in order; each sees the labels of those before it."""
    check_stage_names(settings.disabled_stages)
    for stage in STAGES:
        if stage.name not in settings.disabled_stages:
            doc = apply_labels(doc, stage.label(doc, settings))
    return doc


def apply_labels(doc: Document, labels: Iterable[Label]) -> Document:
    """A new Document with `labels` added: a line keeps its first verdict; trims need a kept line."""
    verdicts = list(doc.labels)
    trims = list(doc.trims)
    for label in labels:
        if verdicts[label.index] is not None:
            continue
        if label.span is None:
            verdicts[label.index] = label
        else:
            trims[label.index] += (label,)
    return dataclasses.replace(doc, labels=tuple(verdicts), trims=tuple(trims))
