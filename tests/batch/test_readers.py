"""Readers: discovery order, every format, compression wrappers, failures as documents."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from batch_helpers import EXPECTED_SOURCES, corpus_fixture, write_warc  # noqa: F401 - corpus_fixture is a fixture

from cleanscrape.io.discovery import UsageError, check_inputs, detect, iter_input_files
from cleanscrape.io.jsonl import JsonlFields, read_jsonl
from cleanscrape.io.readers import ReadOptions, read_documents


def sources(root: Path, docs) -> list[str]:
    prefix = str(root) + "/"
    return [d.source.removeprefix(prefix) for d in docs]


def test_directory_walk_reads_every_format_in_sorted_order(corpus: Path) -> None:
    docs = list(read_documents(iter_input_files([str(corpus)])))
    assert sources(corpus, docs) == EXPECTED_SOURCES


def test_content_types_and_meta(corpus: Path) -> None:
    docs = {d.source.removeprefix(str(corpus) + "/"): d for d in read_documents(iter_input_files([str(corpus)]))}
    assert docs["a.txt"].content_type == "text"
    assert docs["b.html"].content_type == "html"
    assert docs["r1"].meta == {"id": "r1", "lang": "en", "tags": ["x"]}  # body field not in meta
    assert docs["https://example.com/r2"].content_type == "html"
    assert docs["https://example.com/r2"].meta == {"id": "r2", "url": "https://example.com/r2", "site": "ex"}
    page = docs["https://example.com/page1"]
    assert page.content_type == "html" and b"WARC page one" in page.data
    assert page.meta["warc_record_id"].startswith("<urn:uuid:")
    wet = docs["https://example.org/wet1"]
    assert wet.content_type == "text" and wet.data == b"WET text one."
    assert docs["e.txt.gz"].data == b"Gzipped text.\n"
    assert docs["k.txt.gz"].error[0] == "CorruptInput"


def test_glob_and_explicit_files_and_names(corpus: Path) -> None:
    files = list(iter_input_files([str(corpus / "*.txt"), str(corpus / "sub" / "c.htm")]))
    # named relative to the common root of the glob's folder and the file's: the corpus
    assert [f.relative for f in files] == ["a.txt", "i.txt", "j.txt", "sub/c.htm"]


def test_usage_errors() -> None:
    with pytest.raises(UsageError, match="no such file"):
        check_inputs(["/nonexistent/file.txt"])
    with pytest.raises(UsageError, match="no file matches"):
        check_inputs(["/nonexistent/*.txt"])


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(UsageError, match="unknown input format"):
        check_inputs([str(tmp_path / "x.pdf")])
    assert detect("a.warc.wet.gz") == ("warc", "gz") and detect("a.HTML.xz") == ("html", "xz")


def test_jsonl_field_options_and_bad_lines() -> None:
    data = b'{"body": "x", "key": 7}\n\n[1]\n{"nope": 1}\n{broken\n{"body": 5}\n'
    fields = JsonlFields(text="body", id="key")
    docs = list(read_jsonl(io.BytesIO(data), origin="s.jsonl", stem=("s",), fields=fields, max_bytes=None))
    assert docs[0].source == "7" and docs[0].data == "x" and docs[0].meta == {"key": 7}
    assert docs[0].name == ("s", "000001-7")
    assert [d.error[0] for d in docs[1:]] == ["InvalidRecord", "MissingField", "InvalidJSON", "InvalidRecord"]
    assert [d.source for d in docs[1:4]] == ["s.jsonl:3", "s.jsonl:4", "s.jsonl:5"]


def test_jsonl_with_byte_order_mark_and_crlf() -> None:
    data = b'\xef\xbb\xbf{"text": "a"}\r\n{"text": "b"}\r\n'
    docs = list(read_jsonl(io.BytesIO(data), origin="s", stem=("s",), fields=JsonlFields(), max_bytes=None))
    assert [d.data for d in docs] == ["a", "b"]


def test_overlong_jsonl_line_is_an_error_and_reading_goes_on() -> None:
    data = json.dumps({"text": "y" * 5000}).encode() + b"\n" + b'{"text": "ok"}\n'
    docs = list(read_jsonl(io.BytesIO(data), origin="s", stem=("s",), fields=JsonlFields(), max_bytes=1000))
    assert docs[0].error[0] == "TooLarge" and docs[1].data == "ok"


def test_max_bytes_for_files_and_decompression_bombs(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    with gzip.open(tmp_path / "bomb.txt.gz", "wb") as stream:
        stream.write(b"y" * 100_000)
    docs = list(read_documents(iter_input_files([str(tmp_path)]), ReadOptions(max_bytes=1000)))
    assert [d.error[0] for d in docs] == ["TooLarge", "TooLarge"]


def test_truncated_gzip_jsonl_keeps_records_before_the_damage(tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(b'{"id": %d, "text": "t"}\n' % i for i in range(2000)))
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    docs = list(read_documents(iter_input_files([str(tmp_path)])))
    assert docs[-1].error[0] == "CorruptInput" and "after" in docs[-1].error[1]
    assert all(d.error is None for d in docs[:-1]) and len(docs) > 1


def test_uncompressed_warc_skips_non_documents(tmp_path: Path) -> None:
    write_warc(tmp_path / "x.warc", [
        ("response", "https://a/1", b"<p>x</p>", "application/xhtml+xml"),
        ("response", "https://a/2", b"{}", "application/json"),
        ("response", "https://a/3", b"plain", "text/plain"),
    ], gzip_records=False)
    docs = list(read_documents(iter_input_files([str(tmp_path / "x.warc")])))
    assert [(d.source, d.content_type) for d in docs] == [("https://a/1", "html"), ("https://a/3", "text")]


def test_warc_bodies_are_decoded_and_bounded(tmp_path: Path) -> None:
    """Stored HTTP bodies may be chunked and gzip-encoded; readers hand the core the page itself."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = b"<html><body><p>" + b"decoded " * 50 + b"</p></body></html>"
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(html), html)
    with open(tmp_path / "enc.warc.gz", "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, payload, extra in (("https://a/chunked", chunked, ("Transfer-Encoding", "chunked")),
                                    ("https://a/gzip", gzip.compress(html), ("Content-Encoding", "gzip"))):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), extra], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
    docs = list(read_documents(iter_input_files([str(tmp_path)]), ReadOptions(max_bytes=10_000)))
    assert [d.data for d in docs] == [html, html]
    small = list(read_documents(iter_input_files([str(tmp_path)]), ReadOptions(max_bytes=100)))
    assert [d.error[0] for d in small] == ["TooLarge", "TooLarge"]
