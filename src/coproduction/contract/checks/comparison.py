"""Cross-checks of a comparison document that its schema cannot express."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coproduction.contract.checks._common import _get, _repeats
from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt

__all__ = ["check_comparison_data"]

# -- loading checks ----------------------------------------------------------------------------


def check_comparison_data(data: Mapping[str, Any]) -> list[Problem]:
    """Check what the comparison schema cannot: levels, steps and perspectives fit together.

    Args:
        data: A parsed comparison document (it may break its schema too).

    Returns:
        Every problem, with its JSON path; empty when none is found.
    """
    problems: list[Problem] = []
    scale = data.get("scale")
    levels = scale.get("levels") if isinstance(scale, dict) else None
    steps = (
        {level.get("id"): index for index, level in enumerate(levels) if isinstance(level, dict)}
        if isinstance(levels, list)
        else None
    )
    audits = data.get("audits")
    order = [_get(a, "perspective") for a in audits] if isinstance(audits, list) else None
    if order is not None:
        problems.extend(_repeats(order, "audits", "perspective", "same-perspective", "perspective"))
    criteria = data.get("criteria")
    if isinstance(criteria, list):
        problems.extend(_repeats([_get(c, "criterion") for c in criteria], "criteria", "criterion"))
        for i, criterion in enumerate(criteria):
            ratings = criterion.get("ratings") if isinstance(criterion, dict) else None
            if not isinstance(ratings, list):
                continue
            path = f"criteria[{i}].ratings"
            if order is not None and [r.get("perspective") if isinstance(r, dict) else None for r in ratings] != order:
                problems.append(
                    Problem(
                        path, "perspective-mismatch", "give one rating per audit compared, in the order of 'audits'"
                    )
                )
            for j, rating in enumerate(ratings):
                if not isinstance(rating, dict) or steps is None:
                    continue
                level, step = rating.get("rating"), rating.get("step")
                if isinstance(level, str) and level not in steps:
                    known = ", ".join(str(key) for key in steps)
                    problems.append(
                        Problem(
                            f"{path}[{j}].rating",
                            "unknown-level",
                            f"{excerpt(level)} is not a level of the comparison's scale; choose {known}",
                        )
                    )
                elif isinstance(level, str) and step != steps[level]:
                    problems.append(
                        Problem(
                            f"{path}[{j}].step",
                            "step-mismatch",
                            f"level {excerpt(level)} is step {steps[level]} of the scale (0 is the "
                            f"lowest), not {excerpt(step)}",
                        )
                    )
    for key in ("scores", "agreement"):
        entries = data.get(key)
        if order is None or not isinstance(entries, list):
            continue
        if key == "scores":
            found = [e.get("perspective") if isinstance(e, dict) else None for e in entries]
            wanted: list[Any] = order
        else:
            found = [[e.get("first"), e.get("second")] if isinstance(e, dict) else None for e in entries]
            wanted = [[a, b] for i, a in enumerate(order) for b in order[i + 1 :]]
        if found != wanted:
            what = "one score per audit" if key == "scores" else "one entry per pair of audits"
            problems.append(Problem(key, "perspective-mismatch", f"give {what}, in the order of 'audits'"))
    return problems
