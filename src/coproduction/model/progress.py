"""Progress across a series of audits, as data: the progress document and its parts."""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Iterable
from typing import Any

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._validators import non_blank, optional_slug, slug, to_tuple, unique
from coproduction.model.comparison import _SAME, _slugs
from coproduction.model.organisation import Organisation, Perspective

__all__ = [
    "CriterionProgress",
    "Movement",
    "Progress",
    "ProgressRound",
    "RoundRating",
    "SectionProgress",
    "UnsharedCriteria",
]

# -- progress across a series of audits ----------------------------------------------------------


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
        raise ValueError(
            f"{type(instance).__name__}.{attribute.name} must be a number from 0 to 1; got {excerpt(value)}"
        )


def _fraction_or_none(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _fraction(instance, attribute, value)


def _fractions(instance: Any, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    for item in value:
        _fraction_or_none(instance, attribute, item)


@attrs.frozen
class RoundRating:
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
            raise ValueError(f"a criterion is rated {excerpt(self.rating)} and also not applicable; choose one")


@attrs.frozen
class ProgressRound:
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
    ratings: tuple[RoundRating, ...] = attrs.field(converter=to_tuple)
    movements: tuple[Movement, ...] = attrs.field(converter=_movements)

    def __attrs_post_init__(self) -> None:
        if len(self.movements) != len(self.ratings) - 1:
            raise ValueError(
                f"criterion {excerpt(self.criterion)} has {len(self.ratings)} ratings and {len(self.movements)} "
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
                f"section {excerpt(self.section)} has {len(self.scores)} scores and {len(self.movements)} "
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
        cycles: The rounds (:class:`ProgressRound`, one audit each), oldest
            first, with their overall scores. The name is the JSON field's.
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
    cycles: tuple[ProgressRound, ...] = attrs.field(converter=to_tuple)
    criteria: tuple[CriterionProgress, ...] = attrs.field(converter=to_tuple)
    sections: tuple[SectionProgress, ...] = attrs.field(converter=to_tuple)
    overall: tuple[Movement, ...] = attrs.field(converter=_movements)
    unshared: tuple[UnsharedCriteria, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        count = len(self.cycles)
        if count < 2:
            raise ValueError("progress needs audits from at least two dates")
        dates = [audit_round.date for audit_round in self.cycles]
        if any(later <= earlier for earlier, later in itertools.pairwise(dates)):
            raise ValueError("the audits of a progress report must be in date order, one per date")
        unique("criteria", (criterion.criterion for criterion in self.criteria))
        unique("sections", (section.section for section in self.sections))
        unique("framework versions of unshared criteria", (entry.framework_version for entry in self.unshared))
        section_ids = tuple(section.section for section in self.sections)
        for criterion in self.criteria:
            if len(criterion.ratings) != count:
                raise ValueError(
                    f"criterion {excerpt(criterion.criterion)} needs one rating for each of the {count} audits"
                )
            if criterion.section not in section_ids:
                raise ValueError(
                    f"criterion {excerpt(criterion.criterion)} names section {excerpt(criterion.section)}, not listed"
                )
        for section in self.sections:
            if len(section.scores) != count:
                raise ValueError(f"section {excerpt(section.section)} needs one score for each of the {count} audits")
        if len(self.overall) != count - 1:
            raise ValueError("the overall score needs one movement between each two audits")

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The audits' dates, oldest first."""
        return tuple(audit_round.date for audit_round in self.cycles)

    @property
    def scores(self) -> tuple[float | None, ...]:
        """The overall score of each audit, oldest first (None where nothing was rated)."""
        return tuple(audit_round.score for audit_round in self.cycles)

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
