"""Building blocks of the co-production cycle workbooks: titles, header rows, tables, dates, print set-up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, BinaryIO, Literal, cast

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.chart import BarChart
from openpyxl.drawing.colors import ColorChoice
from openpyxl.drawing.fill import PatternFillProperties
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import Catalogue, Framework, Glossary, UnknownFrameworkError, wording
from coproduction_xlsx import _layout as L
from coproduction_xlsx._print import saved_with_alt_text
from coproduction_xlsx._safety import put_text

__all__ = [
    "DATE_FORMAT",
    "distinguish_bars",
    "PERCENT_FORMAT",
    "find_framework",
    "fit_to_width",
    "header_row",
    "new_workbook",
    "put_date",
    "put_details",
    "put_number",
    "save_workbook",
    "set_up_table",
    "table_header",
    "title_row",
]

DATE_FORMAT = "yyyy-mm-dd"
PERCENT_FORMAT = wording.EXCEL_PERCENT_FORMAT


def new_workbook(title: str) -> Workbook:
    """An empty workbook whose properties give its title and language (en-GB), for screen readers.

    Args:
        title: The document title.

    Returns:
        The workbook, with its one default sheet still in place.
    """
    wb = Workbook()
    wb.properties.title = title[:255]
    wb.properties.language = "en-GB"
    wb.properties.creator = "coproduction"
    return wb


def save_workbook(
    wb: Workbook,
    out: BinaryIO,
    figures: dict[tuple[str, int], Any] | None = None,
    *,
    glossary: Glossary | None = None,
) -> None:
    """Save a workbook to memory first, then write it to ``out`` in one go (nothing on failure).

    Every acronym is spelt out at first use and a sheet of the words used added (with a glossary), every sheet
    set to print legibly and every chart given alternative text first (:mod:`._print`).
    """
    out.write(saved_with_alt_text(wb, figures, glossary=glossary))


def title_row(ws: Worksheet, text: str, *, row: int = 1) -> Cell:
    """Write a sheet's title in large bold type."""
    cell = put_text(ws, row, 1, text)
    cell.font = L.TITLE_FONT
    ws.row_dimensions[row].height = 22
    return cell


def put_details(ws: Worksheet, first_row: int, details: Sequence[tuple[str, str | None]]) -> int:
    """Write label/value pairs down columns A and B.

    Args:
        ws: The worksheet.
        first_row: The row of the first pair.
        details: The (label, value) pairs; a None value leaves the cell empty. Set
            column B's width first: rows are made tall enough for wrapped values.

    Returns:
        The row after the last pair.
    """
    row = first_row
    width = ws.column_dimensions["B"].width or 13
    for label, value in details:
        label_cell = put_text(ws, row, 1, label)
        label_cell.font = L.BOLD
        label_cell.alignment = L.TOP
        put_text(ws, row, 2, value).alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(value, width)])
        row += 1
    return row


def header_row(ws: Worksheet, row: int, headers: Sequence[tuple[str, float]], *, first_column: int = 1) -> None:
    """Write a table's header row (white bold text on dark blue) and set the column widths.

    Args:
        ws: The worksheet.
        row: The header's row.
        headers: Each column's (header text, width in characters).
        first_column: The column of the first header.
    """
    ws.row_dimensions[row].height = L.row_height([(text, width) for text, width in headers], minimum=30)
    for column, (text, width) in enumerate(headers, start=first_column):
        cell = put_text(ws, row, column, text)
        cell.font = L.HEADER_FONT
        cell.fill = L.HEADER_FILL
        cell.alignment = L.WRAP
        ws.column_dimensions[get_column_letter(column)].width = width


def table_header(ws: Worksheet, row: int, texts: Sequence[str]) -> None:
    """A header row for a table inside a sheet of details, from column A (column widths are left as they are)."""
    for column, text in enumerate(texts, start=1):
        cell = put_text(ws, row, column, text)
        cell.font = L.HEADER_FONT
        cell.fill = L.HEADER_FILL
        cell.alignment = L.WRAP


def set_up_table(ws: Worksheet, header: int, last_row: int, last_column: int, *, freeze_column: int = 1) -> None:
    """Freeze the header, add filters and print in landscape with the header repeated on every page.

    Args:
        ws: The worksheet.
        header: The header's row.
        last_row: The table's last row (the header's row when the table is empty).
        last_column: The table's last column.
        freeze_column: How many columns stay in view when scrolling sideways.
    """
    ws.freeze_panes = f"{get_column_letter(freeze_column + 1)}{header + 1}"
    ws.auto_filter.ref = f"A{header}:{get_column_letter(last_column)}{max(last_row, header)}"
    ws.print_title_rows = f"{header}:{header}"
    fit_to_width(ws)


def fit_to_width(ws: Worksheet) -> None:
    """Print the sheet in landscape, as wide as one page and as long as it needs."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def put_date(ws: Worksheet, row: int, column: int, date: dt.date | None) -> Cell:
    """Write a real date cell (shown as 2025-05-13); None leaves the cell empty but date-formatted."""
    cell = cast(Cell, ws.cell(row=row, column=column))
    cell.number_format = DATE_FORMAT
    if date is not None:
        cell.value = date
    return cell


def put_number(
    ws: Worksheet, row: int, column: int, value: float | int | None, number_format: str | None = None
) -> Cell:
    """Write a number (None leaves the cell empty), with an optional number format."""
    cell = cast(Cell, ws.cell(row=row, column=column))
    if value is not None:
        cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    return cell


# Each bar series' pattern and colour: solid, wide diagonal stripes, horizontal lines, dots (repeating).
_BAR_LOOKS: tuple[tuple[Literal["solid", "wdUpDiag", "dkHorz", "pct20"], str], ...] = (
    ("solid", "2E75B6"),
    ("wdUpDiag", "C55A11"),
    ("dkHorz", "2E7D32"),
    ("pct20", "404040"),
)


def distinguish_bars(chart: BarChart) -> None:
    """Give each series of a bar chart its own pattern as well as its own colour, so colour is not the only clue."""
    for index, series in enumerate(chart.series):
        pattern, colour = _BAR_LOOKS[index % len(_BAR_LOOKS)]
        if pattern == "solid":
            series.graphicalProperties.solidFill = colour
        else:
            series.graphicalProperties.pattFill = PatternFillProperties(
                prst=pattern,
                fgClr=ColorChoice(srgbClr=colour),  # type: ignore[arg-type]  # openpyxl's stubs are wrong: a hex string
                bgClr=ColorChoice(srgbClr="FFFFFF"),  # type: ignore[arg-type]
            )
        series.graphicalProperties.line.solidFill = "404040"


def find_framework(catalogue: Catalogue, framework_id: str, version: str) -> Framework | None:
    """The framework of a document, from the catalogue, or None when the catalogue does not have it."""
    try:
        return catalogue.framework(framework_id, version)
    except UnknownFrameworkError:
        return None
