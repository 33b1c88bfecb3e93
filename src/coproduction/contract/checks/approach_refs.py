"""Cross-checks of the engagement approaches an action plan's actions and a feedback log's entries name."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from coproduction.errors import Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup

__all__ = ["action_approach_problems", "feedback_approach_problems"]


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _unknown(path: str, approach: str, what: str) -> Problem:
    return Problem(
        path,
        "unknown-approach",
        f"{what} names the approach {excerpt(approach)}, which the catalogue does not have; "
        "`coproduction approaches` lists them",
    )


def action_approach_problems(data: Mapping[str, Any], catalogue: CatalogueLookup) -> list[Problem]:
    """Every approach an action names that the catalogue does not hold, with its JSON path.

    Args:
        data: A parsed action plan document (anything of the wrong shape is left to the schema).
        catalogue: Where the approaches are found.
    """
    known = {approach.id for approach in catalogue.approaches()}

    def found() -> Iterator[Problem]:
        for index, action in enumerate(_list(data.get("actions"))):
            if not isinstance(action, dict):
                continue
            for number, approach in enumerate(_list(action.get("approaches"))):
                if isinstance(approach, str) and approach not in known:
                    yield _unknown(f"actions[{index}].approaches[{number}]", approach, "the action")

    return list(found())


def feedback_approach_problems(data: Mapping[str, Any], catalogue: CatalogueLookup | None) -> list[Problem]:
    """Every approach a feedback entry names that the catalogue does not hold; none without a catalogue.

    Args:
        data: A parsed feedback log document (anything of the wrong shape is left to the schema).
        catalogue: Where the approaches are found; None when the log is read without one.
    """
    if catalogue is None:
        return []
    known = {approach.id for approach in catalogue.approaches()}
    return [
        _unknown(f"entries[{index}].approach", approach, "the entry")
        for index, entry in enumerate(_list(data.get("entries")))
        if isinstance(entry, dict) and isinstance(approach := entry.get("approach"), str) and approach not in known
    ]
