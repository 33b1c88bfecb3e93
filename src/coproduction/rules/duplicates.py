"""Duplicate returns: two audits of one organisation, viewpoint, framework version and date count once."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

import attrs

from coproduction.model.audit import Audit
from coproduction.model.organisation import Organisation
from coproduction.rules.organisations import same_organisation

__all__ = ["Duplicate", "DuplicateCheck", "find_duplicates", "screen_returns"]


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

    Of each such group the return whose name sorts first is counted; the
    others are reported as duplicates, saying whether their answers are
    identical. The order the returns are given in changes nothing.

    Args:
        returns: Each return's name (such as its file name) and audit.

    Returns:
        The returns to count and the duplicates left out.
    """
    kept = []
    duplicates = []
    for name, audit, duplicate in screen_returns(sorted(returns, key=lambda item: item[0])):
        if duplicate is None:
            kept.append((name, audit))
        else:
            duplicates.append(duplicate)
    return DuplicateCheck(tuple(kept), tuple(duplicates))


def screen_returns(returns: Iterable[tuple[str, Audit]]) -> Iterator[tuple[str, Audit, Duplicate | None]]:
    """Pass returns through one at a time, marking each that repeats an earlier one.

    The first return of each organisation, viewpoint, framework version and
    date is counted; a later one is a duplicate of it. Given returns in name
    order (as folders are read), "first" is "first by name". Only a key and a
    fingerprint of the answers of each return are held, so a summary of
    thousands of files stays small.

    Yields:
        Each return's name and audit, with None when it is counted or the
        :class:`Duplicate` saying why it is not.
    """
    by_identifier: dict[tuple[object, ...], list[_Seen]] = {}
    by_name: dict[tuple[object, ...], list[_Seen]] = {}
    for name, audit in returns:
        when = (audit.perspective, audit.framework, audit.framework_version, audit.date)
        identifier = (audit.organisation.identifier or "").strip()
        plain = " ".join(audit.organisation.name.split()).casefold()
        candidates = by_identifier.get((*when, identifier), []) if identifier else []
        candidates = candidates + by_name.get((*when, plain), [])
        earlier = next(
            (seen for seen in candidates if same_organisation(seen.audit_organisation, audit.organisation)), None
        )
        if earlier is None:
            seen = _Seen(name, audit.organisation, _answers(audit))
            if identifier:
                by_identifier.setdefault((*when, identifier), []).append(seen)
            by_name.setdefault((*when, plain), []).append(seen)
            yield name, audit, None
            continue
        identical = earlier.answers == _answers(audit)
        why = (
            "it holds the same answers" if identical else "its answers differ, and the first file by name order is kept"
        )
        yield (
            name,
            audit,
            Duplicate(
                source=name,
                kept=earlier.name,
                identical=identical,
                reason=(
                    f"{name} is a second return of {audit.organisation.name} ({audit.perspective.label}, "
                    f"{audit.date.isoformat()}); only {earlier.name} is counted: {why}."
                ),
            ),
        )


@attrs.frozen
class _Seen:
    name: str
    audit_organisation: Organisation
    answers: bytes


def _answers(audit: Audit) -> bytes:
    """A digest of the answers, so a summary of thousands of returns holds 32 bytes of each."""
    return hashlib.sha256(
        repr(
            tuple(
                sorted(
                    (r.criterion, r.rating or "", r.not_applicable, r.evidence, r.required_actions, r.next_steps)
                    for r in audit.responses
                )
            )
        ).encode("utf-8", "backslashreplace")
    ).digest()
