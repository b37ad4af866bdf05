"""Layers point one way: no module imports a higher layer, and no cleanscrape modules import each other in a cycle.

Read from the source (every `import`, at the top, inside functions and under TYPE_CHECKING
alike), so a lazy import cannot hide a dependency. The order is DESIGN.md's:
errors/settings/model/text/decode/parse < frontends < stages < pipeline < assemble < api < io/render < engines < cli.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "cleanscrape"

# Lowest first. A name is the first part of a module's path under the package ("model" holds
# cleanscrape.model and everything under cleanscrape/model/); "" is the package itself, whose
# __init__ re-exports the api. Modules of one layer may import each other (without a cycle).
LAYERS: tuple[frozenset[str], ...] = (
    # limits.py: the maximums clean() checks; it reads settings and model only
    frozenset({"errors", "settings", "model", "text", "decode", "parse", "limits"}),
    frozenset({"frontends"}),
    frozenset({"stages"}),
    frozenset({"pipeline"}),
    frozenset({"assemble"}),
    frozenset({"api", ""}),
    frozenset({"io", "render"}),  # render: a Page as Markdown or an HTML report
    frozenset({"engines", "spark"}),  # spark.py: the public name of engines.spark
    frozenset({"cli", "__main__"}),
)


def module_files(root: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file of the package at `root`."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = [root.name, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_modules(module: str, path: Path, known: Mapping[str, Path]) -> Iterator[str]:
    """The package's modules that `module` imports: `from a import b` is a.b when that is a module."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..io import y
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        yield from (name for name in names if name in known and name != module)


def import_graph(root: Path) -> dict[str, set[str]]:
    modules = module_files(root)
    return {module: set(imported_modules(module, path, modules)) for module, path in modules.items()}


def layer_of(module: str) -> int:
    """The index in LAYERS of a dotted module name; KeyError names a module no layer holds."""
    first = module.split(".")[1] if "." in module else ""
    for index, names in enumerate(LAYERS):
        if first in names:
            return index
    raise KeyError(f"{module} is in no layer: add it to LAYERS in tests/test_layers.py")


def upward_imports(graph: Mapping[str, set[str]]) -> list[str]:
    """"a -> b" for every import of a module in a higher layer than the importer's."""
    return sorted(f"{module} -> {target}" for module, targets in graph.items()
                  for target in targets if layer_of(target) > layer_of(module))


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_every_module_has_a_layer() -> None:
    for module in module_files(PACKAGE_ROOT):
        layer_of(module)


def test_no_module_imports_a_higher_layer() -> None:
    assert upward_imports(import_graph(PACKAGE_ROOT)) == []


def test_no_import_cycle() -> None:
    assert cycles(import_graph(PACKAGE_ROOT)) == []


def test_the_checks_catch_a_planted_violation_and_cycle(tmp_path: Path) -> None:
    """The checker can fail: io importing engines (upward), and cli.a <-> cli.b (a cycle)."""
    package = tmp_path / "cleanscrape"
    for name, source in {
        "__init__.py": "from cleanscrape.api import clean\n",
        "api.py": "from cleanscrape import model\n\ndef clean(): ...\n",
        "model.py": "",
        "io/__init__.py": "",
        "io/writers.py": "def render():\n    from cleanscrape.engines.record import per_article_records\n",
        "engines/__init__.py": "",
        "engines/record.py": "from cleanscrape.io import writers\nfrom cleanscrape import clean\n",
        "cli/__init__.py": "",
        "cli/a.py": "from cleanscrape.cli import b\n",
        "cli/b.py": "from . import a\n",
    }.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(source)
    graph = import_graph(package)
    assert graph["cleanscrape.engines.record"] == {"cleanscrape.io.writers", "cleanscrape"}
    assert upward_imports(graph) == ["cleanscrape.io.writers -> cleanscrape.engines.record"]
    assert cycles(graph) == [
        ["cleanscrape.cli.a", "cleanscrape.cli.b"],
        ["cleanscrape.engines.record", "cleanscrape.io.writers"],
    ]


def test_a_module_outside_every_layer_is_named() -> None:
    with pytest.raises(KeyError, match="cleanscrape.plugins.x is in no layer"):
        layer_of("cleanscrape.plugins.x")
