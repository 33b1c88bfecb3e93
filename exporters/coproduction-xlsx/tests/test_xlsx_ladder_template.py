"""Ladder assessment templates in Excel: written for any ladder, filled in, read back with the same care as audits."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from coproduction_xlsx import XlsxExporter
from coproduction_xlsx._ladder_template import FIRST_RUNG_ROW, LADDER_META_SHEET, LADDER_SHEET
from openpyxl import load_workbook

import coproduction as c
from coproduction import export_context
from coproduction.exporters import ExporterRegistry, LadderAssessmentReader

OAK = c.Organisation("Oak Primary School", "100001")
PARENTS = c.Perspective.PARENT_CARERS
LADDERS = [
    "durham-degrees-of-participation",
    "hart-ladder-of-participation",
    "arnstein-ladder-of-citizen-participation",
    "tlap-ladder-of-coproduction",
]


def _council_ladder() -> c.Ladder:
    data = {
        "kind": "ladder",
        "schema_version": 1,
        "id": "oakshire-steps",
        "name": "Oakshire steps of working together",
        "rungs": [
            {"id": "told", "name": "Told", "description": "We tell families what we decided."},
            {"id": "asked", "name": "Asked", "description": "We ask families before we decide."},
            {"id": "together", "name": "Together", "description": "We decide with families."},
        ],
    }
    return c.loads(json.dumps(data))


def _context(ladder: c.Ladder) -> c.ExportContext:
    return export_context(catalogue=c.default_catalogue().including(ladder))


def _template(ladder: c.Ladder) -> bytes:
    out = io.BytesIO()
    template = c.LadderAssessmentTemplate(ladder, PARENTS, organisation=OAK, date=dt.date(2025, 6, 2))
    XlsxExporter().export(template, out, _context(ladder))
    return out.getvalue()


def _answers(ladder: c.Ladder) -> c.LadderAssessment:
    rungs = [
        c.RungPractice(rung.id, index % 2 == 0, f"Minutes of meeting {index}\nand a second line" if index % 2 else "")
        for index, rung in enumerate(ladder.rungs)
        if index % 3 != 2
    ]
    return c.LadderAssessment(
        ladder=ladder.id, organisation=OAK, perspective=PARENTS, date=dt.date(2025, 6, 2), rungs=rungs,
        completed_by="A parent carer",
    )  # fmt: skip


def _fill(data: bytes, ladder: c.Ladder, assessment: c.LadderAssessment, **cells: object) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[LADDER_SHEET]
    ws["B5"] = assessment.completed_by
    rows = {rung.id: row for row, rung in enumerate(ladder.rungs, start=FIRST_RUNG_ROW)}
    for entry in assessment.rungs:
        ws.cell(rows[entry.rung], 3, "Currently doing" if entry.doing else "Not doing")
        if entry.evidence:
            ws.cell(rows[entry.rung], 4, entry.evidence)
    for where, value in cells.items():
        ws[where] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _read(data: bytes, ladder: c.Ladder, name: str = "filled.xlsx") -> c.LadderAssessment:
    stream = io.BytesIO(data)
    stream.name = name  # type: ignore[attr-defined]
    return XlsxExporter().read_ladder_assessment(stream, _context(ladder))


@pytest.mark.parametrize("ladder_id", LADDERS)
def test_a_filled_workbook_reads_back_as_filled(ladder_id: str) -> None:
    ladder = c.default_catalogue().ladder(ladder_id)
    expected = _answers(ladder)
    assert _read(_fill(_template(ladder), ladder, expected), ladder) == expected


def test_the_workbook_offers_drop_downs_and_carries_the_stamp() -> None:
    ladder = c.default_catalogue().ladder(LADDERS[0])
    wb = load_workbook(io.BytesIO(_template(ladder)))
    ws = wb[LADDER_SHEET]
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert lists['"Currently doing,Not doing"'].split() == [
        f"C{row}" for row in range(FIRST_RUNG_ROW, FIRST_RUNG_ROW + len(ladder.rungs))
    ]
    assert ws.protection.sheet and not ws["C10"].protection.locked and ws["B10"].protection.locked
    meta = wb[LADDER_META_SHEET]
    assert meta.sheet_state == "hidden"
    assert [meta.cell(row, 2).value for row in range(1, 5)][2:] == [ladder.id, c.exporters.office.fingerprint(ladder)]


def test_a_councils_own_ladder_from_json() -> None:
    ladder = _council_ladder()
    expected = _answers(ladder)
    filled = _fill(_template(ladder), ladder, expected)
    assert _read(filled, ladder) == expected
    with pytest.raises(c.UnknownLadderError, match="oakshire-steps"):
        XlsxExporter().read_ladder_assessment(io.BytesIO(filled), export_context())
    edited = c.Ladder(ladder.id, ladder.name, [*ladder.rungs[:2], c.Rung("together", "Together, as equals")])
    with pytest.raises(c.UnreadableFileError, match="different text"):
        _read(filled, edited)


def test_every_problem_names_its_sheet_and_cell() -> None:
    ladder = c.default_catalogue().ladder(LADDERS[0])
    empty = c.LadderAssessment(ladder=ladder.id, organisation=OAK, perspective=PARENTS, date=dt.date(2025, 6, 2),
                               rungs=[])  # fmt: skip
    filled = _fill(_template(ladder), ladder, empty, C10="Sometimes", D11="A forum in May", B6="someday", B7="Owls")
    with pytest.raises(c.InvalidDocumentError) as caught:
        _read(filled, ladder)
    places = {problem.path for problem in caught.value.problems}
    assert {"Ladder!C10", "Ladder!C11", "Ladder!B6", "Ladder!B7"} <= places
    assert "Sometimes" in str(caught.value) and "filled.xlsx" in str(caught.value)


def test_an_audit_template_is_not_a_ladder_template(worcestershire) -> None:
    out = io.BytesIO()
    XlsxExporter().export(c.AuditTemplate(worcestershire, PARENTS), out, export_context())
    with pytest.raises(c.UnreadableFileError, match="not a coproduction ladder assessment template"):
        _read(out.getvalue(), c.default_catalogue().ladder(LADDERS[0]))


def test_the_registry_finds_the_reader() -> None:
    assert isinstance(ExporterRegistry({"xlsx": XlsxExporter}).ladder_assessment_reader("xlsx"), LadderAssessmentReader)


@pytest.mark.parametrize("ladder_id", ["durham-degrees-of-participation", "oakshire-steps"])
def test_a_ladder_workbook_saved_again_by_libreoffice_reads_back_the_same(lo_convert, tmp_path: Path, ladder_id: str):
    ladder = _council_ladder() if ladder_id == "oakshire-steps" else c.default_catalogue().ladder(ladder_id)
    expected = _answers(ladder)
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(_fill(_template(ladder), ladder, expected))
    (resaved,) = lo_convert(filled, target="xlsx")
    assert _read(resaved.read_bytes(), ladder) == expected
