"""Barriers to engagement, priority groups, and which approaches help with them."""

from __future__ import annotations

import enum

import attrs

from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, slug, to_tuple, unique
from coproduction.model.approaches import Approach
from coproduction.model.source import Edit, SourceEntry

__all__ = [
    "Barrier",
    "BarrierCollection",
    "BarrierList",
    "Basis",
    "HelpLink",
    "Note",
    "PriorityGroup",
    "PriorityGroups",
    "Suggestion",
    "TargetKind",
]


@attrs.frozen(kw_only=True)
class BarrierList:
    """A list of barriers as a source prints it.

    Attributes:
        id: Stable identifier, such as ``worcestershire-barriers``.
        source: The id of the collection's source.
        heading: The heading it is printed under.
        intro: The sentence that introduces it.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    heading: str = attrs.field(validator=non_blank)
    intro: str = attrs.field(validator=non_blank)


@attrs.frozen(kw_only=True)
class Barrier:
    """Something that stops parent carers engaging, in the source's words.

    Attributes:
        id: Stable identifier, such as ``work``.
        source: The id of the collection's source.
        list: The id of the list it belongs to.
        position: Its place in that list, from 1.
        wording: The source's words.
        label: The short label the source puts before it, if any.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    list: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    position: int
    wording: str = attrs.field(validator=non_blank)
    label: str | None = None

    @property
    def title(self) -> str:
        """The label when there is one, else the wording."""
        return self.label or self.wording


@attrs.frozen(kw_only=True)
class PriorityGroup:
    """A group of families less likely to be heard, in the source's words.

    Attributes:
        id: Stable identifier, such as ``fathers``.
        source: The id of the collection's source.
        position: Its place in the source's list, from 1.
        wording: The source's words.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    position: int
    wording: str = attrs.field(validator=non_blank)


@attrs.frozen(kw_only=True)
class PriorityGroups:
    """The priority groups and the sentence that names them.

    Attributes:
        source: The id of the collection's source.
        heading: The heading the sentence is under.
        sentence: The whole sentence, as printed.
        groups: The groups, in the sentence's order.
    """

    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    heading: str = attrs.field(validator=non_blank)
    sentence: str = attrs.field(validator=non_blank)
    groups: tuple[PriorityGroup, ...] = attrs.field(converter=to_tuple)


@attrs.frozen(kw_only=True)
class Note:
    """A section of a source about barriers, kept whole.

    Attributes:
        id: Stable identifier, such as ``jargon``.
        source: The id of the collection's source.
        heading: Its heading.
        paragraphs: Its paragraphs.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    heading: str = attrs.field(validator=non_blank)
    paragraphs: tuple[str, ...] = attrs.field(converter=to_tuple)


class TargetKind(enum.Enum):
    """What an approach helps with."""

    BARRIER = "barrier"
    PRIORITY_GROUP = "priority-group"


class Basis(enum.Enum):
    """Why a link between an approach and a barrier or group is made."""

    SOURCE = "source"
    """A source says it: the link carries the quotation."""
    LIBRARY = "library"
    """The library's own mapping: the link carries its reason."""


@attrs.frozen(kw_only=True)
class HelpLink:
    """An approach that helps with a barrier or a priority group.

    Attributes:
        approach: The approach id.
        target_kind: Whether the target is a barrier or a priority group.
        target: The barrier or group id.
        basis: ``source`` when a source says so (then ``source`` and ``quote``
            are given), ``library`` when it is the library's own mapping (then ``reason`` is).
        source: The id of the collection's source that says so.
        quote: The source's words that say so.
        reason: Why the library links them.

    Raises:
        ValueError: If a source link has no quotation or a library link no reason.
    """

    approach: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    target_kind: TargetKind = attrs.field(converter=TargetKind)
    target: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    basis: Basis = attrs.field(converter=Basis)
    source: str | None = None
    quote: str | None = None
    reason: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.basis is Basis.SOURCE and not (self.source and self.quote and self.quote.strip()):
            raise ValueError(f"the link from {self.approach!r} to {self.target!r} is the source's but quotes nothing")
        if self.basis is Basis.LIBRARY and not (self.reason and self.reason.strip()):
            raise ValueError(f"the link from {self.approach!r} to {self.target!r} is the library's but gives no reason")


@attrs.frozen(kw_only=True)
class BarrierCollection:
    """Barriers, priority groups and notes from one or more sources: a catalogue item, like a framework.

    Attributes:
        id: Stable identifier.
        name: Display name.
        description: What it holds and where from (the library's words).
        sources: The publications its items come from; each item names one by id.
        lists: The lists the barriers belong to.
        barriers: The barriers, list by list.
        priority_groups: The priority groups, if the collection has any.
        notes: Sections of the sources about barriers, kept whole.
        approach_helps_with: Which approaches help with which barriers and groups.
        edits: Every change made to the sources' text while encoding it.

    Raises:
        ValueError: If two items of one sort share an id.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    description: str = ""
    sources: tuple[SourceEntry, ...] = attrs.field(converter=to_tuple)
    lists: tuple[BarrierList, ...] = attrs.field(default=(), converter=to_tuple)
    barriers: tuple[Barrier, ...] = attrs.field(default=(), converter=to_tuple)
    priority_groups: PriorityGroups | None = None
    notes: tuple[Note, ...] = attrs.field(default=(), converter=to_tuple)
    approach_helps_with: tuple[HelpLink, ...] = attrs.field(default=(), converter=to_tuple)
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        unique("sources", (entry.id for entry in self.sources))
        unique("lists", (item.id for item in self.lists))
        unique("barriers", (item.id for item in self.barriers))
        unique("notes", (item.id for item in self.notes))
        unique("priority groups", (group.id for group in self.groups))

    @property
    def groups(self) -> tuple[PriorityGroup, ...]:
        """The priority groups (empty when there are none)."""
        return self.priority_groups.groups if self.priority_groups else ()

    def source_of(self, item: Barrier | PriorityGroup | HelpLink) -> SourceEntry | None:
        """The source an item names, or None."""
        return next((entry for entry in self.sources if entry.id == item.source), None)


@attrs.frozen
class Suggestion:
    """An approach suggested for some barriers or groups, with the links that say why.

    Attributes:
        approach: The approach.
        links: The links from it to the barriers and groups asked about, each with its basis.
    """

    approach: Approach
    links: tuple[HelpLink, ...] = attrs.field(converter=to_tuple)

    @property
    def from_source(self) -> bool:
        """True when at least one link is the source's own."""
        return any(link.basis is Basis.SOURCE for link in self.links)
