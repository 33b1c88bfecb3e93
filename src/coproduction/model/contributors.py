"""Who took part: groups and contributors, never a child's name."""

from __future__ import annotations

import enum
import re

import attrs

__all__ = ["Contributor", "Group"]


class Group(enum.Enum):
    """A group of people who take part in co-production."""

    PARENT_CARERS = "parent-carers"
    PARENT_CARER_FORUM = "parent-carer-forum"
    CHILDREN_AND_YOUNG_PEOPLE = "children-and-young-people"
    SCHOOL_STAFF = "school-staff"
    GOVERNORS = "governors"
    COUNCIL = "council"
    HEALTH_SERVICES = "health-services"
    VOLUNTARY_SECTOR = "voluntary-sector"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The plain-English name, such as "the parent carer forum"."""
        return _LABELS[self]


_LABELS = {
    Group.PARENT_CARERS: "parent carers",
    Group.PARENT_CARER_FORUM: "the parent carer forum",
    Group.CHILDREN_AND_YOUNG_PEOPLE: "children and young people",
    Group.SCHOOL_STAFF: "school staff",
    Group.GOVERNORS: "governors",
    Group.COUNCIL: "the council",
    Group.HEALTH_SERVICES: "health services",
    Group.VOLUNTARY_SECTOR: "voluntary and community groups",
    Group.OTHER: "others",
}


# As the schema's "\S" means it in JSON Schema validators (where \x1c-\x1f are not white space).
_HAS_TEXT = re.compile(r"[^\s]|[\x1c-\x1f]")


@attrs.frozen
class Contributor:
    """A group that took part, optionally narrowed by a label.

    Attributes:
        group: The group.
        label: What narrows the group, such as "parents of children in Year 6"
            or "the SENCo": a group or a role, never a child's name. Required
            when the group is :attr:`Group.OTHER`.

    Raises:
        ValueError: If the group is "other" and there is no label.
    """

    group: Group = attrs.field(converter=Group)
    label: str = attrs.field(default="", validator=attrs.validators.instance_of(str))

    def __attrs_post_init__(self) -> None:
        if self.group is Group.OTHER and not _HAS_TEXT.search(self.label):
            raise ValueError("a contributor of the group 'other' needs a label saying who they are")

    def __str__(self) -> str:
        """The label when there is one, else the group's name."""
        return self.label.strip() or self.group.label
