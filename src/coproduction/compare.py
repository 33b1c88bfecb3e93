"""Comparing audits: perspectives side by side, and one perspective across audit cycles.

:func:`compare_perspectives` sets audits of one organisation and one framework version,
each from a different perspective (school staff, parent carers, children and
young people), side by side: each perspective's level of every criterion, the
gap between them in level steps, each perspective's scores, where one rates
higher than another, and how far they agree (the share of criteria in exact
agreement and a linearly weighted Cohen's kappa, see :func:`weighted_kappa`).

:func:`track_progress` follows audits of one organisation from one perspective over
time: per criterion and section, whether it improved, stayed the same or fell
back between one audit and the next, and the trend of the scores. Audits of
different versions of one framework are compared on the criteria the
versions share.

Both results are documents (kinds ``comparison`` and ``progress``): they hold
every figure a report needs as plain fields, so they can be stored as JSON and
read by a system in any language.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from coproduction._validators import non_blank, optional_slug, slug, to_tuple, unique
from coproduction.audit import Audit, Response
from coproduction.errors import IncomparableAuditsError, InvalidDocumentError, Problem
from coproduction.framework import Framework, RatingScale, Section
from coproduction.organisation import Organisation, Perspective
from coproduction.scoring import Score, SectionScore, check_audit, score

__all__ = [
    "Agreement",
    "AuditReference",
    "Comparison",
    "CriterionComparison",
    "CriterionProgress",
    "CycleRating",
    "Movement",
    "PerspectiveRating",
    "PerspectiveScore",
    "Progress",
    "ProgressCycle",
    "SectionProgress",
    "UnsharedCriteria",
    "check_comparison_data",
    "check_progress_data",
    "compare_perspectives",
    "same_organisation",
    "track_progress",
    "weighted_kappa",
]

# Two scores closer than this are the same (they are means of a few fractions).
_SAME = 1e-9


def _int_or_none(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a whole number from 0, or None")


def _count(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a whole number from 0; got {value!r}")


def _slugs(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        slug(instance, attribute, item)
    unique(f"entries of {type(instance).__name__}.{attribute.name}", value)


def _when(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


_POSSESSIVE = {
    Perspective.SCHOOL_STAFF: "school staff's",
    Perspective.PARENT_CARERS: "parent carers'",
    Perspective.CHILDREN_AND_YOUNG_PEOPLE: "children and young people's",
    Perspective.JOINT: "joint",
}


def _whose(perspective: Perspective) -> str:
    return _POSSESSIVE[perspective]


# -- shared ----------------------------------------------------------------------------------


@attrs.frozen
class AuditReference:
    """Which audit a comparison, progress report or action plan was built from.

    Within one organisation and framework, an audit is known by whose
    viewpoint it records and its date.

    Attributes:
        perspective: Whose viewpoint the audit records.
        date: The audit's date.
        completed_by: Who filled it in, if recorded.
    """

    perspective: Perspective = attrs.field(converter=Perspective)
    date: dt.date
    completed_by: str | None = None

    @classmethod
    def of(cls, audit: Audit) -> AuditReference:
        """The reference to an audit."""
        return cls(audit.perspective, audit.date, audit.completed_by)

    def refers_to(self, audit: Audit) -> bool:
        """Say whether this reference names ``audit`` (same perspective and date)."""
        return audit.perspective is self.perspective and audit.date == self.date

    @property
    def label(self) -> str:
        """A plain-English name, such as "the parent carers' audit of 14 March 2025"."""
        return f"the {_whose(self.perspective)} audit of {_when(self.date)}"


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
                raise ValueError(f"level steps are whole numbers from 0; got {step!r}")
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
            f"{AuditReference.of(audit).label} is about {audit.organisation.name!r}, but "
            f"{AuditReference.of(first).label} is about {first.organisation.name!r}; "
            "only audits of one organisation can be compared",
        )
        for index, audit in enumerate(audits)
        if not same_organisation(audit.organisation, first.organisation)
    ]


# -- comparing perspectives --------------------------------------------------------------------


@attrs.frozen
class PerspectiveRating:
    """One perspective's answer to one criterion, as compared.

    Attributes:
        perspective: Whose answer it is.
        rating: The id of the level given, or None when not rated.
        step: The level's place on the scale (0 for the lowest level, 1 for
            the next ...), or None when not rated.
        not_applicable: True when this perspective marked the criterion not
            applicable.
        evidence: The evidence given (free text).
        required_actions: The required actions written (free text).
        next_steps: The next steps written (free text).

    Raises:
        ValueError: If rating and step are not both given or both None, or a
            rated criterion is also marked not applicable.
    """

    perspective: Perspective = attrs.field(converter=Perspective)
    rating: str | None = attrs.field(default=None, validator=optional_slug)
    step: int | None = attrs.field(default=None, validator=_int_or_none)
    not_applicable: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    evidence: str = ""
    required_actions: str = ""
    next_steps: str = ""

    def __attrs_post_init__(self) -> None:
        if (self.rating is None) != (self.step is None):
            raise ValueError(
                f"the {_whose(self.perspective)} rating needs both a level and its step, or neither; "
                f"got level {self.rating!r} and step {self.step!r}"
            )
        if self.rating is not None and self.not_applicable:
            raise ValueError(f"the {_whose(self.perspective)} rating is a level and also not applicable; choose one")

    @property
    def rated(self) -> bool:
        """True when a level was given."""
        return self.step is not None


@attrs.frozen
class CriterionComparison:
    """One criterion as every perspective rated it.

    Attributes:
        criterion: The criterion id.
        section: The id of its section.
        ratings: One rating per perspective, in the comparison's order.
        spread: The widest gap between the perspectives that gave a level,
            in level steps (0 when they agree); None when fewer than two gave
            a level.

    Raises:
        ValueError: If a perspective appears twice or the spread is not the
            widest gap between the steps.
    """

    criterion: str = attrs.field(validator=slug)
    section: str = attrs.field(validator=slug)
    ratings: tuple[PerspectiveRating, ...] = attrs.field(converter=to_tuple)
    spread: int | None = attrs.field(validator=_int_or_none)

    def __attrs_post_init__(self) -> None:
        unique("ratings of criterion " + repr(self.criterion), (r.perspective.value for r in self.ratings))
        steps = [rating.step for rating in self.ratings if rating.step is not None]
        expected = max(steps) - min(steps) if len(steps) >= 2 else None
        if self.spread != expected:
            raise ValueError(
                f"criterion {self.criterion!r} has spread {self.spread!r}, but its ratings are {expected!r} steps apart"
            )

    def rating(self, perspective: Perspective | str) -> PerspectiveRating:
        """Return one perspective's rating.

        Raises:
            KeyError: If that perspective is not compared.
        """
        wanted = Perspective(perspective)
        for rating in self.ratings:
            if rating.perspective is wanted:
                return rating
        raise KeyError(wanted.value)

    def gap(self, first: Perspective | str, second: Perspective | str) -> int | None:
        """How many level steps ``first`` rates this above ``second`` (negative when below).

        Returns:
            The difference in steps, or None unless both gave a level.

        Raises:
            KeyError: If either perspective is not compared.
        """
        a, b = self.rating(first).step, self.rating(second).step
        return None if a is None or b is None else a - b

    @property
    def rated(self) -> tuple[PerspectiveRating, ...]:
        """The ratings that give a level."""
        return tuple(rating for rating in self.ratings if rating.rated)

    @property
    def lowest_step(self) -> int | None:
        """The lowest step any perspective gave, or None when none gave a level."""
        steps = [rating.step for rating in self.ratings if rating.step is not None]
        return min(steps) if steps else None

    @property
    def agreed(self) -> bool:
        """True when at least two perspectives gave a level and all gave the same one."""
        return self.spread == 0


@attrs.frozen
class PerspectiveScore:
    """One perspective's scores, as :func:`~coproduction.score` gives them.

    Attributes:
        perspective: Whose scores.
        overall: The overall score.
        sections: One score per section, in framework order.
    """

    perspective: Perspective = attrs.field(converter=Perspective)
    overall: Score
    sections: tuple[SectionScore, ...] = attrs.field(converter=to_tuple)

    def section(self, section_id: str) -> SectionScore:
        """Return the score of one section.

        Raises:
            KeyError: If there is no such section.
        """
        for section in self.sections:
            if section.section == section_id:
                return section
        raise KeyError(section_id)


@attrs.frozen
class Agreement:
    """How far two perspectives agree.

    Only criteria that both perspectives rated with a level are compared;
    "not applicable" and unanswered criteria are left out. Every criterion
    counts once, whatever its weight.

    Attributes:
        first: One perspective.
        second: The other.
        compared: How many criteria both rated with a level.
        exact: How many of those both rated at the same level.
        exact_share: ``exact / compared``, or None when nothing was compared.
        kappa: Linearly weighted Cohen's kappa (see
            :func:`~coproduction.compare.weighted_kappa`), or None when undefined.
        kappa_note: Why kappa is None, in plain English; None when it has a value.
        mean_gap: The mean of (first's step - second's step) over the
            compared criteria: how many levels higher ``first`` rates on
            average (negative when lower); None when nothing was compared.
        first_higher: The criteria ``first`` rates higher than ``second``, in
            framework order.
        second_higher: The criteria ``second`` rates higher than ``first``.

    Raises:
        ValueError: If the counts do not add up.
    """

    first: Perspective = attrs.field(converter=Perspective)
    second: Perspective = attrs.field(converter=Perspective)
    compared: int = attrs.field(validator=_count)
    exact: int = attrs.field(validator=_count)
    exact_share: float | None
    kappa: float | None
    kappa_note: str | None
    mean_gap: float | None
    first_higher: tuple[str, ...] = attrs.field(converter=to_tuple, validator=_slugs)
    second_higher: tuple[str, ...] = attrs.field(converter=to_tuple, validator=_slugs)

    def __attrs_post_init__(self) -> None:
        who = f"the agreement of {self.first.label} and {self.second.label}"
        if self.first is self.second:
            raise ValueError(f"{who} compares a perspective with itself")
        if self.exact + len(self.first_higher) + len(self.second_higher) != self.compared:
            raise ValueError(
                f"{who} compares {self.compared} criteria, but {self.exact} agree exactly, "
                f"{len(self.first_higher)} are higher one way and {len(self.second_higher)} the other"
            )
        if set(self.first_higher) & set(self.second_higher):
            raise ValueError(f"{who} lists a criterion as higher both ways")
        if (self.exact_share is None) != (self.compared == 0) or (self.mean_gap is None) != (self.compared == 0):
            raise ValueError(f"{who} must give an exact share and mean gap exactly when criteria were compared")
        if (self.kappa is None) == (self.kappa_note is None):
            raise ValueError(f"{who} must give either a kappa or the reason there is none")

    def mirrored(self) -> Agreement:
        """The same figures seen from the other side (``second`` first)."""
        return Agreement(
            first=self.second,
            second=self.first,
            compared=self.compared,
            exact=self.exact,
            exact_share=self.exact_share,
            kappa=self.kappa,
            kappa_note=self.kappa_note,
            mean_gap=None if self.mean_gap is None else -self.mean_gap + 0.0,
            first_higher=self.second_higher,
            second_higher=self.first_higher,
        )


@attrs.frozen
class Comparison:
    """Audits of one organisation and framework version from two or more perspectives, side by side.

    Build one with :func:`compare_perspectives`. The perspectives keep the order the
    audits were given in; ``agreement`` holds one entry per pair of
    perspectives: (1st, 2nd), (1st, 3rd) ... (2nd, 3rd) ...

    Attributes:
        framework: The framework id.
        framework_version: The framework version the audits answer.
        organisation: Who the audits are about.
        scale: The framework's rating scale, so that levels and steps can be
            read without the framework.
        audits: The audits compared, one per perspective.
        criteria: Every criterion of the framework, in framework order.
        scores: Each perspective's scores, in the order of ``audits``.
        agreement: The agreement of each pair of perspectives.

    Raises:
        ValueError: If the parts do not fit together (a perspective twice, a
            rating of a level the scale lacks or with the wrong step, ratings
            or scores not in the order of the audits, agreement pairs missing).
    """

    framework: str = attrs.field(validator=slug)
    framework_version: str = attrs.field(validator=non_blank)
    organisation: Organisation
    scale: RatingScale
    audits: tuple[AuditReference, ...] = attrs.field(converter=to_tuple)
    criteria: tuple[CriterionComparison, ...] = attrs.field(converter=to_tuple)
    scores: tuple[PerspectiveScore, ...] = attrs.field(converter=to_tuple)
    agreement: tuple[Agreement, ...] = attrs.field(converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        order = tuple(reference.perspective for reference in self.audits)
        if len(order) < 2:
            raise ValueError("a comparison needs audits from at least two perspectives")
        unique("audits compared", (perspective.value for perspective in order))
        unique("compared criteria", (criterion.criterion for criterion in self.criteria))
        steps = {level.id: index for index, level in enumerate(self.scale.levels)}
        for criterion in self.criteria:
            if tuple(rating.perspective for rating in criterion.ratings) != order:
                raise ValueError(
                    f"the ratings of criterion {criterion.criterion!r} are not one per audit, "
                    "in the order of the audits"
                )
            for rating in criterion.ratings:
                if rating.rating is not None and steps.get(rating.rating) != rating.step:
                    raise ValueError(
                        f"criterion {criterion.criterion!r} is rated {rating.rating!r} by {rating.perspective.label}, "
                        f"which is not step {rating.step} of the scale {self.scale.id!r}"
                    )
        if tuple(entry.perspective for entry in self.scores) != order:
            raise ValueError("the scores are not one per audit, in the order of the audits")
        pairs = tuple((a, b) for i, a in enumerate(order) for b in order[i + 1 :])
        if tuple((entry.first, entry.second) for entry in self.agreement) != pairs:
            raise ValueError("the agreement figures are not one per pair of perspectives, in the order of the audits")

    @property
    def perspectives(self) -> tuple[Perspective, ...]:
        """The perspectives compared, in order."""
        return tuple(reference.perspective for reference in self.audits)

    def criterion(self, criterion_id: str) -> CriterionComparison:
        """Return one criterion's comparison.

        Raises:
            KeyError: If the comparison has no such criterion.
        """
        for criterion in self.criteria:
            if criterion.criterion == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def scores_of(self, perspective: Perspective | str) -> PerspectiveScore:
        """Return one perspective's scores.

        Raises:
            KeyError: If that perspective is not compared.
        """
        wanted = Perspective(perspective)
        for entry in self.scores:
            if entry.perspective is wanted:
                return entry
        raise KeyError(wanted.value)

    def agreement_between(self, first: Perspective | str, second: Perspective | str) -> Agreement:
        """Return the agreement of two perspectives, seen from ``first``.

        Raises:
            KeyError: If either perspective is not compared, or they are the same.
        """
        a, b = Perspective(first), Perspective(second)
        for entry in self.agreement:
            if (entry.first, entry.second) == (a, b):
                return entry
            if (entry.first, entry.second) == (b, a):
                return entry.mirrored()
        raise KeyError(f"{a.value} and {b.value}")

    def higher(self, first: Perspective | str, second: Perspective | str) -> tuple[CriterionComparison, ...]:
        """The criteria ``first`` rates higher than ``second``, in framework order.

        Raises:
            KeyError: If either perspective is not compared.
        """
        ids = set(self.agreement_between(first, second).first_higher)
        return tuple(criterion for criterion in self.criteria if criterion.criterion in ids)

    def _between(self, first: Perspective, second: Perspective) -> tuple[CriterionComparison, ...]:
        if first not in self.perspectives or second not in self.perspectives:
            return ()
        return self.higher(first, second)

    @property
    def blind_spots(self) -> tuple[CriterionComparison, ...]:
        """The criteria school staff rate higher than parent carers do.

        Empty unless both school staff and parent carers are compared.
        """
        return self._between(Perspective.SCHOOL_STAFF, Perspective.PARENT_CARERS)

    @property
    def hidden_strengths(self) -> tuple[CriterionComparison, ...]:
        """The criteria parent carers rate higher than school staff do.

        Empty unless both school staff and parent carers are compared.
        """
        return self._between(Perspective.PARENT_CARERS, Perspective.SCHOOL_STAFF)

    @property
    def disagreements(self) -> tuple[CriterionComparison, ...]:
        """The criteria that perspectives rated at different levels, widest gap first.

        Criteria of equal spread keep framework order.
        """
        found = [criterion for criterion in self.criteria if criterion.spread]
        return tuple(sorted(found, key=lambda criterion: -(criterion.spread or 0)))


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
                    f"{label} is for framework {audit.framework!r}, not {framework.id!r}; "
                    "only audits of one framework can be compared",
                )
            )
        elif audit.framework_version != framework.version:
            problems.append(
                Problem(
                    f"audits[{index}].framework_version",
                    "wrong-framework-version",
                    f"{label} answers version {audit.framework_version!r} of {framework.title}, not version "
                    f"{framework.version!r}; compare audits of one version "
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


# -- progress across cycles --------------------------------------------------------------------


class Movement(enum.Enum):
    """How a criterion, section or overall score moved from one audit to the next."""

    IMPROVED = "improved"
    SAME = "same"
    FELL_BACK = "fell-back"
    NEWLY_RATED = "newly-rated"
    NO_LONGER_RATED = "no-longer-rated"
    NOT_RATED = "not-rated"

    @property
    def label(self) -> str:
        """The plain-English name, such as "fell back"."""
        return _MOVEMENT_LABELS[self]


_MOVEMENT_LABELS = {
    Movement.IMPROVED: "improved",
    Movement.SAME: "stayed the same",
    Movement.FELL_BACK: "fell back",
    Movement.NEWLY_RATED: "rated for the first time",
    Movement.NO_LONGER_RATED: "no longer rated",
    Movement.NOT_RATED: "not rated",
}


def _movement(before: float | None, after: float | None) -> Movement:
    if before is None:
        return Movement.NOT_RATED if after is None else Movement.NEWLY_RATED
    if after is None:
        return Movement.NO_LONGER_RATED
    if abs(after - before) <= _SAME:
        return Movement.SAME
    return Movement.IMPROVED if after > before else Movement.FELL_BACK


def _movements(values: Iterable[Movement | str]) -> tuple[Movement, ...]:
    return tuple(Movement(value) for value in values)


def _fraction(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a number from 0 to 1; got {value!r}")


def _fraction_or_none(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _fraction(instance, attribute, value)


def _fractions(instance: Any, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        _fraction_or_none(instance, attribute, item)


@attrs.frozen
class CycleRating:
    """A criterion's answer in one audit of a series.

    Attributes:
        rating: The id of the level given, or None when not rated.
        not_applicable: True when marked not applicable.

    Raises:
        ValueError: If rated and also marked not applicable.
    """

    rating: str | None = attrs.field(default=None, validator=optional_slug)
    not_applicable: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.rating is not None and self.not_applicable:
            raise ValueError(f"a criterion is rated {self.rating!r} and also not applicable; choose one")


@attrs.frozen
class ProgressCycle:
    """One audit of a series, with its overall score on the criteria every audit shares.

    Attributes:
        date: The audit's date.
        framework_version: The framework version it answers.
        score: The overall score on the shared criteria (from 0 to 1), or
            None when none of them was rated.
        coverage: The share of the shared criteria that apply and were rated
            (as :attr:`Score.coverage <coproduction.Score>`).
        completed_by: Who filled it in, if recorded.
    """

    date: dt.date
    framework_version: str = attrs.field(validator=non_blank)
    score: float | None = attrs.field(validator=_fraction_or_none)
    coverage: float = attrs.field(validator=_fraction)
    completed_by: str | None = None


@attrs.frozen
class CriterionProgress:
    """One criterion across a series of audits.

    Attributes:
        criterion: The criterion id.
        section: The id of its section (in the latest framework version).
        ratings: Its answer in each audit, oldest first.
        movements: How it moved from each audit to the next (one fewer than
            the audits).

    Raises:
        ValueError: If there is not one movement fewer than ratings.
    """

    criterion: str = attrs.field(validator=slug)
    section: str = attrs.field(validator=slug)
    ratings: tuple[CycleRating, ...] = attrs.field(converter=to_tuple)
    movements: tuple[Movement, ...] = attrs.field(converter=_movements)

    def __attrs_post_init__(self) -> None:
        if len(self.movements) != len(self.ratings) - 1:
            raise ValueError(
                f"criterion {self.criterion!r} has {len(self.ratings)} ratings and {len(self.movements)} "
                "movements; there is one movement between each two audits"
            )

    @property
    def latest(self) -> Movement | None:
        """The movement from the last-but-one audit to the last, or None with one audit."""
        return self.movements[-1] if self.movements else None


@attrs.frozen
class SectionProgress:
    """One section across a series of audits.

    Attributes:
        section: The section id.
        title: Its title, for reports.
        scores: Its score on the shared criteria in each audit, oldest first
            (None where none of them was rated).
        movements: How its score moved from each audit to the next.

    Raises:
        ValueError: If there is not one movement fewer than scores.
    """

    section: str = attrs.field(validator=slug)
    title: str
    scores: tuple[float | None, ...] = attrs.field(converter=to_tuple, validator=_fractions)
    movements: tuple[Movement, ...] = attrs.field(converter=_movements)

    def __attrs_post_init__(self) -> None:
        if len(self.movements) != len(self.scores) - 1:
            raise ValueError(
                f"section {self.section!r} has {len(self.scores)} scores and {len(self.movements)} "
                "movements; there is one movement between each two audits"
            )

    @property
    def trend(self) -> Movement:
        """Whether the section's score improved, stayed the same or fell back, first audit to latest."""
        return _movement(self.scores[0], self.scores[-1]) if self.scores else Movement.NOT_RATED

    @property
    def change(self) -> float | None:
        """The latest score minus the first, or None unless both audits have a score."""
        first, last = (self.scores[0], self.scores[-1]) if self.scores else (None, None)
        return None if first is None or last is None else last - first

    @property
    def latest(self) -> Movement | None:
        """The movement from the last-but-one audit to the last, or None with one audit."""
        return self.movements[-1] if self.movements else None


@attrs.frozen
class UnsharedCriteria:
    """Criteria of one framework version that some other version in the series lacks.

    Attributes:
        framework_version: The version.
        criteria: Its criteria that are not in every version compared, in its order.
    """

    framework_version: str = attrs.field(validator=non_blank)
    criteria: tuple[str, ...] = attrs.field(converter=to_tuple, validator=_slugs)


@attrs.frozen
class Progress:
    """Audits of one organisation from one perspective over time.

    Build one with :func:`track_progress`. Everything is measured on the criteria
    that every framework version in the series shares (all of them when the
    audits answer one version); ``unshared`` names the rest. Sections follow
    the latest version.

    Attributes:
        framework: The framework id.
        organisation: Who the audits are about.
        perspective: Whose viewpoint they record.
        cycles: The audits, oldest first, with their overall scores.
        criteria: Each shared criterion's answers and movements.
        sections: Each section's movements.
        overall: How the overall score moved from each audit to the next.
        unshared: For each version with criteria that another version lacks,
            those criteria; empty when the versions share every criterion.

    Raises:
        ValueError: If the parts do not fit together (dates not increasing,
            counts that do not match the number of audits, a criterion in a
            section not listed).
    """

    framework: str = attrs.field(validator=slug)
    organisation: Organisation
    perspective: Perspective = attrs.field(converter=Perspective)
    cycles: tuple[ProgressCycle, ...] = attrs.field(converter=to_tuple)
    criteria: tuple[CriterionProgress, ...] = attrs.field(converter=to_tuple)
    sections: tuple[SectionProgress, ...] = attrs.field(converter=to_tuple)
    overall: tuple[Movement, ...] = attrs.field(converter=_movements)
    unshared: tuple[UnsharedCriteria, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        count = len(self.cycles)
        if count < 2:
            raise ValueError("progress needs audits from at least two dates")
        dates = [cycle.date for cycle in self.cycles]
        if any(later <= earlier for earlier, later in itertools.pairwise(dates)):
            raise ValueError("the audits of a progress report must be in date order, one per date")
        unique("criteria", (criterion.criterion for criterion in self.criteria))
        unique("sections", (section.section for section in self.sections))
        unique("framework versions of unshared criteria", (entry.framework_version for entry in self.unshared))
        section_ids = tuple(section.section for section in self.sections)
        for criterion in self.criteria:
            if len(criterion.ratings) != count:
                raise ValueError(f"criterion {criterion.criterion!r} needs one rating for each of the {count} audits")
            if criterion.section not in section_ids:
                raise ValueError(f"criterion {criterion.criterion!r} names section {criterion.section!r}, not listed")
        for section in self.sections:
            if len(section.scores) != count:
                raise ValueError(f"section {section.section!r} needs one score for each of the {count} audits")
        if len(self.overall) != count - 1:
            raise ValueError("the overall score needs one movement between each two audits")

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The audits' dates, oldest first."""
        return tuple(cycle.date for cycle in self.cycles)

    @property
    def scores(self) -> tuple[float | None, ...]:
        """The overall score of each audit, oldest first (None where nothing was rated)."""
        return tuple(cycle.score for cycle in self.cycles)

    def section(self, section_id: str) -> SectionProgress:
        """Return one section's progress.

        Raises:
            KeyError: If there is no such section (or it holds no shared criterion).
        """
        for section in self.sections:
            if section.section == section_id:
                return section
        raise KeyError(section_id)

    @property
    def change(self) -> float | None:
        """The overall score of the latest audit minus that of the first.

        None unless both the first and the latest audit have an overall score.
        """
        first, last = self.scores[0], self.scores[-1]
        return None if first is None or last is None else last - first

    @property
    def trend(self) -> Movement:
        """Whether the overall score improved, stayed the same or fell back, earliest to latest.

        Compares the first and last audits' overall scores, as a movement.
        """
        return _movement(self.scores[0], self.scores[-1])

    def criterion(self, criterion_id: str) -> CriterionProgress:
        """Return one criterion's progress.

        Raises:
            KeyError: If the criterion is not in the report (or not shared by every version).
        """
        for criterion in self.criteria:
            if criterion.criterion == criterion_id:
                return criterion
        raise KeyError(criterion_id)

    def movement_counts(self, step: int = -1) -> dict[Movement, int]:
        """How many criteria made each movement between two neighbouring audits.

        Args:
            step: Which step between audits: 0 for the first to the second,
                -1 (the default) for the last-but-one to the last.

        Returns:
            A count for every movement, in the order of :class:`Movement`.
        """
        counts = dict.fromkeys(Movement, 0)
        for criterion in self.criteria:
            counts[criterion.movements[step]] += 1
        return counts

    def criteria_that(self, movement: Movement | str, step: int = -1) -> tuple[CriterionProgress, ...]:
        """The criteria that made one movement between two neighbouring audits (see :meth:`movement_counts`)."""
        wanted = Movement(movement)
        return tuple(criterion for criterion in self.criteria if criterion.movements[step] is wanted)


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
    cycles = []
    section_scores: list[list[float | None]] = []
    values: list[dict[str, float | None]] = []
    for audit in ordered:
        framework = restricted[audit.framework_version]
        kept = tuple(response for response in audit.responses if response.criterion in shared)
        report = score(attrs.evolve(audit, responses=kept), framework)
        cycles.append(
            ProgressCycle(
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
            ratings = tuple(_cycle_rating(audit.response(criterion)) for audit in ordered)
            moves = tuple(_movement(a[criterion], b[criterion]) for a, b in itertools.pairwise(values))
            criteria.append(CriterionProgress(criterion, section.id, ratings, moves))
    section_progress = []
    for index, (section, _) in enumerate(sections):
        scores = tuple(row[index] for row in section_scores)
        moves = tuple(_movement(a, b) for a, b in itertools.pairwise(scores))
        section_progress.append(SectionProgress(section.id, section.title, scores, moves))
    overall = [cycle.score for cycle in cycles]
    return Progress(
        framework=latest.id,
        organisation=ordered[-1].organisation,
        perspective=ordered[0].perspective,
        cycles=tuple(cycles),
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
                    f"two different frameworks are given as version {framework.version!r}; give each version once",
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
                    f"{label} is for framework {audit.framework!r}, not {framework_id!r}; "
                    "progress follows audits of one framework",
                )
            )
        elif audit.framework_version not in versions:
            given = ", ".join(repr(v) for v in versions) or "none"
            problems.append(
                Problem(
                    f"audits[{index}].framework_version",
                    "missing-framework",
                    f"{label} answers version {audit.framework_version!r}, but no framework of that version "
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


def _cycle_rating(response: Response | None) -> CycleRating:
    if response is None:
        return CycleRating()
    return CycleRating(response.rating, response.not_applicable)


# -- loading checks ----------------------------------------------------------------------------


def check_comparison_data(data: Mapping[str, Any]) -> list[Problem]:
    """Check what the comparison schema cannot: levels, steps and perspectives fit together.

    Args:
        data: A parsed comparison document (it may break its schema too).

    Returns:
        Every problem, with its JSON path; empty when none is found.
    """
    problems: list[Problem] = []
    scale = data.get("scale")
    levels = scale.get("levels") if isinstance(scale, dict) else None
    steps = (
        {level.get("id"): index for index, level in enumerate(levels) if isinstance(level, dict)}
        if isinstance(levels, list)
        else None
    )
    audits = data.get("audits")
    order = [_get(a, "perspective") for a in audits] if isinstance(audits, list) else None
    if order is not None:
        problems.extend(_repeats(order, "audits", "perspective", "same-perspective", "perspective"))
    criteria = data.get("criteria")
    if isinstance(criteria, list):
        problems.extend(_repeats([_get(c, "criterion") for c in criteria], "criteria", "criterion"))
        for i, criterion in enumerate(criteria):
            ratings = criterion.get("ratings") if isinstance(criterion, dict) else None
            if not isinstance(ratings, list):
                continue
            path = f"criteria[{i}].ratings"
            if order is not None and [r.get("perspective") if isinstance(r, dict) else None for r in ratings] != order:
                problems.append(
                    Problem(
                        path, "perspective-mismatch", "give one rating per audit compared, in the order of 'audits'"
                    )
                )
            for j, rating in enumerate(ratings):
                if not isinstance(rating, dict) or steps is None:
                    continue
                level, step = rating.get("rating"), rating.get("step")
                if isinstance(level, str) and level not in steps:
                    known = ", ".join(str(key) for key in steps)
                    problems.append(
                        Problem(
                            f"{path}[{j}].rating",
                            "unknown-level",
                            f"{level!r} is not a level of the comparison's scale; choose {known}",
                        )
                    )
                elif isinstance(level, str) and step != steps[level]:
                    problems.append(
                        Problem(
                            f"{path}[{j}].step",
                            "step-mismatch",
                            f"level {level!r} is step {steps[level]} of the scale (0 is the lowest), not {step!r}",
                        )
                    )
    for key in ("scores", "agreement"):
        entries = data.get(key)
        if order is None or not isinstance(entries, list):
            continue
        if key == "scores":
            found = [e.get("perspective") if isinstance(e, dict) else None for e in entries]
            wanted: list[Any] = order
        else:
            found = [[e.get("first"), e.get("second")] if isinstance(e, dict) else None for e in entries]
            wanted = [[a, b] for i, a in enumerate(order) for b in order[i + 1 :]]
        if found != wanted:
            what = "one score per audit" if key == "scores" else "one entry per pair of audits"
            problems.append(Problem(key, "perspective-mismatch", f"give {what}, in the order of 'audits'"))
    return problems


def check_progress_data(data: Mapping[str, Any]) -> list[Problem]:
    """Check what the progress schema cannot: dates in order and one entry per audit.

    Args:
        data: A parsed progress document (it may break its schema too).

    Returns:
        Every problem, with its JSON path; empty when none is found.
    """
    problems: list[Problem] = []
    cycles = data.get("cycles")
    if not isinstance(cycles, list):
        return problems
    count = len(cycles)
    dates = [cycle.get("date") if isinstance(cycle, dict) else None for cycle in cycles]
    for index in range(1, count):
        before, after = dates[index - 1], dates[index]
        if isinstance(before, str) and isinstance(after, str) and after <= before:
            problems.append(
                Problem(
                    f"cycles[{index}].date",
                    "dates-out-of-order",
                    f"{after} does not come after {before}; list the audits oldest first, one per date",
                )
            )
    criteria = data.get("criteria")
    if isinstance(criteria, list):
        problems.extend(_repeats([_get(c, "criterion") for c in criteria], "criteria", "criterion"))
        for i, criterion in enumerate(criteria):
            if not isinstance(criterion, dict):
                continue
            problems.extend(_counted(criterion.get("ratings"), count, f"criteria[{i}].ratings", "ratings"))
            problems.extend(_counted(criterion.get("movements"), count - 1, f"criteria[{i}].movements", "movements"))
    sections = data.get("sections")
    if isinstance(sections, list):
        problems.extend(_repeats([_get(s, "section") for s in sections], "sections", "section", what="section"))
        for i, section in enumerate(sections):
            if isinstance(section, dict):
                problems.extend(_counted(section.get("scores"), count, f"sections[{i}].scores", "scores"))
                problems.extend(_counted(section.get("movements"), count - 1, f"sections[{i}].movements", "movements"))
    problems.extend(_counted(data.get("overall"), count - 1, "overall", "movements"))
    return problems


def _get(item: object, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else None


def _counted(items: object, wanted: int, path: str, what: str) -> list[Problem]:
    if not isinstance(items, list) or len(items) == wanted:
        return []
    between = " (one between each two audits)" if what == "movements" else " (one per audit)"
    return [Problem(path, "count-mismatch", f"has {len(items)} {what}; there should be {wanted}{between}")]


def _repeats(
    values: Sequence[Any], path: str, field: str, code: str = "duplicate-id", what: str = "criterion"
) -> list[Problem]:
    problems = []
    seen: dict[Any, int] = {}
    for index, value in enumerate(values):
        if not isinstance(value, str):
            continue
        if value in seen:
            problems.append(
                Problem(
                    f"{path}[{index}].{field}",
                    code,
                    f"{what} {value!r} is also at {path}[{seen[value]}]; each may appear once",
                )
            )
        seen.setdefault(value, index)
    return problems
