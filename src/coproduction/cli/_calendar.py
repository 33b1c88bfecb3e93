"""The ``calendar`` command: the calendar of key consultations from plans, charters and activities, in any format."""

from __future__ import annotations

import argparse
from pathlib import Path

from coproduction.cli._arguments import output_options
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, chosen_catalogue, out, write_requested
from coproduction.cli._text import table
from coproduction.contract.serialization import load
from coproduction.errors import InvalidDocumentError, Problem
from coproduction.model.activity import Activity
from coproduction.model.calendar import Calendar
from coproduction.model.charter import Charter
from coproduction.model.plan import ActionPlan
from coproduction.rules.calendar import gather_calendar
from coproduction.rules.wording import plural, short_date

__all__ = ["CALENDAR_COMMANDS"]

_KINDS = "an action plan, a charter or a co-production activity"


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="an action plan, charter or activity JSON file (as many as you like)",
    )
    parser.add_argument(
        "--title", help="the calendar's name (default: the organisation's name and 'key consultations')"
    )
    output_options(
        parser,
        "the calendar to write, its format chosen by the suffix: .ics (Outlook, Google Calendar), .docx or .xlsx "
        "(without it, the dates are shown)",
    )


def _title(documents: list[ActionPlan | Charter | Activity]) -> str:
    names = list(dict.fromkeys(document.organisation.name for document in documents))
    return f"{names[0]}: key consultations" if len(names) == 1 else "Key consultations"


def _gather(args: argparse.Namespace) -> Calendar:
    catalogue = chosen_catalogue(args)
    documents: list[ActionPlan | Charter | Activity] = []
    for path in args.files:
        document = load(path, catalogue=catalogue)
        if not isinstance(document, (ActionPlan, Charter, Activity)):
            raise InvalidDocumentError(
                f"{path} is not {_KINDS}, so it has no dates for the calendar",
                [Problem("kind", "wrong-kind", f"is {type(document).__name__}; expected {_KINDS}")],
                source=str(path),
            )
        documents.append(document)
    return gather_calendar(
        [d for d in documents if isinstance(d, ActionPlan)],
        [d for d in documents if isinstance(d, Charter)],
        [d for d in documents if isinstance(d, Activity)],
        title=args.title or _title(documents),
    )


def _calendar(args: argparse.Namespace) -> int:
    calendar = _gather(args)
    if args.output is not None:
        written = write_requested(calendar, args, chosen_catalogue(args))
        out(f"wrote {written}: {calendar.title}, {plural(len(calendar.events), 'date')}")
        return EXIT_OK
    out(calendar.title)
    rows = [
        (short_date(event.date), event.summary, event.level.label if event.level else "", event.source)
        for event in calendar.events
    ]
    out(table(("date", "what", "level", "from"), rows) if rows else "There are no dates in the calendar yet.")
    return EXIT_OK


CALENDAR_COMMANDS = (
    Command(
        "calendar",
        "gather the calendar of key consultations from plans, charters and activities",
        _calendar,
        _arguments,
        description="Gather the dates of action plans (actions due and reviewed, plan reviews), charters (their "
        "review) and co-production activities (their steps) into one calendar of key consultations, in date "
        "order. Write it with -o: .ics for Outlook and Google Calendar, .docx for a Word page, .xlsx for an "
        "Excel sheet (the format comes from the suffix, or --format).",
    ),
)
