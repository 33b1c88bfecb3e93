"""Readers of the practice's forms: the barriers survey and the evaluation slip (private; re-exported)."""

from __future__ import annotations

from typing import BinaryIO, Protocol, runtime_checkable

from coproduction.exporters._protocol import ExportContext
from coproduction.model.activity import Activity, EvaluationSlip
from coproduction.model.barriers_survey import BarriersReturn

__all__ = ["BarriersSurveyReader", "EvaluationSlipReader"]


@runtime_checkable
class BarriersSurveyReader(Protocol):
    """An exporter whose barriers surveys come back filled in, and can be read."""

    def read_barriers_return(self, source: BinaryIO, /, context: ExportContext) -> BarriersReturn:
        """Read a filled-in barriers survey back into a return.

        Args:
            source: The filled file, opened for binary reading.
            context: Where to find the survey's barriers (its catalogue) and
                the limits the file must keep to.

        Raises:
            UnreadableFileError: If the file is not a barriers survey of this
                format, or was made from another text of its barriers.
            InvalidDocumentError: If values in it are not acceptable; every
                problem is listed with its place (sheet and cell, or barrier row).
        """
        ...


@runtime_checkable
class EvaluationSlipReader(Protocol):
    """An exporter whose evaluation slips come back filled in, and can be read."""

    def read_evaluation_slip(self, source: BinaryIO, /, activity: Activity, context: ExportContext) -> EvaluationSlip:
        """Read a filled-in evaluation slip of ``activity`` back into an anonymous slip.

        Args:
            source: The filled file, opened for binary reading.
            activity: The activity the slip was made for.
            context: The limits the file must keep to.

        Raises:
            UnreadableFileError: If the file is not an evaluation slip of this
                format, or is a slip of another activity.
            InvalidDocumentError: If a question has more than one box ticked,
                or a mark cannot be read; every problem names its question.
        """
        ...
