"""The README's "Use it from Python" snippet runs as written (from the project's root, where the seeds are)."""

from __future__ import annotations

import re

from conftest import ROOT


def test_the_use_it_from_python_snippet_runs(monkeypatch, capsys):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Use it from Python"):]
    block = re.search(r"```python\n(.*?)```", section, flags=re.DOTALL).group(1)
    monkeypatch.chdir(ROOT)
    names: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), names)  # noqa: S102 - the README's own code
    assert names["page"].kind.value == "article" and names["article"].authors == ["Guy Faulconbridge"]
    assert capsys.readouterr().out  # the removal log was printed
