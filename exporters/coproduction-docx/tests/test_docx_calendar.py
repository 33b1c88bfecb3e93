"""The calendar of key consultations as a Word page, read back: dates in order, what, level, where it comes from."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import attrs
import docx
import pytest
from coproduction_docx import DocxExporter
from coproduction_docx._calendar import CALENDAR_COLUMNS, NO_LEVEL

import coproduction as c

ROOT = Path(__file__).resolve().parents[3]
ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
CHARTER = ROOT / "tests" / "fixtures" / "schema-v1" / "charter.json"


def _calendar() -> c.Calendar:
    activity, charter = c.load(ACTIVITY), c.load(CHARTER)
    return c.gather_calendar([], [charter], [activity], title="Oak Primary School: key consultations")


def _write(calendar: c.Calendar) -> docx.document.Document:
    out = io.BytesIO()
    DocxExporter().export(calendar, out, context=c.export_context(as_of=dt.date(2026, 1, 5)))
    return docx.Document(io.BytesIO(out.getvalue()))


def test_the_table_lists_every_date_in_order_with_level_and_source() -> None:
    calendar = _calendar()
    document = _write(calendar)
    assert document.paragraphs[0].text == calendar.title == document.core_properties.title
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert tuple(rows[0]) == CALENDAR_COLUMNS
    assert len(rows) == len(calendar.events) + 1
    for row, event in zip(rows[1:], calendar.events, strict=True):
        assert row[0] == c.wording.long_date(event.date)
        assert row[1].startswith(event.summary)
        assert row[2] == (event.level.label.capitalize() if event.level else NO_LEVEL)
        assert row[3] == event.source
    assert rows[1][2] == "Service level"
    assert {row[3].split(":")[0] for row in rows[1:]} == {"Activity", "Charter"}


def test_an_empty_calendar_says_so() -> None:
    document = _write(c.Calendar("Nothing yet"))
    assert not document.tables
    assert "There are no dates in the calendar yet." in [p.text for p in document.paragraphs]


def test_the_words_are_plain_english() -> None:
    document = _write(_calendar())
    texts = [(str(i), p.text) for i, p in enumerate(document.paragraphs[1:2])]
    assert c.default_checker().check_texts(texts) == []


def test_a_control_character_is_refused_and_nothing_written() -> None:
    calendar = _calendar()
    broken = attrs.evolve(calendar, events=[attrs.evolve(calendar.events[0], summary="Coffee\x01morning")])
    out = io.BytesIO()
    with pytest.raises(c.ExportError, match=r"calendar\.events"):
        DocxExporter().export(broken, out, context=c.export_context(as_of=dt.date(2026, 1, 5)))
    assert out.getvalue() == b""
