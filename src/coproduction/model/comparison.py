"""Comparing perspectives, as data: the comparison document and its parts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._validators import non_blank, optional_slug, slug, to_tuple, unique
from coproduction.model.audit import Audit
from coproduction.model.framework import RatingScale
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.pooled import PooledView
from coproduction.model.scores import Score, SectionScore

__all__ = ["Agreement", "AuditReference", "Comparison", "CriterionComparison", "PerspectiveRating", "PerspectiveScore"]

# Two scores closer than this are the same (they are means of a few fractions).
_SAME = 1e-9


def _int_or_none(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a whole number from 0, or None")


def _count(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(
            f"{type(instance).__name__}.{attribute.name} must be a whole number from 0; got {excerpt(value)}"
        )


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
        respondents: For a pooled view, how many audits were pooled (``date``
            is then the latest one's); None for one audit.
    """

    perspective: Perspective = attrs.field(converter=Perspective)
    date: dt.date
    completed_by: str | None = None
    respondents: int | None = attrs.field(default=None, validator=_int_or_none)

    @classmethod
    def of(cls, source: Audit | PooledView) -> AuditReference:
        """The reference to an audit, or to a pooled view (never naming a respondent)."""
        if isinstance(source, PooledView):
            return cls(source.perspective, source.last_date, None, source.respondents)
        return cls(source.perspective, source.date, source.completed_by)

    def refers_to(self, audit: Audit) -> bool:
        """Say whether this reference names ``audit`` (same perspective and date)."""
        return audit.perspective is self.perspective and audit.date == self.date

    @property
    def label(self) -> str:
        """A plain-English name, such as "the parent carers' audit of 14 March 2025"."""
        if self.respondents is not None:
            people = "respondent" if self.respondents == 1 else "respondents"
            return f"the {_whose(self.perspective)} pooled view ({self.respondents} {people}, to {_when(self.date)})"
        return f"the {_whose(self.perspective)} audit of {_when(self.date)}"


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
        pooled_value: For a pooled view, the criterion's pooled score (the
            mean normalised value; ``rating`` is then the median level); None
            for one audit.
        respondents: For a pooled view, how many respondents rated it; None
            for one audit or when withheld.

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
    pooled_value: float | None = None
    respondents: int | None = attrs.field(default=None, validator=_int_or_none)

    def __attrs_post_init__(self) -> None:
        if (self.rating is None) != (self.step is None):
            raise ValueError(
                f"the {_whose(self.perspective)} rating needs both a level and its step, or neither; "
                f"got level {excerpt(self.rating)} and step {excerpt(self.step)}"
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
                f"criterion {excerpt(self.criterion)} has spread {excerpt(self.spread)}, but its ratings "
                f"are {excerpt(expected)} steps apart"
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
        within_one_share: Given only when a pooled view takes part: the mean,
            over the compared criteria, of the share of pairs of respondents
            (one from each side; a single audit is one respondent) whose
            levels are at most one level apart.
        mean_distance: Given only when a pooled view takes part: the mean,
            over the compared criteria, of the expected distance between a
            respondent of each side, in normalised units (0 to 1).
        within_one: Given only when a pooled view takes part: each compared
            criterion's share of pairs within one level.

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
    within_one_share: float | None = None
    mean_distance: float | None = None
    within_one: dict[str, float] | None = None

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
            within_one_share=self.within_one_share,
            mean_distance=self.mean_distance,
            within_one=self.within_one,
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
                    f"the ratings of criterion {excerpt(criterion.criterion)} are not one per audit, "
                    "in the order of the audits"
                )
            for rating in criterion.ratings:
                if rating.rating is not None and steps.get(rating.rating) != rating.step:
                    raise ValueError(
                        f"criterion {excerpt(criterion.criterion)} is rated {excerpt(rating.rating)} by "
                        f"{rating.perspective.label}, "
                        f"which is not step {rating.step} of the scale {excerpt(self.scale.id)}"
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
