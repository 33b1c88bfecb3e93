"""The calendar of key consultations as an Excel sheet, read back: real dates in order, level and source."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import attrs
import pytest
from coproduction_xlsx import XlsxExporter
from coproduction_xlsx._calendar import CALENDAR_COLUMNS, CALENDAR_SHEET, NO_LEVEL
from coproduction_xlsx._words import WORDS_SHEET
from openpyxl import load_workbook

import coproduction as c

ROOT = Path(__file__).resolve().parents[3]
ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
CHARTER = ROOT / "tests" / "fixtures" / "schema-v1" / "charter.json"


def _calendar() -> c.Calendar:
    return c.gather_calendar([], [c.load(CHARTER)], [c.load(ACTIVITY)], title="Oak Primary School: key consultations")


def _bytes(calendar: c.Calendar) -> bytes:
    out = io.BytesIO()
    XlsxExporter().export(calendar, out, context=c.export_context(as_of=dt.date(2026, 1, 5)))
    return out.getvalue()


def test_one_row_per_date_in_order() -> None:
    calendar = _calendar()
    wb = load_workbook(io.BytesIO(_bytes(calendar)))
    assert wb.sheetnames == [CALENDAR_SHEET, WORDS_SHEET]
    ws = wb[CALENDAR_SHEET]
    assert ws["A1"].value == calendar.title
    assert [cell.value for cell in ws[3]] == [name for name, _ in CALENDAR_COLUMNS]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(calendar.events)
    for row, event in zip(rows, calendar.events, strict=True):
        assert row[0] == dt.datetime.combine(event.date, dt.time())
        assert row[1] == event.summary
        assert row[2] == (event.level.label if event.level else NO_LEVEL)
        assert row[3] == event.source and row[4] == event.description and row[5] == event.organisation
    assert ws.freeze_panes == "B4" and ws.auto_filter.ref == f"A3:F{3 + len(rows)}"
    assert ws.protection.sheet


def test_a_control_character_is_refused_and_nothing_written() -> None:
    calendar = _calendar()
    broken = attrs.evolve(calendar, events=[attrs.evolve(calendar.events[0], source="Activity\x01")])
    out = io.BytesIO()
    with pytest.raises(c.ExportError):
        XlsxExporter().export(broken, out, context=c.export_context(as_of=dt.date(2026, 1, 5)))
    assert out.getvalue() == b""
