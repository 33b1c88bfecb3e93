"""Cross-checks of a co-production activity that its schema cannot express."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coproduction.contract.checks._common import _repeats
from coproduction.contract.checks._contributors import check_contributor_data
from coproduction.errors import Problem, UnknownLadderError
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup

__all__ = ["check_activity_data"]

# Each list whose items must name different things: (field, the key naming what an item is about, what).
_ONCE_EACH = (
    ("planning", "question", "planning question"),
    ("steps", "step", "step"),
    ("taking_part", "group", "group"),
)


def check_activity_data(data: dict[str, Any], catalogue: CatalogueLookup) -> list[Problem]:
    """Check the rules of an activity document that its schema cannot express.

    Used when an activity is loaded: the data may not have passed the schema,
    so anything of the wrong shape is skipped here (the schema reports it).
    Checks that each planning question, step and group is given once, that
    the ladder and both rungs are in the catalogue, that every approach is,
    and says in plain words what a co-producer of the group "other" lacks.

    Args:
        data: The parsed JSON document.
        catalogue: Where ladders and approaches are found.

    Returns:
        Every problem found, each with its JSON path.
    """
    problems: list[Problem] = []
    for field, key, what in _ONCE_EACH:
        items = data.get(field)
        values = [item.get(key) if isinstance(item, dict) else None for item in _list(items)]
        problems.extend(_repeats(values, field, key, what=what))
    contributors = data.get("with_whom")
    for index, contributor in enumerate(_list(contributors)):
        problems.extend(check_contributor_data(contributor, f"with_whom[{index}]"))
    problems.extend(_rung_problems(data, catalogue))
    problems.extend(_approach_problems(data, catalogue))
    return problems


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _rung_problems(data: dict[str, Any], catalogue: CatalogueLookup) -> Iterator[Problem]:
    ladder_id = data.get("ladder")
    if not isinstance(ladder_id, str):
        return
    try:
        ladder = catalogue.ladder(ladder_id)
    except UnknownLadderError as error:
        yield Problem(
            "ladder", "unknown-ladder", f"the activity's rungs are on ladder {excerpt(ladder_id)}, but {error.message}"
        )
        return
    rung_ids = [rung.id for rung in ladder.rungs]
    for field, what in (("aims_at", "aims at"), ("reached", "reached")):
        rung = data.get(field)
        if isinstance(rung, str) and rung not in rung_ids:
            yield Problem(
                field,
                "unknown-rung",
                f"the activity {what} rung {excerpt(rung)}, which {ladder.name} does not have; "
                f"choose {', '.join(rung_ids)}",
            )


def _approach_problems(data: dict[str, Any], catalogue: CatalogueLookup) -> Iterator[Problem]:
    known = {approach.id for approach in catalogue.approaches()}
    for index, approach in enumerate(_list(data.get("approaches"))):
        if isinstance(approach, str) and approach not in known:
            yield Problem(
                f"approaches[{index}]",
                "unknown-approach",
                f"the activity uses approach {excerpt(approach)}, which the catalogue does not have; "
                "`coproduction approaches` lists them",
            )
