"""Co-produced parent carer charters, as data."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, slug, to_tuple, unique
from coproduction.model.contributors import Contributor
from coproduction.model.levels import ParticipationLevel
from coproduction.model.organisation import Organisation
from coproduction.model.plan import RungTarget

__all__ = ["Charter", "CharterValue", "Commitment", "CriteriaRef", "Expectation", "SignOff", "TimeFrame", "TimeUnit"]


def _optional_non_blank(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        non_blank(instance, attribute, value)


@attrs.frozen
class CharterValue:
    """A value the charter is built on, such as "Honesty".

    Attributes:
        name: The value in a word or two.
        description: What it means in practice, in plain English.
    """

    name: str = attrs.field(validator=non_blank)
    description: str = attrs.field(validator=non_blank)


@attrs.frozen
class CriteriaRef:
    """Criteria of a quality-standards framework, named by ids.

    Attributes:
        framework: The framework id.
        criteria: The criterion ids, at least one, each once.
        framework_version: The framework version meant; the latest in the
            catalogue when None.

    Raises:
        ValueError: If there are no criteria or one is listed twice.
    """

    framework: str = attrs.field(validator=slug)
    criteria: tuple[str, ...] = attrs.field(converter=to_tuple, validator=attrs.validators.deep_iterable(slug))
    framework_version: str | None = attrs.field(default=None, validator=_optional_non_blank)

    def __attrs_post_init__(self) -> None:
        if not self.criteria:
            raise ValueError(f"name at least one criterion of framework {excerpt(self.framework)}")
        unique("criteria", self.criteria)


@attrs.frozen
class Commitment:
    """One thing the organisation commits to.

    Attributes:
        id: Stable identifier, unique within the charter, such as ``reply-within-ten-days``.
        what: What we commit to, in plain English.
        aims_at: The rung of a participation ladder this commitment aims at.
        measure: How we will know it is kept: what will be measured or checked.
        serves: The quality-standard criteria it serves, if any.
        level: The level it works at (individual, service or strategic), if said.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    what: str = attrs.field(validator=non_blank)
    aims_at: RungTarget = attrs.field(metadata=NOT_PROSE)
    measure: str = attrs.field(validator=non_blank)
    serves: CriteriaRef | None = attrs.field(default=None, metadata=NOT_PROSE)
    level: ParticipationLevel | None = attrs.field(
        default=None, converter=attrs.converters.optional(ParticipationLevel), metadata=NOT_PROSE
    )


class TimeUnit(enum.Enum):
    """The unit of a time frame."""

    HOURS = "hours"
    SCHOOL_DAYS = "school-days"
    WORKING_DAYS = "working-days"
    CALENDAR_DAYS = "calendar-days"
    WEEKS = "weeks"

    @property
    def label(self) -> str:
        """The plural plain-English name, such as "school days"."""
        return "days" if self is TimeUnit.CALENDAR_DAYS else self.value.replace("-", " ")


@attrs.frozen
class TimeFrame:
    """A time limit as a number, so systems can count it: "10 school days".

    Attributes:
        amount: How many units, at least 1.
        unit: The unit.

    Raises:
        ValueError: If the amount is not a whole number of at least 1.
    """

    amount: int = attrs.field()
    unit: TimeUnit = attrs.field(converter=TimeUnit)

    @amount.validator
    def _ensure_amount(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"a time frame needs a whole number of at least 1; got {excerpt(value)}")

    def __str__(self) -> str:
        """The time frame in words, such as "10 school days" or "1 week"."""
        label = self.unit.label
        return f"{self.amount} {label.removesuffix('s') if self.amount == 1 else label}"


@attrs.frozen
class Expectation:
    """What parent carers can expect, and when.

    Attributes:
        what: What happens, such as "We reply to your email or message".
        when: When, in words, such as "within 10 school days" or "every term".
        within: The time limit as a number, when there is one, so a system can
            count it ("within 10 school days" is 10 school days).
    """

    what: str = attrs.field(validator=non_blank)
    when: str = attrs.field(validator=non_blank)
    within: TimeFrame | None = attrs.field(default=None, metadata=NOT_PROSE)


@attrs.frozen
class SignOff:
    """Someone signing the charter off on behalf of their group.

    Attributes:
        role: Their role, such as "Head teacher" or "Chair of the parent carer forum".
        date: When they signed it off.
        name: Their name, if they want it published (adults signing publicly only).
    """

    role: str = attrs.field(validator=non_blank)
    date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    name: str | None = attrs.field(default=None, validator=_optional_non_blank)


@attrs.frozen(kw_only=True)
class Charter:
    """A charter co-produced by an organisation and its parent carers.

    The fields are declared in reading order (title, introduction, values,
    commitments, what to expect, who made it, review and sign-off): the order
    the plain-English check reads them in, and the order to print them in.

    Attributes:
        organisation: The school, setting or service whose charter it is.
        title: Its title, such as "Our parent carer charter".
        introduction: A few sentences saying what the charter is for.
        values: The values it is built on.
        commitments: What the organisation commits to, each with a unique id.
        expectations: What parent carers can expect, and when.
        co_produced_with: Who co-produced it: groups and roles, never named children.
        co_produced_on: When it was agreed.
        review_date: When it will be reviewed; after ``co_produced_on``.
        signed_off: Who signed it off, and when; empty until it is signed.

    Raises:
        ValueError: If two commitments share an id, nobody is named as
            co-producing it, the review date is not after the date it was
            co-produced, or it was signed off before it was co-produced.
    """

    organisation: Organisation = attrs.field(metadata=NOT_PROSE)
    title: str = attrs.field(validator=non_blank)
    introduction: str = ""
    values: tuple[CharterValue, ...] = attrs.field(default=(), converter=to_tuple)
    commitments: tuple[Commitment, ...] = attrs.field(default=(), converter=to_tuple)
    expectations: tuple[Expectation, ...] = attrs.field(default=(), converter=to_tuple)
    co_produced_with: tuple[Contributor, ...] = attrs.field(converter=to_tuple)
    co_produced_on: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    review_date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))
    signed_off: tuple[SignOff, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        unique("commitments", (commitment.id for commitment in self.commitments))
        if not self.co_produced_with:
            raise ValueError("say who co-produced the charter: at least one group, such as parent carers")
        if self.review_date <= self.co_produced_on:
            raise ValueError(
                f"the review date {self.review_date.isoformat()} must be after the date the charter was "
                f"co-produced ({self.co_produced_on.isoformat()})"
            )
        for sign_off in self.signed_off:
            if sign_off.date < self.co_produced_on:
                raise ValueError(
                    f"the {sign_off.role} signed the charter off on {sign_off.date.isoformat()}, before it was "
                    f"co-produced on {self.co_produced_on.isoformat()}"
                )

    @property
    def signed(self) -> bool:
        """True once someone has signed the charter off."""
        return bool(self.signed_off)

    def commitment(self, commitment_id: str) -> Commitment:
        """Return the commitment with this id.

        Raises:
            KeyError: If the charter has no such commitment.
        """
        for commitment in self.commitments:
            if commitment.id == commitment_id:
                return commitment
        raise KeyError(commitment_id)

    def review_due(self, today: dt.date) -> bool:
        """Say whether the charter is due for review on a date (on or after its review date)."""
        return today >= self.review_date
