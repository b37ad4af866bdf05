"""The resume journal is never torn at its header: a kill -9 right after a run starts leaves an
output that --resume can still read (or an empty one that describes nothing)."""

from pathlib import Path

from cleanscrape.io.resume import Journal, journal_path, read_journal

RUN = {"inputs": ["pages/"], "options": {"per_article": False}}


def test_a_new_journal_holds_its_whole_header_before_anything_is_flushed(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    journal = Journal(str(output), RUN)  # never flushed nor closed: as under kill -9
    output.write_bytes(b'{"source": "a.txt"}\n')
    state = read_journal(str(output), RUN)
    assert state is not None and state.done == frozenset() and state.output_bytes == 0
    journal.close()


def test_an_empty_output_with_a_torn_journal_describes_nothing(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_bytes(b"")
    Path(journal_path(str(output))).write_bytes(b'{"format": ')
    assert read_journal(str(output), RUN) is None
