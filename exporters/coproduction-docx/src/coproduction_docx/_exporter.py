"""The ``docx`` exporter: the plugin object the registry loads."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, BinaryIO, ClassVar

from coproduction import (
    ActionPlan,
    Activity,
    Audit,
    AuditReport,
    AuditTemplate,
    BarriersReturn,
    BarriersSummary,
    BarriersSurveyTemplate,
    Calendar,
    Charter,
    ChecklistPage,
    Comparison,
    CoproductionError,
    EvaluationSlip,
    EvaluationSlipTemplate,
    ExportContext,
    FeedbackLog,
    LadderAssessment,
    LadderAssessmentTemplate,
    LadderComparisonReport,
    PlanStatus,
    PooledView,
    Progress,
    UnreadableFileError,
    UnsupportedDocumentError,
)
from coproduction.exporters.office import read_bounded
from coproduction_docx._barriers_summary import write_barriers_summary
from coproduction_docx._barriers_survey import write_barriers_survey
from coproduction_docx._barriers_survey_reader import read_barriers_survey
from coproduction_docx._calendar import write_calendar
from coproduction_docx._charter import write_charter
from coproduction_docx._checklist import write_checklist
from coproduction_docx._comparison import write_comparison
from coproduction_docx._cycle import Settings
from coproduction_docx._evaluation_slip import write_evaluation_slip
from coproduction_docx._evaluation_slip_reader import read_evaluation_slip
from coproduction_docx._feedback import write_feedback
from coproduction_docx._ladder_comparison import write_ladder_comparison
from coproduction_docx._ladder_reader import read_ladder_template
from coproduction_docx._ladder_template import write_ladder_template
from coproduction_docx._package import ARCHIVE_ERRORS
from coproduction_docx._plan import write_plan
from coproduction_docx._pooled import write_pooled_view
from coproduction_docx._progress import write_progress
from coproduction_docx._reader import read_template
from coproduction_docx._report import write_report
from coproduction_docx._template import write_template

__all__ = ["DOES_NOT_WRITE", "WRITERS", "DocxExporter"]

Writer = Callable[[Any, BinaryIO, ExportContext], None]


def _settings(context: ExportContext) -> Settings:
    return Settings(context.catalogue, context.as_of)


WRITERS: Mapping[type, Writer] = {
    AuditTemplate: write_template,
    LadderAssessmentTemplate: write_ladder_template,
    BarriersSurveyTemplate: write_barriers_survey,
    EvaluationSlipTemplate: write_evaluation_slip,
    BarriersSummary: lambda summary, out, context: write_barriers_summary(summary, out, _settings(context)),
    AuditReport: write_report,
    Comparison: lambda comparison, out, context: write_comparison(comparison, out, _settings(context)),
    Progress: lambda progress, out, context: write_progress(progress, out, _settings(context)),
    ActionPlan: lambda plan, out, context: write_plan(plan, out, _settings(context)),
    PlanStatus: lambda status, out, context: write_plan(status, out, _settings(context)),
    Charter: lambda charter, out, context: write_charter(charter, out, _settings(context)),
    FeedbackLog: lambda log, out, context: write_feedback(log, out, _settings(context)),
    PooledView: lambda view, out, context: write_pooled_view(view, out, _settings(context)),
    LadderComparisonReport: lambda report, out, context: write_ladder_comparison(report, out, _settings(context)),
    ChecklistPage: lambda page, out, context: write_checklist(page, out, _settings(context)),
    Calendar: lambda calendar, out, context: write_calendar(calendar, out, _settings(context)),
}
"""What the Word exporter writes: one writer per document class."""

DOES_NOT_WRITE: frozenset[str] = frozenset(
    {
        "activity",
        "approaches",
        "audit",
        "barriers",
        "barriers-return",
        "framework",
        "glossary",
        "ladder",
        "ladder-assessment",
        "meeting-checklists",
        "school-local-details",
        "score-report",
    }
)
"""The stored document kinds (``coproduction.contract.kinds``) the Word exporter has no writer for.

An audit is written as an :class:`~coproduction.AuditReport` (or its blank
:class:`~coproduction.AuditTemplate`); frameworks, ladders, ladder
assessments, glossaries and score reports are data, written as JSON; a
barriers survey return is read from the filled
:class:`~coproduction.BarriersSurveyTemplate`, not written.
"""


def _source_name(source: object) -> str:
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, (str, bytes)) or hasattr(name, "__fspath__") else "the Word document"


class DocxExporter:
    """Writes Word audit templates, reports and the documents of the co-production cycle; reads templates back.

    Built with no arguments (as the registry does); the catalogue, the date
    and the limits arrive with each call in an
    :class:`~coproduction.ExportContext`. It holds no state and pickles, so
    batch generation can hand it to worker processes.

    Attributes:
        name: ``docx``.
        media_type: The Word document media type.
        suffix: ``.docx``.
        writers: The table of writers, document class to writer; :meth:`supports` reads it.
        does_not_write: The stored document kinds it has no writer for.
    """

    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    suffix: ClassVar[str] = ".docx"
    writers: ClassVar[Mapping[type, Writer]] = WRITERS
    does_not_write: ClassVar[frozenset[str]] = DOES_NOT_WRITE

    def __repr__(self) -> str:
        return "DocxExporter()"

    def _writer(self, document: object) -> Writer | None:
        return next((self.writers[cls] for cls in type(document).__mro__ if cls in self.writers), None)

    def supports(self, document: object) -> bool:
        """True when the table of writers has a writer for the document's class.

        Args:
            document: Anything.

        Returns:
            Whether :meth:`export` can write it.
        """
        return self._writer(document) is not None

    def export(self, document: object, out: BinaryIO, /, context: ExportContext) -> None:
        """Write a document as Word: a template, a report, or a document of the co-production cycle.

        Everything is built in memory and checked first, so nothing reaches
        ``out`` when an error is raised.

        Args:
            document: Any document :meth:`supports`.
            out: A binary stream to write the ``.docx`` to.
            context: The catalogue (frameworks, ladders, glossary) and the
                date action plans and feedback logs report on.

        Raises:
            UnsupportedDocumentError: For any other kind of document.
            ExportError: If some text holds a character Word cannot store (a
                control character); every such place is listed.
            InvalidDocumentError: If a report's audit does not fit its
                framework, or an action plan or charter names a framework,
                statement, ladder or rung the catalogue does not have.
        """
        writer = self._writer(document)
        if writer is None:
            writes = ", ".join(sorted(cls.__name__ for cls in self.writers))
            raise UnsupportedDocumentError(
                f"the docx exporter cannot write a {type(document).__name__}; it writes: {writes}"
            )
        writer(document, out, context)

    def read(self, source: BinaryIO, /, context: ExportContext) -> Audit:
        """Read a filled-in Word audit template back into an audit.

        Works on files saved by Word (values in the content controls) and by
        LibreOffice (which drops the controls' tags: rows are then found by
        the reference printed under each statement). Every value is checked
        against the framework's scale.

        Args:
            source: The filled ``.docx``, opened for binary reading; its
                ``name`` (if any) is used in messages.
            context: Where to find the template's framework (its catalogue)
                and the size limits the file must keep to.

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
            data = read_bounded(source, context.limits)
            return read_template(data, context.catalogue, context.limits)
        except CoproductionError as error:
            error.with_source(name)
            raise
        except ARCHIVE_ERRORS as error:  # anything the checks above did not foresee
            raise UnreadableFileError(
                f"the file could not be read as a Word audit template ({type(error).__name__}: {error})",
                source=name,
            ) from error

    def read_ladder_assessment(self, source: BinaryIO, /, context: ExportContext) -> LadderAssessment:
        """Read a filled-in Word ladder assessment template back into a ladder assessment.

        Works on files saved by Word and by LibreOffice (which drops the
        controls' tags: rows are then found by the reference printed under
        each rung).

        Args:
            source: The filled ``.docx``, opened for binary reading.
            context: Where to find the template's ladder (its catalogue) and
                the size limits the file must keep to.

        Returns:
            The assessment: one entry per rung answered, lowest first; a rung
            left empty is not assessed.

        Raises:
            UnreadableFileError: If the file is not a Word ladder assessment
                template, is damaged, breaks the limits, or was made from
                another text of the ladder.
            UnknownLadderError: If the catalogue lacks the template's ladder.
            InvalidDocumentError: Listing every unacceptable value with its rung or cover question.
        """
        name = _source_name(source)
        try:
            data = read_bounded(source, context.limits)
            return read_ladder_template(data, context.catalogue, context.limits)
        except CoproductionError as error:
            error.with_source(name)
            raise
        except ARCHIVE_ERRORS as error:
            raise UnreadableFileError(
                f"the file could not be read as a Word ladder assessment template ({type(error).__name__}: {error})",
                source=name,
            ) from error

    def read_barriers_return(self, source: BinaryIO, /, context: ExportContext) -> BarriersReturn:
        """Read a filled-in Word barriers survey back into a return.

        Works on files saved by Word and by LibreOffice (which drops the
        controls' tags: rows are then found by the reference printed under
        each barrier).

        Args:
            source: The filled ``.docx``, opened for binary reading.
            context: Where to find the survey's barriers (its catalogue) and
                the size limits the file must keep to.

        Returns:
            The return: the barriers listed, those ticked, and any others in the family's own words.

        Raises:
            UnreadableFileError: If the file is not a Word barriers survey, is
                damaged, breaks the limits, or was made from another text of its barriers.
            InvalidDocumentError: Listing every unacceptable value with its barrier row or cover question.
        """
        name = _source_name(source)
        try:
            data = read_bounded(source, context.limits)
            return read_barriers_survey(data, context.catalogue, context.limits)
        except CoproductionError as error:
            error.with_source(name)
            raise
        except ARCHIVE_ERRORS as error:
            raise UnreadableFileError(
                f"the file could not be read as a Word barriers survey ({type(error).__name__}: {error})",
                source=name,
            ) from error

    def read_evaluation_slip(self, source: BinaryIO, /, activity: Activity, context: ExportContext) -> EvaluationSlip:
        """Read a filled-in Word evaluation slip of ``activity`` back into an anonymous slip.

        Works on files saved by Word and by LibreOffice (which drops the
        controls' tags: each question's boxes are then found by the reference
        printed under them), filled in on screen or on paper and scanned back
        into the template.

        Args:
            source: The filled ``.docx``, opened for binary reading.
            activity: The activity the slip was made for.
            context: The size limits the file must keep to.

        Returns:
            The ratings (None for a question left blank) and the comment.

        Raises:
            UnreadableFileError: If the file is not a Word evaluation slip, is
                damaged, breaks the limits, or is a slip of another activity.
            InvalidDocumentError: Listing every question with more than one box
                ticked, or a mark that cannot be read.
        """
        name = _source_name(source)
        try:
            data = read_bounded(source, context.limits)
            return read_evaluation_slip(data, activity, context.limits)
        except CoproductionError as error:
            error.with_source(name)
            raise
        except ARCHIVE_ERRORS as error:
            raise UnreadableFileError(
                f"the file could not be read as a Word evaluation slip ({type(error).__name__}: {error})",
                source=name,
            ) from error
