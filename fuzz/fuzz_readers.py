"""Fuzz the batch readers (JSONL, WARC/WET, gzip/bz2/xz wrappers) with atheris: a broken file
must become failed InputDocuments, never an exception. Run by hand: `fuzz/run.sh SECONDS`.

    python fuzz/fuzz_readers.py -max_total_time=60 fuzz/corpus/readers
"""

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["cleanscrape"]):
    from cleanscrape.io.discovery import InputFile
    from cleanscrape.io.jsonl import JsonlFields
    from cleanscrape.io.readers import ReadOptions, read_file

KINDS = (("x.jsonl", "jsonl", None), ("x.jsonl.gz", "jsonl", "gz"), ("x.warc", "warc", None),
         ("x.warc.gz", "warc", None), ("x.txt.bz2", "text", "bz2"), ("x.html.xz", "html", "xz"),
         ("x.txt", "text", None))
DIRECTORY = tempfile.mkdtemp(prefix="fuzz-readers-")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    name, fmt, compression = KINDS[fdp.ConsumeIntInRange(0, len(KINDS) - 1)]
    max_bytes = fdp.PickValueInList([None, 64, 4096])
    path = os.path.join(DIRECTORY, name)
    with open(path, "wb") as stream:
        stream.write(fdp.ConsumeBytes(len(data)))
    options = ReadOptions(fields=JsonlFields(), max_bytes=max_bytes)
    for document in read_file(InputFile(path, name, fmt, compression), options):
        assert document.error is not None or isinstance(document.data, (bytes, str))
        if max_bytes is not None and document.error is None:
            assert len(document.data) <= max_bytes or isinstance(document.data, str)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
