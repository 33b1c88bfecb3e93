"""Duplicate returns: two audits of one organisation, viewpoint, framework version and date count once."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from coproduction.model.audit import Audit
from coproduction.rules.organisations import same_organisation

__all__ = ["Duplicate", "DuplicateCheck", "find_duplicates"]


@attrs.frozen
class Duplicate:
    """A return left out because another return says the same thing.

    Attributes:
        source: The name of the return left out (a file name, say).
        kept: The name of the return counted instead.
        identical: True when both hold exactly the same answers.
        reason: Which one is counted and why, in plain English.
    """

    source: str
    kept: str
    identical: bool
    reason: str


@attrs.frozen
class DuplicateCheck:
    """The returns to count, and the duplicates left out.

    Attributes:
        kept: The returns to count, as (name, audit), in name order.
        duplicates: One entry per return left out, in name order.
    """

    kept: tuple[tuple[str, Audit], ...]
    duplicates: tuple[Duplicate, ...]


def find_duplicates(returns: Iterable[tuple[str, Audit]]) -> DuplicateCheck:
    """Find returns of the same organisation, viewpoint, framework version and date.

    Of each such group the return whose name sorts last is counted (the later
    file by name order, as a resent return is usually named after the first);
    the others are reported as duplicates, saying whether their answers are
    identical. The order the returns are given in changes nothing.

    Args:
        returns: Each return's name (such as its file name) and audit.

    Returns:
        The returns to count and the duplicates left out.
    """
    ordered = sorted(returns, key=lambda item: item[0])
    groups: list[list[tuple[str, Audit]]] = []
    for name, audit in ordered:
        for group in groups:
            if _same_return(group[0][1], audit):
                group.append((name, audit))
                break
        else:
            groups.append([(name, audit)])
    kept = []
    duplicates = []
    for group in groups:
        kept_name, kept_audit = group[-1]
        kept.append((kept_name, kept_audit))
        for name, audit in group[:-1]:
            identical = _answers(audit) == _answers(kept_audit)
            why = (
                "it holds the same answers"
                if identical
                else "its answers differ, and the later file by name order wins"
            )
            duplicates.append(
                Duplicate(
                    source=name,
                    kept=kept_name,
                    identical=identical,
                    reason=(
                        f"{name} is a second return of {audit.organisation.name} ({audit.perspective.label}, "
                        f"{audit.date.isoformat()}); only {kept_name} is counted: {why}."
                    ),
                )
            )
    return DuplicateCheck(
        tuple(sorted(kept, key=lambda item: item[0])), tuple(sorted(duplicates, key=lambda d: d.source))
    )


def _same_return(first: Audit, second: Audit) -> bool:
    return (
        first.perspective is second.perspective
        and first.framework == second.framework
        and first.framework_version == second.framework_version
        and first.date == second.date
        and same_organisation(first.organisation, second.organisation)
    )


def _answers(audit: Audit) -> tuple[object, ...]:
    return tuple(
        sorted(
            (r.criterion, r.rating or "", r.not_applicable, r.evidence, r.required_actions, r.next_steps)
            for r in audit.responses
        )
    )
