"""The ``docx`` exporter: the plugin object the registry loads."""

from __future__ import annotations

from typing import BinaryIO, ClassVar

from coproduction import (
    Audit,
    AuditReport,
    AuditTemplate,
    Catalogue,
    CoproductionError,
    UnreadableFileError,
    UnsupportedDocumentError,
)
from coproduction_docx._package import ARCHIVE_ERRORS, ArchiveLimits, read_limited
from coproduction_docx._reader import read_template
from coproduction_docx._report import write_report
from coproduction_docx._template import write_template

__all__ = ["DocxExporter"]


def _source_name(source: object) -> str:
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, (str, bytes)) or hasattr(name, "__fspath__") else "the Word document"


class DocxExporter:
    """Writes Word audit templates and reports, and reads filled templates back.

    Constructible with no arguments (as the registry does), holds no open
    resources and pickles, so batch generation can hand it to worker processes.

    Attributes:
        name: ``docx``.
        media_type: The Word document media type.
        suffix: ``.docx``.
        limits: The size limits a file must keep to before it is opened.
    """

    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    suffix: ClassVar[str] = ".docx"

    def __init__(self, limits: ArchiveLimits | None = None) -> None:
        """Create the exporter.

        Args:
            limits: Size limits for files read back; :class:`ArchiveLimits`
                defaults when omitted.
        """
        self.limits = limits or ArchiveLimits()

    def __repr__(self) -> str:
        return f"DocxExporter(limits={self.limits!r})"

    def supports(self, document: object) -> bool:
        """True for an :class:`~coproduction.AuditTemplate` or :class:`~coproduction.AuditReport`.

        Args:
            document: Anything.

        Returns:
            Whether :meth:`export` can write it.
        """
        return isinstance(document, (AuditTemplate, AuditReport))

    def export(self, document: object, out: BinaryIO, /) -> None:
        """Write a fillable audit template or an audit report as a Word document.

        Everything is built in memory and checked first, so nothing reaches
        ``out`` when an error is raised.

        Args:
            document: An :class:`~coproduction.AuditTemplate` or :class:`~coproduction.AuditReport`.
            out: A binary stream to write the ``.docx`` to.

        Raises:
            UnsupportedDocumentError: For any other kind of document.
            ExportError: If some text holds a character Word cannot store (a
                control character); every such place is listed.
            InvalidDocumentError: If a report's audit does not fit its framework.
        """
        if isinstance(document, AuditTemplate):
            write_template(document, out)
        elif isinstance(document, AuditReport):
            write_report(document, out)
        else:
            raise UnsupportedDocumentError(
                f"the docx exporter cannot write a {type(document).__name__}; "
                "it writes an AuditTemplate (a fillable audit) or an AuditReport"
            )

    def read(self, source: BinaryIO, /, *, catalogue: Catalogue | None = None) -> Audit:
        """Read a filled-in Word audit template back into an audit.

        Works on files saved by Word (values in the content controls) and by
        LibreOffice (which drops the controls' tags: rows are then found by
        the reference printed under each statement). Every value is checked
        against the framework's scale.

        Args:
            source: The filled ``.docx``, opened for binary reading; its
                ``name`` (if any) is used in messages.
            catalogue: Where to find the template's framework; the built-in
                catalogue when omitted.

        Returns:
            The audit, with one response per criterion in framework order
            (unanswered ones empty).

        Raises:
            UnreadableFileError: If the file is not a Word document, is damaged,
                breaks the size limits, holds unsafe XML, or is not an audit
                template of a framework version in the catalogue.
            UnknownFrameworkError: If the catalogue lacks the template's
                framework version.
            InvalidDocumentError: If any value is not acceptable (a rating not
                on the scale, a missing date ...); every problem is listed with
                its section and criterion.
        """
        name = _source_name(source)
        try:
            data = read_limited(source, self.limits)
            return read_template(data, catalogue, self.limits)
        except CoproductionError as error:
            error.with_source(name)
            raise
        except ARCHIVE_ERRORS as error:  # anything the checks above did not foresee
            raise UnreadableFileError(
                f"the file could not be read as a Word audit template ({type(error).__name__}: {error})",
                source=name,
            ) from error
