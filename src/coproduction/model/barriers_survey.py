"""The barriers survey: one family's (or a school's) return for a cohort, and the summary across returns."""

from __future__ import annotations

import datetime as dt

import attrs

from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, slug, to_tuple, unique
from coproduction.model.barriers import Suggestion
from coproduction.model.organisation import Organisation, Perspective

__all__ = ["BarrierCount", "BarriersReturn", "BarriersSummary"]


def _texts(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    if any(not isinstance(text, str) or not text.strip() for text in value):
        raise ValueError("each other barrier is some words; leave out an empty one")


@attrs.frozen(kw_only=True)
class BarriersReturn:
    """One return of the barriers survey: which listed barriers a family met, and any others in their own words.

    Worcestershire's standards ask a school to ask parent carers about the
    barriers to taking part "at the earliest stages" and to check "with each
    new cohort" (structures 2, strategies 3). A return is anonymous: it names
    the school and the cohort, never the family or a child.

    Attributes:
        organisation: The school or setting that asked.
        cohort: The cohort asked, such as "Reception, September 2026".
        date: The date the return was filled in.
        perspective: Who filled it in: parent carers, or school staff
            recording what families told them.
        asked: The ids of the barriers the survey listed, in its order.
        met: The ids of the listed barriers ticked, in the survey's order.
        other: Other barriers, in the family's own words.

    Raises:
        ValueError: If nothing was asked, an id is given twice, or a barrier
            ticked was not listed.
    """

    organisation: Organisation = attrs.field(metadata=NOT_PROSE)
    cohort: str = attrs.field(validator=non_blank)
    date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    perspective: Perspective = attrs.field(converter=Perspective, metadata=NOT_PROSE)
    asked: tuple[str, ...] = attrs.field(
        converter=to_tuple, validator=attrs.validators.deep_iterable(slug), metadata=NOT_PROSE
    )
    met: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=attrs.validators.deep_iterable(slug), metadata=NOT_PROSE
    )
    other: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_texts)

    def __attrs_post_init__(self) -> None:
        if not self.asked:
            raise ValueError("a barriers return lists at least one barrier that was asked about")
        unique("barriers asked about", self.asked)
        unique("barriers met", self.met)
        missing = [barrier for barrier in self.met if barrier not in self.asked]
        if missing:
            raise ValueError(f"the barrier {missing[0]!r} is ticked but was not on the survey")


@attrs.frozen
class BarrierCount:
    """How many returns met one barrier.

    Attributes:
        barrier: The barrier id.
        met: How many returns ticked it.
        asked: How many returns listed it.
    """

    barrier: str = attrs.field(metadata=NOT_PROSE)
    met: int
    asked: int


@attrs.frozen(kw_only=True)
class BarriersSummary:
    """The barriers survey summed up across returns: how many met each barrier, most common first.

    Attributes:
        returns: How many returns were summed up.
        organisations: The schools and settings the returns are from, sorted.
        cohorts: The cohorts the returns are about, sorted.
        counts: One count per barrier asked about, the most often met first
            (ties in the order of the barrier list).
        most_common: The ids of the barriers met most often (up to the number asked for; none met, none).
        suggestions: The approaches that help with the most common barriers
            (and any priority groups asked about), best first.
        other: Other barriers in families' own words, sorted; empty when
            withheld.
        other_withheld: True when there were fewer returns than
            ``minimum_group``, so the families' own words are left out.
        minimum_group: The fewest returns whose own words are shown.
    """

    returns: int
    organisations: tuple[str, ...] = attrs.field(converter=to_tuple)
    cohorts: tuple[str, ...] = attrs.field(converter=to_tuple)
    counts: tuple[BarrierCount, ...] = attrs.field(converter=to_tuple)
    most_common: tuple[str, ...] = attrs.field(converter=to_tuple)
    suggestions: tuple[Suggestion, ...] = attrs.field(converter=to_tuple)
    other: tuple[str, ...] = attrs.field(converter=to_tuple)
    other_withheld: bool
    minimum_group: int
