"""A calendar of key consultations: dated events gathered from activities, plans and charters."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from coproduction.model._validators import non_blank, unique
from coproduction.model.levels import ParticipationLevel

__all__ = ["Calendar", "CalendarEvent", "EventKind"]


class EventKind(enum.Enum):
    """What an event in the calendar is."""

    ACTIVITY_STEP = "activity-step"
    ACTION_DUE = "action-due"
    ACTION_REVIEW = "action-review"
    PLAN_REVIEW = "plan-review"
    CHARTER_REVIEW = "charter-review"

    @property
    def label(self) -> str:
        """The plain-English name, such as "action due"."""
        return self.value.replace("-", " ")


@attrs.frozen
class CalendarEvent:
    """One dated event, lasting the whole day.

    Attributes:
        uid: Identifies the event for good, built from the ids of what it comes
            from, so that a calendar imported again updates its events rather
            than adding copies.
        date: The day.
        kind: What it is.
        summary: Its title in a calendar, such as "Review: Oak parent carer charter".
        description: More about it, in plain English.
        organisation: The name of the school, setting or service it belongs to.
        level: The level of what it comes from (an activity's, an action's), if said.
        source: Where it comes from, in words, such as "Activity: Homework club coffee morning".
    """

    uid: str = attrs.field(validator=non_blank)
    date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    kind: EventKind = attrs.field(converter=EventKind)
    summary: str = attrs.field(validator=non_blank)
    description: str = ""
    organisation: str = ""
    level: ParticipationLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(ParticipationLevel)
    )
    source: str = ""


def _in_order(events: Iterable[CalendarEvent]) -> tuple[CalendarEvent, ...]:
    return tuple(sorted(events, key=lambda event: (event.date, event.uid)))


@attrs.frozen
class Calendar:
    """A calendar of key consultations (Barnsley: "Develop and publish a calendar of key consultations").

    It is gathered afresh from the documents it comes from
    (:func:`coproduction.gather_calendar`), not stored as a document of its own.

    Attributes:
        title: Its name, such as "Oak Primary: key consultations 2025 to 2026".
        events: The events, by date then uid.

    Raises:
        ValueError: If two events share a uid.
    """

    title: str = attrs.field(validator=non_blank)
    events: tuple[CalendarEvent, ...] = attrs.field(default=(), converter=_in_order)

    def __attrs_post_init__(self) -> None:
        unique("calendar events", (event.uid for event in self.events))

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Every date that has an event, each once, in order."""
        return tuple(sorted({event.date for event in self.events}))

    def between(self, start: dt.date, end: dt.date) -> tuple[CalendarEvent, ...]:
        """The events on or after ``start`` and on or before ``end``."""
        return tuple(event for event in self.events if start <= event.date <= end)
