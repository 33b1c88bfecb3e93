"""What an exporter plugin is (private; re-exported by ``coproduction.exporters``)."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO, ClassVar, Protocol, runtime_checkable

import attrs

from coproduction.catalogue._catalogue import Catalogue
from coproduction.exporters.office import ArchiveLimits
from coproduction.model.audit import Audit
from coproduction.model.plan import ActionPlan

__all__ = ["ActionPlanReader", "ENTRY_POINT_GROUP", "ExportContext", "Exporter", "TemplateReader"]

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

    def export(self, document: object, out: BinaryIO, /) -> None:
        """Write ``document`` to ``out``.

        Raises:
            UnsupportedDocumentError: If :meth:`supports` is false for it.
            ExportError: If the document cannot be written in this format.
        """
        ...


@runtime_checkable
class TemplateReader(Protocol):
    """An exporter whose audit templates come back filled in, and can be read."""

    def read(self, source: BinaryIO, /, *, catalogue: Catalogue | None = None) -> Audit:
        """Read a filled-in template back into an audit.

        Args:
            source: The filled file, opened for binary reading.
            catalogue: Where to find the template's framework; the built-in
                catalogue when omitted.

        Raises:
            UnreadableFileError: If the file is not a template of this format.
            InvalidDocumentError: If values in it are not acceptable; every
                problem is listed with its place.
        """
        ...


@runtime_checkable
class ActionPlanReader(Protocol):
    """An exporter whose action plans come back updated by a school, and can be read."""

    def read_action_plan(self, source: BinaryIO, /, *, catalogue: Catalogue | None = None) -> ActionPlan:
        """Read an action plan file this exporter wrote, as the school has since updated it.

        Args:
            source: The file, opened for binary reading.
            catalogue: Where to find the plan's framework; the built-in
                catalogue when omitted.

        Raises:
            UnreadableFileError: If the file is not an action plan of this format.
            InvalidDocumentError: If values in it are not acceptable; every
                problem is listed with its place.
        """
        ...
