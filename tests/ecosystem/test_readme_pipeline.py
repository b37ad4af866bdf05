"""The README's "Use it in your pipeline" snippets, run as written against small local data.

Each fenced Python block under that heading runs in its own interpreter, in a directory holding
`pages.jsonl` (url + html) and `crawl/pages.warc.gz`; a block whose framework is not installed
(or Spark without Java) is skipped with the reason. Nothing touches the network.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from eco_helpers import ARTICLE_HTML, GERMAN, write_warc

HEADING = "## Use it in your pipeline"
# Which module a block needs, by the first one it imports: the block is skipped without it.
NEEDS = {"datasets": ("datasets",), "datatrove": ("datatrove", "magic"), "pandas": ("pandas", "pyarrow"),
         "pyspark": ("pyspark",)}


def readme_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(HEADING) + len(HEADING)
    end = text.find("\n## ", start)
    return re.findall(r"```python\n(.*?)```", text[start:end if end != -1 else None], flags=re.DOTALL)


def framework(block: str) -> str:
    return next(name for name in NEEDS if re.search(rf"^(?:from|import) {name}\b", block, flags=re.MULTILINE))


def test_the_section_has_a_block_per_framework():
    assert sorted(map(framework, readme_blocks())) == sorted(NEEDS)


@pytest.mark.parametrize("block", readme_blocks(), ids=framework)
def test_readme_snippet_runs(block, tmp_path):
    missing = [module for module in NEEDS[framework(block)] if importlib.util.find_spec(module) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)}")
    if framework(block) == "pyspark" and shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java 17 and there is none (no java on PATH, no JAVA_HOME); CI installs it")
    pages = [{"url": "https://example.com/tram", "html": ARTICLE_HTML},
             {"url": "https://example.com/blank", "html": "<html><body></body></html>"},
             {"url": "https://example.com/de", "html": f"<html><body><p>{GERMAN}</p></body></html>"}]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps(page) + "\n" for page in pages))
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "pages.warc.gz", [(page["url"], page["html"]) for page in pages])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HOME": str(tmp_path / "hf"), "HF_DATASETS_OFFLINE": "1",
           "HF_HUB_OFFLINE": "1", "SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable}
    result = subprocess.run([sys.executable, "-c", block], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    if framework(block) == "datatrove":
        assert (tmp_path / "clean").is_dir() and (tmp_path / "rejected").is_dir()
    if framework(block) == "datasets":
        assert (tmp_path / "clean.parquet").exists()
