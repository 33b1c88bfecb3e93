"""Cross-checks of a barriers survey return that its schema cannot express."""

from __future__ import annotations

from typing import Any

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt

__all__ = ["check_barriers_return_data"]


def check_barriers_return_data(data: dict[str, Any]) -> list[Problem]:
    """Check that each barrier is listed and ticked at most once, and that only listed barriers are ticked.

    Used when a return is loaded: the data may not have passed the schema, so
    anything of the wrong shape is skipped here (the schema reports it).

    Args:
        data: The parsed JSON document.

    Returns:
        Every problem found, each with its JSON path.
    """
    asked = _ids(data.get("asked"))
    met = _ids(data.get("met"))
    problems = _twice(asked, "asked") + _twice(met, "met")
    listed = {barrier for barrier in asked if barrier is not None}
    problems.extend(
        Problem(
            f"met[{index}]",
            "not-asked",
            f"the barrier {excerpt(barrier)} is ticked but is not among the barriers asked about; "
            "add it to asked, or take the tick away",
        )
        for index, barrier in enumerate(met)
        if barrier is not None and barrier not in listed
    )
    return problems


def _ids(value: object) -> list[str | None]:
    return [item if isinstance(item, str) else None for item in value] if isinstance(value, list) else []


def _twice(ids: list[str | None], field: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, barrier in enumerate(ids):
        if barrier is None:
            continue
        if barrier in seen:
            problems.append(
                Problem(
                    f"{field}[{index}]",
                    "duplicate-barrier",
                    f"the barrier {excerpt(barrier)} is also at {field}[{seen[barrier]}]; give each barrier once",
                )
            )
        seen.setdefault(barrier, index)
    return problems
