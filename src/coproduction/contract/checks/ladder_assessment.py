"""Cross-checks of a ladder assessment: rungs its ladder has, each listed once."""

from __future__ import annotations

from typing import Any

from coproduction.errors import Problem, UnknownLadderError
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup

__all__ = ["check_ladder_assessment_data"]


def check_ladder_assessment_data(data: dict[str, Any], catalogue: CatalogueLookup) -> list[Problem]:
    """Check a ladder assessment: rungs its ladder has, each listed once (every problem; empty when none)."""
    ladder_id = data.get("ladder")
    rungs = data.get("rungs")
    if not isinstance(ladder_id, str):
        return []
    try:
        ladder = catalogue.ladder(ladder_id)
    except UnknownLadderError as error:
        return [Problem("ladder", "unknown-ladder", error.message)]
    problems = []
    known = [rung.id for rung in ladder.rungs]
    seen: set[str] = set()
    for index, entry in enumerate(rungs if isinstance(rungs, list) else []):
        rung = entry.get("rung") if isinstance(entry, dict) else None
        if isinstance(rung, str) and rung not in known:
            problems.append(
                Problem(
                    f"rungs[{index}].rung",
                    "unknown-rung",
                    f"{excerpt(rung)} is not a rung of {ladder.name}; choose {', '.join(known)}",
                )
            )
        elif isinstance(rung, str) and rung in seen:
            problems.append(Problem(f"rungs[{index}].rung", "duplicate-rung", f"{excerpt(rung)} is listed twice"))
        if isinstance(rung, str):
            seen.add(rung)
    return problems
