"""Gathering the calendar of key consultations from activities, plans and charters."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from helpers import ROOT
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.testing import activities, charters

ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
PLAN = ROOT / "tests" / "fixtures" / "schema-v1" / "action-plan.json"
CHARTER = ROOT / "tests" / "fixtures" / "schema-v1" / "charter.json"


def test_every_date_is_gathered_with_a_uid_built_from_ids() -> None:
    activity, plan, charter = cp.load(ACTIVITY), cp.load(PLAN), cp.load(CHARTER)
    calendar = cp.gather_calendar([plan], [charter], [activity], title="Oak Primary")
    kept = [a for a in plan.actions if a.status is not cp.ActionStatus.DROPPED]
    expected = (
        len(activity.steps)
        + sum((a.due_date is not None) + (a.review_date is not None) for a in kept)
        + len(set(plan.review_dates))
        + 1
    )
    assert len(calendar.events) == expected
    assert [e.date for e in calendar.events] == sorted(e.date for e in calendar.events)
    by_uid = {e.uid: e for e in calendar.events}
    step = by_uid["activity/999901/homework-coffee-morning/feed-back@coproduction.invalid"]
    assert step.date == dt.date(2026, 3, 11) and step.kind is cp.EventKind.ACTIVITY_STEP
    assert step.summary == "Coffee morning on homework: Feedback to parents and carers"
    review = by_uid["charter/999901/review@coproduction.invalid"]
    assert review.date == charter.review_date and review.kind is cp.EventKind.CHARTER_REVIEW
    assert all("\n" not in e.summary for e in calendar.events)
    assert calendar.dates == tuple(sorted({e.date for e in calendar.events}))
    assert calendar.between(dt.date(2026, 1, 1), dt.date(2026, 1, 31))[0].uid.endswith(
        "do-and-review@coproduction.invalid"
    )


def test_dropped_actions_are_left_out() -> None:
    plan = cp.load(PLAN)
    dropped = attrs.evolve(plan.actions[0], status=cp.ActionStatus.DROPPED, dropped_reason="Done another way")
    calendar = cp.gather_calendar([attrs.evolve(plan, actions=[dropped])], title="Oak")
    assert not any(plan.actions[0].id in e.uid for e in calendar.events)


def test_the_same_document_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="calendar events"):
        cp.gather_calendar(activities=[cp.load(ACTIVITY)] * 2, title="Oak")


def test_an_organisation_without_an_identifier_is_named_by_a_slug_of_its_name() -> None:
    activity = attrs.evolve(cp.load(ACTIVITY), organisation=cp.Organisation("St Mary's C of E School"))
    uids = [e.uid for e in cp.gather_calendar(activities=[activity], title="St Mary's").events]
    assert uids[0] == "activity/st-mary-s-c-of-e-school/homework-coffee-morning/do-and-review@coproduction.invalid"


@given(st.lists(activities(), max_size=3, unique_by=lambda a: a.id), st.lists(charters(), max_size=2))
def test_the_calendar_holds_every_step_and_review_date(found: list[cp.Activity], made: list[cp.Charter]) -> None:
    made = [attrs.evolve(c, organisation=cp.Organisation(f"School {i}", str(i))) for i, c in enumerate(made)]
    found = [attrs.evolve(a, organisation=cp.Organisation("School", "0")) for a in found]
    calendar = cp.gather_calendar(charters=made, activities=found, title="Key consultations")
    expected = sorted([s.date for a in found for s in a.steps] + [c.review_date for c in made])
    assert sorted(e.date for e in calendar.events) == expected
    again = cp.gather_calendar(charters=made, activities=found, title="Key consultations")
    assert again == calendar
