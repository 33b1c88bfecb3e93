"""Who an audit is about and from whose point of view."""

from __future__ import annotations

import enum

import attrs

from coproduction.model._validators import non_blank

__all__ = ["Organisation", "Perspective"]


class Perspective(enum.Enum):
    """Whose viewpoint an audit or assessment records."""

    SCHOOL_STAFF = "school-staff"
    PARENT_CARERS = "parent-carers"
    CHILDREN_AND_YOUNG_PEOPLE = "children-and-young-people"
    JOINT = "joint"

    @property
    def label(self) -> str:
        """The plain-English name, such as "parent carers"."""
        return _LABELS[self]


_LABELS = {
    Perspective.SCHOOL_STAFF: "school staff",
    Perspective.PARENT_CARERS: "parent carers",
    Perspective.CHILDREN_AND_YOUNG_PEOPLE: "children and young people",
    Perspective.JOINT: "school staff and parent carers together",
}


@attrs.frozen
class Organisation:
    """A school, setting, service or council.

    Attributes:
        name: Its name, as people know it.
        identifier: An official reference where there is one (for a school in
            England, its URN), so systems can match records.
    """

    name: str = attrs.field(validator=non_blank)
    identifier: str | None = None
