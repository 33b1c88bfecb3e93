"""The ``ics`` exporter: its table of writers, and the protocol the registry calls."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, BinaryIO, ClassVar

from coproduction import (
    ActionPlan,
    Activity,
    Calendar,
    Charter,
    ExportContext,
    UnsupportedDocumentError,
    gather_calendar,
)
from coproduction_ics._calendar import write_calendar

__all__ = ["DOES_NOT_WRITE", "WRITERS", "IcsExporter"]

Writer = Callable[[Any, BinaryIO, ExportContext], None]


def _activity(activity: Activity, out: BinaryIO, context: ExportContext) -> None:
    write_calendar(gather_calendar(activities=[activity], title=activity.title), out, context)


def _plan(plan: ActionPlan, out: BinaryIO, context: ExportContext) -> None:
    title = f"{plan.organisation.name}: action plan"
    write_calendar(gather_calendar(plans=[plan], title=title), out, context)


def _charter(charter: Charter, out: BinaryIO, context: ExportContext) -> None:
    write_calendar(gather_calendar(charters=[charter], title=charter.title), out, context)


WRITERS: Mapping[type, Writer] = {
    Calendar: write_calendar,
    Activity: _activity,
    ActionPlan: _plan,
    Charter: _charter,
}
"""Every document class the exporter writes: a calendar, or the dates of one activity, plan or charter."""

DOES_NOT_WRITE: frozenset[str] = frozenset(
    {
        "approaches",
        "audit",
        "barriers",
        "barriers-return",
        "comparison",
        "feedback-log",
        "framework",
        "glossary",
        "ladder",
        "ladder-assessment",
        "meeting-checklists",
        "pooled-view",
        "progress",
        "school-local-details",
        "score-report",
    }
)
"""The document kinds with no dates to put in a calendar."""


class IcsExporter:
    """Writes calendars of key consultations as iCalendar (.ics) files.

    Built with no arguments and holding no settings: the as-of date (the
    events' ``DTSTAMP``) arrives with each call, in the context.
    """

    name: ClassVar[str] = "ics"
    media_type: ClassVar[str] = "text/calendar"
    suffix: ClassVar[str] = ".ics"
    writers: ClassVar[Mapping[type, Writer]] = WRITERS
    does_not_write: ClassVar[frozenset[str]] = DOES_NOT_WRITE

    def __repr__(self) -> str:
        return "IcsExporter()"

    def _writer(self, document: object) -> Writer | None:
        return next((self.writers[cls] for cls in type(document).__mro__ if cls in self.writers), None)

    def supports(self, document: object) -> bool:
        """Say whether the exporter writes this document."""
        return self._writer(document) is not None

    def export(self, document: object, out: BinaryIO, /, context: ExportContext) -> None:
        """Write the document's dates to ``out`` as an iCalendar file.

        Raises:
            UnsupportedDocumentError: For a document with no writer, before anything is written.
            ExportError: For a text iCalendar cannot hold, before anything is written.
        """
        writer = self._writer(document)
        if writer is None:
            raise UnsupportedDocumentError(
                f"the ics exporter writes calendars, activities, action plans and charters, "
                f"not a {type(document).__name__}"
            )
        writer(document, out, context)
