"""What an exporter plugin is (private; re-exported by ``coproduction.exporters``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, ClassVar, Protocol, runtime_checkable

import attrs

from coproduction.catalogue._catalogue import Catalogue
from coproduction.exporters.office import ArchiveLimits
from coproduction.model.audit import Audit
from coproduction.model.ladder import LadderAssessment
from coproduction.model.plan import ActionPlan

__all__ = [
    "ActionPlanReader",
    "ENTRY_POINT_GROUP",
    "ExportContext",
    "Exporter",
    "LadderAssessmentReader",
    "SitePublisher",
    "TemplateReader",
]

ENTRY_POINT_GROUP = "coproduction.exporters"
"""The entry-point group every exporter, built in or third party, registers under."""


@attrs.frozen(kw_only=True)
class ExportContext:
    """What an exporter is told about the world it writes in; it never looks any of it up itself.

    The public face (:func:`coproduction.export_context`) fills in the built-in
    catalogue and today's date for callers who give neither.

    Attributes:
        catalogue: Where frameworks, ladders and the glossary are found.
        as_of: The date a document reports on: what is overdue, what is due for
            review, the date printed as "made on".
        limits: The limits a file read back must keep to.
    """

    catalogue: Catalogue
    as_of: dt.date
    limits: ArchiveLimits = attrs.field(factory=ArchiveLimits)


@runtime_checkable
class Exporter(Protocol):
    """Writes documents in one file format.

    An exporter is built with no arguments and holds no settings: everything
    it needs to know about the world (catalogue, date, limits) arrives with
    each call, in an :class:`ExportContext`. A plugin keeps a table of writers
    (document class to writer function) and derives :meth:`supports` from it.

    Attributes:
        name: The exporter's name, equal to its entry-point name (``json``, ``docx``).
        media_type: The IANA media type of what it writes.
        suffix: The file suffix, with its dot (``.json``).
    """

    name: ClassVar[str]
    media_type: ClassVar[str]
    suffix: ClassVar[str]

    def supports(self, document: object) -> bool:
        """Say whether this exporter can write ``document``."""
        ...

    def export(self, document: object, out: BinaryIO, /, context: ExportContext) -> None:
        """Write ``document`` to ``out``.

        Args:
            document: Anything :meth:`supports`.
            out: A binary stream; nothing reaches it when an error is raised.
            context: The catalogue, the "as of" date and the limits to write with.

        Raises:
            UnsupportedDocumentError: If :meth:`supports` is false for it.
            InvalidDocumentError: If the document names a framework, criterion,
                ladder or rung the context's catalogue does not have, or an
                audit does not fit its framework.
            ExportError: If the document cannot be held by this format (a
                character or a text length the format cannot store).
        """
        ...


@runtime_checkable
class TemplateReader(Protocol):
    """An exporter whose audit templates come back filled in, and can be read."""

    def read(self, source: BinaryIO, /, context: ExportContext) -> Audit:
        """Read a filled-in template back into an audit.

        Args:
            source: The filled file, opened for binary reading.
            context: Where to find the template's framework (its catalogue)
                and the limits the file must keep to.

        Raises:
            UnreadableFileError: If the file is not a template of this format.
            InvalidDocumentError: If values in it are not acceptable; every
                problem is listed with its place.
        """
        ...


@runtime_checkable
class ActionPlanReader(Protocol):
    """An exporter whose action plans come back updated by a school, and can be read."""

    def read_action_plan(self, source: BinaryIO, /, context: ExportContext) -> ActionPlan:
        """Read an action plan file this exporter wrote, as the school has since updated it.

        Args:
            source: The file, opened for binary reading.
            context: Where to find the plan's framework and ladders (its
                catalogue) and the limits the file must keep to.

        Raises:
            UnreadableFileError: If the file is not an action plan of this format.
            InvalidDocumentError: If values in it are not acceptable; every
                problem is listed with its place.
        """
        ...


@runtime_checkable
class LadderAssessmentReader(Protocol):
    """An exporter whose ladder assessment templates come back filled in, and can be read."""

    def read_ladder_assessment(self, source: BinaryIO, /, context: ExportContext) -> LadderAssessment:
        """Read a filled-in ladder assessment template back into a ladder assessment.

        Args:
            source: The filled file, opened for binary reading.
            context: Where to find the template's ladder (its catalogue) and
                the limits the file must keep to.

        Raises:
            UnreadableFileError: If the file is not a ladder assessment template
                of this format, or was made from another text of the ladder.
            UnknownLadderError: If the catalogue lacks the template's ladder.
            InvalidDocumentError: If values in it are not acceptable; every
                problem is listed with its place (sheet and cell, or rung).
        """
        ...


@runtime_checkable
class SitePublisher(Protocol):
    """An exporter that publishes many documents together as a whole static site (the ``html`` exporter)."""

    def publish(self, documents: Sequence[object], out_dir: Path, /, context: ExportContext) -> Path:
        """Write a whole static site of ``documents`` into ``out_dir``, atomically.

        Every document is checked and drawn first; the site appears whole in
        ``out_dir`` or not at all, and nothing is written outside it.

        Args:
            documents: Documents the exporter supports, of any organisations.
            out_dir: The site's folder.
            context: The catalogue, the "as of" date and the limits to write with.

        Returns:
            The site's folder.

        Raises:
            UnsupportedDocumentError: If a document is of a kind the site cannot show.
            ExportError: If a document cannot be shown, or ``out_dir`` holds
                something other than a site; every problem is listed.
            InvalidDocumentError: If a document names something the context's catalogue lacks.
        """
        ...
