"""A calendar of key consultations as iCalendar text (RFC 5545), through the icalendar library."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import version
from typing import BinaryIO

import icalendar

from coproduction import Calendar, ExportContext
from coproduction.exporters.office import StorableText

__all__ = ["PRODID", "write_calendar"]

PRODID = f"-//coproduction//coproduction-ics {version('coproduction-ics')}//EN"
"""Names the program that made the file, as iCalendar asks."""


def write_calendar(calendar: Calendar, out: BinaryIO, context: ExportContext) -> None:
    """Write a calendar as an iCalendar file of all-day events.

    Each event has a ``UID`` built from the ids of what it comes from (so a
    calendar imported again updates its events), ``DTSTART;VALUE=DATE`` and
    ``DTEND;VALUE=DATE`` the day after, and ``DTSTAMP`` the context's as-of
    date at midnight UTC (so the same documents on the same date give the same
    file, byte for byte).

    Raises:
        ExportError: Listing every text that holds a control character, which
            iCalendar text cannot hold; nothing is written.
    """
    storable = StorableText("an iCalendar file")
    storable.check(calendar.title, "the calendar's title")
    for event in calendar.events:
        for name in ("summary", "description", "organisation"):
            storable.check(getattr(event, name), f"event {event.uid}, {name}")
    storable.raise_if_any("the calendar")
    stamp = dt.datetime.combine(context.as_of, dt.time(), tzinfo=dt.timezone.utc)
    ical = icalendar.Calendar()
    ical.add("prodid", PRODID)
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("method", "PUBLISH")
    ical.add("x-wr-calname", " ".join(calendar.title.split()))  # a calendar's name is one line
    for event in calendar.events:
        entry = icalendar.Event()
        entry.add("uid", event.uid)
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.date)
        entry.add("dtend", event.date + dt.timedelta(days=1))
        entry.add("summary", event.summary)
        about = [part for part in (event.organisation, event.description) if part]
        if about:
            entry.add("description", ": ".join(about))
        entry.add("categories", [event.kind.label])
        entry.add("transp", "TRANSPARENT")
        ical.add_component(entry)
    out.write(ical.to_ical())
