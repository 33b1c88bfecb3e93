"""Reading a filled-in audit template back into an :class:`~coproduction.Audit`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string

from coproduction import (
    Audit,
    Catalogue,
    Field,
    Framework,
    InvalidDocumentError,
    Organisation,
    Perspective,
    Problem,
    Response,
    UnknownFrameworkError,
    UnreadableFileError,
)
from coproduction.exporters.office import ArchiveLimits, excerpt
from coproduction_xlsx import _layout as L
from coproduction_xlsx._cells import CellReader, read_workbook

__all__ = ["read_template"]

_MAX_IDENTIFIER = 64  # the audit schema's limit on an organisation identifier


def read_template(
    source: BinaryIO,
    *,
    catalogue: Catalogue,
    framework: Framework | None = None,
    limits: ArchiveLimits | None = None,
) -> Audit:
    """Read a filled-in audit template workbook back into an audit.

    Args:
        source: The workbook, opened for binary reading.
        catalogue: Where to find the template's framework.
        framework: If given, the framework the template must have been made from
            (same id, version and content); a template of another is refused.
        limits: Size limits checked before anything is decompressed.

    Returns:
        The audit, with one response per criterion in framework order.

    Raises:
        UnreadableFileError: If the file is not a safe .xlsx audit template.
        InvalidDocumentError: Listing every value that is not acceptable, each
            with its sheet and cell.
    """
    return read_workbook(source, limits or ArchiveLimits(), lambda wb: _read_workbook(wb, catalogue, framework))


class _Metadata:
    def __init__(self, values: dict[str, Any], criteria: list[str]) -> None:
        self.values = values
        self.criteria = criteria


def _read_metadata(wb: Any) -> _Metadata:
    if L.METADATA_SHEET not in wb.sheetnames:
        raise UnreadableFileError(
            "this workbook is not a coproduction audit template: it has no Metadata sheet "
            "(was it made with `coproduction template --format xlsx`?)"
        )
    ws = wb[L.METADATA_SHEET]
    values: dict[str, Any] = {}
    criteria: list[str] = []
    for index, row in enumerate(ws.iter_rows(min_col=1, max_col=L.META_CRITERIA_COLUMN, values_only=True)):
        key = row[0] if len(row) > 0 else None
        if isinstance(key, str) and index < len(L.META_KEYS):
            values[key] = row[1] if len(row) > 1 else None
        criterion = row[L.META_CRITERIA_COLUMN - 1] if len(row) >= L.META_CRITERIA_COLUMN else None
        if index > 0 and isinstance(criterion, str):
            criteria.append(criterion)
    if values.get("format") != L.FORMAT_NAME:
        raise UnreadableFileError(
            "this workbook is not a coproduction audit template: its Metadata sheet does not say so"
        )
    version = values.get("format_version")
    if not isinstance(version, (int, float)) or int(version) != L.FORMAT_VERSION:
        raise UnreadableFileError(
            f"this template is in format version {excerpt(version)}; this coproduction-xlsx reads version "
            f"{L.FORMAT_VERSION}; upgrade coproduction-xlsx"
        )
    return _Metadata(values, criteria)


def _resolve_framework(meta: _Metadata, catalogue: Catalogue, expected: Framework | None) -> Framework:
    framework_id = meta.values.get("framework")
    version = meta.values.get("framework_version")
    if not isinstance(framework_id, str) or not isinstance(version, (str, int)):
        raise UnreadableFileError("the template's Metadata sheet does not name its framework and version")
    version = str(version)
    where = f"{L.METADATA_SHEET}!B3"
    if expected is not None:
        if framework_id != expected.id or version != expected.version:
            raise InvalidDocumentError(
                "this template is for another framework or version",
                [
                    Problem(
                        where,
                        "wrong-framework",
                        f"the template is for framework {excerpt(framework_id)} version {excerpt(version)}; "
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
                "the template's framework is not in the catalogue",
                [Problem(where, "unknown-framework", f"{error.message}; add it to the catalogue to read this file")],
            ) from None
    problems = []
    expected_print = L.fingerprint(framework)
    if meta.values.get("fingerprint") != expected_print:
        problems.append(
            Problem(
                f"{L.METADATA_SHEET}!B5",
                "framework-changed",
                f"the template was made from a different text of the {framework.label} "
                f"(fingerprint {excerpt(meta.values.get('fingerprint'))}, expected {expected_print!r}); "
                "make a new template from the framework in use",
            )
        )
    ids = [criterion.id for criterion in framework.criteria]
    if meta.criteria != ids:
        problems.append(
            Problem(
                f"{L.METADATA_SHEET}!D2",
                "framework-changed",
                f"the template lists {len(meta.criteria)} criteria that do not match the "
                f"{len(ids)} criteria of the {framework.label}",
            )
        )
    if problems:
        raise InvalidDocumentError("this template does not match its framework", problems)
    return framework


def _ranges(wb: Any, names: Sequence[str]) -> tuple[dict[str, tuple[int, int, int]], str, list[Problem]]:
    """Find each defined name's column and rows on one sheet: name -> (column, first row, last row)."""
    found: dict[str, tuple[int, int, int]] = {}
    sheets: set[str] = set()
    problems: list[Problem] = []
    for name in names:
        definition = wb.defined_names.get(name)
        destinations = list(definition.destinations) if definition is not None else []
        if len(destinations) != 1:
            problems.append(
                Problem(
                    "",
                    "layout-changed",
                    f"the workbook has lost its named cells ({name}); a row, column or sheet was deleted or the "
                    "file was rebuilt. Copy the answers into a fresh template",
                )
            )
            continue
        sheet, reference = destinations[0]
        parts = reference.replace("$", "").split(":")
        try:
            first_col, first_row = coordinate_from_string(parts[0])
            last_col, last_row = coordinate_from_string(parts[-1])
        except ValueError:
            problems.append(Problem("", "layout-changed", f"the named cells {name} point nowhere ({reference})"))
            continue
        if first_col != last_col:
            problems.append(Problem("", "layout-changed", f"the named cells {name} span more than one column"))
            continue
        sheets.add(sheet)
        found[name] = (column_index_from_string(first_col), first_row, last_row)
    if len(sheets) > 1:
        problems.append(Problem("", "layout-changed", "the named input cells are spread over several sheets"))
    return found, (sheets.pop() if len(sheets) == 1 else L.AUDIT_SHEET), problems


def _read_workbook(wb: Any, catalogue: Catalogue, expected: Framework | None) -> Audit:
    meta = _read_metadata(wb)
    framework = _resolve_framework(meta, catalogue, expected)
    try:
        perspective = Perspective(meta.values.get("perspective"))
    except ValueError:
        raise UnreadableFileError("the template's Metadata sheet names no known perspective") from None

    names = [L.ORGANISATION, L.ORGANISATION_ID, L.COMPLETED_BY, L.DATE, L.CRITERION_IDS, L.RATING]
    if framework.allows_not_applicable:
        names.append(L.NOT_APPLICABLE)
    names.extend(L.field_name(field) for field in framework.fields)
    ranges, sheet_name, problems = _ranges(wb, names)
    if problems:
        raise InvalidDocumentError("the template's layout was changed", problems)
    if sheet_name not in wb.sheetnames:
        raise UnreadableFileError(f"the template's {sheet_name} sheet is missing")

    max_row = max(last for _, _, last in ranges.values())
    max_col = max(column for column, _, _ in ranges.values())
    ws = wb[sheet_name]
    rows: list[tuple[Any, ...]] = [
        tuple(row) for row in ws.iter_rows(min_row=1, max_row=max_row, min_col=1, max_col=max_col)
    ]
    reader = CellReader(sheet_name, rows)
    problems = []

    ids_column, first, last = ranges[L.CRITERION_IDS]
    expected_ids = meta.criteria
    if last - first + 1 != len(expected_ids):
        problems.append(
            Problem(
                f"{sheet_name}!{get_column_letter(ids_column)}{first}:{get_column_letter(ids_column)}{last}",
                "rows-changed",
                f"the audit has {last - first + 1} criterion rows where the template had {len(expected_ids)}; "
                "rows were inserted or deleted. Copy the answers into a fresh template",
            )
        )
    for name in names[4:]:
        _, other_first, other_last = ranges[name]
        if (other_first, other_last) != (first, last):
            problems.append(
                Problem("", "layout-changed", f"the named cells {name} no longer line up with the criterion rows")
            )
    if problems:
        raise InvalidDocumentError("the template's rows were changed", problems)

    for index, criterion_id in enumerate(expected_ids):
        row = first + index
        found = reader.raw(row, ids_column)
        if found != criterion_id:
            problems.append(
                Problem(
                    reader.where(row, ids_column),
                    "rows-changed",
                    f"expected criterion {criterion_id!r} in this row but found {excerpt(found)}; rows must not be "
                    "moved, sorted, inserted or deleted",
                )
            )

    organisation = _organisation(reader, ranges, problems)
    completed_by = reader.text(*_cell(ranges, L.COMPLETED_BY), problems) or None
    date = reader.date(*_cell(ranges, L.DATE), problems)

    responses: list[Response] = []
    scale = framework.scale
    by_name = {level.name: level.id for level in scale.levels}
    by_folded = {level.name.strip().casefold(): level.id for level in scale.levels}
    by_id = {level.id: level.id for level in scale.levels}
    rating_column = ranges[L.RATING][0]
    na_column = ranges[L.NOT_APPLICABLE][0] if framework.allows_not_applicable else None
    field_columns = {field: ranges[L.field_name(field)][0] for field in framework.fields}
    for index, criterion_id in enumerate(expected_ids):
        row = first + index
        rating_text = reader.text(row, rating_column, problems).strip()
        rating: str | None = None
        if rating_text:
            rating = by_name.get(rating_text) or by_folded.get(rating_text.casefold()) or by_id.get(rating_text)
            if rating is None:
                problems.append(
                    Problem(
                        reader.where(row, rating_column),
                        "unknown-level",
                        f"{excerpt(rating_text)} is not a level; choose {scale.names()}",
                    )
                )
        not_applicable = False
        if na_column is not None:
            not_applicable = reader.yes(row, na_column, problems)
            if not_applicable and rating is not None:
                problems.append(
                    Problem(
                        reader.where(row, na_column),
                        "rated-and-not-applicable",
                        f"criterion {criterion_id!r} is rated {excerpt(rating_text)} and also marked not applicable; "
                        "choose one",
                    )
                )
                not_applicable = False
        texts = {field.value: reader.text(row, column, problems) for field, column in field_columns.items()}
        responses.append(
            Response(
                criterion=criterion_id,
                rating=rating,
                not_applicable=not_applicable,
                evidence=texts.get(Field.EVIDENCE.value, ""),
                required_actions=texts.get(Field.REQUIRED_ACTIONS.value, ""),
                next_steps=texts.get(Field.NEXT_STEPS.value, ""),
            )
        )
    if problems or organisation is None or date is None:
        raise InvalidDocumentError(
            f"the filled-in template has {len(problems)} problem(s); nothing was imported", problems
        )
    return Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=organisation,
        perspective=perspective,
        date=date,
        responses=tuple(responses),
        completed_by=completed_by,
    )


def _cell(ranges: dict[str, tuple[int, int, int]], name: str) -> tuple[int, int]:
    column, row, _ = ranges[name]
    return row, column


def _organisation(
    reader: CellReader, ranges: dict[str, tuple[int, int, int]], problems: list[Problem]
) -> Organisation | None:
    row, column = _cell(ranges, L.ORGANISATION)
    name = reader.text(row, column, problems)
    identifier_row, identifier_column = _cell(ranges, L.ORGANISATION_ID)
    identifier = reader.text(identifier_row, identifier_column, problems).strip() or None
    if identifier is not None and len(identifier) > _MAX_IDENTIFIER:
        problems.append(
            Problem(
                reader.where(identifier_row, identifier_column),
                "identifier-too-long",
                f"the reference is {len(identifier)} characters long; at most {_MAX_IDENTIFIER} are accepted",
            )
        )
    if not name.strip():
        problems.append(
            Problem(reader.where(row, column), "missing-organisation", "the organisation's name is missing; type it in")
        )
        return None
    return Organisation(name=name, identifier=identifier)
