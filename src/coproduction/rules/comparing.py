"""Comparing perspectives: audits of one organisation side by side, and weighted kappa."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from coproduction.errors import IncomparableAuditsError, InvalidDocumentError, Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.audit import Audit, Response
from coproduction.model.comparison import (
    Agreement,
    AuditReference,
    Comparison,
    CriterionComparison,
    PerspectiveRating,
    PerspectiveScore,
    _whose,
)
from coproduction.model.framework import Framework
from coproduction.model.organisation import Perspective
from coproduction.model.pooled import PooledView
from coproduction.rules.organisations import same_organisation
from coproduction.rules.pooling import pooled_ratings
from coproduction.rules.scoring import check_audit, score

__all__ = ["agreement_of_spreads", "compare_perspectives", "same_organisation", "weighted_kappa"]


def weighted_kappa(pairs: Iterable[tuple[int, int]]) -> float | None:
    """Cohen's kappa with linear weights, for two raters' ordered levels.

    Each pair holds the two raters' level steps for one item (0 for the
    lowest level, 1 for the next, and so on). With ``n`` pairs ``(a, b)``::

        observed disagreement  D_o = (1 / n)   * sum over items  |a - b|
        chance disagreement    D_e = (1 / n^2) * sum over all i, j  |a_i - b_j|
        kappa                      = 1 - D_o / D_e

    which is the usual ``(P_o - P_e) / (1 - P_e)`` with agreement weights
    ``1 - |i - j| / (k - 1)`` for a scale of ``k`` levels (the ``k - 1``
    cancels). It is 1 for perfect agreement, 0 for agreement no better than
    chance, and at least -1. The arithmetic is exact, so swapping the raters
    gives exactly the same value.

    Args:
        pairs: One ``(first, second)`` pair of level steps per item rated by both.

    Returns:
        Kappa, or None when it is undefined: when there are no pairs, or when
        both raters put every item at one and the same level (chance
        disagreement is 0; they agree exactly, but agreement beyond chance
        cannot be measured).

    Raises:
        ValueError: If a step is not a whole number from 0.
    """
    items = list(pairs)
    for first, second in items:
        for step in (first, second):
            if not isinstance(step, int) or isinstance(step, bool) or step < 0:
                raise ValueError(f"level steps are whole numbers from 0; got {excerpt(step)}")
    count = len(items)
    if count == 0:
        return None
    observed = sum(abs(first - second) for first, second in items)
    rows = Counter(first for first, _ in items)
    columns = Counter(second for _, second in items)
    expected = sum(rows[i] * columns[j] * abs(i - j) for i in rows for j in columns)
    if expected == 0:
        return None
    return float(1 - Fraction(observed * count, expected))


def _audit_problems(audits: Sequence[Audit | PooledView], frameworks: Mapping[str, Framework]) -> list[Problem]:
    problems: list[Problem] = []
    for index, audit in enumerate(audits):
        framework = frameworks.get(audit.framework_version)
        if framework is None:
            continue
        found = check_audit(audit, framework) if isinstance(audit, Audit) else _pool_problems(audit, framework)
        for problem in found:
            problems.append(Problem(f"audits[{index}].{problem.path}", problem.code, problem.message))
    return problems


def _pool_problems(view: PooledView, framework: Framework) -> list[Problem]:
    if view.scale != framework.scale:
        return [Problem("scale", "wrong-scale", f"the pooled view's rating scale is not that of the {framework.label}")]
    return [
        Problem(
            f"criteria[{index}].criterion",
            "unknown-criterion",
            f"{entry.criterion!r} is not a criterion of the {framework.label}",
        )
        for index, entry in enumerate(view.criteria)
        if not framework.has_criterion(entry.criterion)
    ]


def _refuse(problems: list[Problem], message: str) -> None:
    if problems:
        raise IncomparableAuditsError(message, problems)


def _organisation_problems(audits: Sequence[Audit | PooledView]) -> list[Problem]:
    first = audits[0]
    return [
        Problem(
            f"audits[{index}].organisation",
            "different-organisation",
            f"{AuditReference.of(audit).label} is about {excerpt(audit.organisation.name)}, but "
            f"{AuditReference.of(first).label} is about {excerpt(first.organisation.name)}; "
            "only audits of one organisation can be compared",
        )
        for index, audit in enumerate(audits)
        if not same_organisation(audit.organisation, first.organisation)
    ]


def compare_perspectives(audits: Iterable[Audit | PooledView], framework: Framework) -> Comparison:
    """Compare audits of one organisation from different perspectives.

    A pooled view of many respondents takes part as one perspective: its
    rating of a criterion is the median level, its scores are the pooled
    scores, and each pair it is in also gets the agreement measures that suit
    a spread of answers (``within_one_share``, ``mean_distance``; see
    docs/concepts.rst).

    Args:
        audits: Two or more audits (or pooled views) of one organisation, each
            from a different perspective, all answering ``framework``. Their
            order is the order of the perspectives in the result.
        framework: The framework version the audits answer.

    Returns:
        The comparison.

    Raises:
        IncomparableAuditsError: If fewer than two audits are given, they are
            about different organisations (by identifier when both have one,
            otherwise by name), answer a different framework or version from
            ``framework``, or two share a perspective. Every problem is
            listed, with the place ``audits[n]``.
        InvalidDocumentError: If an audit names a criterion or level the
            framework does not have.
    """
    given = tuple(audits)
    if len(given) < 2:
        raise IncomparableAuditsError(
            "a comparison needs at least two audits",
            [
                Problem(
                    "audits", "too-few-audits", f"{len(given)} audit given; give audits from two or more perspectives"
                )
            ],
        )
    problems = _framework_problems(given, framework) + _organisation_problems(given)
    seen: dict[Perspective, int] = {}
    for index, audit in enumerate(given):
        if audit.perspective in seen:
            problems.append(
                Problem(
                    f"audits[{index}].perspective",
                    "same-perspective",
                    f"audits {seen[audit.perspective] + 1} and {index + 1} both record the "
                    f"{_whose(audit.perspective)} viewpoint; compare audits from different perspectives",
                )
            )
        seen.setdefault(audit.perspective, index)
    _refuse(problems, "these audits cannot be compared")
    problems = _audit_problems(given, {framework.version: framework})
    if problems:
        raise InvalidDocumentError("an audit does not fit its framework", problems)
    steps = {level.id: index for index, level in enumerate(framework.scale.levels)}
    answers = [_ratings(source, framework, steps) for source in given]
    criteria = []
    for section in framework.sections:
        for criterion in section.criteria:
            ratings = tuple(
                answer.get(criterion.id) or PerspectiveRating(source.perspective)
                for source, answer in zip(given, answers, strict=True)
            )
            found = [rating.step for rating in ratings if rating.step is not None]
            spread = max(found) - min(found) if len(found) >= 2 else None
            criteria.append(CriterionComparison(criterion.id, section.id, ratings, spread))
    level_names = {index: level.name for index, level in enumerate(framework.scale.levels)}
    spreads = [
        _pooled_spreads(source, steps) if isinstance(source, PooledView) else _single_spreads(criteria, index)
        for index, source in enumerate(given)
    ]
    pooled = [isinstance(source, PooledView) for source in given]
    agreement = tuple(
        _with_spreads(_agreement(criteria, i, j, given, level_names), spreads[i], spreads[j], len(steps) - 1, criteria)
        if pooled[i] or pooled[j]
        else _agreement(criteria, i, j, given, level_names)
        for i in range(len(given))
        for j in range(i + 1, len(given))
    )
    return Comparison(
        framework=framework.id,
        framework_version=framework.version,
        organisation=given[0].organisation,
        scale=framework.scale,
        audits=tuple(AuditReference.of(audit) for audit in given),
        criteria=tuple(criteria),
        scores=tuple(_scores(source, framework) for source in given),
        agreement=agreement,
    )


def _framework_problems(audits: Sequence[Audit | PooledView], framework: Framework) -> list[Problem]:
    problems = []
    for index, audit in enumerate(audits):
        label = AuditReference.of(audit).label
        if audit.framework != framework.id:
            problems.append(
                Problem(
                    f"audits[{index}].framework",
                    "wrong-framework",
                    f"{label} is for framework {excerpt(audit.framework)}, not {excerpt(framework.id)}; "
                    "only audits of one framework can be compared",
                )
            )
        elif audit.framework_version != framework.version:
            problems.append(
                Problem(
                    f"audits[{index}].framework_version",
                    "wrong-framework-version",
                    f"{label} answers version {excerpt(audit.framework_version)} of {framework.title}, not version "
                    f"{excerpt(framework.version)}; compare audits of one version "
                    "(audits of different versions can be followed over time instead)",
                )
            )
    return problems


def _perspective_rating(
    perspective: Perspective, response: Response | None, steps: dict[str, int]
) -> PerspectiveRating:
    if response is None:
        return PerspectiveRating(perspective)
    return PerspectiveRating(
        perspective=perspective,
        rating=response.rating,
        step=None if response.rating is None else steps[response.rating],
        not_applicable=response.not_applicable,
        evidence=response.evidence,
        required_actions=response.required_actions,
        next_steps=response.next_steps,
    )


def _agreement(
    criteria: Sequence[CriterionComparison],
    i: int,
    j: int,
    audits: Sequence[Audit | PooledView],
    level_names: dict[int, str],
) -> Agreement:
    pairs: list[tuple[int, int]] = []
    first_higher: list[str] = []
    second_higher: list[str] = []
    for criterion in criteria:
        a, b = criterion.ratings[i].step, criterion.ratings[j].step
        if a is None or b is None:
            continue
        pairs.append((a, b))
        if a > b:
            first_higher.append(criterion.criterion)
        elif b > a:
            second_higher.append(criterion.criterion)
    compared = len(pairs)
    exact = sum(1 for a, b in pairs if a == b)
    kappa = weighted_kappa(pairs)
    note: str | None = None
    first, second = audits[i].perspective, audits[j].perspective
    if kappa is None:
        if not pairs:
            note = "no criterion was given a level from both viewpoints, so there is nothing to measure agreement on"
        else:
            note = (
                f"both viewpoints gave every criterion they both rated the same level ({level_names[pairs[0][0]]}), "
                "so they agree exactly, but agreement beyond chance cannot be measured"
            )
    return Agreement(
        first=first,
        second=second,
        compared=compared,
        exact=exact,
        exact_share=exact / compared if compared else None,
        kappa=kappa,
        kappa_note=note,
        mean_gap=float(Fraction(sum(a - b for a, b in pairs), compared)) if compared else None,
        first_higher=tuple(first_higher),
        second_higher=tuple(second_higher),
    )


def _ratings(source: Audit | PooledView, framework: Framework, steps: dict[str, int]) -> dict[str, PerspectiveRating]:
    if isinstance(source, PooledView):
        return pooled_ratings(source)
    answers = source.by_criterion()
    return {
        criterion.id: _perspective_rating(source.perspective, answers.get(criterion.id), steps)
        for criterion in framework.criteria
    }


def _scores(source: Audit | PooledView, framework: Framework) -> PerspectiveScore:
    if isinstance(source, PooledView):
        return PerspectiveScore(source.perspective, source.overall, source.sections)
    report = score(source, framework)
    return PerspectiveScore(report.perspective, report.overall, report.sections)


_Spread = dict[int, int]
"""How many respondents gave each level step (a single audit is one respondent)."""


def _pooled_spreads(source: PooledView, steps: dict[str, int]) -> dict[str, _Spread]:
    return {
        entry.criterion: {steps[level]: count for level, count in entry.counts.items() if count}
        for entry in source.criteria
        if entry.counts is not None and entry.answered
    }


def _single_spreads(criteria: Sequence[CriterionComparison], index: int) -> dict[str, _Spread]:
    return {entry.criterion: {step: 1} for entry in criteria if (step := entry.ratings[index].step) is not None}


def _with_spreads(
    agreement: Agreement,
    first: dict[str, _Spread],
    second: dict[str, _Spread],
    top: int,
    criteria: Sequence[CriterionComparison],
) -> Agreement:
    within: dict[str, Fraction] = {}
    distances: list[Fraction] = []
    for entry in criteria:
        a, b = first.get(entry.criterion), second.get(entry.criterion)
        if a is None or b is None:
            continue
        within[entry.criterion], distance = agreement_of_spreads(a, b, top)
        distances.append(distance)
    if not within:
        return attrs.evolve(agreement, within_one={})
    return attrs.evolve(
        agreement,
        within_one_share=float(sum(within.values()) / len(within)),
        mean_distance=float(sum(distances) / len(distances)),
        within_one={criterion: float(share) for criterion, share in within.items()},
    )


def agreement_of_spreads(first: Mapping[int, int], second: Mapping[int, int], top: int) -> tuple[Fraction, Fraction]:
    """How far two spreads of answers to one criterion agree.

    Args:
        first: How many respondents of one side gave each level step (a single
            audit is one respondent).
        second: The same for the other side.
        top: The highest step of the scale (levels minus one).

    Returns:
        ``(within_one, distance)``: the share of pairs of respondents, one
        from each side, whose levels are at most one step apart; and the mean
        distance between such a pair in normalised units (steps / ``top``).

    Raises:
        ValueError: If a side has no respondents or ``top`` is below 1.
    """
    pairs = sum(first.values()) * sum(second.values())
    if pairs == 0 or top < 1:
        raise ValueError("each side needs at least one respondent, and the scale at least two levels")
    near = sum(a * b for i, a in first.items() for j, b in second.items() if abs(i - j) <= 1)
    apart = sum(a * b * abs(i - j) for i, a in first.items() for j, b in second.items())
    return Fraction(near, pairs), Fraction(apart, pairs * top)
