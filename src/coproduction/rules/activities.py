"""Where a co-production activity has got to: the steps done, the next one, and those overdue."""

from __future__ import annotations

import datetime as dt

import attrs

from coproduction.model.activity import Activity, PlannedStep, StepStatus

__all__ = ["ActivityStatus", "activity_status"]


@attrs.frozen
class ActivityStatus:
    """An activity's steps on a date.

    Attributes:
        on: The date it is reported on.
        done: The steps done, in Durham's order.
        next: The first step not yet done, in Durham's order, or None when every step given is done.
        overdue: The steps not done whose date is before ``on``, in Durham's order.
    """

    on: dt.date
    done: tuple[PlannedStep, ...]
    next: PlannedStep | None
    overdue: tuple[PlannedStep, ...]

    @property
    def finished(self) -> bool:
        """True when the activity has steps and every one is done."""
        return bool(self.done) and self.next is None


def activity_status(activity: Activity, on: dt.date) -> ActivityStatus:
    """Say which of an activity's steps are done, which comes next and which are overdue on a date.

    A step is overdue when it is not done and its date is before ``on``.

    Args:
        activity: The activity.
        on: The date to report on.
    """
    steps = sorted(activity.steps, key=lambda step: step.step.position)
    open_steps = [step for step in steps if step.status is not StepStatus.DONE]
    return ActivityStatus(
        on=on,
        done=tuple(step for step in steps if step.status is StepStatus.DONE),
        next=open_steps[0] if open_steps else None,
        overdue=tuple(step for step in open_steps if step.date < on),
    )
