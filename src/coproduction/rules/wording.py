"""How every renderer words numbers, dates, lists and the shared explanations, so all of them read the same.

The command line, the Word plugin and the Excel plugin (and any third-party
renderer) take their percentages, dates, plurals, lists and explanations from
here, so a score reads the same on screen, in a Word report and in an Excel
workbook.

One rounding rule for percentages: half away from zero, on the number as
Excel holds it (15 significant digits), which is what Excel's ``0%`` number
format shows. 0.125 reads "13%", 0.625 reads "63%".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "BLIND_SPOT",
    "BLIND_SPOTS_EXPLAINED",
    "EXCEL_PERCENT_FORMAT",
    "HIDDEN_STRENGTH",
    "KAPPA_EXPLAINED",
    "NO_SCORE",
    "SCORES_EXPLAINED",
    "and_list",
    "long_date",
    "percent",
    "percent_points",
    "plural",
    "scores_explained",
    "short_date",
]

NO_SCORE = "no score"
"""What a renderer writes for a score that cannot be given (nothing counted)."""

EXCEL_PERCENT_FORMAT = "0%"
"""The Excel number format for a score held as a fraction; Excel rounds it as :func:`percent` does."""

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


def _hundredths(value: float) -> int:
    """``value`` in hundredths, rounded half away from zero from its first 15 significant digits, as Excel does."""
    return int((Decimal(f"{value:.15g}") * 100).to_integral_value(rounding=ROUND_HALF_UP))


def percent(value: float | None, missing: str = NO_SCORE) -> str:
    """A fraction as a whole percentage, rounded half away from zero: 0.125 is "13%", 0.625 is "63%".

    Args:
        value: The fraction (a score, a share), finite; None when there is none.
        missing: What to write for None: "no score" in prose, a dash in tables.
    """
    if value is None:
        return missing
    return f"{_hundredths(value)}%"


def percent_points(value: float) -> str:
    """A difference of two fractions in percentage points, by the same rounding: 0.125 is "13 points"."""
    return plural(_hundredths(value), "point")


def long_date(date: dt.date) -> str:
    """A date as people write it in England, whatever the machine's locale: "3 March 2026"."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def short_date(date: dt.date) -> str:
    """A date for a table column that sorts: "2026-03-03" (ISO 8601)."""
    return date.isoformat()


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """A count with its noun: "1 criterion", "2 criteria" (the plural is ``noun + "s"`` unless given)."""
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"


def and_list(parts: Sequence[str]) -> str:
    """Items joined as a sentence would: "", "a", "a and b", "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


SCORES_EXPLAINED = (
    "Scores run from 0% (every statement at the lowest rating) to 100% (every statement at the highest). "
    "Statements marked not applicable, and those not yet rated, do not count."
)
"""What a score means, for any document that shows one."""


def scores_explained(lowest: str, highest: str) -> str:
    """What a score means, naming the scale's lowest and highest ratings."""
    return f"Scores run from 0% (every statement rated {lowest}) to 100% (every statement rated {highest})."


KAPPA_EXPLAINED = (
    "Weighted kappa measures how far two viewpoints agree beyond what chance alone would give, counting ratings "
    "one level apart as closer than ratings two levels apart: 1 means they agree on every statement, 0 means they "
    "agree no more than chance would, and below 0 means they agree less than chance would."
)
"""What weighted kappa (Cohen's kappa with linear weights) means, in one plain-English sentence."""

BLIND_SPOT = "Blind spot: school staff rate it higher than parent carers do"
"""The label of a statement school staff rate higher than parent carers do."""

HIDDEN_STRENGTH = "Hidden strength: parent carers rate it higher than school staff do"
"""The label of a statement parent carers rate higher than school staff do."""

BLIND_SPOTS_EXPLAINED = (
    "Blind spots are statements school staff rate higher than parent carers do; hidden strengths are statements "
    "parent carers rate higher than school staff do. Both are good places to start talking together."
)
"""What blind spots and hidden strengths are, for a comparison of a school's and its parent carers' views."""
