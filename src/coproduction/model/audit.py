"""Audits: one organisation's answers to one framework version from one perspective."""

from __future__ import annotations

import datetime as dt

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._validators import non_blank, optional_slug, slug, to_tuple, unique
from coproduction.model.organisation import Organisation, Perspective

__all__ = ["Audit", "Response"]


@attrs.frozen
class Response:
    """The answer to one criterion.

    A response with neither a rating nor ``not_applicable`` is unanswered: it
    may still hold evidence or actions written before a rating was chosen.

    Attributes:
        criterion: The criterion id.
        rating: The id of the chosen level, or None.
        not_applicable: True when the criterion does not apply here.
        evidence: What shows the rating (free text).
        required_actions: What needs to happen (free text).
        next_steps: The next steps agreed (free text).

    Raises:
        ValueError: If both a rating and "not applicable" are given.
    """

    criterion: str = attrs.field(validator=slug)
    rating: str | None = attrs.field(default=None, validator=optional_slug)
    not_applicable: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    evidence: str = ""
    required_actions: str = ""
    next_steps: str = ""

    def __attrs_post_init__(self) -> None:
        if self.rating is not None and self.not_applicable:
            raise ValueError(
                f"criterion {excerpt(self.criterion)} is rated {excerpt(self.rating)} and also marked "
                f"not applicable; choose one"
            )

    @property
    def answered(self) -> bool:
        """True when the response has a rating."""
        return self.rating is not None


@attrs.frozen
class Audit:
    """One organisation's self-assessment against one version of a framework.

    An audit may be incomplete: criteria without a response are unanswered.

    Attributes:
        framework: The framework id.
        framework_version: The framework version answered.
        organisation: Who the audit is about.
        perspective: Whose viewpoint it records.
        date: When it was completed.
        responses: At most one response per criterion.
        completed_by: Who filled it in.

    Raises:
        ValueError: If a criterion is answered twice.
    """

    framework: str = attrs.field(validator=slug)
    framework_version: str = attrs.field(validator=non_blank)
    organisation: Organisation
    perspective: Perspective = attrs.field(converter=Perspective)
    date: dt.date
    responses: tuple[Response, ...] = attrs.field(default=(), converter=to_tuple)
    completed_by: str | None = None

    def __attrs_post_init__(self) -> None:
        unique("responses", (response.criterion for response in self.responses))

    def response(self, criterion_id: str) -> Response | None:
        """Return the response to a criterion, or None if there is none."""
        for response in self.responses:
            if response.criterion == criterion_id:
                return response
        return None

    def by_criterion(self) -> dict[str, Response]:
        """Map each answered-or-not criterion id to its response."""
        return {response.criterion: response for response in self.responses}
