"""Pooling: many respondents' audits of one viewpoint combined into one anonymous view (see docs/concepts.rst).

Rules (normative):

- a pooled criterion's value is the mean of the normalised values of the
  respondents who rated it with a level (computed exactly, then rounded once);
- a criterion counts in the pooled scores when at least one respondent rated
  it and it is not withheld; it is not applicable when nobody rated it and at
  least one respondent marked it not applicable;
- section and overall scores are the weighted means of the counting criteria's
  pooled values, as for one audit; bands as for one audit;
- a criterion rated by fewer than ``minimum_group`` respondents is withheld:
  no counts, shares, median, value or free text, and it does not count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction

from coproduction.errors import IncomparableAuditsError, InvalidDocumentError, Problem
from coproduction.model.audit import Audit, Response
from coproduction.model.comparison import PerspectiveRating
from coproduction.model.framework import Criterion, Field, Framework, RatingScale
from coproduction.model.pooled import DEFAULT_MINIMUM_GROUP, PooledCriterion, PooledText, PooledView
from coproduction.model.scores import Score, SectionScore
from coproduction.rules.organisations import same_organisation
from coproduction.rules.scoring import check_audit

__all__ = ["pool", "pooled_ratings", "withheld_note"]

_FIELDS = (Field.EVIDENCE, Field.REQUIRED_ACTIONS, Field.NEXT_STEPS)


def withheld_note(minimum_group: int) -> str:
    """The plain-English reason a criterion's figures are withheld (for parent carers too: short, no jargon)."""
    people = "person" if minimum_group == 1 else "people"
    return (
        f"Not shown: fewer than {minimum_group} {people} rated this statement. "
        "With so few, someone could work out how one person answered."
    )


def pool(audits: Iterable[Audit], framework: Framework, *, minimum_group: int = DEFAULT_MINIMUM_GROUP) -> PooledView:
    """Pool many audits of one organisation, one framework version and one viewpoint.

    Args:
        audits: One audit per respondent, in any order (the order changes nothing).
        framework: The framework version every audit answers.
        minimum_group: The fewest respondents who must rate a criterion with a
            level before its counts, shares, median, score and free text are shown.

    Returns:
        The pooled view; it holds no names, no ``completed_by`` and nothing
        that links an answer to a respondent.

    Raises:
        IncomparableAuditsError: If no audit is given, or the audits are about
            different organisations, answer another framework or version, or
            record different viewpoints; every problem is placed at ``audits[n]``.
        InvalidDocumentError: If an audit names a criterion or level the framework lacks.
        ValueError: If ``minimum_group`` is not a whole number from 1.
    """
    if not isinstance(minimum_group, int) or isinstance(minimum_group, bool) or minimum_group < 1:
        raise ValueError(f"minimum_group must be a whole number from 1; got {minimum_group!r}")
    given = tuple(audits)
    _refuse_mixed(given, framework)
    problems = [
        Problem(f"audits[{index}].{problem.path}", problem.code, problem.message)
        for index, audit in enumerate(given)
        for problem in check_audit(audit, framework)
    ]
    if problems:
        raise InvalidDocumentError("an audit does not fit its framework", problems)
    answers = [audit.by_criterion() for audit in given]
    scale = framework.scale
    criteria = []
    overall = _Tally(scale)
    sections = []
    for section in framework.sections:
        tally = _Tally(scale)
        for criterion in section.criteria:
            responses = [answer[criterion.id] for answer in answers if criterion.id in answer]
            entry = _pool_criterion(criterion, section.id, responses, len(given), scale, minimum_group)
            criteria.append(entry)
            tally.add(criterion, entry, responses)
        overall.merge(tally)
        sections.append(SectionScore(section.id, section.title, tally.score()))
    withheld = sum(1 for entry in criteria if entry.withheld)
    return PooledView(
        framework=framework.id,
        framework_version=framework.version,
        organisation=min((audit.organisation for audit in given), key=lambda o: (o.name, o.identifier or "")),
        perspective=given[0].perspective,
        scale=scale,
        respondents=len(given),
        first_date=min(audit.date for audit in given),
        last_date=max(audit.date for audit in given),
        minimum_group=minimum_group,
        criteria=tuple(criteria),
        overall=overall.score(),
        sections=tuple(sections),
        note=_view_note(withheld, len(criteria), minimum_group),
    )


def _view_note(withheld: int, criteria: int, minimum_group: int) -> str | None:
    if not withheld:
        return None
    which = "every statement" if withheld == criteria else f"{withheld} of {criteria} statements"
    them, they = ("it", "It does") if withheld == 1 else ("them", "They do")
    return (
        f"The figures and comments for {which} are not shown: fewer than {minimum_group} people rated {them}. "
        f"With so few, someone could work out how one person answered. {they} not count in the pooled scores."
    )


def _refuse_mixed(audits: Sequence[Audit], framework: Framework) -> None:
    if not audits:
        raise IncomparableAuditsError(
            "a pooled view needs at least one audit", [Problem("audits", "too-few-audits", "no audit was given")]
        )
    first = audits[0]
    problems = []
    for index, audit in enumerate(audits):
        if audit.framework != framework.id or audit.framework_version != framework.version:
            problems.append(
                Problem(
                    f"audits[{index}].framework_version",
                    "wrong-framework-version",
                    f"answers {audit.framework!r} version {audit.framework_version!r}, not {framework.label}; "
                    "only audits of one framework version can be pooled",
                )
            )
        if not same_organisation(audit.organisation, first.organisation):
            problems.append(
                Problem(
                    f"audits[{index}].organisation",
                    "different-organisation",
                    f"is about {audit.organisation.name!r}, but the first audit is about "
                    f"{first.organisation.name!r}; only audits of one organisation can be pooled",
                )
            )
        if audit.perspective is not first.perspective:
            problems.append(
                Problem(
                    f"audits[{index}].perspective",
                    "different-perspective",
                    f"records the {audit.perspective.label} viewpoint, but the first audit records the "
                    f"{first.perspective.label} viewpoint; pool one viewpoint at a time",
                )
            )
    if problems:
        raise IncomparableAuditsError("these audits cannot be pooled", problems)


def _pool_criterion(
    criterion: Criterion,
    section: str,
    responses: Sequence[Response],
    respondents: int,
    scale: RatingScale,
    minimum_group: int,
) -> PooledCriterion:
    rated = [response.rating for response in responses if response.rating is not None]
    if len(rated) < minimum_group:
        return PooledCriterion(criterion.id, section, withheld=True, note=withheld_note(minimum_group))
    steps = {level.id: index for index, level in enumerate(scale.levels)}
    counts = dict.fromkeys(steps, 0)
    for rating in rated:
        counts[rating] += 1
    not_applicable = sum(1 for response in responses if response.not_applicable)
    value = _mean_normalised(rated, scale)
    ordered = sorted(steps[rating] for rating in rated)
    texts = sorted(
        (PooledText(field, text) for response in responses for field, text in _texts(response)),
        key=lambda item: (_FIELDS.index(item.field), item.text),
    )
    return PooledCriterion(
        criterion=criterion.id,
        section=section,
        answered=len(rated),
        not_applicable=not_applicable,
        unanswered=respondents - len(rated) - not_applicable,
        counts=counts,
        shares={level: count / len(rated) for level, count in counts.items()},
        median=scale.levels[ordered[(len(ordered) - 1) // 2]].id,
        value=value,
        band=scale.band(value).id,
        texts=tuple(texts),
    )


def _texts(response: Response) -> Iterable[tuple[Field, str]]:
    for field in _FIELDS:
        text: str = getattr(response, field.value)
        if text.strip():
            yield field, text


def _mean_normalised(ratings: Sequence[str], scale: RatingScale) -> float:
    """The mean normalised value, exact until one final rounding (so adding a higher rating never lowers it)."""
    low, high = scale.lowest.value, scale.highest.value
    total = sum(scale.level(rating).value - low for rating in ratings)
    return float(Fraction(total, len(ratings) * (high - low)))


class _Tally:
    """What a pooled section or overall score is computed from."""

    def __init__(self, scale: RatingScale) -> None:
        self.scale = scale
        self.counts = dict.fromkeys((level.id for level in scale.levels), 0)
        self.weighted: list[float] = []
        self.weights: list[float] = []
        self.criteria = 0
        self.not_applicable = 0

    def add(self, criterion: Criterion, entry: PooledCriterion, responses: Sequence[Response]) -> None:
        self.criteria += 1
        if entry.value is not None and entry.counts is not None:
            for level, count in entry.counts.items():
                self.counts[level] += count
            self.weights.append(criterion.weight)
            self.weighted.append(criterion.weight * entry.value)
        elif not any(r.rating is not None for r in responses) and any(r.not_applicable for r in responses):
            self.not_applicable += 1

    def merge(self, other: _Tally) -> None:
        for level, count in other.counts.items():
            self.counts[level] += count
        self.weighted.extend(other.weighted)
        self.weights.extend(other.weights)
        self.criteria += other.criteria
        self.not_applicable += other.not_applicable

    def score(self) -> Score:
        answered = len(self.weights)
        applicable = self.criteria - self.not_applicable
        value: float | None = None
        band: str | None = None
        if answered:
            value = min(1.0, max(0.0, math.fsum(self.weighted) / math.fsum(self.weights)))
            band = self.scale.band(value).id
        return Score(
            value=value,
            band=band,
            level_counts=dict(self.counts),
            criteria=self.criteria,
            answered=answered,
            not_applicable=self.not_applicable,
            unanswered=applicable - answered,
            coverage=answered / applicable if applicable else 1.0,
        )


def pooled_ratings(view: PooledView) -> dict[str, PerspectiveRating]:
    """Each criterion of a pooled view as one viewpoint's rating: its median level and its anonymous text.

    A withheld criterion has no rating. A criterion nobody rated is not
    applicable when some respondents marked it so.
    """
    steps = {level.id: index for index, level in enumerate(view.scale.levels)}
    ratings = {}
    for entry in view.criteria:
        texts = {field: "\n".join(t.text for t in entry.texts if t.field is field) for field in _FIELDS}
        ratings[entry.criterion] = PerspectiveRating(
            perspective=view.perspective,
            rating=entry.median,
            step=None if entry.median is None else steps[entry.median],
            not_applicable=False,
            evidence=texts[Field.EVIDENCE],
            required_actions=texts[Field.REQUIRED_ACTIONS],
            next_steps=texts[Field.NEXT_STEPS],
            pooled_value=entry.value,
            respondents=entry.answered,
        )
    return ratings
