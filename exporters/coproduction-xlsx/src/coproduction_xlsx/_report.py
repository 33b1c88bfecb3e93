"""Writing an audit report workbook whose scores are live formulas."""

from __future__ import annotations

from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import (
    AuditReport,
    Field,
    Glossary,
    InvalidDocumentError,
    Phrase,
    check_audit,
    phrase,
    place,
    section_word,
    wording,
    wording_for,
)
from coproduction_xlsx import _layout as L
from coproduction_xlsx._print import saved_with_alt_text
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._template import add_rating_colours, add_rating_validation, collect_framework_text_problems

__all__ = ["ReportLayout", "write_report"]

SUMMARY_SHEET = "Summary"
RESPONSES_SHEET = "Responses"
SCALE_SHEET = "Scale"
LADDER_SHEET = "Ladder"
SUMMARY_HEADER_ROW = 9
TIE_TOLERANCE = "5E-13"  # the core's band ties: a distance within 1e-12 goes to the higher level


class ReportLayout:
    """Where the report puts things (1-based columns and rows), for the writer and the tests."""

    def __init__(self, report: AuditReport) -> None:
        framework = report.framework
        self.levels = len(framework.scale.levels)
        self.criteria = len(framework.criteria)
        self.sections = len(framework.sections)
        # Responses sheet.
        self.section, self.criterion_id, self.criterion, self.rating = 1, 2, 3, 4
        column = 5
        self.not_applicable: int | None = None
        if framework.allows_not_applicable:
            self.not_applicable = column
            column += 1
        self.fields: dict[Field, int] = {}
        for field in framework.fields:
            self.fields[field] = column
            column += 1
        (
            self.section_id,
            self.weight,
            self.level_value,
            self.normalised,
            self.counted,
            self.weighted,
            self.na_flag,
        ) = range(column, column + 7)
        self.first_response_row = 2
        self.last_response_row = 1 + self.criteria
        # Summary sheet: one row per section, then the overall row.
        self.first_section_row = SUMMARY_HEADER_ROW + 1
        self.overall_row = self.first_section_row + self.sections
        self.score_column = 2
        self.band_column = 3
        self.first_count_column = 4
        after = self.first_count_column + self.levels
        self.rated_column, self.na_column, self.unanswered_column, self.criteria_column = range(after, after + 4)
        self.coverage_column = after + 4
        self.section_id_column = after + 5


def write_report(report: AuditReport, out: BinaryIO, *, glossary: Glossary | None) -> None:
    """Write an audit report workbook.

    Args:
        report: The audit and its framework.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        InvalidDocumentError: If the audit does not fit its framework.
        ExportError: If a text cannot be held by Excel.
    """
    audit, framework = report.audit, report.framework
    problems = check_audit(audit, framework)
    if problems:
        raise InvalidDocumentError(f"the audit does not fit the {framework.label}; nothing was written", problems)
    checks = TextChecks()
    collect_framework_text_problems(checks, framework)
    checks.check(audit.organisation.name, "organisation name")
    checks.check(audit.organisation.identifier, "organisation identifier")
    checks.check(audit.completed_by, "completed by")
    checks.check_date(audit.date, "audit date")
    for response in audit.responses:
        for field in Field:
            checks.check(getattr(response, field.value), f"criterion {response.criterion}, {field.label.lower()}")
    if report.ladder is not None and report.ladder_assessment is not None:
        for entry in report.ladder_assessment.rungs:
            checks.check(entry.evidence, f"ladder rung {entry.rung}, evidence")
        for rung in report.ladder.rungs:
            checks.check(rung.name, f"ladder rung {rung.id}, name")
    checks.raise_if_any(f"the report of {audit.organisation.name}")

    layout = ReportLayout(report)
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = SUMMARY_SHEET
    responses = wb.create_sheet(RESPONSES_SHEET)
    scale = wb.create_sheet(SCALE_SHEET)
    _write_scale(scale, report)
    _write_responses(responses, report, layout)
    _write_summary(summary, report, layout)
    if report.ladder is not None and report.ladder_assessment is not None:
        _write_ladder(wb.create_sheet(LADDER_SHEET), report)
    wb.calculation.fullCalcOnLoad = True
    out.write(saved_with_alt_text(wb, _chart_figures(report), glossary=glossary))


def _chart_figures(report: AuditReport) -> dict[tuple[str, int], Any]:
    """What the summary's live formulas work out to, by series and section: the figures the charts' alt text states."""
    scores = report.scores
    figures: dict[tuple[str, int], Any] = {}
    for index, section in enumerate(scores.sections):
        figures["Score", index] = section.score.value
        for level in report.framework.scale.levels:
            figures[level.name, index] = section.score.level_counts[level.id]
    return figures


def _header(ws: Worksheet, row: int, headers: list[tuple[str, float]], *, helper_from: int | None = None) -> None:
    ws.row_dimensions[row].height = 30
    for column, (text, width) in enumerate(headers, start=1):
        cell = put_text(ws, row, column, text)
        cell.font = L.HEADER_FONT
        cell.fill = L.HEADER_FILL
        cell.alignment = L.WRAP
        if helper_from is not None and column >= helper_from:
            cell.fill = L.HELPER_FILL
            cell.font = L.BOLD
        ws.column_dimensions[get_column_letter(column)].width = width


def _scale_ranges(report: AuditReport) -> tuple[str, str, str, str]:
    last = 1 + len(report.framework.scale.levels)
    sheet = SCALE_SHEET
    return (
        f"{sheet}!$A$2:$A${last}",  # names
        f"{sheet}!$C$2:$C${last}",  # values
        f"{sheet}!$D$2:$D${last}",  # normalised
        f"{sheet}!$E$2:$E${last}",  # band thresholds
    )


def _write_scale(ws: Worksheet, report: AuditReport) -> None:
    levels = report.framework.scale.levels
    last = 1 + len(levels)
    _header(
        ws,
        1,
        [("Level", 20), ("Level id", 18), ("Value", 10), ("Normalised value", 16), ("Band starts at score", 20)],
    )
    values = f"$C$2:$C${last}"
    for row, level in enumerate(levels, start=2):
        put_text(ws, row, 1, level.name)
        put_text(ws, row, 2, level.id)
        ws.cell(row=row, column=3, value=level.value)
        ws.cell(row=row, column=4, value=f"=(C{row}-MIN({values}))/(MAX({values})-MIN({values}))")
        threshold = "=-1" if row == 2 else f"=(D{row - 1}+D{row})/2-{TIE_TOLERANCE}"
        ws.cell(row=row, column=5, value=threshold)
        ws.cell(row=row, column=4).number_format = "0.00"
        ws.cell(row=row, column=5).number_format = "0.00"
    notes = [
        "How scores work",
        "Each rating counts as a number from 0 to 1: the lowest rating counts 0 and the highest counts 1. "
        "The ones between are spread evenly by their values.",
        "A part's score is the average of the numbers of its rated statements. Some statements may count for "
        "more than others: their weights are on the Responses sheet.",
        "Statements marked not applicable, and statements not yet rated, do not count.",
        "The overall score is the same average over every rated statement. Coverage is the share of the "
        "statements that apply which have a rating.",
        "The band of a score is the rating whose number is nearest to it. If two are as near, the higher one is used.",
    ]
    for offset, text in enumerate(notes):
        cell = put_text(ws, last + 2 + offset, 1, text)
        if offset == 0:
            cell.font = L.BOLD


def _write_responses(ws: Worksheet, report: AuditReport, layout: ReportLayout) -> None:
    audit, framework = report.audit, report.framework
    names, values, _, _ = _scale_ranges(report)
    part = section_word(framework.id).capitalize()
    headers: list[tuple[str, float]] = [(part, 24), ("Statement id", 16), ("Statement", 55), ("Rating", 18)]
    if layout.not_applicable is not None:
        headers.append(("Not applicable", 14))
    headers += [(field.label, 40) for field in framework.fields]
    headers += [
        ("Section id (helper)", 14),
        ("Weight (helper)", 10),
        ("Level value (helper)", 10),
        ("Normalised (helper)", 12),
        ("Counted weight (helper)", 12),
        ("Weighted value (helper)", 12),
        ("Not applicable (helper)", 12),
    ]
    _header(ws, 1, headers, helper_from=layout.section_id)
    responses = audit.by_criterion()
    col = get_column_letter
    for row, criterion in enumerate(framework.criteria, start=layout.first_response_row):
        section = framework.section_of(criterion.id)
        response = responses.get(criterion.id)
        put_text(ws, row, layout.section, section.title).alignment = L.WRAP
        put_text(ws, row, layout.criterion_id, criterion.id).alignment = L.TOP
        statement = wording_for(criterion, audit.perspective)
        put_text(ws, row, layout.criterion, statement).alignment = L.WRAP
        rating_name = framework.scale.level(response.rating).name if response and response.rating else None
        put_text(ws, row, layout.rating, rating_name).alignment = L.TOP
        if layout.not_applicable is not None:
            put_text(ws, row, layout.not_applicable, "Yes" if response and response.not_applicable else None)
        for field, column in layout.fields.items():
            put_text(ws, row, column, getattr(response, field.value) if response else None).alignment = L.WRAP
        rating = f"{col(layout.rating)}{row}"
        level_value = f"{col(layout.level_value)}{row}"
        normalised = f"{col(layout.normalised)}{row}"
        weight = f"{col(layout.weight)}{row}"
        put_text(ws, row, layout.section_id, section.id)
        ws.cell(row=row, column=layout.weight, value=criterion.weight)
        lookup = f'IF(SUMPRODUCT(--EXACT({rating},{names}))=0,"",SUMPRODUCT(--EXACT({rating},{names}),{values}))'
        if layout.not_applicable is not None:
            na = f"{col(layout.not_applicable)}{row}"
            ws.cell(row=row, column=layout.level_value, value=f'=IF(TRIM({na})="Yes","",{lookup})')
            ws.cell(row=row, column=layout.na_flag, value=f'=IF(TRIM({na})="Yes",1,0)')
        else:
            ws.cell(row=row, column=layout.level_value, value=f"={lookup}")
            ws.cell(row=row, column=layout.na_flag, value=0)
        ws.cell(
            row=row,
            column=layout.normalised,
            value=f'=IF(ISNUMBER({level_value}),({level_value}-MIN({values}))/(MAX({values})-MIN({values})),"")',
        )
        ws.cell(row=row, column=layout.counted, value=f"=IF(ISNUMBER({normalised}),{weight},0)")
        ws.cell(row=row, column=layout.weighted, value=f"=IF(ISNUMBER({normalised}),{weight}*{normalised},0)")
        for column in range(layout.section_id, layout.na_flag + 1):
            ws.cell(row=row, column=column).fill = L.HELPER_FILL
        texts: list[tuple[str | None, float]] = [(section.title, 24), (statement, 55)]
        texts += [(getattr(response, field.value) if response else None, 40) for field in layout.fields]
        ws.row_dimensions[row].height = L.row_height(texts)
    first, last = layout.first_response_row, layout.last_response_row
    rating_cells = f"{col(layout.rating)}{first}:{col(layout.rating)}{last}"
    add_rating_validation(ws, framework, rating_cells, names)
    add_rating_colours(ws, framework, rating_cells)
    if layout.not_applicable is not None:
        validation = DataValidation(type="list", formula1='"Yes"', allow_blank=True, showErrorMessage=True)
        ws.add_data_validation(validation)
        validation.add(f"{col(layout.not_applicable)}{first}:{col(layout.not_applicable)}{last}")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{col(layout.na_flag)}{last}"


def _write_summary(ws: Worksheet, report: AuditReport, layout: ReportLayout) -> None:
    audit, framework = report.audit, report.framework
    levels = framework.scale.levels
    names, _, _, thresholds = _scale_ranges(report)
    col = get_column_letter
    first, last = layout.first_response_row, layout.last_response_row

    def responses(column: int) -> str:
        return f"{RESPONSES_SHEET}!${col(column)}${first}:${col(column)}${last}"

    ids, counted, weighted = responses(layout.section_id), responses(layout.counted), responses(layout.weighted)
    level_values, na_flags = responses(layout.level_value), responses(layout.na_flag)

    viewpoint = audit.perspective
    put_text(ws, 1, 1, f"Report: {audit.organisation.name}").font = L.TITLE_FONT
    details = [
        ("Organisation", audit.organisation.name),
        ("Reference number", audit.organisation.identifier),
        (phrase(Phrase.WHOSE_POINT_OF_VIEW, viewpoint), viewpoint.label.capitalize()),
        ("Framework", framework.label),
        ("Completed by", audit.completed_by),
    ]
    for row, (label, value) in enumerate(details, start=2):
        put_text(ws, row, 1, label).font = L.BOLD
        put_text(ws, row, 2, value)
    put_text(ws, 7, 1, "Date").font = L.BOLD
    date_cell = ws.cell(row=7, column=2, value=audit.date)
    date_cell.number_format = "yyyy-mm-dd"
    note = put_text(
        ws,
        8,
        1,
        phrase(
            Phrase.REPORT_INTRODUCTION,
            viewpoint,
            organisation=audit.organisation.name,
            framework=framework.label,
            date=wording.long_date(audit.date),
        )
        + " Scores are worked out from the Responses sheet: change a rating there and this page changes too. "
        "0% means every rated statement has the lowest rating, and 100% means every one has the highest.",
    )
    note.font = Font(italic=True)
    note.alignment = L.WRAP
    ws.merge_cells(start_row=8, start_column=1, end_row=8, end_column=layout.coverage_column)
    ws.row_dimensions[8].height = L.row_height([(str(note.value), 100)])
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)

    part = section_word(framework.id).capitalize()
    headers: list[tuple[str, float]] = [(part, 32), ("Score", 10), ("Band", 16)]
    headers += [(level.name, 12) for level in levels]
    headers += [
        ("Rated", 9),
        ("Not applicable", 12),
        ("Unanswered", 12),
        ("Statements", 11),
        ("Coverage", 10),
        ("Section id (helper)", 14),
    ]
    _header(ws, SUMMARY_HEADER_ROW, headers, helper_from=layout.section_id_column)

    rows = [(section.title, section.id) for section in framework.sections] + [("Overall", None)]
    for offset, (title, section_id) in enumerate(rows):
        row = layout.first_section_row + offset
        title_cell = put_text(ws, row, 1, title)
        title_cell.alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(title, 32)])
        if section_id is None:
            title_cell.font = L.BOLD
        if section_id is not None:
            put_text(ws, row, layout.section_id_column, section_id).fill = L.HELPER_FILL
            where = f"({ids}=${col(layout.section_id_column)}{row})*"
        else:
            where = ""
        score = f"{col(layout.score_column)}{row}"
        ws.cell(
            row=row,
            column=layout.score_column,
            value=(
                f'=IF(SUMPRODUCT({where}{counted})=0,"",'
                f"MIN(1,MAX(0,SUMPRODUCT({where}{weighted})/SUMPRODUCT({where}{counted}))))"
            ),
        ).number_format = wording.EXCEL_PERCENT_FORMAT
        ws.cell(
            row=row,
            column=layout.band_column,
            value=f'=IF(ISNUMBER({score}),INDEX({names},MATCH({score},{thresholds},1)),"")',
        )
        for index in range(len(levels)):
            value_cell = f"{SCALE_SHEET}!$C${2 + index}"
            ws.cell(
                row=row,
                column=layout.first_count_column + index,
                value=f"=SUMPRODUCT({where}({level_values}={value_cell}))",
            )
        rated, na, criteria = (
            f"{col(c)}{row}" for c in (layout.rated_column, layout.na_column, layout.criteria_column)
        )
        ws.cell(row=row, column=layout.rated_column, value=f"=SUMPRODUCT({where}ISNUMBER({level_values}))")
        ws.cell(row=row, column=layout.na_column, value=f"=SUMPRODUCT({where}{na_flags})")
        count = f"=SUMPRODUCT(--({ids}=${col(layout.section_id_column)}{row}))" if section_id else f"=ROWS({ids})"
        ws.cell(row=row, column=layout.criteria_column, value=count)
        ws.cell(row=row, column=layout.unanswered_column, value=f"={criteria}-{na}-{rated}")
        ws.cell(
            row=row,
            column=layout.coverage_column,
            value=f"=IF({criteria}-{na}=0,1,{rated}/({criteria}-{na}))",
        ).number_format = wording.EXCEL_PERCENT_FORMAT
    overall = layout.overall_row
    for column in range(1, layout.coverage_column + 1):
        ws.cell(row=overall, column=column).font = L.BOLD
        ws.cell(row=overall, column=column).border = L.BOX
    score_range = f"{col(layout.score_column)}{layout.first_section_row}:{col(layout.score_column)}{overall}"
    ws.conditional_formatting.add(
        score_range,
        ColorScaleRule(  # type: ignore[no-untyped-call]
            start_type="num", start_value=0, start_color="F8CBAD",
            mid_type="num", mid_value=0.5, mid_color="FFE699",
            end_type="num", end_value=1, end_color="C6EFCE",
        ),
    )  # fmt: skip
    ws.freeze_panes = f"B{SUMMARY_HEADER_ROW + 1}"
    ws.print_title_rows = f"{SUMMARY_HEADER_ROW}:{SUMMARY_HEADER_ROW}"  # the table's header, not the details above
    _add_charts(ws, report, layout)


def _add_charts(ws: Worksheet, report: AuditReport, layout: ReportLayout) -> None:
    first, last_section = layout.first_section_row, layout.overall_row - 1
    categories = Reference(ws, min_col=1, min_row=first, max_row=last_section)

    scores = BarChart()
    scores.type = "bar"
    scores.title = f"Score by {section_word(report.framework.id)}"
    scores.y_axis.title = "Score"
    scores.y_axis.scaling.min = 0
    scores.y_axis.scaling.max = 1
    scores.y_axis.number_format = wording.EXCEL_PERCENT_FORMAT
    scores.add_data(
        Reference(ws, min_col=layout.score_column, min_row=SUMMARY_HEADER_ROW, max_row=last_section),
        titles_from_data=True,
    )
    scores.set_categories(categories)
    scores.legend = None
    scores.height = max(7.5, 1.2 * layout.sections + 3)
    scores.width = 18
    scores.x_axis.delete = False
    scores.y_axis.delete = False

    counts = BarChart()
    counts.type = "bar"
    counts.grouping = "stacked"
    counts.overlap = 100
    counts.title = f"Ratings by {section_word(report.framework.id)}"
    counts.x_axis.title = None
    counts.y_axis.title = "Criteria"
    counts.add_data(
        Reference(
            ws,
            min_col=layout.first_count_column,
            max_col=layout.first_count_column + layout.levels - 1,
            min_row=SUMMARY_HEADER_ROW,
            max_row=last_section,
        ),
        titles_from_data=True,
    )
    counts.set_categories(categories)
    counts.height = scores.height
    counts.width = 18
    counts.x_axis.delete = False
    counts.y_axis.delete = False
    fills = L.level_fills(layout.levels)
    for series, colour in zip(counts.series, fills, strict=True):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = "808080"

    anchor = layout.overall_row + 3
    ws.add_chart(scores, f"A{anchor}")
    ws.add_chart(counts, f"A{anchor + int(scores.height * 2) + 2}")


def _write_ladder(ws: Worksheet, report: AuditReport) -> None:
    ladder, assessment = report.ladder, report.ladder_assessment
    assert ladder is not None and assessment is not None
    try:
        placement = place(assessment, ladder)
    except ValueError as error:
        raise InvalidDocumentError(f"the ladder assessment does not fit the {ladder.name}: {error}") from None
    put_text(ws, 1, 1, ladder.name).font = L.TITLE_FONT
    highest = placement.highest.name if placement.highest else "none yet"
    put_text(ws, 2, 1, f"Highest rung practised: {highest}")
    _header(ws, 4, [("Rung (lowest first)", 28), ("Currently doing", 16), ("Evidence", 60)])
    entries = {entry.rung: entry for entry in assessment.rungs}
    for row, rung in enumerate(ladder.rungs, start=5):
        entry = entries.get(rung.id)
        put_text(ws, row, 1, rung.name)
        put_text(ws, row, 2, "Not assessed" if entry is None else ("Yes" if entry.doing else "No"))
        put_text(ws, row, 3, entry.evidence if entry else None).alignment = L.WRAP
