"""Rubric scoring, exactly as the design defines it.

For a scale with level values ``v_min .. v_max``:

* a response's normalised value is ``(v - v_min) / (v_max - v_min)``;
* a criterion counts when it is answered with a level; "not applicable" and
  unanswered criteria do not count;
* a section score is the weighted mean of the normalised values of its counting
  criteria (criterion weight, default 1), or None when none counts;
* the overall score is the weighted mean over all counting criteria;
* coverage is answered-with-a-level divided by (criteria - not applicable); when
  every criterion is not applicable there is nothing left to answer and coverage
  is 1;
* the band of a score is the level whose normalised value is nearest, ties going
  to the higher level;
* level counts are always reported beside the scores.

Scoring needs no I/O and does not depend on the order of the responses.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

import attrs

from coproduction.audit import Audit, Response
from coproduction.errors import InvalidDocumentError, Problem
from coproduction.framework import Criterion, Framework, RatingScale
from coproduction.organisation import Organisation, Perspective

__all__ = ["Score", "ScoreReport", "SectionScore", "check_audit", "score"]


@attrs.frozen
class Score:
    """A score with the counts it was made from.

    Attributes:
        value: The weighted mean normalised rating in [0, 1], or None when no
            criterion counts.
        band: The id of the level nearest the value, or None.
        level_counts: How many criteria were rated at each level (every level
            of the scale is present, in scale order).
        criteria: How many criteria there are.
        answered: How many are answered with a level.
        not_applicable: How many are marked not applicable.
        unanswered: How many are neither.
        coverage: ``answered / (criteria - not_applicable)``, 1 when nothing applies.
    """

    value: float | None
    band: str | None
    level_counts: dict[str, int]
    criteria: int
    answered: int
    not_applicable: int
    unanswered: int
    coverage: float

    @property
    def complete(self) -> bool:
        """True when every applicable criterion is answered."""
        return self.coverage == 1.0


@attrs.frozen
class SectionScore:
    """The score of one section (quality standard).

    Attributes:
        section: The section id.
        title: The section title, for reports.
        score: Its score and counts.
    """

    section: str
    title: str
    score: Score


@attrs.frozen
class ScoreReport:
    """The scores of one audit, as a document an MIS can store.

    Attributes:
        framework: The framework id.
        framework_version: The framework version.
        organisation: Who the audit is about.
        perspective: Whose viewpoint.
        date: The audit's date.
        overall: The overall score.
        sections: One score per section, in framework order.
    """

    framework: str
    framework_version: str
    organisation: Organisation
    perspective: Perspective
    date: dt.date
    overall: Score
    sections: tuple[SectionScore, ...]

    @property
    def complete(self) -> bool:
        """True when every applicable criterion of the audit is answered."""
        return self.overall.complete


def check_audit(audit: Audit, framework: Framework) -> list[Problem]:
    """List what in an audit does not fit its framework.

    Checks the framework id and version, that every response names a criterion
    of the framework and a level of its scale, and that "not applicable" is only
    used where the framework allows it.

    Args:
        audit: The audit.
        framework: The framework it claims to answer.

    Returns:
        Every problem, each with a JSON path into the audit document; empty
        when the audit fits.
    """
    problems: list[Problem] = []
    if audit.framework != framework.id:
        problems.append(
            Problem(
                "framework",
                "wrong-framework",
                f"the audit is for framework {audit.framework!r}, not {framework.id!r}",
            )
        )
        return problems
    if audit.framework_version != framework.version:
        problems.append(
            Problem(
                "framework_version",
                "wrong-framework-version",
                f"the audit answers version {audit.framework_version!r} of {framework.title}, "
                f"but version {framework.version!r} was given to check it against",
            )
        )
        return problems
    for index, response in enumerate(audit.responses):
        problems.extend(_check_response(f"responses[{index}]", response, framework))
    return problems


def _check_response(path: str, response: Response, framework: Framework) -> Iterable[Problem]:
    if not framework.has_criterion(response.criterion):
        yield Problem(
            f"{path}.criterion",
            "unknown-criterion",
            f"{response.criterion!r} is not a criterion of the {framework.label}",
        )
        return
    scale = framework.scale
    if response.rating is not None and not scale.has_level(response.rating):
        yield Problem(
            f"{path}.rating",
            "unknown-level",
            f"{response.rating!r} is not a level of the {framework.title}; choose {_level_choices(scale)}",
        )
    if response.not_applicable and not framework.allows_not_applicable:
        yield Problem(
            f"{path}.not_applicable",
            "not-applicable-not-allowed",
            f"the {framework.title} does not allow 'not applicable'; choose a level instead",
        )


def _level_choices(scale: RatingScale) -> str:
    ids = [level.id for level in scale.levels]
    return ", ".join(ids[:-1]) + " or " + ids[-1] + f" ({scale.names()})"


def score(audit: Audit, framework: Framework) -> ScoreReport:
    """Score an audit against its framework.

    Args:
        audit: The audit, possibly incomplete.
        framework: The framework version it answers.

    Returns:
        The section and overall scores with bands, level counts and coverage.

    Raises:
        InvalidDocumentError: If the audit does not fit the framework (see
            :func:`check_audit`).
    """
    if not _fits(audit, framework):
        problems = check_audit(audit, framework)
        if problems:
            raise InvalidDocumentError("the audit does not fit its framework", problems)
    responses = audit.by_criterion()
    scale = framework.scale
    normalised = scale.normalised_values()
    sections = []
    overall = _Tally(dict.fromkeys(normalised, 0))
    for section in framework.sections:
        tally = _Tally(dict.fromkeys(normalised, 0))
        tally.add(section.criteria, responses, normalised)
        overall.merge(tally)
        sections.append(SectionScore(section.id, section.title, tally.score(scale)))
    return ScoreReport(
        framework=framework.id,
        framework_version=framework.version,
        organisation=audit.organisation,
        perspective=audit.perspective,
        date=audit.date,
        overall=overall.score(scale),
        sections=tuple(sections),
    )


def _fits(audit: Audit, framework: Framework) -> bool:
    """The common case of :func:`check_audit` in one pass: True when nothing is wrong."""
    if audit.framework != framework.id or audit.framework_version != framework.version:
        return False
    has_criterion, has_level = framework.has_criterion, framework.scale.has_level
    not_applicable_allowed = framework.allows_not_applicable
    for response in audit.responses:
        if not has_criterion(response.criterion):
            return False
        if response.rating is not None and not has_level(response.rating):
            return False
        if response.not_applicable and not not_applicable_allowed:
            return False
    return True


@attrs.define
class _Tally:
    """What a score is computed from, gathered criterion by criterion."""

    counts: dict[str, int]
    weighted: list[float] = attrs.Factory(list)
    weights: list[float] = attrs.Factory(list)
    criteria: int = 0
    not_applicable: int = 0

    def add(self, criteria: Iterable[Criterion], responses: dict[str, Response], normalised: dict[str, float]) -> None:
        counts, weighted, weights = self.counts, self.weighted, self.weights
        for criterion in criteria:
            self.criteria += 1
            response = responses.get(criterion.id)
            if response is None:
                continue
            if response.not_applicable:
                self.not_applicable += 1
            elif response.rating is not None:
                counts[response.rating] += 1
                weights.append(criterion.weight)
                weighted.append(criterion.weight * normalised[response.rating])

    def merge(self, other: _Tally) -> None:
        for level, count in other.counts.items():
            self.counts[level] += count
        self.weighted.extend(other.weighted)
        self.weights.extend(other.weights)
        self.criteria += other.criteria
        self.not_applicable += other.not_applicable

    def score(self, scale: RatingScale) -> Score:
        answered = len(self.weights)
        applicable = self.criteria - self.not_applicable
        value: float | None = None
        band: str | None = None
        if answered:
            # fsum is exactly rounded, so the mean is independent of order and monotone.
            value = min(1.0, max(0.0, math.fsum(self.weighted) / math.fsum(self.weights)))
            band = scale.band(value).id
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
