"""The workbook of a pooled view: a summary, the spread of answers with a chart per standard, the comments.

A withheld criterion shows only its statement and a plain-English note (:func:`withheld_note`):
no count, share, median, score or comment of it is in any cell, and it is
left out of the charts' data.
"""

from __future__ import annotations

from typing import BinaryIO

from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import Field, Framework, Glossary, Perspective, PooledCriterion, PooledView, wording, wording_for
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import (
    PERCENT_FORMAT,
    distinguish_bars,
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

__all__ = [
    "POOLED_CHARTS_SHEET",
    "POOLED_COMMENTS_SHEET",
    "POOLED_SPREAD_SHEET",
    "POOLED_SUMMARY_SHEET",
    "write_pooled_view",
]

POOLED_SUMMARY_SHEET = "Summary"
POOLED_SPREAD_SHEET = "Spread"
POOLED_CHARTS_SHEET = "Charts"
POOLED_COMMENTS_SHEET = "Comments"
_HEADER_ROW = 3

_FIELD_NAMES = {
    Field.EVIDENCE: "Evidence",
    Field.REQUIRED_ACTIONS: "What needs to happen",
    Field.NEXT_STEPS: "Next steps",
}


class _Names:
    """Statement wording and short references from the framework, or the ids without one."""

    def __init__(self, framework: Framework | None, viewpoint: Perspective) -> None:
        self.framework = framework
        self.viewpoint = viewpoint
        self.where: dict[str, str] = {}
        if framework is not None:
            for section in framework.sections:
                for number, criterion in enumerate(section.criteria, start=1):
                    self.where[criterion.id] = f"Statement {number}"

    def reference(self, criterion_id: str) -> str:
        return self.where.get(criterion_id, criterion_id)

    def text(self, criterion_id: str) -> str:
        if self.framework is None or criterion_id not in self.where:
            return criterion_id
        return wording_for(self.framework.criterion(criterion_id), self.viewpoint)

    def section(self, view: PooledView, section_id: str) -> str:
        return next((entry.title for entry in view.sections if entry.section == section_id), section_id)


def _check_texts(view: PooledView, names: _Names) -> None:
    checks = TextChecks()
    checks.check(view.organisation.name, "organisation name")
    checks.check(view.organisation.identifier, "organisation identifier")
    checks.check(view.note, "note")
    for level in view.scale.levels:
        checks.check(level.name, f"level {level.id}, name")
    for section in view.sections:
        checks.check(section.title, f"section {section.section}, title")
    for entry in view.criteria:
        checks.check(names.text(entry.criterion), f"criterion {entry.criterion}, text")
        checks.check(entry.note, f"criterion {entry.criterion}, note")
        for number, text in enumerate(entry.texts):
            checks.check(text.text, f"criterion {entry.criterion}, comment {number + 1}")
    checks.check_date(view.first_date, "first date")
    checks.check_date(view.last_date, "last date")
    checks.raise_if_any("the pooled view")


def _level_name(view: PooledView, level_id: str | None) -> str | None:
    if level_id is None:
        return None
    return view.scale.level(level_id).name if view.scale.has_level(level_id) else level_id


def write_pooled_view(
    view: PooledView, out: BinaryIO, *, framework: Framework | None, glossary: Glossary | None
) -> None:
    """Write the workbook of a pooled view.

    Args:
        view: The pooled view.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        framework: The framework version it answers, for the statements' wording; None shows ids.
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        ExportError: If a text or date cannot be held by Excel.
    """
    if framework is not None and not {entry.criterion for entry in view.criteria} <= {
        criterion.id for criterion in framework.criteria
    }:
        framework = None
    names = _Names(framework, view.perspective)
    _check_texts(view, names)
    wb = new_workbook(f"{view.organisation.name}: what {view.perspective.label} told us")
    summary = wb.active
    assert summary is not None
    summary.title = POOLED_SUMMARY_SHEET
    _write_summary(summary, view, names)
    _write_spread(wb.create_sheet(POOLED_SPREAD_SHEET), view, names)
    _write_charts(wb.create_sheet(POOLED_CHARTS_SHEET), view, names)
    _write_comments(wb.create_sheet(POOLED_COMMENTS_SHEET), view, names)
    save_workbook(wb, out, glossary=glossary)


def withheld_note(view: PooledView) -> str:
    """Why a statement's figures are not shown, in plain words."""
    return (
        f"Not shown: fewer than {view.minimum_group} people rated this statement. "
        "With so few, someone could work out how a person answered."
    )


def _withheld_summary(view: PooledView) -> str:
    withheld = sum(1 for entry in view.criteria if entry.withheld)
    if not withheld:
        return "Nothing is withheld."
    which = "every statement" if withheld == len(view.criteria) else f"{withheld} of {len(view.criteria)} statements"
    return (
        f"The figures and comments of {which} are not shown. Fewer than {view.minimum_group} people rated them, "
        "and with so few, someone could work out how a person answered. They do not count in the pooled scores."
    )


def _write_summary(ws: Worksheet, view: PooledView, names: _Names) -> None:
    title_row(ws, f"{view.organisation.name}: what {view.perspective.label} told us")
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 70
    score = view.overall
    overall = wording.percent(score.value)
    if score.band is not None:
        overall += f" ({_level_name(view, score.band)})"
    row = put_details(
        ws,
        3,
        [
            ("Organisation", view.organisation.name),
            ("Unique reference number", view.organisation.identifier),
            ("Whose view", view.perspective.label),
            ("Framework", names.framework.label if names.framework else f"{view.framework} {view.framework_version}"),
            ("Respondents", None),
            ("First answer", None),
            ("Last answer", None),
            ("Smallest group shown", None),
            ("Overall pooled score", overall),
            ("About withheld statements", _withheld_summary(view)),
        ],
    )
    put_number(ws, 7, 2, view.respondents).alignment = L.TOP
    put_date(ws, 8, 2, view.first_date).alignment = L.TOP
    put_date(ws, 9, 2, view.last_date).alignment = L.TOP
    put_number(ws, 10, 2, view.minimum_group).alignment = L.TOP
    put_text(
        ws,
        row + 1,
        1,
        "Answers are pooled: this workbook never says who gave which answer. A statement rated by fewer "
        "respondents than the smallest group shows no figures and no comments, only a note saying why.",
    ).alignment = L.WRAP
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=2)
    ws.row_dimensions[row + 1].height = 45


def _write_spread(ws: Worksheet, view: PooledView, names: _Names) -> None:
    title_row(ws, "How respondents rated each statement")
    levels = view.scale.levels
    headers: list[tuple[str, float]] = [("Standard", 24), ("Reference", 12), ("Statement", 50), ("Rated", 8)]
    headers += [("Not applicable", 11), ("Left blank", 9)]
    headers += [(f"{level.name} (number)", 12) for level in levels]
    headers += [(f"{level.name} (share)", 12) for level in levels]
    headers += [("Median", 14), ("Pooled score", 10), ("Band", 14), ("Note", 50)]
    header_row(ws, _HEADER_ROW, headers)
    row = _HEADER_ROW
    for row, entry in enumerate(view.criteria, start=_HEADER_ROW + 1):
        put_text(ws, row, 1, names.section(view, entry.section)).alignment = L.WRAP
        put_text(ws, row, 2, names.reference(entry.criterion))
        put_text(ws, row, 3, names.text(entry.criterion)).alignment = L.WRAP
        note_column = len(headers)
        note = withheld_note(view) if entry.withheld else None
        ws.row_dimensions[row].height = L.row_height([(names.text(entry.criterion), 50), (note, 50)])
        if entry.withheld:
            put_text(ws, row, note_column, note).alignment = L.WRAP
            continue
        _write_figures(ws, row, view, entry)
    set_up_table(ws, _HEADER_ROW, row, len(headers), freeze_column=3)


def _write_figures(ws: Worksheet, row: int, view: PooledView, entry: PooledCriterion) -> None:
    levels = view.scale.levels
    counts = entry.counts or {}
    shares = entry.shares or {}
    put_number(ws, row, 4, entry.answered)
    put_number(ws, row, 5, entry.not_applicable)
    put_number(ws, row, 6, entry.unanswered)
    for index, level in enumerate(levels):
        put_number(ws, row, 7 + index, counts.get(level.id, 0))
        put_number(ws, row, 7 + len(levels) + index, shares.get(level.id, 0.0), PERCENT_FORMAT)
    column = 7 + 2 * len(levels)
    put_text(ws, row, column, _level_name(view, entry.median))
    put_number(ws, row, column + 1, entry.value, PERCENT_FORMAT)
    put_text(ws, row, column + 2, _level_name(view, entry.band))


def spread_description(view: PooledView, names: _Names, entries: list[PooledCriterion]) -> str:
    """What a section's chart shows, in words (withheld statements are named, with no figures)."""
    parts = []
    for entry in entries:
        name = names.reference(entry.criterion)
        if entry.withheld:
            parts.append(f"{name}: withheld, too few respondents rated it.")
        elif entry.answered:
            counts = entry.counts or {}
            figures = ", ".join(
                f"{level.name} {counts.get(level.id, 0)} ({wording.percent((entry.shares or {}).get(level.id, 0.0))})"
                for level in view.scale.levels
            )
            parts.append(f"{name}, rated by {entry.answered}: {figures}.")
        else:
            parts.append(f"{name}: nobody rated it.")
    return " ".join(parts)


def _write_charts(ws: Worksheet, view: PooledView, names: _Names) -> None:
    title_row(ws, "The spread of answers for each standard")
    levels = view.scale.levels
    ws.column_dimensions["A"].width = 14
    row = 3
    for section in view.sections:
        entries = [entry for entry in view.criteria if entry.section == section.section]
        shown = [entry for entry in entries if not entry.withheld and entry.answered]
        put_text(ws, row, 1, section.title).font = L.BOLD
        described = spread_description(view, names, entries)
        put_text(ws, row + 1, 1, described).alignment = L.WRAP
        ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=12)
        ws.row_dimensions[row + 1].height = L.row_height([(described, 160)], minimum=30)
        if not shown:
            row += 3
            continue
        header = row + 2
        table_header(ws, header, ["Statement", *[level.name for level in levels]])
        for offset, entry in enumerate(shown, start=1):
            put_text(ws, header + offset, 1, names.reference(entry.criterion))
            shares = entry.shares or {}
            for index, level in enumerate(levels):
                put_number(ws, header + offset, 2 + index, shares.get(level.id, 0.0), PERCENT_FORMAT)
        last = header + len(shown)
        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "percentStacked"
        chart.overlap = 100
        chart.title = f"{section.title}: share of respondents at each rating"
        chart.y_axis.title = "Share of respondents"
        chart.y_axis.number_format = PERCENT_FORMAT
        chart.add_data(
            Reference(ws, min_col=2, max_col=1 + len(levels), min_row=header, max_row=last), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
        chart.x_axis.scaling.orientation = "maxMin"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        if chart.legend is not None:
            chart.legend.position = "b"
        distinguish_bars(chart)
        chart.height = max(6.0, 0.9 * len(shown) + 3)
        chart.width = 18
        ws.add_chart(chart, f"{chr(ord('A') + len(levels) + 2)}{header}")
        row = max(last, header + int(chart.height * 2)) + 2


def _write_comments(ws: Worksheet, view: PooledView, names: _Names) -> None:
    title_row(ws, "What respondents wrote (anonymous, in no particular order)")
    header_row(ws, _HEADER_ROW, [("Standard", 24), ("Reference", 12), ("Column", 18), ("Comment", 90)])
    row = _HEADER_ROW
    for entry in view.criteria:
        if entry.withheld:
            continue
        for text in entry.texts:
            row += 1
            put_text(ws, row, 1, names.section(view, entry.section)).alignment = L.WRAP
            put_text(ws, row, 2, names.reference(entry.criterion))
            put_text(ws, row, 3, _FIELD_NAMES.get(text.field, text.field.value))
            put_text(ws, row, 4, text.text).alignment = L.WRAP
    if row == _HEADER_ROW:
        put_text(ws, row + 1, 1, "Nobody wrote a comment that can be shown.")
    set_up_table(ws, _HEADER_ROW, row, 4)
