"""The fillable ladder assessment workbook: for each rung, "currently doing" or "not doing", and the evidence.

The Ladder sheet is protected except for its input cells; "Currently doing?"
and "Whose view" are drop-downs (data validation, refusing anything else).
A hidden Ladder metadata sheet holds the stamp: what the file is, its layout
version, the ladder id and its fingerprint
(:func:`coproduction.exporters.office.fingerprint`), so the workbook is read
back only against the very ladder text it was made from.
"""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from openpyxl.styles import Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import Glossary, LadderAssessmentTemplate, Perspective
from coproduction.exporters.office import fingerprint
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import header_row, new_workbook, put_date, save_workbook, title_row

__all__ = [
    "COVER_ROWS",
    "DOING",
    "FIRST_RUNG_ROW",
    "LADDER_FORMAT",
    "LADDER_FORMAT_VERSION",
    "LADDER_META_SHEET",
    "LADDER_SHEET",
    "NOT_DOING",
    "write_ladder_template",
]

LADDER_SHEET = "Ladder"
LADDER_META_SHEET = "Ladder metadata"
LADDER_FORMAT = "coproduction-xlsx-ladder-template"
LADDER_FORMAT_VERSION = 1
DOING = "Currently doing"
NOT_DOING = "Not doing"
COVER_ROWS = {"organisation": 3, "organisation_identifier": 4, "completed_by": 5, "date": 6, "perspective": 7}
"""The row of each cover answer (column B) on the Ladder sheet."""
COVER_LABELS = {
    "organisation": "Organisation",
    "organisation_identifier": "Reference (URN), if any",
    "completed_by": "Completed by",
    "date": "Date completed",
    "perspective": "Whose view this records",
}
HEADER_ROW = 9
FIRST_RUNG_ROW = 10
RUNG, REFERENCE, STATE, EVIDENCE = 1, 2, 3, 4
"""The columns of the rungs' table."""

_UNLOCKED = Protection(locked=False)


def perspective_choices() -> dict[str, Perspective]:
    """The drop-down text of each viewpoint ("Parent carers"), mapped to it."""
    return {perspective.label.capitalize(): perspective for perspective in Perspective}


def _check(template: LadderAssessmentTemplate) -> None:
    ladder = template.ladder
    checks = TextChecks()
    checks.check(ladder.name, "ladder name")
    checks.check(ladder.description, "ladder description")
    for rung in ladder.rungs:
        checks.check(rung.name, f"rung {rung.id}, name")
        checks.check(rung.description, f"rung {rung.id}, description")
        for number, example in enumerate(rung.examples, start=1):
            checks.check(example, f"rung {rung.id}, example {number}")
    if template.organisation is not None:
        checks.check(template.organisation.name, "organisation name")
        checks.check(template.organisation.identifier, "organisation identifier")
    checks.check_date(template.date, "template date")
    checks.raise_if_any(f"the ladder template of the {ladder.name}")


def _input(ws: Worksheet, row: int, column: int) -> None:
    cell = ws.cell(row=row, column=column)
    cell.protection = _UNLOCKED
    cell.fill = L.INPUT_FILL
    cell.border = L.BOX
    cell.alignment = L.WRAP


def write_ladder_template(template: LadderAssessmentTemplate, out: BinaryIO, *, glossary: Glossary | None) -> None:
    """Write a fillable ladder assessment workbook.

    Args:
        template: The template to write.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        ExportError: If a text or date cannot be held by Excel.
    """
    _check(template)
    ladder = template.ladder
    wb = new_workbook(f"{ladder.name}: where are we now?")
    ws = wb.active
    assert ws is not None
    ws.title = LADDER_SHEET
    title_row(ws, f"{ladder.name}: where are we now? (the view of {template.perspective.label})")
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 28
    organisation = template.organisation
    values: dict[str, str | dt.date | None] = {
        "organisation": organisation.name if organisation else None,
        "organisation_identifier": organisation.identifier if organisation else None,
        "completed_by": None,
        "date": template.date,
        "perspective": template.perspective.label.capitalize(),
    }
    for key, row in COVER_ROWS.items():
        put_text(ws, row, 1, COVER_LABELS[key]).font = L.BOLD
        value = values[key]
        if key == "date":
            put_date(ws, row, 2, value if isinstance(value, dt.date) else None)
        else:
            ws.cell(row=row, column=2).number_format = "@"
            put_text(ws, row, 2, value if isinstance(value, str) else None)
        _input(ws, row, 2)
    viewpoints = DataValidation(
        type="list",
        formula1='"' + ",".join(perspective_choices()) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Whose view",
        error="Choose whose view this records from the list.",
    )
    ws.add_data_validation(viewpoints)
    viewpoints.add(f"B{COVER_ROWS['perspective']}")
    header_row(
        ws, HEADER_ROW, [("Rung (lowest first)", 50), ("Reference", 28), ("Currently doing?", 18), ("Evidence", 60)]
    )
    states = DataValidation(
        type="list",
        formula1=f'"{DOING},{NOT_DOING}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Currently doing?",
        error=f"Choose {DOING} or {NOT_DOING}, or leave the cell empty if you cannot say.",
        showInputMessage=True,
        promptTitle="Currently doing?",
        prompt=f"Choose {DOING} or {NOT_DOING}; leave it empty if you cannot say.",
    )
    ws.add_data_validation(states)
    for row, rung in enumerate(ladder.rungs, start=FIRST_RUNG_ROW):
        text = f"{row - FIRST_RUNG_ROW + 1}. {rung.name}"
        if rung.description:
            text += f"\n{rung.description}"
        put_text(ws, row, RUNG, text).alignment = L.WRAP
        put_text(ws, row, REFERENCE, rung.id).alignment = L.TOP
        for column in (STATE, EVIDENCE):
            ws.cell(row=row, column=column).number_format = "@"
            _input(ws, row, column)
        states.add(f"C{row}")
        ws.row_dimensions[row].height = L.row_height([(text, 50)], minimum=45)
    last = FIRST_RUNG_ROW + len(ladder.rungs) - 1
    put_text(
        ws,
        last + 2,
        1,
        "For each rung, choose Currently doing or Not doing, and write what shows it. Leave a rung empty if you "
        "cannot say. Please do not change the Reference column or the hidden sheet.",
    ).alignment = L.WRAP
    ws.row_dimensions[last + 2].height = 45
    ws.freeze_panes = f"A{FIRST_RUNG_ROW}"
    ws.protection.sheet = True
    ws.protection.formatRows = False
    meta = wb.create_sheet(LADDER_META_SHEET)
    stamp: list[tuple[str, str | int]] = [
        ("format", LADDER_FORMAT),
        ("format_version", LADDER_FORMAT_VERSION),
        ("ladder", ladder.id),
        ("fingerprint", fingerprint(ladder)),
    ]
    for row, (key, stamped) in enumerate(stamp, start=1):
        put_text(meta, row, 1, key)
        if isinstance(stamped, int):
            meta.cell(row=row, column=2, value=stamped)
        else:
            put_text(meta, row, 2, stamped)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    save_workbook(wb, out, glossary=glossary)
