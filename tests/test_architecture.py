"""The layout's rules, checked: no import cycles, short functions, layers import downward.

The import graph comes from grimp (the engine of import-linter): every
``import`` in ``src/claimkit``, those inside functions included, except the
ones under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "claimkit"
MAX_FUNCTION_LINES = 60


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("claimkit", exclude_type_checking_imports=True)


def strongly_connected(nodes: set[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = 0
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(set(edges), edges) == [["a", "b", "c"]]
    assert strongly_connected({"a", "b"}, {"a": {"b"}}) == []


def test_no_import_cycles(graph: grimp.ImportGraph) -> None:
    modules = set(graph.modules)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    cycles = strongly_connected(modules, edges)
    details = []
    for cycle in cycles:
        a = cycle[0]
        b = next(m for m in cycle if m != a)
        details.append(" -> ".join(graph.find_shortest_chain(a, b) or []) + " -> ... -> " + a)
    assert not cycles, "import cycles:\n" + "\n".join(details)


def test_schemas_grounding_and_settings_stay_at_the_bottom(graph: grimp.ImportGraph) -> None:
    for low in ("claimkit.schemas", "claimkit.grounding.align", "claimkit.extract.llm.settings"):
        imported = graph.find_upstream_modules(low)
        assert not any(m.startswith(("claimkit.extract.llm.openai", "claimkit.cli")) for m in imported)
    assert not graph.chain_exists("claimkit.extract.registry", "claimkit.extract.llm.openai")


def long_functions(root: Path, limit: int) -> list[str]:
    rows = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.end_lineno is not None
                n = node.end_lineno - node.lineno + 1
                if n > limit:
                    rows.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name} ({n} lines)")
    return rows


def test_the_length_check_sees_a_long_function(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("def f():\n" + "    x = 1\n" * 61, encoding="utf-8")
    assert long_functions(tmp_path, MAX_FUNCTION_LINES) == ["tmp_path_name/m.py:1 f (62 lines)".replace("tmp_path_name", tmp_path.name)]


def test_no_function_is_over_60_lines() -> None:
    rows = long_functions(SRC, MAX_FUNCTION_LINES)
    assert not rows, "functions over 60 lines:\n" + "\n".join(rows)


#: top to bottom; a module may import only from its own layer or the ones below
LAYERS = [
    ("claimkit.cli",),
    ("claimkit.distributed",),
    ("claimkit.consistency", "claimkit.evaluate", "claimkit.report", "claimkit.gold"),
    ("claimkit.extract",),
    ("claimkit.documents", "claimkit.grounding", "claimkit.normalize", "claimkit.io"),
    ("claimkit.schemas", "claimkit.plugins", "claimkit.errors", "claimkit.text",
     "claimkit.redact"),
]


def _layer_of(module: str) -> int | None:
    for i, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return i
    return None


def upward_imports(graph: grimp.ImportGraph) -> list[str]:
    rows = []
    for module in sorted(graph.modules):
        layer = _layer_of(module)
        if layer is None:
            continue
        for dep in sorted(graph.find_modules_directly_imported_by(module)):
            dep_layer = _layer_of(dep)
            if dep_layer is not None and dep_layer < layer:
                rows.append(f"{module} -> {dep}")
    return rows


def test_layers_import_only_downward(graph: grimp.ImportGraph) -> None:
    assert _layer_of("claimkit.extract.llm.openai") == 3 and _layer_of("claimkit") is None
    rows = upward_imports(graph)
    assert not rows, "imports against the layers (docs/architecture.md):\n" + "\n".join(rows)


def test_the_layer_check_sees_an_upward_import() -> None:
    fake = grimp.ImportGraph()
    fake.add_import(importer="claimkit.schemas", imported="claimkit.cli")
    fake.add_import(importer="claimkit.cli", imported="claimkit.schemas")
    assert upward_imports(fake) == ["claimkit.schemas -> claimkit.cli"]
