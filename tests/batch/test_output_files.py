"""Output files follow their names: compression, Parquet, and a usage error for a name that says nothing."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import sys
from pathlib import Path

import pytest
from batch_helpers import corpus_fixture, read_jsonl, run  # noqa: F401 - corpus_fixture is a fixture

DECOMPRESS = {".gz": gzip.decompress, ".bz2": bz2.decompress, ".xz": lzma.decompress}


@pytest.fixture
def plain_records(corpus: Path, tmp_path: Path, capsys) -> list[dict]:
    out = tmp_path / "plain.jsonl"
    assert run([str(corpus), "-o", str(out)], capsys)[0] == 0
    return read_jsonl(out)


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz"])
def test_compressed_names_write_compressed_jsonl(corpus: Path, tmp_path: Path, capsys, plain_records,
                                                 suffix: str) -> None:
    # Before, out.jsonl.gz held plain text under a .gz name.
    out = tmp_path / f"out.jsonl{suffix}"
    assert run([str(corpus), "-o", str(out)], capsys)[0] == 0
    lines = DECOMPRESS[suffix](out.read_bytes()).decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == plain_records


def test_zst_writes_zstandard_when_the_module_is_there(corpus: Path, tmp_path: Path, capsys, plain_records) -> None:
    zstandard = pytest.importorskip("zstandard")
    out = tmp_path / "out.jsonl.zst"
    assert run([str(corpus), "-o", str(out)], capsys)[0] == 0
    data = zstandard.ZstdDecompressor().stream_reader(out.open("rb")).read()
    assert [json.loads(line) for line in data.decode("utf-8").splitlines()] == plain_records


@pytest.mark.parametrize("name, module, extra", [("out.jsonl.zst", "zstandard", "zstd"),
                                                 ("out.parquet", "pyarrow", "parquet")])
def test_a_missing_optional_module_is_a_usage_error_naming_the_extra(corpus: Path, tmp_path: Path, capsys,
                                                                     monkeypatch, name, module, extra) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    code, err = run([str(corpus), "-o", str(tmp_path / name)], capsys)
    assert code == 2 and err.count("\n") == 1, err
    assert f"needs the {module} module: pip install 'cleanscrape[{extra}]'" in err
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("per_article", [False, True])
def test_parquet_holds_the_records_as_typed_rows(corpus: Path, tmp_path: Path, capsys, per_article: bool) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    extra = ["--per-article"] if per_article else []
    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    assert run([str(corpus), "-o", str(jsonl), *extra], capsys)[0] == 0
    assert run([str(corpus), "-o", str(parquet), *extra], capsys)[0] == 0
    table = pq.read_table(parquet).to_pylist()
    assert [json.loads(row["record"]) for row in table] == read_jsonl(jsonl)
    assert [row["kind"] for row in table if row["error"] is None][:2] == ["article", "listing"]
    errors = [row["error"]["type"] for row in table if row["error"] is not None]
    assert errors == ["NotTextError", "CorruptInput"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]  # renamed into place


@pytest.mark.parametrize("argv, message", [
    (["-o", "{tmp}/out.csv"], "cannot tell the output format from the name"),
    (["-o", "{tmp}/out"], "cannot tell the output format from the name"),
    (["-o", "{tmp}/out.jsonl.gz", "--resume"], "--resume needs an uncompressed .jsonl output"),
    (["-o", "{tmp}/out.parquet", "--resume"], "--resume needs an uncompressed .jsonl output"),
])
def test_an_output_name_that_says_no_format_is_refused(corpus: Path, tmp_path: Path, capsys, argv, message) -> None:
    code, err = run([str(corpus), *[a.format(tmp=tmp_path) for a in argv]], capsys)
    assert code == 2 and err.count("\n") == 1 and message in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize("name", ["out.ndjson", "out.json", "OUT.JSONL"])
def test_other_jsonl_names_stay_valid(corpus: Path, tmp_path: Path, capsys, plain_records, name: str) -> None:
    assert run([str(corpus), "-o", str(tmp_path / name)], capsys)[0] == 0
    assert read_jsonl(tmp_path / name) == plain_records


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_or_pipe_takes_jsonl_whatever_its_name(corpus: Path, capsys) -> None:
    # bash's -o >(zstd > out.zst) names a pipe /dev/fd/63: no suffix, no journal beside it
    assert run([str(corpus), "-o", "/dev/null"], capsys)[0] == 0
    code, err = run([str(corpus), "-o", "/dev/null", "--resume"], capsys)
    assert code == 2 and "--resume needs an output file, not a stream" in err
