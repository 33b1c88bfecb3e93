"""Text safety: formula-like text stays text, and text Excel cannot hold is refused.

Spreadsheets run a cell as a formula when its text starts with ``=``, and
several programs (and CSV importers) also treat ``+``, ``-``, ``@``, a tab, a
carriage return or a line feed at the start as the beginning of a formula. We
store every text as an explicit string cell, so no program evaluates it, and
mark formula-like text with Excel's "quote prefix" so that editing the cell in
Excel keeps it text too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import Problem
from coproduction.exporters.office import FORBIDDEN_XML_CHARACTER, StorableText

__all__ = [
    "FIRST_EXCEL_DATE",
    "MAX_CELL_CHARS",
    "TextChecks",
    "is_formula_like",
    "is_plain",
    "put_text",
    "text_cell",
]

MAX_CELL_CHARS = 32_767
"""The most characters an Excel cell holds."""

FIRST_EXCEL_DATE = dt.date(1900, 3, 1)
"""The first date Excel and LibreOffice agree on (Excel's 1900 calendar has a phantom 29 February 1900)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make a spreadsheet (or a CSV import) treat text as a formula."""


def is_plain(text: str) -> bool:
    """Say whether a text can be written as it is: short enough and free of characters Excel cannot hold.

    Args:
        text: The text.

    Returns:
        True when :class:`TextChecks` would find nothing wrong with it.
    """
    return len(text) <= MAX_CELL_CHARS and FORBIDDEN_XML_CHARACTER.search(text) is None


def is_formula_like(text: str) -> bool:
    """Say whether a spreadsheet might run or misread this text.

    Args:
        text: The text.

    Returns:
        True when it starts like a formula or is exactly an error code such as ``#N/A``.
    """
    return text.startswith(FORMULA_STARTS) or text in ERROR_CODES


class TextChecks(StorableText):
    """Collects every problem with the texts about to be written, then raises once (Excel's limits)."""

    def __init__(self) -> None:
        super().__init__("an Excel workbook")

    def check(
        self, text: str | None, where: str, *, max_chars: int | None = MAX_CELL_CHARS, limit_name: str = ""
    ) -> None:
        """Check one text against what an Excel cell holds.

        Args:
            text: The text (None and empty text are always fine).
            where: Where it comes from, in words a user understands, such as
                ``criterion priorities-1-1, evidence``.
            max_chars: The most characters allowed; an Excel cell's 32,767 unless told.
            limit_name: What holds at most ``max_chars``.
        """
        super().check(text, where, max_chars=max_chars, limit_name=limit_name or "an Excel cell")

    def check_date(self, date: dt.date | None, where: str) -> None:
        """Check that a date can be an Excel date (Excel's calendar starts in 1900).

        Args:
            date: The date, or None.
            where: Where it comes from, such as ``audit date``.
        """
        if date is not None and date < FIRST_EXCEL_DATE:
            self.problems.append(
                Problem(where, "date-out-of-range", f"is {date.isoformat()}; Excel cannot hold dates before 1900-03-01")
            )


def put_text(ws: Worksheet, row: int, column: int, text: str | None) -> Cell:
    """Write text into a cell of an ordinary worksheet as an explicit string.

    Args:
        ws: The worksheet.
        row: The row, from 1.
        column: The column, from 1.
        text: The text (already checked); None or empty leaves the cell empty.

    Returns:
        The cell.
    """
    cell = cast(Cell, ws.cell(row=row, column=column))
    if text:
        cell.value = text
        cell.data_type = "s"  # never a formula, an error code or anything else
        if is_formula_like(text):
            cell.quotePrefix = True
    return cell


def text_cell(ws: Any, text: str) -> Cell | str:
    """A value for a write-only worksheet's ``append`` that is always stored as text.

    Plain text is returned as it is (openpyxl stores it as a string); text a
    spreadsheet could run is wrapped in a cell whose type is forced to string.

    Args:
        ws: The write-only worksheet.
        text: The text (already checked).

    Returns:
        The text itself, or a string cell holding it.
    """
    if not is_formula_like(text):
        return text
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell
