"""cleanscrape as a datatrove step, run by datatrove's local executor on a WARC and a JSONL shard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("magic")  # datatrove's WARC reader needs python-magic and faust-cchardet (datatrove[io])

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader, WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from eco_helpers import ARTICLE_HTML, GERMAN, PARAGRAPH, SECOND_PARAGRAPH, write_warc  # noqa: E402

from cleanscrape.integrations.datatrove import CleanscrapeExtractor  # noqa: E402


def output_lines(folder: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.read_text().splitlines()]


def run(pipeline: list, logs: Path) -> dict[str, float]:
    """The cleanscrape step's stats (metric -> total) after running `pipeline` in one local task."""
    executor = LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(logs))
    step = next(step for step in executor.run().stats if "cleanscrape" in step.name)
    return {name: metric.total for name, metric in step.stats.items()}


def test_a_warc_is_cleaned_with_per_reason_stats(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz", [("https://example.com/tram", ARTICLE_HTML),
                                            ("https://example.com/blank", "<html><body></body></html>")])
    stats = run([WarcReader(str(tmp_path), glob_pattern="*.warc.gz"), CleanscrapeExtractor(),
                 JsonlWriter(str(tmp_path / "out"), compression=None)], tmp_path / "logs")
    [doc] = output_lines(tmp_path / "out")
    assert doc["text"] == f"{PARAGRAPH}\n\n{SECOND_PARAGRAPH}"
    assert doc["metadata"]["url"] == "https://example.com/tram"  # the reader's metadata stays
    assert doc["metadata"]["title"] == "Council extends tram line" and doc["metadata"]["kind"] == "article"
    assert stats["total"] == 2 and stats["forwarded"] == 1 and stats["dropped_empty"] == 1
    assert stats["kind_article"] == 1 and stats["removed_metadata"] == 1  # the headline, read into the title


def test_a_jsonl_shard_with_language_filter_and_exclusion_writer(tmp_path):
    shard = tmp_path / "shard"
    shard.mkdir()
    rows = [{"id": "en", "text": f"Tram line extended\n\n{PARAGRAPH}\n\nShare"}, {"id": "de", "text": GERMAN * 2}]
    (shard / "part-0.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    extractor = CleanscrapeExtractor(options={"languages": ["en"]}, content_type="text",
                                     exclusion_writer=JsonlWriter(str(tmp_path / "rejected"), compression=None))
    stats = run([JsonlReader(str(shard)), extractor, JsonlWriter(str(tmp_path / "out"), compression=None)],
                tmp_path / "logs")
    [kept] = output_lines(tmp_path / "out")
    assert kept["id"] == "en" and kept["text"] == PARAGRAPH and kept["metadata"]["language"] == "en"
    [rejected] = output_lines(tmp_path / "rejected")
    assert rejected["id"] == "de" and rejected["metadata"]["filtered"] == "language"
    assert stats["dropped_language"] == 1 and stats["removed_chrome"] == 1
