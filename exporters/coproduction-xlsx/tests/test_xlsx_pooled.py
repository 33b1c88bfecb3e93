"""The Excel workbook of a pooled view: summary, spread with native charts, comments; withheld statements bare."""

from __future__ import annotations

import datetime as dt
import io

import attrs
import openpyxl
import pytest
from coproduction_xlsx import XlsxExporter
from coproduction_xlsx._pooled import POOLED_CHARTS_SHEET, POOLED_SPREAD_SHEET, POOLED_SUMMARY_SHEET, withheld_note
from helpers import make_audit

import coproduction as cp

PARENTS = cp.Perspective.PARENT_CARERS
OAK = cp.Organisation("Oak Primary School", "100001")
SECRET = "Only four of us said this about the first statement"


def _returns(framework: cp.Framework, withheld_level: str, count: int = 10) -> list[cp.Audit]:
    """``count`` parent carer returns; the first statement is rated by four only, all at ``withheld_level``."""
    levels = [level.id for level in framework.scale.levels]
    first = framework.criteria[0].id
    audits = []
    for index in range(count):
        ratings: dict[str, str | None] = {
            c.id: levels[(index + n) % len(levels)] for n, c in enumerate(framework.criteria)
        }
        ratings[first] = withheld_level if index < 4 else None
        audit = make_audit(framework, ratings, organisation=OAK, perspective=PARENTS, date=dt.date(2025, 5, 1 + index))
        text = SECRET if index < 4 else f"Comment {index}"
        where = first if index < 4 else framework.criteria[1].id
        responses = tuple(
            attrs.evolve(response, evidence=text) if response.criterion == where else response
            for response in audit.responses
        )
        audits.append(attrs.evolve(audit, responses=responses))
    return audits


def _workbook_bytes(view: cp.PooledView) -> bytes:
    out = io.BytesIO()
    XlsxExporter().export(view, out, cp.export_context())
    return out.getvalue()


def _cells(data: bytes) -> list[tuple[str, str, object]]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [
        (ws.title, cell.coordinate, cell.value)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value is not None
    ]


@pytest.fixture
def view(worcestershire: cp.Framework) -> cp.PooledView:
    return cp.pool(_returns(worcestershire, "embedded"), worcestershire)


def test_the_summary_gives_respondents_and_dates(view: cp.PooledView) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(_workbook_bytes(view)))
    summary = wb[POOLED_SUMMARY_SHEET]
    details = {summary.cell(row, 1).value: summary.cell(row, 2).value for row in range(3, 14)}
    assert details["Respondents"] == 10
    assert details["First answer"].date() == dt.date(2025, 5, 1)
    assert details["Last answer"].date() == dt.date(2025, 5, 10)
    assert details["Whose view"] == "parent carers"
    comments = [c.value for row in wb["Comments"].iter_rows() for c in row]
    assert "Comment 5" in comments


def test_a_statement_answered_by_four_shows_no_counts_in_any_cell(
    view: cp.PooledView, worcestershire: cp.Framework
) -> None:
    first = view.criteria[0]
    assert first.withheld and first.note
    data = _workbook_bytes(view)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    spread = wb[POOLED_SPREAD_SHEET]
    statement = cp.wording_for(worcestershire.criteria[0], PARENTS)
    row = next(r for r in spread.iter_rows(min_row=4) if r[2].value == statement)
    values = [cell.value for cell in row]
    assert values[-1] == withheld_note(view)  # the note in plain words, naming no figure
    assert all(value is None for value in values[3:-1])  # no count, share, median, score or band
    cells = _cells(data)
    assert not any(SECRET in str(value) for _, _, value in cells)
    # the four answers change nothing in any cell
    other = cp.pool(_returns(worcestershire, "emerging"), worcestershire)
    assert _cells(_workbook_bytes(other)) == cells


def test_each_standard_has_a_native_stacked_chart(view: cp.PooledView) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(_workbook_bytes(view)))
    charts = wb[POOLED_CHARTS_SHEET]._charts
    sections_with_figures = {e.section for e in view.criteria if not e.withheld and e.answered}
    assert len(charts) == len(sections_with_figures)
    cells = [c.value for row in wb[POOLED_CHARTS_SHEET].iter_rows() for c in row if isinstance(c.value, str)]
    second = view.criteria[1]
    assert second.counts is not None
    assert any(f"rated by {second.answered}:" in value for value in cells)
    assert any("withheld, too few respondents rated it" in value for value in cells)
