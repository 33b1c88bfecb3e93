"""The JSON exporter: canonical JSON of any document, registered like any plugin."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, BinaryIO, ClassVar

from coproduction.contract import serialization
from coproduction.contract.kinds import kinds
from coproduction.contract.serialization import dumps, loads
from coproduction.errors import UnreadableFileError, UnsupportedDocumentError
from coproduction.exporters._protocol import ExportContext
from coproduction.exporters.documents import AuditReport, AuditTemplate
from coproduction.model.audit import Audit

__all__ = ["JSONExporter", "WRITERS"]

Writer = Callable[[Any, BinaryIO, ExportContext], None]


def _write_stored(document: object, out: BinaryIO, context: ExportContext) -> None:
    out.write(dumps(document).encode("utf-8"))


def _write_template(template: AuditTemplate, out: BinaryIO, context: ExportContext) -> None:
    _write_stored(template.blank_audit(), out, context)


def _write_report(report: AuditReport, out: BinaryIO, context: ExportContext) -> None:
    _write_stored(report.scores, out, context)


WRITERS: Mapping[type, Writer] = {
    AuditTemplate: _write_template,
    AuditReport: _write_report,
    **{kind.cls: _write_stored for kind in kinds()},
}
"""What the JSON exporter writes: every stored kind, a template (as a blank audit) and a report (its scores)."""


class JSONExporter:
    """Writes any document as canonical JSON, and reads a filled JSON template back.

    A template becomes a blank audit listing every criterion unanswered; a
    report becomes the audit's score report.
    """

    name: ClassVar[str] = "json"
    media_type: ClassVar[str] = "application/json"
    suffix: ClassVar[str] = ".json"
    writers: ClassVar[Mapping[type, Writer]] = WRITERS
    does_not_write: ClassVar[frozenset[str]] = frozenset()
    """The document kinds of ``coproduction.contract.kinds`` this exporter has no writer for: none."""

    def supports(self, document: object) -> bool:
        """True for every stored document kind, templates and reports (a row of :data:`WRITERS`)."""
        return self._writer(document) is not None

    def _writer(self, document: object) -> Writer | None:
        return next((self.writers[cls] for cls in type(document).__mro__ if cls in self.writers), None)

    def export(self, document: object, out: BinaryIO, /, context: ExportContext) -> None:
        """Write the document's canonical JSON, UTF-8 encoded.

        Raises:
            UnsupportedDocumentError: If it is not a document.
        """
        writer = self._writer(document)
        if writer is None:
            raise UnsupportedDocumentError(f"the json exporter cannot write a {type(document).__name__}")
        writer(document, out, context)

    def read(self, source: BinaryIO, /, context: ExportContext) -> Audit:
        """Read a filled-in JSON audit back, validated against its framework in the context's catalogue.

        At most :data:`~coproduction.contract.serialization.MAX_DOCUMENT_BYTES` (and one
        more) are read from ``source``, so a huge input is refused unread.
        """
        limit = serialization.MAX_DOCUMENT_BYTES
        data = source.read(limit + 1)
        if len(data) > limit:
            raise UnreadableFileError(
                f"the document is larger than {limit:,} bytes, the most accepted "
                "(set coproduction.contract.serialization.MAX_DOCUMENT_BYTES to change it)"
            )
        audit: Audit = loads(data, Audit, catalogue=context.catalogue)
        return audit
