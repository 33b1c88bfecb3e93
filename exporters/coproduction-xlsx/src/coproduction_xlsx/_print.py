"""Pages that print and charts that can be read aloud: the last step before any workbook is saved.

Every sheet is set to print one page wide (as long as it needs), in
landscape when its columns are wider than a portrait page, with the rows
frozen at its top repeated on every page, and a page break before each chart
so a chart is never split between pages. Every chart carries alternative
text: what it shows and its figures, taken from the cells the chart draws,
written into the drawing's ``descr`` (openpyxl writes none), so a screen
reader says the figures rather than "Chart 1". A streamed (write-only)
workbook keeps no cells to read back, so its writer states the figures
itself and places each chart with :func:`described_anchor`.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook
from openpyxl.chart.bar_chart import BarChart
from openpyxl.drawing.spreadsheet_drawing import OneCellAnchor
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string, range_to_tuple
from openpyxl.utils.units import cm_to_EMU
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import Glossary, wording
from coproduction_xlsx._words import add_words

__all__ = [
    "PORTRAIT_WIDTH",
    "chart_descriptions",
    "described_anchor",
    "figures_text",
    "prepare_for_print",
    "prepare_streamed_sheet",
    "saved_with_alt_text",
]

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


def _one_page_wide(ws: Any, landscape: bool) -> None:
    if landscape:
        ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _anchor_row(chart: BarChart) -> int | None:
    """The 1-based row a chart's top-left corner is in, or None when it is placed some other way."""
    anchor = chart.anchor
    if isinstance(anchor, str):
        return coordinate_from_string(anchor)[1]
    if isinstance(anchor, OneCellAnchor):
        return int(anchor._from.row) + 1
    return None


def keep_charts_whole(ws: Any, rows: list[int]) -> None:
    """Start a new printed page at each of these rows (charts' top rows), so no chart is split between pages."""
    present = {int(item.id) for item in ws.row_breaks.brk}
    for row in sorted(set(rows)):
        if row > 1 and row - 1 not in present:
            ws.row_breaks.append(Break(id=row - 1))


def prepare_for_print(wb: Workbook) -> None:
    """Set every sheet to print legibly: one page wide, landscape where wide, frozen header rows repeated.

    Each chart starts a new page, so it prints whole.
    """
    for ws in _sheets(wb):
        if ws.sheet_state != "visible":
            continue
        charts = _charts_of(ws)
        _one_page_wide(ws, _used_width(ws) > PORTRAIT_WIDTH or bool(charts))
        if not ws.print_title_rows and ws.freeze_panes:
            _, row = coordinate_from_string(ws.freeze_panes)
            if row > 1:
                ws.print_title_rows = f"1:{row - 1}"
        keep_charts_whole(ws, [row for row in map(_anchor_row, charts) if row is not None])


def prepare_streamed_sheet(ws: Any, width: float, *, title_rows: str | None = None) -> None:
    """Set a write-only sheet to print as :func:`prepare_for_print` sets the others; call it before its first row.

    Args:
        ws: The write-only worksheet (its properties are written with its first row).
        width: The width of its printed columns, in Excel's character widths.
        title_rows: The rows to repeat at the top of every page, such as ``"1:1"``.
    """
    _one_page_wide(ws, width > PORTRAIT_WIDTH)
    if title_rows:
        ws.print_title_rows = title_rows


class _DescribedAnchor(OneCellAnchor):
    """A chart's place on a sheet that also writes the chart frame's alternative text (openpyxl writes none)."""

    tagname = "oneCellAnchor"
    # openpyxl's serialiser lists only the fields a class itself declares: a subclass must name its parent's
    __attrs__ = OneCellAnchor.__attrs__
    __elements__ = OneCellAnchor.__elements__
    __nested__ = OneCellAnchor.__nested__

    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description

    def to_tree(self, tagname: Any = None, idx: Any = None, namespace: Any = None) -> Any:
        frame: Any = self.graphicFrame
        if frame is not None:  # openpyxl sets the frame just before it writes the drawing
            frame.nvGraphicFramePr.cNvPr.descr = self.description
        return super().to_tree(tagname, idx, namespace)


def described_anchor(chart: BarChart, cell: str, description: str) -> OneCellAnchor:
    """Where to put a chart (its top-left cell, at the chart's size), carrying its alternative text.

    For write-only workbooks, whose cells cannot be read back to describe the chart:
    ``ws.add_chart(chart, described_anchor(chart, "A20", figures_text(...)))``.
    """
    column, row = coordinate_from_string(cell)
    anchor = _DescribedAnchor(description)
    anchor._from.row = row - 1
    anchor._from.col = column_index_from_string(column) - 1
    anchor.ext.width = cm_to_EMU(chart.width)  # type: ignore[no-untyped-call]
    anchor.ext.height = cm_to_EMU(chart.height)  # type: ignore[no-untyped-call]
    return anchor


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


def figures_text(title: str, categories: list[Any], series: list[tuple[str, list[Any]]], *, percent: bool) -> str:
    """A chart's alternative text from its figures: "Title. Series: category figure, ...; Series: ...".

    Args:
        title: The chart's title.
        categories: The label of each bar (in each series).
        series: Each series' name and its figure per category (None says "none").
        percent: Whether the figures are shares, said as percentages.
    """
    parts = []
    for name, values in series:
        shown = [
            f"{categories[index] if index < len(categories) else index + 1} {_figure(value, percent)}"
            for index, value in enumerate(values)
        ]
        parts.append((f"{name}: " if name else "") + ", ".join(shown))
    return f"{title}. " + "; ".join(parts) + "."


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
    series_figures: list[tuple[str, list[Any]]] = []
    for series in chart.series:
        if series.cat is not None and not categories:
            reference = series.cat.strRef or series.cat.numRef
            categories = [str(label) for label in _cells(wb, reference.f if reference is not None else None)]
        names = _cells(wb, series.tx.strRef.f) if series.tx is not None and series.tx.strRef is not None else []
        name = str(names[0]) if names else ""
        values = _cells(wb, series.val.numRef.f if series.val is not None and series.val.numRef is not None else None)
        series_figures.append(
            (
                name,
                [
                    (figures or {}).get((name, index)) if isinstance(value, str) and value.startswith("=") else value
                    for index, value in enumerate(values)
                ],
            )
        )
    return figures_text(_title(chart), categories, series_figures, percent=percent)


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


def saved_with_alt_text(
    wb: Workbook, figures: dict[tuple[str, int], Any] | None = None, *, glossary: Glossary | None = None
) -> bytes:
    """The workbook saved to bytes, its words explained, print set-up applied and charts given alternative text.

    The words (:mod:`._words`): each acronym spelt out at first use and a last sheet of the words used, when
    there is a glossary.
    """
    add_words(wb, glossary)
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
