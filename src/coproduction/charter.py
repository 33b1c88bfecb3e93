"""The co-produced parent carer charter: values, commitments and what families can expect.

A charter is what a school (or service) and its parent carers agree together:
the values they share, the commitments the school makes (each aiming at a rung
of a participation ladder, serving criteria of a quality-standards framework
and saying how it will be measured), what parent carers can expect and when
(response times, for example), who co-produced it and when, when it will be
reviewed, and who signed it off.

A charter is checked twice. Constructing one checks what it says about itself
(unique commitment ids, a review date after it was co-produced ...).
:func:`check_charter` checks what it says about the catalogue: every rung a
commitment aims at is a rung of its ladder, and every criterion it serves is a
criterion of its framework.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from coproduction._messages import excerpt
from coproduction._validators import non_blank, slug, to_tuple, unique
from coproduction.contributors import Contributor, check_contributor_data
from coproduction.errors import Problem, UnknownFrameworkError
from coproduction.organisation import Organisation
from coproduction.plain_english import NOT_PROSE
from coproduction.plan import RungTarget

if TYPE_CHECKING:
    from coproduction.catalogue import Catalogue

__all__ = [
    "Charter",
    "Commitment",
    "CriteriaRef",
    "Expectation",
    "SignOff",
    "TimeFrame",
    "TimeUnit",
    "CharterValue",
    "check_charter",
    "check_charter_data",
]


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
            raise ValueError(f"name at least one criterion of framework {self.framework!r}")
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
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    what: str = attrs.field(validator=non_blank)
    aims_at: RungTarget = attrs.field(metadata=NOT_PROSE)
    measure: str = attrs.field(validator=non_blank)
    serves: CriteriaRef | None = attrs.field(default=None, metadata=NOT_PROSE)


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
    def _check_amount(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"a time frame needs a whole number of at least 1; got {value!r}")

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


# -- the check against the catalogue -------------------------------------------------------


@attrs.frozen
class _Reference:
    """What one commitment refers to, read from an object or from raw JSON."""

    path: str
    commitment: str
    ladder: str | None
    rung: str | None
    framework: str | None
    version: str | None
    criteria: tuple[tuple[int, str], ...]


def check_charter(charter: Charter, catalogue: Catalogue | None = None) -> list[Problem]:
    """Check that every commitment points at things the catalogue has.

    A commitment must aim at a rung its ladder has, and serve criteria its
    framework (the given version, or the latest) has. A council's own ladder
    or framework is checked by adding it to the catalogue first
    (:meth:`Catalogue.including <coproduction.Catalogue.including>`).

    Args:
        charter: The charter.
        catalogue: Where ladders and frameworks are found; the built-in
            catalogue when omitted.

    Returns:
        Every problem, each with a JSON path into the charter document and a
        message naming the commitment; empty when every reference is known.
    """
    references = [
        _Reference(
            path=f"commitments[{index}]",
            commitment=commitment.id,
            ladder=commitment.aims_at.ladder,
            rung=commitment.aims_at.rung,
            framework=commitment.serves.framework if commitment.serves else None,
            version=commitment.serves.framework_version if commitment.serves else None,
            criteria=tuple(enumerate(commitment.serves.criteria)) if commitment.serves else (),
        )
        for index, commitment in enumerate(charter.commitments)
    ]
    return list(_reference_problems(references, _catalogue(catalogue)))


def check_charter_data(data: dict[str, Any], catalogue: Catalogue | None = None) -> list[Problem]:
    """Check the rules of a charter document that its schema cannot express.

    Used when a charter is loaded: the data may not have passed the schema,
    so anything of the wrong shape is skipped here (the schema reports it).
    Checks that commitment ids are unique, that the review date is after the
    date it was co-produced and no sign-off is before it, and every reference
    to a ladder, rung, framework or criterion (see :func:`check_charter`);
    and says in plain words what a co-producer of the group "other" lacks
    (which the schema also enforces).

    Args:
        data: The parsed JSON document.
        catalogue: Where ladders and frameworks are found; the built-in
            catalogue when omitted.

    Returns:
        Every problem found, each with its JSON path.
    """
    problems: list[Problem] = []
    commitments = data.get("commitments")
    commitments = commitments if isinstance(commitments, list) else []
    seen: dict[str, int] = {}
    references = []
    for index, item in enumerate(commitments):
        if not isinstance(item, dict):
            continue
        identifier = item.get("id")
        if isinstance(identifier, str):
            if identifier in seen:
                problems.append(
                    Problem(
                        f"commitments[{index}].id",
                        "duplicate-id",
                        f"commitment id {identifier!r} is also used at commitments[{seen[identifier]}]; "
                        "each commitment needs its own id",
                    )
                )
            else:
                seen[identifier] = index
        references.append(_reference_from_data(index, item))
    contributors = data.get("co_produced_with")
    for index, contributor in enumerate(contributors if isinstance(contributors, list) else []):
        problems.extend(check_contributor_data(contributor, f"co_produced_with[{index}]"))
    problems.extend(_date_problems(data))
    if references:
        problems.extend(_reference_problems(references, _catalogue(catalogue)))
    return problems


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _reference_from_data(index: int, item: dict[str, Any]) -> _Reference:
    aims_at, serves = _object(item.get("aims_at")), _object(item.get("serves"))
    criteria = serves.get("criteria")
    criteria = criteria if isinstance(criteria, list) else []
    return _Reference(
        path=f"commitments[{index}]",
        commitment=_text(item.get("id")) or f"number {index + 1}",
        ladder=_text(aims_at.get("ladder")),
        rung=_text(aims_at.get("rung")),
        framework=_text(serves.get("framework")),
        version=_text(serves.get("framework_version")),
        criteria=tuple((i, c) for i, c in enumerate(criteria) if isinstance(c, str)),
    )


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _date_problems(data: dict[str, Any]) -> Iterator[Problem]:
    made, review = _date(data.get("co_produced_on")), _date(data.get("review_date"))
    if made is None:
        return
    if review is not None and review <= made:
        yield Problem(
            "review_date",
            "dates-out-of-order",
            f"the review date {review.isoformat()} must be after the date the charter was co-produced "
            f"({made.isoformat()})",
        )
    sign_offs = data.get("signed_off")
    for index, sign_off in enumerate(sign_offs if isinstance(sign_offs, list) else []):
        signed = _date(sign_off.get("date")) if isinstance(sign_off, dict) else None
        if signed is not None and signed < made:
            yield Problem(
                f"signed_off[{index}].date",
                "dates-out-of-order",
                f"the charter was signed off on {signed.isoformat()}, before it was co-produced on "
                f"{made.isoformat()}; sign it off on or after that date",
            )


def _catalogue(catalogue: Catalogue | None) -> Catalogue:
    if catalogue is not None:
        return catalogue
    from coproduction.catalogue import default_catalogue

    return default_catalogue()


def _reference_problems(references: Iterable[_Reference], catalogue: Catalogue) -> Iterator[Problem]:
    for ref in references:
        who = f"commitment {ref.commitment!r}"
        if ref.ladder is not None:
            try:
                ladder = catalogue.ladder(ref.ladder)
            except UnknownFrameworkError as error:
                yield Problem(
                    f"{ref.path}.aims_at.ladder",
                    "unknown-ladder",
                    f"{who} aims at a rung of ladder {excerpt(ref.ladder)}, but {error.message}",
                )
            else:
                rung_ids = [rung.id for rung in ladder.rungs]
                if ref.rung is not None and ref.rung not in rung_ids:
                    yield Problem(
                        f"{ref.path}.aims_at.rung",
                        "unknown-rung",
                        f"{who} aims at rung {excerpt(ref.rung)}, which {ladder.name} does not have; "
                        f"choose {', '.join(rung_ids)}",
                    )
        if ref.framework is None:
            continue
        try:
            framework = catalogue.framework(ref.framework, ref.version)
        except UnknownFrameworkError as error:
            code = error.problems[0].code if error.problems else "unknown-framework"
            where = "framework_version" if code == "unknown-version" else "framework"
            yield Problem(
                f"{ref.path}.serves.{where}",
                code,
                f"{who} serves criteria of {excerpt(ref.framework)}, but {error.message}",
            )
            continue
        for index, criterion in ref.criteria:
            if not framework.has_criterion(criterion):
                yield Problem(
                    f"{ref.path}.serves.criteria[{index}]",
                    "unknown-criterion",
                    f"{who} serves criterion {excerpt(criterion)}, which the {framework.label} does not have; "
                    f"its criteria look like {framework.criteria[0].id!r}",
                )
