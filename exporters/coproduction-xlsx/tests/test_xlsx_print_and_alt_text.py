"""Workbooks that print and charts that can be read aloud (issue 14).

Every sheet of every workbook prints one page wide, landscape where its columns
are wide, with its frozen header rows repeated; every chart has alternative
text stating its figures; LibreOffice prints every workbook on A4 pages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from coproduction_xlsx import XlsxExporter
from coproduction_xlsx._print import PORTRAIT_WIDTH
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

import coproduction as c

AS_OF = dt.date(2026, 3, 1)
OAK = c.Organisation("Oak School")
A4 = {(595, 842), (842, 595)}


def _audit(framework: c.Framework, viewpoint: c.Perspective, shift: int, date: dt.date) -> c.Audit:
    levels = [level.id for level in framework.scale.levels]
    return c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=OAK,
        perspective=viewpoint,
        date=date,
        responses=[
            c.Response(criterion=criterion.id, rating=levels[(index + shift) % len(levels)])
            for index, criterion in enumerate(framework.criteria)
        ],
    )


def workbooks() -> dict[str, object]:
    catalogue = c.default_catalogue()
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    staff = _audit(framework, c.Perspective.SCHOOL_STAFF, 1, dt.date(2026, 2, 1))
    parents = _audit(framework, c.Perspective.PARENT_CARERS, 0, dt.date(2026, 2, 1))
    comparison = c.compare_perspectives([staff, parents], framework)
    earlier = _audit(framework, c.Perspective.PARENT_CARERS, 2, dt.date(2025, 2, 1))
    plan = c.propose_plan(comparison, framework, owner="The head teacher").plan
    said = dt.date(2026, 1, 10)
    log = c.FeedbackLog(
        organisation=OAK,
        entries=[
            c.FeedbackEntry(
                id="letters",
                said="Letters come too late",
                said_by=c.Contributor("parent-carers", "parents in Year 6"),
                channel="coffee-morning",
                date=said,
                theme="Communication",
            )
        ],
    )
    return {
        "template": c.AuditTemplate(framework, c.Perspective.PARENT_CARERS, OAK),
        "report": c.AuditReport(parents, framework),
        "comparison": comparison,
        "progress": c.track_progress([earlier, parents], framework),
        "plan": plan,
        "feedback": log,
    }


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    context = c.export_context(as_of=AS_OF)
    found = {}
    for name, document in workbooks().items():
        out = io.BytesIO()
        XlsxExporter().export(document, out, context)
        found[name] = out.getvalue()
    return found


@pytest.mark.parametrize("name", ["template", "report", "comparison", "progress", "plan", "feedback"])
def test_every_sheet_prints_one_page_wide_with_its_header_repeated(rendered, name: str) -> None:
    wb = load_workbook(io.BytesIO(rendered[name]))
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.fitToWidth in (1, "1", None) and ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert int(ws.page_setup.fitToHeight or 0) == 0, ws.title
        width = sum(
            ws.column_dimensions[get_column_letter(column)].width or 8.43 for column in range(1, ws.max_column + 1)
        )
        if width > PORTRAIT_WIDTH:
            assert ws.page_setup.orientation == "landscape", ws.title
        if ws.freeze_panes and int(re.sub(r"\D", "", ws.freeze_panes)) > 1:
            assert ws.print_title_rows, ws.title


@pytest.mark.parametrize("name", ["report", "comparison", "progress", "plan", "feedback"])
def test_every_chart_has_alternative_text_stating_its_figures(rendered, name: str) -> None:
    archive = zipfile.ZipFile(io.BytesIO(rendered[name]))
    drawings = [part for part in archive.namelist() if re.fullmatch(r"xl/drawings/drawing\d+\.xml", part)]
    frames = [frame for part in drawings for frame in re.findall(rb"<(?:xdr:)?cNvPr [^>]*>", archive.read(part))]
    assert frames, name
    for frame in frames:
        descr = re.search(rb'descr="([^"]*)"', frame)
        assert descr is not None, (name, frame)
        text = descr.group(1).decode()
        assert re.search(r"\d", text), (name, text)  # states figures
        assert "=" not in text, (name, text)  # figures, never a formula


def test_the_report_chart_names_each_section_and_its_score(rendered) -> None:
    report = workbooks()["report"]
    assert isinstance(report, c.AuditReport)
    archive = zipfile.ZipFile(io.BytesIO(rendered["report"]))
    xml = archive.read("xl/drawings/drawing1.xml").decode()
    for section in report.scores.sections:
        assert f"{section.title} {c.wording.percent(section.score.value)}" in xml


@pytest.fixture(scope="module")
def pdfs(rendered, tmp_path_factory) -> dict[str, Path]:
    program, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if program is None or pdfinfo is None:
        pytest.skip("LibreOffice (soffice) and pdfinfo are needed; CI installs them")
    folder = tmp_path_factory.mktemp("print")
    sources = []
    for name, data in rendered.items():
        (folder / f"{name}.xlsx").write_bytes(data)
        sources.append(str(folder / f"{name}.xlsx"))
    profile = Path(f"/tmp/lo-xlsx-print-{uuid.uuid4().hex}")
    try:
        subprocess.run(
            [program, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
             "--outdir", str(folder), *sources],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return {name: folder / f"{name}.pdf" for name in rendered}


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("name", ["template", "report", "comparison", "progress", "plan", "feedback"])
def test_libreoffice_prints_each_sheet_on_a4_pages_one_page_wide(pdfs, rendered, name: str) -> None:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "200", str(pdfs[name])], check=True, capture_output=True, text=True
    ).stdout
    sizes = {
        (round(float(width)), round(float(height)))
        for width, height in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    }
    assert sizes and sizes <= A4, (name, sizes)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    wb = load_workbook(io.BytesIO(rendered[name]))
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    # one page wide: a sheet's rows run down the pages, never across; these workbooks are short;
    # each chart starts a page of its own, so it is never split
    rows = sum(ws.max_row for ws in visible)
    charts = sum(len(ws._charts) for ws in visible)
    assert pages <= len(visible) + rows // 20 + charts, (name, pages)


def test_the_template_instruction_about_yellow_cells_is_true(rendered) -> None:
    wb = load_workbook(io.BytesIO(rendered["template"]))
    instructions = " ".join(
        str(value) for row in wb["Instructions"].iter_rows(values_only=True) for value in row if value
    )
    assert "Only the yellow cells can be changed." in instructions
    for ws in wb.worksheets:
        if not ws.protection.sheet:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.protection.locked is False:
                    assert cell.fill.fgColor.rgb.endswith("FFFDE7"), (ws.title, cell.coordinate)


def test_a_parent_carer_template_shows_the_parent_carer_wording(rendered) -> None:
    framework = c.default_catalogue().framework("worcestershire-seven-quality-standards")
    wb = load_workbook(io.BytesIO(rendered["template"]))
    shown = {str(value) for row in wb["Audit"].iter_rows(values_only=True) for value in row if value}
    for criterion in framework.criteria:
        assert c.wording_for(criterion, c.Perspective.PARENT_CARERS) in shown, criterion.id
