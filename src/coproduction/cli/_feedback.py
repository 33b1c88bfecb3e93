"""The ``feedback summary`` command: a "you said, we did" log counted, listed or written (private)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from coproduction.cli._arguments import date, output_options
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, chosen_catalogue, installed_exporters, out, write_requested
from coproduction.cli._reading import read_plan
from coproduction.cli._text import long_date, plural, shown, table
from coproduction.contract.serialization import load
from coproduction.errors import InvalidDocumentError
from coproduction.model._excerpt import excerpt_text
from coproduction.model.feedback import FeedbackLog, FeedbackStatus
from coproduction.rules.feedback import check_action_links, you_said_we_did

__all__ = ["FEEDBACK_COMMANDS"]


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="LOG", help="the feedback log JSON file")
    parser.add_argument(
        "--on", type=date, metavar="DATE", help="the date to judge 'will do' answers overdue on (default: today)"
    )
    parser.add_argument(
        "--plan", type=Path, metavar="PLAN", help="an action plan (.json or .xlsx) whose actions the log links to"
    )
    parser.add_argument("--text", action="store_true", help='print the "you said, we did" text, ready to publish')
    output_options(parser, "the document to write: .docx, .xlsx or .json")


def _feedback_summary(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    log: FeedbackLog = load(args.file, FeedbackLog, catalogue=catalogue)
    if args.plan:
        plan = read_plan(args.plan, catalogue, installed_exporters())
        problems = check_action_links(log, plan)
        if problems:
            raise InvalidDocumentError(
                f"the log links to {plural(len(problems), 'action')} that the plan {args.plan} does not have",
                problems,
                source=str(args.file),
            )
    on: dt.date = args.on or dt.date.today()
    if args.output:
        written = write_requested(log, args, catalogue, on=on)
        if not args.text:  # the text printed must be ready to publish as it is
            out(
                f"wrote {written}: "
                f"{plural(len(log.entries), 'entry', 'entries')} of {excerpt_text(log.organisation.name)}"
            )
    if args.text:
        sys.stdout.write(you_said_we_did(log, as_of=on))
    if args.output or args.text:
        return EXIT_OK
    summary = log.summary(as_of=on)
    counts = summary.counts
    lines = [
        f"{summary.title}: {summary.organisation.name}, on {long_date(on)}",
        f"{plural(counts.total, 'thing')} said: {counts.done} done, {counts.will_do} will do, "
        f"{counts.cannot_do} cannot do, {counts.not_yet_answered} not yet answered.",
        "",
    ]
    statuses = list(FeedbackStatus)
    head = ("theme", "said", *(status.label for status in statuses))
    rows = [
        (theme.theme or "(no theme)", str(theme.counts.total), *(str(theme.counts.count(s)) for s in statuses))
        for theme in summary.themes
    ]
    rows.append(("All", str(counts.total), *(str(counts.count(s)) for s in statuses)))
    lines.append(table(head, rows, separator_before_last=True))
    if summary.overdue:
        lines += ["", f"Overdue on {long_date(on)} ({len(summary.overdue)}): the date promised has passed."]
        for entry_id in summary.overdue:
            entry = log.entry(entry_id)
            due = long_date(entry.response.due) if entry.response.due else "-"
            lines.append(f"  {entry.id}: {shown(entry.response.what)} (by {due})")
    else:
        lines += ["", f"No answer is overdue on {long_date(on)}."]
    out("\n".join(lines))
    return EXIT_OK


FEEDBACK_COMMANDS = (
    Command(
        "feedback",
        'summarise a "you said, we did" log',
        None,
        subcommand_title="what to do with the log",
        subcommands=(
            Command(
                "summary",
                'count a "you said, we did" log by answer and theme, and list overdue answers',
                _feedback_summary,
                _summary_arguments,
                description='Summarise a "you said, we did" log, or write it as a document to publish.',
            ),
        ),
    ),
)
