from __future__ import annotations

import io

import attrs
import pytest
from coproduction_xlsx import CouncilSummary, XlsxExporter, write_summary
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from coproduction import (
    AuditReport,
    ExportError,
    InvalidDocumentError,
    Ladder,
    LadderAssessment,
    RungPractice,
    default_catalogue,
    export_context,
    score,
)
from coproduction.testing import frameworks_with_audits


def test_report_structure(helpers, durham):
    audit = helpers.sample_audit(durham)
    data = helpers.export_bytes(AuditReport(audit, durham))
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Summary", "Responses", "Scale", "Words used"]
    summary, responses = wb["Summary"], wb["Responses"]
    headers = [c.value for c in summary[9]]
    assert headers[:3] == ["Part", "Score", "Band"]
    assert headers[3:6] == [level.name for level in durham.scale.levels]
    # one summary row per section, then Overall; every score a live SUMPRODUCT formula
    titles = [summary.cell(row=10 + i, column=1).value for i in range(len(durham.sections) + 1)]
    assert titles == [s.title for s in durham.sections] + ["Overall"]
    for row in range(10, 11 + len(durham.sections)):
        formula = summary.cell(row=row, column=2).value
        assert formula.startswith("=IF(SUMPRODUCT(") and "Responses!" in formula, formula
    assert len(summary._charts) == 2
    # helper columns hold weight and level value
    header = [c.value for c in responses[1]]
    weight = header.index("Weight (helper)") + 1
    level_value = header.index("Level value (helper)") + 1
    assert [responses.cell(row=r, column=weight).value for r in range(2, 2 + len(durham.criteria))] == [
        c.weight for c in durham.criteria
    ]
    assert "EXACT" in responses.cell(row=2, column=level_value).value
    # rating shown by NAME, with a drop-down and colours
    by_criterion = audit.by_criterion()
    for row, criterion in enumerate(durham.criteria, start=2):
        response = by_criterion[criterion.id]
        expected = durham.scale.level(response.rating).name if response.rating else None
        assert responses.cell(row=row, column=4).value == expected
    assert responses.data_validations.dataValidation
    assert wb.calculation.fullCalcOnLoad


def test_report_with_ladder(helpers, durham):
    ladder: Ladder = default_catalogue().ladder("durham-degrees-of-participation")
    audit = helpers.sample_audit(durham)
    assessment = LadderAssessment(
        ladder=ladder.id,
        organisation=audit.organisation,
        perspective=audit.perspective,
        date=audit.date,
        rungs=[RungPractice(rung=ladder.rungs[1].id, doing=True, evidence="=we do")],
    )
    wb = load_workbook(io.BytesIO(helpers.export_bytes(AuditReport(audit, durham, ladder, assessment))))
    ws = wb["Ladder"]
    assert ws["A2"].value == f"Highest rung practised: {ladder.rungs[1].name}"
    assert ws["C6"].value == "=we do" and ws["C6"].data_type == "s"


def _audits_sheet(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_summary_rows_scores_and_heat_map(helpers, durham, worcestershire):
    audits = [helpers.sample_audit(durham, p) for p in ("parent-carers", "school-staff")]
    audits.append(helpers.sample_audit(worcestershire, "joint"))
    seen: list[int] = []
    out = io.BytesIO()
    count = write_summary(iter(audits), out, progress=seen.append, catalogue=default_catalogue())
    assert count == 3 and seen == [1, 2, 3]
    wb = load_workbook(io.BytesIO(out.getvalue()))
    assert wb.sheetnames == ["About", "Audits", "Audits (2)", "Distributions", "Distributions (2)"]
    ws = wb["Audits"]
    header = [c.value for c in ws[1]]
    sections = [s.title for s in durham.sections]
    assert header[:8] == ["Organisation", "Reference (URN)", "Viewpoint", "Date", "Completed by", "Overall score",
                          "Band", "Coverage"]  # fmt: skip
    assert header[8 : 8 + len(sections)] == sections
    assert header[8 + len(sections) :] == [c.id for c in durham.criteria]
    for row, audit in zip(ws.iter_rows(min_row=2, values_only=True), audits[:2], strict=True):
        report = score(audit, durham)
        assert row[0] == audit.organisation.name and row[2] == audit.perspective.label
        assert row[5] == pytest.approx(report.overall.value)
        assert row[6] == durham.scale.level(report.overall.band).name
        assert row[7] == pytest.approx(report.overall.coverage)
        assert [v for v in row[8 : 8 + len(sections)]] == [
            pytest.approx(s.score.value) if s.score.value is not None else None for s in report.sections
        ]
        ratings = row[8 + len(sections) :]
        for value, criterion in zip(ratings, durham.criteria, strict=True):
            response = audit.response(criterion.id)
            assert value == (durham.scale.level(response.rating).name if response.rating else
                             ("N/A" if response.not_applicable else None))  # fmt: skip
    rules = {str(cf.sqref): [r.type for r in cf.rules] for cf in ws.conditional_formatting}
    assert any("colorScale" in types for types in rules.values()), rules
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
    dist = wb["Distributions"]
    values = list(dist.iter_rows(values_only=True))
    overall = next(r for r in values if r[0] == "Overall")
    band_counts = overall[1 : 1 + len(durham.scale.levels)]
    assert sum(band_counts) + overall[4] == 2
    assert len(dist._charts) == 1


def test_summary_distribution_counts_match_the_core(helpers, durham):
    audits = []
    for index in range(12):
        audit = helpers.sample_audit(durham)
        levels = durham.scale.levels
        audits.append(
            attrs.evolve(
                audit,
                responses=[
                    attrs.evolve(r, rating=levels[(i + index) % 3].id) if r.rating else r
                    for i, r in enumerate(audit.responses)
                ],
            )
        )
    out = io.BytesIO()
    write_summary([(a, durham) for a in audits], out, catalogue=default_catalogue())
    dist = load_workbook(io.BytesIO(out.getvalue()))["Distributions"]
    rows = {r[0]: r for r in dist.iter_rows(min_row=6, max_row=6 + len(durham.sections), values_only=True)}
    for position, section in enumerate(durham.sections):
        expected = {level.id: 0 for level in durham.scale.levels}
        for audit in audits:
            band = score(audit, durham).sections[position].score.band
            if band:
                expected[band] += 1
        assert list(rows[section.title][1:4]) == [expected[level.id] for level in durham.scale.levels]


def test_summary_of_nothing_and_unknown_frameworks(helpers, durham):
    out = io.BytesIO()
    assert write_summary([], out, catalogue=default_catalogue()) == 0
    assert load_workbook(io.BytesIO(out.getvalue())).sheetnames == ["About"]
    stray = attrs.evolve(helpers.sample_audit(durham), framework_version="99")
    out = io.BytesIO()
    with pytest.raises(InvalidDocumentError) as caught:  # a framework the catalogue lacks, as in every plugin
        write_summary([stray], out, catalogue=default_catalogue())
    assert "version" in str(caught.value) and out.getvalue() == b""
    with pytest.raises(ExportError):
        write_summary(["not an audit"], io.BytesIO(), catalogue=default_catalogue())  # type: ignore[list-item]


def test_summary_document_through_the_exporter(helpers, durham):
    seen: list[int] = []
    document = CouncilSummary([helpers.sample_audit(durham)], catalogue=default_catalogue(), progress=seen.append)
    out = io.BytesIO()
    XlsxExporter().export(document, out, export_context())
    assert seen == [1] and out.getvalue().startswith(b"PK")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(frameworks_with_audits())
def test_any_audit_makes_a_report_and_a_summary(pair):
    framework, audit = pair
    XlsxExporter().export(AuditReport(audit, framework), io.BytesIO(), export_context())
    out = io.BytesIO()
    assert write_summary([(audit, framework)], out, catalogue=default_catalogue()) == 1
