"""Cross-checks of a charter document that its schema cannot express."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from coproduction.contract.checks._contributors import check_contributor_data
from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup
from coproduction.rules.charter import _Reference, _reference_problems

__all__ = ["check_charter_data"]


def check_charter_data(data: dict[str, Any], catalogue: CatalogueLookup) -> list[Problem]:
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
                        f"commitment id {excerpt(identifier)} is also used at commitments[{seen[identifier]}]; "
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
        problems.extend(_reference_problems(references, catalogue))
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
