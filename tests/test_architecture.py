"""The house rules, read from the source: small modules, no import cycle, Qt only under reader/ui.

Imports are read with `ast`, at module level and inside functions alike (a lazy import is still
a dependency); only imports under `if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reader"
MAX_LINES = 600
QT = ("PySide6", "shiboken6")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_names(path: Path) -> Iterator[tuple[str, int]]:
    """(dotted name, line) of every import that runs, relative ones made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]

    def walk(node: ast.AST) -> Iterator[ast.AST]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                yield from (n for stmt in child.orelse for n in [stmt, *walk(stmt)])
                continue
            yield child
            yield from walk(child)

    for node in walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield (submodule if submodule in MODULES else base), node.lineno


def dependencies(name: str) -> set[str]:
    """The modules of the package that `name` imports."""
    found = set()
    for dotted, _line in imported_names(MODULES[name]):
        if dotted in MODULES and dotted != name:
            found.add(dotted)
    return found


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    graph = {name: dependencies(name) for name in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in graph:
        if name not in index:
            visit(name)
    return groups


def test_no_module_is_over_600_lines():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these modules (over {MAX_LINES} lines): {long}"


def test_no_import_cycle():
    assert cycles() == []


def test_the_cycle_check_sees_a_cycle(tmp_path, monkeypatch):
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "a.py").write_text("from reader import b\n", encoding="utf-8")
    (tmp_path / "reader" / "b.py").write_text("def f():\n    import reader.a\n", encoding="utf-8")
    (tmp_path / "reader" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from reader import a\n", encoding="utf-8"
    )
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    monkeypatch.setattr(__import__(__name__), "MODULES", {module_name(p): p for p in (tmp_path / "reader").glob("*.py")})
    assert cycles() == [["reader.a", "reader.b"]]


def test_only_reader_ui_imports_qt():
    outside = [
        f"{MODULES[name].relative_to(ROOT)}:{line} imports {dotted}"
        for name in MODULES
        if not name.startswith("reader.ui")
        for dotted, line in imported_names(MODULES[name])
        if dotted.split(".")[0] in QT
    ]
    assert outside == []
