"""The calendar of key consultations as a Word page: one table of dates in order, what, the level, where from."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

import attrs

from coproduction import Calendar, CalendarEvent
from coproduction_docx._cycle import Builder, Settings, long_date, sentence_case, write_document
from coproduction_docx._ooxml import Page, para, run
from coproduction_docx._text import ensure_storable_text

__all__ = ["CALENDAR_COLUMNS", "NO_LEVEL", "write_calendar"]

_PAGE = Page(landscape=True)

CALENDAR_COLUMNS = ("Date", "What", "Level", "Where it comes from")
"""The headings of the calendar's table."""

NO_LEVEL = "Not said"
"""The level shown for an event whose source says none."""


def _row(b: Builder, event: CalendarEvent) -> list[str]:
    what = b.p(event.summary)
    if event.description:
        what += para(run(b.prose(event.description)), style="Reference")
    level = sentence_case(event.level.label.lower()) if event.level is not None else NO_LEVEL
    return [b.value(long_date(event.date)), what, b.value(level), b.value(event.source or event.organisation)]


def _body(calendar: Calendar) -> Callable[[Builder], Iterator[str]]:
    def body(b: Builder) -> Iterator[str]:
        yield b.p(
            "These are the dates when we plan, do and review work with parent carers, earliest first. "
            "Each says what it is, its level (one child and family, a service, or the whole strategy) "
            "and where it comes from."
        )
        if not calendar.events:
            yield b.p("There are no dates in the calendar yet.")
            return
        rows = [_row(b, event) for event in calendar.events]
        yield b.table(CALENDAR_COLUMNS, [0.16, 0.5, 0.12, 0.22], rows, caption=f"{calendar.title}, by date")

    return body


def write_calendar(calendar: Calendar, out: BinaryIO, settings: Settings) -> None:
    """Write a calendar of key consultations as a Word page to ``out``.

    Args:
        calendar: The calendar (:func:`coproduction.gather_calendar`).
        out: A binary stream.
        settings: The catalogue (its glossary spells out acronyms) and the date the page is made on.

    Raises:
        ExportError: If any text holds a character Word cannot store.
    """
    ensure_storable_text({"calendar": attrs.asdict(calendar)})
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=calendar.title,
        subject="A calendar of key consultations with parent carers",
        keywords="calendar; key consultations; parent carers; SEND; co-production",
        kind="coproduction-calendar",
        properties={"coproduction.events": str(len(calendar.events))},
        body=_body(calendar),
    )
