"""A meeting checklist made ready to print: sections of lines, the source's words or the library's, filled in."""

from __future__ import annotations

import enum

import attrs

from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, to_tuple
from coproduction.model.organisation import Perspective

__all__ = ["ChecklistPage", "LineStyle", "PageLine", "PageSection"]


class LineStyle(enum.Enum):
    """How a line of a checklist is printed."""

    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NUMBERED = "numbered"
    QUESTION = "question"
    """A question with space under it to write the answer."""
    TICK_BOX = "tick-box"
    """Something to tick, with an empty box before it."""
    WRITE_IN = "write-in"
    """A label with its value (a name, a number) after it, or a line to write on when there is none."""
    NOTE = "note"


@attrs.frozen(kw_only=True)
class PageLine:
    """One line of a checklist.

    Attributes:
        text: The words (a label, for a write-in line).
        style: How it is printed.
        value: What follows a label: a school's name, a phone number (printed as it is, never reworded).
        number: The number of a numbered line or question.
        by_library: True when ``text`` is this library's words, not the source's.
    """

    text: str = attrs.field(validator=non_blank)
    style: LineStyle = LineStyle.PARAGRAPH
    value: str | None = attrs.field(default=None, metadata=NOT_PROSE)
    number: int | None = None
    by_library: bool = False


@attrs.frozen(kw_only=True)
class PageSection:
    """A section of a checklist: a heading (or none) and its lines.

    Attributes:
        heading: The heading, if any.
        lines: The lines, in order.
        heading_by_library: True when the heading is this library's words.
    """

    heading: str | None = None
    lines: tuple[PageLine, ...] = attrs.field(default=(), converter=to_tuple)
    heading_by_library: bool = False


@attrs.frozen(kw_only=True)
class ChecklistPage:
    """A meeting checklist ready to print, filled with a school's local details.

    Attributes:
        id: The document's id, such as ``first-meeting-checklist``.
        title: Its title.
        audience: Who reads it: parent carers or school staff.
        school: The school's name, when its local details are given.
        sections: Its sections, in order.
        attribution: Where the words come from.
    """

    id: str = attrs.field(validator=non_blank, metadata=NOT_PROSE)
    title: str = attrs.field(validator=non_blank)
    audience: Perspective
    school: str | None = attrs.field(default=None, metadata=NOT_PROSE)
    sections: tuple[PageSection, ...] = attrs.field(converter=to_tuple)
    attribution: str = attrs.field(validator=non_blank, metadata=NOT_PROSE)

    @property
    def by_library(self) -> bool:
        """True when any of its words are this library's own."""
        return any(
            section.heading_by_library or any(line.by_library for line in section.lines) for section in self.sections
        )

    def prose(self) -> list[tuple[str, str]]:
        """Every text a reader reads, with its path, in reading order (values such as names left out)."""
        texts = [("title", self.title)]
        for index, section in enumerate(self.sections):
            if section.heading:
                texts.append((f"sections[{index}].heading", section.heading))
            texts += [(f"sections[{index}].lines[{number}]", line.text) for number, line in enumerate(section.lines)]
        return texts
