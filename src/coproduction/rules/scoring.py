"""Rubric scoring (normative; see DESIGN.md): section and overall scores, coverage and bands."""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

from coproduction.errors import InvalidDocumentError, Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.audit import Audit, Response
from coproduction.model.framework import Criterion, Framework, RatingScale
from coproduction.model.scores import Score, ScoreReport, SectionScore

__all__ = ["check_audit", "score"]


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
                f"the audit is for framework {excerpt(audit.framework)}, not {excerpt(framework.id)}",
            )
        )
        return problems
    if audit.framework_version != framework.version:
        problems.append(
            Problem(
                "framework_version",
                "wrong-framework-version",
                f"the audit answers version {excerpt(audit.framework_version)} of {framework.title}, "
                f"but version {excerpt(framework.version)} was given to check it against",
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
            f"{excerpt(response.criterion)} is not a criterion of the {framework.label}",
        )
        return
    scale = framework.scale
    if response.rating is not None and not scale.has_level(response.rating):
        yield Problem(
            f"{path}.rating",
            "unknown-level",
            f"{excerpt(response.rating)} is not a level of the {framework.title}; choose {_level_choices(scale)}",
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
