"""Where a page's frameworks and ladders come from, and the date it reports on: the export context, read.

The exporter holds no catalogue and no date: both arrive with each call in an
:class:`~coproduction.ExportContext`, and this module only looks things up in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coproduction import Catalogue, ExportContext, Framework, Ladder, UnknownFrameworkError, UnknownLadderError

__all__ = ["PageContext", "Statements"]


@dataclass(frozen=True)
class PageContext:
    """The catalogue a page looks frameworks and ladders up in, and the date it reports on.

    Attributes:
        catalogue: The frameworks, ladders and glossary.
        as_of: The date overdue actions and answers are judged on.
    """

    catalogue: Catalogue
    as_of: dt.date

    @classmethod
    def of(cls, context: ExportContext) -> PageContext:
        """The page context of an export: its catalogue and its "as of" date."""
        return cls(context.catalogue, context.as_of)

    def framework(self, framework_id: str, version: str | None = None) -> Framework | None:
        """The framework version from the catalogue, or None when it does not hold it."""
        try:
            return self.catalogue.framework(framework_id, version)
        except UnknownFrameworkError:
            return None

    def ladder(self, ladder_id: str) -> Ladder | None:
        """The ladder from the catalogue, or None when it does not hold it."""
        try:
            return self.catalogue.ladder(ladder_id)
        except UnknownLadderError:
            return None


class Statements:
    """The wording and short names of a framework's statements, or only their references without one."""

    def __init__(self, framework: Framework | None) -> None:
        """Index a framework's statements (None when the framework is not available)."""
        self.framework = framework
        self._where: dict[str, tuple[str, int]] = {}
        if framework is not None:
            for section in framework.sections:
                for number, criterion in enumerate(section.criteria, start=1):
                    self._where[criterion.id] = (section.title, number)

    def reference(self, criterion_id: str) -> str:
        """A short name: "Shared values, statement 4" (the reference itself when the framework lacks it)."""
        where = self._where.get(criterion_id)
        return criterion_id if where is None else f"{where[0]}, statement {where[1]}"

    def text(self, criterion_id: str) -> str:
        """The statement's wording, or its short name when the framework is not available or lacks it."""
        if self.framework is None or criterion_id not in self._where:
            return self.reference(criterion_id)
        return self.framework.criterion(criterion_id).text

    def level_name(self, level_id: str | None) -> str:
        """A level's name ("Embedded"); the id when the framework lacks it; empty for None."""
        if level_id is None:
            return ""
        if self.framework is not None and self.framework.scale.has_level(level_id):
            return self.framework.scale.level(level_id).name
        return level_id
