"""cleanscrape as a datatrove pipeline step: `pip install 'cleanscrape[datatrove]'`.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanscrape.integrations.datatrove import CleanscrapeExtractor

    LocalPipelineExecutor([WarcReader("crawl/"), CleanscrapeExtractor(), JsonlWriter("clean/")]).run()

It takes the place of datatrove's `Trafilatura` extractor: each `Document`'s text (HTML, or the
plain text of a WET record or JSONL shard) becomes the cleaned text of its page, and the page's
metadata (title, language, dates, authors, ...: the scalar and list columns of
`cleanscrape.schema.PAGE_COLUMNS`) goes into `doc.metadata`. A page with no text left is dropped.

Stats follow datatrove's habits (`BaseFilter`): `total`, `forwarded`, `dropped` with a reason
(`dropped_empty`, `dropped_language`, `dropped_min-words`, `dropped_clean_error`), pages by kind
(`kind_article`, ...), and every removed line counted by its reason (`removed_caption`,
`removed_boilerplate`, ...: the removal log's vocabulary), so the run's stats.json says what was
cut and why. Filtered documents (Settings `languages`, `min_words`) go to `exclusion_writer`
when one is given, with the cause in `metadata["filtered"]`.

Unlike `BaseExtractor`, pages are cleaned in the task's own process, not a sandbox process per
document: `cleanscrape.clean` bounds its work with its own limits (`max_input_bytes`, ...;
an input over one is an error, counted and dropped), and the per-reason counts must reach this
step's stats.
"""

from __future__ import annotations

import contextlib
from typing import Any

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.typeshelper import StatHints

import cleanscrape
from cleanscrape.schema import PAGE_COLUMNS, Struct

# What goes into doc.metadata: everything about the page but its text, source and nested logs.
METADATA_FIELDS: tuple[str, ...] = tuple(
    name for name, kind in PAGE_COLUMNS
    if name not in ("source", "text", "articles", "removed") and not isinstance(kind, Struct))


class CleanscrapeExtractor(BaseExtractor):
    """Clean each document's page with `cleanscrape.clean`.

    Args:
        options: a `cleanscrape.Settings` or a dict of its fields (drop phrases, languages, min_words, ...)
        content_type: "html", "text", or None to tell them apart from each document's content
        exclusion_writer: a datatrove writer for documents the Settings filters rule out
    """

    name = "🧹 cleanscrape"

    def __init__(self, options: Any = None, content_type: str | None = None,
                 exclusion_writer: DiskWriter | None = None) -> None:
        super().__init__(timeout=0)
        self.settings = cleanscrape.Settings.from_options(options)  # a bad option fails here, not in a task
        self.content_type = content_type
        self.exclusion_writer = exclusion_writer

    def extract(self, text: str) -> str:
        """The cleaned text alone (`BaseExtractor`'s contract), for callers that want just that."""
        return cleanscrape.clean(text, content_type=self.content_type, options=self.settings).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as writer:
            for doc in data or ():
                self.stat_update(StatHints.total)
                with self.track_time():
                    reason = self.clean_document(doc)
                if reason is None:
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                    continue
                self.stat_update(StatHints.dropped, f"dropped_{reason}")
                if writer is not None and doc.metadata.get("filtered"):
                    writer.write(doc, rank)

    def clean_document(self, doc: Document) -> str | None:
        """Replace `doc`'s text by its clean text and add the page's metadata; the reason to drop it, or None."""
        try:
            page = cleanscrape.clean(doc.text, content_type=self.content_type, source=doc.id, options=self.settings)
        except (ValueError, TypeError):  # not text, too large: clean()'s documented refusals
            return "clean_error"
        self.stat_update(f"kind_{page.kind.value}")
        for reason, count in page.removal_counts().items():
            self.stat_update(f"removed_{reason}", value=count)
        record = page.to_record()
        doc.metadata.update({name: record[name] for name in METADATA_FIELDS})
        doc.text = page.text  # a rejected page too: its clean text is what the filter judged
        return page.filtered or (None if page.text else "empty")
