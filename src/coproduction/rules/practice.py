"""Which approaches help with which barriers and priority groups."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coproduction.model.approaches import Approach
from coproduction.model.barriers import Basis, HelpLink, Suggestion, TargetKind

__all__ = ["suggest_approaches"]


def suggest_approaches(
    approaches: Sequence[Approach],
    links: Iterable[HelpLink],
    *,
    barriers: Iterable[str] = (),
    groups: Iterable[str] = (),
) -> list[Suggestion]:
    """The approaches that help with any of the given barriers or priority groups.

    Invariants (property-tested): every suggestion has at least one link, and
    every link names the suggested approach and a barrier or group asked about;
    an approach is suggested at most once; asking about more barriers never
    drops a suggestion; with nothing asked about, nothing is suggested.

    Args:
        approaches: The approaches there are, in their catalogue order.
        links: Which approaches help with which barriers and groups.
        barriers: Barrier ids.
        groups: Priority group ids.

    Returns:
        The suggestions, those that help with the most of what was asked first,
        then those a source vouches for, then in catalogue order. A link to an
        approach not in ``approaches`` is ignored.
    """
    wanted = {(TargetKind.BARRIER, target) for target in barriers}
    wanted |= {(TargetKind.PRIORITY_GROUP, target) for target in groups}
    matching: dict[str, list[HelpLink]] = {}
    for link in links:
        if (link.target_kind, link.target) in wanted and link not in matching.get(link.approach, []):
            matching.setdefault(link.approach, []).append(link)
    order = {approach.id: index for index, approach in enumerate(approaches)}
    suggestions = [Suggestion(approach, matching[approach.id]) for approach in approaches if approach.id in matching]

    def rank(suggestion: Suggestion) -> tuple[int, int, int]:
        sourced = any(link.basis is Basis.SOURCE for link in suggestion.links)
        return (-len(suggestion.links), 0 if sourced else 1, order[suggestion.approach.id])

    return sorted(suggestions, key=rank)
