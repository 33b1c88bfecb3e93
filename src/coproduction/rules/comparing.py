"""Comparing perspectives: audits of one organisation side by side, and weighted kappa."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

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
from coproduction.model.organisation import Organisation, Perspective
from coproduction.rules.scoring import check_audit, score

__all__ = ["compare_perspectives", "same_organisation", "weighted_kappa"]


def same_organisation(first: Organisation, second: Organisation) -> bool:
    """Say whether two records name the same organisation.

    When both have an identifier (such as a school's URN) the identifiers
    decide; otherwise the names do, ignoring capitals and extra spaces.
    """
    if first.identifier and second.identifier:
        return first.identifier.strip() == second.identifier.strip()
    return _plain(first.name) == _plain(second.name)


def _plain(name: str) -> str:
    return " ".join(name.split()).casefold()


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


def _audit_problems(audits: Sequence[Audit], frameworks: Mapping[str, Framework]) -> list[Problem]:
    problems: list[Problem] = []
    for index, audit in enumerate(audits):
        framework = frameworks.get(audit.framework_version)
        if framework is None:
            continue
        for problem in check_audit(audit, framework):
            problems.append(Problem(f"audits[{index}].{problem.path}", problem.code, problem.message))
    return problems


def _refuse(problems: list[Problem], message: str) -> None:
    if problems:
        raise IncomparableAuditsError(message, problems)


def _organisation_problems(audits: Sequence[Audit]) -> list[Problem]:
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


def compare_perspectives(audits: Iterable[Audit], framework: Framework) -> Comparison:
    """Compare audits of one organisation from different perspectives.

    Args:
        audits: Two or more audits of one organisation, each from a different
            perspective, all answering ``framework``. Their order is the
            order of the perspectives in the result.
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
    answers = [audit.by_criterion() for audit in given]
    criteria = []
    for section in framework.sections:
        for criterion in section.criteria:
            ratings = tuple(
                _perspective_rating(audit.perspective, answer.get(criterion.id), steps)
                for audit, answer in zip(given, answers, strict=True)
            )
            found = [rating.step for rating in ratings if rating.step is not None]
            spread = max(found) - min(found) if len(found) >= 2 else None
            criteria.append(CriterionComparison(criterion.id, section.id, ratings, spread))
    reports = [score(audit, framework) for audit in given]
    level_names = {index: level.name for index, level in enumerate(framework.scale.levels)}
    agreement = tuple(
        _agreement(criteria, i, j, given, level_names) for i in range(len(given)) for j in range(i + 1, len(given))
    )
    return Comparison(
        framework=framework.id,
        framework_version=framework.version,
        organisation=given[0].organisation,
        scale=framework.scale,
        audits=tuple(AuditReference.of(audit) for audit in given),
        criteria=tuple(criteria),
        scores=tuple(PerspectiveScore(r.perspective, r.overall, r.sections) for r in reports),
        agreement=agreement,
    )


def _framework_problems(audits: Sequence[Audit], framework: Framework) -> list[Problem]:
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
    audits: Sequence[Audit],
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
