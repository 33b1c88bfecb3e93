"""The import graph: no cycles, only downward imports, no hidden default catalogue, plugins on the public API."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "src" / "coproduction"
PLUGINS = sorted((ROOT / "exporters").glob("*/src/*"))
ORDER = ["errors", "model", "rules", "contract", "catalogue", "exporters", "cli", "public"]
PUBLIC_MODULES = {"api", "testing", "__main__"}
MAY_CALL_DEFAULT_CATALOGUE = {"catalogue", "cli", "public"}
DEFAULT_CATALOGUE_EXCEPTIONS: set[str] = set()  # none: exporters are handed an ExportContext
PLUGIN_MAY_IMPORT = {"coproduction", "coproduction.exporters.office"}


def _module_name(path: Path, base: Path) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in PUBLIC_MODULES:
        return "public"
    return parts[1] if parts[1] in ORDER else "unknown"


def _imports(path: Path, known: set[str]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(
                f"{node.module}.{alias.name}" for alias in node.names if f"{node.module}.{alias.name}" in known
            )
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "coproduction" or name.startswith("coproduction.")}


def _core_graph() -> dict[str, set[str]]:
    modules = {_module_name(path, CORE.parent): path for path in CORE.rglob("*.py")}
    return {name: _imports(path, set(modules)) for name, path in modules.items()}


def test_every_core_module_belongs_to_a_layer() -> None:
    assert [name for name in _core_graph() if _layer(name) == "unknown"] == []


def test_layers_import_only_downward() -> None:
    upward = [
        f"{module} ({_layer(module)}) imports {target} ({_layer(target)})"
        for module, targets in _core_graph().items()
        for target in targets
        if ORDER.index(_layer(target)) > ORDER.index(_layer(module))
    ]
    assert upward == []


def test_there_is_no_import_cycle() -> None:
    graph = _core_graph()
    cycles: list[str] = []
    state: dict[str, int] = {}

    def visit(module: str, stack: list[str]) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in graph or module.startswith(target + "."):
                continue  # a package's own __init__ runs first; that is not a cycle
            if state.get(target) == 1:
                cycles.append(" -> ".join([*stack[stack.index(target) :], target]))
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


def test_no_default_catalogue_below_the_public_face() -> None:
    callers = []
    for path in CORE.rglob("*.py"):
        module = _module_name(path, CORE.parent)
        if _layer(module) in MAY_CALL_DEFAULT_CATALOGUE or module in DEFAULT_CATALOGUE_EXCEPTIONS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == (
                "default_catalogue"
            ):
                callers.append(f"{module}:{node.lineno}")
    assert callers == []


def test_plugins_import_only_the_public_api() -> None:
    assert PLUGINS, "no plugin sources found"
    leaks = [
        f"{path.relative_to(ROOT)} imports {name}"
        for package in PLUGINS
        for path in package.rglob("*.py")
        for name in _imports(path, set())
        if name not in PLUGIN_MAY_IMPORT and not name.startswith("coproduction.exporters.office.")
    ]
    assert leaks == []
