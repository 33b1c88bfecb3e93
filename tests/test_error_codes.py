"""Every error code the library can raise is documented in docs/errors.rst, and every code there is used.

docs/errors.rst is the single list of codes. The codes used are read from the
source itself: the ``code`` of each error class, and the code given to every
``Problem(...)`` (or a reader's ``problem(...)`` helper) in the core, the Word
exporter and the Excel exporter. The documented codes are read from the tables
of docs/errors.rst, grouped by the ``.. error-codes: <package>`` comments in it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from helpers import ROOT

import coproduction as cp
from coproduction.cli import _batch

DOCS = ROOT / "docs" / "errors.rst"
PACKAGES = {
    "core": ROOT / "src" / "coproduction",
    "docx": ROOT / "exporters" / "coproduction-docx" / "src",
    "xlsx": ROOT / "exporters" / "coproduction-xlsx" / "src",
    "html": ROOT / "exporters" / "coproduction-html" / "src",
}
# The fewest codes the scan must find in each package: a broken scan finds nothing and would pass.
FEWEST_CODES = {"core": 10, "docx": 10, "xlsx": 10, "html": 2}
CODE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*(-\{[a-z]+\})?")


def _code_of(node: ast.expr) -> str | None:
    """A code written as a literal, or an f-string template written the way the docs show it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}"  # type: ignore[attr-defined]
            for part in node.values
        )
    return None


def _enum_values(tree: ast.Module) -> set[str]:
    """The string values of the enum classes a module defines (codes given as ``member.value``)."""
    values: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any("Enum" in ast.unparse(base) for base in node.bases):
            for statement in node.body:
                if isinstance(statement, ast.Assign) and isinstance(code := _code_of(statement.value), str):
                    values.add(code)
    return values


def codes_in_source(root: Path) -> dict[str, set[str]]:
    """Every code given in the package's source, each with the files that give it.

    A code must be written as a literal, or be the ``value`` of a member of an
    enum defined in the same module; a variable called ``code`` or an
    attribute ``.code`` passes on a code given elsewhere. Anything else would
    hide a code from this test, and fails it.
    """
    found: dict[str, set[str]] = {}
    unknown: list[str] = []
    for file in sorted(root.rglob("*.py")):
        where = str(file.relative_to(ROOT))
        tree = ast.parse(file.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    targets = (
                        statement.targets
                        if isinstance(statement, ast.Assign)
                        else [statement.target]
                        if isinstance(statement, ast.AnnAssign)
                        else []
                    )
                    value = getattr(statement, "value", None)
                    if [ast.unparse(target) for target in targets] == ["code"] and value is not None:
                        code = _code_of(value)
                        if code is not None:
                            found.setdefault(code, set()).add(where)
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func).rpartition(".")[2]
            if name not in ("Problem", "problem"):
                continue
            argument = (
                node.args[1]
                if len(node.args) > 1
                else next((keyword.value for keyword in node.keywords if keyword.arg == "code"), None)
            )
            if argument is None:
                continue
            code = _code_of(argument)
            if code is not None:
                found.setdefault(code, set()).add(where)
            elif isinstance(argument, ast.Attribute) and argument.attr == "value" and _enum_values(tree):
                for value in _enum_values(tree):
                    found.setdefault(value, set()).add(where)
            elif not (
                (isinstance(argument, ast.Name) and argument.id == "code")
                or (isinstance(argument, ast.Attribute) and argument.attr == "code")
            ):
                unknown.append(f"{where}:{node.lineno}: {ast.unparse(argument)}")
    assert not unknown, f"problem codes that are not literals cannot be checked: {unknown}"
    return found


def documented_codes() -> dict[str, set[str]]:
    """The codes in the tables of docs/errors.rst, by the package its ``.. error-codes:`` comment names."""
    text = DOCS.read_text("utf-8")
    groups: dict[str, set[str]] = {}
    package = "core"
    for chunk in re.split(r"^\.\. error-codes: (\w+)\s*$", text, flags=re.MULTILINE):
        if chunk in PACKAGES:
            package = chunk
            continue
        rows = re.findall(r"^\s*\* - ``([^`]+)``", chunk, flags=re.MULTILINE)
        classes = re.findall(r"^\s*\* - :class:`[^`]+`\n\s*- ``([^`]+)``", chunk, flags=re.MULTILINE)
        groups.setdefault(package, set()).update(rows, classes)
    return groups


@pytest.fixture(scope="module")
def documented() -> dict[str, set[str]]:
    return documented_codes()


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_every_code_used_is_documented_under_its_package(package: str, documented: dict[str, set[str]]) -> None:
    used = codes_in_source(PACKAGES[package])
    assert len(used) >= FEWEST_CODES[package]
    missing = {code: sorted(files) for code, files in used.items() if code not in documented.get(package, set())}
    assert not missing, f"add these codes to docs/errors.rst under '.. error-codes: {package}': {missing}"


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_every_code_documented_is_used(package: str, documented: dict[str, set[str]]) -> None:
    used = codes_in_source(PACKAGES[package])
    stale = sorted(documented.get(package, set()) - set(used))
    assert not stale, f"docs/errors.rst lists codes that {package} no longer uses: {stale}"


def test_codes_are_stable_identifiers(documented: dict[str, set[str]]) -> None:
    codes = set().union(*documented.values())
    assert {"invalid-document", "unreadable-file", "lone-surrogate", "formula", "missing-row"} <= codes
    assert [code for code in codes if not CODE.fullmatch(code)] == []


def _subclasses(cls: type[cp.CoproductionError]) -> set[type[cp.CoproductionError]]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_every_error_class_loaded_has_a_documented_code(documented: dict[str, set[str]]) -> None:
    pytest.importorskip("coproduction_docx")
    pytest.importorskip("coproduction_xlsx")
    import coproduction_docx  # noqa: F401  (load the plugins, so their own error classes are seen)
    import coproduction_xlsx  # noqa: F401

    classes = {cp.CoproductionError} | _subclasses(cp.CoproductionError)
    # by name: a test that reloads a module makes a second class object of the same error
    by_name = {(cls.__module__, cls.__qualname__): cls for cls in classes}
    public = {cls for name, cls in by_name.items() if not name[0].startswith(("tests", "test_", "conftest"))}
    assert {cls.__name__ for cls in public} >= {"InvalidDocumentError", "UnreadableFileError", "ExportError"}
    assert {cls.code for cls in public} <= documented["core"]
    # The codes are distinct: a program can tell the errors apart by code alone.
    by_code: dict[str, list[str]] = {}
    for cls in public:
        by_code.setdefault(cls.code, []).append(f"{cls.__module__}.{cls.__qualname__}")
    assert {code: names for code, names in by_code.items() if len(names) > 1} == {}


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_no_code_builds_the_bare_base_error(package: str) -> None:
    """Every error raised has a specific class and code; ``CoproductionError(...)`` itself is never built."""
    built = [
        f"{file.relative_to(ROOT)}:{node.lineno}"
        for file in sorted(PACKAGES[package].rglob("*.py"))
        for node in ast.walk(ast.parse(file.read_text("utf-8")))
        if isinstance(node, ast.Call) and ast.unparse(node.func).rpartition(".")[2] == "CoproductionError"
    ]
    assert built == []


def test_a_batch_fault_has_its_own_code() -> None:
    error = _batch._fault(ValueError("boom"), "a.json")
    assert isinstance(error, cp.BatchError) and type(error) is not cp.CoproductionError
    assert (error.code, error.source) == ("batch-failed", "a.json")
    assert [problem.code for problem in error.problems] == ["internal-error"]
