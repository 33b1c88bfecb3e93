"""Planning: checking a plan against its framework, finding gaps, proposing a plan and its status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from coproduction.errors import InvalidDocumentError, Problem
from coproduction.model._excerpt import excerpt
from coproduction.model._validators import SLUG_MAX_LENGTH
from coproduction.model.audit import Audit
from coproduction.model.comparison import AuditReference, Comparison, PerspectiveRating
from coproduction.model.contributors import Contributor
from coproduction.model.framework import Framework
from coproduction.model.organisation import Organisation
from coproduction.model.plan import Action, ActionPlan, ActionStatus
from coproduction.model.pooled import PooledView
from coproduction.rules.pooling import pooled_ratings
from coproduction.rules.scoring import check_audit

__all__ = ["Gap", "PlanProposal", "PlanStatus", "check_plan", "find_gaps", "plan_status", "propose_plan"]


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
                "framework",
                "wrong-framework",
                f"the plan is for framework {excerpt(plan.framework)}, not {excerpt(framework.id)}",
            )
        ]
    if plan.framework_version != framework.version:
        return [
            Problem(
                "framework_version",
                "wrong-framework-version",
                f"the plan answers version {excerpt(plan.framework_version)} of {framework.title}, "
                f"but version {excerpt(framework.version)} was given to check it against",
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
        f"criteria look like {excerpt(framework.criteria[0].id)}",
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


def _classify(source: Audit | Comparison | PooledView, framework: Framework) -> _Classified:
    if isinstance(source, PooledView):
        _require_pool_fit(source, framework)
        pooled = pooled_ratings(source)
        ratings: dict[str, tuple[PerspectiveRating, ...]] = {
            criterion.id: (pooled.get(criterion.id) or PerspectiveRating(source.perspective),)
            for criterion in framework.criteria
        }
        references: tuple[AuditReference, ...] = (AuditReference.of(source),)
    elif isinstance(source, Audit):
        problems = check_audit(source, framework)
        if problems:
            raise InvalidDocumentError("the audit does not fit its framework", problems)
        steps = {level.id: index for index, level in enumerate(framework.scale.levels)}
        answers = source.by_criterion()
        ratings = {}
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
        references = (AuditReference.of(source),)
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


def _require_pool_fit(view: PooledView, framework: Framework) -> None:
    problems = []
    if view.framework != framework.id or view.framework_version != framework.version or view.scale != framework.scale:
        problems.append(
            Problem(
                "framework_version",
                "wrong-framework-version",
                f"the pooled view is of {view.framework!r} version {view.framework_version!r}, "
                f"but the {framework.label} was given",
            )
        )
    else:
        problems.extend(
            Problem(
                f"criteria[{index}].criterion",
                "unknown-criterion",
                f"{entry.criterion!r} is not a criterion of the {framework.label}",
            )
            for index, entry in enumerate(view.criteria)
            if not framework.has_criterion(entry.criterion)
        )
    if problems:
        raise InvalidDocumentError("the pooled view does not fit the framework", problems)


def _require_comparison_fit(comparison: Comparison, framework: Framework) -> None:
    problems = []
    if comparison.framework != framework.id:
        problems.append(
            Problem(
                "framework",
                "wrong-framework",
                f"the comparison is of framework {excerpt(comparison.framework)}, not {excerpt(framework.id)}",
            )
        )
    elif comparison.framework_version != framework.version or comparison.scale != framework.scale:
        problems.append(
            Problem(
                "framework_version",
                "wrong-framework-version",
                f"the comparison is of version {excerpt(comparison.framework_version)} of {framework.title}, "
                f"but version {excerpt(framework.version)} was given",
            )
        )
    else:
        problems.extend(
            Problem(
                f"criteria[{index}].criterion",
                "unknown-criterion",
                f"{excerpt(entry.criterion)} is not a criterion of the {framework.label}",
            )
            for index, entry in enumerate(comparison.criteria)
            if not framework.has_criterion(entry.criterion)
        )
    if problems:
        raise InvalidDocumentError("the comparison does not fit the framework", problems)


def find_gaps(source: Audit | Comparison | PooledView, framework: Framework) -> tuple[Gap, ...]:
    """The gaps of an audit or a comparison, in priority order.

    Args:
        source: An audit, a comparison of audits, or a pooled view (whose
            median level of each criterion is its rating).
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
    source: Audit | Comparison | PooledView,
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
        source: An audit, a comparison of audits from several perspectives, or
            a pooled view of many respondents (its median level of each
            criterion is the rating; its anonymous required actions and next
            steps are carried into the actions).
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
    labelled = isinstance(source, Comparison)
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
                success_measure=f"{where} is rated {top}{every} when it is next rated.",
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
    return f"{section.title}, statement {number}"


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
    source: Audit | Comparison | PooledView | None = None,
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
