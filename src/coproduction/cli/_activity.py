"""The ``activity`` commands: check a co-production activity, and say where it has got to on a date."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from coproduction.cli._arguments import date
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, chosen_catalogue, out
from coproduction.cli._evaluation_slips import EVALUATION_SLIP_ACTIONS
from coproduction.contract.serialization import load
from coproduction.model._excerpt import excerpt_text
from coproduction.model.activity import Activity, EvaluationQuestion, PlanningQuestion
from coproduction.rules.activities import activity_status
from coproduction.rules.wording import long_date, plural

__all__ = ["ACTIVITY_COMMANDS"]


def _activity_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="ACTIVITY", help="the activity JSON file")


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    _activity_file(parser)
    parser.add_argument("--on", type=date, metavar="DATE", help="the date to report on, as YYYY-MM-DD (default: today)")


def _load(args: argparse.Namespace) -> Activity:
    activity: Activity = load(args.file, Activity, catalogue=chosen_catalogue(args))
    return activity


def _check(args: argparse.Namespace) -> int:
    activity = _load(args)
    reached = f", reached {activity.reached}" if activity.reached else ""
    out(
        f"{args.file}: a valid co-production activity of {excerpt_text(activity.organisation.name)}, "
        f"{excerpt_text(activity.title)}: {activity.level.label.lower()}, aiming at {activity.aims_at} on "
        f"{activity.ladder}{reached}; {plural(len(activity.steps), 'step')}, "
        f"{plural(len(activity.approaches), 'approach', 'approaches')}, "
        f"{plural(activity.total_taking_part, 'person', 'people')} taking part, "
        f"{plural(len(activity.evaluation), 'evaluation slip')}."
    )
    unanswered = [question for question in PlanningQuestion if activity.answer(question) is None]
    if unanswered:
        out(f"Planning questions not answered yet ({len(unanswered)}):")
        for question in unanswered:
            out(f"  {question.value}: {question.question}")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    activity = _load(args)
    on = dt.date.today() if args.on is None else args.on
    status = activity_status(activity, on)
    out(f"{excerpt_text(activity.title)} ({activity.level.label.lower()}) on {long_date(on)}:")
    overdue = set(status.overdue)
    for step in sorted(activity.steps, key=lambda step: step.step.position):
        late = " - overdue" if step in overdue else ""
        out(f"  {step.step.position}. {step.step.text}: {step.status.label}, {long_date(step.date)}{late}")
    if not activity.steps:
        out("  No steps planned yet.")
    out("Next: " + (f"{status.next.step.text} ({long_date(status.next.date)})" if status.next else "nothing"))
    if status.overdue:
        out(f"Overdue: {plural(len(status.overdue), 'step')}.")
    for question in EvaluationQuestion:
        ratings = [r for slip in activity.evaluation if (r := slip.rating(question)) is not None]
        if ratings:
            out(
                f'"{question.question}" {sum(ratings) / len(ratings):.1f} out of 5 on average '
                f"({plural(len(ratings), 'answer')})"
            )
    return EXIT_OK


ACTIVITY_COMMANDS = (
    Command(
        "activity",
        "check a co-production activity, say where it has got to, or evaluate it with slips",
        None,
        subcommand_title="what to do with the activity",
        subcommands=(
            Command(
                "check",
                "check an activity: its ladder, rungs and approaches, and what is not planned yet",
                _check,
                _activity_file,
                description="Check a co-production activity against the catalogue. An invalid activity gives exit "
                "code 1; planning questions not yet answered are listed as advice.",
            ),
            Command(
                "status",
                "say which of Durham's six steps are done, which comes next and which are overdue",
                _status,
                _status_arguments,
                description="Report where a co-production activity has got to on a date.",
            ),
            *EVALUATION_SLIP_ACTIONS,
        ),
    ),
)
