"""Summing up barriers survey returns: how many met each barrier, and the approaches for the most common.

Rules (normative, property-tested):

- a barrier's ``met`` is the number of returns that ticked it, its ``asked``
  the number that listed it; ``met <= asked <= returns``;
- counts are listed most often met first, ties in the order of the barrier list;
- the most common barriers are those met at least as often as the ``top``-th
  barrier in that order (so a tie at the cut-off keeps every tied barrier),
  never a barrier nobody met;
- the suggestions are :func:`~coproduction.rules.practice.suggest_approaches`
  for the most common barriers and the priority groups asked about;
- the order of the returns changes nothing; families' own words are shown
  only when there are at least ``minimum_group`` returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from coproduction.errors import InvalidDocumentError, Problem
from coproduction.model._excerpt import excerpt
from coproduction.model.approaches import Approach
from coproduction.model.barriers import Barrier, HelpLink
from coproduction.model.barriers_survey import BarrierCount, BarriersReturn, BarriersSummary
from coproduction.model.pooled import DEFAULT_MINIMUM_GROUP
from coproduction.rules.practice import suggest_approaches

__all__ = ["DEFAULT_TOP", "summarise_barriers"]

DEFAULT_TOP = 3
"""How many of the most common barriers the approaches are suggested for, unless asked otherwise."""


def summarise_barriers(
    returns: Iterable[BarriersReturn],
    barriers: Sequence[Barrier],
    approaches: Sequence[Approach],
    links: Iterable[HelpLink],
    *,
    groups: Iterable[str] = (),
    top: int = DEFAULT_TOP,
    minimum_group: int = DEFAULT_MINIMUM_GROUP,
) -> BarriersSummary:
    """Sum up barriers survey returns.

    Args:
        returns: The returns, in any order.
        barriers: The barriers there are (the catalogue's), in their list order.
        approaches: The approaches there are, in catalogue order.
        links: Which approaches help with which barriers and priority groups.
        groups: Ids of priority groups the school wants to reach; the
            suggestions take them into account.
        top: How many of the most common barriers to suggest approaches for (at least 1).
        minimum_group: The fewest returns whose own words are shown (at least 1).

    Returns:
        The summary.

    Raises:
        ValueError: If ``top`` or ``minimum_group`` is below 1.
        InvalidDocumentError: If there are no returns, or a return names a
            barrier not in ``barriers`` (each such place is listed).
    """
    if top < 1 or minimum_group < 1:
        raise ValueError("top and minimum_group are at least 1")
    returns = list(returns)
    if not returns:
        raise InvalidDocumentError("there are no barriers survey returns to sum up")
    position = {barrier.id: index for index, barrier in enumerate(barriers)}
    problems = [
        Problem(
            f"returns[{number}].asked[{index}]",
            "unknown-barrier",
            f"the return lists the barrier {excerpt(barrier)}, which the catalogue does not hold; "
            "sum it up with the catalogue the survey was made from",
        )
        for number, item in enumerate(returns)
        for index, barrier in enumerate(item.asked)
        if barrier not in position
    ]
    if problems:
        raise InvalidDocumentError("some returns name barriers the catalogue does not hold", problems)
    asked = Counter(barrier for item in returns for barrier in item.asked)
    met = Counter(barrier for item in returns for barrier in item.met)
    counts = sorted(
        (BarrierCount(barrier, met[barrier], asked[barrier]) for barrier in asked),
        key=lambda count: (-count.met, position[count.barrier]),
    )
    most_common = _most_common(counts, top)
    withheld = len(returns) < minimum_group
    return BarriersSummary(
        returns=len(returns),
        organisations=sorted({item.organisation.name for item in returns}),
        cohorts=sorted({item.cohort for item in returns}),
        counts=counts,
        most_common=most_common,
        suggestions=suggest_approaches(approaches, links, barriers=most_common, groups=groups),
        other=() if withheld else sorted(text.strip() for item in returns for text in item.other),
        other_withheld=withheld,
        minimum_group=minimum_group,
    )


def _most_common(counts: Sequence[BarrierCount], top: int) -> list[str]:
    met = [count for count in counts if count.met > 0]
    if not met:
        return []
    cut = met[min(top, len(met)) - 1].met
    return [count.barrier for count in met if count.met >= cut]
