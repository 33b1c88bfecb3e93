"""The calendar of key consultations as an Excel sheet: one row per date, in order, with its level and source."""

from __future__ import annotations

from typing import BinaryIO

from openpyxl.worksheet.worksheet import Worksheet

from coproduction import Calendar, Glossary
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import header_row, new_workbook, put_date, save_workbook, set_up_table, title_row

__all__ = ["CALENDAR_COLUMNS", "CALENDAR_SHEET", "NO_LEVEL", "write_calendar"]

CALENDAR_SHEET = "Calendar"

CALENDAR_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Date", 13),
    ("What", 50),
    ("Level", 16),
    ("Where it comes from", 30),
    ("More about it", 50),
    ("Organisation", 24),
)

NO_LEVEL = "Not said"
"""The level shown for an event whose source says none."""

_HEADER = 3


def write_calendar(calendar: Calendar, out: BinaryIO, *, glossary: Glossary | None = None) -> None:
    """Write a calendar of key consultations as a workbook of one sheet.

    Args:
        calendar: The calendar (:func:`coproduction.gather_calendar`).
        out: Where to write the .xlsx bytes; nothing is written on failure.
        glossary: The glossary whose terms a last "Words used" sheet explains (none without it).

    Raises:
        ExportError: If a text or date cannot be held by Excel; every one is listed.
    """
    checks = TextChecks()
    checks.check(calendar.title, "title")
    for event in calendar.events:
        where = f"event {event.uid}"
        for name in ("summary", "description", "source", "organisation"):
            checks.check(getattr(event, name), f"{where}, {name}")
        checks.check_date(event.date, f"{where}, date")
    checks.raise_if_any(f"the calendar {calendar.title}")
    wb = new_workbook(calendar.title)
    ws = wb.active
    assert ws is not None
    ws.title = CALENDAR_SHEET
    _write(ws, calendar)
    save_workbook(wb, out, glossary=glossary)


def _write(ws: Worksheet, calendar: Calendar) -> None:
    title_row(ws, calendar.title)
    header_row(ws, _HEADER, list(CALENDAR_COLUMNS))
    widths = [width for _, width in CALENDAR_COLUMNS]
    for row, event in enumerate(calendar.events, start=_HEADER + 1):
        put_date(ws, row, 1, event.date).alignment = L.TOP
        texts = [
            event.summary,
            event.level.label if event.level is not None else NO_LEVEL,
            event.source,
            event.description,
            event.organisation,
        ]
        for column, text in enumerate(texts, start=2):
            put_text(ws, row, column, text).alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(text, widths[index + 1]) for index, text in enumerate(texts)])
    set_up_table(ws, _HEADER, _HEADER + len(calendar.events), len(CALENDAR_COLUMNS))
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
