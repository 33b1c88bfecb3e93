"""Text on screen shared by the commands: tables, percentages, plurals, dates and shortened texts (private)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from coproduction.model.comparison import AuditReference
from coproduction.model.framework import RatingScale
from coproduction.rules import wording

__all__ = [
    "SHOWN",
    "and_list",
    "audits_named",
    "capital",
    "level_names",
    "long_date",
    "percent",
    "plural",
    "shown",
    "table",
]

SHOWN = 60
"""The widest a free text is shown in a table on screen (the file written holds it whole)."""


def percent(value: float | None) -> str:
    """A share as a whole percentage, by the one rounding rule of :mod:`coproduction.rules.wording`; ``-`` for none."""
    return wording.percent(value, "-")


def table(head: Sequence[str], rows: Sequence[Sequence[str]], *, separator_before_last: bool = False) -> str:
    """A plain-text table, columns as wide as their widest cell, a rule under the head (and above a total row)."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(head, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()

    rule = "  ".join("-" * width for width in widths)
    body = [line(row) for row in rows]
    if separator_before_last and len(body) > 1:
        body.insert(len(body) - 1, rule)
    return "\n".join([line(head), rule, *body])


def long_date(date: dt.date) -> str:
    """A date as people write it, such as 1 June 2025."""
    return wording.long_date(date)


def shown(text: str, width: int = SHOWN) -> str:
    """A free text on one line, cut to ``width`` characters with ``...``."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3].rstrip() + "..."


def plural(count: int, word: str, plural_: str | None = None) -> str:
    """``1 action``, ``2 actions``."""
    return wording.plural(count, word, plural_)


def and_list(parts: Sequence[str]) -> str:
    """``a, b and c``."""
    return wording.and_list(parts)


def capital(text: str) -> str:
    """The text with its first letter a capital."""
    return text[:1].upper() + text[1:]


def level_names(scale: RatingScale) -> dict[str, str]:
    """Each level's id mapped to its name."""
    return {level.id: level.name for level in scale.levels}


def audits_named(references: Iterable[AuditReference]) -> str:
    """The audits a document draws on, as a list in words."""
    return and_list([reference.label for reference in references])
