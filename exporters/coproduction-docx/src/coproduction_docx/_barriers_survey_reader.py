"""Reading a filled-in barriers survey back into a :class:`~coproduction.BarriersReturn`.

As for audit templates, values are found by each content control's tag, or,
when LibreOffice has dropped the tags, by the reference printed under each
barrier and the survey's column order. The barriers are found in the
catalogue by the ids the survey was stamped with (or, without its custom
properties, the references printed in its rows) and must be the very text it
was made from. Every problem is named by its barrier row or cover question
and reported at once; nothing is read when there is one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from coproduction import (
    Barrier,
    BarriersReturn,
    Catalogue,
    InvalidDocumentError,
    Organisation,
    Perspective,
    Problem,
    UnknownCatalogueItemError,
    UnreadableFileError,
    barrier_fingerprint,
    survey_text,
)
from coproduction.exporters.office import WORD, ArchiveLimits, excerpt, open_package
from coproduction_docx import _layout as layout
from coproduction_docx._barriers_survey import (
    BOX,
    COVER,
    FORMAT_VERSION,
    MET,
    OTHER,
    PERSPECTIVES,
    PLACEHOLDERS,
    PROPERTY_BARRIERS,
    SURVEY_KIND,
)
from coproduction_docx._ooxml import W
from coproduction_docx._package import WordPackage
from coproduction_docx._reader import _cells as row_cells
from coproduction_docx._reader import _parse_date as parse_date
from coproduction_docx._reader import _tag as sdt_tag
from coproduction_docx._reader import text_of

__all__ = ["read_barriers_survey"]

_W = f"{{{W}}}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_SDT, _SDT_PR, _P = f"{_W}sdt", f"{_W}sdtPr", f"{_W}p"
# "check code" since the plain-English wording; "fingerprint" in surveys made before, still read.
_STAMP = re.compile(r"Survey reference: barriers (?:fingerprint|check code) ([0-9a-f]{16})\.")
_REFERENCE = re.compile(r"^\s*" + re.escape(layout.REFERENCE_PREFIX.strip()) + r"\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$")
_ABOUT = "About this survey"
_TICKED = {"\u2612", "\u2611", "\u2713", "\u2714", "x", "yes", "y", "ticked"}
_EMPTY = {"", BOX, "no", "n"}
_MAX_OTHER = 20
_MAX_OTHER_LENGTH = 1_000


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def _row_barrier(row: Any, first_cells: list[Any]) -> str | None:
    for sdt in row.iter(_SDT):
        barrier, _, key = (sdt_tag(sdt) or "").rpartition(":")
        if key == MET and barrier:
            return barrier
    for cell in first_cells:
        for paragraph in cell.iter(_P):
            match = _REFERENCE.match(text_of(paragraph))
            if match:
                return match.group(1)
    return None


class _Reader:
    def __init__(self, document: Any) -> None:
        self.problems: list[Problem] = []
        self.rows: dict[str, list[list[Any]]] = {}
        self.order: list[str] = []
        self.cover_rows: dict[str, list[list[Any]]] = {}
        self.other: list[Any] = []
        labels = {_normal(label): key for key, label in COVER}
        for row in document.iter(f"{_W}tr"):
            cells = row_cells(row)
            if not cells:
                continue
            barrier = _row_barrier(row, cells)
            if barrier is not None:
                if barrier not in self.rows:
                    self.order.append(barrier)
                self.rows.setdefault(barrier, []).append(cells)
                continue
            key = self._tagged(row) or labels.get(_normal(text_of(cells[0])))
            if key == OTHER:
                self.other.append(cells[0])
            elif key is not None and len(cells) > 1:
                self.cover_rows.setdefault(key, []).append(cells)
            elif _normal(text_of(cells[0])).startswith(_normal(PLACEHOLDERS[OTHER])[:20]) or self._other_row(row):
                self.other.append(cells[0])

    @staticmethod
    def _tagged(row: Any) -> str | None:
        for sdt in row.iter(_SDT):
            prefix, _, key = (sdt_tag(sdt) or "").rpartition(":")
            if prefix == "survey" and (key in PLACEHOLDERS or key == OTHER):
                return key
        return None

    @staticmethod
    def _other_row(row: Any) -> bool:
        previous = row.getprevious()
        return previous is not None and "in your own words" in _normal(text_of(previous))

    def problem(self, path: str, code: str, message: str) -> None:
        self.problems.append(Problem(path, code, message))

    def cover_text(self, key: str) -> str:
        label = dict(COVER)[key]
        rows = self.cover_rows.get(key, [])
        if len(rows) > 1:
            self.problem(f"{_ABOUT} > {label}", "duplicated", "the question appears twice; keep one")
        if not rows:
            return ""
        text = text_of(rows[0][1])
        return "" if text.strip() == PLACEHOLDERS[key] else text

    def cover(self) -> tuple[Organisation | None, str, dt.date | None, Perspective | None]:
        label = dict(COVER)
        name = self.cover_text("organisation").strip()
        if not name:
            self.problem(
                f"{_ABOUT} > {label['organisation']}", "missing-value", "is empty; write the name of the school"
            )
        cohort = self.cover_text("cohort").strip()
        if not cohort:
            self.problem(
                f"{_ABOUT} > {label['cohort']}",
                "missing-value",
                "is empty; write which group of families this is for, such as Reception, September 2026",
            )
        return Organisation(name=name) if name else None, cohort, self._date(), self._perspective()

    def _date(self) -> dt.date | None:
        path = f"{_ABOUT} > {dict(COVER)['date']}"
        shown = self.cover_text("date").strip()
        date = parse_date(shown) if shown else None
        if date is None and not shown:
            full = self._full_date()
            date = parse_date(full[:10]) if full else None
        if date is None:
            if shown:
                self.problem(
                    path,
                    "invalid-date",
                    f"{excerpt(shown)} is not a date that can be read; write it like 14 March 2026 or 14/03/2026",
                )
            else:
                self.problem(path, "missing-value", "is empty; write the date you filled this in")
        return date

    def _full_date(self) -> str | None:
        for cells in self.cover_rows.get("date", [])[:1]:
            for sdt in cells[-1].iter(_SDT):
                properties = sdt.find(_SDT_PR)
                date = None if properties is None else properties.find(f"{_W}date")
                if date is not None and properties.find(f"{_W}showingPlcHdr") is None:
                    value: str | None = date.get(f"{_W}fullDate")
                    return value
        return None

    def _perspective(self) -> Perspective | None:
        value = _normal(self.cover_text("perspective"))
        for perspective, shown in PERSPECTIVES.items():
            if value in (_normal(shown), perspective.value, _normal(perspective.label)):
                return perspective
        choices = " or ".join(PERSPECTIVES.values())
        path = f"{_ABOUT} > {dict(COVER)['perspective']}"
        if value:
            self.problem(path, "unknown-perspective", f"{excerpt(value)} is not one of the choices; choose {choices}")
        else:
            self.problem(path, "missing-value", f"is empty; choose {choices}")
        return None

    def met(self, barriers: list[Barrier]) -> list[str]:
        ticked = []
        for number, barrier in enumerate(barriers, start=1):
            path = f"Things that can make it hard > {number}. {survey_text(barrier)[:60]} ({barrier.id})"
            rows = self.rows.get(barrier.id, [])
            if len(rows) != 1:
                if rows:
                    self.problem(path, "duplicated", "the row for this barrier appears twice; delete the copy")
                else:
                    self.problem(path, "missing-row", "the row for this barrier is missing; put it back")
                continue
            mark = _normal(text_of(rows[0][0]))
            if mark in _TICKED:
                ticked.append(barrier.id)
            elif mark not in _EMPTY:
                self.problem(
                    path,
                    "unknown-tick",
                    f"the box holds {excerpt(mark)}; tick it (or put an x in it) if this is true, or leave it empty",
                )
        known = {item.id for item in barriers}
        for reference in self.order:
            if reference not in known:
                self.problem(
                    f"Things that can make it hard > Reference: {reference}",
                    "unknown-barrier",
                    f"{excerpt(reference)} is not a barrier this survey was made with; put the reference back",
                )
        return ticked

    def other_barriers(self) -> list[str]:
        lines: list[str] = []
        for cell in self.other[:1]:
            text = text_of(cell)
            lines = [line.strip() for line in text.splitlines() if line.strip() and line.strip() != PLACEHOLDERS[OTHER]]
        path = "Anything else"
        if len(lines) > _MAX_OTHER:
            self.problem(path, "too-many", f"has {len(lines)} lines; write at most {_MAX_OTHER}")
        for line in lines:
            if len(line) > _MAX_OTHER_LENGTH:
                self.problem(
                    path, "too-long", f"a line is {len(line):,} characters long; at most {_MAX_OTHER_LENGTH:,} are read"
                )
        return lines


def _barriers(ids: list[str], found: str, catalogue: Catalogue) -> list[Barrier]:
    barriers = []
    for barrier_id in ids:
        try:
            barriers.append(catalogue.barrier(barrier_id))
        except UnknownCatalogueItemError as error:
            raise UnreadableFileError(
                f"the survey lists the barrier {excerpt(barrier_id)}, which the catalogue does not hold "
                f"({error.message}); read it with the catalogue (--catalogue) it was made with"
            ) from error
    expected = barrier_fingerprint(tuple(barriers))
    if found != expected:
        raise UnreadableFileError(
            f"the survey was made from a different text of its barriers (survey fingerprint {found[:20] or '(none)'}, "
            f"but the catalogue's barriers have fingerprint {expected}); read it with the catalogue it was made "
            "with, or send out a new survey"
        )
    return barriers


def read_barriers_survey(data: bytes, catalogue: Catalogue, limits: ArchiveLimits) -> BarriersReturn:
    """Read the bytes of a filled-in barriers survey.

    Args:
        data: The whole file.
        catalogue: Where to find the barriers.
        limits: The archive limits.

    Returns:
        The return: the barriers listed, those ticked, and any others in the family's words.

    Raises:
        UnreadableFileError: If it is not a readable barriers survey of this catalogue's barrier text.
        InvalidDocumentError: Listing every value that is not acceptable.
    """
    package = WordPackage(open_package(data, WORD, limits))
    document = package.xml(package.main_part)
    properties = package.custom_properties()
    reader = _Reader(document)
    if properties.get(layout.PROPERTY_KIND) == SURVEY_KIND:
        form = properties.get(layout.PROPERTY_FORMAT, "")
        if form != FORMAT_VERSION:
            raise UnreadableFileError(
                f"the survey was made in layout version {form[:20] or '(none)'}, which this version of "
                f"coproduction-docx does not read; it reads layout version {FORMAT_VERSION}"
            )
        ids = [item for item in properties.get(PROPERTY_BARRIERS, "").split(",") if item]
        found = properties.get(layout.PROPERTY_FINGERPRINT, "")
    else:
        stamp = next((m for p in document.iter(_P) if (m := _STAMP.search(text_of(p)))), None)
        if stamp is None:
            raise UnreadableFileError(
                "the file is a Word document but not a coproduction barriers survey (it carries no survey stamp); "
                "send back the survey that was filled in, not a copy of its contents"
            )
        ids, found = list(reader.order), stamp.group(1)
    barriers = _barriers(ids, found, catalogue)
    organisation, cohort, date, perspective = reader.cover()
    met = reader.met(barriers)
    other = reader.other_barriers()
    if reader.problems:
        count = len(reader.problems)
        raise InvalidDocumentError(
            f"the filled-in survey has {count} problem{'s' if count != 1 else ''}; nothing was read", reader.problems
        )
    if organisation is None or date is None or perspective is None:  # pragma: no cover - each adds a problem
        raise InvalidDocumentError("the cover of the filled-in survey is incomplete")
    return BarriersReturn(
        organisation=organisation,
        cohort=cohort,
        date=date,
        perspective=perspective,
        asked=tuple(barrier.id for barrier in barriers),
        met=tuple(met),
        other=tuple(other),
    )
