"""Cross-checks of approach and barrier collections that their schemas cannot express."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coproduction.contract.checks._common import _get, _repeats
from coproduction.errors import Problem
from coproduction.model.barriers import TargetKind

__all__ = ["check_approaches_data", "check_barriers_data"]


def _items(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def _ids(items: list[Any]) -> list[Any]:
    return [_get(item, "id") for item in items]


def _sourced(data: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """Every item that names a source, with its path."""
    for key in ("approaches", "lists", "barriers", "notes"):
        for index, item in enumerate(_items(data, key)):
            yield f"{key}[{index}]", item
    groups = data.get("priority_groups")
    if isinstance(groups, dict):
        yield "priority_groups", groups
        for index, group in enumerate(_items(groups, "groups")):
            yield f"priority_groups.groups[{index}]", group
    introduction = data.get("introduction")
    if isinstance(introduction, dict):
        yield "introduction", introduction
    for index, link in enumerate(_items(data, "approach_helps_with")):
        if _get(link, "source") is not None:
            yield f"approach_helps_with[{index}]", link


def _source_problems(data: dict[str, Any]) -> list[Problem]:
    sources = _items(data, "sources")
    known = {identifier for identifier in _ids(sources) if isinstance(identifier, str)}
    problems = _repeats(_ids(sources), "sources", "id", what="source")
    for path, item in _sourced(data):
        source = _get(item, "source")
        if isinstance(source, str) and source not in known:
            problems.append(
                Problem(
                    f"{path}.source",
                    "unknown-source",
                    f"names the source {source!r}, which is not in sources; "
                    f"known: {', '.join(sorted(known)) or 'none'}",
                )
            )
    return problems


def check_approaches_data(data: dict[str, Any]) -> list[Problem]:
    """Check an approach collection: unique ids, and every source named is in its table of sources.

    Args:
        data: The parsed JSON document (anything of the wrong shape is left to the schema).

    Returns:
        Every problem found, each with its JSON path.
    """
    problems = _source_problems(data)
    problems += _repeats(_ids(_items(data, "approaches")), "approaches", "id", what="approach")
    return sorted(problems, key=lambda problem: problem.path)


def check_barriers_data(data: dict[str, Any]) -> list[Problem]:
    """Check a barrier collection: unique ids, sources, lists and link targets that exist.

    A link's target must be a barrier or priority group of the same
    collection; the approach it names is checked when the collection joins a
    catalogue, which knows every approach.

    Args:
        data: The parsed JSON document (anything of the wrong shape is left to the schema).

    Returns:
        Every problem found, each with its JSON path.
    """
    problems = _source_problems(data)
    lists = _items(data, "lists")
    barriers = _items(data, "barriers")
    groups_data = data.get("priority_groups")
    groups = _items(groups_data, "groups") if isinstance(groups_data, dict) else []
    problems += _repeats(_ids(lists), "lists", "id", what="list")
    problems += _repeats(_ids(barriers), "barriers", "id", what="barrier")
    problems += _repeats(_ids(groups), "priority_groups.groups", "id", what="priority group")
    problems += _repeats(_ids(_items(data, "notes")), "notes", "id", what="note")
    list_ids = set(_ids(lists))
    for index, barrier in enumerate(barriers):
        name = _get(barrier, "list")
        if isinstance(name, str) and name not in list_ids:
            problems.append(
                Problem(f"barriers[{index}].list", "unknown-list", f"names the list {name!r}, which is not in lists")
            )
    targets = {TargetKind.BARRIER.value: set(_ids(barriers)), TargetKind.PRIORITY_GROUP.value: set(_ids(groups))}
    seen: dict[tuple[Any, Any, Any], int] = {}
    for index, link in enumerate(_items(data, "approach_helps_with")):
        kind, target = _get(link, "target_kind"), _get(link, "target")
        if kind in targets and isinstance(target, str) and target not in targets[kind]:
            what = "barrier" if kind == TargetKind.BARRIER.value else "priority group"
            problems.append(
                Problem(
                    f"approach_helps_with[{index}].target",
                    "unknown-target",
                    f"names the {what} {target!r}, which is not in this file",
                )
            )
        key = (_get(link, "approach"), kind, target)
        if key in seen:
            problems.append(
                Problem(
                    f"approach_helps_with[{index}]",
                    "duplicate-link",
                    f"links {key[0]!r} to {target!r} again (also at approach_helps_with[{seen[key]}])",
                )
            )
        seen.setdefault(key, index)
    return sorted(problems, key=lambda problem: problem.path)
