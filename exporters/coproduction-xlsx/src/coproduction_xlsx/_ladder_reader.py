"""Reading a filled-in ladder assessment workbook back into a :class:`~coproduction.LadderAssessment`.

The workbook passes the shared archive gate first; the hidden sheet's stamp
must name a ladder of the catalogue whose text has the same fingerprint.
Rungs are found by the Reference column, so rows moved about still read;
every problem is collected with its sheet and cell and reported at once.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from coproduction import (
    Catalogue,
    InvalidDocumentError,
    Ladder,
    LadderAssessment,
    Organisation,
    Problem,
    RungPractice,
    UnknownLadderError,
    UnreadableFileError,
)
from coproduction.exporters.office import ArchiveLimits, excerpt, fingerprint
from coproduction_xlsx._cells import CellReader, FormStamp, read_stamp, read_workbook
from coproduction_xlsx._ladder_template import (
    COVER_ROWS,
    DOING,
    EVIDENCE,
    FIRST_RUNG_ROW,
    LADDER_FORMAT,
    LADDER_FORMAT_VERSION,
    LADDER_META_SHEET,
    LADDER_SHEET,
    NOT_DOING,
    REFERENCE,
    STATE,
    perspective_choices,
)

__all__ = ["read_ladder_template"]

_MAX_IDENTIFIER = 64
_MAX_ROWS = 2_000


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def read_ladder_template(source: BinaryIO, *, catalogue: Catalogue, limits: ArchiveLimits) -> LadderAssessment:
    """Read a filled-in ladder assessment workbook.

    Args:
        source: The workbook, opened for binary reading.
        catalogue: Where to find the template's ladder.
        limits: The archive limits, checked before anything is decompressed.

    Returns:
        The assessment: one entry per rung answered, lowest first (a rung left empty is not assessed).

    Raises:
        UnreadableFileError: If the file is not a safe .xlsx ladder template of this ladder's text.
        UnknownLadderError: If the catalogue lacks its ladder.
        InvalidDocumentError: Listing every value that is not acceptable, with its sheet and cell.
    """
    return read_workbook(source, limits, lambda wb: _read_workbook(wb, catalogue))


_LADDER_STAMP = FormStamp(
    what="ladder assessment template",
    short="ladder template",
    made_with="the ladder template",
    sheet=LADDER_SHEET,
    metadata_sheet=LADDER_META_SHEET,
    format_name=LADDER_FORMAT,
    format_version=LADDER_FORMAT_VERSION,
)


def _stamp(wb: Any) -> tuple[str, str]:
    values = read_stamp(wb, _LADDER_STAMP)
    return str(values.get("ladder") or ""), str(values.get("fingerprint") or "")


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
            f"the template was made from a different text of the {ladder.name} (template fingerprint "
            f"{found[:20] or '(none)'}, but the catalogue's ladder has fingerprint {expected}); "
            "read it with the catalogue it was made from, or send out a new template"
        )
    return ladder


def _read_workbook(wb: Any, catalogue: Catalogue) -> LadderAssessment:
    ladder = _ladder(*_stamp(wb), catalogue)
    sheet = wb[LADDER_SHEET]
    rows = list(sheet.iter_rows(min_row=1, max_row=FIRST_RUNG_ROW + len(ladder.rungs) + _MAX_ROWS))
    cells = CellReader(LADDER_SHEET, rows)
    problems: list[Problem] = []

    name = cells.text(COVER_ROWS["organisation"], 2, problems).strip()
    if not name:
        problems.append(
            Problem(
                cells.where(COVER_ROWS["organisation"], 2),
                "missing-value",
                "the organisation is empty; write the name of the school or setting",
            )
        )
    identifier = cells.text(COVER_ROWS["organisation_identifier"], 2, problems).strip() or None
    if identifier is not None and len(identifier) > _MAX_IDENTIFIER:
        problems.append(
            Problem(
                cells.where(COVER_ROWS["organisation_identifier"], 2),
                "identifier-too-long",
                f"the reference is {len(identifier):,} characters long; at most {_MAX_IDENTIFIER} are accepted",
            )
        )
        identifier = None
    completed_by = cells.text(COVER_ROWS["completed_by"], 2, problems).strip() or None
    date = cells.date(COVER_ROWS["date"], 2, problems)
    choices = perspective_choices()
    wanted = _normal(cells.text(COVER_ROWS["perspective"], 2, problems))
    perspective = next(
        (p for label, p in choices.items() if wanted in (_normal(label), _normal(p.value))),
        None,
    )
    if perspective is None:
        shown = ", ".join(choices)
        where = cells.where(COVER_ROWS["perspective"], 2)
        problems.append(
            Problem(where, "unknown-perspective", f"{excerpt(wanted)} is not one of the choices; choose {shown}")
            if wanted
            else Problem(where, "missing-value", f"is empty; choose {shown}")
        )

    places: dict[str, list[int]] = {}
    for row in range(FIRST_RUNG_ROW, len(rows) + 1):
        reference = cells.raw(row, REFERENCE)
        if isinstance(reference, str) and reference.strip():
            places.setdefault(reference.strip(), []).append(row)
    states = {_normal(DOING): True, _normal(NOT_DOING): False, "yes": True, "no": False}
    practices = []
    for number, rung in enumerate(ladder.rungs, start=1):
        found = places.get(rung.id, [])
        label = f"rung {number}, {rung.name} ({rung.id})"
        if len(found) != 1:
            where = f"{LADDER_SHEET}!B{FIRST_RUNG_ROW + number - 1}"
            if found:
                problems.append(
                    Problem(
                        f"{LADDER_SHEET}!B{found[1]}",
                        "duplicated",
                        f"the row of {label} appears twice; delete the copy",
                    )
                )
            else:
                problems.append(
                    Problem(
                        where, "missing-row", f"the row of {label} is missing; put it back, or use a fresh template"
                    )
                )
            continue
        row = found[0]
        state = cells.text(row, STATE, problems).strip()
        evidence = cells.text(row, EVIDENCE, problems)
        if not state:
            if evidence.strip():
                problems.append(
                    Problem(
                        cells.where(row, STATE),
                        "evidence-without-answer",
                        f"{label} has evidence but no answer; choose {DOING} or {NOT_DOING}, or clear the evidence",
                    )
                )
            continue
        doing = states.get(_normal(state))
        if doing is None:
            problems.append(
                Problem(
                    cells.where(row, STATE),
                    "unknown-answer",
                    f"{excerpt(state)} is not an answer for {label}; choose {DOING} or {NOT_DOING}, or leave it empty",
                )
            )
            continue
        practices.append(RungPractice(rung=rung.id, doing=doing, evidence=evidence))
    extra = sorted(set(places) - {rung.id for rung in ladder.rungs})
    for reference in extra:
        problems.append(
            Problem(
                f"{LADDER_SHEET}!B{places[reference][0]}",
                "unknown-rung",
                f"{excerpt(reference)} is not a rung of the {ladder.name}; put the reference back as it was",
            )
        )
    if problems:
        count = len(problems)
        raise InvalidDocumentError(
            f"the filled-in ladder template has {count} problem{'s' if count != 1 else ''}; nothing was read", problems
        )
    assert date is not None and perspective is not None and name  # each adds a problem when missing
    return LadderAssessment(
        ladder=ladder.id,
        organisation=Organisation(name=name, identifier=identifier),
        perspective=perspective,
        date=date,
        rungs=tuple(practices),
        completed_by=completed_by,
    )
