"""One audit, three renderers, the same percentages: on screen, in Word and in Excel.

A section scoring 0.125 and one scoring 0.625 sit exactly on a half, where
rounding rules part: Python's ``round`` and ``f"{x:.0f}"`` round half to
even (12%, 62%), Excel's percentage format rounds half away from zero (13%,
63%). Every renderer takes its percentages from :mod:`coproduction.wording`,
so all three must show 13% and 63%.
"""

from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from helpers import make_audit

import coproduction as cp
from coproduction.cli import main
from coproduction.exporters import default_registry

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

RATINGS = {
    # Systems: (0.5 + 0 + 0 + 0) / 4 = 0.125
    "systems-1": "developing",
    "systems-2": "emerging",
    "systems-3": "emerging",
    "systems-4": "emerging",
    # Staff: (1 + 1 + 0.5 + 0) / 4 = 0.625
    "staff-1": "embedded",
    "staff-2": "embedded",
    "staff-3": "developing",
    "staff-4": "emerging",
}
EXPECTED = {"Systems": "13%", "Staff": "63%"}


@pytest.fixture
def audit(worcestershire: cp.Framework) -> cp.Audit:
    audit = make_audit(worcestershire, RATINGS)
    scores = {section.section: section.score.value for section in cp.score(audit, worcestershire).sections}
    assert scores["systems"] == 0.125 and scores["staff"] == 0.625  # exactly on the half
    return audit


def excel_shows(value: float, number_format: str) -> str:
    """The text Excel shows for a number in a whole-percentage format: rounded half away from zero."""
    assert number_format == "0%", f"expected a whole-percentage format, found {number_format!r}"
    held = Decimal(f"{value:.15g}") * 100  # Excel holds 15 significant digits
    return f"{held.quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def on_screen(capsys: pytest.CaptureFixture[str], path: Path) -> dict[str, str]:
    code = main(["score", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = {line.split("  ")[0]: line.split() for line in out.splitlines() if line and not line.startswith("-")}
    return {title: rows[title][1] for title in EXPECTED}


def in_word(audit: cp.Audit, framework: cp.Framework) -> dict[str, str]:
    """The score of each section as the Word report's table of scores shows it."""
    out = io.BytesIO()
    default_registry().get("docx").export(cp.AuditReport(audit, framework), out, cp.export_context())
    document = docx.Document(io.BytesIO(out.getvalue()))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    found = {}
    for title in EXPECTED:
        shown = [row[1] for row in rows if re.fullmatch(rf"\d+\. {title}", row[0])]
        assert len(shown) == 1, f"no single score row for {title} in the Word report"
        found[title] = shown[0]
    return found


def in_excel(audit: cp.Audit) -> dict[str, str]:
    out = io.BytesIO()
    default_registry().get("xlsx").export(cp.CouncilSummary([audit]), out, cp.export_context())
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["Audits"]
    columns = {cell.value: cell.column for cell in sheet[1]}
    found = {}
    for title in EXPECTED:
        cell = sheet.cell(row=2, column=columns[title])
        assert isinstance(cell.value, float), "Excel must hold the number itself, formatted, not text"
        found[title] = excel_shows(cell.value, cell.number_format)
    return found


def test_the_same_percentages_on_screen_in_word_and_in_excel(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, audit: cp.Audit, worcestershire: cp.Framework
) -> None:
    path = cp.dump(audit, tmp_path / "audit.json")
    assert on_screen(capsys, path) == EXPECTED
    assert in_word(audit, worcestershire) == EXPECTED
    assert in_excel(audit) == EXPECTED


def test_the_excel_report_formats_its_live_scores_as_percentages(audit: cp.Audit, worcestershire: cp.Framework) -> None:
    out = io.BytesIO()
    default_registry().get("xlsx").export(cp.AuditReport(audit, worcestershire), out, cp.export_context())
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["Summary"]
    formats = {
        cell.number_format
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=IF(SUMPRODUCT(")
    }
    assert formats == {cp.wording.EXCEL_PERCENT_FORMAT}  # Excel rounds these half away from zero, as wording does


def test_the_wording_module_is_what_they_share() -> None:
    assert cp.wording.percent(0.125) == "13%" and cp.wording.percent(0.625) == "63%"
    assert excel_shows(0.125, "0%") == "13%" and excel_shows(0.625, "0%") == "63%"
