"""Gathering a calendar of key consultations from activities, action plans and charters."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from coproduction.model.activity import Activity
from coproduction.model.calendar import Calendar, CalendarEvent, EventKind
from coproduction.model.charter import Charter
from coproduction.model.organisation import Organisation
from coproduction.model.plan import ActionPlan, ActionStatus

__all__ = ["gather_calendar"]

UID_DOMAIN = "coproduction.invalid"
"""The part of every uid after the ``@``: names this library, never a real host."""


def gather_calendar(
    plans: Iterable[ActionPlan] = (),
    charters: Iterable[Charter] = (),
    activities: Iterable[Activity] = (),
    *,
    title: str,
) -> Calendar:
    """Gather the dates of activities, plans and charters into one calendar of key consultations.

    The calendar holds each activity's step dates; each action's due date and
    review date (dropped actions are left out); each plan's review dates; and
    each charter's review date. Every event's uid is built from the ids of
    what it comes from, so it stays the same each time the calendar is made.

    Args:
        plans: Action plans.
        charters: Charters.
        activities: Co-production activities.
        title: The calendar's name.

    Raises:
        ValueError: If two events would share a uid (the same plan, charter or
            activity given twice).
    """
    events = [
        *(event for plan in plans for event in _plan_events(plan)),
        *(_charter_event(charter) for charter in charters),
        *(event for activity in activities for event in _activity_events(activity)),
    ]
    return Calendar(title, events)


def _key(organisation: Organisation) -> str:
    """The organisation in a uid: its identifier (such as a URN), else its name as a slug."""
    text = organisation.identifier or organisation.name
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "organisation"


def _uid(*parts: str) -> str:
    return "/".join(parts) + f"@{UID_DOMAIN}"


def _activity_events(activity: Activity) -> Iterator[CalendarEvent]:
    where = _key(activity.organisation)
    for step in activity.steps:
        yield CalendarEvent(
            uid=_uid("activity", where, activity.id, step.step.value),
            date=step.date,
            kind=EventKind.ACTIVITY_STEP,
            summary=f"{_one_line(activity.title)}: {step.step.text}",
            description=f"{activity.purpose} ({activity.level.label.lower()}; step {step.step.position} of 6, "
            f"{step.status.label})",
            organisation=activity.organisation.name,
            level=activity.level,
            source=f"Activity: {_one_line(activity.title)}",
        )


def _plan_events(plan: ActionPlan) -> Iterator[CalendarEvent]:
    where = _key(plan.organisation)
    for action in plan.actions:
        if action.status is ActionStatus.DROPPED:
            continue
        dated = (
            (action.due_date, EventKind.ACTION_DUE, "Due"),
            (action.review_date, EventKind.ACTION_REVIEW, "Review"),
        )
        for date, kind, word in dated:
            if date is not None:
                yield CalendarEvent(
                    uid=_uid("action-plan", where, plan.framework, action.id, kind.value),
                    date=date,
                    kind=kind,
                    summary=f"{word}: {_one_line(action.what)}",
                    description=f"An action of the action plan ({action.status.label})"
                    + (f"; owner: {action.owner}" if action.owner else ""),
                    organisation=plan.organisation.name,
                    level=action.level,
                    source=f"Action plan of {plan.organisation.name}",
                )
    for date in sorted(set(plan.review_dates)):
        yield CalendarEvent(
            uid=_uid("action-plan", where, plan.framework, "review", date.isoformat()),
            date=date,
            kind=EventKind.PLAN_REVIEW,
            summary=f"Review the action plan of {plan.organisation.name}",
            description="Review the whole action plan with parent carers.",
            organisation=plan.organisation.name,
            source=f"Action plan of {plan.organisation.name}",
        )


def _charter_event(charter: Charter) -> CalendarEvent:
    return CalendarEvent(
        uid=_uid("charter", _key(charter.organisation), "review"),
        date=charter.review_date,
        kind=EventKind.CHARTER_REVIEW,
        summary=f"Review: {_one_line(charter.title)}",
        description=f"Review the charter co-produced on {charter.co_produced_on.isoformat()} with those who made it.",
        organisation=charter.organisation.name,
        source=f"Charter: {_one_line(charter.title)}",
    )


def _one_line(text: str) -> str:
    """A text as one line, as a calendar shows an event's title."""
    return " ".join(text.split())
