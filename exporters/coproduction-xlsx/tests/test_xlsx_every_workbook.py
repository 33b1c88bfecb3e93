"""Every workbook the Excel plugin writes, read as a parent carer and printed (issue 14).

``WORKBOOKS`` is the one table of what the plugin writes: each row builds a
document for a framework and a viewpoint. Every case is rendered and checked
three ways: the plain-English check over every cell's text (no findings for a
workbook a parent carer may read, and every acronym spelt out at first use in
all of them), alternative text naming the figures on every chart, and
LibreOffice printing every sheet one A4 page wide. A new workbook is one more
row here.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import shutil
import subprocess
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import attrs
import pytest
from coproduction_xlsx import XlsxExporter
from openpyxl import load_workbook
from openpyxl.utils.cell import range_to_tuple

import coproduction as c

ROOT = Path(__file__).resolve().parents[3]
ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
CHARTER = ROOT / "tests" / "fixtures" / "schema-v1" / "charter.json"
AS_OF = dt.date(2026, 3, 1)
OAK = c.Organisation("Oak School")
STAFF, PARENTS = c.Perspective.SCHOOL_STAFF, c.Perspective.PARENT_CARERS
FRAMEWORKS = ["worcestershire-seven-quality-standards", "durham-audit-tool-for-participation"]
A4 = {(595, 842), (842, 595)}
GLOSSARY_SHEET = "Words used"
FAMILY_JARGON = (
    "weighted kappa",
    "fingerprint",
    "perspective",
    "exporter",
    "criterion",
    "criteria",
    "rated itself",
    "your organisation",
)
"""Words the library once used with families (a school calls itself "your organisation")."""


def audit(
    framework: c.Framework, viewpoint: c.Perspective, shift: int = 0, date: dt.date = dt.date(2026, 2, 1)
) -> c.Audit:
    levels = [level.id for level in framework.scale.levels]
    return c.Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=OAK,
        perspective=viewpoint,
        date=date,
        responses=[
            c.Response(
                criterion=criterion.id,
                rating=levels[(index + shift) % len(levels)],
                evidence="We talk about this at the coffee morning.",
            )
            for index, criterion in enumerate(framework.criteria)
            if index % 7 != 3
        ],
    )


def _template(framework: c.Framework, viewpoint: c.Perspective) -> object:
    return c.AuditTemplate(framework, viewpoint, OAK)


def _report(framework: c.Framework, viewpoint: c.Perspective) -> object:
    ladder = c.default_catalogue().ladder("durham-degrees-of-participation")
    assessment = c.LadderAssessment(
        ladder=ladder.id,
        organisation=OAK,
        perspective=viewpoint,
        date=dt.date(2026, 2, 1),
        rungs=[c.RungPractice(rung.id, index < 3) for index, rung in enumerate(ladder.rungs)],
    )
    return c.AuditReport(audit(framework, viewpoint), framework, ladder, assessment)


def _comparison(framework: c.Framework, viewpoint: c.Perspective) -> object:
    return c.compare_perspectives([audit(framework, STAFF, 1), audit(framework, PARENTS)], framework)


def _progress(framework: c.Framework, viewpoint: c.Perspective) -> object:
    earlier = audit(framework, viewpoint, 2, dt.date(2025, 2, 1))
    return c.track_progress([earlier, audit(framework, viewpoint)], framework)


def _plan(framework: c.Framework, viewpoint: c.Perspective) -> object:
    """A plan in a school's own plain words (the workbook keeps what the school types exactly as typed)."""
    comparison = c.compare_perspectives([audit(framework, STAFF, 1), audit(framework, PARENTS)], framework)
    plan = c.propose_plan(comparison, framework, owner="The head teacher").plan
    actions = [
        attrs.evolve(
            action,
            what=f"Ask families what would help, and act on it ({number}).",
            success_measure="Families tell us it has got better.",
            due_date=dt.date(2026, 2, 1) if number % 2 else dt.date(2026, 6, 1),
        )
        for number, action in enumerate(plan.actions, start=1)
    ]
    return attrs.evolve(plan, actions=actions)


def _feedback(framework: c.Framework, viewpoint: c.Perspective) -> object:
    said = dt.date(2026, 1, 10)
    return c.FeedbackLog(
        organisation=OAK,
        entries=[
            c.FeedbackEntry(
                id="letters",
                said="Letters come too late.",
                said_by=c.Contributor("parent-carers", "parents in Year 6"),
                channel="coffee-morning",
                date=said,
                theme="Letters home",
                response=c.FeedbackResponse(
                    status="will-do", what="We will send letters a week sooner.", due=dt.date(2026, 4, 1)
                ),
            ),
            c.FeedbackEntry(
                id="clubs",
                said="Clubs after school do not suit our children.",
                said_by=c.Contributor("parent-carers"),
                channel="survey",
                date=said,
                theme="Clubs",
                response=c.FeedbackResponse(
                    status="will-do", what="We will ask families which clubs they want.", due=dt.date(2026, 2, 1)
                ),
            ),
        ],
    )


def _pooled(framework: c.Framework, viewpoint: c.Perspective) -> object:
    return c.pool([audit(framework, viewpoint, shift, dt.date(2026, 1, 1 + shift)) for shift in range(8)], framework)


def _ladder_template(framework: c.Framework, viewpoint: c.Perspective) -> object:
    ladder = c.default_catalogue().ladder("durham-degrees-of-participation")
    return c.LadderAssessmentTemplate(ladder, viewpoint, organisation=OAK)


def _summary(framework: c.Framework, viewpoint: c.Perspective) -> object:
    return c.CouncilSummary([audit(framework, STAFF, 1), audit(framework, PARENTS)])


def _ladder_comparison(framework: c.Framework, viewpoint: c.Perspective) -> object:
    ladder = c.default_catalogue().ladder("durham-degrees-of-participation")

    def assessment(perspective: c.Perspective, doing: int) -> c.LadderAssessment:
        return c.LadderAssessment(
            ladder=ladder.id,
            organisation=OAK,
            perspective=perspective,
            date=dt.date(2026, 2, 1),
            rungs=[
                c.RungPractice(rung.id, index < doing, "We talk about this at the coffee morning.")
                for index, rung in enumerate(ladder.rungs)
            ],
        )

    return c.LadderComparisonReport(ladder, assessment(STAFF, 4), assessment(PARENTS, 2))


def _barriers_survey(framework: c.Framework, viewpoint: c.Perspective) -> object:
    barriers = c.default_catalogue().barriers()
    return c.BarriersSurveyTemplate(barriers=barriers, perspective=viewpoint, organisation=OAK, cohort="Year 6")


def _barriers_summary(framework: c.Framework, viewpoint: c.Perspective) -> object:
    catalogue = c.default_catalogue()
    barriers = catalogue.barriers()
    returns = [
        c.BarriersReturn(
            asked=tuple(barrier.id for barrier in barriers),
            met=tuple(barrier.id for barrier in barriers[number % 3 :: 3]),
            organisation=OAK,
            cohort="Year 6",
            perspective=viewpoint,
            date=dt.date(2026, 2, 1),
            other=("Meetings are at the end of the school day.",) if number == 0 else (),
        )
        for number in range(6)
    ]
    return c.summarise_barriers(returns, barriers, catalogue.approaches(), catalogue.help_links())


def _calendar(framework: c.Framework, viewpoint: c.Perspective) -> object:
    return c.gather_calendar(
        [_plan(framework, viewpoint)], [c.load(CHARTER)], [c.load(ACTIVITY)], title="Oak School: key dates"
    )


class Workbook(NamedTuple):
    """One workbook the plugin writes: how to build its document, and for which viewpoints and frameworks.

    A workbook with no viewpoint of its own names its reader: parent carers when a family may read it
    (the plain-English check must then find nothing), school staff for a council officer's workbook.
    """

    build: Callable[[c.Framework, c.Perspective], object]
    viewpoints: tuple[c.Perspective, ...]
    frameworks: tuple[str, ...] = tuple(FRAMEWORKS)


WORKBOOKS: dict[str, Workbook] = {
    "template": Workbook(_template, (STAFF, PARENTS)),
    "report": Workbook(_report, (STAFF, PARENTS)),
    "comparison": Workbook(_comparison, (PARENTS,)),
    "progress": Workbook(_progress, (STAFF, PARENTS)),
    "plan": Workbook(_plan, (PARENTS,)),
    "feedback": Workbook(_feedback, (PARENTS,), frameworks=(FRAMEWORKS[0],)),
    "pooled": Workbook(_pooled, (STAFF, PARENTS)),
    "ladder-template": Workbook(_ladder_template, (STAFF, PARENTS), frameworks=(FRAMEWORKS[0],)),
    "summary": Workbook(_summary, (STAFF,)),
    "ladder-comparison": Workbook(_ladder_comparison, (PARENTS,), frameworks=(FRAMEWORKS[0],)),
    "barriers-survey": Workbook(_barriers_survey, (STAFF, PARENTS), frameworks=(FRAMEWORKS[0],)),
    "barriers-summary": Workbook(_barriers_summary, (PARENTS,), frameworks=(FRAMEWORKS[0],)),
    "calendar": Workbook(_calendar, (PARENTS,)),
}
"""Every workbook the Excel plugin writes, by name; add a row for a new one."""


class Case(NamedTuple):
    name: str
    framework: str
    viewpoint: c.Perspective

    @property
    def id(self) -> str:
        return f"{self.name}-{self.framework.split('-')[0]}-{self.viewpoint.value}"


CASES = [
    Case(name, framework, viewpoint)
    for name, row in WORKBOOKS.items()
    for framework in row.frameworks
    for viewpoint in row.viewpoints
]
IDS = [case.id for case in CASES]


def render(case: Case) -> bytes:
    framework = c.default_catalogue().framework(case.framework)
    out = io.BytesIO()
    XlsxExporter().export(WORKBOOKS[case.name].build(framework, case.viewpoint), out, c.export_context(as_of=AS_OF))
    return out.getvalue()


@pytest.fixture(scope="module")
def rendered() -> dict[Case, bytes]:
    return {case: render(case) for case in CASES}


def test_every_document_class_the_plugin_writes_has_a_row() -> None:
    built = {
        type(row.build(c.default_catalogue().framework(row.frameworks[0]), row.viewpoints[0]))
        for row in WORKBOOKS.values()
    }
    assert set(XlsxExporter.writers) <= built


def cell_texts(data: bytes) -> Iterator[tuple[str, str]]:
    """Every visible sheet's text cells, row by row, as (sheet!cell, text); formulas are not text."""
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip() and cell.data_type != "f":
                    yield f"{ws.title}!{cell.coordinate}", cell.value


def prose(texts: list[tuple[str, str]], framework: c.Framework) -> list[tuple[str, str]]:
    """What the check reads: the text before the glossary sheet, the framework's name (a proper name) taken out."""
    names = sorted({framework.label, framework.title}, key=len, reverse=True)
    kept = []
    for where, value in texts:
        if where.startswith(f"{GLOSSARY_SHEET}!"):
            continue
        for name in names:
            value = value.replace(name, "the checklist")
        kept.append((where, value))
    return kept


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_plain_english_check_finds_nothing_in_any_cell(rendered, case: Case) -> None:
    framework = c.default_catalogue().framework(case.framework)
    texts = prose(list(cell_texts(rendered[case])), framework)
    assert texts
    findings = c.default_checker().check_texts(texts)
    assert [str(f) for f in findings if f.rule is c.Rule.ACRONYM] == [], case
    if case.viewpoint is PARENTS:
        assert [str(finding) for finding in findings] == [], case
        whole = " ".join(value for _, value in texts).casefold()
        assert [word for word in FAMILY_JARGON if word in whole] == [], case


def validation_texts(data: bytes) -> Iterator[tuple[str, str]]:
    """Every drop-down's prompt and error message and every chart's title, as (sheet!where, text)."""
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for validation in ws.data_validations.dataValidation:
            for name in ("promptTitle", "prompt", "errorTitle", "error"):
                value = getattr(validation, name)
                if isinstance(value, str) and value.strip():
                    yield f"{ws.title}!{validation.sqref} {name}", value
        for number, chart in enumerate(ws._charts, start=1):
            title = chart.title.tx.rich.p[0].r[0].t if chart.title is not None and chart.title.tx.rich else None
            if isinstance(title, str) and title.strip():
                yield f"{ws.title} chart {number} title", title


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_drop_down_messages_and_chart_titles_are_plain_english(rendered, case: Case) -> None:
    framework = c.default_catalogue().framework(case.framework)
    texts = prose(list(validation_texts(rendered[case])), framework)
    findings = c.default_checker().check_texts(texts)
    assert [str(f) for f in findings if f.rule is c.Rule.ACRONYM] == [], case
    if case.viewpoint is PARENTS:
        assert [str(finding) for finding in findings] == [], case


def test_the_drop_down_messages_are_read() -> None:
    template = next(case for case in CASES if case.name == "template" and case.viewpoint is PARENTS)
    assert any(where.endswith(" prompt") for where, _ in validation_texts(render(template)))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_workbook_ends_with_the_words_it_uses(rendered, case: Case) -> None:
    wb = load_workbook(io.BytesIO(rendered[case]))
    if case.name == "summary":  # a streamed workbook for council officers: its one acronym-free About sheet explains
        assert GLOSSARY_SHEET not in wb.sheetnames
        return
    assert wb.sheetnames[-1] == GLOSSARY_SHEET
    texts = [value for where, value in cell_texts(rendered[case]) if not where.startswith(f"{GLOSSARY_SHEET}!")]
    expected = c.terms_used(texts, c.default_catalogue().glossary())
    listed = [row for row in wb[GLOSSARY_SHEET].iter_rows(min_row=5, max_col=2, values_only=True) if row[0]]
    assert listed == [
        (f"{term.term} ({term.expansion})" if term.expansion else term.term, term.plain) for term in expected
    ]
    assert expected, case  # every one of these uses at least "rating" or "statement"


def _category_labels(wb: object, chart: object) -> list[str]:
    labels: list[str] = []
    for series in getattr(chart, "series", []):
        reference = series.cat.strRef or series.cat.numRef if series.cat is not None else None
        if reference is None or labels:
            continue
        sheet, bounds = range_to_tuple(reference.f)
        min_col, min_row, max_col, max_row = bounds
        ws = wb[sheet.strip("'")]  # type: ignore[index]
        for row in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
            for cell in row:
                value = cell.value
                labels.append(value.date().isoformat() if isinstance(value, dt.datetime) else str(value))
    return labels


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_chart_has_alternative_text_naming_its_bars_and_figures(rendered, case: Case) -> None:
    archive = zipfile.ZipFile(io.BytesIO(rendered[case]))
    drawings = sorted(part for part in archive.namelist() if re.fullmatch(r"xl/drawings/drawing\d+\.xml", part))
    frames = [frame for part in drawings for frame in re.findall(rb"<(?:xdr:)?cNvPr [^>]*>", archive.read(part))]
    descriptions = []
    for frame in frames:
        found = re.search(rb'descr="([^"]*)"', frame)
        assert found is not None, (case, frame)
        text = html.unescape(found.group(1).decode())
        assert re.search(r"\d", text) and "=" not in text, (case, text)  # figures, never a formula
        descriptions.append(text)
    wb = load_workbook(io.BytesIO(rendered[case]))
    charts = [chart for ws in wb.worksheets for chart in ws._charts]
    assert len(charts) == len(frames), case
    for chart in charts:
        labels = _category_labels(wb, chart)
        assert labels and any(all(label in text for label in labels) for text in descriptions), (case, labels)


@pytest.fixture(scope="module")
def pdfs(rendered, tmp_path_factory) -> dict[Case, Path]:
    program, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if program is None or pdfinfo is None:
        pytest.skip("LibreOffice (soffice) and pdfinfo are needed; CI installs them")
    folder = tmp_path_factory.mktemp("every-workbook")
    sources = []
    for case, data in rendered.items():
        (folder / f"{case.id}.xlsx").write_bytes(data)
        sources.append(str(folder / f"{case.id}.xlsx"))
    profile = Path(f"/tmp/lo-xlsx-every-{uuid.uuid4().hex}")
    try:
        subprocess.run(
            [program, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
             "--outdir", str(folder), *sources],
            check=True, capture_output=True, timeout=900,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return {case: folder / f"{case.id}.pdf" for case in rendered}


def pdf_pages(path: Path) -> tuple[int, set[tuple[int, int]]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "400", str(path)], check=True, capture_output=True, text=True
    ).stdout
    sizes = {
        (round(float(width)), round(float(height)))
        for width, height in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    }
    return int(re.search(r"Pages:\s+(\d+)", info).group(1)), sizes  # type: ignore[union-attr]


@pytest.mark.libreoffice
@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_libreoffice_prints_every_sheet_on_a4_one_page_wide(pdfs, rendered, case: Case) -> None:
    pages, sizes = pdf_pages(pdfs[case])
    assert sizes and sizes <= A4, (case, sizes)
    wb = load_workbook(io.BytesIO(rendered[case]))
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    for ws in visible:
        assert ws.page_setup.paperSize in (9, "9") and ws.sheet_properties.pageSetUpPr.fitToPage, (case, ws.title)
        assert ws.page_setup.fitToWidth in (1, "1", None) and int(ws.page_setup.fitToHeight or 0) == 0
    # one page wide: a sheet's rows run down the pages, never across (a sheet two pages wide doubles its
    # pages); these workbooks are short; each chart starts a page of its own, so it is never split
    rows = sum(ws.max_row for ws in visible)
    charts = sum(len(ws._charts) for ws in visible)
    assert pages <= len(visible) + rows // 20 + charts, (case, pages)


@pytest.mark.libreoffice
@pytest.mark.slow
def test_a_council_summary_of_300_audits_prints_on_a_handful_of_pages(tmp_path) -> None:
    """It printed on 77 pages, its header row not repeated and its chart split over four."""
    program = shutil.which("soffice")
    if program is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice (soffice) and pdfinfo are needed; CI installs them")
    framework = c.default_catalogue().framework(FRAMEWORKS[0])
    audits = [
        attrs.evolve(
            audit(framework, (STAFF, PARENTS)[number % 2], number), organisation=c.Organisation(f"School {number}")
        )
        for number in range(300)
    ]
    source = tmp_path / "summary.xlsx"
    out = io.BytesIO()
    XlsxExporter().export(c.CouncilSummary(audits), out, c.export_context(as_of=AS_OF))
    source.write_bytes(out.getvalue())
    wb = load_workbook(source)
    audits_sheet = wb["Audits"]
    assert (
        audits_sheet.print_title_rows.replace("$", "") == "1:1" and audits_sheet.page_setup.orientation == "landscape"
    )
    profile = Path(f"/tmp/lo-xlsx-summary-{uuid.uuid4().hex}")
    try:
        subprocess.run(
            [program, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
             "--outdir", str(tmp_path), str(source)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pages, sizes = pdf_pages(tmp_path / "summary.pdf")
    assert sizes == {(842, 595)}  # A4 landscape
    # About, 300 rows of scores at about 60 a page, the distributions, and the chart on a page of its own
    assert pages <= 10, pages
