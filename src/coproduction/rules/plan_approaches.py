"""Suggested engagement approaches attached to the actions of a plan."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from coproduction.model.barriers import Suggestion
from coproduction.model.plan import ActionPlan

__all__ = ["MOST_APPROACHES", "attach_approaches"]

MOST_APPROACHES = 3
"""How many suggested approaches an action is given unless asked for another number."""


def attach_approaches(
    plan: ActionPlan, suggestions: Sequence[Suggestion], *, most: int = MOST_APPROACHES
) -> ActionPlan:
    """The plan with the most helpful suggested approaches attached to each action.

    The suggestions are those for the barriers a school recorded or the
    priority groups it wants to reach (:meth:`Catalogue.suggest_approaches
    <coproduction.Catalogue.suggest_approaches>`, most helpful first). An
    action keeps the approaches it already names; the suggestions follow
    them, each approach once, until it has ``most`` (never fewer than it had).

    Args:
        plan: The plan.
        suggestions: The suggested approaches, most helpful first.
        most: The most approaches an action is given.

    Raises:
        ValueError: If ``most`` is less than 1.
    """
    if isinstance(most, bool) or not isinstance(most, int) or most < 1:
        raise ValueError(f"most must be a whole number of at least 1; got {most!r}")
    suggested = [suggestion.approach.id for suggestion in suggestions]
    actions = []
    for action in plan.actions:
        named = list(action.approaches)
        for approach in suggested:
            if len(named) >= most:
                break
            if approach not in named:
                named.append(approach)
        actions.append(attrs.evolve(action, approaches=named))
    return attrs.evolve(plan, actions=actions)
