"""The ``docx`` exporter: the plugin object the registry loads."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO, ClassVar

from coproduction import (
    ActionPlan,
    Audit,
    AuditReport,
    AuditTemplate,
    Catalogue,
    Charter,
    Comparison,
    CoproductionError,
    FeedbackLog,
    PlanStatus,
    Progress,
    UnreadableFileError,
    UnsupportedDocumentError,
    default_catalogue,
)
from coproduction.exporters.office import ArchiveLimits, read_bounded
from coproduction_docx._charter import write_charter
from coproduction_docx._comparison import write_comparison
from coproduction_docx._cycle import Settings
from coproduction_docx._feedback import write_feedback
from coproduction_docx._package import ARCHIVE_ERRORS
from coproduction_docx._plan import write_plan
from coproduction_docx._progress import write_progress
from coproduction_docx._reader import read_template
from coproduction_docx._report import write_report
from coproduction_docx._template import write_template

__all__ = ["DocxExporter"]

# What the exporter writes besides templates and reports: the documents of the co-production cycle.
_CYCLE = (Comparison, Progress, ActionPlan, PlanStatus, Charter, FeedbackLog)


def _source_name(source: object) -> str:
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, (str, bytes)) or hasattr(name, "__fspath__") else "the Word document"


class DocxExporter:
    """Writes Word audit templates, reports and the documents of the co-production cycle; reads templates back.

    Constructible with no arguments (as the registry does), holds no open
    resources and pickles, so batch generation can hand it to worker processes.

    Attributes:
        name: ``docx``.
        media_type: The Word document media type.
        suffix: ``.docx``.
        limits: The size limits a file must keep to before it is opened.
        catalogue: Where the cycle documents find frameworks (for the wording
            of statements), ladders and the glossary; None for the built-in
            catalogue.
        as_of: The date an action plan's progress and a feedback log's
            overdue answers are judged on; None for the day of export.
    """

    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    suffix: ClassVar[str] = ".docx"

    def __init__(
        self,
        limits: ArchiveLimits | None = None,
        *,
        catalogue: Catalogue | None = None,
        as_of: dt.date | None = None,
    ) -> None:
        """Create the exporter.

        Args:
            limits: Size limits for files read back; :class:`ArchiveLimits`
                defaults when omitted.
            catalogue: Frameworks, ladders and the glossary for the cycle
                documents (a council's own framework or ladder:
                ``default_catalogue().including(...)``); the built-in
                catalogue when omitted.
            as_of: The date action plans and feedback logs report on; the day
                of export when omitted.
        """
        self.limits = limits or ArchiveLimits()
        self.catalogue = catalogue
        self.as_of = as_of

    def __repr__(self) -> str:
        extra = "" if self.catalogue is None else ", catalogue=<given>"
        extra += "" if self.as_of is None else f", as_of={self.as_of!r}"
        return f"DocxExporter(limits={self.limits!r}{extra})"

    def supports(self, document: object) -> bool:
        """True for the documents :meth:`export` writes.

        Those are an :class:`~coproduction.AuditTemplate`, an
        :class:`~coproduction.AuditReport`, a comparison of perspectives
        (:class:`~coproduction.compare.Comparison`), progress across audits
        (:class:`~coproduction.compare.Progress`), an action plan
        (:class:`~coproduction.plan.ActionPlan`, or its
        :class:`~coproduction.plan.PlanStatus` on a date), a charter
        (:class:`~coproduction.charter.Charter`) and a "you said, we did" log
        (:class:`~coproduction.feedback.FeedbackLog`).

        Args:
            document: Anything.

        Returns:
            Whether :meth:`export` can write it.
        """
        return isinstance(document, (AuditTemplate, AuditReport, *_CYCLE))

    def _settings(self) -> Settings:
        return Settings(self.catalogue or default_catalogue(), self.as_of or dt.date.today())

    def export(self, document: object, out: BinaryIO, /) -> None:
        """Write a document as Word: a template, a report, or a document of the co-production cycle.

        Everything is built in memory and checked first, so nothing reaches
        ``out`` when an error is raised.

        Args:
            document: Any document :meth:`supports`.
            out: A binary stream to write the ``.docx`` to.

        Raises:
            UnsupportedDocumentError: For any other kind of document.
            ExportError: If some text holds a character Word cannot store (a
                control character); every such place is listed.
            InvalidDocumentError: If a report's audit does not fit its
                framework, or an action plan or charter names a framework,
                statement, ladder or rung the catalogue does not have.
        """
        if isinstance(document, AuditTemplate):
            write_template(document, out)
        elif isinstance(document, AuditReport):
            write_report(document, out)
        elif isinstance(document, Comparison):
            write_comparison(document, out, self._settings())
        elif isinstance(document, Progress):
            write_progress(document, out, self._settings())
        elif isinstance(document, (ActionPlan, PlanStatus)):
            write_plan(document, out, self._settings())
        elif isinstance(document, Charter):
            write_charter(document, out, self._settings())
        elif isinstance(document, FeedbackLog):
            write_feedback(document, out, self._settings())
        else:
            raise UnsupportedDocumentError(
                f"the docx exporter cannot write a {type(document).__name__}; it writes an AuditTemplate "
                "(a fillable audit), an AuditReport, a Comparison, a Progress report, an ActionPlan (or its "
                "PlanStatus), a Charter or a FeedbackLog"
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
            data = read_bounded(source, self.limits)
            return read_template(data, catalogue, self.limits)
        except CoproductionError as error:
            error.with_source(name)
            raise
        except ARCHIVE_ERRORS as error:  # anything the checks above did not foresee
            raise UnreadableFileError(
                f"the file could not be read as a Word audit template ({type(error).__name__}: {error})",
                source=name,
            ) from error
