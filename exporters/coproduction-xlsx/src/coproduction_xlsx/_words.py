"""The reader's words: each acronym spelt out where a workbook first uses it, and a sheet of the special words it uses.

A workbook is read sheet by sheet, row by row. The core's plain-English check
(:class:`coproduction.PlainEnglishChecker`) runs over its text cells in that
order as one document; the first use of each acronym it flags is spelt out
("Special Educational Needs and/or Disability (SEND)"). Then a last sheet
lists every glossary term the workbook uses, with its plain meaning, as the
Word documents' glossary section does (:func:`coproduction.terms_used`).
Cells a person fills in (unlocked cells of a protected sheet) are read back,
so they are left exactly as written; the words already in them are listed all the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from coproduction import (
    Catalogue,
    Glossary,
    PlainEnglishChecker,
    Rule,
    UnknownGlossaryError,
    default_checker,
    terms_used,
)
from coproduction_xlsx import _layout as L
from coproduction_xlsx._safety import put_text

__all__ = ["WORDS_SHEET", "add_words", "glossary_of"]

WORDS_SHEET = "Words used"
_MAX_CELL = 32_767


def glossary_of(catalogue: Catalogue) -> Glossary | None:
    """The catalogue's glossary, or None when it has none (then no words are explained)."""
    try:
        return catalogue.glossary()
    except UnknownGlossaryError:
        return None


def _checker(glossary: Glossary) -> PlainEnglishChecker:
    builtin = default_checker()
    return builtin if builtin.glossary == glossary else PlainEnglishChecker(glossary)


def _meanings(glossary: Glossary) -> dict[str, str]:
    """What each acronym spelling stands for, by the spelling in capitals ("TAC" and "TAF" apart)."""
    found: dict[str, str] = {}
    for term in glossary.terms:
        if not term.expansion:
            continue
        spellings = [part.strip() for part in term.term.split(" or ")]
        meanings = [part.strip() for part in term.expansion.split(" or ")]
        if len(meanings) != len(spellings):
            meanings = [term.expansion] * len(spellings)
        for spelling, meaning in zip(spellings, meanings, strict=True):
            found.setdefault(spelling.upper(), meaning)
    return found


def _text_cells(wb: Workbook, *, inputs: bool = False) -> Iterator[Cell]:
    """The text cells a reader sees, sheet by sheet and row by row; cells to fill in only when ``inputs``."""
    for ws in wb.worksheets:
        if not isinstance(ws, Worksheet) or ws.sheet_state != "visible":
            continue
        protected = bool(ws.protection.sheet)
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell, Cell) or cell.data_type != "s" or not isinstance(cell.value, str):
                    continue
                if protected and cell.protection.locked is False and not inputs:
                    continue
                yield cell


def _spell_out(cells: list[Cell], checker: PlainEnglishChecker) -> None:
    meanings = _meanings(checker.glossary)
    done: set[str] = set()
    changes: dict[int, list[tuple[int, int, str]]] = {}
    texts = [(str(index), str(cell.value)) for index, cell in enumerate(cells)]
    for finding in checker.check_texts(texts):
        if finding.rule is not Rule.ACRONYM:
            continue
        written = finding.text
        key = written.upper()
        plural = key not in meanings and key.endswith("S") and key[:-1] in meanings
        key = key[:-1] if plural else key
        if key not in meanings or key in done:
            continue
        done.add(key)
        meaning = meanings[key] + ("s" if plural else "")
        changes.setdefault(int(finding.path), []).append((finding.start, finding.end, f"{meaning} ({written})"))
    for index, spans in changes.items():
        text = str(cells[index].value)
        for start, end, replacement in sorted(spans, reverse=True):
            text = text[:start] + replacement + text[end:]
        if len(text) <= _MAX_CELL:
            cells[index].value = text


def add_words(wb: Workbook, glossary: Glossary | None) -> None:
    """Spell out each acronym at its first use and add the "Words used" sheet (nothing without a glossary).

    Args:
        wb: The finished workbook, before it is saved.
        glossary: The glossary whose terms are explained (the export context's catalogue's).
    """
    if glossary is None:
        return
    _spell_out(list(_text_cells(wb)), _checker(glossary))
    # what is already filled in is read too ("A parent or carer" chosen for a family), though never changed
    terms = terms_used([str(cell.value) for cell in _text_cells(wb, inputs=True)], glossary)
    ws = wb.create_sheet(WORDS_SHEET)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 70
    put_text(ws, 1, 1, "Words used in this workbook").font = L.TITLE_FONT
    if not terms:
        put_text(ws, 2, 1, "This workbook uses no special words or short forms.")
        return
    put_text(ws, 2, 1, "These are the special words and short forms used in this workbook, and what they mean.")
    for column, header in enumerate(("Word", "What it means"), start=1):
        cell = put_text(ws, 4, column, header)
        cell.font, cell.fill, cell.alignment = L.HEADER_FONT, L.HEADER_FILL, L.WRAP
    for row, term in enumerate(terms, start=5):
        name = f"{term.term} ({term.expansion})" if term.expansion else term.term
        put_text(ws, row, 1, name).alignment = L.WRAP
        put_text(ws, row, 2, term.plain).alignment = L.WRAP
        ws.row_dimensions[row].height = L.row_height([(name, 30), (term.plain, 70)])
    ws.freeze_panes = "A5"
    ws.protection.sheet = True  # explains; nothing to fill in
