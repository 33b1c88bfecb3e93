"""The readers' shared cell handling: what a person typed, formulas and errors refused with the cell named."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from coproduction_xlsx._cells import FormStamp, as_text, read_stamp, read_workbook, typed_value
from openpyxl import Workbook

import coproduction as cp
from coproduction.exporters.office import ArchiveLimits


class _Cell:
    def __init__(self, value: object, data_type: str = "s") -> None:
        self.value, self.data_type = value, data_type


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("Oak", "Oak"),
        (True, "TRUE"),
        (3.0, "3"),
        (2.5, "2.5"),
        (dt.datetime(2026, 3, 1), "2026-03-01"),
        (dt.datetime(2026, 3, 1, 9, 30), "2026-03-01 09:30:00"),
        (dt.date(2026, 3, 1), "2026-03-01"),
    ],
)
def test_a_value_reads_as_the_text_a_person_sees(value: object, text: str) -> None:
    assert as_text(value) == text


def test_a_formula_and_an_error_value_are_problems_naming_the_cell() -> None:
    problems: list[cp.Problem] = []
    assert typed_value(_Cell("=1+1", "f"), "Audit!C4", problems) is None
    assert typed_value(_Cell("#REF!", "e"), "Audit!C5", problems) is None
    assert typed_value(_Cell("Yes"), "Audit!C6", problems) == "Yes"
    assert [(p.path, p.code) for p in problems] == [("Audit!C4", "formula"), ("Audit!C5", "error-value")]


def test_a_workbook_is_read_and_a_failure_names_the_file() -> None:
    wb, out = Workbook(), io.BytesIO()
    wb.active["A1"] = "hello"
    wb.save(out)
    assert read_workbook(io.BytesIO(out.getvalue()), ArchiveLimits(), lambda book: book.active["A1"].value) == "hello"

    def broken(book: object) -> str:
        raise KeyError("no such sheet")

    stream = io.BytesIO(out.getvalue())
    stream.name = "returns/oak.xlsx"  # type: ignore[attr-defined]
    with pytest.raises(cp.UnreadableFileError) as caught:
        read_workbook(stream, ArchiveLimits(), broken)
    assert "the workbook is damaged" in str(caught.value) and caught.value.source == "returns/oak.xlsx"


STAMP = FormStamp(
    what="barriers survey",
    short="survey",
    made_with="'coproduction barriers survey'",
    sheet="Survey",
    metadata_sheet="Survey metadata",
    format_name="coproduction-barriers-survey",
    format_version=1,
)


def _stamped(rows: list[tuple[str, object]], sheets: tuple[str, ...] = ("Survey", "Survey metadata")) -> Workbook:
    wb = Workbook()
    wb.active.title = sheets[0]
    for name in sheets[1:]:
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    return wb


def test_a_form_stamp_is_read_and_each_wrong_stamp_is_named() -> None:
    good = [("format", "coproduction-barriers-survey"), ("format_version", 1), ("barriers", "a,b")]
    assert read_stamp(_stamped(good), STAMP)["barriers"] == "a,b"
    cases = [
        (_stamped(good, ("Survey",)), "it has no Survey and Survey metadata sheets"),
        (_stamped([("format", "something else")]), "its Survey metadata sheet does not say so"),
        (_stamped([("format", "coproduction-barriers-survey"), ("format_version", 9)]), "layout version 9"),
    ]
    for wb, message in cases:
        with pytest.raises(cp.UnreadableFileError, match=message):
            read_stamp(wb, STAMP)
