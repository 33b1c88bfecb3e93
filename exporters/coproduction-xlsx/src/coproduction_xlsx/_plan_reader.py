"""Reading an action plan workbook back, as a school has kept it up to date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, BinaryIO

import attrs
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from coproduction import (
    Action,
    ActionPlan,
    ActionStatus,
    AuditReference,
    Catalogue,
    Framework,
    InvalidDocumentError,
    Organisation,
    Perspective,
    Problem,
    RungTarget,
    UnknownFrameworkError,
    UnreadableFileError,
)
from coproduction.exporters.office import ArchiveLimits, excerpt
from coproduction_xlsx import _layout as L
from coproduction_xlsx import _plan_layout as P
from coproduction_xlsx._cells import as_text, cell_date, read_workbook, typed_value

__all__ = ["read_action_plan"]

_MAX_IDENTIFIER = 64  # the schema's limit on an organisation identifier
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SLUG_MAX = 64
_LIST_SEPARATORS = re.compile(r"[\s,;]+")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def _folded(text: str) -> str:
    return " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()


_STATUSES = {_folded(label): status for status, label in P.STATUS_LABELS.items()}


def read_action_plan(
    source: BinaryIO,
    *,
    catalogue: Catalogue,
    framework: Framework | None = None,
    limits: ArchiveLimits | None = None,
) -> ActionPlan:
    """Read an action plan workbook back, with the changes a school has made.

    Args:
        source: The workbook, opened for binary reading.
        catalogue: Where to find the plan's framework and the ladders.
        framework: If given, the framework the plan must answer (same id,
            version and text); a plan of another is refused.
        limits: Size limits checked before anything is decompressed.

    Returns:
        The plan: the actions in the order of their rows, with rows added by
        the school read too and deleted or cleared rows left out.

    Raises:
        UnreadableFileError: If the file is not a safe .xlsx action plan workbook.
        InvalidDocumentError: Listing every unacceptable value with its sheet and cell.
    """
    return read_workbook(source, limits or ArchiveLimits(), lambda wb: _read_workbook(wb, catalogue, framework))


# -- metadata and framework ----------------------------------------------------------------------


@attrs.frozen
class _Metadata:
    values: dict[str, Any]
    audits: tuple[AuditReference, ...]


def _read_metadata(wb: Any) -> _Metadata:
    if P.METADATA_SHEET not in wb.sheetnames:
        raise UnreadableFileError(
            "this workbook is not a coproduction action plan: it has no Metadata sheet "
            "(was it made by exporting an action plan to xlsx?)"
        )
    values: dict[str, Any] = {}
    audit_rows: list[tuple[Any, ...]] = []
    last = max(P.META_AUDIT_COLUMNS)
    for index, row in enumerate(wb[P.METADATA_SHEET].iter_rows(min_col=1, max_col=last, values_only=True)):
        cells = tuple(row) + (None,) * (last - len(row))
        if index < len(P.META_KEYS) and cells[0] == P.META_KEYS[index]:
            values[P.META_KEYS[index]] = cells[1]
        if index > 0:
            audit_rows.append(tuple(cells[column - 1] for column in P.META_AUDIT_COLUMNS))
    found = values.get("format")
    if found == L.FORMAT_NAME:
        raise UnreadableFileError(
            "this workbook is an audit template, not an action plan; read it as an audit (XlsxExporter().read)"
        )
    if found != P.PLAN_FORMAT:
        raise UnreadableFileError("this workbook is not a coproduction action plan: its Metadata sheet does not say so")
    version = values.get("format_version")
    if not isinstance(version, (int, float)) or int(version) != P.PLAN_FORMAT_VERSION:
        raise UnreadableFileError(
            f"this action plan workbook is in format version {excerpt(version)}; this coproduction-xlsx reads "
            f"version {P.PLAN_FORMAT_VERSION}; upgrade coproduction-xlsx"
        )
    count = values.get("audits")
    if not isinstance(count, (int, float)) or count < 0 or int(count) > len(audit_rows):
        raise UnreadableFileError("the action plan's Metadata sheet is damaged: the list of audits is incomplete")
    audits = []
    for perspective, date, completed_by in audit_rows[: int(count)]:
        try:
            audits.append(
                AuditReference(
                    Perspective(perspective),
                    dt.date.fromisoformat(str(date)),
                    completed_by if isinstance(completed_by, str) and completed_by else None,
                )
            )
        except (ValueError, TypeError):
            raise UnreadableFileError(
                f"the action plan's Metadata sheet is damaged: {excerpt(perspective)} on {excerpt(date)} "
                "is not an audit"
            ) from None
    return _Metadata(values, tuple(audits))


def _resolve_framework(meta: _Metadata, catalogue: Catalogue, expected: Framework | None) -> Framework:
    framework_id, version = meta.values.get("framework"), meta.values.get("framework_version")
    where = f"{P.METADATA_SHEET}!B3"
    if not isinstance(framework_id, str) or not isinstance(version, str):
        raise UnreadableFileError("the action plan's Metadata sheet names no framework and version")
    if expected is not None:
        if (framework_id, version) != (expected.id, expected.version):
            raise InvalidDocumentError(
                "this action plan answers another framework or version",
                [
                    Problem(
                        where,
                        "wrong-framework",
                        f"the plan answers framework {excerpt(framework_id)} version {excerpt(version)}; "
                        f"expected the {expected.label} ({expected.id!r})",
                    )
                ],
            )
        framework = expected
    else:
        try:
            framework = catalogue.framework(framework_id, version)
        except UnknownFrameworkError as error:
            raise InvalidDocumentError(
                "the action plan's framework is not in the catalogue",
                [Problem(where, "unknown-framework", f"{error.message}; add it to the catalogue to read this file")],
            ) from None
    expected_print = L.fingerprint(framework)
    if meta.values.get("fingerprint") != expected_print:
        raise InvalidDocumentError(
            "this action plan does not match its framework",
            [
                Problem(
                    f"{P.METADATA_SHEET}!B5",
                    "framework-changed",
                    f"the plan was made from a different text of the {framework.label} "
                    f"(fingerprint {excerpt(meta.values.get('fingerprint'))}, expected {expected_print!r}); "
                    "export the plan again from the framework in use",
                )
            ],
        )
    organisation, identifier = meta.values.get("organisation"), meta.values.get("organisation_identifier")
    identity = P.plan_identity(
        str(organisation), identifier if isinstance(identifier, str) else None, framework.id, version, meta.audits
    )
    if meta.values.get("plan_identity") != identity:
        raise InvalidDocumentError(
            "the action plan's hidden Metadata sheet was changed",
            [
                Problem(
                    f"{P.METADATA_SHEET}!B6",
                    "metadata-changed",
                    "the record of which plan this is (organisation, framework and audits) no longer matches; "
                    "the hidden Metadata sheet must not be edited. Export the plan again",
                )
            ],
        )
    return framework


# -- cells -------------------------------------------------------------------------------------


class _Cells:
    """Turns what a person typed into cells into values, or problems naming the sheet and cell."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    @staticmethod
    def where(sheet: str, row: int, column: int) -> str:
        return f"{sheet}!{get_column_letter(column)}{row}"

    def value(self, cell: Any, where: str) -> Any:
        return typed_value(cell, where, self.problems)

    def text(self, cell: Any, where: str) -> str:
        return as_text(self.value(cell, where))

    def date(self, cell: Any, where: str) -> dt.date | None:
        """A date, or None when the cell is empty (a problem when it holds something else)."""
        value = self.value(cell, where)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        date = cell_date(value)
        if date is not None:
            return date
        self.problems.append(
            Problem(
                where,
                "not-a-date",
                f"{excerpt(value)} is not a date; type it as 2025-05-13 (year-month-day) or 13/05/2025",
            )
        )
        return None


def _destination(wb: Any, name: str) -> tuple[str, int, int, int, int]:
    """Where a defined name points: (sheet, first column, first row, last column, last row)."""
    definition = wb.defined_names.get(name)
    destinations = list(definition.destinations) if definition is not None else []
    if len(destinations) != 1:
        raise InvalidDocumentError(
            "the action plan's layout was changed",
            [
                Problem(
                    "",
                    "layout-changed",
                    f"the workbook has lost its named cells ({name}); a sheet was deleted or the file was rebuilt. "
                    "Export the plan again and copy the changes into it",
                )
            ],
        )
    sheet, reference = destinations[0]
    parts = reference.replace("$", "").split(":")
    try:
        first_col, first_row = coordinate_from_string(parts[0])
        last_col, last_row = coordinate_from_string(parts[-1])
    except ValueError:
        raise InvalidDocumentError(
            "the action plan's layout was changed",
            [Problem("", "layout-changed", f"the named cells {name} point nowhere ({reference})")],
        ) from None
    if sheet not in wb.sheetnames:
        raise UnreadableFileError(f"the action plan's {sheet} sheet is missing")
    return sheet, column_index_from_string(first_col), first_row, column_index_from_string(last_col), last_row


def _cells(wb: Any, name: str) -> list[tuple[str, Any]]:
    """The cells a defined name points to, each with its place, left to right then top to bottom."""
    sheet, first_col, first_row, last_col, last_row = _destination(wb, name)
    found = []
    for row in wb[sheet].iter_rows(min_row=first_row, max_row=last_row, min_col=first_col, max_col=last_col):
        for cell in row:
            found.append((_Cells.where(sheet, cell.row, cell.column), cell))
    return found


# -- the workbook ------------------------------------------------------------------------------


@attrs.frozen
class _Row:
    """One action row as read, before ids are made up for new actions."""

    row: int
    id: str | None
    values: dict[str, Any]
    id_cell: str
    clean: bool


def _read_workbook(wb: Any, catalogue: Catalogue, expected: Framework | None) -> ActionPlan:
    meta = _read_metadata(wb)
    framework = _resolve_framework(meta, catalogue, expected)
    problems: list[Problem] = []
    cells = _Cells(problems)

    (name_where, name_cell), *_ = _cells(wb, P.ORGANISATION)
    (identifier_where, identifier_cell), *_ = _cells(wb, P.ORGANISATION_ID)
    name = cells.text(name_cell, name_where)
    identifier = cells.text(identifier_cell, identifier_where) or None
    if not name.strip():
        problems.append(Problem(name_where, "missing-organisation", "the organisation's name is missing; type it in"))
    if identifier is not None and len(identifier) > _MAX_IDENTIFIER:
        problems.append(
            Problem(
                identifier_where,
                "identifier-too-long",
                f"the reference is {len(identifier)} characters long; at most {_MAX_IDENTIFIER} are accepted",
            )
        )
    review_dates = []
    for where, cell in _cells(wb, P.REVIEW_DATES):
        date = cells.date(cell, where)
        if date is not None:
            review_dates.append(date)

    rows = _read_actions(wb, framework, catalogue, cells)
    actions = _actions(rows, problems)
    if problems:
        raise InvalidDocumentError(
            f"the action plan has {len(problems)} problem(s); nothing was imported", _in_order(problems)
        )
    return ActionPlan(
        organisation=Organisation(name=name, identifier=identifier),
        framework=framework.id,
        framework_version=framework.version,
        actions=tuple(actions),
        audits=meta.audits,
        review_dates=tuple(review_dates),
    )


def _in_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems sorted by sheet, then row, then column, so they read like the workbook."""

    def key(problem: Problem) -> tuple[str, int, int, str]:
        sheet, _, cell = problem.path.partition("!")
        match = re.match(r"^([A-Z]+)(\d+)$", cell)
        if not match:
            return (sheet, 0, 0, problem.path)
        return (sheet, int(match.group(2)), column_index_from_string(match.group(1)), problem.path)

    return sorted(problems, key=key)


def _read_actions(wb: Any, framework: Framework, catalogue: Catalogue, cells: _Cells) -> list[_Row]:
    sheet, _, header, _, _ = _destination(wb, P.ACTIONS_HEADER)
    ws = wb[sheet]
    headers = next(ws.iter_rows(min_row=header, max_row=header, min_col=1, values_only=True), ())
    wanted = {
        _folded(header): column.key
        for column in P.COLUMNS
        if not column.helper
        for header in (column.header, *column.former)
    }
    columns: dict[str, int] = {}
    for index, text in enumerate(headers, start=1):
        key = wanted.get(_folded(text)) if isinstance(text, str) else None
        if key is not None and key not in columns:
            columns[key] = index
    missing = [column.header for column in P.COLUMNS if not column.helper and column.key not in columns]
    if missing:
        raise InvalidDocumentError(
            "the action plan's layout was changed",
            [
                Problem(
                    f"{sheet}!A{header}",
                    "layout-changed",
                    f"the column heading(s) {', '.join(repr(h) for h in missing)} are missing from row {header}; "
                    "headings must not be changed or deleted",
                )
            ],
        )
    rungs = P.RungChoices.of(catalogue)
    ids = {criterion.id: criterion.id for criterion in framework.criteria}
    folded_ids = {criterion.id.casefold(): criterion.id for criterion in framework.criteria}
    example = framework.criteria[0].id if framework.criteria else "shared-values-1"
    last = max(columns.values())
    found: list[_Row] = []
    for row_cells in ws.iter_rows(min_row=header + 1, min_col=1, max_col=last):
        by_key = {key: row_cells[column - 1] if column <= len(row_cells) else None for key, column in columns.items()}
        if all(_blank(cell) for cell in by_key.values()):
            continue
        row = next((cell.row for cell in row_cells if getattr(cell, "row", None) is not None), None)
        if row is None:
            continue

        def where(key: str, row: int = row) -> str:
            return _Cells.where(sheet, row, columns[key])

        before = len(cells.problems)
        values: dict[str, Any] = {}
        for key in ("what", "success_measure", "notes"):
            values[key] = cells.text(by_key[key], where(key))
        for key in ("owner", "dropped_reason"):
            values[key] = cells.text(by_key[key], where(key)) or None
        partners = []
        for line in _LINE_BREAKS.split(cells.text(by_key["co_produced_with"], where("co_produced_with"))):
            if not line.strip():
                continue
            try:
                partners.append(P.parse_contributor(line))
            except ValueError:
                cells.problems.append(
                    Problem(
                        where("co_produced_with"),
                        "missing-label",
                        f"{excerpt(line)} names the group 'others' without saying who; write it like "
                        "'Others: the SENCo' (a group or a role, never a child's name)",
                    )
                )
        values["co_produced_with"] = tuple(partners)
        for key in P.DATE_KEYS:
            values[key] = cells.date(by_key[key], where(key))

        identifier = cells.text(by_key["id"], where("id")).strip() or None
        label = f"action {identifier!r}" if identifier else f"the new action in row {row}"
        if identifier is not None and not (len(identifier) <= _SLUG_MAX and _SLUG.match(identifier)):
            cells.problems.append(
                Problem(
                    where("id"),
                    "bad-id",
                    f"{excerpt(identifier)} is not an action id: use lowercase letters, digits and single hyphens "
                    "(such as improve-shared-values-1, at most 64 characters), or leave it empty for a new action",
                )
            )
            identifier = None
        if not values["what"].strip():
            cells.problems.append(
                Problem(where("what"), "missing-what", f"{label} does not say what will be done; describe it here")
            )

        status_text = cells.text(by_key["status"], where("status")).strip()
        status = ActionStatus.NOT_STARTED if not status_text else _STATUSES.get(_folded(status_text))
        if status is None:
            cells.problems.append(
                Problem(
                    where("status"),
                    "unknown-status",
                    f"{excerpt(status_text)} is not a status; choose {P.status_choices()}",
                )
            )
        values["status"] = status or ActionStatus.NOT_STARTED

        criteria: list[str] = []
        for part in _LIST_SEPARATORS.split(cells.text(by_key["criteria"], where("criteria"))):
            if not part:
                continue
            criterion = ids.get(part) or folded_ids.get(part.casefold())
            if criterion is None:
                cells.problems.append(
                    Problem(
                        where("criteria"),
                        "unknown-criterion",
                        f"{excerpt(part)} is not a criterion of the {framework.label}; choose criterion ids "
                        f"from the Criteria sheet, such as {example!r}",
                    )
                )
            elif criterion in criteria:
                cells.problems.append(
                    Problem(
                        where("criteria"),
                        "duplicate-criterion",
                        f"{label} lists criterion {criterion!r} twice; list each criterion once",
                    )
                )
            else:
                criteria.append(criterion)
        values["criteria"] = tuple(criteria)

        target_text = cells.text(by_key["target"], where("target")).strip()
        target: RungTarget | None = None
        if target_text:
            target = rungs.find(target_text)
            if target is None:
                cells.problems.append(
                    Problem(
                        where("target"),
                        "unknown-rung",
                        f"{excerpt(target_text)} is not a rung of a known ladder; choose one from the list, "
                        f"such as {rungs.example()!r}, or leave the cell empty",
                    )
                )
        values["target"] = target

        start, due = values["start_date"], values["due_date"]
        if start is not None and due is not None and due < start:
            cells.problems.append(
                Problem(
                    where("due_date"),
                    "due-before-start",
                    f"{label} is due on {due.isoformat()}, before it starts on {start.isoformat()}; "
                    "the due date must be on or after the start date",
                )
            )
        if values["status"] is ActionStatus.DROPPED and not (values["dropped_reason"] or "").strip():
            cells.problems.append(
                Problem(
                    where("dropped_reason"),
                    "dropped-without-reason",
                    f"{label} is dropped but gives no reason; say why it was dropped in this cell",
                )
            )
        found.append(_Row(row, identifier, values, where("id"), clean=len(cells.problems) == before))
    return found


def _blank(cell: Any) -> bool:
    if cell is None or cell.value is None:
        return True
    return isinstance(cell.value, str) and not cell.value.strip()


def _actions(rows: list[_Row], problems: list[Problem]) -> list[Action]:
    taken: dict[str, int] = {}
    for row in rows:
        if row.id is None:
            continue
        if row.id in taken:
            problems.append(
                Problem(
                    row.id_cell,
                    "duplicate-id",
                    f"the action id {row.id!r} is also used in row {taken[row.id]}; each action needs its own id "
                    "(leave it empty for a new action)",
                )
            )
        else:
            taken[row.id] = row.row
    used = set(taken)
    actions = []
    for row in rows:
        if not row.clean:
            continue
        identifier = row.id
        if identifier is None:
            criteria = row.values["criteria"]
            identifier = _fresh_id(f"improve-{criteria[0]}" if criteria else "new-action", used)
        try:
            actions.append(Action(id=identifier, **row.values))
        except ValueError as error:  # every rule is checked above; this is a last line of defence
            problems.append(Problem(row.id_cell, "invalid-action", str(error)))
    return actions


def _fresh_id(candidate: str, taken: set[str]) -> str:
    """An id like ``candidate``, numbered (``-2``, ``-3`` ...) if needed to be unused; it is then taken."""
    base = candidate[:_SLUG_MAX].rstrip("-")
    chosen, number = base, 2
    while chosen in taken:
        suffix = f"-{number}"
        chosen = base[: _SLUG_MAX - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(chosen)
    return chosen
