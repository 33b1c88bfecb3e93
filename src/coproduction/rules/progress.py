"""Progress over time: one perspective followed across a series of audits."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence

import attrs

from coproduction.errors import IncomparableAuditsError, InvalidDocumentError, Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.audit import Audit, Response
from coproduction.model.comparison import AuditReference, _when
from coproduction.model.framework import Framework, Section
from coproduction.model.progress import (
    CriterionProgress,
    Progress,
    ProgressRound,
    RoundRating,
    SectionProgress,
    UnsharedCriteria,
    _movement,
)
from coproduction.rules.comparing import _audit_problems, _organisation_problems, _refuse
from coproduction.rules.scoring import score

__all__ = ["track_progress"]


def track_progress(audits: Iterable[Audit], frameworks: Framework | Iterable[Framework]) -> Progress:
    """Follow one organisation's audits from one perspective over time.

    Args:
        audits: Two or more audits of one organisation and framework from one
            perspective, each on a different date, in any order.
        frameworks: The framework version each audit answers (one framework
            when they all answer the same version).

    Returns:
        The progress report, oldest audit first.

    Raises:
        IncomparableAuditsError: If fewer than two audits are given, or they
            are about different organisations, frameworks or perspectives, two
            share a date, no framework of an audit's version is given, or the
            versions share no criterion.
        InvalidDocumentError: If an audit names a criterion or level its
            framework version does not have.
    """
    given = tuple(audits)
    versions = _versions(frameworks)
    if len(given) < 2:
        raise IncomparableAuditsError(
            "progress needs at least two audits",
            [Problem("audits", "too-few-audits", f"{len(given)} audit given; give audits from two or more dates")],
        )
    _refuse(_series_problems(given, versions), "these audits cannot be followed over time")
    problems = _audit_problems(given, versions)
    if problems:
        raise InvalidDocumentError("an audit does not fit its framework", problems)
    ordered = sorted(given, key=lambda audit: audit.date)
    used = list(dict.fromkeys(audit.framework_version for audit in ordered))
    latest = versions[ordered[-1].framework_version]
    shared = set.intersection(*({c.id for c in versions[v].criteria} for v in used))
    if not shared:
        raise IncomparableAuditsError(
            "these audits cannot be followed over time",
            [
                Problem(
                    "frameworks",
                    "no-shared-criteria",
                    f"versions {', '.join(repr(v) for v in used)} of {latest.title} have no criterion in common",
                )
            ],
        )
    unshared = tuple(
        UnsharedCriteria(version, tuple(c.id for c in versions[version].criteria if c.id not in shared))
        for version in used
        if any(c.id not in shared for c in versions[version].criteria)
    )
    sections = [
        (section, tuple(c.id for c in section.criteria if c.id in shared))
        for section in latest.sections
        if any(c.id in shared for c in section.criteria)
    ]
    restricted = {version: _restricted(versions[version], sections) for version in used}
    rounds = []
    section_scores: list[list[float | None]] = []
    values: list[dict[str, float | None]] = []
    for audit in ordered:
        framework = restricted[audit.framework_version]
        kept = tuple(response for response in audit.responses if response.criterion in shared)
        report = score(attrs.evolve(audit, responses=kept), framework)
        rounds.append(
            ProgressRound(
                audit.date, audit.framework_version, report.overall.value, report.overall.coverage, audit.completed_by
            )
        )
        section_scores.append([entry.score.value for entry in report.sections])
        normalised = framework.scale.normalised_values()
        rated = {r.criterion: normalised[r.rating] for r in kept if r.rating is not None}
        values.append({criterion: rated.get(criterion) for criterion in shared})
    criteria = []
    for section, ids in sections:
        for criterion in ids:
            ratings = tuple(_round_rating(audit.response(criterion)) for audit in ordered)
            moves = tuple(_movement(a[criterion], b[criterion]) for a, b in itertools.pairwise(values))
            criteria.append(CriterionProgress(criterion, section.id, ratings, moves))
    section_progress = []
    for index, (section, _) in enumerate(sections):
        scores = tuple(row[index] for row in section_scores)
        moves = tuple(_movement(a, b) for a, b in itertools.pairwise(scores))
        section_progress.append(SectionProgress(section.id, section.title, scores, moves))
    overall = [audit_round.score for audit_round in rounds]
    return Progress(
        framework=latest.id,
        organisation=ordered[-1].organisation,
        perspective=ordered[0].perspective,
        cycles=tuple(rounds),
        criteria=tuple(criteria),
        sections=tuple(section_progress),
        overall=tuple(_movement(a, b) for a, b in itertools.pairwise(overall)),
        unshared=unshared,
    )


def _versions(frameworks: Framework | Iterable[Framework]) -> dict[str, Framework]:
    items = [frameworks] if isinstance(frameworks, Framework) else list(frameworks)
    found: dict[str, Framework] = {}
    problems = []
    for index, framework in enumerate(items):
        if framework.id != items[0].id:
            problems.append(
                Problem(
                    f"frameworks[{index}]",
                    "wrong-framework",
                    f"{framework.label} is not a version of {items[0].title}; give versions of one framework",
                )
            )
        elif framework.version in found and found[framework.version] != framework:
            problems.append(
                Problem(
                    f"frameworks[{index}]",
                    "duplicate-version",
                    f"two different frameworks are given as version {excerpt(framework.version)}; give "
                    f"each version once",
                )
            )
        found.setdefault(framework.version, framework)
    _refuse(problems, "these frameworks cannot be used together")
    return found


def _series_problems(audits: Sequence[Audit], versions: Mapping[str, Framework]) -> list[Problem]:
    first = audits[0]
    problems = _organisation_problems(audits)
    dates: dict[dt.date, int] = {}
    framework_id = next(iter(versions.values())).id if versions else first.framework
    for index, audit in enumerate(audits):
        label = AuditReference.of(audit).label
        if audit.framework != framework_id:
            problems.append(
                Problem(
                    f"audits[{index}].framework",
                    "wrong-framework",
                    f"{label} is for framework {excerpt(audit.framework)}, not {excerpt(framework_id)}; "
                    "progress follows audits of one framework",
                )
            )
        elif audit.framework_version not in versions:
            given = ", ".join(repr(v) for v in versions) or "none"
            problems.append(
                Problem(
                    f"audits[{index}].framework_version",
                    "missing-framework",
                    f"{label} answers version {excerpt(audit.framework_version)}, but no framework of that version "
                    f"was given (versions given: {given})",
                )
            )
        if audit.perspective is not first.perspective:
            problems.append(
                Problem(
                    f"audits[{index}].perspective",
                    "different-perspective",
                    f"{label} is from another perspective than {AuditReference.of(first).label}; "
                    "progress follows one perspective; compare perspectives instead",
                )
            )
        if audit.date in dates:
            problems.append(
                Problem(
                    f"audits[{index}].date",
                    "same-date",
                    f"audits {dates[audit.date] + 1} and {index + 1} are both dated {_when(audit.date)}; "
                    "give one audit per date",
                )
            )
        dates.setdefault(audit.date, index)
    return problems


def _restricted(framework: Framework, sections: Sequence[tuple[Section, tuple[str, ...]]]) -> Framework:
    """The framework version cut down to the shared criteria, in the latest version's sections."""
    return Framework(
        id=framework.id,
        version=framework.version,
        title=framework.title,
        scale=framework.scale,
        sections=tuple(
            Section(id=section.id, title=section.title, criteria=tuple(framework.criterion(c) for c in ids))
            for section, ids in sections
        ),
        allows_not_applicable=framework.allows_not_applicable,
    )


def _round_rating(response: Response | None) -> RoundRating:
    if response is None:
        return RoundRating()
    return RoundRating(response.rating, response.not_applicable)
