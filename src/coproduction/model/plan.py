"""Action plans, as data: actions tied to criteria, with owners, dates and status."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._validators import non_blank, slug, to_tuple, unique
from coproduction.model.comparison import AuditReference
from coproduction.model.contributors import Contributor
from coproduction.model.levels import ParticipationLevel
from coproduction.model.organisation import Organisation

__all__ = ["Action", "ActionPlan", "ActionStatus", "RungTarget"]


class ActionStatus(enum.Enum):
    """Where an action has got to."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The plain-English name, such as "in progress"."""
        return self.value.replace("-", " ")

    @property
    def open(self) -> bool:
        """True while the action is still to be done (not started or in progress)."""
        return self in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)


def _slug_list(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        slug(instance, attribute, item)


def _dates(values: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return tuple(values)


@attrs.frozen
class RungTarget:
    """The rung of a participation ladder an action aims to reach.

    Attributes:
        ladder: The ladder id, such as ``tlap-ladder-of-coproduction``.
        rung: The rung id on that ladder, such as ``co-production``.
    """

    ladder: str = attrs.field(validator=slug)
    rung: str = attrs.field(validator=slug)


@attrs.frozen
class Action:
    """One thing a school and its parent carers agree to do.

    Attributes:
        id: A stable identifier, unique within the plan, such as ``improve-shared-values-1``.
        what: What will be done, in plain English.
        criteria: The ids of the criteria it improves (may be empty for an
            action that serves the plan as a whole).
        target: The ladder rung it aims for, if any.
        owner: Who makes sure it happens.
        co_produced_with: Who it is co-produced with: groups such as the
            parent carer forum, never named children.
        start_date: When work starts.
        due_date: When it should be done (on or after the start date).
        status: Where it has got to.
        dropped_reason: Why it was dropped; required when the status is
            "dropped" (kept, but not shown, otherwise).
        success_measure: How everyone will know it worked.
        review_date: When it will next be reviewed.
        notes: Anything else, such as the next steps agreed in the audit.
        level: The level it works at (individual, service or strategic), if said.
        approaches: Ids of the catalogue's engagement approaches suggested or
            chosen for it (see :meth:`Catalogue.suggest_approaches`); empty when none.

    Raises:
        ValueError: If the due date is before the start date, a dropped
            action has no reason, or a criterion or approach is listed twice.
    """

    id: str = attrs.field(validator=slug)
    what: str = attrs.field(validator=non_blank)
    criteria: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_slug_list)
    target: RungTarget | None = None
    owner: str | None = None
    co_produced_with: tuple[Contributor, ...] = attrs.field(default=(), converter=to_tuple)
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    status: ActionStatus = attrs.field(default=ActionStatus.NOT_STARTED, converter=ActionStatus)
    dropped_reason: str | None = None
    success_measure: str = ""
    review_date: dt.date | None = None
    notes: str = ""
    level: ParticipationLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(ParticipationLevel)
    )
    approaches: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_slug_list)

    def __attrs_post_init__(self) -> None:
        unique(f"criteria of action {excerpt(self.id)}", self.criteria)
        unique(f"approaches of action {excerpt(self.id)}", self.approaches)
        if self.start_date is not None and self.due_date is not None and self.due_date < self.start_date:
            raise ValueError(
                f"action {excerpt(self.id)} is due on {self.due_date} but starts on {self.start_date}; "
                "the due date must be on or after the start date"
            )
        if self.status is ActionStatus.DROPPED and not (self.dropped_reason or "").strip():
            raise ValueError(f"action {excerpt(self.id)} is dropped but gives no reason; say why it was dropped")

    def overdue(self, on: dt.date) -> bool:
        """Say whether the action is overdue on a date.

        An action is overdue when its due date has passed (is before ``on``)
        and it is neither done nor dropped.
        """
        return self.status.open and self.due_date is not None and self.due_date < on


@attrs.frozen
class ActionPlan:
    """A co-produced action plan answering one or more audits of a framework.

    Attributes:
        organisation: Who the plan is for.
        framework: The framework id.
        framework_version: The framework version the audits answer.
        actions: The actions, in the order agreed.
        audits: The audits the plan answers.
        review_dates: When the whole plan will be reviewed.

    Raises:
        ValueError: If two actions share an id.
    """

    organisation: Organisation
    framework: str = attrs.field(validator=slug)
    framework_version: str = attrs.field(validator=non_blank)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=to_tuple)
    audits: tuple[AuditReference, ...] = attrs.field(default=(), converter=to_tuple)
    review_dates: tuple[dt.date, ...] = attrs.field(default=(), converter=_dates)

    def __attrs_post_init__(self) -> None:
        unique("actions", (action.id for action in self.actions))

    def action(self, action_id: str) -> Action:
        """Return the action with this id.

        Raises:
            KeyError: If the plan has no such action.
        """
        for action in self.actions:
            if action.id == action_id:
                return action
        raise KeyError(action_id)

    def actions_for(self, criterion_id: str) -> tuple[Action, ...]:
        """The actions that improve a criterion, in plan order."""
        return tuple(action for action in self.actions if criterion_id in action.criteria)

    @property
    def covered(self) -> frozenset[str]:
        """The criteria that some action not dropped improves."""
        return frozenset(
            c for action in self.actions if action.status is not ActionStatus.DROPPED for c in action.criteria
        )

    def next_review(self, on: dt.date) -> dt.date | None:
        """The first of the plan's review dates on or after ``on``, or None."""
        later = [date for date in self.review_dates if date >= on]
        return min(later) if later else None
