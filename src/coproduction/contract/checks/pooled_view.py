"""Cross-checks of a pooled view: what its schema cannot say (levels its scale has, sums, dates, privacy)."""

from __future__ import annotations

from typing import Any

from coproduction.contract.checks._common import _get, _repeats
from coproduction.errors import Problem

__all__ = ["check_pooled_view_data"]

_FIGURES = ("answered", "not_applicable", "unanswered", "counts", "shares", "median", "value", "band")


def check_pooled_view_data(data: dict[str, Any]) -> list[Problem]:
    """Check a pooled view: levels of its scale, counts that add up, dates in order, nothing shown that is withheld."""
    problems: list[Problem] = []
    first, last = data.get("first_date"), data.get("last_date")
    if isinstance(first, str) and isinstance(last, str) and last < first:
        problems.append(Problem("last_date", "dates-out-of-order", f"is {last}, before first_date {first}"))
    levels = [_get(level, "id") for level in _get(data.get("scale"), "levels") or []]
    respondents, minimum = data.get("respondents"), data.get("minimum_group")
    criteria = data.get("criteria")
    if not isinstance(criteria, list):
        return problems
    problems.extend(_repeats([_get(entry, "criterion") for entry in criteria], "criteria", "criterion"))
    for index, entry in enumerate(criteria):
        if isinstance(entry, dict):
            problems.extend(_check_criterion(f"criteria[{index}]", entry, levels, respondents, minimum))
    return problems


def _check_criterion(
    path: str, entry: dict[str, Any], levels: list[Any], respondents: Any, minimum: Any
) -> list[Problem]:
    if entry.get("withheld") is True:
        shown = [name for name in _FIGURES if entry.get(name) is not None] + (["texts"] if entry.get("texts") else [])
        return [
            Problem(f"{path}.{name}", "withheld-shown", "the criterion is withheld, so this must be empty or null")
            for name in shown
        ]
    problems = []
    for name in ("counts", "shares"):
        mapping = entry.get(name)
        if isinstance(mapping, dict) and sorted(mapping) != sorted(level for level in levels if isinstance(level, str)):
            problems.append(Problem(f"{path}.{name}", "unknown-level", "must name each level of the scale once"))
    for name in ("median", "band"):
        level = entry.get(name)
        if isinstance(level, str) and level not in levels:
            problems.append(Problem(f"{path}.{name}", "unknown-level", f"{level!r} is not a level of the scale"))
    answered, counts = entry.get("answered"), entry.get("counts")
    if isinstance(answered, int) and isinstance(counts, dict) and sum(counts.values()) != answered:
        problems.append(
            Problem(f"{path}.counts", "count-mismatch", f"add up to {sum(counts.values())}, not {answered}")
        )
    if isinstance(answered, int) and isinstance(minimum, int) and answered < minimum:
        problems.append(
            Problem(
                f"{path}.answered",
                "below-minimum-group",
                f"{answered} is below the minimum group of {minimum}; this criterion must be withheld",
            )
        )
    parts = [part for name in ("answered", "not_applicable", "unanswered") if isinstance(part := entry.get(name), int)]
    if isinstance(respondents, int) and len(parts) == 3 and sum(parts) != respondents:
        problems.append(
            Problem(
                path,
                "count-mismatch",
                f"answered, not applicable and unanswered add up to {sum(parts)}, not the {respondents} respondents",
            )
        )
    return problems
