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


def _all_of(tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        targets = node.targets if isinstance(node, ast.Assign) else [target] if target is not None else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            assert node.value is not None
            return list(ast.literal_eval(node.value))
    return None


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: constants, then classes, then functions."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def test_every_module_of_the_lower_layers_says_what_it_exports() -> None:
    """model/, rules/, contract/ and exporters/: a sorted ``__all__`` in every module; packages only re-export."""
    missing, unsorted, not_only_reexports = [], [], []
    for path in sorted(
        p for layer in ("model", "rules", "contract", "exporters") for p in (CORE / layer).rglob("*.py")
    ):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _all_of(tree)
        where = str(path.relative_to(ROOT))
        if names is None:
            missing.append(where)
            continue
        if names not in (sorted(names), sorted(names, key=_isort_key)):
            unsorted.append(where)
        if path.name == "__init__.py":
            body = tree.body[1:] if tree.body and isinstance(tree.body[0], ast.Expr) else tree.body
            if not all(isinstance(node, (ast.ImportFrom, ast.Assign, ast.AnnAssign)) for node in body):
                not_only_reexports.append(where)
            if [n for n in body if isinstance(n, (ast.Assign, ast.AnnAssign)) and _all_of(ast.Module([n], [])) is None]:
                not_only_reexports.append(where)
    assert len(missing) + len(unsorted) < 200  # the walk found the modules (checked below by a known one)
    assert (CORE / "model" / "progress.py").exists()
    assert (missing, unsorted, not_only_reexports) == ([], [], [])


def test_the_public_face_all_is_sorted() -> None:
    names = _all_of(ast.parse((CORE / "__init__.py").read_text(encoding="utf-8")))
    assert names is not None and names == sorted(names)
