"""The layout of an audit template, shared by the writer and the reader.

Whatever the template writes, the reader finds again here: the columns of a
section table, the tags on content controls, the cover questions, the
placeholder prompts, the properties the file is stamped with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from coproduction import Field, Framework, Perspective, Phrase, RatingScale, phrase
from coproduction.exporters.office import fingerprint as office_fingerprint

__all__ = [
    "COVER",
    "FORMAT_VERSION",
    "NOT_APPLICABLE",
    "PROPERTY_FINGERPRINT",
    "PROPERTY_FORMAT",
    "PROPERTY_FRAMEWORK",
    "PROPERTY_KIND",
    "PROPERTY_VERSION",
    "RATING",
    "REFERENCE_PREFIX",
    "TEMPLATE_KIND",
    "Column",
    "CoverQuestion",
    "columns",
    "fingerprint",
    "level_labels",
    "perspective_labels",
    "placeholder",
    "month_name",
    "month_number",
    "stamp_line",
    "tag",
]

TEMPLATE_KIND = "coproduction-audit-template"
FORMAT_VERSION = "1"
PROPERTY_KIND = "coproduction.kind"
PROPERTY_FORMAT = "coproduction.format"
PROPERTY_FRAMEWORK = "coproduction.framework"
PROPERTY_VERSION = "coproduction.framework_version"
PROPERTY_FINGERPRINT = "coproduction.template_fingerprint"

RATING = "rating"
NOT_APPLICABLE = "not_applicable"
REFERENCE_PREFIX = "Reference: "

_PLACEHOLDERS = {
    RATING: "Choose a rating",
    Field.EVIDENCE.value: "Write the evidence here",
    Field.REQUIRED_ACTIONS.value: "Write the actions needed here",
    Field.NEXT_STEPS.value: "Write the next steps here",
    "organisation": "Type the name of your school or setting",
    "organisation_identifier": "Type it here if you have one",
    "completed_by": "Type your name and role",
    "date": "Choose or type the date",
    "perspective": "Choose whose view this is",
}


@dataclass(frozen=True)
class Column:
    """One column of a section table.

    Attributes:
        key: ``criterion``, ``rating``, ``not_applicable`` or a field value.
        header: Its heading.
        fraction: Its share of the page width.
    """

    key: str
    header: str
    fraction: float


@dataclass(frozen=True)
class CoverQuestion:
    """One question of the cover ("About this audit").

    Attributes:
        key: Its tag after ``cover:``.
        label: The question as printed, also how it is found when tags are lost.
    """

    key: str
    label: str


COVER = (
    CoverQuestion("organisation", "Organisation"),
    CoverQuestion("organisation_identifier", "Unique reference number (URN), if any"),
    CoverQuestion("completed_by", "Completed by"),
    CoverQuestion("date", "Date completed"),
    CoverQuestion("perspective", "Whose view this records"),
)


def columns(framework: Framework) -> list[Column]:
    """The columns of every section table of a framework's template, left to right."""
    fields = list(framework.fields)
    result = [Column("criterion", "Statement", 0.30), Column(RATING, "Rating", 0.14)]
    if framework.allows_not_applicable:
        result.append(Column(NOT_APPLICABLE, "Not applicable", 0.08))
    used = sum(column.fraction for column in result)
    if not fields:
        # Nothing to write beside the rating: give the statement the room.
        first = result[0]
        result[0] = Column(first.key, first.header, first.fraction + 1.0 - used)
        return result
    share = (1.0 - used) / len(fields)
    result.extend(Column(field.value, field.label, share) for field in fields)
    return result


def tag(criterion_id: str, key: str) -> str:
    """The tag of a content control: the criterion id and what the control holds."""
    return f"{criterion_id}:{key}"


def placeholder(key: str) -> str:
    """The grey prompt shown in an empty control."""
    return _PLACEHOLDERS[key]


@functools.lru_cache(maxsize=64)
def fingerprint(framework: Framework) -> str:
    """The framework's fingerprint, as :func:`coproduction.exporters.office.fingerprint` (the same in Excel)."""
    return office_fingerprint(framework)


def stamp_line(framework: Framework) -> str:
    """The visible line naming the framework version and fingerprint of a template."""
    return phrase(
        Phrase.TEMPLATE_REFERENCE,
        Perspective.PARENT_CARERS,
        id=framework.id,
        version=framework.version,
        code=fingerprint(framework),
    )


def level_labels(scale: RatingScale) -> dict[str, str]:
    """The drop-down text of each level, by level id: its name, or "name (id)" where names clash."""
    names = [level.name.strip().casefold() for level in scale.levels]
    return {
        level.id: level.name.strip()
        if names.count(level.name.strip().casefold()) == 1
        else f"{level.name} ({level.id})"
        for level in scale.levels
    }


def perspective_labels() -> dict[Perspective, str]:
    """The drop-down text of each perspective: "Parent carers"."""
    return {perspective: perspective.label[0].upper() + perspective.label[1:] for perspective in Perspective}


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(month: int) -> str:
    """The English name of a month (1 is January), whatever the locale."""
    return _MONTHS[month - 1]


def month_number(name: str) -> int | None:
    """The number of a month from its English name or first three letters, or None."""
    wanted = name.strip().casefold()
    for number, month in enumerate(_MONTHS, start=1):
        if wanted in (month.casefold(), month[:3].casefold()) or (wanted == "sept" and number == 9):
            return number
    return None
