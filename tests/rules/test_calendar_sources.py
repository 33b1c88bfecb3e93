"""Each date of the calendar of key consultations says its level and where it comes from."""

from __future__ import annotations

import datetime as dt

import attrs
from helpers import ROOT

import coproduction as cp

ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
PLAN = ROOT / "tests" / "fixtures" / "schema-v1" / "action-plan.json"
CHARTER = ROOT / "tests" / "fixtures" / "schema-v1" / "charter.json"
ACTIVITY_DATE = dt.date(2026, 3, 11)


def test_every_event_says_where_it_comes_from_and_its_level() -> None:
    activity, plan, charter = cp.load(ACTIVITY), cp.load(PLAN), cp.load(CHARTER)
    leveled = [attrs.evolve(action, level=cp.ParticipationLevel.STRATEGIC) for action in plan.actions]
    plan = attrs.evolve(plan, actions=leveled)
    calendar = cp.gather_calendar([plan], [charter], [activity], title="Oak Primary")
    by_kind: dict[cp.EventKind, list[cp.CalendarEvent]] = {}
    for event in calendar.events:
        by_kind.setdefault(event.kind, []).append(event)
    assert all(e.source == f"Activity: {activity.title}" for e in by_kind[cp.EventKind.ACTIVITY_STEP])
    assert all(e.level is activity.level for e in by_kind[cp.EventKind.ACTIVITY_STEP])
    for kind in (cp.EventKind.ACTION_DUE, cp.EventKind.ACTION_REVIEW):
        assert all(e.level is cp.ParticipationLevel.STRATEGIC for e in by_kind.get(kind, []))
        assert all(e.source == f"Action plan of {plan.organisation.name}" for e in by_kind.get(kind, []))
    (review,) = by_kind[cp.EventKind.CHARTER_REVIEW]
    assert review.source == f"Charter: {charter.title}" and review.level is None
    assert all(e.level is None for e in by_kind.get(cp.EventKind.PLAN_REVIEW, []))
    assert all(event.source for event in calendar.events)


def test_an_event_without_level_or_source_is_as_before() -> None:
    event = cp.CalendarEvent("a@example", ACTIVITY_DATE, cp.EventKind.PLAN_REVIEW, "Review")
    assert event.level is None and event.source == ""
    assert cp.CalendarEvent("b@example", ACTIVITY_DATE, "plan-review", "Review", level="service").level is (
        cp.ParticipationLevel.SERVICE
    )
