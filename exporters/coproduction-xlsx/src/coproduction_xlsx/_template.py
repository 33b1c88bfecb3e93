"""Writing a fillable audit template workbook."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import (
    AuditTemplate,
    Field,
    Framework,
    Glossary,
    Perspective,
    Phrase,
    Problem,
    examples_for,
    phrase,
    section_word,
    wording_for,
)
from coproduction_xlsx import _layout as L
from coproduction_xlsx._print import saved_with_alt_text
from coproduction_xlsx._safety import TextChecks, put_text

__all__ = ["Columns", "write_template"]

_UNLOCKED = Protection(locked=False)


class Columns:
    """Which column holds what on the audit sheet of a framework's template (1-based)."""

    def __init__(self, framework: Framework) -> None:
        self.section = 1
        self.criterion_id = 2
        self.criterion = 3
        self.guidance = 4
        self.rating = 5
        next_column = 6
        self.not_applicable: int | None = None
        if framework.allows_not_applicable:
            self.not_applicable = next_column
            next_column += 1
        self.fields: dict[Field, int] = {}
        for field in framework.fields:
            self.fields[field] = next_column
            next_column += 1
        self.last = next_column - 1


def write_template(template: AuditTemplate, out: BinaryIO, *, glossary: Glossary | None) -> None:
    """Write a fillable audit template workbook.

    Args:
        template: The template to write.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        glossary: The glossary whose words the workbook's last sheet explains; None adds no such sheet.

    Raises:
        ExportError: If a text cannot be held by Excel, or two levels share a name.
    """
    ensure_template_texts_storable(template)
    wb = Workbook()
    instructions = wb.active
    assert instructions is not None
    instructions.title = L.INSTRUCTIONS_SHEET
    audit = wb.create_sheet(L.AUDIT_SHEET)
    metadata = wb.create_sheet(L.METADATA_SHEET)
    _write_instructions(instructions, template)
    level_source = _write_metadata(wb, metadata, template)
    _write_audit_sheet(wb, audit, template, level_source)
    wb.active = 1  # open on the audit sheet
    wb.security = WorkbookProtection(lockStructure=True)
    out.write(saved_with_alt_text(wb, glossary=glossary))


def ensure_template_texts_storable(template: AuditTemplate) -> None:
    """Check every text a template will hold, before anything is written.

    Raises:
        ExportError: Listing each text Excel cannot hold, and levels sharing a name.
    """
    framework = template.framework
    checks = TextChecks()
    collect_framework_text_problems(checks, framework)
    if template.organisation is not None:
        checks.check(template.organisation.name, "organisation name")
        checks.check(template.organisation.identifier, "organisation identifier")
    checks.check_date(template.date, "template date")
    if template.ladder is not None:
        checks.check(template.ladder.name, f"ladder {template.ladder.id}, name")
        checks.check(template.ladder.description, f"ladder {template.ladder.id}, description")
        for rung in template.ladder.rungs:
            checks.check(rung.name, f"ladder {template.ladder.id}, rung {rung.id}, name")
            checks.check(rung.description, f"ladder {template.ladder.id}, rung {rung.id}, description")
    checks.raise_if_any(f"the template of the {framework.label}")


def collect_framework_text_problems(checks: TextChecks, framework: Framework) -> None:
    """Check the texts of a framework that any of our workbooks shows.

    Args:
        checks: Where problems are collected.
        framework: The framework.
    """
    checks.check(framework.title, "framework title")
    checks.check(framework.description, "framework description")
    checks.check(framework.evidence_prompt, "framework evidence prompt")
    seen: dict[str, str] = {}
    for level in framework.scale.levels:
        checks.check(level.name, f"level {level.id}, name")
        checks.check(level.description, f"level {level.id}, description")
        key = level.name.strip().casefold()
        if key in seen:
            checks.problems.append(
                Problem(
                    f"level {level.id}, name",
                    "duplicate-level-name",
                    f"has the same name as level {seen[key]} ({level.name!r}); a spreadsheet drop-down "
                    "tells levels apart by name, so each level needs its own",
                )
            )
        seen[key] = level.id
    for section in framework.sections:
        checks.check(section.title, f"section {section.id}, title")
        for criterion in section.criteria:
            checks.check(criterion.text, f"criterion {criterion.id}, text")
            checks.check(guidance_text(framework, criterion.id), f"criterion {criterion.id}, guidance and examples")


def guidance_text(framework: Framework, criterion_id: str, viewpoint: Perspective | None = None) -> str:
    """The guidance and examples of a criterion as one text, the examples worded for a viewpoint when given."""
    criterion = framework.criterion(criterion_id)
    parts = []
    if criterion.guidance:
        parts.append(criterion.guidance)
    examples = criterion.examples if viewpoint is None else examples_for(criterion, viewpoint)
    parts.extend(f"Example: {example}" for example in examples)
    return "\n".join(parts)


def document_word(viewpoint: Perspective) -> str:
    """What a template is called: an audit for school staff, a checklist for anyone else."""
    return "audit" if viewpoint is Perspective.SCHOOL_STAFF else "checklist"


def _about(viewpoint: Perspective) -> str:
    """What the statements are about, in the reader's terms."""
    return {
        Perspective.PARENT_CARERS: "how your child's school works with you and your family",
        Perspective.CHILDREN_AND_YOUNG_PEOPLE: "how you are listened to and worked with",
    }.get(viewpoint, "how the school or service works with families")


def _write_instructions(ws: Worksheet, template: AuditTemplate) -> None:
    framework = template.framework
    viewpoint = template.perspective
    scale = framework.scale
    word = document_word(viewpoint)
    organisation = template.organisation
    introduction = (
        phrase(Phrase.TEMPLATE_INTRODUCTION, viewpoint, organisation=organisation.name)
        if organisation is not None
        else phrase(Phrase.TEMPLATE_INTRODUCTION_NO_ORGANISATION, viewpoint)
    )
    lines: list[tuple[str, bool]] = [
        (f"How to fill in this {word}: {framework.title}", True),
        (introduction, False),
    ]
    if framework.description:
        lines.append((wording_for(framework, viewpoint, "description"), False))
    if viewpoint not in (Perspective.PARENT_CARERS, Perspective.CHILDREN_AND_YOUNG_PEOPLE):
        lines.append((f"Answer from the point of view of {viewpoint.label}.", False))  # a family's introduction says
    lines += [
        ("", False),
        ("1. Your details", True),
        (
            "On the next sheet, fill in the yellow cells at the top. They ask for the name of the school or "
            "service and its reference number, if it has one.",
            False,
        ),
        ("Then add your name and the date, such as 2025-05-13.", False),
        ("2. Rate each statement", True),
        (f"Each row of the next sheet is one statement about {_about(viewpoint)}.", False),
        (
            "For each statement, choose the rating that best describes what happens now. Choose it from the "
            f"list in the Rating column: {scale.names()}. The ratings mean:",
            False,
        ),
    ]
    lines += [
        (f"    {level.name}: {wording_for(level, viewpoint, 'description') if level.description else ''}", False)
        for level in scale.levels
    ]
    if framework.allows_not_applicable:
        lines.append((phrase(Phrase.NOT_APPLICABLE_INSTRUCTION, viewpoint), False))
    lines.append(("Leave a rating empty if you have not decided yet. You can finish it later.", False))
    fields = framework.fields
    if fields:
        evidence = wording_for(framework, viewpoint, "evidence_prompt") if framework.evidence_prompt else ""
        prompts = {
            Field.EVIDENCE: evidence or "what shows that this happens, with examples",
            Field.REQUIRED_ACTIONS: "what needs to happen to do better",
            Field.NEXT_STEPS: "the next steps you have agreed, who will take them and by when",
        }
        lines.append(("3. Say why", True))
        lines += [(f"In the {field.label} column, write {prompts[field]}.", False) for field in fields]
    lines += [
        ("Please keep the layout", True),
        (
            "Please do not add, move or delete rows, columns or sheets. We read your answers back from this "
            "file. If its layout has changed, we cannot read it, and we will tell you where.",
            False,
        ),
        ("Only the yellow cells can be changed.", False),
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
    if template.ladder is not None:
        ladder = template.ladder
        lines += [("", False), (f"About the {ladder.name}", True)]
        if ladder.description:
            lines.append((ladder.description, False))
        lines += [(f"    {rung.name}: {rung.description}".rstrip(": "), False) for rung in ladder.rungs]
    if framework.source is not None:
        lines += [("", False), (f"Source: {framework.source}", False)]
    ws.column_dimensions["A"].width = 110
    for row, (text, bold) in enumerate(lines, start=1):
        cell = put_text(ws, row, 1, text)
        cell.alignment = L.WRAP
        if bold:
            cell.font = L.TITLE_FONT if row == 1 else L.BOLD
        height = L.row_height([(text, 70)], minimum=20) * 1.3 if row == 1 else L.row_height([(text, 110)])
        ws.row_dimensions[row].height = height  # the title's larger type fits fewer characters on a taller line
    ws.protection.sheet = True
    ws.sheet_view.showGridLines = False


def _write_metadata(wb: Workbook, ws: Worksheet, template: AuditTemplate) -> str:
    """Fill the hidden metadata sheet; return the reference of the level names."""
    framework = template.framework
    values: list[str | int] = [
        L.FORMAT_NAME,
        L.FORMAT_VERSION,
        framework.id,
        framework.version,
        L.fingerprint(framework),
        template.perspective.value,
        len(framework.criteria),
    ]
    for row, (key, value) in enumerate(zip(L.META_KEYS, values, strict=True), start=1):
        put_text(ws, row, 1, key)
        if isinstance(value, int):
            ws.cell(row=row, column=2, value=value)
        else:
            put_text(ws, row, 2, value)
    put_text(ws, 1, L.META_CRITERIA_COLUMN, "criterion order")
    for row, criterion in enumerate(framework.criteria, start=2):
        put_text(ws, row, L.META_CRITERIA_COLUMN, criterion.id)
    put_text(ws, 1, L.META_LEVEL_NAMES_COLUMN, "level names")
    put_text(ws, 1, L.META_LEVEL_IDS_COLUMN, "level ids")
    levels = framework.scale.levels
    for row, level in enumerate(levels, start=2):
        put_text(ws, row, L.META_LEVEL_NAMES_COLUMN, level.name)
        put_text(ws, row, L.META_LEVEL_IDS_COLUMN, level.id)
    column = get_column_letter(L.META_LEVEL_NAMES_COLUMN)
    reference = f"{quote_sheetname(ws.title)}!${column}$2:${column}${len(levels) + 1}"
    wb.defined_names[L.LEVELS] = DefinedName(L.LEVELS, attr_text=reference)
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return reference


def _write_audit_sheet(wb: Workbook, ws: Worksheet, template: AuditTemplate, level_source: str) -> None:
    framework = template.framework
    columns = Columns(framework)
    criteria = framework.criteria
    first, last = L.FIRST_ROW, L.FIRST_ROW + len(criteria) - 1
    sheet = quote_sheetname(ws.title)

    title = put_text(ws, 1, 1, phrase(Phrase.TEMPLATE_TITLE, template.perspective, framework=framework.label))
    title.font = L.TITLE_FONT
    organisation = template.organisation
    details: list[tuple[str, str, object]] = [
        (L.ORGANISATION, "Organisation", organisation.name if organisation else None),
        (L.ORGANISATION_ID, "Reference number", organisation.identifier if organisation else None),
        (L.COMPLETED_BY, "Completed by", None),
        (L.DATE, "Date", template.date),
    ]
    for name, label, value in details:
        row = L.DETAIL_ROWS[name]
        put_text(ws, row, L.DETAIL_LABEL_COLUMN, label).font = L.BOLD
        cell = ws.cell(row=row, column=L.DETAIL_VALUE_COLUMN)
        if name == L.DATE:
            cell.number_format = "yyyy-mm-dd"
            if isinstance(value, dt.date):
                cell.value = value
        else:
            cell.number_format = "@"
            if isinstance(value, str):
                put_text(ws, row, L.DETAIL_VALUE_COLUMN, value)
        cell.protection = _UNLOCKED
        cell.fill = L.INPUT_FILL
        cell.border = L.BOX
        cell.alignment = L.TOP
        reference = f"{sheet}!${get_column_letter(L.DETAIL_VALUE_COLUMN)}${row}"
        wb.defined_names[name] = DefinedName(name, attr_text=reference)
    whose = phrase(Phrase.WHOSE_POINT_OF_VIEW, template.perspective)
    put_text(ws, L.PERSPECTIVE_ROW, L.DETAIL_LABEL_COLUMN, whose).font = L.BOLD
    put_text(ws, L.PERSPECTIVE_ROW, L.DETAIL_VALUE_COLUMN, template.perspective.label.capitalize())

    headers: dict[int, tuple[str, float]] = {
        columns.section: (section_word(framework.id).capitalize(), 24),
        columns.criterion_id: ("Statement id", 16),
        columns.criterion: ("Statement", 60),
        columns.guidance: ("Guidance and examples", 40),
        columns.rating: ("Rating", 18),
    }
    if columns.not_applicable is not None:
        headers[columns.not_applicable] = ("Not applicable", 15)
    for field, column in columns.fields.items():
        headers[column] = (field.label, 45)
    for column, (text, width) in headers.items():
        cell = put_text(ws, L.HEADER_ROW, column, text)
        cell.font = L.HEADER_FONT
        cell.fill = L.HEADER_FILL
        cell.alignment = L.WRAP
        ws.column_dimensions[get_column_letter(column)].width = width

    ws.row_dimensions[L.HEADER_ROW].height = 30
    input_columns = [columns.rating, *columns.fields.values()]
    if columns.not_applicable is not None:
        input_columns.append(columns.not_applicable)
    for row, criterion in enumerate(criteria, start=first):
        section = framework.section_of(criterion.id)
        put_text(ws, row, columns.section, section.title).alignment = L.WRAP
        put_text(ws, row, columns.criterion_id, criterion.id).alignment = L.TOP
        statement = wording_for(criterion, template.perspective)
        put_text(ws, row, columns.criterion, statement).alignment = L.WRAP
        guidance = guidance_text(framework, criterion.id, template.perspective)
        put_text(ws, row, columns.guidance, guidance).alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(section.title, 24), (statement, 60), (guidance, 40)], minimum=45)
        for column in input_columns:
            cell = ws.cell(row=row, column=column)
            cell.protection = _UNLOCKED
            cell.number_format = "@"
            cell.alignment = L.WRAP
            cell.border = L.BOX
            cell.fill = L.INPUT_FILL  # every cell to fill in is yellow; a chosen rating takes its level's colour

    def column_ref(column: int) -> str:
        letter = get_column_letter(column)
        return f"{sheet}!${letter}${first}:${letter}${last}"

    wb.defined_names[L.CRITERION_IDS] = DefinedName(L.CRITERION_IDS, attr_text=column_ref(columns.criterion_id))
    wb.defined_names[L.RATING] = DefinedName(L.RATING, attr_text=column_ref(columns.rating))
    if columns.not_applicable is not None:
        wb.defined_names[L.NOT_APPLICABLE] = DefinedName(L.NOT_APPLICABLE, attr_text=column_ref(columns.not_applicable))
    for field, column in columns.fields.items():
        wb.defined_names[L.field_name(field)] = DefinedName(L.field_name(field), attr_text=column_ref(column))

    rating_range = f"{get_column_letter(columns.rating)}{first}:{get_column_letter(columns.rating)}{last}"
    add_rating_validation(ws, framework, rating_range, level_source)
    add_rating_colours(ws, framework, rating_range)
    if columns.not_applicable is not None:
        letter = get_column_letter(columns.not_applicable)
        validation = DataValidation(
            type="list",
            formula1='"Yes"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Not applicable",
            error="Choose Yes, or leave the cell empty.",
        )
        ws.add_data_validation(validation)
        validation.add(f"{letter}{first}:{letter}{last}")

    ws.freeze_panes = f"A{first}"
    ws.auto_filter.ref = f"A{L.HEADER_ROW}:{get_column_letter(columns.last)}{last}"
    ws.print_title_rows = f"{L.HEADER_ROW}:{L.HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    protection = ws.protection
    protection.sheet = True
    protection.autoFilter = False  # filtering stays possible on the protected sheet
    protection.formatColumns = False
    protection.formatRows = False


def add_rating_validation(ws: Worksheet, framework: Framework, cells: str, level_source: str | None) -> None:
    """Give rating cells a drop-down of the level names.

    The names are listed inline when they fit Excel's 255-character limit and
    hold no comma or quote; otherwise the drop-down reads them from
    ``level_source``, a range holding the names.

    Args:
        ws: The worksheet.
        framework: The framework whose scale is offered.
        cells: The range of rating cells, such as ``E9:E39``.
        level_source: A range reference holding the level names, if there is one.
    """
    names = [level.name for level in framework.scale.levels]
    inline = ",".join(names)
    if level_source is None or (len(inline) <= 250 and not any("," in n or '"' in n for n in names)):
        formula = '"' + inline.replace('"', '""') + '"'
    else:
        formula = level_source
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Not a level",
        error=f"Choose {framework.scale.names()} from the list, or leave the cell empty."[:255],
        promptTitle="Rating",
        prompt=f"Choose {framework.scale.names()}."[:255],
    )
    ws.add_data_validation(validation)
    validation.add(cells)


def add_rating_colours(ws: Worksheet, framework: Framework, cells: str) -> None:
    """Colour rating cells by their level, red (lowest) to green (highest); the name stays shown.

    Args:
        ws: The worksheet.
        framework: The framework whose levels are coloured.
        cells: The range of rating cells, such as ``E9:E39`` (its first cell anchors the rule).
    """
    anchor = cells.split(":")[0]
    letters = "".join(ch for ch in anchor if ch.isalpha())
    digits = anchor[len(letters) :]
    for level, colour in zip(framework.scale.levels, L.level_fills(len(framework.scale.levels)), strict=True):
        name = level.name.replace('"', '""')
        if len(name) > 250:  # longer than a formula's text may be: the level goes uncoloured
            continue
        rule = FormulaRule(  # type: ignore[no-untyped-call]
            formula=[f'${letters}{digits}="{name}"'],
            fill=PatternFill(start_color=colour, end_color=colour, fill_type="solid"),
            stopIfTrue=True,
        )
        ws.conditional_formatting.add(cells, rule)
