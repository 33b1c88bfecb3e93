"""The ``activity`` commands: check a co-production activity, and say where it has got to on a date."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from coproduction.cli._common import EXIT_OK, _catalogue, _out, _UsageError
from coproduction.contract.serialization import load
from coproduction.model._excerpt import excerpt, excerpt_text
from coproduction.model.activity import Activity, EvaluationQuestion, PlanningQuestion
from coproduction.rules.activities import activity_status
from coproduction.rules.wording import long_date, plural

__all__ = ["add_activity_commands"]

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]


def add_activity_commands(command: AddCommand) -> None:
    """Add ``activity check FILE`` and ``activity status FILE [--on DATE]``."""
    activity = command("activity", _needs_action, "check a co-production activity, or say where it has got to")
    actions = activity.add_subparsers(title="what to do with the activity", metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="check an activity: its ladder, rungs and approaches, and what is not planned yet",
        description="Check a co-production activity against the catalogue. An invalid activity gives exit code 1; "
        "planning questions not yet answered are listed as advice.",
    )
    check.set_defaults(handler=_check)
    check.add_argument("file", type=Path, metavar="ACTIVITY", help="the activity JSON file")
    status = actions.add_parser(
        "status",
        help="say which of Durham's six steps are done, which comes next and which are overdue",
        description="Report where a co-production activity has got to on a date.",
    )
    status.set_defaults(handler=_status)
    status.add_argument("file", type=Path, metavar="ACTIVITY", help="the activity JSON file")
    status.add_argument(
        "--on", type=_date, metavar="DATE", help="the date to report on, as YYYY-MM-DD (default: today)"
    )


def _needs_action(args: argparse.Namespace) -> int:
    raise _UsageError("say what to do: coproduction activity {check, status} ACTIVITY")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{excerpt(text)} is not a date; write it as YYYY-MM-DD, for example 2025-06-01"
        ) from None


def _load(args: argparse.Namespace) -> Activity:
    activity: Activity = load(args.file, Activity, catalogue=_catalogue(args))
    return activity


def _check(args: argparse.Namespace) -> int:
    activity = _load(args)
    reached = f", reached {activity.reached}" if activity.reached else ""
    _out(
        f"{args.file}: a valid co-production activity of {excerpt_text(activity.organisation.name)}, "
        f"{excerpt_text(activity.title)}: {activity.level.label.lower()}, aiming at {activity.aims_at} on "
        f"{activity.ladder}{reached}; {plural(len(activity.steps), 'step')}, "
        f"{plural(len(activity.approaches), 'approach', 'approaches')}, "
        f"{plural(activity.total_taking_part, 'person', 'people')} taking part, "
        f"{plural(len(activity.evaluation), 'evaluation slip')}."
    )
    unanswered = [question for question in PlanningQuestion if activity.answer(question) is None]
    if unanswered:
        _out(f"Planning questions not answered yet ({len(unanswered)}):")
        for question in unanswered:
            _out(f"  {question.value}: {question.question}")
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    activity = _load(args)
    on = dt.date.today() if args.on is None else args.on
    status = activity_status(activity, on)
    _out(f"{excerpt_text(activity.title)} ({activity.level.label.lower()}) on {long_date(on)}:")
    overdue = set(status.overdue)
    for step in sorted(activity.steps, key=lambda step: step.step.position):
        late = " - overdue" if step in overdue else ""
        _out(f"  {step.step.position}. {step.step.text}: {step.status.label}, {long_date(step.date)}{late}")
    if not activity.steps:
        _out("  No steps planned yet.")
    _out("Next: " + (f"{status.next.step.text} ({long_date(status.next.date)})" if status.next else "nothing"))
    if status.overdue:
        _out(f"Overdue: {plural(len(status.overdue), 'step')}.")
    for question in EvaluationQuestion:
        ratings = [r for slip in activity.evaluation if (r := slip.rating(question)) is not None]
        if ratings:
            _out(
                f'"{question.question}" {sum(ratings) / len(ratings):.1f} out of 5 on average '
                f"({plural(len(ratings), 'answer')})"
            )
    return EXIT_OK
