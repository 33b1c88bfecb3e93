"""LibreOffice (headless) opens what we write, recalculates the report's formulas, and re-saves templates.

Skipped only when ``soffice`` is not on PATH (CI installs LibreOffice).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import attrs
import pytest
from coproduction_xlsx import XlsxExporter, write_summary
from openpyxl import load_workbook

from coproduction import Audit, AuditReport, Framework, Organisation, Response, default_catalogue, export_context, score

CSV_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}"
TRICKY = ["=1+2", "+44 7700", "-3", "@SUM(A1)", "ünïcødé ✓ “quotes”", "two\nlines", " padded ", "#N/A", "'apostrophe"]


def weighted(framework: Framework) -> Framework:
    """The framework with uneven weights, so the formulas' weighting is tested."""
    sections = []
    for s_index, section in enumerate(framework.sections):
        criteria = [
            attrs.evolve(criterion, weight=[1.0, 0.5, 2.0, 3.0][(s_index + c_index) % 4])
            for c_index, criterion in enumerate(section.criteria)
        ]
        sections.append(attrs.evolve(section, criteria=criteria))
    return attrs.evolve(framework, sections=sections)


def varied(framework: Framework, seed: int) -> Audit:
    """An audit with ratings, gaps, not-applicable answers and a section left wholly unrated."""
    levels = framework.scale.levels
    responses = []
    for index, criterion in enumerate(framework.criteria):
        section_index = framework.sections.index(framework.section_of(criterion.id))
        if section_index == 1 and seed % 2 == 0:
            continue  # a section with no rated criteria has no score
        kind = (index * 7 + seed * 3) % 6
        na = framework.allows_not_applicable and kind == 4
        rating = None if na or kind == 5 else levels[(index + seed) % len(levels)].id
        responses.append(Response(criterion=criterion.id, rating=rating, not_applicable=na))
    return Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=Organisation(f"School {seed}"),
        perspective="school-staff",
        date=dt.date(2025, 1, 1),
        responses=responses,
    )


def test_libreoffice_opens_template_report_and_summary(helpers, durham, lo_convert, tmp_path):
    audit = helpers.sample_audit(durham)
    files = {
        "template.xlsx": helpers.template_bytes(durham),
        "report.xlsx": helpers.export_bytes(AuditReport(audit, durham)),
    }
    out = io.BytesIO()
    write_summary([audit, helpers.sample_audit(durham, "school-staff")], out, catalogue=default_catalogue())
    files["summary.xlsx"] = out.getvalue()
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(path)
    for pdf in lo_convert(*paths, target="pdf"):
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_report_formulas_recalculated_by_libreoffice_match_the_core(helpers, durham, worcestershire, lo_convert,
                                                                    tmp_path):  # fmt: skip
    cases = [(helpers.sample_audit(durham), durham)]
    for seed in range(3):
        cases.append((varied(weighted(durham), seed), weighted(durham)))
        cases.append((varied(weighted(worcestershire), seed), weighted(worcestershire)))
    paths = []
    for number, (audit, framework) in enumerate(cases):
        path = tmp_path / f"report-{number}.xlsx"
        path.write_bytes(helpers.export_bytes(AuditReport(audit, framework)))
        paths.append(path)
    recalculated = lo_convert(*paths, target="xlsx")
    for (audit, framework), path in zip(cases, recalculated, strict=True):
        expected = score(audit, framework)
        ws = load_workbook(path, data_only=True)["Summary"]
        levels = framework.scale.levels
        rows = [*expected.sections, None]
        for offset, section in enumerate(rows):
            row = [c.value for c in ws[10 + offset]]
            result = section.score if section is not None else expected.overall
            label = section.title if section is not None else "Overall"
            assert row[0] == label
            if result.value is None:
                assert row[1] in (None, ""), (label, row)
                assert row[2] in (None, "")
            else:
                assert row[1] == pytest.approx(result.value, abs=1e-9), (path.name, label)
                assert row[2] == framework.scale.level(result.band).name, (path.name, label, row[1])
            assert row[3 : 3 + len(levels)] == [result.level_counts[level.id] for level in levels]
            rated, na, unanswered, criteria, coverage = row[3 + len(levels) : 8 + len(levels)]
            assert (rated, na, unanswered, criteria) == (
                result.answered,
                result.not_applicable,
                result.unanswered,
                result.criteria,
            )
            assert coverage == pytest.approx(result.coverage, abs=1e-9)


def test_filled_workbook_resaved_by_libreoffice_reads_back(helpers, durham, lo_convert, tmp_path):
    audit = helpers.sample_audit(durham)
    responses = list(audit.responses)
    for index, text in enumerate(TRICKY):
        responses[index] = attrs.evolve(responses[index], evidence=text, next_steps=text[::-1])
    audit = attrs.evolve(audit, responses=responses, completed_by="=Someone")
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(helpers.fill_template(helpers.template_bytes(durham), audit, durham))
    (resaved,) = lo_convert(filled, target="xlsx")
    with open(resaved, "rb") as stream:
        back = XlsxExporter().read(stream, export_context())
    assert back == helpers.expected_back(audit, durham)


def test_formula_text_survives_libreoffice_csv(helpers, durham, lo_convert, tmp_path):
    audit = helpers.sample_audit(durham)
    audit = attrs.evolve(audit, responses=[attrs.evolve(audit.responses[0], evidence="=1+2"), *audit.responses[1:]])
    report = tmp_path / "report.xlsx"
    report.write_bytes(helpers.export_bytes(AuditReport(audit, durham)))
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(helpers.fill_template(helpers.template_bytes(durham), audit, durham))
    # sheet 2 is the Responses sheet of the report and the Audit sheet of the template
    for path in lo_convert(report, filled, target=CSV_SHEET.format(sheet=2), suffix="csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        cells = [cell for row in rows for cell in row]
        assert "=1+2" in cells, path.name


def test_libreoffice_template_round_trip_keeps_protection_and_names(helpers, durham, lo_convert, tmp_path):
    path = tmp_path / "template.xlsx"
    path.write_bytes(helpers.template_bytes(durham))
    (resaved,) = lo_convert(path, target="xlsx")
    wb = load_workbook(resaved)
    assert wb["Audit"].protection.sheet
    assert "coproduction_rating" in wb.defined_names
    assert wb["Metadata"].sheet_state in ("hidden", "veryHidden")
    assert Path(resaved).stat().st_size > 0
