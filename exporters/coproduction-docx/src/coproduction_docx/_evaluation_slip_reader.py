"""Reading a filled-in evaluation slip back into an :class:`~coproduction.EvaluationSlip` of its activity.

Each question's boxes are found by their tags (``listened-to:4``) or, when
LibreOffice has dropped the tags, by the reference printed under the
question's table. The slip must carry the stamp of the very activity it is
added to. Every problem names its question and is reported at once.
"""

from __future__ import annotations

import re
from typing import Any

from coproduction import (
    MAX_RATING,
    Activity,
    EvaluationQuestion,
    EvaluationSlip,
    InvalidDocumentError,
    Problem,
    UnreadableFileError,
    activity_fingerprint,
)
from coproduction.exporters.office import WORD, ArchiveLimits, excerpt, open_package
from coproduction_docx import _layout as layout
from coproduction_docx._evaluation_slip import (
    BOX,
    COMMENT,
    COMMENT_PROMPT,
    FORMAT_VERSION,
    PROPERTY_ACTIVITY,
    SLIP_KIND,
)
from coproduction_docx._ooxml import W
from coproduction_docx._package import WordPackage
from coproduction_docx._reader import _cells as row_cells
from coproduction_docx._reader import _tag as sdt_tag
from coproduction_docx._reader import text_of

__all__ = ["read_evaluation_slip"]

_W = f"{{{W}}}"
_SDT, _P, _TBL, _TR = f"{_W}sdt", f"{_W}p", f"{_W}tbl", f"{_W}tr"
# "check code" since the plain-English wording; "fingerprint" in slips made before, still read.
_STAMP = re.compile(r"Slip reference: activity (\S{1,200}), (?:fingerprint|check code) ([0-9a-f]{16})\.")
_REFERENCE = re.compile(r"^\s*" + re.escape(layout.REFERENCE_PREFIX.strip()) + r"\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$")
_TICKED = {"\u2612", "\u2611", "\u2713", "\u2714", "x"}
_MAX_COMMENT = 4_000


def _mark(cell: Any) -> str:
    first = next(iter(cell.iter(_P)), None)
    return " ".join(text_of(first).split()).casefold() if first is not None else ""


def _stamp(package: WordPackage, document: Any) -> tuple[str, str]:
    properties = package.custom_properties()
    if properties.get(layout.PROPERTY_KIND) == SLIP_KIND:
        form = properties.get(layout.PROPERTY_FORMAT, "")
        if form != FORMAT_VERSION:
            raise UnreadableFileError(
                f"the slip was made in layout version {form[:20] or '(none)'}, which this version of "
                f"coproduction-docx does not read; it reads layout version {FORMAT_VERSION}"
            )
        return properties.get(PROPERTY_ACTIVITY, ""), properties.get(layout.PROPERTY_FINGERPRINT, "")
    for paragraph in document.iter(_P):
        match = _STAMP.search(text_of(paragraph))
        if match:
            return match.group(1), match.group(2)
    raise UnreadableFileError(
        "the file is a Word document but not a coproduction evaluation slip (it carries no slip stamp); "
        "send back the slip that was filled in, not a copy of its contents"
    )


def _question_tables(document: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    questions = {question.value for question in EvaluationQuestion}
    for tbl in document.iter(_TBL):
        key = None
        for sdt in tbl.iter(_SDT):
            question, _, rating = (sdt_tag(sdt) or "").rpartition(":")
            if question in questions and rating.isdigit():
                key = question
                break
        if key is None:
            after = tbl.getnext()
            match = _REFERENCE.match(text_of(after)) if after is not None and after.tag == _P else None
            key = match.group(1) if match and match.group(1) in questions else None
        if key is not None:
            found.setdefault(key, []).append(tbl)
    return found


def _comment(document: Any) -> str:
    for sdt in document.iter(_SDT):
        if sdt_tag(sdt) == f"slip:{COMMENT}":
            return text_of(sdt)
    for tbl in document.iter(_TBL):
        rows = [row for row in tbl.iter(_TR)]
        if rows and "write anyone" in text_of(rows[0]).casefold() and len(rows) > 1:
            return text_of(rows[-1])
    return ""


def read_evaluation_slip(data: bytes, activity: Activity, limits: ArchiveLimits) -> EvaluationSlip:
    """Read the bytes of a filled-in evaluation slip of ``activity``.

    Args:
        data: The whole file.
        activity: The activity the slip must be about.
        limits: The archive limits.

    Returns:
        The slip's ratings (None for a question left blank) and its comment.

    Raises:
        UnreadableFileError: If it is not a readable evaluation slip, or is a slip of another activity.
        InvalidDocumentError: Listing every question answered twice and every mark that cannot be read.
    """
    package = WordPackage(open_package(data, WORD, limits))
    document = package.xml(package.main_part)
    activity_id, found = _stamp(package, document)
    if activity_id != activity.id or found != activity_fingerprint(activity):
        raise UnreadableFileError(
            f"this is a slip of the activity {excerpt(activity_id)} (fingerprint {found[:20] or '(none)'}), not of "
            f"{excerpt(activity.title)} ({activity.id}, fingerprint {activity_fingerprint(activity)}); "
            "add it to the activity it was made for"
        )
    problems: list[Problem] = []
    ratings: dict[str, int | None] = {}
    tables = _question_tables(document)
    for question in EvaluationQuestion:
        path = f"{question.question} ({question.value})"
        found_tables = tables.get(question.value, [])
        if len(found_tables) != 1:
            code, message = (
                ("duplicated", "the question appears twice; keep one")
                if found_tables
                else ("missing-row", "the boxes of this question are missing; use a fresh slip")
            )
            problems.append(Problem(path, code, message))
            continue
        rows = [row for row in found_tables[0].iter(_TR)]
        cells = row_cells(rows[-1]) if rows else []
        if len(cells) != MAX_RATING:
            problems.append(
                Problem(
                    path, "changed-table", f"has {len(cells)} boxes, but the slip has {MAX_RATING}; use a fresh slip"
                )
            )
            continue
        marks = [_mark(cell) for cell in cells]
        ticked = [rating for rating, mark in enumerate(marks, start=1) if mark in _TICKED]
        strange = [mark for mark in marks if mark not in _TICKED and mark not in ("", BOX)]
        if strange:
            problems.append(
                Problem(
                    path, "unknown-tick", f"a box holds {excerpt(strange[0])}; tick one box, or leave them all empty"
                )
            )
        elif len(ticked) > 1:
            problems.append(
                Problem(
                    path,
                    "more-than-one",
                    f"{len(ticked)} boxes are ticked ({', '.join(map(str, ticked))}); tick only one",
                )
            )
        else:
            ratings[question.value] = ticked[0] if ticked else None
    comment = _comment(document).strip()
    if comment == COMMENT_PROMPT:
        comment = ""
    if len(comment) > _MAX_COMMENT:
        problems.append(
            Problem(
                "Anything else",
                "too-long",
                f"is {len(comment):,} characters long; at most {_MAX_COMMENT:,} are read",
            )
        )
    if problems:
        count = len(problems)
        raise InvalidDocumentError(
            f"the filled-in slip has {count} problem{'s' if count != 1 else ''}; nothing was read", problems
        )
    return EvaluationSlip(
        listened_to=ratings.get(EvaluationQuestion.LISTENED_TO.value),
        quality_of_discussion=ratings.get(EvaluationQuestion.QUALITY_OF_DISCUSSION.value),
        comment=comment,
    )
