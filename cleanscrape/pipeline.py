"""The ordered stage registry and the loop that runs it over a Document: only the stages.

The whole flow for one page (decode, front end, these stages, assemble) is `clean()` in api.py.

Order matters because the first verdict on a line wins: specific, confident stages come first
(the user's rules, furniture, promos, credits), repetition before captions so a caption printed
four times is logged once as a caption and three times as a duplicate, and the stages that read
the page's structure (related lists, the main run of prose, metadata) last, when the noise is
out of their way.

Then a revise pass (jusText's idea: classify each line alone, then revise by its neighbours):
the rules that judge a line by its keywords alone only propose, and a paragraph they dropped
that sits between two kept paragraphs, or after one and before a kept line (the next section's
heading), is the article discussing copyright or apps, not a notice; so is an item they dropped
from the middle of a list whose items around it are kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from cleanscrape.model import Block, Document, Label, Verdict
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
from cleanscrape.text.shapes import is_prose, word_count

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

# Reasons given by rules that read one line's keywords and nothing else: proposals the revise pass may overrule.
KEYWORD_REASONS = frozenset({"legal", "promo"})
# A call to action or notice set inside an article is a sentence or two ("Sign up for our newsletter
# to get the day's top stories in your inbox.": 15 words); a paragraph this long that merely
# mentions terms of service or an app is the article's own.
MIN_REVISED_WORDS = 20
REVISED = "revised"  # the reason of a line the revise pass kept: its `proposal` holds the first verdict


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
    return keep_code_whole(revise(doc))


def revise(doc: Document) -> Document:
    """Keep the keyword-dropped paragraphs that sit inside the article (blank lines aside)."""
    texts = [(index, line.text) for index, line in enumerate(doc.lines) if line.text]
    verdicts = list(doc.labels)
    for pos, (index, text) in enumerate(texts):
        label = doc.labels[index]
        if label is None or label.reason not in KEYWORD_REASONS or label.span is not None:
            continue
        before, after = texts[pos - 1:pos], texts[pos + 1:pos + 2]
        if not (before and after):
            continue
        long_paragraph = word_count(text) >= MIN_REVISED_WORDS and is_prose(text)
        if (long_paragraph and inside_article(doc, before[0][0], after[0][0])) or inside_kept_list(
                doc, index, before[0][0], after[0][0]):
            verdicts[index] = Label(index, Verdict.KEEP, REVISED, proposal=label)
    return dataclasses.replace(doc, labels=tuple(verdicts))


# A line stage judges a line by its text, which in a code block is code: "}" is no lone symbol, a
# repeated "return x;" no duplicate, a "<table>" no menu entry because a sidebar names it. A block
# is kept whole or left out whole (keep_code_whole); only the user's own rules drop a line of it.
BLOCK_REASONS = frozenset({"user-drop"})


def keep_code_whole(doc: Document) -> Document:
    """Keep every line of a code block (<pre>, from the front end's evidence) that has a kept line
    and undo the trims on its lines: a block comes out whole, with the lines the line stages
    dropped shown as revised, or not at all."""
    code = [doc.evidence_for(index).block is Block.CODE for index in range(len(doc.lines))]
    if not any(code):
        return doc
    verdicts, trims = list(doc.labels), list(doc.trims)
    for block in _code_blocks(doc, code):
        if not any(doc.is_kept(index) and doc.lines[index].text for index in block):
            continue
        for index in block:
            label = verdicts[index]
            trims[index] = ()
            if label is not None and label.verdict is Verdict.DROP and label.reason not in BLOCK_REASONS:
                verdicts[index] = Label(index, Verdict.KEEP, REVISED, proposal=label)
    return dataclasses.replace(doc, labels=tuple(verdicts), trims=tuple(trims))


def _code_blocks(doc: Document, code: list[bool]) -> list[list[int]]:
    """Runs of consecutive code lines (the blank lines inside a block included)."""
    blocks: list[list[int]] = []
    run: list[int] = []
    for index, line in enumerate(doc.lines):
        if code[index] or (run and line.is_blank):
            run.append(index)
        elif run:
            blocks.append(run)
            run = []
    return [*blocks, run] if run else blocks


def inside_article(doc: Document, before: int, after: int) -> bool:
    """Kept prose before and a kept line after: between two paragraphs, or closing a section of the
    article whose next heading follows. A notice or a pitch after the article's last paragraph is
    followed by furniture the stages dropped, or by nothing."""
    return doc.is_kept(before) and is_prose(doc.kept_text(before)) and doc.is_kept(after)


def inside_kept_list(doc: Document, index: int, before: int, after: int) -> bool:
    """A list item between two kept items of a list: a tip or a feature of the article's list
    ("- Turn on automatic updates"), not a pitch. A site's calls to follow or subscribe come in a
    block of their own, whose other lines the stages dropped too."""
    return bool(doc.lines[index].marker) and all(
        doc.is_kept(side) and doc.lines[side].marker for side in (before, after))


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
