"""Cross-checks of a progress document that its schema cannot express."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coproduction.contract.checks._common import _counted, _get, _repeats
from coproduction.errors import Problem

__all__ = ["check_progress_data"]


def check_progress_data(data: Mapping[str, Any]) -> list[Problem]:
    """Check what the progress schema cannot: dates in order and one entry per audit.

    Args:
        data: A parsed progress document (it may break its schema too).

    Returns:
        Every problem, with its JSON path; empty when none is found.
    """
    problems: list[Problem] = []
    cycles = data.get("cycles")
    if not isinstance(cycles, list):
        return problems
    count = len(cycles)
    dates = [cycle.get("date") if isinstance(cycle, dict) else None for cycle in cycles]
    for index in range(1, count):
        before, after = dates[index - 1], dates[index]
        if isinstance(before, str) and isinstance(after, str) and after <= before:
            problems.append(
                Problem(
                    f"cycles[{index}].date",
                    "dates-out-of-order",
                    f"{after} does not come after {before}; list the audits oldest first, one per date",
                )
            )
    criteria = data.get("criteria")
    if isinstance(criteria, list):
        problems.extend(_repeats([_get(c, "criterion") for c in criteria], "criteria", "criterion"))
        for i, criterion in enumerate(criteria):
            if not isinstance(criterion, dict):
                continue
            problems.extend(_counted(criterion.get("ratings"), count, f"criteria[{i}].ratings", "ratings"))
            problems.extend(_counted(criterion.get("movements"), count - 1, f"criteria[{i}].movements", "movements"))
    sections = data.get("sections")
    if isinstance(sections, list):
        problems.extend(_repeats([_get(s, "section") for s in sections], "sections", "section", what="section"))
        for i, section in enumerate(sections):
            if isinstance(section, dict):
                problems.extend(_counted(section.get("scores"), count, f"sections[{i}].scores", "scores"))
                problems.extend(_counted(section.get("movements"), count - 1, f"sections[{i}].movements", "movements"))
    problems.extend(_counted(data.get("overall"), count - 1, "overall", "movements"))
    return problems
