"""The JSON exporter: canonical JSON of any document, registered like any plugin."""

from __future__ import annotations

from typing import BinaryIO, ClassVar

from coproduction import serialization
from coproduction.audit import Audit
from coproduction.catalogue import Catalogue
from coproduction.documents import AuditReport, AuditTemplate
from coproduction.errors import UnreadableFileError, UnsupportedDocumentError
from coproduction.serialization import DOCUMENT_TYPES, dumps, loads

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
        return isinstance(document, (AuditTemplate, AuditReport, *DOCUMENT_TYPES.values()))

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

        At most :data:`~coproduction.serialization.MAX_DOCUMENT_BYTES` (and one
        more) are read from ``source``, so a huge input is refused unread.
        """
        limit = serialization.MAX_DOCUMENT_BYTES
        data = source.read(limit + 1)
        if len(data) > limit:
            raise UnreadableFileError(
                f"the document is larger than {limit:,} bytes, the most accepted "
                "(set coproduction.serialization.MAX_DOCUMENT_BYTES to change it)"
            )
        audit: Audit = loads(data, Audit, catalogue=catalogue)
        return audit
