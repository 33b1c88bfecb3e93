"""Writing a "you said, we did" feedback log workbook."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import CatalogueLookup, FeedbackEntry, FeedbackLog, FeedbackStatus, Glossary, approach_name
from coproduction_xlsx import _layout as L
from coproduction_xlsx._plan_layout import contributor_text
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import (
    distinguish_bars,
    fit_to_width,
    header_row,
    new_workbook,
    put_date,
    put_details,
    put_number,
    save_workbook,
    set_up_table,
    table_header,
    title_row,
)

__all__ = ["FEEDBACK_LOG_SHEET", "FEEDBACK_SUMMARY_SHEET", "LOG_COLUMNS", "NO_THEME", "write_feedback_log"]

FEEDBACK_SUMMARY_SHEET = "Summary"
FEEDBACK_LOG_SHEET = "Log"
NO_THEME = "(no theme)"
COUNTED_ON = "coproduction_counted_on"
"""The defined name of the date overdue answers are counted on."""

LOG_COLUMNS: tuple[tuple[str, float], ...] = (
    ("Id", 20),
    ("Theme", 20),
    ("You said", 50),
    ("Said by", 22),
    ("How it was said", 14),
    ("Date said", 12),
    ("Answer", 16),
    ("We did, or will do", 45),
    ("Done on", 12),
    ("Due by", 12),
    ("Why we cannot do it", 40),
    ("Linked actions", 24),
    ("Overdue (worked out)", 13),
)
_OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _how(entry: FeedbackEntry, catalogue: CatalogueLookup | None) -> str:
    """How it was said, with the approach used when the entry names one: "At a meeting (SEND coffee mornings)"."""
    how = _capital(entry.channel.label)
    if entry.approach is None:
        return how
    return f"{how} ({entry.approach if catalogue is None else approach_name(catalogue, entry.approach)})"


def write_feedback_log(
    log: FeedbackLog,
    out: BinaryIO,
    catalogue: CatalogueLookup | None = None,
    *,
    as_of: dt.date,
    glossary: Glossary | None,
) -> None:
    """Write a feedback log workbook.

    Args:
        log: The log.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        catalogue: Where the names of the approaches entries name are found (their ids are shown without one).
        as_of: The date overdue answers are counted on (the command's date); the
            Summary sheet holds it in a yellow cell the reader may change.
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        ExportError: If a text or date cannot be held by Excel; every one is listed.
    """
    checks = TextChecks()
    checks.check(log.title, "title")
    checks.check(log.organisation.name, "organisation name")
    checks.check(log.organisation.identifier, "organisation identifier")
    for entry in log.entries:
        where = f"feedback {entry.id}"
        checks.check(entry.theme, f"{where}, theme")
        checks.check(entry.said, f"{where}, what was said")
        checks.check(contributor_text(entry.said_by), f"{where}, said by")
        checks.check(entry.response.what, f"{where}, what we did or will do")
        checks.check(entry.response.reason, f"{where}, reason")
        for name, date in (("date", entry.date), ("done on", entry.response.done_on), ("due", entry.response.due)):
            checks.check_date(date, f"{where}, {name}")
    checks.raise_if_any(f"the feedback log of {log.organisation.name}")

    wb = new_workbook(f"{log.title}: {log.organisation.name}")
    summary = wb.active
    assert summary is not None
    summary.title = FEEDBACK_SUMMARY_SHEET
    entries = wb.create_sheet(FEEDBACK_LOG_SHEET)
    _write_log(entries, log, catalogue)
    counted_on = _write_summary(summary, log, as_of)
    wb.defined_names[COUNTED_ON] = DefinedName(COUNTED_ON, attr_text=f"{quote_sheetname(summary.title)}!{counted_on}")
    save_workbook(wb, out, glossary=glossary)


def _write_log(ws: Worksheet, log: FeedbackLog, catalogue: CatalogueLookup | None) -> None:
    title_row(ws, f"{log.title}: {log.organisation.name}")
    header_row(ws, 3, list(LOG_COLUMNS))
    widths = [width for _, width in LOG_COLUMNS]
    overdue_column = len(LOG_COLUMNS)
    due_letter, answer_letter = get_column_letter(10), get_column_letter(7)
    for row, entry in enumerate(log.entries, start=4):
        response = entry.response
        texts: list[str | None] = [
            entry.id,
            entry.theme,
            entry.said,
            contributor_text(entry.said_by),
            _how(entry, catalogue),
            None,
            _capital(entry.status.label),
            response.what,
            None,
            None,
            response.reason,
            ", ".join(entry.actions),
        ]
        for column, text in enumerate(texts, start=1):
            put_text(ws, row, column, text).alignment = L.WRAP
        put_date(ws, row, 6, entry.date)
        put_date(ws, row, 9, response.done_on)
        put_date(ws, row, 10, response.due)
        ws.cell(
            row=row,
            column=overdue_column,
            value=(
                f"=IF(AND(ISNUMBER({due_letter}{row}),{due_letter}{row}<{COUNTED_ON},"
                f'{answer_letter}{row}="{_capital(FeedbackStatus.WILL_DO.label)}"),"Overdue","")'
            ),
        ).fill = L.HELPER_FILL
        ws.row_dimensions[row].height = L.row_height(
            [(text, widths[index]) for index, text in enumerate(texts) if index in (2, 7, 10)]
        )
    last = 3 + len(log.entries)
    letter = get_column_letter(overdue_column)
    if log.entries:
        ws.conditional_formatting.add(
            f"{letter}4:{letter}{last}",
            FormulaRule(formula=[f'${letter}4="Overdue"'], fill=_OVERDUE_FILL, stopIfTrue=True),  # type: ignore[no-untyped-call]
        )
    set_up_table(ws, 3, last, len(LOG_COLUMNS), freeze_column=1)
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False


def _write_summary(ws: Worksheet, log: FeedbackLog, as_of: dt.date) -> str:
    """Fill the Summary sheet; return the absolute reference of the date overdue answers are counted on."""
    summary = log.summary()
    title_row(ws, f"{log.title}: {log.organisation.name}")
    ws.column_dimensions["A"].width = 40
    for column in range(2, 3 + len(FeedbackStatus)):
        ws.column_dimensions[get_column_letter(column)].width = 16
    row = put_details(
        ws,
        2,
        [("Organisation", log.organisation.name), ("Reference (URN)", log.organisation.identifier)],
    )
    note = (
        "The counts are those of the log when this workbook was made. An answer is overdue when we said we "
        "would do it by a date before the date below. Change that date to count again on another day."
    )
    cell = put_text(ws, row, 1, note)
    cell.font = Font(italic=True)
    cell.alignment = L.WRAP
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
    ws.row_dimensions[row].height = L.row_height([(note, 110)])
    row += 1
    put_text(ws, row, 1, "Overdue counted on").font = L.BOLD
    counted_on = put_date(ws, row, 2, as_of)
    counted_on.fill = L.INPUT_FILL
    counted_on.protection = Protection(locked=False)
    counted_on_reference = f"$B${row}"
    row += 2
    table_header(ws, row, ["Answer", "Entries"])
    row += 1
    for status in FeedbackStatus:
        put_text(ws, row, 1, _capital(status.label))
        put_number(ws, row, 2, summary.counts.count(status))
        row += 1
    put_text(ws, row, 1, "All entries").font = L.BOLD
    put_number(ws, row, 2, summary.total).font = L.BOLD
    row += 1
    put_text(ws, row, 1, "Overdue ('will do' past its date)").font = L.BOLD
    letter = get_column_letter(len(LOG_COLUMNS))
    log_sheet = quote_sheetname(FEEDBACK_LOG_SHEET)
    last = max(4, 3 + len(log.entries))
    ws.cell(row=row, column=2, value=f'=COUNTIF({log_sheet}!${letter}$4:${letter}${last},"Overdue")')
    row += 2

    put_text(ws, row, 1, "By theme").font = L.BOLD
    row += 1
    theme_header = row
    table_header(ws, row, ["Theme", *[_capital(status.label) for status in FeedbackStatus], "All"])
    row += 1
    first_theme = row
    for theme in summary.themes:
        put_text(ws, row, 1, theme.theme or NO_THEME).alignment = L.WRAP
        for column, status in enumerate(FeedbackStatus, start=2):
            put_number(ws, row, column, theme.counts.count(status))
        put_number(ws, row, 2 + len(FeedbackStatus), theme.counts.total)
        row += 1
    last_theme = row - 1
    if summary.themes:
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "Answers by theme"
        chart.x_axis.title = None
        chart.y_axis.title = "Entries"
        chart.add_data(
            Reference(ws, min_col=2, max_col=1 + len(FeedbackStatus), min_row=theme_header, max_row=last_theme),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=first_theme, max_row=last_theme))
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        if chart.legend is not None:
            chart.legend.position = "b"
        chart.height = max(7.5, 1.0 * len(summary.themes) + 4)
        chart.width = 18
        distinguish_bars(chart)
        ws.add_chart(chart, f"H{theme_header}")
    fit_to_width(ws)
    ws.protection.sheet = True
    return counted_on_reference
