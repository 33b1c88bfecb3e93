"""Cross-checks of an action plan that its schema cannot express."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from coproduction.contract.checks._contributors import check_contributor_data
from coproduction.errors import Problem, UnknownFrameworkError, UnknownLadderError
from coproduction.model._excerpt import excerpt
from coproduction.model.catalogue import CatalogueLookup
from coproduction.rules.planning import _unknown_criterion

__all__ = ["check_plan_data"]

# -- loading checks ----------------------------------------------------------------------------


def check_plan_data(data: Mapping[str, Any], catalogue: CatalogueLookup) -> list[Problem]:
    """Check what the action plan schema cannot, with the framework and ladders from a catalogue.

    Finds: two actions with one id, a due date before the start date, a
    dropped action with no reason, a contributor of the group "other" with
    no label, a framework or version the catalogue does
    not have, a criterion the framework does not have, and a target ladder or
    rung the catalogue does not have.

    Args:
        data: A parsed action plan document (it may break its schema too).
        catalogue: Where the framework and ladders are looked up.

    Returns:
        Every problem, with its JSON path; empty when none is found.
    """
    problems: list[Problem] = []
    actions = data.get("actions")
    actions = actions if isinstance(actions, list) else []
    seen: dict[str, int] = {}
    for index, action in enumerate(actions):
        if isinstance(action, dict):
            problems.extend(_check_action_data(action, index, seen))
    problems.extend(_check_references(data, actions, catalogue))
    return problems


def _check_action_data(action: Mapping[str, Any], index: int, seen: dict[str, int]) -> list[Problem]:
    problems = []
    path = f"actions[{index}]"
    identifier = action.get("id")
    name = excerpt(identifier) if isinstance(identifier, str) else f"number {index + 1}"
    if isinstance(identifier, str):
        if identifier in seen:
            problems.append(
                Problem(
                    f"{path}.id",
                    "duplicate-id",
                    f"action id {excerpt(identifier)} is also used at actions[{seen[identifier]}]; "
                    "each action needs its own id",
                )
            )
        seen.setdefault(identifier, index)
    start, due = _date(action.get("start_date")), _date(action.get("due_date"))
    if start is not None and due is not None and due < start:
        problems.append(
            Problem(
                f"{path}.due_date",
                "due-before-start",
                f"action {name} is due on {due} but starts on {start}; the due date must be on or after the start date",
            )
        )
    partners = action.get("co_produced_with")
    for j, partner in enumerate(partners if isinstance(partners, list) else []):
        problems.extend(check_contributor_data(partner, f"{path}.co_produced_with[{j}]"))
    reason = action.get("dropped_reason")
    if action.get("status") == "dropped" and not (isinstance(reason, str) and reason.strip()):
        problems.append(
            Problem(
                f"{path}.dropped_reason",
                "dropped-without-reason",
                f"action {name} is dropped but gives no reason; say why it was dropped",
            )
        )
    return problems


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _check_references(data: Mapping[str, Any], actions: list[Any], catalogue: CatalogueLookup) -> list[Problem]:
    problems: list[Problem] = []
    framework_id, version = data.get("framework"), data.get("framework_version")
    if isinstance(framework_id, str) and isinstance(version, str):
        try:
            framework = catalogue.framework(framework_id, version)
        except UnknownFrameworkError as error:
            code = error.problems[0].code if error.problems else "unknown-framework"
            problems.append(
                Problem("framework_version" if code == "unknown-version" else "framework", code, error.message)
            )
        else:
            for i, action in enumerate(actions):
                criteria = action.get("criteria") if isinstance(action, dict) else None
                for j, criterion in enumerate(criteria if isinstance(criteria, list) else []):
                    if isinstance(criterion, str) and not framework.has_criterion(criterion):
                        identifier = action.get("id", f"number {i + 1}")
                        problems.append(
                            _unknown_criterion(f"actions[{i}].criteria[{j}]", identifier, criterion, framework)
                        )
    for i, action in enumerate(actions):
        target = action.get("target") if isinstance(action, dict) else None
        if isinstance(target, dict):
            problems.extend(_check_target(target, f"actions[{i}].target", catalogue))
    return problems


def _check_target(target: Mapping[str, Any], path: str, catalogue: CatalogueLookup) -> list[Problem]:
    ladder_id, rung = target.get("ladder"), target.get("rung")
    if not isinstance(ladder_id, str):
        return []
    try:
        ladder = catalogue.ladder(ladder_id)
    except UnknownLadderError as error:
        return [Problem(f"{path}.ladder", "unknown-ladder", error.message)]
    known = [r.id for r in ladder.rungs]
    if isinstance(rung, str) and rung not in known:
        return [
            Problem(
                f"{path}.rung",
                "unknown-rung",
                f"{excerpt(rung)} is not a rung of {ladder.name}; choose {', '.join(known)}",
            )
        ]
    return []
