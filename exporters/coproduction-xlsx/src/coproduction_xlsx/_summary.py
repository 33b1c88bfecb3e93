"""A council summary workbook of many audits, streamed in constant memory."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter

from coproduction import (
    Audit,
    Catalogue,
    CouncilSummary,
    ExportError,
    Framework,
    InvalidDocumentError,
    Perspective,
    Problem,
    ScoreReport,
    UnknownFrameworkError,
    score,
    wording,
)
from coproduction_xlsx import _layout as L
from coproduction_xlsx._print import described_anchor, figures_text, keep_charts_whole, prepare_streamed_sheet
from coproduction_xlsx._safety import FIRST_EXCEL_DATE, TextChecks, is_plain, text_cell
from coproduction_xlsx._template import collect_framework_text_problems

__all__ = ["ABOUT_SHEET", "CouncilSummary", "SummaryItem", "write_summary"]

SummaryItem = Audit | tuple[Audit, Framework]
"""An audit, or an audit with the framework version it answers (see :class:`coproduction.CouncilSummary`)."""

ABOUT_SHEET = "About"
MAX_ROWS = 1_048_575  # Excel's rows, less the header
_FIXED_HEADERS = ("Organisation", "Reference (URN)", "Viewpoint", "Date", "Completed by", "Overall score", "Band")
_FIXED_WIDTHS = (34, 14, 22, 12, 22, 12, 14, 11)


class _Group:
    """The audits of one framework version: their sheet, columns and running counts."""

    def __init__(self, wb: Workbook, framework: Framework, number: int) -> None:
        self.framework = framework
        self.number = number
        suffix = "" if number == 1 else f" ({number})"
        self.sheet = wb.create_sheet(f"Audits{suffix}")
        self.distribution_title = f"Distributions{suffix}"
        self.rows = 0
        levels = framework.scale.levels
        self.level_names = {level.id: level.name for level in levels}
        self.level_ids = [level.id for level in levels]
        self.sections = framework.sections
        self.criteria = [criterion.id for criterion in framework.criteria]
        # running counts: per section (index) and overall (key None)
        keys: list[int | None] = [*range(len(self.sections)), None]
        self.bands: dict[int | None, dict[str | None, int]] = {
            key: dict.fromkeys([*self.level_ids, None], 0) for key in keys
        }
        self.score_sums: dict[int | None, float] = dict.fromkeys(keys, 0.0)
        self.score_counts: dict[int | None, int] = dict.fromkeys(keys, 0)
        self.ratings: dict[int | None, dict[str, int]] = {
            key: dict.fromkeys([*self.level_ids, "not-applicable", "unanswered"], 0) for key in keys
        }
        self.by_perspective: dict[Perspective, list[float]] = {p: [0.0, 0.0, 0.0] for p in Perspective}
        self._set_up()

    def _set_up(self) -> None:
        ws = self.sheet
        widths = [*_FIXED_WIDTHS, *[14] * len(self.sections), *[12] * len(self.criteria)]
        for index, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "B2"
        # printed: the details and scores; each statement's rating is on screen, to the right
        prepare_streamed_sheet(ws, sum(widths[: self.score_columns[1]]), title_rows="1:1")
        headers = [*_FIXED_HEADERS, "Coverage"]
        headers += [section.title for section in self.sections]
        headers += self.criteria
        row = []
        for text in headers:
            cell = WriteOnlyCell(ws, value=text)
            cell.data_type = "s"
            cell.font = L.HEADER_FONT
            cell.fill = L.HEADER_FILL
            cell.alignment = L.WRAP
            row.append(cell)
        ws.append(row)

    @property
    def score_columns(self) -> tuple[int, int]:
        """First and last column of the overall and section scores (1-based)."""
        return 6, 8 + len(self.sections)

    @property
    def rating_columns(self) -> tuple[int, int]:
        """First and last column of the criterion ratings (1-based)."""
        first = 9 + len(self.sections)
        return first, first + len(self.criteria) - 1

    def add(self, audit: Audit, report: ScoreReport, organisation: Any, completed_by: Any) -> None:
        ws = self.sheet
        overall = report.overall
        row: list[Any] = [
            organisation,
            audit.organisation.identifier,
            audit.perspective.label,
            audit.date,
            completed_by,
            _percent(ws, overall.value),
            self.level_names[overall.band] if overall.band else None,
            _percent(ws, overall.coverage),
        ]
        row += [_percent(ws, section.score.value) for section in report.sections]
        responses = audit.by_criterion()
        names = self.level_names
        for criterion in self.criteria:
            response = responses.get(criterion)
            if response is None:
                row.append(None)
            elif response.rating is not None:
                row.append(names[response.rating])
            else:
                row.append("N/A" if response.not_applicable else None)
        ws.append(row)
        self.rows += 1
        self._count(None, overall)
        for index, section in enumerate(report.sections):
            self._count(index, section.score)
        tally = self.by_perspective[audit.perspective]
        tally[0] += 1
        if overall.value is not None:
            tally[1] += overall.value
            tally[2] += 1

    def _count(self, key: int | None, result: Any) -> None:
        self.bands[key][result.band] += 1
        if result.value is not None:
            self.score_sums[key] += result.value
            self.score_counts[key] += 1
        ratings = self.ratings[key]
        for level, count in result.level_counts.items():
            ratings[level] += count
        ratings["not-applicable"] += result.not_applicable
        ratings["unanswered"] += result.unanswered

    def finish(self, wb: Workbook) -> None:
        """Add the heat-map and filter to the audits sheet, and write the distributions sheet."""
        ws = self.sheet
        last = self.rows + 1
        first_score, last_score = self.score_columns
        if self.rows:
            scores = f"{get_column_letter(first_score)}2:{get_column_letter(last_score)}{last}"
            ws.conditional_formatting.add(
                scores,
                ColorScaleRule(  # type: ignore[no-untyped-call]
                    start_type="num", start_value=0, start_color="F8696B",
                    mid_type="num", mid_value=0.5, mid_color="FFEB84",
                    end_type="num", end_value=1, end_color="63BE7B",
                ),
            )  # fmt: skip
            first_rating, last_rating = self.rating_columns
            ratings = f"{get_column_letter(first_rating)}2:{get_column_letter(last_rating)}{last}"
            fills = L.level_fills(len(self.level_ids))
            for level_id, colour in zip(self.level_ids, fills, strict=True):
                name = self.level_names[level_id].replace('"', '""')
                if len(name) > 250:  # longer than a formula's text may be: the level goes uncoloured
                    continue
                ws.conditional_formatting.add(
                    ratings,
                    CellIsRule(  # type: ignore[no-untyped-call]
                        operator="equal",
                        formula=[f'"{name}"'],
                        fill=PatternFill(start_color=colour, end_color=colour, fill_type="solid"),
                    ),
                )
        ws.auto_filter.ref = f"A1:{get_column_letter(self.rating_columns[1])}{last}"
        ws.print_area = f"A1:{get_column_letter(self.score_columns[1])}{last}"
        self._write_distributions(wb)

    def _write_distributions(self, wb: Workbook) -> None:
        ws = wb.create_sheet(self.distribution_title)
        level_names = [self.level_names[i] for i in self.level_ids]
        ws.column_dimensions["A"].width = 34
        for index in range(2, len(level_names) + 8):
            ws.column_dimensions[get_column_letter(index)].width = 14
        prepare_streamed_sheet(ws, 34 + 14 * (len(level_names) + 6))
        framework = self.framework
        ws.append([_heading(ws, f"{framework.label}: how the audits are spread")])
        ws.append([f"Audits: {self.rows}"])
        ws.append([])
        ws.append([_heading(ws, "Audits by band (the level nearest each score)")])
        header_row = 5
        ws.append([_header(ws, t) for t in ["Section", *level_names, "No score", "Audits", "Mean score"]])
        keys: list[int | None] = [*range(len(self.sections)), None]
        for key in keys:
            title = self.sections[key].title if key is not None else "Overall"
            counts = self.bands[key]
            mean = self.score_sums[key] / self.score_counts[key] if self.score_counts[key] else None
            ws.append(
                [
                    text_cell(ws, title),
                    *[counts[i] for i in self.level_ids],
                    counts[None],
                    self.rows,
                    _percent(ws, mean),
                ]
            )
        last_section_row = header_row + len(self.sections)
        after = header_row + len(keys) + 2
        ws.append([])
        ws.append([_heading(ws, "Criteria by rating (every criterion of every audit)")])
        ws.append([_header(ws, t) for t in ["Section", *level_names, "Not applicable", "Unanswered"]])
        for key in keys:
            title = self.sections[key].title if key is not None else "Overall"
            ratings = self.ratings[key]
            ws.append(
                [
                    text_cell(ws, title),
                    *[ratings[i] for i in self.level_ids],
                    ratings["not-applicable"],
                    ratings["unanswered"],
                ]
            )
        ws.append([])
        ws.append([_heading(ws, "Overall score by viewpoint")])
        ws.append([_header(ws, t) for t in ["Viewpoint", "Audits", "Mean overall score"]])
        for perspective, (count, total, scored) in self.by_perspective.items():
            if count:
                ws.append([perspective.label, int(count), _percent(ws, total / scored if scored else None)])
        chart_row = after + len(keys) + 6 + len(Perspective)

        chart = BarChart()
        chart.type = "bar"
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "Audits by band, per section"
        chart.y_axis.title = "Audits"
        chart.add_data(
            Reference(ws, min_col=2, max_col=1 + len(level_names), min_row=header_row, max_row=last_section_row),
            titles_from_data=True,
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_section_row))
        for series, colour in zip(chart.series, L.level_fills(len(level_names)), strict=True):
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.solidFill = "808080"
        chart.height = max(7.5, 1.2 * len(self.sections) + 3)
        chart.width = 20
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        description = figures_text(
            "Audits by band, per section",
            [section.title for section in self.sections],
            [
                (self.level_names[level], [self.bands[index][level] for index in range(len(self.sections))])
                for level in self.level_ids
            ],
            percent=False,
        )
        ws.add_chart(chart, described_anchor(chart, f"A{chart_row}", description))
        keep_charts_whole(ws, [chart_row])


def _percent(ws: Any, value: float | None) -> Cell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = wording.EXCEL_PERCENT_FORMAT
    return cell


def _heading(ws: Any, text: str) -> Cell:
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    cell.font = L.BOLD
    return cell


def _header(ws: Any, text: str) -> Cell:
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    cell.font = L.HEADER_FONT
    cell.fill = L.HEADER_FILL
    cell.alignment = L.WRAP
    return cell


def _plain(text: str | None) -> bool:
    return text is None or is_plain(text)


def _describe(number: int, audit: Audit) -> str:
    return f"audit {number} ({audit.organisation.name[:60]}, {audit.perspective.label})"


def write_summary(
    audits: Iterable[SummaryItem],
    out: BinaryIO,
    *,
    catalogue: Catalogue,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write a council summary workbook of many audits, in constant memory.

    One row per audit (organisation and viewpoint) with every criterion's
    rating, the section scores, the overall score, its band and the coverage,
    coloured as a heat-map; one sheet per framework version; a distributions
    sheet per framework with a chart; an About sheet. The audits are consumed
    once, as they are written (openpyxl's write-only mode), and the
    distributions are running counts, so memory does not grow with the number
    of audits.

    Args:
        audits: Audits, or (audit, framework) pairs. An audit alone is matched to
            its framework version through the catalogue.
        out: A binary stream; the workbook is written to it only once every audit
            has been checked and scored.
        catalogue: Where frameworks are found (:func:`coproduction.export_context` binds the built-in one).
        progress: Called with the number of audits done after each one.

    Returns:
        The number of audits written.

    Raises:
        ExportError: If an audit's framework is unknown, an audit does not fit its
            framework, a text cannot be held by Excel, or there are more audits of
            one framework than an Excel sheet has rows; nothing is written.
    """
    wb = Workbook(write_only=True)
    try:
        count = _stream(wb, audits, catalogue, progress)
    except BaseException:
        _discard(wb)
        raise
    wb.save(out)
    return count


class _Sink:
    """A stream that forgets what is written to it."""

    def write(self, data: bytes) -> int:
        return len(data)

    def flush(self) -> None:
        pass


def _discard(wb: Workbook) -> None:
    """Close an abandoned write-only workbook so its temporary files are removed."""
    with contextlib.suppress(Exception):
        wb.save(_Sink())


def _stream(
    wb: Workbook,
    audits: Iterable[SummaryItem],
    catalogue: Catalogue,
    progress: Callable[[int], None] | None,
) -> int:
    about = wb.create_sheet(ABOUT_SHEET)
    groups: dict[tuple[str, str], _Group] = {}
    frameworks: dict[tuple[str, str], Framework] = {}
    count = 0
    for count, item in enumerate(audits, start=1):
        audit, framework = _unpack(item, count, frameworks, catalogue)
        key = (framework.id, framework.version)
        group = groups.get(key)
        if group is None:
            checks = TextChecks()
            collect_framework_text_problems(checks, framework)
            checks.raise_if_any(f"the council summary ({framework.label})")
            group = groups[key] = _Group(wb, framework, len(groups) + 1)
        try:
            report = score(audit, framework)  # checks that the audit fits its framework
        except InvalidDocumentError as error:
            raise InvalidDocumentError(
                f"{_describe(count, audit)} does not fit the {framework.label}; nothing was written", error.problems
            ) from None
        name, identifier, completed_by = audit.organisation.name, audit.organisation.identifier, audit.completed_by
        if not _plain(name) or not _plain(identifier) or not _plain(completed_by) or audit.date < FIRST_EXCEL_DATE:
            checks = TextChecks()
            where = _describe(count, audit)
            checks.check(name, f"{where}: organisation name")
            checks.check(identifier, f"{where}: organisation identifier")
            checks.check(completed_by, f"{where}: completed by")
            checks.check_date(audit.date, f"{where}: date")
            checks.raise_if_any("the council summary")
        if group.rows >= MAX_ROWS:
            raise ExportError(
                f"there are more than {MAX_ROWS:,} audits of the {framework.label}, more than an Excel sheet "
                "holds; split them into several summaries"
            )
        group.add(
            audit,
            report,
            text_cell(group.sheet, name),
            text_cell(group.sheet, completed_by) if completed_by else None,
        )
        if progress is not None:
            progress(count)
    for group in groups.values():
        group.finish(wb)
    _write_about(about, groups, count)
    return count


def _unpack(
    item: object,
    number: int,
    frameworks: dict[tuple[str, str], Framework],
    catalogue: Catalogue,
) -> tuple[Audit, Framework]:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Audit) and isinstance(item[1], Framework):
        return item[0], item[1]
    if not isinstance(item, Audit):
        raise ExportError(
            f"item {number} of the council summary is a {type(item).__name__}; give audits or (audit, framework) pairs"
        )
    key = (item.framework, item.framework_version)
    framework = frameworks.get(key)
    if framework is None:
        try:
            framework = catalogue.framework(*key)
        except UnknownFrameworkError as error:
            raise InvalidDocumentError(
                f"{_describe(number, item)}: {error.message}; nothing was written",
                [Problem("framework", "unknown-framework", error.message)],
            ) from None
        frameworks[key] = framework
    return item, framework


def _write_about(ws: Any, groups: dict[tuple[str, str], _Group], count: int) -> None:
    ws.column_dimensions["A"].width = 100
    prepare_streamed_sheet(ws, 100)
    lines = [
        "Council summary of co-production audits",
        f"{count} audit(s). Each row of an Audits sheet is one organisation's audit from one viewpoint.",
        "Scores run from 0% (every rated criterion at the lowest level) to 100% (all at the highest). A score "
        "is the weighted mean of the rated criteria; criteria marked not applicable, or not yet rated, do not "
        "count. Coverage is the share of applicable criteria that are rated.",
        "Colours: scores from red (low) through amber to green (high); ratings by level.",
        "",
    ]
    for group in groups.values():
        lines.append(
            f"{group.sheet.title} and {group.distribution_title}: {group.framework.label}, {group.rows} audit(s)."
        )
    if not groups:
        lines.append("There were no audits to summarise.")
    for index, line in enumerate(lines):
        ws.append([_heading(ws, line) if index == 0 else text_cell(ws, line)])
