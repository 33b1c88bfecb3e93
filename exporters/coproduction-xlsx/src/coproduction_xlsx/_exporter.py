"""The ``xlsx`` exporter: the plugin object the core's registry loads."""

from __future__ import annotations

from typing import BinaryIO, ClassVar

from coproduction import Audit, AuditReport, AuditTemplate, Catalogue, Framework, UnsupportedDocumentError
from coproduction_xlsx._archive import ArchiveLimits
from coproduction_xlsx._reader import read_template
from coproduction_xlsx._report import write_report
from coproduction_xlsx._summary import CouncilSummary, write_summary
from coproduction_xlsx._template import write_template

__all__ = ["XlsxExporter"]


class XlsxExporter:
    """Writes Excel workbooks, and reads filled-in audit templates back.

    Supports an :class:`~coproduction.AuditTemplate` (a fillable, protected
    workbook), an :class:`~coproduction.AuditReport` (live formulas and charts)
    and a :class:`~coproduction_xlsx.CouncilSummary` (many audits, streamed).
    """

    name: ClassVar[str] = "xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    suffix: ClassVar[str] = ".xlsx"

    def __init__(self, *, limits: ArchiveLimits | None = None) -> None:
        """Make the exporter.

        Args:
            limits: Limits applied to workbooks read back; :class:`ArchiveLimits` defaults when omitted.
        """
        self.limits = limits or ArchiveLimits()

    def supports(self, document: object) -> bool:
        """Say whether ``document`` is a template, report or council summary.

        Args:
            document: Any object.

        Returns:
            True when this exporter can write it.
        """
        return isinstance(document, (AuditTemplate, AuditReport, CouncilSummary))

    def export(self, document: object, out: BinaryIO, /) -> None:
        """Write ``document`` as an .xlsx workbook.

        Args:
            document: An audit template, audit report or council summary.
            out: A binary stream to write to.

        Raises:
            UnsupportedDocumentError: If the document is of another kind; nothing is written.
            ExportError: If a text cannot be held by Excel, or an audit does not fit its
                framework; nothing is written.
        """
        if isinstance(document, AuditTemplate):
            write_template(document, out)
        elif isinstance(document, AuditReport):
            write_report(document, out)
        elif isinstance(document, CouncilSummary):
            write_summary(document.audits, out, catalogue=document.catalogue, progress=document.progress)
        else:
            raise UnsupportedDocumentError(
                f"the xlsx exporter cannot write a {type(document).__name__}; it writes an AuditTemplate, "
                "an AuditReport or a CouncilSummary"
            )

    def read(
        self,
        source: BinaryIO,
        /,
        *,
        catalogue: Catalogue | None = None,
        framework: Framework | None = None,
    ) -> Audit:
        """Read a filled-in audit template back into an audit.

        Args:
            source: The workbook, opened for binary reading.
            catalogue: Where to find the template's framework; the built-in catalogue by default.
            framework: If given, the framework the template must have been made from; a
                template of another framework, version or text is refused.

        Returns:
            The audit, one response per criterion in framework order (unanswered
            criteria have a response with no rating and empty texts).

        Raises:
            UnreadableFileError: If the file is not a safe .xlsx audit template
                (old .xls, encrypted, macro-enabled, a Word file, damaged, too big).
            InvalidDocumentError: Listing every unacceptable value with its sheet and cell.
        """
        return read_template(source, catalogue=catalogue, framework=framework, limits=self.limits)
