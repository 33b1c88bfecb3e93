"""How numbers, dates and lists read on a page: one rounding rule, one date style, one list style."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["count_of", "join_words", "long_date", "percent", "percent_number", "sentence_case"]

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


def percent_number(value: float) -> int:
    """A share as a whole percentage, halves rounded away from zero (0.125 is 13), as Excel shows it.

    The value is read as its shortest decimal form first, so 0.285 (stored as
    0.28499999...) rounds as the 0.285 a person wrote, to 29.
    """
    return int((Decimal(repr(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(value: float | None, empty: str = "no score") -> str:
    """A share as "13%", or ``empty`` when there is none."""
    return empty if value is None else f"{percent_number(value)}%"


def long_date(date: dt.date) -> str:
    """A date as people write it: "14 March 2025"."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def join_words(items: Sequence[str]) -> str:
    """Items joined as a sentence would: "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def count_of(count: int, singular: str, plural: str | None = None) -> str:
    """A count and its noun: "1 thing", "2 things" (or the plural given)."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def sentence_case(value: str) -> str:
    """The text with its first letter a capital: "parent carers" becomes "Parent carers"."""
    return value[:1].upper() + value[1:]
