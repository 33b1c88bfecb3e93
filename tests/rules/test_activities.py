"""Where a co-production activity has got to: done, next and overdue steps."""

from __future__ import annotations

import datetime as dt

from helpers import ROOT
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.testing import activities, dates

EXAMPLE = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"


def test_the_status_of_the_example_on_a_date() -> None:
    status = cp.activity_status(cp.load(EXAMPLE), dt.date(2026, 3, 12))
    assert [step.step for step in status.done] == [
        cp.ActivityStep.DO_AND_REVIEW,
        cp.ActivityStep.COLLECT_AND_ANALYSE_FEEDBACK,
    ]
    assert status.next is not None and status.next.step is cp.ActivityStep.DEVELOP_ACTION_PLAN
    assert [step.step for step in status.overdue] == [cp.ActivityStep.DEVELOP_ACTION_PLAN, cp.ActivityStep.FEED_BACK]
    assert not status.finished


def test_a_step_due_on_the_day_is_not_overdue() -> None:
    status = cp.activity_status(cp.load(EXAMPLE), dt.date(2026, 2, 25))
    assert status.overdue == ()


@given(activities(), dates())
def test_every_step_is_done_or_open_and_only_open_steps_are_overdue(activity: cp.Activity, on: dt.date) -> None:
    status = cp.activity_status(activity, on)
    open_steps = [step for step in activity.steps if step.status is not cp.StepStatus.DONE]
    assert len(status.done) + len(open_steps) == len(activity.steps)
    assert all(step.status is not cp.StepStatus.DONE and step.date < on for step in status.overdue)
    assert set(status.overdue) == {step for step in open_steps if step.date < on}
    assert status.next == (min(open_steps, key=lambda step: step.step.position) if open_steps else None)
    assert status.finished == (bool(activity.steps) and not open_steps)


@given(activities(), st.integers(0, 3000))
def test_later_dates_never_make_fewer_steps_overdue(activity: cp.Activity, days: int) -> None:
    early = dt.date(2000, 1, 1)
    later = early + dt.timedelta(days=days)
    assert set(cp.activity_status(activity, early).overdue) <= set(cp.activity_status(activity, later).overdue)
