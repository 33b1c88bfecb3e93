"""Pages that print and charts that can be read aloud: the last step before any workbook is saved.

Every sheet is set to print one page wide (as long as it needs), in
landscape when its columns are wider than a portrait page, with the rows
frozen at its top repeated on every page. Every chart carries alternative
text: what it shows and its figures, taken from the cells the chart draws,
written into the drawing's ``descr`` (openpyxl writes none), so a screen
reader says the figures rather than "Chart 1".
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.chart.bar_chart import BarChart
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string, range_to_tuple
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import wording

__all__ = ["PORTRAIT_WIDTH", "chart_descriptions", "prepare_for_print", "saved_with_alt_text"]

PORTRAIT_WIDTH = 95
"""The widest a sheet's columns may be (in Excel's character widths) and still print legibly on a portrait page."""

_DEFAULT_COLUMN_WIDTH = 8.43
_CNVPR = re.compile(rb'(<(?:xdr:)?cNvPr id="\d+" name="[^"]*")( descr="[^"]*")?')


def _used_width(ws: Worksheet) -> float:
    return sum(
        (ws.column_dimensions[letter].width or _DEFAULT_COLUMN_WIDTH)
        for letter in (get_column_letter(column) for column in range(1, (ws.max_column or 1) + 1))
    )


def _charts_of(ws: Worksheet) -> list[BarChart]:
    """The charts openpyxl will draw on a sheet (its private list; the stubs do not name it)."""
    return list(getattr(ws, "_charts", ()))


def _has_drawing(ws: Worksheet) -> bool:
    """Whether openpyxl writes a drawing part for the sheet: it does for any chart or image."""
    return bool(getattr(ws, "_charts", ()) or getattr(ws, "_images", ()))


def _sheets(wb: Workbook) -> list[Worksheet]:
    return [ws for ws in wb.worksheets if isinstance(ws, Worksheet)]


def prepare_for_print(wb: Workbook) -> None:
    """Set every sheet to print legibly: one page wide, landscape where wide, frozen header rows repeated."""
    for ws in _sheets(wb):
        if ws.sheet_state != "visible":
            continue
        if _used_width(ws) > PORTRAIT_WIDTH or _charts_of(ws):
            ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        if not ws.print_title_rows and ws.freeze_panes:
            _, row = coordinate_from_string(ws.freeze_panes)
            if row > 1:
                ws.print_title_rows = f"1:{row - 1}"


def _cells(wb: Workbook, formula: str | None) -> list[Any]:
    if not formula:
        return []
    sheet, bounds = range_to_tuple(formula)
    min_col, min_row, max_col, max_row = (int(bound or 1) for bound in bounds)
    ws = wb[sheet.strip("'").replace("''", "'")]
    return [ws.cell(row, column).value for row in range(min_row, max_row + 1) for column in range(min_col, max_col + 1)]


def _figure(value: Any, percent: bool) -> str:
    if isinstance(value, bool) or value is None:
        return "none"
    if isinstance(value, (int, float)):
        return wording.percent(value) if percent else f"{value:g}"
    return str(value)


def _title(chart: BarChart) -> str:
    title = chart.title
    if title is None:
        return "Bar chart"
    if isinstance(title, str):
        return title
    runs = [
        run.t for paragraph in (title.tx.rich.p if title.tx and title.tx.rich else []) for run in (paragraph.r or [])
    ]
    return "".join(runs) or "Bar chart"


def describe(wb: Workbook, chart: BarChart, figures: dict[tuple[str, int], Any] | None = None) -> str:
    """The alternative text of a chart: its title, then each category's figure in each series.

    Args:
        wb: The workbook whose cells the chart draws.
        chart: The chart.
        figures: Values to say instead of a cell's formula, by series name and category index
            (a report's scores are live formulas; the writer knows their values).
    """
    number_format = chart.y_axis.number_format
    percent = "%" in str(getattr(number_format, "formatCode", number_format) or "")
    categories: list[Any] = []
    series_parts = []
    for series in chart.series:
        if series.cat is not None and not categories:
            reference = series.cat.strRef or series.cat.numRef
            categories = _cells(wb, reference.f if reference is not None else None)
        names = _cells(wb, series.tx.strRef.f) if series.tx is not None and series.tx.strRef is not None else []
        name = str(names[0]) if names else ""
        values = _cells(wb, series.val.numRef.f if series.val is not None and series.val.numRef is not None else None)
        shown = []
        for index, value in enumerate(values):
            if isinstance(value, str) and value.startswith("=") and figures is not None:
                value = figures.get((name, index))
            label = str(categories[index]) if index < len(categories) else str(index + 1)
            shown.append(f"{label} {_figure(value, percent)}")
        series_parts.append((f"{name}: " if name else "") + ", ".join(shown))
    return f"{_title(chart)}. " + "; ".join(series_parts) + "."


def chart_descriptions(wb: Workbook, figures: dict[tuple[str, int], Any] | None = None) -> list[list[str]]:
    """Each drawing's charts' alternative text, in the order openpyxl writes drawings (sheets with charts)."""
    return [[describe(wb, chart, figures) for chart in _charts_of(ws)] for ws in _sheets(wb) if _has_drawing(ws)]


def _with_descr(xml: bytes, descriptions: list[str]) -> bytes:
    texts: Iterator[str] = iter(descriptions)

    def put(match: re.Match[bytes]) -> bytes:
        text = next(texts, None)
        if text is None:
            return match.group(0)
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        return match.group(1) + f' descr="{escaped}"'.encode()

    return _CNVPR.sub(put, xml)


def saved_with_alt_text(wb: Workbook, figures: dict[tuple[str, int], Any] | None = None) -> bytes:
    """The workbook saved to bytes, print set-up applied and every chart's drawing given its alternative text."""
    prepare_for_print(wb)
    descriptions = chart_descriptions(wb, figures)
    buffer = io.BytesIO()
    wb.save(buffer)
    if not any(descriptions):
        return buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            match = re.fullmatch(r"xl/drawings/drawing(\d+)\.xml", item.filename)
            if match is not None and int(match.group(1)) <= len(descriptions):
                data = _with_descr(data, descriptions[int(match.group(1)) - 1])
            target.writestr(item, data)
    return result.getvalue()
