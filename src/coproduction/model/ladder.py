"""Participation ladders and ladder assessments, as data."""

from __future__ import annotations

import datetime as dt

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._validators import (
    check_field_names,
    non_blank,
    optional_slug,
    slug,
    to_field_names,
    to_tuple,
    unique,
)
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.source import Source
from coproduction.model.wording import ViewpointWording, check_wordings, to_wordings

__all__ = ["Band", "Ladder", "LadderAssessment", "Placement", "Rung", "RungPractice"]


@attrs.frozen
class Band:
    """A group of neighbouring rungs, such as "non-participation" or "doing with".

    Attributes:
        id: Stable identifier.
        name: Display name.
        description: Plain-English meaning.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    description: str = ""


@attrs.frozen
class Rung:
    """One step of a ladder.

    Attributes:
        id: Stable identifier, unique within the ladder.
        name: Display name, such as "Consultation".
        description: What practice on this rung looks like, in plain English.
        examples: Examples of practice on this rung.
        band: The id of the ladder band this rung belongs to.
        wording: The description and examples worded for viewpoints (fields
            ``description`` and ``examples[i]``), such as a parent carer's shorter
            sentences; the source's are kept.
        library_authored: Which of ``name``, ``description`` and ``examples[i]``
            are this library's words rather than the source's.

    Raises:
        ValueError: On construction, if a wording or mark names a text the rung does not have.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    description: str = ""
    examples: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    band: str | None = attrs.field(default=None, validator=optional_slug)
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        owner = f"rung {self.id!r}"
        texts = {"description": self.description} if self.description.strip() else {}
        texts.update({f"examples[{index}]": example for index, example in enumerate(self.examples) if example.strip()})
        check_wordings(owner, self.wording, texts)
        check_field_names(owner, self.library_authored, ["name", *texts])


@attrs.frozen
class Ladder:
    """An ordered ladder of participation, lowest rung first.

    Attributes:
        id: Stable identifier, such as ``durham-degrees-of-participation``.
        name: Display name.
        description: What the ladder is and where it comes from.
        rungs: The rungs, lowest first.
        bands: The bands rungs are grouped into (may be empty).
        source: Who published the ladder.
        wording: The description worded for viewpoints (field ``description``):
            what a parent carer needs to know, where the source's is a note on sources.
        library_authored: Which of ``name`` and ``description`` are this
            library's words rather than the source's.

    Raises:
        ValueError: On construction, if two rungs or bands share an id, a rung
            names a band the ladder lacks, there are fewer than two rungs, or a
            wording or mark names a text the ladder does not have.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    rungs: tuple[Rung, ...] = attrs.field(converter=to_tuple)
    description: str = ""
    bands: tuple[Band, ...] = attrs.field(default=(), converter=to_tuple)
    source: Source | None = None
    wording: tuple[ViewpointWording, ...] = attrs.field(default=(), converter=to_wordings)
    library_authored: tuple[str, ...] = attrs.field(default=(), converter=to_field_names)

    def __attrs_post_init__(self) -> None:
        texts = {"description": self.description} if self.description.strip() else {}
        check_wordings(f"ladder {excerpt(self.id)}", self.wording, texts)
        check_field_names(f"ladder {excerpt(self.id)}", self.library_authored, ["name", *texts])
        if len(self.rungs) < 2:
            raise ValueError(f"ladder {excerpt(self.id)} needs at least two rungs")
        unique("rungs", (rung.id for rung in self.rungs))
        unique("bands", (band.id for band in self.bands))
        band_ids = {band.id for band in self.bands}
        for rung in self.rungs:
            if rung.band is not None and rung.band not in band_ids:
                raise ValueError(
                    f"rung {excerpt(rung.id)} of ladder {excerpt(self.id)} names band {excerpt(rung.band)}, "
                    f"which the ladder does not have; it has {sorted(band_ids)}"
                )

    def rung(self, rung_id: str) -> Rung:
        """Return the rung with this id.

        Raises:
            KeyError: If the ladder has no such rung.
        """
        for rung in self.rungs:
            if rung.id == rung_id:
                return rung
        raise KeyError(rung_id)

    def position(self, rung_id: str) -> int:
        """Return the 0-based height of a rung (0 is the lowest).

        Raises:
            KeyError: If the ladder has no such rung.
        """
        for index, rung in enumerate(self.rungs):
            if rung.id == rung_id:
                return index
        raise KeyError(rung_id)


@attrs.frozen
class RungPractice:
    """Whether an organisation currently practises one rung, and the evidence.

    Attributes:
        rung: The rung id.
        doing: True for "currently doing", False for "not doing".
        evidence: What shows it (free text).
    """

    rung: str = attrs.field(validator=slug)
    doing: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    evidence: str = ""


@attrs.frozen
class LadderAssessment:
    """A rung-by-rung record of what an organisation currently does.

    Attributes:
        ladder: The id of the ladder assessed against.
        organisation: The organisation assessed.
        perspective: Whose view this is.
        date: When it was done.
        rungs: One entry per rung assessed (need not cover every rung).
        completed_by: Who filled it in.

    Raises:
        ValueError: If a rung is listed twice.
    """

    ladder: str = attrs.field(validator=slug)
    organisation: Organisation
    perspective: Perspective = attrs.field(converter=Perspective)
    date: dt.date
    rungs: tuple[RungPractice, ...] = attrs.field(converter=to_tuple)
    completed_by: str | None = None

    def __attrs_post_init__(self) -> None:
        unique("rung entries", (entry.rung for entry in self.rungs))


@attrs.frozen
class Placement:
    """Where an assessment places an organisation on a ladder.

    Attributes:
        highest: The highest rung currently practised, or None if none is.
        doing: Rungs currently practised, lowest first.
        not_used: Rungs not currently practised (or not assessed), lowest first.
    """

    highest: Rung | None
    doing: tuple[Rung, ...]
    not_used: tuple[Rung, ...]


@attrs.frozen
class RungDisagreement:
    """A rung one viewpoint says is practised and the other does not.

    Attributes:
        rung: The rung id.
        first: What the first viewpoint said: True doing, False not doing, None not assessed.
        second: The same for the second viewpoint.
    """

    rung: str = attrs.field(validator=slug)
    first: bool | None
    second: bool | None


@attrs.frozen
class LadderComparison:
    """Two viewpoints' ladder assessments of one organisation, side by side.

    Attributes:
        ladder: The ladder id.
        organisation: The organisation assessed.
        first: The first viewpoint.
        second: The second viewpoint.
        first_highest: The highest rung the first viewpoint says is practised, or None.
        second_highest: The same for the second viewpoint.
        disagreements: The rungs practised according to one viewpoint only
            (not assessed counts as not practised), lowest first.
        summary: What it all says, in plain English.
    """

    ladder: str = attrs.field(validator=slug)
    organisation: Organisation
    first: Perspective = attrs.field(converter=Perspective)
    second: Perspective = attrs.field(converter=Perspective)
    first_highest: str | None = attrs.field(validator=optional_slug)
    second_highest: str | None = attrs.field(validator=optional_slug)
    disagreements: tuple[RungDisagreement, ...] = attrs.field(converter=to_tuple)
    summary: str = attrs.field(validator=non_blank)
