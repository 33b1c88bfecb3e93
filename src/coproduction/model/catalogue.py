"""What the rules and the contract need of a catalogue: frameworks, ladders, glossaries and approaches by id."""

from __future__ import annotations

from typing import Protocol

from coproduction.model.approaches import Approach
from coproduction.model.framework import Framework
from coproduction.model.glossary import Glossary
from coproduction.model.ladder import Ladder

__all__ = ["CatalogueLookup"]


class CatalogueLookup(Protocol):
    """Frameworks, ladders, glossaries and approaches by id; :class:`coproduction.Catalogue` is one.

    The layers below the catalogue are handed one of these, never fetch one.
    """

    def frameworks(self) -> list[Framework]:
        """Every framework, sorted by id then version."""
        ...

    def ladders(self) -> list[Ladder]:
        """Every ladder, sorted by id."""
        ...

    def framework(self, framework_id: str, version: str | None = None) -> Framework:
        """Return a framework by id, the given version or the latest."""
        ...

    def ladder(self, ladder_id: str) -> Ladder:
        """Return a ladder by id."""
        ...

    def glossary(self, glossary_id: str = ...) -> Glossary:
        """Return a glossary by id."""
        ...

    def approaches(self) -> list[Approach]:
        """Every engagement approach."""
        ...
