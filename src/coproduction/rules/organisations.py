"""Whether two records name the same organisation."""

from __future__ import annotations

from coproduction.model.organisation import Organisation

__all__ = ["same_organisation"]


def same_organisation(first: Organisation, second: Organisation) -> bool:
    """Say whether two records name the same organisation.

    When both have an identifier (such as a school's URN) the identifiers
    decide; otherwise the names do, ignoring capitals and extra spaces.
    """
    if first.identifier and second.identifier:
        return first.identifier.strip() == second.identifier.strip()
    return _plain(first.name) == _plain(second.name)


def _plain(name: str) -> str:
    return " ".join(name.split()).casefold()
