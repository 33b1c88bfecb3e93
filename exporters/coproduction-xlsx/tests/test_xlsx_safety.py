from __future__ import annotations

import io
import zipfile

import attrs
import pytest
from coproduction_xlsx import CouncilSummary, XlsxExporter, write_summary
from openpyxl import load_workbook

from coproduction import (
    Audit,
    AuditReport,
    AuditTemplate,
    ExportError,
    InvalidDocumentError,
    Organisation,
    Response,
    default_catalogue,
    export_context,
)

FORMULA_LIKE = ["=1+2", "+1", "-1", "@SUM(1)", "\t=1", "\r=1", "\n=1", "#N/A", '=HYPERLINK("http://x","y")']


def with_evidence(audit: Audit, texts: list[str]) -> Audit:
    responses = list(audit.responses)
    for index, text in enumerate(texts):
        responses[index] = attrs.evolve(responses[index], evidence=text)
    return attrs.evolve(audit, responses=responses)


def cell_types(data: bytes, sheet: str) -> dict[str, tuple[object, str]]:
    wb = load_workbook(io.BytesIO(data))
    return {c.coordinate: (c.value, c.data_type) for row in wb[sheet].iter_rows() for c in row if c.value is not None}


def test_formula_like_text_is_stored_as_text_everywhere(helpers, durham):
    audit = with_evidence(helpers.sample_audit(durham), FORMULA_LIKE)
    audit = attrs.evolve(audit, organisation=Organisation("=cmd|' /C calc'!A0", "=1"), completed_by="@me")
    report = helpers.export_bytes(AuditReport(audit, durham))
    cells = cell_types(report, "Responses")
    for text in FORMULA_LIKE:
        found = {kind for value, kind in cells.values() if value == text}
        assert found == {"s"}, (text, found)
    summary_cells = cell_types(report, "Summary")
    assert ("=cmd|' /C calc'!A0", "s") in summary_cells.values()
    # no formula anywhere in the raw XML holds the text
    with zipfile.ZipFile(io.BytesIO(report)) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>1+2</f>" not in xml and b"<f>cmd" not in xml

    out = io.BytesIO()
    write_summary([audit], out, catalogue=default_catalogue())
    cells = cell_types(out.getvalue(), "Audits")
    assert ("=cmd|' /C calc'!A0", "s") in cells.values() and ("@me", "s") in cells.values()

    template = helpers.template_bytes(durham, organisation=Organisation("=1+1", "+44"))
    cells = cell_types(template, "Audit")
    assert cells["C2"] == ("=1+1", "s") and cells["C3"] == ("+44", "s")
    assert load_workbook(io.BytesIO(template))["Audit"]["C2"].quotePrefix


def _refused(document, where: str, code: str) -> ExportError:
    out = io.BytesIO()
    with pytest.raises(ExportError) as caught:
        XlsxExporter().export(document, out, export_context())
    assert out.getvalue() == b"", "nothing may be written before refusing"
    assert any(p.path == where and p.code == code for p in caught.value.problems), caught.value.problems
    return caught.value


def test_text_too_long_is_refused_before_writing(helpers, durham):
    audit = helpers.sample_audit(durham)
    long_audit = with_evidence(audit, ["x" * 32_768])
    criterion = durham.criteria[0].id
    error = _refused(AuditReport(long_audit, durham), f"criterion {criterion}, evidence", "text-too-long")
    assert "32,767" in str(error)
    out = io.BytesIO()
    with pytest.raises(ExportError) as caught:
        write_summary([attrs.evolve(audit, completed_by="y" * 40_000)], out, catalogue=default_catalogue())
    assert out.getvalue() == b""
    assert "completed by" in caught.value.problems[0].path
    # exactly the limit is fine
    XlsxExporter().export(AuditReport(with_evidence(audit, ["x" * 32_767]), durham), io.BytesIO(), export_context())


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x0b", "\ufffe", "\ud800"])
def test_characters_excel_cannot_hold_are_refused(helpers, durham, char):
    audit = with_evidence(helpers.sample_audit(durham), [f"bad {char} text"])
    error = _refused(AuditReport(audit, durham), f"criterion {durham.criteria[0].id}, evidence", "illegal-character")
    assert f"U+{ord(char):04X}" in str(error)
    bad_framework = attrs.evolve(durham, title=f"Title {char}")
    _refused(AuditTemplate(bad_framework, "joint"), "framework title", "illegal-character")
    _refused(AuditTemplate(durham, "joint", organisation=Organisation(f"Oak{char}")), "organisation name",
             "illegal-character")  # fmt: skip


def test_every_refused_text_is_listed(helpers, durham):
    audit = with_evidence(helpers.sample_audit(durham), ["\x01", "ok", "y" * 40_000])
    out = io.BytesIO()
    with pytest.raises(ExportError) as caught:
        XlsxExporter().export(AuditReport(audit, durham), out, export_context())
    assert [p.code for p in caught.value.problems] == ["illegal-character", "text-too-long"]


def test_levels_sharing_a_name_are_refused(durham):
    levels = list(durham.scale.levels)
    levels[1] = attrs.evolve(levels[1], name="embedded ")
    framework = attrs.evolve(durham, scale=attrs.evolve(durham.scale, levels=levels))
    _refused(AuditTemplate(framework, "joint"), f"level {levels[2].id}, name", "duplicate-level-name")


def test_audit_not_fitting_its_framework_is_refused(helpers, durham):
    audit = helpers.sample_audit(durham)
    audit = attrs.evolve(audit, responses=[*audit.responses[:-1], Response(criterion="no-such", rating="embedded")])
    out = io.BytesIO()
    # a document that does not fit its framework: InvalidDocumentError, as in the Word plugin
    with pytest.raises(InvalidDocumentError):
        XlsxExporter().export(AuditReport(audit, durham), out, export_context())
    assert out.getvalue() == b""
    with pytest.raises(InvalidDocumentError) as caught:
        XlsxExporter().export(CouncilSummary([audit]), out, export_context())
    assert "audit 1 (Oak Primary School" in str(caught.value)
    assert out.getvalue() == b""


def test_dates_before_excel_calendar_are_refused(helpers, durham):
    import datetime as dt

    audit = attrs.evolve(helpers.sample_audit(durham), date=dt.date(1899, 12, 31))
    _refused(AuditReport(audit, durham), "audit date", "date-out-of-range")
    _refused(AuditTemplate(durham, "joint", date=dt.date(1800, 1, 1)), "template date", "date-out-of-range")
    out = io.BytesIO()
    with pytest.raises(ExportError):
        write_summary([audit], out, catalogue=default_catalogue())
    assert out.getvalue() == b""
