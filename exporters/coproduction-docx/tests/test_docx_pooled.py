"""The Word report of a pooled view: respondents and dates, a spread chart per standard, withheld statements bare."""

from __future__ import annotations

import datetime as dt
import io
import re

import attrs
import docx
import pytest
from coproduction_docx import DocxExporter
from coproduction_docx._spread_chart import SpreadBar, spread_chart
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


def _word(view: cp.PooledView) -> bytes:
    out = io.BytesIO()
    DocxExporter().export(view, out, cp.export_context())
    return out.getvalue()


def _all_text(data: bytes) -> str:
    """Every paragraph and table cell, and every picture's alternative text."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    parts.extend(re.findall(r'descr="([^"]*)"', document.element.xml))
    return "\n".join(parts)


@pytest.fixture
def view(worcestershire: cp.Framework) -> cp.PooledView:
    return cp.pool(_returns(worcestershire, "embedded"), worcestershire)


def test_the_report_says_how_many_answered_and_when(view: cp.PooledView) -> None:
    text = _all_text(_word(view))
    assert "10 respondents answered from the point of view of parent carers" in text
    assert "between 1 May 2025 and 10 May 2025" in text
    assert "Overall pooled score" in text
    assert "Comment 5" in text  # the anonymous comments are there


def test_a_statement_answered_by_four_shows_only_its_note(view: cp.PooledView, worcestershire: cp.Framework) -> None:
    first = view.criteria[0]
    assert first.withheld and first.note
    data = _word(view)
    document = docx.Document(io.BytesIO(data))
    rows = [
        [c.text for c in row.cells]
        for table in document.tables
        for row in table.rows
        if f"Reference: {first.criterion}" in row.cells[0].text
    ]
    assert len(rows) == 1
    statement, note, *rest = rows[0]
    # the statement in the words of the respondents' viewpoint (parent carers)
    assert cp.wording_for(worcestershire.criteria[0], PARENTS) in statement
    assert note == first.note
    assert all(cell == "" for cell in rest)  # no count, share, median or score
    text = _all_text(data)
    assert SECRET not in text
    assert "withheld, too few respondents rated it" in text  # named in the chart's alternative text, no figures
    # the four answers change nothing anywhere in the document
    other = cp.pool(_returns(worcestershire, "emerging"), worcestershire)
    assert _all_text(_word(other)) == text


def test_each_standard_has_a_spread_picture_stating_its_figures(view: cp.PooledView) -> None:
    document = docx.Document(io.BytesIO(_word(view)))
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', document.element.xml)
    assert len(descriptions) == len(view.sections)
    second = view.criteria[1]
    assert second.counts is not None
    level = view.scale.levels[0]
    expected = f"rated by {second.answered}: {level.name} {second.counts[level.id]} ("
    assert any(expected in description for description in descriptions)
    images = [part for part in document.part.package.parts if part.partname.endswith(".png")]
    assert len(images) == len(view.sections)
    assert all(image.blob.startswith(b"\x89PNG") for image in images)


def test_the_spread_chart_draws_the_same_bytes_every_time() -> None:
    bars = [SpreadBar("Statement 1", [0.25, 0.25, 0.5]), SpreadBar("Statement 2", [1.0, 0.0, 0.0])]
    first = spread_chart(bars, ["Not started", "In progress", "Embedded"])
    assert first == spread_chart(bars, ["Not started", "In progress", "Embedded"])
    png, width, height = first
    assert png.startswith(b"\x89PNG") and b"matplotlib" not in png
    assert width == 800 and height > 100
