"""Readers of the practice's forms: the barriers survey (private; re-exported by ``coproduction.exporters``)."""

from __future__ import annotations

from typing import BinaryIO, Protocol, runtime_checkable

from coproduction.exporters._protocol import ExportContext
from coproduction.model.barriers_survey import BarriersReturn

__all__ = ["BarriersSurveyReader"]


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
