"""The ladder from both sides in Excel: two viewpoints' ladder assessments of one organisation, compared.

One sheet: who it is about and when, the highest rung each viewpoint says
is practised, the rungs they see differently, a description cell saying
every figure in words, then a table of every rung (top rung first) with
what each viewpoint said and its evidence. "Doing" cells are solid green,
"not doing" cells striped and "not answered" cells dotted, and every cell
says its state in words, so colour is never the only clue.
"""

from __future__ import annotations

from typing import BinaryIO

from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import Glossary, LadderComparisonReport
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import header_row, new_workbook, put_date, save_workbook, set_up_table, title_row

__all__ = ["LADDER_COMPARISON_SHEET", "write_ladder_comparison"]

LADDER_COMPARISON_SHEET = "Ladder"

_FILLS = {
    "doing": PatternFill("solid", fgColor="C6EFCE"),
    "not doing": PatternFill("lightUp", fgColor="C55A11", bgColor="FFFFFF"),
    "not answered": PatternFill("gray0625", fgColor="404040", bgColor="FFFFFF"),
}


def _check_texts(report: LadderComparisonReport) -> None:
    checks = TextChecks()
    checks.check(report.ladder.name, "ladder name")
    for rung in report.ladder.rungs:
        checks.check(rung.name, f"rung {rung.id}, name")
        checks.check(rung.description, f"rung {rung.id}, description")
    for index, assessment in enumerate((report.first, report.second)):
        checks.check(assessment.organisation.name, f"assessments[{index}], organisation name")
        checks.check(assessment.organisation.identifier, f"assessments[{index}], organisation identifier")
        checks.check_date(assessment.date, f"assessments[{index}], date")
        for entry in assessment.rungs:
            checks.check(entry.evidence, f"assessments[{index}], rung {entry.rung}, evidence")
    checks.raise_if_any("the ladder comparison")


def write_ladder_comparison(report: LadderComparisonReport, out: BinaryIO, *, glossary: Glossary | None = None) -> None:
    """Write the comparison of two viewpoints' ladder assessments as a workbook.

    Args:
        report: The ladder, both assessments and their comparison.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        glossary: The glossary whose terms a last "Words used" sheet explains (none without it).

    Raises:
        ExportError: If a text or date cannot be held by Excel.
    """
    _check_texts(report)
    organisation = report.comparison.organisation.name
    wb = new_workbook(f"{organisation}: the ladder from both sides")
    ws = wb.active
    assert ws is not None
    ws.title = LADDER_COMPARISON_SHEET
    _write(ws, report)
    save_workbook(wb, out, glossary=glossary)


def _write(ws: Worksheet, report: LadderComparisonReport) -> None:
    labels = [assessment.perspective.label for assessment in (report.first, report.second)]
    headers = [("Rung", 8), ("Name", 22), *[(label.capitalize(), 14) for label in labels]]
    headers += [("Seen differently", 12), *[(f"What shows it ({label})", 40) for label in labels]]
    header_row(ws, 12, headers)  # the widths first: the rows above are sized by them
    title_row(ws, f"{report.comparison.organisation.name}: the ladder from both sides")
    rows: list[tuple[str, str | None]] = [
        ("Organisation", report.comparison.organisation.name),
        ("Ladder", report.ladder.name),
    ]
    for row, (label, value) in enumerate(rows, start=3):
        put_text(ws, row, 1, label).font = L.BOLD
        put_text(ws, row, 3, value)
    for row, (label, assessment) in enumerate(zip(labels, (report.first, report.second), strict=True), start=5):
        put_text(ws, row, 1, f"Filled in by {label} on").font = L.BOLD
        put_date(ws, row, 3, assessment.date)
    for row, which in ((7, 0), (8, 1)):
        put_text(ws, row, 1, report.highest_sentence(which)).font = L.BOLD
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(headers))
    differences = [report.difference_sentence(entry.rung) for entry in report.comparison.disagreements]
    put_text(
        ws,
        9,
        1,
        " ".join(differences) if differences else "The two views agree on every rung.",
    ).alignment = L.WRAP
    ws.merge_cells(start_row=9, start_column=1, end_row=9, end_column=len(headers))
    ws.row_dimensions[9].height = L.row_height([(" ".join(differences), 140)], minimum=15)
    description = report.description()
    put_text(ws, 10, 1, description).alignment = L.WRAP
    ws.merge_cells(start_row=10, start_column=1, end_row=10, end_column=len(headers))
    ws.row_dimensions[10].height = L.row_height([(description, 140)], minimum=30)
    differ = {entry.rung for entry in report.comparison.disagreements}
    row = 12
    for number, rung in reversed(list(enumerate(report.ladder.rungs, start=1))):
        row += 1
        ws.cell(row=row, column=1, value=number).alignment = L.TOP
        put_text(ws, row, 2, rung.name).alignment = L.WRAP
        evidence = []
        for which in (0, 1):
            state = report.state(which, rung.id)
            cell = put_text(ws, row, 3 + which, state.capitalize())
            cell.fill = _FILLS[state]
            cell.font = L.BOLD
            cell.alignment = L.TOP
            entry = report.practice(which, rung.id)
            evidence.append(entry.evidence if entry is not None and entry.evidence else None)
        put_text(ws, row, 5, "Yes" if rung.id in differ else "No").alignment = L.TOP
        for which, text in enumerate(evidence):
            put_text(ws, row, 6 + which, text).alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(rung.name, 22), *((text, 40) for text in evidence)])
    set_up_table(ws, 12, row, len(headers), freeze_column=2)
