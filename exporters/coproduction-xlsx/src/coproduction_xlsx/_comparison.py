"""Writing a comparison workbook: perspectives side by side, per section and per criterion."""

from __future__ import annotations

from typing import BinaryIO

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import (
    Catalogue,
    Comparison,
    Glossary,
    Perspective,
    PerspectiveRating,
    Phrase,
    phrase,
    section_word,
    wording,
    wording_for,
)
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import (
    PERCENT_FORMAT,
    distinguish_bars,
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

__all__ = [
    "COMPARISON_CRITERIA_SHEET",
    "COMPARISON_SECTIONS_SHEET",
    "COMPARISON_SUMMARY_SHEET",
    "SECTIONS_HEADER_ROW",
    "write_comparison",
]

COMPARISON_SUMMARY_SHEET = "Summary"
COMPARISON_SECTIONS_SHEET = "Sections"
COMPARISON_CRITERIA_SHEET = "Statements"
SECTIONS_HEADER_ROW = 3

BLIND_SPOT = wording.BLIND_SPOT
HIDDEN_STRENGTH = wording.HIDDEN_STRENGTH
FAMILY = Perspective.PARENT_CARERS
"""Whose words the comparison is in: a family may read it, so parent carers'."""
KAPPA_NOTE = phrase(Phrase.AGREEMENT_EXPLANATION, FAMILY)


def _title(perspective: Perspective) -> str:
    return perspective.label[:1].upper() + perspective.label[1:]


def level_text(rating: PerspectiveRating, names: dict[str, str]) -> str:
    """What a perspective gave a criterion, in words: a level name, "Not applicable" or "Not rated"."""
    if rating.rating is not None:
        return names.get(rating.rating, rating.rating)
    return "Not applicable" if rating.not_applicable else "Not rated"


def write_comparison(comparison: Comparison, out: BinaryIO, *, catalogue: Catalogue, glossary: Glossary | None) -> None:
    """Write a comparison workbook.

    Args:
        comparison: The comparison.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        catalogue: Where to find the framework for the criteria's wording (left
            out when the catalogue does not have it).
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        ExportError: If a text cannot be held by Excel; every one is listed.
    """
    framework = find_framework(catalogue, comparison.framework, comparison.framework_version)
    label = framework.label if framework else f"{comparison.framework} (version {comparison.framework_version})"
    texts = {c.id: wording_for(c, Perspective.PARENT_CARERS) for c in framework.criteria} if framework else {}
    names = {level.id: level.name for level in comparison.scale.levels}

    checks = TextChecks()
    checks.check(comparison.organisation.name, "organisation name")
    checks.check(comparison.organisation.identifier, "organisation identifier")
    checks.check(label, "framework title")
    for level in comparison.scale.levels:
        checks.check(level.name, f"level {level.id}, name")
    for reference in comparison.audits:
        checks.check(reference.completed_by, f"{reference.label}, completed by")
        checks.check_date(reference.date, f"{reference.label}, date")
    for entry in comparison.scores[0].sections:
        checks.check(entry.title, f"section {entry.section}, title")
    for criterion_id, text in texts.items():
        checks.check(text, f"criterion {criterion_id}, text")
    for agreement in comparison.agreement:
        checks.check(agreement.kappa_note, f"agreement of {agreement.first.label} and {agreement.second.label}")
    checks.raise_if_any(f"the comparison of {comparison.organisation.name}")

    wb = new_workbook(f"Comparing viewpoints: {comparison.organisation.name}")
    summary = wb.active
    assert summary is not None
    summary.title = COMPARISON_SUMMARY_SHEET
    _write_summary(summary, comparison, label)
    _write_sections(wb.create_sheet(COMPARISON_SECTIONS_SHEET), comparison, names)
    _write_criteria(wb.create_sheet(COMPARISON_CRITERIA_SHEET), comparison, names, texts)
    save_workbook(wb, out, glossary=glossary)


def _write_summary(ws: Worksheet, comparison: Comparison, label: str) -> None:
    title_row(ws, f"Comparing points of view: {comparison.organisation.name}")
    ws.column_dimensions["A"].width = 40
    for column in range(2, 2 + max(3, len(comparison.agreement))):
        ws.column_dimensions[get_column_letter(column)].width = 30
    row = put_details(
        ws,
        2,
        [
            ("Organisation", comparison.organisation.name),
            ("Reference (URN)", comparison.organisation.identifier),
            ("Framework", label),
        ],
    )
    row += 1
    put_text(ws, row, 1, "Whose ratings are compared").font = L.BOLD
    row += 1
    table_header(ws, row, [phrase(Phrase.WHOSE_POINT_OF_VIEW, FAMILY), "Date", "Completed by"])
    row += 1
    for reference in comparison.audits:
        put_text(ws, row, 1, _title(reference.perspective))
        put_date(ws, row, 2, reference.date).alignment = Alignment(horizontal="left")
        put_text(ws, row, 3, reference.completed_by)
        row += 1

    row += 1
    put_text(ws, row, 1, "How far the points of view agree").font = L.BOLD
    row += 1
    pairs = [f"{_title(a.first)} and {a.second.label}" for a in comparison.agreement]
    table_header(ws, row, ["Figure", *pairs])
    row += 1
    figures: list[tuple[str, list[float | int | str | None], str | None]] = [
        ("Statements both rated", [a.compared for a in comparison.agreement], None),
        ("Statements given the same rating", [a.exact for a in comparison.agreement], None),
        ("Share given the same rating", [a.exact_share for a in comparison.agreement], PERCENT_FORMAT),
        (f"{phrase(Phrase.AGREEMENT_HEADING, FAMILY)} (see below)", [a.kappa for a in comparison.agreement], "0.00"),
        (phrase(Phrase.AGREEMENT_WHY_NONE_HEADING, FAMILY), [a.kappa_note for a in comparison.agreement], None),
        (
            "Average gap in ratings (the first point of view minus the second)",
            [a.mean_gap for a in comparison.agreement],
            "0.00",
        ),
        ("Statements the first point of view rates higher", [len(a.first_higher) for a in comparison.agreement], None),
        (
            "Statements the second point of view rates higher",
            [len(a.second_higher) for a in comparison.agreement],
            None,
        ),
    ]
    for text, values, number_format in figures:
        put_text(ws, row, 1, text).alignment = L.WRAP
        for column, value in enumerate(values, start=2):
            if isinstance(value, str) or value is None:
                put_text(ws, row, column, value).alignment = L.WRAP
            else:
                put_number(ws, row, column, value, number_format).alignment = Alignment(horizontal="left")
        ws.row_dimensions[row].height = L.row_height(
            [(text, 40)] + [(value, 30) for value in values if isinstance(value, str)]
        )
        row += 1

    row += 1
    perspectives = comparison.perspectives
    if Perspective.SCHOOL_STAFF in perspectives and Perspective.PARENT_CARERS in perspectives:
        for text, count in (
            (phrase(Phrase.HIGHER_BY_STAFF, FAMILY), len(comparison.blind_spots)),
            (phrase(Phrase.HIGHER_BY_PARENTS, FAMILY), len(comparison.hidden_strengths)),
        ):
            put_text(ws, row, 1, text).alignment = L.WRAP
            put_number(ws, row, 2, count).alignment = Alignment(horizontal="left")
            ws.row_dimensions[row].height = L.row_height([(text, 40)])
            row += 1
        put_text(ws, row, 1, f"The {COMPARISON_CRITERIA_SHEET} sheet marks each one.").font = Font(italic=True)
        row += 2
    for text in (
        "Scores go from 0% (every rated statement has the lowest rating) to 100% (every one has the highest).",
        KAPPA_NOTE,
    ):
        cell = put_text(ws, row, 1, text)
        cell.font = Font(italic=True)
        cell.alignment = L.WRAP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        ws.row_dimensions[row].height = L.row_height([(text, 100)])
        row += 1
    fit_to_width(ws)
    ws.protection.sheet = True


def _write_sections(ws: Worksheet, comparison: Comparison, names: dict[str, str]) -> None:
    part = section_word(comparison.framework)
    title_row(ws, f"Score of each {part}, point of view by point of view")
    perspectives = comparison.perspectives
    count = len(perspectives)
    headers: list[tuple[str, float]] = [(part.capitalize(), 40)]
    headers += [(_title(p), 16) for p in perspectives]
    headers += [("Widest gap (percentage points)", 16)]
    headers += [(f"Band: {p.label}", 16) for p in perspectives]
    header_row(ws, SECTIONS_HEADER_ROW, headers)
    first = SECTIONS_HEADER_ROW + 1
    sections = comparison.scores[0].sections
    rows = [(entry.title, index) for index, entry in enumerate(sections)] + [("Overall", None)]
    for row, (title, index) in enumerate(rows, start=first):
        cell = put_text(ws, row, 1, title)
        cell.alignment = L.WRAP
        if index is None:
            cell.font = L.BOLD
        values = []
        for column, scores in enumerate(comparison.scores, start=2):
            score = scores.overall if index is None else scores.sections[index].score
            put_number(ws, row, column, score.value, PERCENT_FORMAT)
            band = names.get(score.band, score.band) if score.band else "Not rated"
            put_text(ws, row, 3 + count + column - 2, band)
            if score.value is not None:
                values.append(score.value)
        gap = max(values) - min(values) if len(values) >= 2 else None
        put_number(ws, row, 2 + count, None if gap is None else round(gap * 100, 6), "0")
        ws.row_dimensions[row].height = L.row_height([(title, 40)])
    last = first + len(rows) - 1
    set_up_table(ws, SECTIONS_HEADER_ROW, last, len(headers))

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = f"Score of each {part} by point of view"
    chart.y_axis.title = "Score"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = PERCENT_FORMAT
    chart.add_data(
        Reference(ws, min_col=2, max_col=1 + count, min_row=SECTIONS_HEADER_ROW, max_row=last), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    distinguish_bars(chart)
    if chart.legend is not None:
        chart.legend.position = "b"
    chart.height = 9
    chart.width = max(18, round(1.25 * len(rows) * count) + 6)
    ws.add_chart(chart, f"A{last + 3}")
    ws.protection.sheet = True
    ws.protection.autoFilter = False


def _write_criteria(ws: Worksheet, comparison: Comparison, names: dict[str, str], texts: dict[str, str]) -> None:
    perspectives = comparison.perspectives
    titles = {entry.section: entry.title for entry in comparison.scores[0].sections}
    blind = {criterion.criterion for criterion in comparison.blind_spots}
    hidden = {criterion.criterion for criterion in comparison.hidden_strengths}
    headers: list[tuple[str, float]] = [(section_word(comparison.framework).capitalize(), 26), ("Statement id", 18)]
    if texts:
        headers.append(("Statement", 55))
    headers += [(_title(p), 16) for p in perspectives]
    two = len(perspectives) == 2
    if two:
        headers.append((f"Gap in levels ({perspectives[0].label} minus {perspectives[1].label})", 18))
    headers += [("Levels apart (widest gap)", 12), ("Rated highest by", 22), ("Flag", 40)]
    header_row(ws, 1, headers)
    for row, criterion in enumerate(comparison.criteria, start=2):
        values: list[str | int | None] = [titles.get(criterion.section, criterion.section), criterion.criterion]
        if texts:
            values.append(texts.get(criterion.criterion, ""))
        values += [level_text(rating, names) for rating in criterion.ratings]
        if two:
            values.append(criterion.gap(perspectives[0], perspectives[1]))
        values.append(criterion.spread)
        highest = ""
        if criterion.spread:
            top = max(rating.step for rating in criterion.rated if rating.step is not None)
            highest = ", ".join(_title(r.perspective) for r in criterion.rated if r.step == top)
        flag = BLIND_SPOT if criterion.criterion in blind else HIDDEN_STRENGTH if criterion.criterion in hidden else ""
        values += [highest, flag]
        for column, value in enumerate(values, start=1):
            if isinstance(value, int):
                put_number(ws, row, column, value)
            else:
                put_text(ws, row, column, value).alignment = L.WRAP
        wrapped = [(str(values[0]), 26.0)] + ([(texts.get(criterion.criterion, ""), 55.0)] if texts else [])
        ws.row_dimensions[row].height = L.row_height(wrapped)
    set_up_table(ws, 1, 1 + len(comparison.criteria), len(headers), freeze_column=2)
    ws.protection.sheet = True
    ws.protection.autoFilter = False
    ws.protection.sort = False
