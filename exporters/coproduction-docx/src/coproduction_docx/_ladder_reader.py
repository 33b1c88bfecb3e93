"""Reading a filled-in ladder assessment template back into a :class:`~coproduction.LadderAssessment`.

As for audit templates, values are found by each content control's tag, or,
when LibreOffice has dropped the tags, by the reference printed under each
rung and the template's column order. The ladder is found in the catalogue
by the stamp and must be the very text the template was made from. Every
problem is collected, named by its rung or cover question, and reported at
once; nothing is read when there is one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from coproduction import (
    Catalogue,
    InvalidDocumentError,
    Ladder,
    LadderAssessment,
    Organisation,
    Perspective,
    Problem,
    RungPractice,
    UnknownLadderError,
    UnreadableFileError,
)
from coproduction.exporters.office import WORD, ArchiveLimits, excerpt, fingerprint, open_package
from coproduction_docx import _layout as layout
from coproduction_docx._ladder_template import (
    COVER,
    DOING,
    EVIDENCE,
    FORMAT_VERSION,
    LADDER_TEMPLATE_KIND,
    PLACEHOLDERS,
    PROPERTY_LADDER,
    STATES,
)
from coproduction_docx._ooxml import W
from coproduction_docx._package import WordPackage
from coproduction_docx._reader import _cells as row_cells
from coproduction_docx._reader import _parse_date as parse_date
from coproduction_docx._reader import _tag as sdt_tag
from coproduction_docx._reader import text_of

__all__ = ["read_ladder_template"]

_W = f"{{{W}}}"
_SDT, _SDT_PR, _P = f"{_W}sdt", f"{_W}sdtPr", f"{_W}p"
# "check code" since the plain-English wording; "fingerprint" in templates made before, still read.
_STAMP = re.compile(r"Template reference: ladder (\S{1,200}), (?:fingerprint|check code) ([0-9a-f]{16})\.")
_REFERENCE = re.compile(r"^\s*" + re.escape(layout.REFERENCE_PREFIX.strip()) + r"\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$")
_ABOUT = "About this ladder assessment"
_MAX_IDENTIFIER = 64
_COLUMNS = {DOING: 1, EVIDENCE: 2}


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def _stamp(package: WordPackage, document: Any) -> tuple[str, str]:
    properties = package.custom_properties()
    if properties.get(layout.PROPERTY_KIND) == LADDER_TEMPLATE_KIND:
        form = properties.get(layout.PROPERTY_FORMAT, "")
        if form != FORMAT_VERSION:
            raise UnreadableFileError(
                f"the ladder template was made in layout version {form[:20] or '(none)'}, which this version of "
                f"coproduction-docx does not read; it reads layout version {FORMAT_VERSION}"
            )
        return properties.get(PROPERTY_LADDER, ""), properties.get(layout.PROPERTY_FINGERPRINT, "")
    for paragraph in document.iter(_P):
        match = _STAMP.search(text_of(paragraph))
        if match:
            return match.group(1), match.group(2)
    raise UnreadableFileError(
        "the file is a Word document but not a coproduction ladder assessment template (it carries no template "
        "stamp); send back the ladder template that was filled in, not a copy of its contents"
    )


def _ladder(ladder_id: str, found: str, catalogue: Catalogue) -> Ladder:
    try:
        ladder = catalogue.ladder(ladder_id)
    except UnknownLadderError as error:
        raise UnknownLadderError(
            f"the template is for ladder {excerpt(ladder_id)}, which the catalogue does not hold ({error.message}); "
            "read it with a catalogue that includes that ladder",
            error.problems,
        ) from error
    expected = fingerprint(ladder)
    if found != expected:
        raise UnreadableFileError(
            f"the template was made from a different text of the {ladder.name} (its check code is "
            f"{found[:20] or '(none)'}, but the catalogue's ladder has check code {expected}); "
            "read it with the catalogue it was made from, or send out a new template"
        )
    return ladder


class _Row:
    def __init__(self, cells: list[Any]) -> None:
        self.cells = cells
        self.by_key: dict[str, int] = {}
        for index, cell in enumerate(cells):
            for sdt in cell.iter(_SDT):
                _, _, key = (sdt_tag(sdt) or "").rpartition(":")
                if key:
                    self.by_key.setdefault(key, index)

    def value(self, key: str, index: int) -> str | None:
        """The text typed in the cell holding ``key``; an untouched prompt reads as empty; None without the cell."""
        position = self.by_key.get(key, index)
        if position >= len(self.cells):
            return None
        text = text_of(self.cells[position])
        return "" if text.strip() == PLACEHOLDERS[key] else text

    def full_date(self) -> str | None:
        for sdt in self.cells[-1].iter(_SDT):
            properties = sdt.find(_SDT_PR)
            date = None if properties is None else properties.find(f"{_W}date")
            if date is not None and properties.find(f"{_W}showingPlcHdr") is None:
                value: str | None = date.get(f"{_W}fullDate")
                return value
        return None


class _Reader:
    def __init__(self, ladder: Ladder, document: Any) -> None:
        self.ladder = ladder
        self.problems: list[Problem] = []
        self.rows: dict[str, list[_Row]] = {}
        self.cover_rows: dict[str, list[_Row]] = {}
        labels = {_normal(label): key for key, label in COVER}
        rung_ids = {rung.id for rung in ladder.rungs}
        for row in document.iter(f"{_W}tr"):
            cells = row_cells(row)
            if not cells:
                continue
            rung = self._row_rung(row, cells[0], rung_ids)
            if rung is not None:
                self.rows.setdefault(rung, []).append(_Row(cells))
                continue
            key = self._cover_key(row) or labels.get(_normal(text_of(cells[0])))
            if key is not None and len(cells) > 1:
                self.cover_rows.setdefault(key, []).append(_Row(cells))

    @staticmethod
    def _row_rung(row: Any, first: Any, rung_ids: set[str]) -> str | None:
        for sdt in row.iter(_SDT):
            rung, _, _ = (sdt_tag(sdt) or "").rpartition(":")
            if rung in rung_ids:
                return rung
        for paragraph in first.iter(_P):
            match = _REFERENCE.match(text_of(paragraph))
            if match and match.group(1) in rung_ids:
                return match.group(1)
        return None

    @staticmethod
    def _cover_key(row: Any) -> str | None:
        for sdt in row.iter(_SDT):
            prefix, _, key = (sdt_tag(sdt) or "").rpartition(":")
            if prefix == "ladder" and key in PLACEHOLDERS:
                return key
        return None

    def problem(self, path: str, code: str, message: str) -> None:
        self.problems.append(Problem(path, code, message))

    def cover_text(self, key: str, label: str) -> tuple[str, _Row | None]:
        rows = self.cover_rows.get(key, [])
        if len(rows) > 1:
            self.problem(f"{_ABOUT} > {label}", "duplicated", "the question appears twice; keep one")
        if not rows:
            return "", None
        return rows[0].value(key, 1) or "", rows[0]

    def cover(self) -> tuple[Organisation | None, str | None, dt.date | None, Perspective | None]:
        label = dict(COVER)
        name, _ = self.cover_text("organisation", label["organisation"])
        identifier = self.cover_text("organisation_identifier", label["organisation_identifier"])[0] or None
        if identifier is not None and len(identifier) > _MAX_IDENTIFIER:
            self.problem(
                f"{_ABOUT} > {label['organisation_identifier']}",
                "identifier-too-long",
                f"the reference is {len(identifier):,} characters long; at most {_MAX_IDENTIFIER} are accepted",
            )
            identifier = None
        organisation = None
        if name.strip():
            organisation = Organisation(name=name, identifier=identifier)
        else:
            self.problem(
                f"{_ABOUT} > {label['organisation']}",
                "missing-value",
                "is empty; write the name of the school or setting the assessment is about",
            )
        completed_by = self.cover_text("completed_by", label["completed_by"])[0] or None
        return organisation, completed_by, self._date(label["date"]), self._perspective(label["perspective"])

    def _date(self, label: str) -> dt.date | None:
        shown, row = self.cover_text("date", label)
        shown = shown.strip()
        date = parse_date(shown) if shown else None
        full = None if row is None else row.full_date()
        if date is None and not shown and full:
            date = parse_date(full[:10])
        if date is None:
            path = f"{_ABOUT} > {label}"
            if shown:
                self.problem(
                    path,
                    "invalid-date",
                    f"{excerpt(shown)} is not a date that can be read; write it like 14 March 2025 or 14/03/2025, "
                    "or pick it from the calendar",
                )
            else:
                self.problem(path, "missing-value", "is empty; write the date the assessment was completed")
        return date

    def _perspective(self, label: str) -> Perspective | None:
        value, _ = self.cover_text("perspective", label)
        labels = layout.perspective_labels()
        wanted = _normal(value)
        for perspective, shown in labels.items():
            if wanted in (_normal(shown), _normal(perspective.value), _normal(perspective.label)):
                return perspective
        choices = ", ".join(labels.values())
        path = f"{_ABOUT} > {label}"
        if wanted:
            self.problem(
                path, "unknown-perspective", f"{excerpt(value.strip())} is not one of the choices; choose {choices}"
            )
        else:
            self.problem(path, "missing-value", f"is empty; choose {choices}")
        return None

    def rungs(self) -> list[RungPractice]:
        lookup = {_normal(shown): value == "doing" for value, shown in STATES.items()}
        lookup.update({_normal(value): value == "doing" for value in STATES})
        choices = " or ".join(STATES.values())
        result = []
        for number, rung in enumerate(self.ladder.rungs, start=1):
            path = f"The rungs > {number}. {rung.name} ({rung.id})"
            rows = self.rows.get(rung.id, [])
            if len(rows) != 1:
                if rows:
                    self.problem(path, "duplicated", "the row for this rung appears twice; delete the copy")
                else:
                    self.problem(
                        path,
                        "missing-row",
                        "the row for this rung is missing; put it back, or fill in a fresh template",
                    )
                continue
            row = rows[0]
            if len(row.cells) != len(_COLUMNS) + 1 and not row.by_key:
                self.problem(
                    path,
                    "changed-table",
                    f"the row has {len(row.cells)} columns, but the template's table has {len(_COLUMNS) + 1}; "
                    "put the columns back as they were",
                )
                continue
            state = (row.value(DOING, _COLUMNS[DOING]) or "").strip()
            evidence = row.value(EVIDENCE, _COLUMNS[EVIDENCE]) or ""
            if not state:
                if evidence.strip():
                    self.problem(
                        path,
                        "evidence-without-answer",
                        f"has evidence but no answer; choose {choices}, or clear the evidence",
                    )
                continue
            doing = lookup.get(_normal(state))
            if doing is None:
                self.problem(
                    path,
                    "unknown-answer",
                    f"the answer {excerpt(state)} is not a choice; choose {choices}, or leave it empty",
                )
                continue
            result.append(RungPractice(rung=rung.id, doing=doing, evidence=evidence))
        return result


def read_ladder_template(data: bytes, catalogue: Catalogue, limits: ArchiveLimits) -> LadderAssessment:
    """Read the bytes of a filled-in ladder assessment template.

    Args:
        data: The whole file.
        catalogue: Where to find the ladder.
        limits: The archive limits.

    Returns:
        The assessment: one entry per rung answered, lowest rung first (a rung left empty is not assessed).

    Raises:
        UnreadableFileError: If it is not a readable ladder template of this ladder's text.
        UnknownLadderError: If the catalogue lacks its ladder.
        InvalidDocumentError: Listing every value that is not acceptable.
    """
    package = WordPackage(open_package(data, WORD, limits))
    document = package.xml(package.main_part)
    ladder = _ladder(*_stamp(package, document), catalogue)
    reader = _Reader(ladder, document)
    organisation, completed_by, date, perspective = reader.cover()
    rungs = reader.rungs()
    if reader.problems:
        count = len(reader.problems)
        raise InvalidDocumentError(
            f"the filled-in ladder template has {count} problem{'s' if count != 1 else ''}; nothing was read",
            reader.problems,
        )
    if organisation is None or date is None or perspective is None:  # pragma: no cover - each adds a problem
        raise InvalidDocumentError("the cover of the filled-in ladder template is incomplete")
    return LadderAssessment(
        ladder=ladder.id,
        organisation=organisation,
        perspective=perspective,
        date=date,
        rungs=tuple(rungs),
        completed_by=completed_by,
    )
