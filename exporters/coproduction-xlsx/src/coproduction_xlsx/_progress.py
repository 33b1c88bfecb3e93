"""Writing a progress workbook: one organisation's scores from one viewpoint across audit cycles."""

from __future__ import annotations

import itertools
from typing import BinaryIO

from openpyxl.chart import LineChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import (
    Catalogue,
    Framework,
    Glossary,
    Movement,
    Phrase,
    Progress,
    RoundRating,
    phrase,
    section_word,
    wording_for,
)
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import (
    DATE_FORMAT,
    PERCENT_FORMAT,
    find_framework,
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
from coproduction_xlsx._template import document_word

__all__ = [
    "PROGRESS_CRITERIA_SHEET",
    "PROGRESS_SCORES_SHEET",
    "PROGRESS_SECTIONS_SHEET",
    "PROGRESS_SUMMARY_SHEET",
    "PROGRESS_UNSHARED_SHEET",
    "SCORES_HEADER_ROW",
    "step_label",
    "write_progress",
]

PROGRESS_SUMMARY_SHEET = "Summary"
PROGRESS_SCORES_SHEET = "Scores"
PROGRESS_SECTIONS_SHEET = "Sections"
PROGRESS_CRITERIA_SHEET = "Statements"
PROGRESS_UNSHARED_SHEET = "Not compared"
SCORES_HEADER_ROW = 3
_LEFT = Alignment(horizontal="left", vertical="top")


def step_label(progress: Progress, step: int) -> str:
    """The name of the step from one audit to the next, such as "2024-05-13 to 2025-05-14"."""
    dates = progress.dates
    return f"{dates[step].isoformat()} to {dates[step + 1].isoformat()}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Levels:
    """Level names of each framework version in the series, where the catalogue has it."""

    def __init__(self, progress: Progress, catalogue: Catalogue) -> None:
        self.frameworks: dict[str, Framework] = {}
        for version in dict.fromkeys(cycle.framework_version for cycle in progress.cycles):
            framework = find_framework(catalogue, progress.framework, version)
            if framework is not None:
                self.frameworks[version] = framework
        self.viewpoint = progress.perspective
        latest = progress.cycles[-1].framework_version
        self.latest = self.frameworks.get(latest)

    def name(self, version: str, level: str | None) -> str:
        if level is None:
            return ""
        framework = self.frameworks.get(version)
        if framework is None:
            return level
        for candidate in framework.scale.levels:
            if candidate.id == level:
                return candidate.name
        return level

    def answer(self, version: str, rating: RoundRating) -> str:
        if rating.rating is not None:
            return self.name(version, rating.rating)
        return "Not applicable" if rating.not_applicable else "Not rated"

    def text(self, criterion: str) -> str | None:
        if self.latest is None or not self.latest.has_criterion(criterion):
            return None
        return wording_for(self.latest.criterion(criterion), self.viewpoint)


def write_progress(progress: Progress, out: BinaryIO, *, catalogue: Catalogue, glossary: Glossary | None) -> None:
    """Write a progress workbook.

    Args:
        progress: The progress report.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        catalogue: Where to find the framework versions for level names and
            criterion wording (ids are shown when it does not have them); the
            built-in catalogue when omitted.
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        ExportError: If a text or date cannot be held by Excel; every one is listed.
    """
    levels = _Levels(progress, catalogue)
    label = levels.latest.label if levels.latest else progress.framework
    checks = TextChecks()
    checks.check(progress.organisation.name, "organisation name")
    checks.check(progress.organisation.identifier, "organisation identifier")
    checks.check(label, "framework title")
    for cycle in progress.cycles:
        checks.check(cycle.completed_by, f"audit of {cycle.date.isoformat()}, completed by")
        checks.check(cycle.framework_version, f"audit of {cycle.date.isoformat()}, framework version")
        checks.check_date(cycle.date, f"audit of {cycle.date.isoformat()}, date")
    for section in progress.sections:
        checks.check(section.title, f"section {section.section}, title")
    for framework in levels.frameworks.values():
        for level in framework.scale.levels:
            checks.check(level.name, f"level {level.id}, name")
    for criterion in progress.criteria:
        checks.check(levels.text(criterion.criterion), f"criterion {criterion.criterion}, text")
    checks.raise_if_any(f"the progress report of {progress.organisation.name}")

    wb = new_workbook(f"Progress across audits: {progress.organisation.name}")
    summary = wb.active
    assert summary is not None
    summary.title = PROGRESS_SUMMARY_SHEET
    _write_summary(summary, progress, label)
    _write_scores(wb.create_sheet(PROGRESS_SCORES_SHEET), progress)
    _write_sections(wb.create_sheet(PROGRESS_SECTIONS_SHEET), progress)
    _write_criteria(wb.create_sheet(PROGRESS_CRITERIA_SHEET), progress, levels)
    if progress.unshared:
        _write_unshared(wb.create_sheet(PROGRESS_UNSHARED_SHEET), progress)
    save_workbook(wb, out, glossary=glossary)


def _write_summary(ws: Worksheet, progress: Progress, label: str) -> None:
    word = document_word(progress.perspective)
    title_row(ws, f"Progress over time: {progress.organisation.name}")
    steps = len(progress.cycles) - 1
    ws.column_dimensions["A"].width = 40
    for column in range(2, 2 + max(4, steps)):
        ws.column_dimensions[get_column_letter(column)].width = 24
    change = progress.change
    row = put_details(
        ws,
        2,
        [
            ("Organisation", progress.organisation.name),
            ("Reference number", progress.organisation.identifier),
            (phrase(Phrase.WHOSE_POINT_OF_VIEW, progress.perspective), _capital(progress.perspective.label)),
            ("Framework", label),
            (f"Overall, first to last {word}", _capital(progress.trend.label)),
        ],
    )
    put_text(ws, row, 1, "Change in overall score (percentage points)").font = L.BOLD
    put_number(ws, row, 2, None if change is None else round(change * 100, 6), "+0;-0;0").alignment = _LEFT
    row += 2
    put_text(ws, row, 1, f"The {word}s").font = L.BOLD
    table_header(ws, row + 1, ["Date", "Framework version", "Completed by", "Overall score", "Coverage"])
    row += 2
    for cycle in progress.cycles:
        put_date(ws, row, 1, cycle.date).alignment = _LEFT
        put_text(ws, row, 2, cycle.framework_version)
        put_text(ws, row, 3, cycle.completed_by)
        if cycle.score is None:
            put_text(ws, row, 4, "Not rated")
        else:
            put_number(ws, row, 4, cycle.score, PERCENT_FORMAT)
        put_number(ws, row, 5, cycle.coverage, PERCENT_FORMAT)
        row += 1

    row += 1
    put_text(ws, row, 1, f"How many statements moved, {word} to {word}").font = L.BOLD
    table_header(ws, row + 1, ["Movement", *[step_label(progress, step) for step in range(steps)]])
    row += 2
    counts = [progress.movement_counts(step) for step in range(steps)]
    for movement in Movement:
        put_text(ws, row, 1, _capital(movement.label))
        for step in range(steps):
            put_number(ws, row, 2 + step, counts[step][movement])
        row += 1
    row += 1
    notes = [
        "Scores go from 0% (every rated statement has the lowest rating) to 100% (every one has the highest). "
        "Coverage is the share of the statements that apply which have a rating.",
        "An empty score on the Scores sheet means nothing there was rated.",
    ]
    if progress.unshared:
        notes.append(
            f"The {word}s answer different versions of the framework. They are compared on the statements every "
            "version has. The 'Not compared' sheet lists the rest."
        )
    for text in notes:
        cell = put_text(ws, row, 1, text)
        cell.font = Font(italic=True)
        cell.alignment = L.WRAP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = L.row_height([(text, 110)])
        row += 1
    fit_to_width(ws)
    ws.protection.sheet = True


def _write_scores(ws: Worksheet, progress: Progress) -> None:
    word = document_word(progress.perspective)
    title_row(ws, f"Scores at each {word}")
    headers: list[tuple[str, float]] = [("Date", 14), ("Overall", 14)]
    headers += [(section.title, 18) for section in progress.sections]
    header_row(ws, SCORES_HEADER_ROW, headers)
    first = SCORES_HEADER_ROW + 1
    for index, cycle in enumerate(progress.cycles):
        row = first + index
        put_date(ws, row, 1, cycle.date).number_format = DATE_FORMAT
        put_number(ws, row, 2, cycle.score, PERCENT_FORMAT)
        for column, section in enumerate(progress.sections, start=3):
            put_number(ws, row, column, section.scores[index], PERCENT_FORMAT)
    last = first + len(progress.cycles) - 1
    set_up_table(ws, SCORES_HEADER_ROW, last, len(headers))

    chart = LineChart()
    chart.title = f"Scores at each {word}"
    chart.y_axis.title = "Score"
    chart.x_axis.title = word.capitalize()
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = PERCENT_FORMAT
    chart.x_axis.number_format = DATE_FORMAT
    chart.add_data(
        Reference(ws, min_col=2, max_col=len(headers), min_row=SCORES_HEADER_ROW, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    if chart.legend is not None:
        chart.legend.position = "b"
    symbols = ["circle", "square", "triangle", "diamond", "x", "star", "plus", "dash"]
    for series, symbol in zip(chart.series, itertools.cycle(symbols), strict=False):
        series.marker.symbol = symbol  # markers differ too, so series are not told apart by colour alone
        series.smooth = False
    chart.height = 9
    chart.width = 20
    ws.add_chart(chart, f"A{last + 3}")
    ws.protection.sheet = True
    ws.protection.autoFilter = False


def _write_sections(ws: Worksheet, progress: Progress) -> None:
    steps = len(progress.cycles) - 1
    part = section_word(progress.framework).capitalize()
    header_row(ws, 1, [(part, 40), *[(step_label(progress, step), 18) for step in range(steps)]])
    rows = [(section.title, section.movements) for section in progress.sections]
    rows.append(("Overall", progress.overall))
    for row, (title, movements) in enumerate(rows, start=2):
        cell = put_text(ws, row, 1, title)
        cell.alignment = L.WRAP
        if title == "Overall" and row == len(rows) + 1:
            cell.font = L.BOLD
        for column, movement in enumerate(movements, start=2):
            put_text(ws, row, column, _capital(movement.label))
        ws.row_dimensions[row].height = L.row_height([(title, 40)])
    set_up_table(ws, 1, len(rows) + 1, 1 + steps)
    ws.protection.sheet = True
    ws.protection.autoFilter = False


def _write_criteria(ws: Worksheet, progress: Progress, levels: _Levels) -> None:
    titles = {section.section: section.title for section in progress.sections}
    has_text = levels.latest is not None
    steps = len(progress.cycles) - 1
    headers: list[tuple[str, float]] = [(section_word(progress.framework).capitalize(), 26), ("Statement id", 18)]
    if has_text:
        headers.append(("Statement", 50))
    headers += [(f"Rating {cycle.date.isoformat()}", 14) for cycle in progress.cycles]
    headers += [(f"Movement {step_label(progress, step)}", 18) for step in range(steps)]
    header_row(ws, 1, headers)
    for row, criterion in enumerate(progress.criteria, start=2):
        values: list[str | None] = [titles.get(criterion.section, criterion.section), criterion.criterion]
        if has_text:
            values.append(levels.text(criterion.criterion))
        values += [
            levels.answer(cycle.framework_version, rating)
            for cycle, rating in zip(progress.cycles, criterion.ratings, strict=True)
        ]
        values += [_capital(movement.label) for movement in criterion.movements]
        for column, value in enumerate(values, start=1):
            put_text(ws, row, column, value).alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(values[0], 26)] + ([(values[2], 50)] if has_text else []))
    set_up_table(ws, 1, 1 + len(progress.criteria), len(headers), freeze_column=2)
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False


def _write_unshared(ws: Worksheet, progress: Progress) -> None:
    title_row(ws, "Criteria not in every version of the framework (not compared)")
    header_row(ws, 3, [("Framework version", 20), ("Criterion id", 30)])
    row = 4
    for entry in progress.unshared:
        for criterion in entry.criteria:
            put_text(ws, row, 1, entry.framework_version)
            put_text(ws, row, 2, criterion)
            row += 1
    set_up_table(ws, 3, row - 1, 2)
    ws.protection.sheet = True
    ws.protection.autoFilter = False
