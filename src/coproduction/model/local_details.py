"""A school's local details: its own names and local contacts, which fill the blanks of the meeting checklists."""

from __future__ import annotations

import enum

import attrs

from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, to_tuple
from coproduction.model.organisation import Organisation

__all__ = ["ContactKey", "LocalContact", "LocalOffer", "SchoolLocalDetails"]


class ContactKey(enum.Enum):
    """The local contacts a school can give, each filling one entry of the checklists."""

    SENCO = "senco"
    FAMILY_SUPPORT_WORKER = "family_support_worker"
    SENDIASS = "sendiass"
    PARENT_CARER_FORUM = "parent_carer_forum"
    AUTISM_CCN_TEAM = "autism_ccn_team"
    EDUCATIONAL_PSYCHOLOGIST = "educational_psychologist"
    LEARNING_SUPPORT_TEAM = "learning_support_team"
    SENSORY_IMPAIRMENT_TEAMS = "sensory_impairment_teams"
    CAMHS = "camhs"
    PAEDIATRIC_OCCUPATIONAL_THERAPISTS = "paediatric_occupational_therapists"
    SALT = "salt"
    UMBRELLA_PATHWAY = "umbrella_pathway"


@attrs.frozen(kw_only=True)
class LocalContact:
    """One local contact: the adults' or team's names to print and how to reach them. Never a child's name.

    Attributes:
        names: The names to print where the source says "Insert name:".
        organisation: The organisation, where it is not the school.
        phone: A telephone number, as it should be printed.
        email: An email address.
        website: A web address, as it should be printed.
        notes: Anything else to print, such as when to call.
    """

    names: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, metadata=NOT_PROSE)
    organisation: str | None = attrs.field(default=None, metadata=NOT_PROSE)
    phone: str | None = attrs.field(default=None, metadata=NOT_PROSE)
    email: str | None = attrs.field(default=None, metadata=NOT_PROSE)
    website: str | None = attrs.field(default=None, metadata=NOT_PROSE)
    notes: str | None = None

    def lines(self) -> list[str]:
        """How to reach them, one line each: organisation, phone, email, website, notes."""
        parts = (self.organisation, self.phone, self.email, self.website, self.notes)
        return [part for part in parts if part]


@attrs.frozen(kw_only=True)
class LocalOffer:
    """The council's SEND Local Offer, where the source names Worcestershire's.

    Attributes:
        name: Its name, such as "SEND Local Offer, Example Council".
        url: Its web address.
    """

    name: str = attrs.field(validator=non_blank, metadata=NOT_PROSE)
    url: str | None = attrs.field(default=None, metadata=NOT_PROSE)


@attrs.frozen(kw_only=True)
class SchoolLocalDetails:
    """A school's own names and local contacts, which fill the meeting checklists' blanks.

    Attributes:
        school: The school.
        first_meeting_host: Who usually hosts a first meeting, as a role ("the SENCo", "your child's class teacher").
        meeting_place: Where first meetings are held, such as "the family room, by the main office".
        local_offer: The council's SEND Local Offer, if given.
        contacts: Local contacts, by the entry they fill.
    """

    school: Organisation
    first_meeting_host: str | None = None
    meeting_place: str | None = None
    local_offer: LocalOffer | None = None
    contacts: dict[ContactKey, LocalContact] = attrs.field(factory=dict)

    def contact(self, key: str) -> LocalContact | None:
        """The contact given for a key (an entry's ``local_details_key``), or None."""
        return next((contact for known, contact in self.contacts.items() if known.value == key), None)
