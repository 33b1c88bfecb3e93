"""Reading a filled-in audit template back into an audit.

Values are found in two ways, so that a file saved by LibreOffice (which keeps
the controls' content but drops their tags) reads as well as one saved by Word:

1. by the tag of each content control (``<criterion id>:<column>``);
2. failing that, by the row: the reference printed under each statement
   ("Reference: shared-values-4") names the criterion, and the column order is
   the template's own.

Every value is checked against the framework; every problem is collected and
reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from coproduction import (
    Audit,
    Catalogue,
    Field,
    Framework,
    InvalidDocumentError,
    Organisation,
    Perspective,
    Problem,
    Response,
    UnknownFrameworkError,
    UnreadableFileError,
)
from coproduction.exporters.office import WORD, ArchiveLimits, excerpt, open_package
from coproduction_docx import _layout as layout
from coproduction_docx._ooxml import W14, W
from coproduction_docx._package import WordPackage

__all__ = ["read_template"]

# Where a Word template keeps its stamp: the same place is named for the same fault as the Excel
# template's metadata cell, so both formats report it alike.
_STAMP_PLACE = "template reference (document properties)"

_W = f"{{{W}}}"
_W14 = f"{{{W14}}}"
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_T, _TAB, _BR, _CR, _P = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}p"
_SDT, _SDT_PR, _SDT_CONTENT, _TAG = f"{_W}sdt", f"{_W}sdtPr", f"{_W}sdtContent", f"{_W}tag"
_SKIP = {
    f"{_W}{name}"
    for name in ("rPr", "pPr", "sdtPr", "sdtEndPr", "tcPr", "trPr", "tblPr", "del", "delText", "instrText", "fldData")
} | {_MC_ALTERNATE}
_ON = {"1", "true", "on"}
_TICKED = {"\u2612", "\u2611", "\u2713", "\u2714", "\u2717", "\u2718", "x", "yes", "[x]"}
_UNTICKED = {"", "\u2610", "no", "[ ]"}
_REFERENCE = re.compile(r"^\s*" + re.escape(layout.REFERENCE_PREFIX.strip()) + r"\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$")
# Bounded repetitions keep the search linear in the paragraph (an unbounded lazy group made it quadratic).
# "check code" since the plain-English wording; "fingerprint" in templates made before, still read.
_STAMP = re.compile(
    r"Template reference: (\S{1,200}) version ([^\n]{1,200}?), (?:fingerprint|check code) ([0-9a-f]{16})\."
)
_ABOUT = re.compile(r"About this (audit|checklist)")
"""The cover's heading: a checklist for a family, an audit for staff; messages name the cover as the reader sees it."""
_MAX_IDENTIFIER = 64  # the audit schema's limit on an organisation's reference


def _is_character(code: int) -> bool:
    """Whether a code point is a character text may hold (not past Unicode's end, not half a surrogate pair)."""
    return code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF


def _on(element: Any, attribute: str) -> bool:
    if element is None:
        return False
    value = element.get(attribute)
    return value is None or value.strip().lower() in _ON


def _showing_placeholder(sdt: Any) -> bool:
    properties = sdt.find(_SDT_PR)
    return properties is not None and _on(properties.find(f"{_W}showingPlcHdr"), f"{_W}val")


def text_of(element: Any) -> str:
    """The text a person sees in an element.

    Paragraphs are joined by line breaks, ``w:br`` is a line break and
    ``w:tab`` a tab; deleted text, field codes and the prompt of a content
    control still showing its placeholder are left out.
    """
    out: list[str] = []
    seen_paragraph = False

    def walk(node: Any) -> None:
        nonlocal seen_paragraph
        for child in node:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == _T:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag in (_BR, _CR):
                out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("\u2011")
            elif tag == f"{_W}softHyphen":
                out.append("\u00ad")
            elif tag == f"{_W}sym":
                code = child.get(f"{_W}char") or ""
                if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code) and _is_character(int(code, 16)):
                    out.append(chr(int(code, 16)))
            elif tag == _P:
                if seen_paragraph:
                    out.append("\n")
                seen_paragraph = True
                walk(child)
            elif tag == _SDT and _showing_placeholder(child):
                continue
            else:
                walk(child)

    walk(element)
    return "".join(out)


class _Cell:
    """What one table cell holds: its text, and its check box or date control if it has one."""

    def __init__(self, element: Any) -> None:
        self.element = element
        self.text = text_of(element)

    def value(self, key: str) -> str:
        """The text typed, with an untouched prompt read as empty.

        LibreOffice keeps a prompt as ordinary text when it saves, so a cell
        holding exactly the prompt is read as empty too.
        """
        if key in _PROMPTED and self.text.strip() == layout.placeholder(key):
            return ""
        return self.text

    def _properties(self, kind: str) -> Any:
        for sdt in self.element.iter(_SDT):
            properties = sdt.find(_SDT_PR)
            if properties is not None and properties.find(kind) is not None:
                return properties
        return None

    def checkbox(self) -> bool | None:
        """True or False from a check box control's state; None when the cell has none."""
        properties = self._properties(f"{_W14}checkbox")
        if properties is None:
            return None
        checked = properties.find(f"{_W14}checkbox").find(f"{_W14}checked")
        return checked is not None and _on(checked, f"{_W14}val")

    def full_date(self) -> str | None:
        """The ``w:fullDate`` of the cell's date control, unless it shows its prompt."""
        properties = self._properties(f"{_W}date")
        if properties is None or _on(properties.find(f"{_W}showingPlcHdr"), f"{_W}val"):
            return None
        value: str | None = properties.find(f"{_W}date").get(f"{_W}fullDate")
        return value


_PROMPTED = {
    layout.RATING,
    Field.EVIDENCE.value,
    Field.REQUIRED_ACTIONS.value,
    Field.NEXT_STEPS.value,
    *(question.key for question in layout.COVER),
}


def _cells(row: Any) -> list[Any]:
    found: list[Any] = row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc", namespaces={"w": W})
    return found


def _tag(sdt: Any) -> str | None:
    properties = sdt.find(_SDT_PR)
    tag = None if properties is None else properties.find(_TAG)
    return None if tag is None else tag.get(f"{_W}val")


class _Row:
    """A table row of the template, its cells, and which cell holds each tagged control."""

    def __init__(self, cells: list[Any]) -> None:
        self.cells = cells
        self.by_key: dict[str, int] = {}
        for index, cell in enumerate(cells):
            for sdt in cell.iter(_SDT):
                _, _, key = (_tag(sdt) or "").rpartition(":")
                if key:
                    self.by_key.setdefault(key, index)

    def cell(self, key: str, index: int) -> _Cell | None:
        """The cell holding ``key``: where its tagged control is, else at ``index``."""
        position = self.by_key.get(key, index)
        return _Cell(self.cells[position]) if position < len(self.cells) else None


def _stamp(package: WordPackage, document: Any) -> dict[str, str]:
    properties = package.custom_properties()
    if properties.get(layout.PROPERTY_KIND) == layout.TEMPLATE_KIND:
        return properties
    # The stamp properties were lost (a copy-and-paste into a new file?): use the printed line.
    for paragraph in document.iter(_P):
        match = _STAMP.search(text_of(paragraph))
        if match:
            return {
                layout.PROPERTY_KIND: layout.TEMPLATE_KIND,
                layout.PROPERTY_FORMAT: layout.FORMAT_VERSION,
                layout.PROPERTY_FRAMEWORK: match.group(1),
                layout.PROPERTY_VERSION: match.group(2),
                layout.PROPERTY_FINGERPRINT: match.group(3),
            }
    raise UnreadableFileError(
        "the file is a Word document but not a coproduction audit template (it carries no template stamp); "
        "send back the audit template that was filled in, not a copy of its contents"
    )


def _framework(stamp: dict[str, str], catalogue: Catalogue) -> Framework:
    form = stamp.get(layout.PROPERTY_FORMAT, "")
    if form != layout.FORMAT_VERSION:
        raise UnreadableFileError(
            f"the template was made in layout version {form[:20] or '(none)'}, which this version of coproduction-docx "
            f"does not read; it reads layout version {layout.FORMAT_VERSION}"
        )
    framework_id = stamp.get(layout.PROPERTY_FRAMEWORK, "")
    version = stamp.get(layout.PROPERTY_VERSION, "")
    try:
        framework = catalogue.framework(framework_id, version)
    except UnknownFrameworkError as error:
        raise InvalidDocumentError(
            "the template's framework is not in the catalogue",
            [
                Problem(
                    _STAMP_PLACE,
                    "unknown-framework",
                    f"the template is for framework {excerpt(framework_id)} version {excerpt(version)}: "
                    f"{error.message}; add it to the catalogue to read this file",
                )
            ],
        ) from None
    expected = layout.fingerprint(framework)
    found = stamp.get(layout.PROPERTY_FINGERPRINT, "")
    if found != expected:
        raise InvalidDocumentError(
            "this template does not match its framework",
            [
                Problem(
                    _STAMP_PLACE,
                    "framework-changed",
                    f"the template was made from a different text of the {framework.label} "
                    f"(fingerprint {excerpt(found)}, expected {expected!r}); make a new template from the "
                    "framework in use, or read it with the catalogue it was made from",
                )
            ],
        )
    return framework


def _parse_date(text: str) -> dt.date | None:
    value = re.sub(r"^[A-Za-z]+day,?\s+", "", text.strip())
    value = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value)
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:T[0-9:.]+Z?)?", value)
    if match:
        year, month, day = (int(group) for group in match.groups())
        return _date(year, month, day)
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", value)
    if match:
        day, month, year = (int(group) for group in match.groups())
        return _date(year, month, day)
    match = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", value)
    if match:
        month_number = layout.month_number(match.group(2))
        return None if month_number is None else _date(int(match.group(3)), month_number, int(match.group(1)))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


class _Reader:
    def __init__(self, framework: Framework, document: Any) -> None:
        self.framework = framework
        self.problems: list[Problem] = []
        self.rows: dict[str, list[_Row]] = {}
        self.cover_rows: dict[str, list[_Row]] = {}
        labels = {_normal(question.label): question.key for question in layout.COVER}
        headings = (_ABOUT.fullmatch(text_of(paragraph).strip()) for paragraph in document.iter(_P))
        self.word = next((found.group(1) for found in headings if found), "audit")
        self.about = f"About this {self.word}"
        for row in document.iter(f"{_W}tr"):
            cells = _cells(row)
            if not cells:
                continue
            criterion = self._row_criterion(row, cells[0])
            if criterion is not None:
                self.rows.setdefault(criterion, []).append(_Row(cells))
                continue
            key = self._cover_key(row) or labels.get(_normal(text_of(cells[0])))
            if key is not None and len(cells) > 1:
                self.cover_rows.setdefault(key, []).append(_Row(cells))

    def _row_criterion(self, row: Any, first: Any) -> str | None:
        for sdt in row.iter(_SDT):
            criterion, _, _ = (_tag(sdt) or "").rpartition(":")
            if criterion and self.framework.has_criterion(criterion):
                return criterion
        for paragraph in first.iter(_P):
            match = _REFERENCE.match(text_of(paragraph))
            if match and self.framework.has_criterion(match.group(1)):
                return match.group(1)
        return None

    @staticmethod
    def _cover_key(row: Any) -> str | None:
        for sdt in row.iter(_SDT):
            prefix, _, key = (_tag(sdt) or "").rpartition(":")
            if prefix == "cover" and key in _PROMPTED:
                return key
        return None

    def problem(self, path: str, code: str, message: str) -> None:
        self.problems.append(Problem(path, code, message))

    # -- the cover ---------------------------------------------------------------------------

    def cover(self) -> tuple[Organisation | None, str | None, dt.date | None, Perspective | None]:
        cells: dict[str, _Cell | None] = {}
        for question in layout.COVER:
            rows = self.cover_rows.get(question.key, [])
            if len(rows) > 1:
                self.problem(f"{self.about} > {question.label}", "duplicated", "the question appears twice; keep one")
            cells[question.key] = rows[0].cell(question.key, 1) if rows else None

        def text(key: str) -> str:
            cell = cells[key]
            return "" if cell is None else cell.value(key)

        name = text("organisation")
        organisation = None
        if not name.strip():
            self.problem(
                f"{self.about} > Organisation",
                "missing-value",
                f"is empty; write the name of the school or setting the {self.word} is about",
            )
        identifier = text("organisation_identifier") or None
        if identifier is not None and len(identifier) > _MAX_IDENTIFIER:
            self.problem(
                f"{self.about} > {next(q.label for q in layout.COVER if q.key == 'organisation_identifier')}",
                "identifier-too-long",
                f"the reference is {len(identifier):,} characters long; at most {_MAX_IDENTIFIER} are accepted",
            )
            identifier = None
        if name.strip():
            organisation = Organisation(name=name, identifier=identifier)
        completed_by = text("completed_by") or None
        return organisation, completed_by, self._date(cells["date"]), self._perspective(text("perspective"))

    def _date(self, cell: _Cell | None) -> dt.date | None:
        path = f"{self.about} > Date completed"
        shown = "" if cell is None else cell.value("date").strip()
        date = _parse_date(shown) if shown else None
        full = None if cell is None else cell.full_date()
        if date is None and not shown and full:
            date = _parse_date(full[:10])
        if date is None:
            if shown:
                self.problem(
                    path,
                    "invalid-date",
                    f"{excerpt(shown)} is not a date that can be read; write it like 14 March 2025 or 14/03/2025, "
                    "or pick it from the calendar",
                )
            else:
                self.problem(path, "missing-value", f"is empty; write the date the {self.word} was completed")
        return date

    def _perspective(self, value: str) -> Perspective | None:
        path = f"{self.about} > Whose view this records"
        labels = layout.perspective_labels()
        wanted = _normal(value)
        for perspective, label in labels.items():
            if wanted in (_normal(label), _normal(perspective.value), _normal(perspective.label)):
                return perspective
        choices = ", ".join(labels.values())
        if wanted:
            self.problem(
                path, "unknown-perspective", f"{excerpt(value.strip())} is not one of the choices; choose {choices}"
            )
        else:
            self.problem(path, "missing-value", f"is empty; choose {choices}")
        return None

    # -- the criteria ------------------------------------------------------------------------

    def responses(self) -> list[Response]:
        framework = self.framework
        cols = layout.columns(framework)
        index = {column.key: position for position, column in enumerate(cols)}
        levels = layout.level_labels(framework.scale)
        lookup: dict[str, str] = {}
        for level in framework.scale.levels:
            lookup.setdefault(_normal(levels[level.id]), level.id)
        for level in framework.scale.levels:
            lookup.setdefault(_normal(level.name), level.id)
            lookup.setdefault(_normal(level.id), level.id)
        names = [levels[level.id] for level in framework.scale.levels]
        choices = ", ".join(names[:-1]) + " or " + names[-1]
        result = []
        for section in framework.sections:
            for criterion in section.criteria:
                path = f"{section.title} > {criterion.id}"
                rows = self.rows.get(criterion.id, [])
                if len(rows) != 1:
                    if rows:
                        self.problem(path, "duplicated", "the row for this statement appears twice; delete the copy")
                    else:
                        self.problem(
                            path,
                            "missing-row",
                            "the row for this statement is missing; put it back, or fill in a fresh template",
                        )
                    continue
                row = rows[0]
                if len(row.cells) != len(cols) and not row.by_key:
                    self.problem(
                        path,
                        "changed-table",
                        f"the row has {len(row.cells)} columns, but the template's tables have {len(cols)}; "
                        "put the columns back as they were",
                    )
                    continue
                rating = self._rating(row.cell(layout.RATING, index[layout.RATING]), path, lookup, choices)
                not_applicable = False
                if framework.allows_not_applicable:
                    not_applicable = self._tick(row.cell(layout.NOT_APPLICABLE, index[layout.NOT_APPLICABLE]), path)
                texts = {}
                for field in framework.fields:
                    cell = row.cell(field.value, index[field.value])
                    texts[field.value] = "" if cell is None else cell.value(field.value)
                if rating is not None and not_applicable:
                    self.problem(
                        path,
                        "rated-and-not-applicable",
                        f"is rated {levels[rating]!r} and also ticked not applicable; choose one: clear the rating "
                        "or untick the box",
                    )
                    continue
                result.append(Response(criterion=criterion.id, rating=rating, not_applicable=not_applicable, **texts))
        return result

    def _rating(self, cell: _Cell | None, path: str, lookup: dict[str, str], choices: str) -> str | None:
        value = "" if cell is None else cell.value(layout.RATING)
        if not value.strip():
            return None
        level = lookup.get(_normal(value))
        if level is None:
            self.problem(
                path,
                "unknown-level",
                f"the rating {excerpt(value.strip())} is not on the rating scale; choose {choices}, or leave it empty",
            )
        return level

    def _tick(self, cell: _Cell | None, path: str) -> bool:
        if cell is None:
            return False
        state = cell.checkbox()
        if state is not None:
            return state
        value = cell.text.strip().casefold()
        if value in _TICKED:
            return True
        if value in _UNTICKED:
            return False
        self.problem(
            path,
            "unclear-not-applicable",
            f"the Not applicable box holds {excerpt(cell.text.strip())}; tick the box (or type X) if the statement "
            "does not apply, or leave it empty",
        )
        return False


def read_template(data: bytes, catalogue: Catalogue, limits: ArchiveLimits) -> Audit:
    """Read the bytes of a filled-in template into an audit.

    Args:
        data: The whole file.
        catalogue: Where to find the framework.
        limits: The archive limits.

    Returns:
        The audit, one response per criterion in framework order.

    Raises:
        UnreadableFileError: If it is not a readable template.
        UnknownFrameworkError: If the catalogue lacks its framework version.
        InvalidDocumentError: Listing every value that is not acceptable.
    """
    package = WordPackage(open_package(data, WORD, limits))
    document = package.xml(package.main_part)
    framework = _framework(_stamp(package, document), catalogue)
    reader = _Reader(framework, document)
    organisation, completed_by, date, perspective = reader.cover()
    responses = reader.responses()
    if reader.problems:
        count = len(reader.problems)
        raise InvalidDocumentError(
            f"the filled-in template has {count} problem{'s' if count != 1 else ''}; nothing was read",
            reader.problems,
        )
    if organisation is None or date is None or perspective is None:  # pragma: no cover - each adds a problem
        raise InvalidDocumentError("the cover of the filled-in template is incomplete")
    return Audit(
        framework=framework.id,
        framework_version=framework.version,
        organisation=organisation,
        perspective=perspective,
        date=date,
        responses=tuple(responses),
        completed_by=completed_by,
    )
