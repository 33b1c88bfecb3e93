"""The fillable barriers survey workbook: the barriers to tick for one cohort, and room for others.

The Survey sheet is protected except for its input cells; "Tick" and "Who is
filling this in" are drop-downs (data validation, refusing anything else).
A hidden Survey metadata sheet holds the stamp: what the file is, its layout
version, the barrier ids and their fingerprint
(:attr:`coproduction.BarriersSurveyTemplate.fingerprint`), so the workbook is
read back only against the very barrier text it was made from.
"""

from __future__ import annotations

from typing import BinaryIO

from openpyxl.styles import Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import BarriersSurveyTemplate, Glossary, Perspective, Phrase, phrase, survey_text
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import header_row, new_workbook, put_date, save_workbook, title_row

__all__ = [
    "COVER_ROWS",
    "FIRST_ROW",
    "OTHER_PREFIX",
    "OTHER_ROWS",
    "PERSPECTIVES",
    "REFERENCE",
    "SURVEY_FORMAT",
    "SURVEY_FORMAT_VERSION",
    "SURVEY_META_SHEET",
    "SURVEY_SHEET",
    "TEXT",
    "TICK",
    "YES",
    "write_barriers_survey",
]

SURVEY_SHEET = "Survey"
SURVEY_META_SHEET = "Survey metadata"
SURVEY_FORMAT = "coproduction-xlsx-barriers-survey"
SURVEY_FORMAT_VERSION = 1
YES = "Yes"
PERSPECTIVES = {"A parent or carer": Perspective.PARENT_CARERS, "School staff": Perspective.SCHOOL_STAFF}
"""The drop-down text of who fills the survey in, mapped to the viewpoint."""
COVER_ROWS = {"organisation": 4, "cohort": 5, "date": 6, "perspective": 7}
"""The row of each cover answer (column B)."""
COVER_LABELS = {
    "organisation": "School or setting",
    "cohort": "Which group of families this is for",
    "date": "Date filled in",
    "perspective": "Who is filling this in",
}
HEADER_ROW = 10
FIRST_ROW = 11
TEXT, TICK, REFERENCE = 1, 2, 3
"""The columns of the barriers' table."""
OTHER_ROWS = 6
OTHER_PREFIX = "other-"
"""The reference of each row for other barriers: ``other-1`` ..."""

_UNLOCKED = Protection(locked=False)
_NO_SCHOOL = {Perspective.SCHOOL_STAFF: "your school"}
"""What the introduction calls a school it does not name, by who fills the survey in (a family: their child's)."""


def _input(ws: Worksheet, row: int, column: int) -> None:
    cell = ws.cell(row=row, column=column)
    cell.protection = _UNLOCKED
    cell.fill = L.INPUT_FILL
    cell.border = L.BOX
    cell.alignment = L.WRAP
    cell.number_format = "@"


def write_barriers_survey(template: BarriersSurveyTemplate, out: BinaryIO, *, glossary: Glossary | None = None) -> None:
    """Write a fillable barriers survey workbook.

    Args:
        template: The survey to write.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        glossary: The glossary whose terms a last "Words used" sheet explains (none without it).

    Raises:
        ExportError: If a text or date cannot be held by Excel.
    """
    checks = TextChecks()
    for barrier in template.barriers:
        checks.check(survey_text(barrier), f"barrier {barrier.id}")
    if template.organisation is not None:
        checks.check(template.organisation.name, "organisation name")
    checks.check(template.cohort, "cohort")
    checks.check_date(template.date, "survey date")
    checks.raise_if_any("the barriers survey")
    title = "What makes it hard to take part?"
    wb = new_workbook(title)
    ws = wb.active
    assert ws is not None
    ws.title = SURVEY_SHEET
    title_row(ws, title)
    viewpoint = template.perspective
    school = template.organisation.name if template.organisation else _NO_SCHOOL.get(viewpoint, "your child's school")
    introduction = phrase(Phrase.BARRIERS_SURVEY_INTRODUCTION, viewpoint, organisation=school)
    put_text(ws, 2, 1, introduction).alignment = L.WRAP
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=3)
    ws.row_dimensions[2].height = L.row_height([(introduction, 114)], minimum=48)
    ws.column_dimensions["A"].width = 70
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 30
    shown = {value: label for label, value in PERSPECTIVES.items()}
    values: dict[str, str | None] = {
        "organisation": template.organisation.name if template.organisation else None,
        "cohort": template.cohort,
        "perspective": shown.get(template.perspective),
    }
    for key, row in COVER_ROWS.items():
        put_text(ws, row, 1, COVER_LABELS[key]).font = L.BOLD
        _input(ws, row, 2)
        if key == "date":
            put_date(ws, row, 2, template.date)
        else:
            put_text(ws, row, 2, values[key])
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=3)
    who = DataValidation(
        type="list",
        formula1='"' + ",".join(PERSPECTIVES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Who is filling this in",
        error="Choose from the list.",
    )
    ws.add_data_validation(who)
    who.add(f"B{COVER_ROWS['perspective']}")
    header_row(ws, HEADER_ROW, [("What makes it hard to take part", 70), ("Tick", 14), ("Reference", 30)])
    ticks = DataValidation(
        type="list",
        formula1=f'"{YES}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Tick",
        error=f"Choose {YES} if this is true for you, or leave the cell empty.",
        showInputMessage=True,
        promptTitle="Tick",
        prompt=f"Choose {YES} if this is true for you.",
    )
    ws.add_data_validation(ticks)
    for row, barrier in enumerate(template.barriers, start=FIRST_ROW):
        text = f"{row - FIRST_ROW + 1}. {survey_text(barrier)}"
        put_text(ws, row, TEXT, text).alignment = L.WRAP
        put_text(ws, row, REFERENCE, barrier.id).alignment = L.TOP
        _input(ws, row, TICK)
        ticks.add(f"B{row}")
        ws.row_dimensions[row].height = L.row_height([(text, 70)], minimum=20)
    heading = FIRST_ROW + len(template.barriers) + 1
    put_text(ws, heading, TEXT, phrase(Phrase.BARRIERS_SURVEY_OTHER, viewpoint)).font = L.BOLD
    for number in range(1, OTHER_ROWS + 1):
        row = heading + number
        _input(ws, row, TEXT)
        ws.merge_cells(start_row=row, start_column=TEXT, end_row=row, end_column=TICK)
        put_text(ws, row, REFERENCE, f"{OTHER_PREFIX}{number}").alignment = L.TOP
    put_text(
        ws, heading + OTHER_ROWS + 2, TEXT, "Thank you. Please do not change the Reference column or the hidden sheet."
    ).alignment = L.WRAP
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.protection.sheet = True
    ws.protection.formatRows = False
    meta = wb.create_sheet(SURVEY_META_SHEET)
    stamp: list[tuple[str, str | int]] = [
        ("format", SURVEY_FORMAT),
        ("format_version", SURVEY_FORMAT_VERSION),
        ("barriers", ",".join(barrier.id for barrier in template.barriers)),
        ("fingerprint", template.fingerprint),
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
