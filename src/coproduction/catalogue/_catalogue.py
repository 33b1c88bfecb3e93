"""The catalogue of frameworks, ladders and glossaries (private)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from importlib import resources
from typing import Any

from coproduction.contract.serialization import load, loads
from coproduction.errors import InvalidDocumentError, Problem, UnknownFrameworkError
from coproduction.model._excerpt import excerpt
from coproduction.model.framework import Framework
from coproduction.model.glossary import Glossary
from coproduction.model.ladder import Ladder

__all__ = ["Catalogue", "default_catalogue"]


class Catalogue:
    """Frameworks, ladders and glossaries, looked up by id.

    The built-in catalogue (:func:`default_catalogue`) holds what the source
    documents describe; :meth:`including` and :meth:`including_file` return a
    new catalogue with a council's own items added. A catalogue never changes
    once built.
    """

    def __init__(
        self,
        frameworks: Iterable[Framework] = (),
        ladders: Iterable[Ladder] = (),
        glossaries: Iterable[Glossary] = (),
    ) -> None:
        """Build a catalogue from items.

        Raises:
            ValueError: If two frameworks share an id and version, or two
                ladders or glossaries share an id.
        """
        self._frameworks: dict[tuple[str, str], Framework] = {}
        for framework in frameworks:
            key = (framework.id, framework.version)
            if key in self._frameworks:
                raise ValueError(
                    f"framework {excerpt(framework.id)} version {excerpt(framework.version)} is given twice"
                )
            self._frameworks[key] = framework
        self._ladders = _by_id(ladders, "ladder")
        self._glossaries = _by_id(glossaries, "glossary")

    @classmethod
    def builtin(cls) -> Catalogue:
        """The built-in catalogue (the same object each time)."""
        return default_catalogue()

    def frameworks(self) -> list[Framework]:
        """Every framework, sorted by id then version."""
        return [self._frameworks[key] for key in sorted(self._frameworks)]

    def ladders(self) -> list[Ladder]:
        """Every ladder, sorted by id."""
        return [self._ladders[key] for key in sorted(self._ladders)]

    def glossaries(self) -> list[Glossary]:
        """Every glossary, sorted by id."""
        return [self._glossaries[key] for key in sorted(self._glossaries)]

    def framework(self, framework_id: str, version: str | None = None) -> Framework:
        """Return a framework by id, the given version or the latest.

        Raises:
            UnknownFrameworkError: Naming the frameworks or versions there are.
        """
        versions = sorted(v for (i, v) in self._frameworks if i == framework_id)
        if not versions:
            known = ", ".join(sorted({i for i, _ in self._frameworks})) or "none"
            raise UnknownFrameworkError(
                f"there is no framework {excerpt(framework_id)}; known frameworks: {known}",
                [Problem("framework", "unknown-framework", f"no framework {excerpt(framework_id)}")],
            )
        if version is None:
            version = max(versions, key=_version_key)
        if version not in versions:
            raise UnknownFrameworkError(
                f"framework {excerpt(framework_id)} has no version {excerpt(version)}; known versions: "
                f"{', '.join(versions)}",
                [Problem("framework_version", "unknown-version", f"no version {excerpt(version)}")],
            )
        return self._frameworks[(framework_id, version)]

    def ladder(self, ladder_id: str) -> Ladder:
        """Return a ladder by id.

        Raises:
            UnknownFrameworkError: Naming the ladders there are.
        """
        if ladder_id not in self._ladders:
            raise UnknownFrameworkError(
                f"there is no ladder {excerpt(ladder_id)}; known ladders: {', '.join(sorted(self._ladders)) or 'none'}"
            )
        ladder: Ladder = self._ladders[ladder_id]
        return ladder

    def glossary(self, glossary_id: str = "send-glossary") -> Glossary:
        """Return a glossary by id.

        Raises:
            UnknownFrameworkError: Naming the glossaries there are.
        """
        if glossary_id not in self._glossaries:
            raise UnknownFrameworkError(
                f"there is no glossary {excerpt(glossary_id)}; "
                f"known glossaries: {', '.join(sorted(self._glossaries)) or 'none'}"
            )
        glossary: Glossary = self._glossaries[glossary_id]
        return glossary

    def including(self, *items: Framework | Ladder | Glossary) -> Catalogue:
        """Return a new catalogue with these items added (replacing any of the same id and version)."""
        frameworks = dict(self._frameworks)
        ladders = dict(self._ladders)
        glossaries = dict(self._glossaries)
        for item in items:
            if isinstance(item, Framework):
                frameworks[(item.id, item.version)] = item
            elif isinstance(item, Ladder):
                ladders[item.id] = item
            elif isinstance(item, Glossary):
                glossaries[item.id] = item
            else:
                raise TypeError(f"a catalogue holds frameworks, ladders and glossaries, not {type(item).__name__}")
        return Catalogue(frameworks.values(), ladders.values(), glossaries.values())

    def including_file(self, path: str | os.PathLike[str]) -> Catalogue:
        """Return a new catalogue with a council's own framework, ladder or glossary added.

        The file is validated like any other document.

        Raises:
            UnreadableFileError: If the file is not acceptable JSON.
            InvalidDocumentError: If it is not a valid framework, ladder or glossary.
        """
        return self.including(load_item(path, self))


def load_item(path: str | os.PathLike[str], catalogue: Catalogue | None = None) -> Framework | Ladder | Glossary:
    """Load a framework, ladder or glossary from a JSON file, validated.

    Raises:
        UnreadableFileError: If the file is not acceptable JSON.
        InvalidDocumentError: If it is not a valid framework, ladder or glossary.
    """
    item: Any = load(path, catalogue=catalogue if catalogue is not None else Catalogue())
    if not isinstance(item, (Framework, Ladder, Glossary)):
        raise InvalidDocumentError(
            "a catalogue file must be a framework, ladder or glossary",
            [Problem("kind", "wrong-kind", f"is {type(item).__name__}; expected framework, ladder or glossary")],
            source=str(path),
        )
    return item


def _by_id(items: Iterable[Any], what: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in items:
        if item.id in found:
            raise ValueError(f"{what} {excerpt(item.id)} is given twice")
        found[item.id] = item
    return found


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in version.split("."))


@functools.cache
def default_catalogue() -> Catalogue:
    """The built-in catalogue, loaded from the package data once and validated."""
    items: list[Any] = []
    data = resources.files("coproduction.catalogue") / "data"
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            items.append(loads(entry.read_bytes(), source=f"built-in {entry.name}"))
    return Catalogue(
        [i for i in items if isinstance(i, Framework)],
        [i for i in items if isinstance(i, Ladder)],
        [i for i in items if isinstance(i, Glossary)],
    )
