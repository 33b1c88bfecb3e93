"""Reading the documents a command is given: each file checked, every failure listed with its file (private)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._common import context_for, err, open_input
from coproduction.contract.serialization import kind_of, load
from coproduction.errors import CoproductionError, InvalidDocumentError, Problem, UnreadableFileError
from coproduction.exporters._registry import ExporterRegistry
from coproduction.model.audit import Audit
from coproduction.model.framework import Framework
from coproduction.model.plan import ActionPlan
from coproduction.model.pooled import PooledView

__all__ = ["audit_or_pool", "load_audit", "named_files", "read_audit_or_pool", "read_each", "read_plan"]

T = TypeVar("T")


def load_audit(file: Path, catalogue: Catalogue) -> tuple[Audit, Framework]:
    """An audit and the framework version it answers."""
    audit: Audit = load(file, Audit, catalogue=catalogue)
    return audit, catalogue.framework(audit.framework, audit.framework_version)


def read_each(files: Sequence[Path], read: Callable[[Path], T]) -> list[T]:
    """Read every file; list every failure on the error output and refuse them all if one fails."""
    found: list[T] = []
    failed: list[CoproductionError] = []
    for file in files:
        try:
            found.append(read(file))
        except CoproductionError as error:
            failed.append(error if error.source else error.with_source(str(file)))
    if len(failed) == 1:
        raise failed[0]
    if failed:
        for failure in failed:
            err(f"{failure}")
        raise InvalidDocumentError(
            f"{len(failed)} of {len(files)} files cannot be used (see above); nothing was written"
        )
    return found


def read_audit_or_pool(catalogue: Catalogue) -> Callable[[Path], tuple[Audit | PooledView, Framework]]:
    """Read an audit or a pooled view (``coproduction pool`` writes one) from a JSON file."""

    def read(file: Path) -> tuple[Audit | PooledView, Framework]:
        return audit_or_pool(load(file, catalogue=catalogue), file, catalogue)

    return read


def audit_or_pool(document: object, file: Path, catalogue: Catalogue) -> tuple[Audit | PooledView, Framework]:
    """A loaded document, refused unless it is an audit or a pooled view, with the framework version it answers."""
    if not isinstance(document, (Audit, PooledView)):
        raise InvalidDocumentError(
            f"this is a {kind_of(document)}, not an audit or a pooled view",
            [Problem("kind", "wrong-kind", "give an audit or a pooled view here")],
        ).with_source(str(file))
    return document, catalogue.framework(document.framework, document.framework_version)


def named_files(error: CoproductionError, files: Sequence[Path | str]) -> CoproductionError:
    """Name the file in each problem placed at ``audits[n]``, so the user sees which file is meant."""
    for index, problem in enumerate(error.problems):
        head, _, rest = problem.path.partition("]")
        if head.startswith("audits[") and head[7:].isdigit() and int(head[7:]) < len(files):
            where = str(files[int(head[7:])]) + (f" ({rest.lstrip('.')})" if rest.strip(".") else "")
            error.problems[index] = Problem(where, problem.code, problem.message)
    return error


def read_plan(file: Path, catalogue: Catalogue, registry: ExporterRegistry) -> ActionPlan:
    """Read a plan: JSON, or a file an installed exporter wrote and can read back (such as .xlsx)."""
    if file.suffix.lower() == ".json":
        plan: ActionPlan = load(file, ActionPlan, catalogue=catalogue)
        return plan
    try:
        reader = registry.action_plan_reader(registry.by_suffix(file.suffix))
    except CoproductionError as error:
        raise UnreadableFileError(
            f"cannot read {file.suffix or 'a file without a suffix'} files as an action plan ({error.message}); "
            "give the plan's .json file, or the .xlsx workbook it was exported to",
            source=str(file),
        ) from None
    try:
        with open_input(file) as source:
            return reader.read_action_plan(source, context_for(catalogue))
    except FileNotFoundError:
        raise UnreadableFileError("the file does not exist", source=str(file)) from None
    except IsADirectoryError:
        raise UnreadableFileError("this is a folder, not a file", source=str(file)) from None
    except CoproductionError as error:
        raise (error if error.source else error.with_source(str(file))) from None
