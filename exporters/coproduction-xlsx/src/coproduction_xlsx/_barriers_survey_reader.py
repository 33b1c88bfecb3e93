"""Reading a filled-in barriers survey workbook back into a :class:`~coproduction.BarriersReturn`.

The workbook passes the shared archive gate first; the hidden sheet's stamp
names the barriers, which must be in the catalogue with the same fingerprint.
Barriers are found by the Reference column, so rows moved about still read;
every problem is collected with its sheet and cell and reported at once.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from coproduction import (
    Barrier,
    BarriersReturn,
    Catalogue,
    InvalidDocumentError,
    Organisation,
    Problem,
    UnknownCatalogueItemError,
    UnreadableFileError,
    barrier_fingerprint,
)
from coproduction.exporters.office import ArchiveLimits, excerpt
from coproduction_xlsx._barriers_survey import (
    COVER_ROWS,
    FIRST_ROW,
    OTHER_PREFIX,
    OTHER_ROWS,
    PERSPECTIVES,
    REFERENCE,
    SURVEY_FORMAT,
    SURVEY_FORMAT_VERSION,
    SURVEY_META_SHEET,
    SURVEY_SHEET,
    TEXT,
    TICK,
    YES,
)
from coproduction_xlsx._cells import CellReader, FormStamp, read_stamp, read_workbook

__all__ = ["read_barriers_survey"]

_MAX_ROWS = 2_000
_MAX_OTHER_LENGTH = 1_000
_TICKED = {"yes", "y", "x", "\u2713", "\u2714", "true"}
_EMPTY = {"", "no", "n", "false"}


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def read_barriers_survey(source: BinaryIO, *, catalogue: Catalogue, limits: ArchiveLimits) -> BarriersReturn:
    """Read a filled-in barriers survey workbook.

    Args:
        source: The workbook, opened for binary reading.
        catalogue: Where to find the survey's barriers.
        limits: The archive limits, checked before anything is decompressed.

    Returns:
        The return: the barriers listed, those ticked, and any others in the family's words.

    Raises:
        UnreadableFileError: If the file is not a safe .xlsx barriers survey of this catalogue's barrier text.
        InvalidDocumentError: Listing every value that is not acceptable, with its sheet and cell.
    """
    return read_workbook(source, limits, lambda wb: _read_workbook(wb, catalogue))


_SURVEY_STAMP = FormStamp(
    what="barriers survey",
    short="survey",
    made_with="'coproduction barriers survey'",
    sheet=SURVEY_SHEET,
    metadata_sheet=SURVEY_META_SHEET,
    format_name=SURVEY_FORMAT,
    format_version=SURVEY_FORMAT_VERSION,
)


def _stamp(wb: Any) -> tuple[list[str], str]:
    values = read_stamp(wb, _SURVEY_STAMP)
    ids = [item for item in str(values.get("barriers") or "").split(",") if item]
    return ids, str(values.get("fingerprint") or "")


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
    if not barriers or found != expected:
        raise UnreadableFileError(
            f"the survey was made from a different text of its barriers (survey fingerprint {found[:20] or '(none)'}, "
            f"but the catalogue's barriers have fingerprint {expected}); read it with the catalogue it was made "
            "with, or send out a new survey"
        )
    return barriers


def _read_workbook(wb: Any, catalogue: Catalogue) -> BarriersReturn:
    barriers = _barriers(*_stamp(wb), catalogue)
    sheet = wb[SURVEY_SHEET]
    rows = list(sheet.iter_rows(min_row=1, max_row=FIRST_ROW + len(barriers) + OTHER_ROWS + _MAX_ROWS, max_col=4))
    cells = CellReader(SURVEY_SHEET, rows)
    problems: list[Problem] = []

    name = cells.text(COVER_ROWS["organisation"], 2, problems).strip()
    if not name:
        problems.append(
            Problem(cells.where(COVER_ROWS["organisation"], 2), "missing-value", "is empty; write the school's name")
        )
    cohort = cells.text(COVER_ROWS["cohort"], 2, problems).strip()
    if not cohort:
        problems.append(
            Problem(
                cells.where(COVER_ROWS["cohort"], 2),
                "missing-value",
                "is empty; write which group of families this is for, such as Reception, September 2026",
            )
        )
    date = cells.date(COVER_ROWS["date"], 2, problems)
    wanted = _normal(cells.text(COVER_ROWS["perspective"], 2, problems))
    perspective = next(
        (p for label, p in PERSPECTIVES.items() if wanted in (_normal(label), p.value, _normal(p.label))), None
    )
    if perspective is None:
        shown = " or ".join(PERSPECTIVES)
        where = cells.where(COVER_ROWS["perspective"], 2)
        problems.append(
            Problem(where, "unknown-perspective", f"{excerpt(wanted)} is not one of the choices; choose {shown}")
            if wanted
            else Problem(where, "missing-value", f"is empty; choose {shown}")
        )

    places: dict[str, list[int]] = {}
    for row in range(FIRST_ROW, len(rows) + 1):
        reference = cells.raw(row, REFERENCE)
        if isinstance(reference, str) and reference.strip():
            places.setdefault(reference.strip(), []).append(row)
    met = []
    for number, barrier in enumerate(barriers, start=1):
        found = places.get(barrier.id, [])
        label = f"barrier {number} ({barrier.id})"
        if len(found) != 1:
            if found:
                problems.append(
                    Problem(f"{SURVEY_SHEET}!C{found[1]}", "duplicated", f"the row of {label} appears twice; delete it")
                )
            else:
                problems.append(
                    Problem(
                        f"{SURVEY_SHEET}!C{FIRST_ROW + number - 1}",
                        "missing-row",
                        f"the row of {label} is missing; put it back, or use a fresh survey",
                    )
                )
            continue
        tick = _normal(cells.text(found[0], TICK, problems))
        if tick in _TICKED:
            met.append(barrier.id)
        elif tick not in _EMPTY:
            problems.append(
                Problem(
                    cells.where(found[0], TICK),
                    "unknown-tick",
                    f"{excerpt(tick)} is not an answer for {label}; choose {YES}, or leave the cell empty",
                )
            )
    other: list[str] = []
    others = {f"{OTHER_PREFIX}{number}" for number in range(1, OTHER_ROWS + 1)}
    for reference in sorted(others & set(places), key=lambda item: int(item[len(OTHER_PREFIX) :])):
        for row in places[reference]:
            text = cells.text(row, TEXT, problems).strip()
            if len(text) > _MAX_OTHER_LENGTH:
                problems.append(
                    Problem(
                        cells.where(row, TEXT),
                        "too-long",
                        f"is {len(text):,} characters long; at most {_MAX_OTHER_LENGTH:,} are read",
                    )
                )
            elif text:
                other.extend(line.strip() for line in text.splitlines() if line.strip())
    known = {barrier.id for barrier in barriers} | others
    for reference in sorted(set(places) - known):
        problems.append(
            Problem(
                f"{SURVEY_SHEET}!C{places[reference][0]}",
                "unknown-barrier",
                f"{excerpt(reference)} is not a barrier this survey was made with; put the reference back as it was",
            )
        )
    if problems:
        count = len(problems)
        raise InvalidDocumentError(
            f"the filled-in survey has {count} problem{'s' if count != 1 else ''}; nothing was read", problems
        )
    assert date is not None and perspective is not None and name and cohort  # each adds a problem when missing
    return BarriersReturn(
        organisation=Organisation(name=name),
        cohort=cohort,
        date=date,
        perspective=perspective,
        asked=tuple(barrier.id for barrier in barriers),
        met=tuple(met),
        other=tuple(other),
    )
