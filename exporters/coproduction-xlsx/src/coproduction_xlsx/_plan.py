"""Writing an action plan workbook that a school keeps up to date and that is read back."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import (
    Action,
    ActionPlan,
    ActionStatus,
    Catalogue,
    Framework,
    Glossary,
    InvalidDocumentError,
    Perspective,
    Problem,
    check_plan,
    section_word,
    wording_for,
)
from coproduction_xlsx import _layout as L
from coproduction_xlsx import _plan_layout as P
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import (
    DATE_FORMAT,
    fit_to_width,
    header_row,
    new_workbook,
    put_date,
    save_workbook,
    set_up_table,
    title_row,
)

__all__ = ["ensure_plan_texts_storable", "write_action_plan"]

_UNLOCKED = Protection(locked=False)
FAMILY = Perspective.PARENT_CARERS
"""Whose words the plan's statements are in: it is kept together with parent carers."""
_OVERDUE_FILL = PatternFill("solid", fgColor="F8CBAD")


def write_action_plan(
    plan: ActionPlan,
    framework: Framework,
    out: BinaryIO,
    *,
    catalogue: Catalogue,
    as_of: dt.date,
    glossary: Glossary | None,
) -> None:
    """Write an action plan workbook.

    Args:
        plan: The plan.
        framework: The framework version it answers.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        catalogue: Where the ladders offered for "Ladder rung aimed for" come from.
        as_of: The date overdue actions are counted on (the command's date); the
            Summary sheet holds it in a yellow cell the school may change.
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        InvalidDocumentError: If an action names a criterion the framework lacks.
        ExportError: If a text or date cannot be held by Excel; every problem is listed.
    """
    problems = check_plan(plan, framework)
    if problems:
        raise InvalidDocumentError(f"the action plan does not fit the {framework.label}; nothing was written", problems)
    ensure_plan_texts_storable(plan, framework)
    rungs = P.RungChoices.of(catalogue)

    wb = new_workbook(f"Action plan: {plan.organisation.name}")
    instructions = wb.active
    assert instructions is not None
    instructions.title = P.INSTRUCTIONS_SHEET
    sheets = {name: wb.create_sheet(name) for name in (P.PLAN_SHEET, P.ACTIONS_SHEET, P.SUMMARY_SHEET)}
    criteria = wb.create_sheet(P.CRITERIA_SHEET)
    metadata = wb.create_sheet(P.METADATA_SHEET)
    last_row = P.FIRST_ACTION_ROW + len(plan.actions) + P.SPARE_ROWS - 1
    _write_instructions(instructions, plan, framework)
    review_range = _write_plan_sheet(wb, sheets[P.PLAN_SHEET], plan, framework)
    _write_metadata(wb, metadata, plan, framework, rungs)
    _write_criteria(wb, criteria, framework, last_row)
    _write_actions(wb, sheets[P.ACTIONS_SHEET], plan, framework, rungs, last_row)
    _write_summary(wb, sheets[P.SUMMARY_SHEET], framework, last_row, review_range, as_of)
    wb.active = 2  # open on the Actions sheet
    wb.security = WorkbookProtection(lockStructure=True)
    wb.calculation.fullCalcOnLoad = True
    # the Summary's counts are live formulas; its chart's alternative text states what they are now
    counts = {
        ("Actions", index): sum(a.status is state for a in plan.actions) for index, state in enumerate(ActionStatus)
    }
    save_workbook(wb, out, counts, glossary=glossary)


def ensure_plan_texts_storable(plan: ActionPlan, framework: Framework) -> None:
    """Check every text and date of a plan before anything is written.

    Raises:
        ExportError: Listing each text Excel cannot hold, each date before
            Excel's calendar, and each "co-produced with" entry holding a line
            break (entries are written one per line).
    """
    checks = TextChecks()
    checks.check(framework.title, "framework title")
    for section in framework.sections:
        checks.check(section.title, f"section {section.id}, title")
        for criterion in section.criteria:
            checks.check(criterion.text, f"criterion {criterion.id}, text")
    checks.check(plan.organisation.name, "organisation name")
    checks.check(plan.organisation.identifier, "organisation identifier")
    for index, date in enumerate(plan.review_dates):
        checks.check_date(date, f"plan review date {index + 1}")
    for audit in plan.audits:
        checks.check(audit.completed_by, f"{audit.label}, completed by")
        checks.check_date(audit.date, f"{audit.label}, date")
    for action in plan.actions:
        where = f"action {action.id}"
        for name in ("what", "owner", "dropped_reason", "success_measure", "notes"):
            checks.check(getattr(action, name), f"{where}, {name.replace('_', ' ')}")
        for name in sorted(P.DATE_KEYS):
            checks.check_date(getattr(action, name), f"{where}, {name.replace('_', ' ')}")
        lines = [P.contributor_text(partner) for partner in action.co_produced_with]
        checks.check("\n".join(lines), f"{where}, co-produced with")
        for number, line in enumerate(lines, start=1):
            if "\n" in line or "\r" in line:
                checks.problems.append(
                    Problem(
                        f"{where}, co-produced with {number}",
                        "line-break-in-list",
                        "holds a line break; in the workbook each group is written on a line of its own, "
                        "so one group's label cannot span two lines",
                    )
                )
    checks.raise_if_any(f"the action plan of {plan.organisation.name}")


def _input(cell: object) -> None:
    cell.protection = _UNLOCKED  # type: ignore[attr-defined]
    cell.fill = L.INPUT_FILL  # type: ignore[attr-defined]
    cell.border = L.BOX  # type: ignore[attr-defined]


def _define(wb: Workbook, name: str, ws: Worksheet, reference: str) -> None:
    wb.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(ws.title)}!{reference}")


def _write_instructions(ws: Worksheet, plan: ActionPlan, framework: Framework) -> None:
    statuses = P.status_choices()
    lines: list[tuple[str, bool]] = [
        (f"How to use this action plan: {plan.organisation.name}", True),
        (f"This workbook is the action plan. It answers the ratings given against the {framework.label}.", False),
        ("Keep it up to date together with your parent carers. Then send it back to be read in again.", False),
        ("", False),
        ("The sheets", True),
        ("Plan: the organisation and the dates when the whole plan will be reviewed.", False),
        ("Actions: one row for each action. This is where most changes are made.", False),
        (
            f"A printed Actions sheet shows its first {P.PRINTED_COLUMNS} columns, so that the writing is large "
            "enough to read. The other columns are on screen.",
            False,
        ),
        ("Summary: how many actions have each status and how many are overdue. It updates by itself.", False),
        (
            f"{P.CRITERIA_SHEET}: every statement of the framework, with how many actions (not dropped) improve it.",
            False,
        ),
        ("", False),
        ("Changing an action", True),
        ("Only the yellow cells can be changed. Grey columns are worked out for you.", False),
        (f"Status: choose {statuses} from the list. An action that is dropped needs a reason.", False),
        (
            f"Statements it improves: choose a statement id from the list (see the {P.CRITERIA_SHEET} sheet). "
            "For an action that improves several statements, type their ids separated by commas.",
            False,
        ),
        (
            "Dates: type a date such as 2025-09-01 (year-month-day) or 01/09/2025. The due date cannot be "
            "before the start date.",
            False,
        ),
        (
            "Co-produced with: one group on each line. Press Alt+Enter for a new line in a cell. "
            "The groups are:\n"
            + "\n".join(f"- {name}" for name in P.group_labels())
            + "\nAfter a group you may add a colon and say who exactly. "
            "For example: 'Parent carers: parents of children in Year 6'. Name groups and roles, never a child.",
            False,
        ),
        ("Ladder rung aimed for: choose from the list, or leave it empty.", False),
        ("", False),
        ("Adding and removing actions", True),
        (
            "To add an action, fill in an empty yellow row below the last action. Leave its Action id empty: "
            "one is made up when the plan is read in. To remove an action, delete its row or clear its cells. "
            "If you need more rows, insert them between existing rows.",
            False,
        ),
        ("", False),
        ("Please keep", True),
        (
            "Please do not rename or delete sheets, or change the column headings of the Actions sheet. "
            "We read the workbook back by computer. If its layout has changed, we cannot read it, and we will "
            "tell you where.",
            False,
        ),
        (
            "Type words, not formulas. Text that starts with =, +, - or @ is kept as text. A cell holds at most "
            "32,767 characters.",
            False,
        ),
        (
            "Save the file as an Excel Workbook (.xlsx). In LibreOffice, choose 'Use Excel 2007-365!' when "
            "asked which format to keep. Do not add a password.",
            False,
        ),
    ]
    ws.column_dimensions["A"].width = 110
    for row, (text, bold) in enumerate(lines, start=1):
        cell = put_text(ws, row, 1, text)
        cell.alignment = L.WRAP
        if bold:
            cell.font = L.TITLE_FONT if row == 1 else L.BOLD
        ws.row_dimensions[row].height = L.row_height([(text, 110)], minimum=20 if row == 1 else 15)
    fit_to_width(ws)
    ws.protection.sheet = True
    ws.sheet_view.showGridLines = False


def _write_plan_sheet(wb: Workbook, ws: Worksheet, plan: ActionPlan, framework: Framework) -> str:
    """Fill the Plan sheet; return the reference of the review date cells."""
    title_row(ws, f"Action plan: {plan.organisation.name}")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 4
    ws.column_dimensions["C"].width = 60
    ws.column_dimensions["D"].width = 16
    ws.column_dimensions["E"].width = 30
    column = P.VALUE_COLUMN
    letter = get_column_letter(column)
    for row, label, name, value in (
        (P.ORGANISATION_ROW, "Organisation", P.ORGANISATION, plan.organisation.name),
        (P.ORGANISATION_ID_ROW, "Reference (URN)", P.ORGANISATION_ID, plan.organisation.identifier),
    ):
        put_text(ws, row, 1, label).font = L.BOLD
        cell = put_text(ws, row, column, value)
        cell.number_format = "@"
        cell.alignment = L.TOP
        _input(cell)
        _define(wb, name, ws, f"${letter}${row}")
    put_text(ws, P.FRAMEWORK_ROW, 1, "Framework").font = L.BOLD
    put_text(ws, P.FRAMEWORK_ROW, column, framework.label).alignment = L.WRAP

    put_text(ws, P.REVIEW_HEADER_ROW, 1, "Review dates of the whole plan").font = L.BOLD
    put_text(ws, P.REVIEW_HEADER_ROW, column, "One date per cell, for example 2026-01-15").font = Font(italic=True)
    slots = max(P.MIN_REVIEW_SLOTS, len(plan.review_dates) + 4)
    last_review = P.FIRST_REVIEW_ROW + slots - 1
    for offset in range(slots):
        row = P.FIRST_REVIEW_ROW + offset
        put_text(ws, row, 1, f"Review {offset + 1}")
        cell = put_date(ws, row, column, plan.review_dates[offset] if offset < len(plan.review_dates) else None)
        _input(cell)
    review_cells = f"${letter}${P.FIRST_REVIEW_ROW}:${letter}${last_review}"
    _define(wb, P.REVIEW_DATES, ws, review_cells)
    _date_validation(ws, f"{letter}{P.FIRST_REVIEW_ROW}:{letter}{last_review}")

    row = last_review + 2
    put_text(ws, row, 1, "Ratings this plan answers").font = L.BOLD
    if not plan.audits:
        put_text(ws, row, column, "None recorded")
    header_row(ws, row + 1, [("Whose viewpoint", 60), ("Date", 16), ("Completed by", 30)], first_column=column)
    for offset, audit in enumerate(plan.audits, start=row + 2):
        put_text(ws, offset, column, audit.perspective.label.capitalize())
        put_date(ws, offset, column + 1, audit.date)
        put_text(ws, offset, column + 2, audit.completed_by)
    fit_to_width(ws)
    ws.protection.sheet = True
    return f"{quote_sheetname(ws.title)}!{review_cells}"


def _date_validation(ws: Worksheet, cells: str) -> None:
    validation = DataValidation(
        type="date",
        operator="greaterThanOrEqual",
        formula1="61",  # 1900-03-01, where Excel's and LibreOffice's calendars agree
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not a date",
        error="Type a date, such as 2025-09-01 (year-month-day) or 01/09/2025.",
    )
    ws.add_data_validation(validation)
    validation.add(cells)


def _write_metadata(wb: Workbook, ws: Worksheet, plan: ActionPlan, framework: Framework, rungs: P.RungChoices) -> None:
    organisation = plan.organisation
    values: list[str | int | None] = [
        P.PLAN_FORMAT,
        P.PLAN_FORMAT_VERSION,
        framework.id,
        framework.version,
        L.fingerprint(framework),
        P.plan_identity(organisation.name, organisation.identifier, framework.id, framework.version, plan.audits),
        organisation.name,
        organisation.identifier,
        len(plan.audits),
    ]
    for row, (key, value) in enumerate(zip(P.META_KEYS, values, strict=True), start=1):
        put_text(ws, row, 1, key)
        if isinstance(value, int):
            ws.cell(row=row, column=2, value=value)
        else:
            put_text(ws, row, 2, value)
    perspective_column, date_column, by_column = P.META_AUDIT_COLUMNS
    for column, heading in zip(P.META_AUDIT_COLUMNS, ("audit perspective", "audit date", "completed by"), strict=True):
        put_text(ws, 1, column, heading)
    for row, audit in enumerate(plan.audits, start=2):
        put_text(ws, row, perspective_column, audit.perspective.value)
        put_text(ws, row, date_column, audit.date.isoformat())
        put_text(ws, row, by_column, audit.completed_by)
    put_text(ws, 1, P.META_RUNG_COLUMN, "ladder rungs")
    for row, label in enumerate(rungs.labels, start=2):
        put_text(ws, row, P.META_RUNG_COLUMN, label)
    if rungs.labels:
        letter = get_column_letter(P.META_RUNG_COLUMN)
        _define(wb, P.RUNG_CHOICES, ws, f"${letter}$2:${letter}${len(rungs.labels) + 1}")
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def _write_criteria(wb: Workbook, ws: Worksheet, framework: Framework, last_row: int) -> None:
    part = section_word(framework.id).capitalize()
    header_row(ws, 1, [(part, 30), ("Statement id", 20), ("Statement", 70), ("Actions improving it (not dropped)", 18)])
    actions = quote_sheetname(P.ACTIONS_SHEET)
    first = P.FIRST_ACTION_ROW

    def actions_range(key: str) -> str:
        letter = get_column_letter(P.column_of(key))
        return f"{actions}!${letter}${first}:${letter}${last_row}"

    criteria_cells, status_cells, what_cells = actions_range("criteria"), actions_range("status"), actions_range("what")
    listed = criteria_cells
    for separator in ('" "', "CHAR(10)", "CHAR(13)", "CHAR(9)", '";"'):
        replacement = '""' if separator == '" "' else '","'
        listed = f"SUBSTITUTE({listed},{separator},{replacement})"
    for row, criterion in enumerate(framework.criteria, start=2):
        put_text(ws, row, 1, framework.section_of(criterion.id).title).alignment = L.WRAP
        put_text(ws, row, 2, criterion.id).alignment = L.TOP
        put_text(ws, row, 3, wording_for(criterion, FAMILY)).alignment = L.WRAP
        ws.cell(
            row=row,
            column=4,
            value=(
                f'=SUMPRODUCT(ISNUMBER(SEARCH(","&$B{row}&",",","&{listed}&","))'
                f'*(LOWER(TRIM({status_cells}))<>"dropped")*(LEN(TRIM({what_cells}))>0))'
            ),
        ).fill = L.HELPER_FILL
        ws.row_dimensions[row].height = L.row_height([(wording_for(criterion, FAMILY), 70)])
    last = len(framework.criteria) + 1
    _define(wb, P.CRITERION_IDS, ws, f"$B$2:$B${last}")
    set_up_table(ws, 1, last, 4, freeze_column=2)
    ws.protection.sheet = True
    ws.protection.autoFilter = False


def _write_actions(
    wb: Workbook, ws: Worksheet, plan: ActionPlan, framework: Framework, rungs: P.RungChoices, last_row: int
) -> None:
    title_row(ws, f"Actions: {plan.organisation.name}")
    put_text(
        ws,
        2,
        1,
        "Change the yellow cells. Add new actions in the empty rows below the last one; delete a row or clear "
        "it to remove an action. Grey columns are worked out.",
    ).font = Font(italic=True)
    header_row(ws, P.HEADER_ROW, [(column.header, column.width) for column in P.COLUMNS])
    for index, column in enumerate(P.COLUMNS, start=1):
        if column.helper:
            ws.cell(row=P.HEADER_ROW, column=index).fill = L.HELPER_FILL
            ws.cell(row=P.HEADER_ROW, column=index).font = L.BOLD
    last_column = len(P.COLUMNS)
    _define(wb, P.ACTIONS_HEADER, ws, f"$A${P.HEADER_ROW}:${get_column_letter(last_column)}${P.HEADER_ROW}")

    letters = {column.key: get_column_letter(index) for index, column in enumerate(P.COLUMNS, start=1)}
    criteria_last = len(framework.criteria) + 1
    criteria_table = f"{quote_sheetname(P.CRITERIA_SHEET)}!$B$2:$C${criteria_last}"
    for offset in range(last_row - P.FIRST_ACTION_ROW + 1):
        row = P.FIRST_ACTION_ROW + offset
        action = plan.actions[offset] if offset < len(plan.actions) else None
        for index, column in enumerate(P.COLUMNS, start=1):
            cell = ws.cell(row=row, column=index)
            cell.protection = _UNLOCKED  # every cell of a row unlocked, so the row can be deleted
            cell.border = L.BOX
            cell.alignment = L.WRAP
            if column.helper:
                cell.fill = L.HELPER_FILL
                continue
            cell.fill = L.INPUT_FILL
            cell.number_format = DATE_FORMAT if column.key in P.DATE_KEYS else "@"
        criteria, status, due = (f"{letters[key]}{row}" for key in ("criteria", "status", "due_date"))
        ws[f"{letters['criterion_text']}{row}"] = (
            f'=IF(TRIM({criteria})="","",IFERROR(VLOOKUP(TRIM({criteria}),{criteria_table},2,FALSE),'
            f'"(see the {P.CRITERIA_SHEET} sheet)"))'
        )
        folded = f'LOWER(TRIM(SUBSTITUTE({status},"-"," ")))'
        ws[f"{letters['overdue']}{row}"] = (
            f'=IF(AND(ISNUMBER({due}),{due}<{P.COUNTED_ON},OR(TRIM({status})="",{folded}="not started",'
            f'{folded}="in progress")),"Overdue","")'
        )
        if action is not None:
            wording = (
                wording_for(framework.criterion(action.criteria[0]), FAMILY) if len(action.criteria) == 1 else None
            )
            _write_action(ws, row, action, rungs, wording)

    def cells(key: str) -> str:
        return f"{letters[key]}{P.FIRST_ACTION_ROW}:{letters[key]}{last_row}"

    labels = ",".join(P.STATUS_LABELS.values())
    status_validation = DataValidation(
        type="list",
        formula1=f'"{labels}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not a status",
        error=f"Choose {P.status_choices()}.",
    )
    ws.add_data_validation(status_validation)
    status_validation.add(cells("status"))
    criteria_validation = DataValidation(
        type="list",
        formula1=f"{quote_sheetname(P.CRITERIA_SHEET)}!$B$2:$B${criteria_last}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="information",
        errorTitle="Several statements?",
        error="Choose a statement from the list. For several statements, type their ids separated by commas.",
    )
    ws.add_data_validation(criteria_validation)
    criteria_validation.add(cells("criteria"))
    if rungs.labels:
        rung_validation = DataValidation(
            type="list",
            formula1=f"{quote_sheetname(P.METADATA_SHEET)}!${get_column_letter(P.META_RUNG_COLUMN)}$2:"
            f"${get_column_letter(P.META_RUNG_COLUMN)}${len(rungs.labels) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Not a ladder rung",
            error="Choose a ladder rung from the list, or leave the cell empty.",
        )
        ws.add_data_validation(rung_validation)
        rung_validation.add(cells("target"))
    for key in sorted(P.DATE_KEYS):
        _date_validation(ws, cells(key))
    overdue = cells("overdue")
    ws.conditional_formatting.add(
        overdue,
        FormulaRule(  # type: ignore[no-untyped-call]
            formula=[f'${letters["overdue"]}{P.FIRST_ACTION_ROW}="Overdue"'], fill=_OVERDUE_FILL, stopIfTrue=True
        ),
    )

    set_up_table(ws, P.HEADER_ROW, last_row, last_column, freeze_column=2)
    # printed: the main columns, large enough to read; the rest stay on screen
    ws.print_area = f"A1:{get_column_letter(P.PRINTED_COLUMNS)}{last_row}"
    protection = ws.protection
    protection.sheet = True
    for allowed in ("autoFilter", "sort", "insertRows", "deleteRows", "formatColumns", "formatRows"):
        setattr(protection, allowed, False)


def _write_action(ws: Worksheet, row: int, action: Action, rungs: P.RungChoices, wording: str | None) -> None:
    texts: dict[str, str | None] = {
        "id": action.id,
        "what": action.what,
        "criteria": ", ".join(action.criteria),
        "status": P.status_label(action.status),
        "owner": action.owner,
        "co_produced_with": "\n".join(P.contributor_text(partner) for partner in action.co_produced_with),
        "dropped_reason": action.dropped_reason,
        "success_measure": action.success_measure,
        "target": rungs.label(action.target) if action.target is not None else None,
        "notes": action.notes,
    }
    for key, text in texts.items():
        put_text(ws, row, P.column_of(key), text)
    for key in P.DATE_KEYS:
        put_date(ws, row, P.column_of(key), getattr(action, key))
    widths = {column.key: column.width for column in P.COLUMNS}
    ws.row_dimensions[row].height = L.row_height(
        [(text, widths[key]) for key, text in texts.items() if key in ("what", "success_measure", "notes")]
        + [(texts["co_produced_with"], widths["co_produced_with"]), (wording, widths["criterion_text"])],
        minimum=30,
    )


def _write_summary(
    wb: Workbook, ws: Worksheet, framework: Framework, last_row: int, review_range: str, as_of: dt.date
) -> None:
    title_row(ws, "How the action plan is going")
    note = (
        "Every figure here is worked out from the Actions sheet, so it changes when the plan changes. "
        "An action is overdue when its due date is before the date in the yellow cell and it is neither done "
        "nor dropped. Change that date to count again on another day."
    )
    cell = put_text(ws, 2, 1, note)
    cell.font = Font(italic=True)
    cell.alignment = L.WRAP
    ws.merge_cells("A2:B2")
    ws.row_dimensions[2].height = L.row_height([(note, 46)])
    put_text(ws, 3, 1, "Overdue counted on").font = L.BOLD
    counted_on = put_date(ws, 3, 2, as_of)
    _input(counted_on)
    _define(wb, P.COUNTED_ON, ws, "$B$3")
    actions = quote_sheetname(P.ACTIONS_SHEET)

    def actions_range(key: str) -> str:
        letter = get_column_letter(P.column_of(key))
        return f"{actions}!${letter}${P.FIRST_ACTION_ROW}:${letter}${last_row}"

    what, status, overdue = actions_range("what"), actions_range("status"), actions_range("overdue")
    present = f"(LEN(TRIM({what}))>0)"
    folded = f'LOWER(TRIM(SUBSTITUTE({status},"-"," ")))'
    header_row(ws, 4, [("Status", 34), ("Actions", 12)])
    fit_to_width(ws)
    first = 5
    for row, state in enumerate(ActionStatus, start=first):
        put_text(ws, row, 1, P.status_label(state))
        condition = f'({folded}="{state.label}")'
        if state is ActionStatus.NOT_STARTED:
            condition = f'(({folded}="{state.label}")+(TRIM({status})=""))'
        ws.cell(row=row, column=2, value=f"=SUMPRODUCT({present}*{condition})")
    total_row = first + len(ActionStatus)
    put_text(ws, total_row, 1, "All actions").font = L.BOLD
    ws.cell(row=total_row, column=2, value=f"=SUMPRODUCT(--{present})").font = L.BOLD
    done_row = first + list(ActionStatus).index(ActionStatus.DONE)
    dropped_row = first + list(ActionStatus).index(ActionStatus.DROPPED)
    criteria_last = len(framework.criteria) + 1
    figures: list[tuple[str, str, str | None]] = [
        ("Overdue", f'=SUMPRODUCT({present}*({overdue}="Overdue"))', None),
        ("Done, of the actions not dropped", f'=B{done_row}&" of "&(B{total_row}-B{dropped_row})', None),
        (
            "Statements that no action (not dropped) improves",
            f"=COUNTIF({quote_sheetname(P.CRITERIA_SHEET)}!$D$2:$D${criteria_last},0)",
            None,
        ),
        (
            "Next review of the whole plan",
            f'=IFERROR(SMALL({review_range},COUNTIF({review_range},"<"&{P.COUNTED_ON})+1),"")',
            DATE_FORMAT,
        ),
    ]
    for row, (label, formula, number_format) in enumerate(figures, start=total_row + 2):
        put_text(ws, row, 1, label).font = L.BOLD
        cell = ws.cell(row=row, column=2, value=formula)
        if number_format is not None:
            cell.number_format = number_format
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Actions by status"
    chart.y_axis.title = "Actions"
    chart.add_data(Reference(ws, min_col=2, min_row=4, max_row=total_row - 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=total_row - 1))
    chart.legend = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.height = 7.5
    chart.width = 16
    ws.add_chart(chart, "D4")
    ws.protection.sheet = True
