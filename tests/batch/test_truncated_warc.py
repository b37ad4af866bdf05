"""A WARC file cut short loses nothing silently: every whole record before the cut is read, then an error record."""

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleanscrape.io.discovery import iter_input_files
from cleanscrape.io.readers import read_documents


def warc_bytes(gzip: bool, pages: int = 3) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for number in range(pages):
        body = b"<html><body><p>Page %d " % number + b"x" * 2000 + b"</p></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"http://example.com/{number}", "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


def read(path) -> list:
    return list(read_documents(iter_input_files([str(path)])))


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_file_cut_inside_its_last_record_gives_the_whole_records_then_an_error(tmp_path, gzip):
    data = warc_bytes(gzip)
    path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    path.write_bytes(data[:-50])
    documents = read(path)
    assert [d.source for d in documents[:2]] == ["http://example.com/0", "http://example.com/1"]
    assert all(d.error is None and len(d.data) > 2000 for d in documents[:2])
    assert len(documents) == 3 and documents[2].error[0] == "CorruptInput"
    assert "cut short" in documents[2].error[1]


def test_a_whole_file_reads_every_record_without_error(tmp_path):
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(warc_bytes(gzip=True))
    documents = read(path)
    assert [d.error for d in documents] == [None, None, None]
