"""What the template writer and reader agree on: sheet names, defined names, metadata keys."""

from __future__ import annotations

import math
from collections.abc import Iterable

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from coproduction import Field, Framework
from coproduction.exporters.office import fingerprint as office_fingerprint

__all__ = [
    "AUDIT_SHEET",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "INSTRUCTIONS_SHEET",
    "METADATA_SHEET",
    "NAME_PREFIX",
    "fingerprint",
    "level_fills",
]

INSTRUCTIONS_SHEET = "Instructions"
AUDIT_SHEET = "Audit"
METADATA_SHEET = "Metadata"

FORMAT_NAME = "coproduction-xlsx-template"
FORMAT_VERSION = 1

NAME_PREFIX = "coproduction_"
"""Every defined name we write starts with this."""

# Defined names of the single input cells.
ORGANISATION = NAME_PREFIX + "organisation"
ORGANISATION_ID = NAME_PREFIX + "organisation_identifier"
COMPLETED_BY = NAME_PREFIX + "completed_by"
DATE = NAME_PREFIX + "date"
# Defined names of the input columns (one cell per criterion).
CRITERION_IDS = NAME_PREFIX + "criterion_ids"
RATING = NAME_PREFIX + "rating"
NOT_APPLICABLE = NAME_PREFIX + "not_applicable"
LEVELS = NAME_PREFIX + "levels"


def field_name(field: Field) -> str:
    """The defined name of a free-text column, such as ``coproduction_evidence``."""
    return NAME_PREFIX + field.value


# The audit sheet: a title, the details block, a blank row, the header, the criteria.
DETAIL_ROWS = {ORGANISATION: 2, ORGANISATION_ID: 3, COMPLETED_BY: 4, DATE: 5}
PERSPECTIVE_ROW = 6
HEADER_ROW = 8
FIRST_ROW = HEADER_ROW + 1
DETAIL_LABEL_COLUMN = 1
DETAIL_VALUE_COLUMN = 3

# Metadata: key/value pairs in columns A:B; lists in their own columns.
META_KEYS = ("format", "format_version", "framework", "framework_version", "fingerprint", "perspective", "criteria")
META_CRITERIA_COLUMN = 4  # D: criterion ids in template order
META_LEVEL_NAMES_COLUMN = 5  # E: level names (the drop-down's source)
META_LEVEL_IDS_COLUMN = 6  # F: level ids beside their names


def fingerprint(framework: Framework) -> str:
    """The framework's fingerprint, as :func:`coproduction.exporters.office.fingerprint` (the same in Word)."""
    return office_fingerprint(framework)


# Light fills, so black text stays readable; lowest level red, middle amber, highest green.
_RED, _AMBER, _GREEN = (0xF8, 0xCB, 0xAD), (0xFF, 0xE6, 0x99), (0xC6, 0xEF, 0xCE)


def level_fills(count: int) -> list[str]:
    """Background colours (``RRGGBB``) for ``count`` levels, lowest first, red to amber to green."""
    colours = []
    for index in range(count):
        t = index / (count - 1) if count > 1 else 1.0
        start, end, u = (_RED, _AMBER, t * 2) if t <= 0.5 else (_AMBER, _GREEN, (t - 0.5) * 2)
        colours.append("".join(f"{round(a + (b - a) * u):02X}" for a, b in zip(start, end, strict=True)))
    return colours


def row_height(cells: Iterable[tuple[str | None, float]], *, minimum: float = 15.0) -> float:
    """A row height (points) that shows wrapped texts whole; spreadsheets do not always grow rows themselves.

    Args:
        cells: Each wrapped cell's text and its column width (in characters).
        minimum: The least height.

    Returns:
        The height, at 15 points a line, at most 409 (Excel's limit).
    """
    lines = 1
    for text, width in cells:
        if text:
            per_line = max(int(width * 1.1), 1)
            count = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
            lines = max(lines, count)
    return float(min(409.0, max(minimum, 15.0 * lines)))


HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
INPUT_FILL = PatternFill("solid", fgColor="FFFDE7")
HELPER_FILL = PatternFill("solid", fgColor="EDEDED")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
THIN = Side(style="thin", color="BFBFBF")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
