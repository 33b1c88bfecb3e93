"""The ``xlsx`` exporter: the plugin object the core's registry loads."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, BinaryIO, ClassVar

from coproduction import (
    ActionPlan,
    Audit,
    AuditReport,
    AuditTemplate,
    BarriersReturn,
    BarriersSummary,
    BarriersSurveyTemplate,
    Calendar,
    Comparison,
    ExportContext,
    FeedbackLog,
    Framework,
    Glossary,
    InvalidDocumentError,
    LadderAssessment,
    LadderAssessmentTemplate,
    LadderComparisonReport,
    PooledView,
    Problem,
    Progress,
    UnknownFrameworkError,
    UnsupportedDocumentError,
)
from coproduction_xlsx._barriers_summary import write_barriers_summary
from coproduction_xlsx._barriers_survey import write_barriers_survey
from coproduction_xlsx._barriers_survey_reader import read_barriers_survey
from coproduction_xlsx._calendar import write_calendar
from coproduction_xlsx._comparison import write_comparison
from coproduction_xlsx._feedback import write_feedback_log
from coproduction_xlsx._ladder_comparison import write_ladder_comparison
from coproduction_xlsx._ladder_reader import read_ladder_template
from coproduction_xlsx._ladder_template import write_ladder_template
from coproduction_xlsx._plan import write_action_plan
from coproduction_xlsx._plan_reader import read_action_plan
from coproduction_xlsx._pooled import write_pooled_view
from coproduction_xlsx._progress import write_progress
from coproduction_xlsx._reader import read_template
from coproduction_xlsx._report import write_report
from coproduction_xlsx._summary import CouncilSummary, write_summary
from coproduction_xlsx._tables import find_framework
from coproduction_xlsx._template import write_template
from coproduction_xlsx._words import glossary_of

__all__ = ["DOES_NOT_WRITE", "WRITERS", "XlsxExporter"]

Writer = Callable[[Any, BinaryIO, ExportContext], None]


def _plan_framework(plan: ActionPlan, context: ExportContext) -> Framework:
    try:
        return context.catalogue.framework(plan.framework, plan.framework_version)
    except UnknownFrameworkError as error:
        raise InvalidDocumentError(
            "the action plan's framework is not in the catalogue, so its workbook cannot offer the criteria; "
            "nothing was written",
            [
                Problem(
                    "framework",
                    "unknown-framework",
                    f"{error.message}; give the exporter a context whose catalogue has it: "
                    "coproduction.export_context(catalogue=default_catalogue().including(framework))",
                )
            ],
        ) from None


def _write_plan(plan: ActionPlan, out: BinaryIO, context: ExportContext) -> None:
    write_action_plan(
        plan,
        _plan_framework(plan, context),
        out,
        catalogue=context.catalogue,
        as_of=context.as_of,
        glossary=_glossary(context),
    )


def _write_summary(summary: CouncilSummary, out: BinaryIO, context: ExportContext) -> None:
    catalogue = context.catalogue if summary.catalogue is None else summary.catalogue
    write_summary(summary.audits, out, catalogue=catalogue, progress=summary.progress)


def _glossary(context: ExportContext) -> Glossary | None:
    return glossary_of(context.catalogue)


WRITERS: Mapping[type, Writer] = {
    AuditTemplate: lambda template, out, context: write_template(template, out, glossary=_glossary(context)),
    LadderAssessmentTemplate: lambda template, out, context: write_ladder_template(
        template, out, glossary=_glossary(context)
    ),
    BarriersSurveyTemplate: lambda template, out, context: write_barriers_survey(
        template, out, glossary=_glossary(context)
    ),
    BarriersSummary: lambda summary, out, context: write_barriers_summary(
        summary, out, context.catalogue, glossary=_glossary(context)
    ),
    AuditReport: lambda report, out, context: write_report(report, out, glossary=_glossary(context)),
    CouncilSummary: _write_summary,
    ActionPlan: _write_plan,
    Comparison: lambda comparison, out, context: write_comparison(
        comparison, out, catalogue=context.catalogue, glossary=_glossary(context)
    ),
    Progress: lambda progress, out, context: write_progress(
        progress, out, catalogue=context.catalogue, glossary=_glossary(context)
    ),
    FeedbackLog: lambda log, out, context: write_feedback_log(
        log, out, context.catalogue, as_of=context.as_of, glossary=_glossary(context)
    ),
    Calendar: lambda calendar, out, context: write_calendar(calendar, out, glossary=_glossary(context)),
    PooledView: lambda view, out, context: write_pooled_view(
        view,
        out,
        framework=find_framework(context.catalogue, view.framework, view.framework_version),
        glossary=_glossary(context),
    ),
    LadderComparisonReport: lambda report, out, context: write_ladder_comparison(
        report, out, glossary=_glossary(context)
    ),
}
"""What the Excel exporter writes: one writer per document class."""

DOES_NOT_WRITE: frozenset[str] = frozenset(
    {
        "activity",
        "approaches",
        "audit",
        "barriers",
        "barriers-return",
        "charter",
        "framework",
        "glossary",
        "ladder",
        "ladder-assessment",
        "meeting-checklists",
        "school-local-details",
        "score-report",
    }
)
"""The stored document kinds (``coproduction.contract.kinds``) the Excel exporter has no writer for.

An audit is written as an :class:`~coproduction.AuditReport` (or its blank
:class:`~coproduction.AuditTemplate`); a charter is prose, written in Word;
frameworks, ladders, ladder assessments, glossaries and score reports are
data, written as JSON.
"""


class XlsxExporter:
    """Writes Excel workbooks, and reads filled-in audit templates and updated action plans back.

    Supports an :class:`~coproduction.AuditTemplate` (a fillable, protected
    workbook), an :class:`~coproduction.AuditReport` (live formulas and charts),
    a :class:`~coproduction.CouncilSummary` (many audits, streamed), and
    the documents of the co-production cycle: an
    :class:`~coproduction.ActionPlan` (a workbook a school keeps up to
    date and that is read back), a :class:`~coproduction.Comparison`
    (perspectives side by side, with a chart), a
    :class:`~coproduction.Progress` (scores across audit cycles, with
    a chart) and a :class:`~coproduction.FeedbackLog` ("you said, we
    did").

    Built with no arguments (as the registry does); the catalogue, the date
    and the limits arrive with each call in an :class:`~coproduction.ExportContext`.

    Attributes:
        name: ``xlsx``.
        media_type: The Excel workbook media type.
        suffix: ``.xlsx``.
        writers: The table of writers, document class to writer; :meth:`supports` reads it.
        does_not_write: The stored document kinds it has no writer for.
    """

    name: ClassVar[str] = "xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    suffix: ClassVar[str] = ".xlsx"
    writers: ClassVar[Mapping[type, Writer]] = WRITERS
    does_not_write: ClassVar[frozenset[str]] = DOES_NOT_WRITE

    def __repr__(self) -> str:
        return "XlsxExporter()"

    def _writer(self, document: object) -> Writer | None:
        return next((self.writers[cls] for cls in type(document).__mro__ if cls in self.writers), None)

    def supports(self, document: object) -> bool:
        """True when the table of writers has a writer for the document's class.

        Args:
            document: Any object.

        Returns:
            True when this exporter can write it.
        """
        return self._writer(document) is not None

    def export(self, document: object, out: BinaryIO, /, context: ExportContext) -> None:
        """Write ``document`` as an .xlsx workbook.

        Args:
            document: An audit template, audit report, council summary, action
                plan, comparison, progress report or feedback log.
            out: A binary stream to write to.
            context: The catalogue (frameworks and ladders) to write with.

        Raises:
            UnsupportedDocumentError: If the document is of another kind; nothing is written.
            InvalidDocumentError: If an audit does not fit its framework, or an action plan's
                framework is not in the catalogue or lacks a criterion an action names.
            ExportError: If a text or date cannot be held by Excel; nothing is written.
        """
        writer = self._writer(document)
        if writer is None:
            writes = ", ".join(sorted(cls.__name__ for cls in self.writers))
            raise UnsupportedDocumentError(
                f"the xlsx exporter cannot write a {type(document).__name__}; it writes: {writes}"
            )
        writer(document, out, context)

    def read(self, source: BinaryIO, /, context: ExportContext) -> Audit:
        """Read a filled-in audit template back into an audit.

        Args:
            source: The workbook, opened for binary reading.
            context: Where to find the template's framework (its catalogue)
                and the limits the file must keep to.

        Returns:
            The audit, one response per criterion in framework order (unanswered
            criteria have a response with no rating and empty texts).

        Raises:
            UnreadableFileError: If the file is not a safe .xlsx audit template
                (old .xls, encrypted, macro-enabled, a Word file, damaged, too big).
            InvalidDocumentError: Listing every unacceptable value with its sheet and cell.
        """
        return read_template(source, catalogue=context.catalogue, limits=context.limits)

    def read_action_plan(self, source: BinaryIO, /, context: ExportContext) -> ActionPlan:
        """Read an action plan workbook back, as the school has since updated it.

        Args:
            source: The workbook, opened for binary reading.
            context: Where to find the plan's framework and the ladders (its
                catalogue) and the limits the file must keep to.

        Returns:
            The plan: one action per filled-in row of the Actions sheet, in row
            order, with rows the school added (an id is made up for those
            without one) and without rows deleted or cleared.

        Raises:
            UnreadableFileError: If the file is not a safe .xlsx action plan
                workbook (old .xls, encrypted, macro-enabled, a Word file, an audit
                template, damaged, too big).
            InvalidDocumentError: Listing every unacceptable value with its sheet
                and cell; nothing is imported.
        """
        return read_action_plan(source, catalogue=context.catalogue, limits=context.limits)

    def read_ladder_assessment(self, source: BinaryIO, /, context: ExportContext) -> LadderAssessment:
        """Read a filled-in ladder assessment workbook back into a ladder assessment.

        Args:
            source: The workbook, opened for binary reading.
            context: Where to find the template's ladder (its catalogue) and
                the limits the file must keep to.

        Returns:
            The assessment: one entry per rung answered, lowest first; a rung
            left empty is not assessed.

        Raises:
            UnreadableFileError: If the file is not a safe .xlsx ladder
                assessment template, or was made from another text of the ladder.
            UnknownLadderError: If the catalogue lacks the template's ladder.
            InvalidDocumentError: Listing every unacceptable value with its sheet and cell.
        """
        return read_ladder_template(source, catalogue=context.catalogue, limits=context.limits)

    def read_barriers_return(self, source: BinaryIO, /, context: ExportContext) -> BarriersReturn:
        """Read a filled-in barriers survey workbook back into a return.

        Args:
            source: The workbook, opened for binary reading.
            context: Where to find the survey's barriers (its catalogue) and
                the limits the file must keep to.

        Returns:
            The return: the barriers listed, those ticked, and any others in the family's own words.

        Raises:
            UnreadableFileError: If the file is not a safe .xlsx barriers
                survey, or was made from another text of its barriers.
            InvalidDocumentError: Listing every unacceptable value with its sheet and cell.
        """
        return read_barriers_survey(source, catalogue=context.catalogue, limits=context.limits)
