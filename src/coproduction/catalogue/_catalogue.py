"""The catalogue of frameworks, ladders, glossaries, approaches, barriers and meeting checklists (private)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from importlib import resources
from typing import Any, TypeVar

from coproduction.contract.serialization import load, loads
from coproduction.errors import (
    InvalidDocumentError,
    Problem,
    UnknownCatalogueItemError,
    UnknownFrameworkError,
    UnknownGlossaryError,
    UnknownLadderError,
)
from coproduction.model._excerpt import excerpt
from coproduction.model.approaches import Approach, ApproachCollection
from coproduction.model.barriers import Barrier, BarrierCollection, HelpLink, PriorityGroup, Suggestion
from coproduction.model.checklists import MeetingChecklists
from coproduction.model.framework import Framework
from coproduction.model.glossary import Glossary
from coproduction.model.ladder import Ladder
from coproduction.rules.practice import suggest_approaches

__all__ = ["Catalogue", "CatalogueItem", "default_catalogue"]

T = TypeVar("T")

CatalogueItem = Framework | Ladder | Glossary | ApproachCollection | BarrierCollection | MeetingChecklists
"""What a catalogue holds and a council can add from a JSON file."""


class Catalogue:
    """Frameworks, ladders, glossaries, approaches and barriers, looked up by id.

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
        approaches: Iterable[ApproachCollection] = (),
        barriers: Iterable[BarrierCollection] = (),
        meeting_checklists: Iterable[MeetingChecklists] = (),
    ) -> None:
        """Build a catalogue from items.

        Raises:
            ValueError: If two frameworks share an id and version, two ladders,
                glossaries or collections share an id, two collections hold
                an approach, barrier or priority group of the same id, or a
                link names an approach the catalogue does not hold.
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
        self._approach_collections: dict[str, ApproachCollection] = _by_id(approaches, "approach collection")
        self._barrier_collections: dict[str, BarrierCollection] = _by_id(barriers, "barrier collection")
        self._meeting_checklists: dict[str, MeetingChecklists] = _by_id(meeting_checklists, "meeting checklists")
        approach_list = [a for c in self._collections(self._approach_collections) for a in c.approaches]
        self._approaches: dict[str, Approach] = _by_id(approach_list, "approach")
        barrier_list = [b for c in self._collections(self._barrier_collections) for b in c.barriers]
        self._barriers: dict[str, Barrier] = _by_id(barrier_list, "barrier")
        group_list = [g for c in self._collections(self._barrier_collections) for g in c.groups]
        self._groups: dict[str, PriorityGroup] = _by_id(group_list, "priority group")
        unlinked = unknown_approaches(self._barrier_collections.values(), self._approaches)
        if unlinked:
            raise ValueError(unlinked[0].message)

    @staticmethod
    def _collections(collections: dict[str, Any]) -> list[Any]:
        return [collections[key] for key in sorted(collections)]

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

    def approach_collections(self) -> list[ApproachCollection]:
        """Every collection of approaches, sorted by id."""
        return self._collections(self._approach_collections)

    def barrier_collections(self) -> list[BarrierCollection]:
        """Every collection of barriers, sorted by id."""
        return self._collections(self._barrier_collections)

    def meeting_checklists(self) -> list[MeetingChecklists]:
        """Every collection of meeting checklists, sorted by id."""
        return self._collections(self._meeting_checklists)

    def meeting_checklist_collection(self, checklists_id: str) -> MeetingChecklists:
        """Return a collection of meeting checklists by id.

        Raises:
            UnknownCatalogueItemError: Naming the collections there are.
        """
        missing = Problem("checklists", "unknown-checklists", f"no meeting checklists {excerpt(checklists_id)}")
        return _lookup(self._meeting_checklists, checklists_id, "meeting checklists", "meeting checklists", missing)

    def approaches(self) -> list[Approach]:
        """Every approach: collection by collection (sorted by id), each in its source's order."""
        return list(self._approaches.values())

    def barriers(self) -> list[Barrier]:
        """Every barrier: collection by collection (sorted by id), each in its source's order."""
        return list(self._barriers.values())

    def priority_groups(self) -> list[PriorityGroup]:
        """Every priority group: collection by collection (sorted by id), each in its source's order."""
        return list(self._groups.values())

    def help_links(self) -> list[HelpLink]:
        """Which approaches help with which barriers and groups, each with its basis (source or library)."""
        return [link for c in self.barrier_collections() for link in c.approach_helps_with]

    def approach(self, approach_id: str) -> Approach:
        """Return an approach by id.

        Raises:
            UnknownFrameworkError: Naming the approaches there are.
        """
        missing = Problem("approach", "unknown-approach", f"no approach {excerpt(approach_id)}")
        return _lookup(self._approaches, approach_id, "approach", "approaches", missing)

    def barrier(self, barrier_id: str) -> Barrier:
        """Return a barrier by id.

        Raises:
            UnknownFrameworkError: Naming the barriers there are.
        """
        missing = Problem("barrier", "unknown-barrier", f"no barrier {excerpt(barrier_id)}")
        return _lookup(self._barriers, barrier_id, "barrier", "barriers", missing)

    def priority_group(self, group_id: str) -> PriorityGroup:
        """Return a priority group by id.

        Raises:
            UnknownFrameworkError: Naming the priority groups there are.
        """
        missing = Problem("priority_group", "unknown-priority-group", f"no priority group {excerpt(group_id)}")
        return _lookup(self._groups, group_id, "priority group", "priority groups", missing)

    def collection_of(self, item: Approach | Barrier | PriorityGroup) -> ApproachCollection | BarrierCollection:
        """The collection an approach, barrier or priority group belongs to (for its sources)."""
        if isinstance(item, Approach):
            return next(c for c in self.approach_collections() if item in c.approaches)
        if isinstance(item, Barrier):
            return next(c for c in self.barrier_collections() if item in c.barriers)
        return next(c for c in self.barrier_collections() if item in c.groups)

    def suggest_approaches(self, *, barriers: Iterable[str] = (), groups: Iterable[str] = ()) -> list[Suggestion]:
        """The approaches that help with any of these barriers or priority groups, most helpful first.

        Raises:
            UnknownFrameworkError: If a barrier or group id is not in the catalogue.
        """
        barriers, groups = list(barriers), list(groups)
        for barrier_id in barriers:
            self.barrier(barrier_id)
        for group_id in groups:
            self.priority_group(group_id)
        return suggest_approaches(self.approaches(), self.help_links(), barriers=barriers, groups=groups)

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

    def find_framework(self, framework_id: str, version: str | None = None) -> Framework | None:
        """Return a framework by id (the given version or the latest), or None when the catalogue lacks it.

        For a document that reads without its framework (by reference); use
        :meth:`framework` where a missing framework is a mistake to report.
        """
        try:
            return self.framework(framework_id, version)
        except UnknownFrameworkError:
            return None

    def find_ladder(self, ladder_id: str) -> Ladder | None:
        """Return a ladder by id, or None when the catalogue lacks it (see :meth:`find_framework`)."""
        return self._ladders.get(ladder_id)

    def ladder(self, ladder_id: str) -> Ladder:
        """Return a ladder by id.

        Raises:
            UnknownLadderError: Naming the ladders there are.
        """
        if ladder_id not in self._ladders:
            raise UnknownLadderError(
                f"there is no ladder {excerpt(ladder_id)}; known ladders: {', '.join(sorted(self._ladders)) or 'none'}"
            )
        ladder: Ladder = self._ladders[ladder_id]
        return ladder

    def glossary(self, glossary_id: str = "send-glossary") -> Glossary:
        """Return a glossary by id.

        Raises:
            UnknownGlossaryError: Naming the glossaries there are.
        """
        if glossary_id not in self._glossaries:
            raise UnknownGlossaryError(
                f"there is no glossary {excerpt(glossary_id)}; "
                f"known glossaries: {', '.join(sorted(self._glossaries)) or 'none'}"
            )
        glossary: Glossary = self._glossaries[glossary_id]
        return glossary

    def including(self, *items: CatalogueItem) -> Catalogue:
        """Return a new catalogue with these items added (replacing any of the same id and version).

        Raises:
            ValueError: If an added collection holds an approach, barrier or
                group another collection holds, or links an unknown approach.
        """
        frameworks = dict(self._frameworks)
        ladders = dict(self._ladders)
        glossaries = dict(self._glossaries)
        approaches = dict(self._approach_collections)
        barriers = dict(self._barrier_collections)
        checklists = dict(self._meeting_checklists)
        for item in items:
            if isinstance(item, Framework):
                frameworks[(item.id, item.version)] = item
            elif isinstance(item, Ladder):
                ladders[item.id] = item
            elif isinstance(item, Glossary):
                glossaries[item.id] = item
            elif isinstance(item, ApproachCollection):
                approaches[item.id] = item
            elif isinstance(item, BarrierCollection):
                barriers[item.id] = item
            elif isinstance(item, MeetingChecklists):
                checklists[item.id] = item
            else:
                raise TypeError(
                    "a catalogue holds frameworks, ladders, glossaries, approaches, barriers and meeting checklists, "
                    f"not {type(item).__name__}"
                )
        return Catalogue(
            frameworks.values(),
            ladders.values(),
            glossaries.values(),
            approaches.values(),
            barriers.values(),
            checklists.values(),
        )

    def including_file(self, path: str | os.PathLike[str]) -> Catalogue:
        """Return a new catalogue with a council's own framework, ladder, glossary, approaches or barriers added.

        The file is validated like any other document; a barriers file's links
        must name approaches of this catalogue or of the file's own.

        Raises:
            UnreadableFileError: If the file is not acceptable JSON.
            InvalidDocumentError: If it is not a valid catalogue item, or does not fit this catalogue.
        """
        item = load_item(path, self)
        if isinstance(item, BarrierCollection):
            problems = unknown_approaches([item], {a.id: a for a in self.approaches()})
            if problems:
                raise InvalidDocumentError(
                    f"{path} links approaches the catalogue does not hold", problems, source=str(path)
                )
        try:
            return self.including(item)
        except ValueError as error:
            raise InvalidDocumentError(
                f"{path} does not fit the catalogue: {error}",
                [Problem("id", "clashing-id", str(error))],
                source=str(path),
            ) from None


_ITEM_CLASSES = (Framework, Ladder, Glossary, ApproachCollection, BarrierCollection, MeetingChecklists)
_ITEM_KINDS = "framework, ladder, glossary, approaches, barriers or meeting checklists"


def load_item(path: str | os.PathLike[str], catalogue: Catalogue | None = None) -> CatalogueItem:
    """Load a framework, ladder, glossary, approach collection or barrier collection from a JSON file, validated.

    Raises:
        UnreadableFileError: If the file is not acceptable JSON.
        InvalidDocumentError: If it is not a valid catalogue item.
    """
    item: Any = load(path, catalogue=catalogue if catalogue is not None else Catalogue())
    if not isinstance(item, _ITEM_CLASSES):
        raise InvalidDocumentError(
            f"a catalogue file must be a {_ITEM_KINDS}",
            [Problem("kind", "wrong-kind", f"is {type(item).__name__}; expected {_ITEM_KINDS}")],
            source=str(path),
        )
    return item


def unknown_approaches(collections: Iterable[BarrierCollection], approaches: dict[str, Approach]) -> list[Problem]:
    """The links of these collections that name an approach not among ``approaches``, each with its JSON path."""
    return [
        Problem(
            f"approach_helps_with[{index}].approach",
            "unknown-approach",
            f"collection {collection.id!r} links the approach {link.approach!r}, which the catalogue does not hold",
        )
        for collection in collections
        for index, link in enumerate(collection.approach_helps_with)
        if link.approach not in approaches
    ]


def _lookup(items: dict[str, T], wanted: str, what: str, plural: str, missing: Problem) -> T:
    if wanted not in items:
        known = ", ".join(sorted(items)) or "none"
        raise UnknownCatalogueItemError(
            f"there is no {what} {excerpt(wanted)}; known {plural}: {known}",
            [missing],
        )
    return items[wanted]


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
        [i for i in items if isinstance(i, ApproachCollection)],
        [i for i in items if isinstance(i, BarrierCollection)],
        [i for i in items if isinstance(i, MeetingChecklists)],
    )
