"""Engagement approaches: ways a school or service works with parent carers, in the sources' words."""

from __future__ import annotations

import enum

import attrs

from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, slug, to_tuple, unique
from coproduction.model.source import Edit, SourceEntry

__all__ = [
    "Approach",
    "ApproachCollection",
    "AuthoredBy",
    "CaseStudy",
    "CaseStudyQuote",
    "CaseStudySection",
    "Introduction",
]


class AuthoredBy(enum.Enum):
    """Who wrote an item's text when it is not the source's own words."""

    LIBRARY = "library"


class CaseStudySection(enum.Enum):
    """The sections of a case study, in the order the source prints them."""

    BACKGROUND = "background"
    DETAILS = "details"
    BENEFITS = "benefits"
    THINGS_TO_CONSIDER = "things_to_consider"
    POTENTIAL_BARRIERS = "potential_barriers"
    TOP_TIP = "top_tip"
    PLANNING_INVOLVED = "planning_involved"

    @property
    def label(self) -> str:
        """The plain-English heading, such as "things to consider"."""
        return self.value.replace("_", " ")


@attrs.frozen(kw_only=True)
class CaseStudyQuote:
    """Something a parent or member of staff said, printed in a case study.

    Attributes:
        text: The words quoted.
        attributed_to: Who said it, as the source says (a role, never a child's name).
        section: The section it is printed in.
    """

    text: str = attrs.field(validator=non_blank)
    attributed_to: str = attrs.field(validator=non_blank)
    section: CaseStudySection = attrs.field(converter=CaseStudySection)


@attrs.frozen(kw_only=True)
class CaseStudy:
    """A school's account of using an approach. Each section is a list of paragraphs, empty when absent.

    Attributes:
        heading: The case study's heading.
        details_heading: The heading the source gives its details section, if any.
        quotes: The quotations printed with it.
    """

    heading: str = attrs.field(validator=non_blank)
    background: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    details_heading: str | None = None
    details: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    benefits: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    things_to_consider: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    potential_barriers: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    top_tip: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    planning_involved: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    quotes: tuple[CaseStudyQuote, ...] = attrs.field(default=(), converter=to_tuple)

    def section(self, section: CaseStudySection) -> tuple[str, ...]:
        """The paragraphs of one section (empty when the case study has none)."""
        paragraphs: tuple[str, ...] = getattr(self, section.value)
        return paragraphs

    def sections(self) -> list[tuple[CaseStudySection, tuple[str, ...]]]:
        """The sections it has, in order, each with its paragraphs."""
        return [(section, self.section(section)) for section in CaseStudySection if self.section(section)]


@attrs.frozen(kw_only=True)
class Approach:
    """One engagement approach.

    Attributes:
        id: Stable identifier, such as ``send-coffee-mornings``.
        source: The id of the collection's source it comes from.
        name: Its name, as the source's table gives it.
        heading: Its heading in the source's section on it (may differ from the name).
        what_it_is: What it is, in one or two sentences.
        description: How it works, as paragraphs.
        things_to_consider: What to think about, as paragraphs.
        case_study: A school's account of it, if the source gives one.
        table: Which of the source's tables lists it (the library's numbering), if any.
        row: Its row in that table, if any.
        authored_by: ``library`` when the text is the library's own, None when it is the source's.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    source: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    name: str = attrs.field(validator=non_blank)
    heading: str = attrs.field(validator=non_blank)
    what_it_is: str = attrs.field(validator=non_blank)
    description: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    things_to_consider: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    case_study: CaseStudy | None = None
    table: int | None = None
    row: int | None = None
    authored_by: AuthoredBy | None = None


@attrs.frozen(kw_only=True)
class Introduction:
    """A source's introduction to a collection.

    Attributes:
        source: The id of the collection's source.
        paragraphs: The paragraphs, in the source's words.
    """

    source: str = attrs.field(validator=slug)
    paragraphs: tuple[str, ...] = attrs.field(converter=to_tuple)


@attrs.frozen(kw_only=True)
class ApproachCollection:
    """A collection of approaches from one or more sources: a catalogue item, like a framework.

    Attributes:
        id: Stable identifier.
        name: Display name.
        description: What it holds and where from (the library's words).
        sources: The publications its items come from; each item names one by id.
        approaches: The approaches, in the source's order.
        introduction: The source's introduction, if any.
        edits: Every change made to the source's text while encoding it.

    Raises:
        ValueError: If two approaches or two sources share an id.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=non_blank)
    description: str = ""
    sources: tuple[SourceEntry, ...] = attrs.field(converter=to_tuple)
    approaches: tuple[Approach, ...] = attrs.field(converter=to_tuple)
    introduction: Introduction | None = None
    edits: tuple[Edit, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        unique("sources", (entry.id for entry in self.sources))
        unique("approaches", (approach.id for approach in self.approaches))

    def source_of(self, item: Approach) -> SourceEntry | None:
        """The source an approach names, or None when the collection has no such source."""
        return next((entry for entry in self.sources if entry.id == item.source), None)
