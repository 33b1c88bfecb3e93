"""A framework's statements as documents name them: "Shared values, statement 4", worded for the reader."""

from __future__ import annotations

from coproduction.model.framework import Framework
from coproduction.model.organisation import Perspective
from coproduction.rules.viewpoints import wording_for

__all__ = ["StatementIndex"]


class StatementIndex:
    """The wording and short names of a framework's statements, or only their references without the framework.

    A document that meets a statement id (in a plan, a comparison, a pooled
    view) names it through this index, so every format names it the same way,
    and a document whose framework the catalogue lacks still reads, by reference.
    """

    def __init__(self, framework: Framework | None, viewpoint: Perspective | None = None) -> None:
        """Index a framework's statements.

        Args:
            framework: The framework; None when it is not available.
            viewpoint: The reader's viewpoint: statements are worded for it
                (parent carers read the library's plain wording); None keeps the source's words.
        """
        self.framework = framework
        self.viewpoint = viewpoint
        self._where: dict[str, tuple[str, int]] = {}
        if framework is not None:
            for section in framework.sections:
                for number, criterion in enumerate(section.criteria, start=1):
                    self._where[criterion.id] = (section.title, number)

    def reference(self, criterion_id: str) -> str:
        """A short name: "Shared values, statement 4" (the id itself when the framework lacks it)."""
        where = self._where.get(criterion_id)
        return criterion_id if where is None else f"{where[0]}, statement {where[1]}"

    def wording(self, criterion_id: str) -> str | None:
        """The statement's wording for the reader, or None when the framework is not available or lacks it."""
        if self.framework is None or criterion_id not in self._where:
            return None
        return wording_for(self.framework.criterion(criterion_id), self.viewpoint)

    def text(self, criterion_id: str) -> str:
        """The statement's wording for the reader, or its short name when the wording is not available."""
        wording = self.wording(criterion_id)
        return self.reference(criterion_id) if wording is None else wording

    def level_name(self, level_id: str | None) -> str:
        """A level's name ("Embedded"); the id when the framework lacks it; empty for None."""
        if level_id is None:
            return ""
        if self.framework is not None and self.framework.scale.has_level(level_id):
            return self.framework.scale.level(level_id).name
        return level_id
