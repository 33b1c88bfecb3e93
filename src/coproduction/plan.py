"""Action plans: what a school and its parent carers agree to do about an audit's gaps.

An :class:`ActionPlan` holds :class:`Action` objects, each tied to the
criteria it improves. :func:`propose_plan` drafts one from an audit or a
comparison of perspectives: one proposed action per gap, in priority order,
ready to be edited and co-produced. :func:`plan_status` reports how a plan is
going on a given date.

The rules, written down in the documentation ("Action plans"):

* **Gap.** In an audit, a criterion rated with a level below the top level of
  the scale. In a comparison, a criterion that at least one perspective rates
  below the top level. "Not applicable" and unanswered criteria are not gaps.
* **Unrated.** A criterion that nobody rated with a level, but that is not
  marked "not applicable" by every perspective: it is listed apart, in
  :attr:`PlanProposal.unrated`, so the people co-producing the plan can decide
  about it; no action is proposed for it.
* **Priority.** The lowest level first (in a comparison, the lowest level any
  perspective gives); then the widest gap between perspectives, in level
  steps; then the framework's order.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from coproduction._messages import excerpt
from coproduction._validators import SLUG_MAX_LENGTH, non_blank, slug, to_tuple, unique
from coproduction.audit import Audit
from coproduction.compare import AuditReference, Comparison, PerspectiveRating
from coproduction.contributors import Contributor, check_contributor_data
from coproduction.errors import InvalidDocumentError, Problem, UnknownFrameworkError
from coproduction.framework import Framework
from coproduction.organisation import Organisation
from coproduction.scoring import check_audit

if TYPE_CHECKING:
    from coproduction.catalogue import Catalogue

__all__ = [
    "Action",
    "ActionPlan",
    "ActionStatus",
    "Gap",
    "PlanProposal",
    "PlanStatus",
    "RungTarget",
    "check_plan",
    "check_plan_data",
    "find_gaps",
    "plan_status",
    "propose_plan",
]


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

    Raises:
        ValueError: If the due date is before the start date, a dropped
            action has no reason, or a criterion is listed twice.
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

    def __attrs_post_init__(self) -> None:
        unique(f"criteria of action {self.id!r}", self.criteria)
        if self.start_date is not None and self.due_date is not None and self.due_date < self.start_date:
            raise ValueError(
                f"action {self.id!r} is due on {self.due_date} but starts on {self.start_date}; "
                "the due date must be on or after the start date"
            )
        if self.status is ActionStatus.DROPPED and not (self.dropped_reason or "").strip():
            raise ValueError(f"action {self.id!r} is dropped but gives no reason; say why it was dropped")

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


def check_plan(plan: ActionPlan, framework: Framework) -> list[Problem]:
    """List what in a plan does not fit its framework.

    Args:
        plan: The plan.
        framework: The framework version it claims to answer.

    Returns:
        Every problem, each with a JSON path into the plan document, such as
        an action naming a criterion the framework lacks; empty when the plan fits.
    """
    if plan.framework != framework.id:
        return [
            Problem(
                "framework", "wrong-framework", f"the plan is for framework {plan.framework!r}, not {framework.id!r}"
            )
        ]
    if plan.framework_version != framework.version:
        return [
            Problem(
                "framework_version",
                "wrong-framework-version",
                f"the plan answers version {plan.framework_version!r} of {framework.title}, "
                f"but version {framework.version!r} was given to check it against",
            )
        ]
    return [
        _unknown_criterion(f"actions[{i}].criteria[{j}]", action.id, criterion, framework)
        for i, action in enumerate(plan.actions)
        for j, criterion in enumerate(action.criteria)
        if not framework.has_criterion(criterion)
    ]


def _unknown_criterion(path: str, action: object, criterion: object, framework: Framework) -> Problem:
    return Problem(
        path,
        "unknown-criterion",
        f"action {excerpt(action)} names criterion {excerpt(criterion)}, which the {framework.label} does not have; "
        f"criteria look like {framework.criteria[0].id!r}",
    )


def _require_fit(plan: ActionPlan, framework: Framework) -> None:
    problems = check_plan(plan, framework)
    if problems:
        raise InvalidDocumentError("the action plan does not fit its framework", problems)


# -- gaps and proposals ------------------------------------------------------------------------


@attrs.frozen
class Gap:
    """A criterion below the top level, with what decides its priority.

    Attributes:
        criterion: The criterion id.
        section: The id of its section.
        level: The id of the lowest level given to it (by any perspective).
        step: That level's place on the scale (0 for the lowest level).
        spread: The widest gap between perspectives, in level steps (0 for
            one audit, or when the perspectives agree).
        position: The criterion's place in the framework (0 for the first).
    """

    criterion: str
    section: str
    level: str
    step: int
    spread: int
    position: int

    @property
    def priority(self) -> tuple[int, int, int]:
        """The sort key: lowest level first, then widest spread, then framework order."""
        return (self.step, -self.spread, self.position)


@attrs.frozen
class _Classified:
    gaps: tuple[Gap, ...]
    unrated: tuple[str, ...]
    not_applicable: tuple[str, ...]
    ratings: dict[str, tuple[PerspectiveRating, ...]]
    audits: tuple[AuditReference, ...]
    organisation: Organisation


def _classify(source: Audit | Comparison, framework: Framework) -> _Classified:
    if isinstance(source, Audit):
        problems = check_audit(source, framework)
        if problems:
            raise InvalidDocumentError("the audit does not fit its framework", problems)
        steps = {level.id: index for index, level in enumerate(framework.scale.levels)}
        answers = source.by_criterion()
        ratings: dict[str, tuple[PerspectiveRating, ...]] = {}
        for criterion in framework.criteria:
            response = answers.get(criterion.id)
            rating = PerspectiveRating(source.perspective)
            if response is not None:
                rating = PerspectiveRating(
                    perspective=source.perspective,
                    rating=response.rating,
                    step=None if response.rating is None else steps[response.rating],
                    not_applicable=response.not_applicable,
                    required_actions=response.required_actions,
                    next_steps=response.next_steps,
                )
            ratings[criterion.id] = (rating,)
        references: tuple[AuditReference, ...] = (AuditReference.of(source),)
    else:
        _require_comparison_fit(source, framework)
        ratings = {criterion.criterion: criterion.ratings for criterion in source.criteria}
        references = source.audits
    top = len(framework.scale.levels) - 1
    gaps, unrated, not_applicable = [], [], []
    for position, criterion in enumerate(framework.criteria):
        given = ratings.get(criterion.id, ())
        steps_given = [rating.step for rating in given if rating.step is not None]
        if not steps_given:
            if given and all(rating.not_applicable for rating in given):
                not_applicable.append(criterion.id)
            else:
                unrated.append(criterion.id)
            continue
        lowest = min(steps_given)
        if lowest < top:
            gaps.append(
                Gap(
                    criterion=criterion.id,
                    section=framework.section_of(criterion.id).id,
                    level=framework.scale.levels[lowest].id,
                    step=lowest,
                    spread=max(steps_given) - lowest,
                    position=position,
                )
            )
    gaps.sort(key=lambda gap: gap.priority)
    organisation = source.organisation
    return _Classified(tuple(gaps), tuple(unrated), tuple(not_applicable), ratings, references, organisation)


def _require_comparison_fit(comparison: Comparison, framework: Framework) -> None:
    problems = []
    if comparison.framework != framework.id:
        problems.append(
            Problem(
                "framework",
                "wrong-framework",
                f"the comparison is of framework {comparison.framework!r}, not {framework.id!r}",
            )
        )
    elif comparison.framework_version != framework.version or comparison.scale != framework.scale:
        problems.append(
            Problem(
                "framework_version",
                "wrong-framework-version",
                f"the comparison is of version {comparison.framework_version!r} of {framework.title}, "
                f"but version {framework.version!r} was given",
            )
        )
    else:
        problems.extend(
            Problem(
                f"criteria[{index}].criterion",
                "unknown-criterion",
                f"{entry.criterion!r} is not a criterion of the {framework.label}",
            )
            for index, entry in enumerate(comparison.criteria)
            if not framework.has_criterion(entry.criterion)
        )
    if problems:
        raise InvalidDocumentError("the comparison does not fit the framework", problems)


def find_gaps(source: Audit | Comparison, framework: Framework) -> tuple[Gap, ...]:
    """The gaps of an audit or a comparison, in priority order.

    Args:
        source: An audit, or a comparison of audits.
        framework: The framework version it answers.

    Returns:
        One gap per criterion below the top level (see the module's rules),
        lowest level first, then widest spread, then framework order.

    Raises:
        InvalidDocumentError: If the source does not fit the framework.
    """
    return _classify(source, framework).gaps


@attrs.frozen
class PlanProposal:
    """A drafted action plan with the reasons for each proposed action.

    Attributes:
        plan: The draft plan: one action per gap, in priority order.
        gaps: The gaps, in the same order as ``plan.actions`` (``gaps[i]`` is
            the reason for ``plan.actions[i]``).
        unrated: Criteria nobody rated with a level (and not all marked not
            applicable), in framework order; no action is proposed for them.
        not_applicable: Criteria every perspective marked not applicable, in
            framework order; left out.
    """

    plan: ActionPlan
    gaps: tuple[Gap, ...]
    unrated: tuple[str, ...]
    not_applicable: tuple[str, ...]


def propose_plan(
    source: Audit | Comparison,
    framework: Framework,
    *,
    owner: str | None = None,
    co_produced_with: Iterable[Contributor] = (),
    review_dates: Iterable[dt.date] = (),
) -> PlanProposal:
    """Draft an action plan from an audit's or a comparison's gaps.

    Each proposed action improves one gap criterion. Its ``what`` is the
    audit's required actions for that criterion (labelled by perspective for
    a comparison), or, where none were written, an invitation to agree what
    would raise the criterion to the top level; its ``notes`` carry the next
    steps written in the audit; its success measure is the criterion rated at
    the top level at the next audit. Action ids are ``improve-`` and the
    criterion id (shortened and numbered if needed to stay unique).

    Args:
        source: An audit, or a comparison of audits from several perspectives.
        framework: The framework version it answers.
        owner: An owner to give every proposed action.
        co_produced_with: Who every proposed action is co-produced with.
        review_dates: When the whole plan will be reviewed.

    Returns:
        The draft plan with the gap behind each action, and the criteria left out.

    Raises:
        InvalidDocumentError: If the source does not fit the framework.
    """
    classified = _classify(source, framework)
    partners = tuple(co_produced_with)
    labelled = not isinstance(source, Audit)
    taken: set[str] = set()
    actions = []
    for gap in classified.gaps:
        ratings = classified.ratings[gap.criterion]
        where = _where(framework, gap.criterion)
        level, top = framework.scale.levels[gap.step].name, framework.scale.highest.name
        what = _texts(ratings, "required_actions", labelled) or (
            f"Agree together what would move {where} from {level} to {top}."
        )
        every = " from every viewpoint" if labelled else ""
        actions.append(
            Action(
                id=_fresh_id(f"improve-{gap.criterion}", taken),
                what=what,
                criteria=(gap.criterion,),
                owner=owner,
                co_produced_with=partners,
                success_measure=f"{where} is rated {top}{every} at the next audit.",
                notes=_texts(ratings, "next_steps", labelled),
            )
        )
    plan = ActionPlan(
        organisation=classified.organisation,
        framework=framework.id,
        framework_version=framework.version,
        actions=tuple(actions),
        audits=classified.audits,
        review_dates=tuple(review_dates),
    )
    return PlanProposal(plan, classified.gaps, classified.unrated, classified.not_applicable)


def _where(framework: Framework, criterion_id: str) -> str:
    section = framework.section_of(criterion_id)
    number = [criterion.id for criterion in section.criteria].index(criterion_id) + 1
    return f"{section.title}, criterion {number}"


def _texts(ratings: Sequence[PerspectiveRating], field: str, labelled: bool) -> str:
    texts = [(rating.perspective, str(getattr(rating, field)).strip()) for rating in ratings]
    texts = [(perspective, text) for perspective, text in texts if text]
    if not labelled:
        return "\n".join(text for _, text in texts)
    return "\n".join(f"{perspective.label.capitalize()}: {text}" for perspective, text in texts)


def _fresh_id(candidate: str, taken: set[str]) -> str:
    base = candidate[:SLUG_MAX_LENGTH].rstrip("-")
    chosen, number = base, 2
    while chosen in taken:
        suffix = f"-{number}"
        chosen = base[: SLUG_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(chosen)
    return chosen


# -- how a plan is going -----------------------------------------------------------------------


@attrs.frozen
class PlanStatus:
    """How an action plan is going on one date.

    Build one with :func:`plan_status`.

    Attributes:
        plan: The plan.
        on: The date of the report.
        by_status: The actions of each status, in plan order; every status is
            present, in the order of :class:`ActionStatus`.
        overdue: The actions overdue on that date (due date passed, neither
            done nor dropped), earliest due first.
        uncovered: The criteria with no action: with a source audit or
            comparison, its gaps (in priority order) that no action improves;
            without one, every criterion of the framework (in framework order)
            that no action improves. Dropped actions improve nothing.
        against_gaps: True when ``uncovered`` was measured against the gaps of
            a source, False when against the whole framework.
        next_review: The plan's first review date on or after ``on``, if any.
    """

    plan: ActionPlan
    on: dt.date
    by_status: dict[ActionStatus, tuple[Action, ...]]
    overdue: tuple[Action, ...]
    uncovered: tuple[str, ...]
    against_gaps: bool
    next_review: dt.date | None

    @property
    def counts(self) -> dict[ActionStatus, int]:
        """How many actions have each status."""
        return {status: len(actions) for status, actions in self.by_status.items()}

    @property
    def done_share(self) -> float | None:
        """The share of actions not dropped that are done, or None when there are none."""
        live = len(self.plan.actions) - len(self.by_status[ActionStatus.DROPPED])
        return len(self.by_status[ActionStatus.DONE]) / live if live else None


def plan_status(
    plan: ActionPlan,
    framework: Framework,
    *,
    on: dt.date,
    source: Audit | Comparison | None = None,
) -> PlanStatus:
    """Report how a plan is going on a date.

    Args:
        plan: The plan.
        framework: The framework version it answers.
        on: The date to report on (overdue means due before this date).
        source: The audit or comparison the plan answers; when given, the
            criteria with no action are its gaps that no action improves.

    Returns:
        The actions by status, the overdue ones, and the criteria with no action.

    Raises:
        InvalidDocumentError: If an action names a criterion the framework
            does not have (the problem names the action and the criterion),
            or the plan or source is of another framework.
    """
    _require_fit(plan, framework)
    by_status = {status: tuple(a for a in plan.actions if a.status is status) for status in ActionStatus}
    overdue = sorted((a for a in plan.actions if a.overdue(on)), key=lambda a: (a.due_date or on, a.id))
    covered = plan.covered
    if source is not None:
        wanted = tuple(gap.criterion for gap in find_gaps(source, framework))
    else:
        wanted = tuple(criterion.id for criterion in framework.criteria)
    return PlanStatus(
        plan=plan,
        on=on,
        by_status=by_status,
        overdue=tuple(overdue),
        uncovered=tuple(criterion for criterion in wanted if criterion not in covered),
        against_gaps=source is not None,
        next_review=plan.next_review(on),
    )


# -- loading checks ----------------------------------------------------------------------------


def check_plan_data(data: Mapping[str, Any], catalogue: Catalogue | None = None) -> list[Problem]:
    """Check what the action plan schema cannot, with the framework and ladders from a catalogue.

    Finds: two actions with one id, a due date before the start date, a
    dropped action with no reason, a contributor of the group "other" with
    no label, a framework or version the catalogue does
    not have, a criterion the framework does not have, and a target ladder or
    rung the catalogue does not have.

    Args:
        data: A parsed action plan document (it may break its schema too).
        catalogue: Where the framework and ladders are looked up; the built-in
            catalogue when omitted.

    Returns:
        Every problem, with its JSON path; empty when none is found.
    """
    problems: list[Problem] = []
    actions = data.get("actions")
    actions = actions if isinstance(actions, list) else []
    seen: dict[str, int] = {}
    for index, action in enumerate(actions):
        if isinstance(action, dict):
            problems.extend(_check_action_data(action, index, seen))
    if catalogue is None:
        from coproduction.catalogue import default_catalogue

        catalogue = default_catalogue()
    problems.extend(_check_references(data, actions, catalogue))
    return problems


def _check_action_data(action: Mapping[str, Any], index: int, seen: dict[str, int]) -> list[Problem]:
    problems = []
    path = f"actions[{index}]"
    identifier = action.get("id")
    name = excerpt(identifier) if isinstance(identifier, str) else f"number {index + 1}"
    if isinstance(identifier, str):
        if identifier in seen:
            problems.append(
                Problem(
                    f"{path}.id",
                    "duplicate-id",
                    f"action id {identifier!r} is also used at actions[{seen[identifier]}]; "
                    "each action needs its own id",
                )
            )
        seen.setdefault(identifier, index)
    start, due = _date(action.get("start_date")), _date(action.get("due_date"))
    if start is not None and due is not None and due < start:
        problems.append(
            Problem(
                f"{path}.due_date",
                "due-before-start",
                f"action {name} is due on {due} but starts on {start}; the due date must be on or after the start date",
            )
        )
    partners = action.get("co_produced_with")
    for j, partner in enumerate(partners if isinstance(partners, list) else []):
        problems.extend(check_contributor_data(partner, f"{path}.co_produced_with[{j}]"))
    reason = action.get("dropped_reason")
    if action.get("status") == "dropped" and not (isinstance(reason, str) and reason.strip()):
        problems.append(
            Problem(
                f"{path}.dropped_reason",
                "dropped-without-reason",
                f"action {name} is dropped but gives no reason; say why it was dropped",
            )
        )
    return problems


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _check_references(data: Mapping[str, Any], actions: list[Any], catalogue: Catalogue) -> list[Problem]:
    problems: list[Problem] = []
    framework_id, version = data.get("framework"), data.get("framework_version")
    if isinstance(framework_id, str) and isinstance(version, str):
        try:
            framework = catalogue.framework(framework_id, version)
        except UnknownFrameworkError as error:
            code = error.problems[0].code if error.problems else "unknown-framework"
            problems.append(
                Problem("framework_version" if code == "unknown-version" else "framework", code, error.message)
            )
        else:
            for i, action in enumerate(actions):
                criteria = action.get("criteria") if isinstance(action, dict) else None
                for j, criterion in enumerate(criteria if isinstance(criteria, list) else []):
                    if isinstance(criterion, str) and not framework.has_criterion(criterion):
                        identifier = action.get("id", f"number {i + 1}")
                        problems.append(
                            _unknown_criterion(f"actions[{i}].criteria[{j}]", identifier, criterion, framework)
                        )
    for i, action in enumerate(actions):
        target = action.get("target") if isinstance(action, dict) else None
        if isinstance(target, dict):
            problems.extend(_check_target(target, f"actions[{i}].target", catalogue))
    return problems


def _check_target(target: Mapping[str, Any], path: str, catalogue: Catalogue) -> list[Problem]:
    ladder_id, rung = target.get("ladder"), target.get("rung")
    if not isinstance(ladder_id, str):
        return []
    try:
        ladder = catalogue.ladder(ladder_id)
    except UnknownFrameworkError as error:
        return [Problem(f"{path}.ladder", "unknown-ladder", error.message)]
    known = [r.id for r in ladder.rungs]
    if isinstance(rung, str) and rung not in known:
        return [
            Problem(
                f"{path}.rung",
                "unknown-rung",
                f"{excerpt(rung)} is not a rung of {ladder.name}; choose {', '.join(known)}",
            )
        ]
    return []
