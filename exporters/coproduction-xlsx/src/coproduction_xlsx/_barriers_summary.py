"""The barriers survey summed up as a workbook: counts per barrier, families' own words, approaches that help.

Families' own words are written as text, never as formulas (:func:`~._safety.put_text`).
"""

from __future__ import annotations

import re
from typing import BinaryIO

from coproduction import BarriersSummary, Basis, Catalogue, Glossary, UnknownCatalogueItemError, survey_text
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import TextChecks, put_text
from coproduction_xlsx._tables import header_row, new_workbook, put_number, save_workbook, set_up_table, title_row

__all__ = ["APPROACHES_SHEET", "BARRIERS_SHEET", "OWN_WORDS_SHEET", "write_barriers_summary"]

BARRIERS_SHEET = "Barriers"
OWN_WORDS_SHEET = "Own words"
APPROACHES_SHEET = "Approaches"
_SHARE = "0%"
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")


def _with_room(name: str) -> str:
    """A name as long as it may print: an acronym in it may be spelt out at its first use when the workbook is saved."""
    return _ACRONYM.sub(lambda found: "x" * 45 + found.group(0), name)


def _shown(catalogue: Catalogue, barrier_id: str) -> str:
    try:
        return survey_text(catalogue.barrier(barrier_id))
    except UnknownCatalogueItemError:
        return barrier_id


def write_barriers_summary(
    summary: BarriersSummary, out: BinaryIO, catalogue: Catalogue, *, glossary: Glossary | None = None
) -> None:
    """Write a barriers survey summary workbook.

    Args:
        summary: The summary.
        out: Where to write the .xlsx bytes; nothing is written on failure.
        glossary: The glossary whose terms a last "Words used" sheet explains (none without it).
        catalogue: Where the barriers' words are found.

    Raises:
        ExportError: If a text cannot be held by Excel.
    """
    checks = TextChecks()
    for number, text in enumerate(summary.other, start=1):
        checks.check(text, f"other barrier {number}")
    for name in summary.organisations:
        checks.check(name, "organisation")
    checks.raise_if_any("the barriers survey summary")
    wb = new_workbook("What makes it hard for families to take part")
    ws = wb.active
    assert ws is not None
    ws.title = BARRIERS_SHEET
    title_row(ws, "What makes it hard for families to take part")
    put_text(
        ws,
        2,
        1,
        f"{summary.returns} surveys from {', '.join(summary.organisations)} ({', '.join(summary.cohorts)}). "
        "Nobody was named.",
    )
    header_row(ws, 4, [("What made it hard", 70), ("Reference", 30), ("Families", 12), ("Asked", 12), ("Share", 12)])
    row = 4
    for row, count in enumerate(summary.counts, start=5):
        shown = _shown(catalogue, count.barrier)
        put_text(ws, row, 1, shown).alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(shown, 70), (count.barrier, 30)])
        put_text(ws, row, 2, count.barrier).alignment = L.WRAP
        put_number(ws, row, 3, count.met).alignment = L.TOP
        put_number(ws, row, 4, count.asked).alignment = L.TOP
        put_number(ws, row, 5, count.met / count.asked if count.asked else None, _SHARE).alignment = L.TOP
    set_up_table(ws, 4, row, 5)

    words = wb.create_sheet(OWN_WORDS_SHEET)
    header_row(words, 1, [("In families' own words", 90)])
    if summary.other_withheld:
        put_text(
            words,
            2,
            1,
            f"Not shown: there were fewer than {summary.minimum_group} surveys, so someone could work out who wrote "
            "what.",
        )
    for row, text in enumerate(summary.other, start=2):
        put_text(words, row, 1, text).alignment = L.WRAP
        words.row_dimensions[row].height = L.row_height([(text, 90)])
    set_up_table(words, 1, 1 + len(summary.other), 1)

    ways = wb.create_sheet(APPROACHES_SHEET)
    header_row(ways, 1, [("Way of working", 40), ("Reference", 30), ("Helps with", 70), ("Why", 30)])
    for row, suggestion in enumerate(summary.suggestions, start=2):
        put_text(ways, row, 1, suggestion.approach.name).alignment = L.WRAP
        put_text(ways, row, 2, suggestion.approach.id).alignment = L.WRAP
        # one a line: joined with semicolons they ran on as one long sentence
        targets = "\n".join(_shown(catalogue, link.target) for link in suggestion.links)
        put_text(ways, row, 3, targets).alignment = L.WRAP
        ways.row_dimensions[row].height = L.row_height(
            [(_with_room(suggestion.approach.name), 40), (suggestion.approach.id, 30), (targets, 70)]
        )
        from_source = any(link.basis is Basis.SOURCE for link in suggestion.links)
        put_text(
            ways, row, 4, "The source document says so" if from_source else "Our own suggestion"
        ).alignment = L.WRAP
    set_up_table(ways, 1, 1 + len(summary.suggestions), 4)
    save_workbook(wb, out, glossary=glossary)
