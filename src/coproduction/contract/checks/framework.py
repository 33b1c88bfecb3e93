"""Cross-checks of a framework that its schema cannot express: unique ids, levels in order."""

from __future__ import annotations

from typing import Any

from coproduction.contract.checks._common import _duplicate_ids
from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt


def check_framework_data(data: dict[str, Any]) -> list[Problem]:
    """Check a framework: unique ids, and level values unique and in order (every problem; empty when none)."""
    problems: list[Problem] = []
    levels = data.get("scale", {}).get("levels") if isinstance(data.get("scale"), dict) else None
    if isinstance(levels, list):
        values = [level.get("value") for level in levels if isinstance(level, dict)]
        numbers = [value for value in values if isinstance(value, int)]
        if len(set(numbers)) != len(numbers):
            problems.append(
                Problem(
                    "scale.levels", "duplicate-level-value", "two levels have the same value; each level needs its own"
                )
            )
        elif numbers != sorted(numbers):
            problems.append(Problem("scale.levels", "levels-out-of-order", "list the levels lowest value first"))
        problems.extend(_duplicate_ids(levels, "scale.levels", "level"))
    sections = data.get("sections")
    if isinstance(sections, list):
        problems.extend(_duplicate_ids(sections, "sections", "section"))
        criteria = [
            (f"sections[{s}].criteria[{c}]", criterion)
            for s, section in enumerate(sections)
            if isinstance(section, dict) and isinstance(section.get("criteria"), list)
            for c, criterion in enumerate(section["criteria"])
        ]
        seen: dict[str, str] = {}
        for path, criterion in criteria:
            identifier = criterion.get("id") if isinstance(criterion, dict) else None
            if isinstance(identifier, str):
                if identifier in seen:
                    problems.append(
                        Problem(
                            f"{path}.id",
                            "duplicate-id",
                            f"criterion id {excerpt(identifier)} is also used at {seen[identifier]}; "
                            "each criterion needs its own id",
                        )
                    )
                else:
                    seen[identifier] = path
    return problems
