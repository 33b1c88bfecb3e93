"""iCalendar (.ics) exporter for coproduction.

Writes a calendar of key consultations (:class:`coproduction.Calendar`, from
:func:`coproduction.gather_calendar`), or the dates of one activity, action
plan or charter, as an iCalendar file of all-day events that Outlook, Google
Calendar and Apple Calendar import. Registered as the ``ics`` exporter under
the ``coproduction.exporters`` entry-point group.
"""

from coproduction_ics._exporter import DOES_NOT_WRITE, WRITERS, IcsExporter

__all__ = ["DOES_NOT_WRITE", "WRITERS", "IcsExporter"]
