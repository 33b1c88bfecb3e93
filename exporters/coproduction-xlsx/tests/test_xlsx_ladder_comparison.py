"""The ladder from both sides in Excel: a table of every rung with each view, a description cell, print set-up."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from coproduction_xlsx import XlsxExporter
from coproduction_xlsx._ladder_comparison import LADDER_COMPARISON_SHEET

import coproduction as c

LADDER = c.default_catalogue().ladder("durham-degrees-of-participation")
OAK = c.Organisation("Oak Primary School", "999901")
FAMILY_JARGON = ("perspective", "criterion", "criteria", "exporter", "kappa")
HEADER = 12


def assessment(perspective: c.Perspective, doing: dict[int, bool]) -> c.LadderAssessment:
    return c.LadderAssessment(
        ladder=LADDER.id,
        organisation=OAK,
        perspective=perspective,
        date=dt.date(2026, 3, 2 if perspective is c.Perspective.PARENT_CARERS else 1),
        rungs=[
            c.RungPractice(LADDER.rungs[index].id, state, f"=SUM(A1) evidence {index}")
            for index, state in doing.items()
        ],
    )


@pytest.fixture(scope="module")
def report() -> c.LadderComparisonReport:
    school = assessment(c.Perspective.SCHOOL_STAFF, {0: False, 1: True, 2: True, 3: True, 4: True})
    parents = assessment(c.Perspective.PARENT_CARERS, {0: False, 1: True, 2: True})
    return c.LadderComparisonReport(LADDER, school, parents)


def render(document: object) -> bytes:
    out = io.BytesIO()
    XlsxExporter().export(document, out, c.export_context())
    return out.getvalue()


def sheet(report: c.LadderComparisonReport) -> openpyxl.worksheet.worksheet.Worksheet:
    return openpyxl.load_workbook(io.BytesIO(render(report)))[LADDER_COMPARISON_SHEET]


def test_the_sheet_says_who_practises_which_highest_rung_and_where_they_differ(report) -> None:
    ws = sheet(report)
    assert ws["A1"].value == "Oak Primary School: the ladder from both sides"
    assert ws["C3"].value == OAK.name and ws["C4"].value == LADDER.name
    assert ws["C5"].value.date() == dt.date(2026, 3, 1) and ws["C6"].value.date() == dt.date(2026, 3, 2)
    assert ws["A7"].value == "School staff say the highest rung practised now is rung 5 of 5: Co-production."
    assert ws["A8"].value == "Parent carers say the highest rung practised now is rung 3 of 5: Consultation."
    assert ws["A9"].value == (
        "Engagement: school staff say it is practised; parent carers did not answer. "
        "Co-production: school staff say it is practised; parent carers did not answer."
    )
    assert ws["A10"].value == report.description()


def test_the_table_lists_every_rung_top_first_with_each_view_and_its_evidence(report) -> None:
    ws = sheet(report)
    assert [ws.cell(HEADER, column).value for column in range(1, 8)] == [
        "Rung",
        "Name",
        "School staff",
        "Parent carers",
        "Seen differently",
        "What shows it (school staff)",
        "What shows it (parent carers)",
    ]
    rows = list(ws.iter_rows(min_row=HEADER + 1, max_col=7, values_only=True))
    assert len(rows) == len(LADDER.rungs)
    for row, (number, rung) in zip(rows, reversed(list(enumerate(LADDER.rungs, start=1))), strict=True):
        index = number - 1
        assert row[:2] == (number, rung.name)
        assert row[2] == ("Doing" if index >= 1 else "Not doing")
        assert row[3] == ("Not answered" if index > 2 else "Doing" if index >= 1 else "Not doing")
        assert row[4] == ("Yes" if index in (3, 4) else "No")
        assert row[5] == f"=SUM(A1) evidence {index}"  # a formula-like answer stays text
    assert ws.cell(HEADER + 1, 6).data_type == "s"


def test_each_state_has_its_own_pattern_as_well_as_its_own_colour(report) -> None:
    ws = sheet(report)
    patterns = {}
    for row in ws.iter_rows(min_row=HEADER + 1, min_col=3, max_col=4):
        for cell in row:
            patterns.setdefault(cell.value, set()).add(cell.fill.fill_type)
    assert all(len(found) == 1 for found in patterns.values())
    assert len({next(iter(found)) for found in patterns.values()}) == 3  # doing, not doing, not answered


def test_it_prints_one_page_wide_on_a4_with_the_header_repeated(report) -> None:
    ws = sheet(report)
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
    assert ws.print_title_rows == f"${HEADER}:${HEADER}"
    assert ws.freeze_panes == f"C{HEADER + 1}"


@pytest.mark.parametrize("ladder_id", [ladder.id for ladder in c.default_catalogue().ladders()])
def test_every_word_of_its_own_passes_the_plain_english_check(ladder_id: str) -> None:
    ladder = c.default_catalogue().ladder(ladder_id)
    rungs = [rung.id for rung in ladder.rungs]
    report = c.LadderComparisonReport(
        ladder,
        c.LadderAssessment(
            ladder.id, OAK, "school-staff", dt.date(2026, 3, 1), [c.RungPractice(r, True) for r in rungs]
        ),
        c.LadderAssessment(
            ladder.id,
            OAK,
            "parent-carers",
            dt.date(2026, 3, 1),
            [c.RungPractice(r, i % 2 == 1) for i, r in enumerate(rungs[1:])],
        ),
    )
    quoted = sorted(
        [ladder.name, OAK.name, *(t for rung in ladder.rungs for t in (rung.name, rung.description) if t)],
        key=len,
        reverse=True,
    )
    ws = openpyxl.load_workbook(io.BytesIO(render(report)))[LADDER_COMPARISON_SHEET]
    texts = []
    for row in ws.iter_rows(values_only=True):
        for value in row:
            if isinstance(value, str):
                for text in quoted:
                    value = value.replace(text, "")
                texts.append(value)
    checker = c.default_checker()
    assert [str(f) for text in texts for f in c.check_plain_english(text, checker=checker)] == []
    whole = " ".join(texts).casefold()
    assert not [word for word in FAMILY_JARGON if word in whole]


def test_libreoffice_opens_it_with_every_rung(report, lo_convert, tmp_path: Path) -> None:
    source = tmp_path / "ladder.xlsx"
    source.write_bytes(render(report))
    (csv,) = lo_convert(source, target="csv")
    text = csv.read_text("utf-8")
    for rung in LADDER.rungs:
        assert rung.name in text
    assert "Seen differently" in text
