from __future__ import annotations

import datetime as dt
import io

import attrs
import pytest
from coproduction_xlsx import XlsxExporter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from coproduction import (
    Audit,
    AuditTemplate,
    Field,
    Framework,
    Organisation,
    Response,
    default_catalogue,
    dumps,
    export_context,
)
from coproduction.testing import audits, frameworks, frameworks_with_audits

PREFIX = "coproduction_"


def test_template_structure(helpers, durham):
    data = helpers.template_bytes(durham, organisation=Organisation("Oak", "123456"), date=dt.date(2025, 5, 13))
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Instructions", "Audit", "Metadata", "Words used"]
    assert wb["Metadata"].sheet_state == "hidden"
    assert wb.security is not None and wb.security.lockStructure
    ws = wb["Audit"]
    assert ws.protection.sheet and not ws.protection.password
    # header, frozen, filtered
    assert [c.value for c in ws[8]][:6] == ["Part", "Statement id", "Statement", "Guidance and examples", "Rating",
                                            "Not applicable"]  # fmt: skip
    assert [c.value for c in ws[8]][6:] == [field.label for field in durham.fields]
    assert ws.freeze_panes == "A9"
    assert ws.auto_filter.ref.startswith("A8:")
    # one row per criterion, in framework order
    ids = [c.value for c in helpers.named_cells(wb, PREFIX + "criterion_ids")]
    assert ids == [c.id for c in durham.criteria]
    # rating drop-down of level NAMES; Yes/blank for not applicable
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    rating_ref = f"E9:E{8 + len(durham.criteria)}"
    assert validations[rating_ref].formula1 == '"Not started,In progress,Embedded"'
    assert validations[f"F9:F{8 + len(durham.criteria)}"].formula1 == '"Yes"'
    # colour by rating: one rule per level on the rating cells
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules if str(cf.sqref) == rating_ref]
    assert len(rules) == 3
    # inputs unlocked, everything else locked
    for name in ("rating", "not_applicable", "evidence", "organisation", "date", "completed_by"):
        for cell in helpers.named_cells(wb, PREFIX + name):
            assert cell.protection.locked is False, (name, cell.coordinate)
    assert ws["C9"].protection.locked and ws["B9"].protection.locked
    assert ws["C9"].alignment.wrap_text
    assert ws.column_dimensions["C"].width == 60
    # pre-filled details
    assert helpers.named_cells(wb, PREFIX + "organisation")[0].value == "Oak"
    assert helpers.named_cells(wb, PREFIX + "date")[0].value.date() == dt.date(2025, 5, 13)
    # metadata
    meta = {row[0]: row[1] for row in wb["Metadata"].iter_rows(max_col=2, values_only=True) if row[0]}
    assert meta["framework"] == durham.id and meta["framework_version"] == durham.version
    import hashlib

    assert meta["fingerprint"] == hashlib.sha256(dumps(durham).encode()).hexdigest()[:16]
    instructions = " ".join(str(c.value) for c in wb["Instructions"]["A"] if c.value)
    assert "Not started" in instructions and "Not applicable" in instructions


def test_no_not_applicable_column_when_not_allowed(helpers, worcestershire):
    assert not worcestershire.allows_not_applicable
    wb = load_workbook(io.BytesIO(helpers.template_bytes(worcestershire)))
    headers = [c.value for c in wb["Audit"][8]]
    assert "Not applicable" not in headers
    assert PREFIX + "not_applicable" not in wb.defined_names


@pytest.mark.parametrize("name", ["durham-audit-tool-for-participation", "worcestershire-seven-quality-standards"])
def test_blank_template_reads_back_as_blank_audit(helpers, exporter, name):
    framework = default_catalogue().framework(name)
    template = AuditTemplate(framework, "joint", organisation=Organisation("Oak", None), date=dt.date(2024, 1, 2))
    back = exporter.read(io.BytesIO(helpers.export_bytes(template)), export_context())
    assert back == template.blank_audit()


def test_filled_values_come_back_exactly(helpers, exporter, durham):
    audit = helpers.sample_audit(durham)
    tricky = ["=1+2", "+44 1234", "-minus", "@SUM(A1)", "\tTab", "\rCR", "\nLF", "#N/A", " spaced ", "ünïcødé ✓"]
    responses = list(audit.responses)
    for index, text in enumerate(tricky):
        responses[index] = Response(
            criterion=responses[index].criterion,
            rating=responses[index].rating,
            not_applicable=responses[index].not_applicable,
            evidence=text,
            required_actions=text * 2,
            next_steps="x" * 32_767 if index == 0 else text,
        )
    audit = Audit(
        framework=audit.framework,
        framework_version=audit.framework_version,
        organisation=Organisation('=HYPERLINK("x")', "=1"),
        perspective=audit.perspective,
        date=audit.date,
        responses=responses,
        completed_by="-Someone",
    )
    filled = helpers.fill_template(helpers.template_bytes(durham), audit, durham)
    back = exporter.read(io.BytesIO(filled), export_context())
    assert back == helpers.expected_back(audit, durham)


def test_lenient_rating_spelling(helpers, exporter, worcestershire):
    wb = load_workbook(io.BytesIO(helpers.template_bytes(worcestershire, organisation=Organisation("Oak"),
                                                         date=dt.date(2025, 1, 1))))  # fmt: skip
    ratings = helpers.named_cells(wb, PREFIX + "rating")
    ratings[0].value = "  embedded "
    ratings[1].value = "developing"  # the level id
    out = io.BytesIO()
    wb.save(out)
    back = exporter.read(io.BytesIO(out.getvalue()), export_context())
    assert [r.rating for r in back.responses[:3]] == ["embedded", "developing", None]


def test_dates_typed_as_text_or_numbers(helpers, exporter, worcestershire):
    for typed, expected in [("2025-05-13", dt.date(2025, 5, 13)), ("13/05/2025", dt.date(2025, 5, 13)),
                            (45790, dt.date(2025, 5, 13))]:  # fmt: skip
        wb = load_workbook(io.BytesIO(helpers.template_bytes(worcestershire, organisation=Organisation("Oak"))))
        cell = helpers.named_cells(wb, PREFIX + "date")[0]
        cell.value = typed
        cell.number_format = "General"
        out = io.BytesIO()
        wb.save(out)
        assert exporter.read(io.BytesIO(out.getvalue()), export_context()).date == expected


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(frameworks_with_audits())
def test_round_trip_property(helpers, pair):
    framework, audit = pair
    exporter = XlsxExporter()
    template = helpers.template_bytes(framework, audit.perspective.value)
    filled = helpers.fill_template(template, audit, framework)
    back = exporter.read(io.BytesIO(filled), export_context(catalogue=default_catalogue().including(framework)))
    assert back == helpers.expected_back(audit, framework)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_round_trip_through_a_catalogue(helpers, data):
    framework: Framework = data.draw(frameworks())
    audit = data.draw(audits(framework, complete=True))
    catalogue = default_catalogue().including(framework)
    filled = helpers.fill_template(helpers.template_bytes(framework, audit.perspective.value), audit, framework)
    back = XlsxExporter().read(io.BytesIO(filled), export_context(catalogue=catalogue))
    assert back == helpers.expected_back(audit, framework)
    assert {f.value for f in framework.fields} <= {f.value for f in Field}


def test_level_names_with_commas_use_a_range_drop_down(helpers, exporter, durham):
    levels = [attrs.evolve(level, name=f"{level.name}, or so") for level in durham.scale.levels]
    framework = attrs.evolve(durham, scale=attrs.evolve(durham.scale, levels=levels))
    data = helpers.template_bytes(framework, organisation=Organisation("Oak"), date=dt.date(2025, 1, 1))
    wb = load_workbook(io.BytesIO(data))
    formulas = {dv.formula1 for dv in wb["Audit"].data_validations.dataValidation}
    assert "'Metadata'!$E$2:$E$4" in formulas
    audit = helpers.sample_audit(framework)
    context = export_context(catalogue=default_catalogue().including(framework))
    back = exporter.read(io.BytesIO(helpers.fill_template(data, audit, framework)), context)
    assert back == helpers.expected_back(attrs.evolve(audit, organisation=audit.organisation), framework)
