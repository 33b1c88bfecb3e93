"""The JSON exporter: canonical JSON of any document, registered like any plugin."""

from __future__ import annotations

from typing import BinaryIO, ClassVar

from coproduction.catalogue._catalogue import Catalogue, default_catalogue
from coproduction.contract import serialization
from coproduction.contract.kinds import kinds
from coproduction.contract.serialization import dumps, loads
from coproduction.errors import UnreadableFileError, UnsupportedDocumentError
from coproduction.exporters.documents import AuditReport, AuditTemplate
from coproduction.model.audit import Audit

__all__ = ["JSONExporter"]


class JSONExporter:
    """Writes any document as canonical JSON, and reads a filled JSON template back.

    A template becomes a blank audit listing every criterion unanswered; a
    report becomes the audit's score report.
    """

    name: ClassVar[str] = "json"
    media_type: ClassVar[str] = "application/json"
    suffix: ClassVar[str] = ".json"

    def supports(self, document: object) -> bool:
        """True for every stored document kind, templates and reports."""
        return isinstance(document, (AuditTemplate, AuditReport, *(kind.cls for kind in kinds())))

    def export(self, document: object, out: BinaryIO, /) -> None:
        """Write the document's canonical JSON, UTF-8 encoded.

        Raises:
            UnsupportedDocumentError: If it is not a document.
        """
        if isinstance(document, AuditTemplate):
            document = document.blank_audit()
        elif isinstance(document, AuditReport):
            document = document.scores
        elif not self.supports(document):
            raise UnsupportedDocumentError(f"the json exporter cannot write a {type(document).__name__}")
        out.write(dumps(document).encode("utf-8"))

    def read(self, source: BinaryIO, /, *, catalogue: Catalogue | None = None) -> Audit:
        """Read a filled-in JSON audit back, validated against its framework.

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
        # Until exporters are handed an ExportContext, a read with no catalogue uses the built-in one.
        audit: Audit = loads(data, Audit, catalogue=default_catalogue() if catalogue is None else catalogue)
        return audit
