"""What `--resume` needs to finish a run without losing a document or writing one twice.

A run is described by `run` (a JSON object the command builds: its inputs and the options that
shape the output); a resumed run must have the same description, or it is refused.

A JSONL output OUT gets a journal, OUT.resume, beside it: its first line is the run, then one
line per document written: the document's key (its input file, its place in that file, its
source) and the length OUT had once the document's lines were in it. Both files are only
appended to, and the journal may run ahead of OUT or fall behind it (each is flushed on its
own), so resuming keeps the journal lines whose length OUT reaches, cuts OUT back to the last
of them and the journal to them, and skips exactly those documents. Keys, not a count of lines,
so that files added to an input directory (sorting anywhere) are cleaned and no other is redone.

An output directory holds one file per document, written atomically, so the files themselves
say what is done; the run is kept in DIR/.cleanscrape-resume.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from cleanscrape.io.document import InputDocument

JOURNAL_SUFFIX = ".resume"
DIR_MANIFEST = ".cleanscrape-resume"
_FORMAT = "cleanscrape-resume/1"


class ResumeRefused(ValueError):
    """The output cannot be resumed from (other inputs or options, no journal); a one-line reason."""


def journal_path(output: str) -> str:
    return output + JOURNAL_SUFFIX


def document_key(doc: InputDocument) -> list[Any]:
    """What tells documents apart: input file, place in it, and source (so that a container
    changed since the first run is not mistaken for the old one)."""
    position = doc.position
    return [position.file if position else None, position.index if position else None, doc.source]


def key_digest(key: list[Any]) -> bytes:
    # 16 bytes a document in memory, whatever the length of its paths and URLs
    return hashlib.blake2b(json.dumps(key, ensure_ascii=False).encode("utf-8"), digest_size=16).digest()


@dataclass(frozen=True)
class JournalState:
    done: frozenset[bytes]  # key digests of the documents whole in the output
    output_bytes: int  # the output is cut back to this length
    journal_bytes: int  # the journal is cut back to this length


def read_journal(output: str, run: Mapping[str, Any]) -> JournalState | None:
    """The state to resume `output` from, None if there is nothing to resume (no output yet);
    ResumeRefused if it was written by another run or cannot be told."""
    if not os.path.exists(output) or not os.path.getsize(output):
        return None  # a journal left without its output, or with an empty one, describes nothing
    size = os.path.getsize(output)
    path = journal_path(output)
    if not os.path.exists(path):
        if size:
            raise ResumeRefused(f"cannot resume {output}: it has no journal {path}, so which documents it holds "
                                "is unknown; rerun without --resume to start over")
        return None
    with open(path, "rb") as stream:
        header = stream.readline()
        _check_run(output, _parse_header(header, path), run)
        done: set[bytes] = set()
        output_bytes, journal_bytes = 0, len(header)
        for key, end, length in _entries(stream):
            if end > size:
                break  # the output never got this document's lines
            done.add(key_digest(key))
            output_bytes, journal_bytes = end, journal_bytes + length
    return JournalState(frozenset(done), output_bytes, journal_bytes)


def _parse_header(header: bytes, path: str) -> Any:
    try:
        parsed = json.loads(header)
    except ValueError:
        parsed = None
    if not header.endswith(b"\n") or not isinstance(parsed, dict) or parsed.get("format") != _FORMAT:
        raise ResumeRefused(f"cannot resume: {path} is not a cleanscrape journal")
    return parsed.get("run")


def _entries(stream: BinaryIO) -> Iterator[tuple[list[Any], int, int]]:
    """(key, output length, line length) of each whole journal line, until a torn or unreadable one."""
    for raw in stream:
        if not raw.endswith(b"\n"):
            return
        try:
            entry = json.loads(raw)
            key, end = entry["key"], int(entry["end"])
        except (ValueError, KeyError, TypeError):
            return
        yield key, end, len(raw)


def _check_run(output: str, written: Any, run: Mapping[str, Any]) -> None:
    if written == run:
        return
    if not isinstance(written, dict):
        raise ResumeRefused(f"cannot resume {output}: its journal does not say how it was written")
    if written.get("inputs") != run.get("inputs"):
        raise ResumeRefused(f"cannot resume {output}: it was written from other inputs "
                            f"({' '.join(map(str, written.get('inputs') or []))})")
    options, before = run.get("options") or {}, written.get("options") or {}
    changed = sorted(name for name in {*options, *before} if options.get(name) != before.get(name))
    raise ResumeRefused(f"cannot resume {output}: it was written with other options ({', '.join(changed)})")


class Journal:
    """The journal of a JSONL output being written: `add` after each document's lines."""

    def __init__(self, output: str, run: Mapping[str, Any], state: JournalState | None = None) -> None:
        path = journal_path(output)
        if state is None:  # a new run: a new journal, its header whole on disk before any output
            # A kill -9 must never leave a journal without its header beside an output that has
            # lines: written aside and renamed into place, the header is there whole or not at all.
            header = json.dumps({"format": _FORMAT, "run": run}, ensure_ascii=False).encode() + b"\n"
            with open(path + ".tmp", "wb") as aside:
                aside.write(header)
            os.replace(path + ".tmp", path)
            self._stream: BinaryIO = open(path, "r+b")  # noqa: SIM115 - closed by close()
            self._stream.seek(len(header))
        else:
            self._stream = open(path, "r+b")  # noqa: SIM115 - closed by close()
            self._stream.truncate(state.journal_bytes)
            self._stream.seek(state.journal_bytes)

    def add(self, doc: InputDocument, end: int) -> None:
        line = {"key": document_key(doc), "end": end}
        self._stream.write(json.dumps(line, ensure_ascii=False).encode("utf-8") + b"\n")

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()


def check_dir_manifest(directory: str, run: Mapping[str, Any]) -> None:
    """For --resume into `directory`: refuse one written by another run, or by an unknown one."""
    path = os.path.join(directory, DIR_MANIFEST)
    if not os.path.exists(path):
        if os.path.isdir(directory) and os.listdir(directory):
            raise ResumeRefused(f"cannot resume {directory}: it has no {DIR_MANIFEST}, so how it was written "
                                "is unknown; rerun without --resume to start over")
        return
    with open(path, "rb") as stream:
        _check_run(directory, _parse_header(stream.read(), path), run)


def write_dir_manifest(directory: str, run: Mapping[str, Any]) -> None:
    with open(os.path.join(directory, DIR_MANIFEST), "wb") as stream:
        stream.write(json.dumps({"format": _FORMAT, "run": run}, ensure_ascii=False).encode("utf-8") + b"\n")
