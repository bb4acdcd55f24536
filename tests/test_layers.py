"""The package's imports flow one way, with no cycle, counting imports inside functions.

The import graph is read from the source with `ast` (every `import`, wherever it is: in a
function, under `TYPE_CHECKING`), so a lazy import cannot hide a cycle. The layers, from
the bottom (see CONTRIBUTING.md):

    foundation   model, words, timecode, names, io, errors, ...  (everything not below)
    formats      formats, readers/, writers/
    engines      linter/, statistics/, report/
    commands     api, pipelines/, config, inputs
    cli          cli, commands/, __main__, and the package's own __init__

A module may import its own layer and the layers below it, never one above.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "transcripts"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("formats", ("transcripts.formats", "transcripts.readers", "transcripts.writers")),
    ("engines", ("transcripts.linter", "transcripts.statistics", "transcripts.report")),
    (
        "commands",
        (
            "transcripts.api",
            "transcripts.pipelines",
            "transcripts.config",
            "transcripts.inputs",
            "transcripts.perfile",
        ),
    ),
    ("cli", ("transcripts.cli", "transcripts.commands", "transcripts.__main__")),
]
RANKS = {"foundation": 0, **{name: rank for rank, (name, _) in enumerate(LAYERS, 1)}}

# Edges allowed against the rules while other work removes them (none today); each should
# carry a comment naming who removes it.
KNOWN: set[tuple[str, str]] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path) -> set[str]:
    """The package's modules that module `name` (at `path`) imports, anywhere in it."""
    known = modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            # `from . import words` imports the module `words`; `from .x import y`, module x.
            targets += [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
    result = set()
    for target in targets:
        while target not in known and "." in target:
            target = target.rpartition(".")[0]
        if target in known and target != name and target.startswith("transcripts"):
            result.add(target)
    return result


@cache
def graph() -> dict[str, frozenset[str]]:
    return {name: frozenset(imported(name, path)) for name, path in modules().items()}


def layer(name: str) -> str:
    if name == "transcripts":  # the package's lazy front names functions of every layer
        return "cli"
    for layer_name, prefixes in reversed(LAYERS):
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            return layer_name
    return "foundation"


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
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

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read_from_the_source():
    edges = graph()
    assert len(edges) > 50
    # an import at module level, one inside a function, and `from . import module`
    assert "transcripts.linter.engine" in edges["transcripts.pipelines.lint"]
    assert "transcripts.linter.engine" in edges["transcripts.api"]
    assert "transcripts.words" in edges["transcripts.words_fast"]


def test_no_import_cycle_in_the_package():
    edges = {
        name: frozenset(t for t in targets if (name, t) not in KNOWN)
        for name, targets in graph().items()
    }
    assert cycles(edges) == []


def test_imports_flow_down_the_layers():
    upward = [
        f"{name} ({layer(name)}) imports {target} ({layer(target)})"
        for name, targets in graph().items()
        for target in sorted(targets)
        if RANKS[layer(target)] > RANKS[layer(name)]
    ]
    assert upward == []


@pytest.mark.parametrize("prefix", ["linter", "statistics", "readers", "writers", "model"])
def test_engines_readers_writers_and_the_model_never_import_the_command_layer(prefix):
    name = f"transcripts.{prefix}"
    mine = {n: t for n, t in graph().items() if n == name or n.startswith(name + ".")}
    assert mine, name
    above = {
        (n, target)
        for n, targets in mine.items()
        for target in targets
        if layer(target) in ("commands", "cli")
    }
    assert above == set()
