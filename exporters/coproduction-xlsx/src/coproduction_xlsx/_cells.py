"""What every Excel reader shares: opening a stranger's workbook safely, and reading what a person typed in a cell."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO, TypeVar

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from coproduction import CoproductionError, Problem, UnreadableFileError
from coproduction.exporters.office import EXCEL, ArchiveLimits, excerpt, open_package, read_bounded

__all__ = [
    "CellReader",
    "FormStamp",
    "as_text",
    "cell_date",
    "read_stamp",
    "read_workbook",
    "source_name",
    "typed_value",
]

T = TypeVar("T")


def source_name(source: object) -> str | None:
    """The name of a stream's file, if it has one."""
    name = getattr(source, "name", None)
    return name if isinstance(name, str) and name else None


def read_workbook(source: BinaryIO, limits: ArchiveLimits, read: Callable[[Any], T]) -> T:
    """Open a stream as a safe .xlsx workbook and read it with ``read``.

    The archive is checked against ``limits`` before anything is decompressed;
    whatever openpyxl raises becomes an :class:`~coproduction.UnreadableFileError`,
    and every error names the stream's file when it has a name.

    Args:
        source: The workbook, opened for binary reading.
        limits: The archive limits.
        read: Reads the opened workbook (read-only, formulas kept as written).
    """
    name = source_name(source)
    try:
        package = open_package(read_bounded(source, limits), EXCEL, limits)
        try:
            wb = load_workbook(package.as_zip(), read_only=True, data_only=False, keep_links=False)
        except Exception as error:  # openpyxl raises many kinds; none may escape raw
            raise UnreadableFileError(f"the workbook cannot be opened: {_reason(error)}") from None
        try:
            return read(wb)
        except CoproductionError:
            raise
        except Exception as error:  # damaged XML found while streaming a sheet
            raise UnreadableFileError(f"the workbook is damaged: {_reason(error)}") from None
        finally:
            wb.close()
    except CoproductionError as error:
        if name is not None and error.source is None:
            error.with_source(name)
        raise


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:200]


@dataclass(frozen=True)
class FormStamp:
    """How a fillable workbook is stamped: its sheet to fill, its hidden metadata sheet and what that must say.

    Attributes:
        what: What the form is called in messages ("barriers survey").
        short: Its short name ("survey").
        made_with: How such a form is made, for the hint ("'coproduction barriers survey'").
        sheet: The sheet a person fills in.
        metadata_sheet: The hidden sheet holding the stamp.
        format_name: The ``format`` value the stamp must hold.
        format_version: The layout version this plugin reads.
    """

    what: str
    short: str
    made_with: str
    sheet: str
    metadata_sheet: str
    format_name: str
    format_version: int


def read_stamp(wb: Any, stamp: FormStamp) -> dict[str, Any]:
    """The values of a form's metadata sheet, once it is known to be that form in a layout this plugin reads.

    Raises:
        UnreadableFileError: If the workbook is not such a form, or is in another layout version.
    """
    if stamp.metadata_sheet not in wb.sheetnames or stamp.sheet not in wb.sheetnames:
        raise UnreadableFileError(
            f"this workbook is not a coproduction {stamp.what}: it has no {stamp.sheet} and {stamp.metadata_sheet} "
            f"sheets (was it made with {stamp.made_with}?)"
        )
    values: dict[str, Any] = {}
    for row in wb[stamp.metadata_sheet].iter_rows(min_row=1, max_row=10, max_col=2, values_only=True):
        if len(row) == 2 and isinstance(row[0], str):
            values[row[0]] = row[1]
    if values.get("format") != stamp.format_name:
        raise UnreadableFileError(
            f"this workbook is not a coproduction {stamp.what}: its {stamp.metadata_sheet} sheet does not say so"
        )
    version = values.get("format_version")
    if not isinstance(version, (int, float)) or int(version) != stamp.format_version:
        raise UnreadableFileError(
            f"this {stamp.short} is in layout version {excerpt(version)}; this coproduction-xlsx reads version "
            f"{stamp.format_version}"
        )
    return values


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$"), (3, 2, 1)),  # UK order: day/month/year
)


def cell_date(value: object) -> dt.date | None:
    """Read a cell's value as a date: a date cell, an Excel serial number, or 2025-05-13 or 13/05/2025 typed as text.

    Returns:
        The date, or None when the value is not one.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2_958_466:
        converted = from_excel(value)
        if isinstance(converted, dt.datetime):
            return converted.date()
    if isinstance(value, str):
        text = value.strip()
        for pattern, (y, m, d) in _DATE_PATTERNS:
            match = pattern.match(text)
            if match:
                try:
                    return dt.date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
                except ValueError:
                    return None
    return None


def typed_value(cell: Any, where: str, problems: list[Problem]) -> Any:
    """What a person typed in a cell, or None when it is empty or holds a formula or an error (then a problem)."""
    if cell is None or cell.value is None:
        return None
    if cell.data_type == "f":
        problems.append(
            Problem(
                where,
                "formula",
                f"holds a formula ({str(cell.value)[:60]}); type the text itself. To start a text with =, "
                "type an apostrophe first ('=)",
            )
        )
        return None
    if cell.data_type == "e":
        problems.append(Problem(where, "error-value", f"holds the error {str(cell.value)[:20]}; type text instead"))
        return None
    return cell.value


def as_text(value: object) -> str:
    """A cell's value as the text a person sees: whole numbers without ".0", dates as 2025-05-13."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class CellReader:
    """Reads cells of one sheet, turning what a person typed into values or problems."""

    def __init__(self, sheet: str, rows: list[tuple[Any, ...]]) -> None:
        self.sheet = sheet
        self.rows = rows

    def where(self, row: int, column: int) -> str:
        return f"{self.sheet}!{get_column_letter(column)}{row}"

    def _get(self, row: int, column: int) -> Any:
        if row - 1 < len(self.rows):
            cells = self.rows[row - 1]
            if column - 1 < len(cells):
                return cells[column - 1]
        return None

    def raw(self, row: int, column: int) -> Any:
        cell = self._get(row, column)
        return None if cell is None else cell.value

    def _value(self, row: int, column: int, problems: list[Problem]) -> Any:
        return typed_value(self._get(row, column), self.where(row, column), problems)

    def text(self, row: int, column: int, problems: list[Problem]) -> str:
        return as_text(self._value(row, column, problems))

    def yes(self, row: int, column: int, problems: list[Problem]) -> bool:
        value = self._value(row, column, problems)
        if value is None or value is False:
            return False
        if value is True:
            return True
        text = str(value).strip().casefold()
        if text in ("yes", "y", "true"):
            return True
        if text in ("", "no", "n", "false"):
            return False
        problems.append(
            Problem(
                self.where(row, column),
                "not-applicable-value",
                f"{excerpt(value)} is not an answer here; choose Yes, or leave the cell empty",
            )
        )
        return False

    def date(self, row: int, column: int, problems: list[Problem]) -> dt.date | None:
        value = self._value(row, column, problems)
        date = cell_date(value)
        if date is not None:
            return date
        if value is None:
            cell = self._get(row, column)
            if cell is not None and cell.data_type in ("f", "e"):
                return None  # already reported
            problems.append(
                Problem(self.where(row, column), "missing-date", "the date is missing; type it as 2025-05-13")
            )
            return None
        problems.append(
            Problem(
                self.where(row, column),
                "not-a-date",
                f"{excerpt(value)} is not a date; type it as 2025-05-13 (year-month-day) or 13/05/2025",
            )
        )
        return None
