"""Pooled views: many respondents of one viewpoint on one framework version, combined without names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from coproduction.model._validators import non_blank, optional_slug, slug, to_tuple, unique
from coproduction.model.framework import Field, RatingScale
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.scores import Score, SectionScore

__all__ = ["DEFAULT_MINIMUM_GROUP", "PooledCriterion", "PooledText", "PooledView"]

DEFAULT_MINIMUM_GROUP = 5
"""The fewest respondents who must rate a criterion before its counts, shares and free text are shown."""


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must be a whole number from 1; got {value!r}")


@attrs.frozen
class PooledText:
    """One free-text answer, kept without saying who wrote it.

    Attributes:
        field: Which column it was written in (evidence, required actions or next steps).
        text: The words written.
    """

    field: Field = attrs.field(converter=Field)
    text: str = attrs.field(validator=non_blank)


@attrs.frozen
class PooledCriterion:
    """How the respondents answered one criterion.

    When fewer than the view's minimum group rated the criterion with a
    level, everything that could point at a person is withheld: ``withheld``
    is true, ``note`` says why, and the counts, shares, median, value, band
    and texts are empty.

    Attributes:
        criterion: The criterion id.
        section: The id of its section.
        withheld: True when the figures are withheld to protect the respondents.
        note: Why they are withheld, in plain English; None when shown.
        answered: How many respondents rated it with a level.
        not_applicable: How many marked it not applicable.
        unanswered: How many did neither.
        counts: How many respondents chose each level (every level, in scale order).
        shares: ``counts[level] / answered`` for each level.
        median: The id of the median level (the lower one when two share the middle).
        value: The pooled score: the mean of the respondents' normalised values.
        band: The id of the level nearest ``value``.
        texts: The free-text answers, sorted so nothing links them to a respondent.
    """

    criterion: str = attrs.field(validator=slug)
    section: str = attrs.field(validator=slug)
    withheld: bool = False
    note: str | None = None
    answered: int | None = None
    not_applicable: int | None = None
    unanswered: int | None = None
    counts: dict[str, int] | None = None
    shares: dict[str, float] | None = None
    median: str | None = attrs.field(default=None, validator=optional_slug)
    value: float | None = None
    band: str | None = attrs.field(default=None, validator=optional_slug)
    texts: tuple[PooledText, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        if self.withheld and (self.counts is not None or self.answered is not None or self.texts):
            raise ValueError(f"criterion {self.criterion!r} is withheld, so it may hold no counts or text")


@attrs.frozen
class PooledView:
    """Many audits of one organisation, one framework version and one viewpoint, combined.

    The view never holds who said what: no names, no ``completed_by``, no
    respondent's answers in order; free text is kept as a sorted list per
    criterion.

    Attributes:
        framework: The framework id.
        framework_version: The framework version answered.
        organisation: Who the audits are about.
        perspective: Whose viewpoint every respondent records.
        scale: The framework's rating scale, so levels can be read without the framework.
        respondents: How many audits were pooled.
        first_date: The earliest audit's date.
        last_date: The latest audit's date.
        minimum_group: The fewest respondents who must rate a criterion before
            its counts and text are shown.
        criteria: Every criterion of the framework, in framework order.
        overall: The pooled overall score.
        sections: The pooled score of each section, in framework order.
        note: What was withheld and why, in plain English; None when nothing was.
    """

    framework: str = attrs.field(validator=slug)
    framework_version: str = attrs.field(validator=non_blank)
    organisation: Organisation
    perspective: Perspective = attrs.field(converter=Perspective)
    scale: RatingScale
    respondents: int = attrs.field(validator=_positive)
    first_date: dt.date
    last_date: dt.date
    minimum_group: int = attrs.field(validator=_positive)
    criteria: tuple[PooledCriterion, ...] = attrs.field(converter=to_tuple)
    overall: Score
    sections: tuple[SectionScore, ...] = attrs.field(converter=to_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        unique("pooled criteria", (entry.criterion for entry in self.criteria))
        if self.last_date < self.first_date:
            raise ValueError(f"last_date {self.last_date} is before first_date {self.first_date}")

    def criterion(self, criterion_id: str) -> PooledCriterion | None:
        """The pooled answers to one criterion, or None if the view has no such criterion."""
        for entry in self.criteria:
            if entry.criterion == criterion_id:
                return entry
        return None
