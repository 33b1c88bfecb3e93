"""The ``xlsx`` exporter: the plugin object the core's registry loads."""

from __future__ import annotations

from typing import BinaryIO, ClassVar

from coproduction import (
    ActionPlan,
    Audit,
    AuditReport,
    AuditTemplate,
    Catalogue,
    Comparison,
    ExportError,
    FeedbackLog,
    Framework,
    Problem,
    Progress,
    UnknownFrameworkError,
    UnsupportedDocumentError,
    default_catalogue,
)
from coproduction.exporters.office import ArchiveLimits
from coproduction_xlsx._comparison import write_comparison
from coproduction_xlsx._feedback import write_feedback_log
from coproduction_xlsx._plan import write_action_plan
from coproduction_xlsx._plan_reader import read_action_plan
from coproduction_xlsx._progress import write_progress
from coproduction_xlsx._reader import read_template
from coproduction_xlsx._report import write_report
from coproduction_xlsx._summary import CouncilSummary, write_summary
from coproduction_xlsx._template import write_template

__all__ = ["XlsxExporter"]


class XlsxExporter:
    """Writes Excel workbooks, and reads filled-in audit templates and updated action plans back.

    Supports an :class:`~coproduction.AuditTemplate` (a fillable, protected
    workbook), an :class:`~coproduction.AuditReport` (live formulas and charts),
    a :class:`~coproduction_xlsx.CouncilSummary` (many audits, streamed), and
    the documents of the co-production cycle: an
    :class:`~coproduction.plan.ActionPlan` (a workbook a school keeps up to
    date and that is read back), a :class:`~coproduction.compare.Comparison`
    (perspectives side by side, with a chart), a
    :class:`~coproduction.compare.Progress` (scores across audit cycles, with
    a chart) and a :class:`~coproduction.feedback.FeedbackLog` ("you said, we
    did").
    """

    name: ClassVar[str] = "xlsx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    suffix: ClassVar[str] = ".xlsx"

    def __init__(self, *, limits: ArchiveLimits | None = None, catalogue: Catalogue | None = None) -> None:
        """Make the exporter.

        Args:
            limits: Limits applied to workbooks read back; :class:`ArchiveLimits` defaults when omitted.
            catalogue: Where the cycle documents' frameworks and ladders are found when
                they are written (an action plan needs its framework; a comparison or
                progress report shows criterion wording and level names when it is
                found), and the default for reading action plans back; the built-in
                catalogue when omitted.
        """
        self.limits = limits or ArchiveLimits()
        self.catalogue = catalogue

    def supports(self, document: object) -> bool:
        """Say whether ``document`` is a template, report, council summary or cycle document.

        Args:
            document: Any object.

        Returns:
            True when this exporter can write it.
        """
        return isinstance(
            document, (AuditTemplate, AuditReport, CouncilSummary, ActionPlan, Comparison, Progress, FeedbackLog)
        )

    def export(self, document: object, out: BinaryIO, /) -> None:
        """Write ``document`` as an .xlsx workbook.

        Args:
            document: An audit template, audit report, council summary, action
                plan, comparison, progress report or feedback log.
            out: A binary stream to write to.

        Raises:
            UnsupportedDocumentError: If the document is of another kind; nothing is written.
            ExportError: If a text cannot be held by Excel, an audit does not fit its
                framework, or an action plan's framework is not in the catalogue or
                does not have a criterion an action names; nothing is written.
        """
        if isinstance(document, AuditTemplate):
            write_template(document, out)
        elif isinstance(document, AuditReport):
            write_report(document, out)
        elif isinstance(document, CouncilSummary):
            write_summary(document.audits, out, catalogue=document.catalogue, progress=document.progress)
        elif isinstance(document, ActionPlan):
            write_action_plan(document, self._plan_framework(document), out, catalogue=self.catalogue)
        elif isinstance(document, Comparison):
            write_comparison(document, out, catalogue=self.catalogue)
        elif isinstance(document, Progress):
            write_progress(document, out, catalogue=self.catalogue)
        elif isinstance(document, FeedbackLog):
            write_feedback_log(document, out)
        else:
            raise UnsupportedDocumentError(
                f"the xlsx exporter cannot write a {type(document).__name__}; it writes an AuditTemplate, "
                "an AuditReport, a CouncilSummary, an ActionPlan, a Comparison, a Progress or a FeedbackLog"
            )

    def _plan_framework(self, plan: ActionPlan) -> Framework:
        try:
            return (self.catalogue or default_catalogue()).framework(plan.framework, plan.framework_version)
        except UnknownFrameworkError as error:
            raise ExportError(
                "the action plan's framework is not in the catalogue, so its workbook cannot offer the criteria; "
                "nothing was written",
                [
                    Problem(
                        "framework",
                        "unknown-framework",
                        f"{error.message}; give the exporter a catalogue that has it: "
                        "XlsxExporter(catalogue=default_catalogue().including(framework))",
                    )
                ],
            ) from None

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

    def read_action_plan(
        self,
        source: BinaryIO,
        /,
        *,
        catalogue: Catalogue | None = None,
        framework: Framework | None = None,
    ) -> ActionPlan:
        """Read an action plan workbook back, as the school has since updated it.

        Args:
            source: The workbook, opened for binary reading.
            catalogue: Where to find the plan's framework and the ladders; the
                exporter's catalogue (the built-in one by default) when omitted.
            framework: If given, the framework the plan must answer; a workbook
                of another framework, version or text is refused.

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
        return read_action_plan(source, catalogue=catalogue or self.catalogue, framework=framework, limits=self.limits)
