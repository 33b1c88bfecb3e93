"""The Excel barriers survey: protected, drop-downs, read back (also after LibreOffice re-saves it), cells named."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import attrs
import openpyxl
import pytest
from coproduction_xlsx import XlsxExporter
from hypothesis import given, settings
from hypothesis import strategies as st

import coproduction as c
from coproduction import export_context

CATALOGUE = c.default_catalogue()
TEMPLATE = c.BarriersSurveyTemplate(
    barriers=CATALOGUE.barriers(), organisation=c.Organisation("Oak School"), cohort="Reception, September 2026"
)


def written(template: c.BarriersSurveyTemplate = TEMPLATE) -> bytes:
    out = io.BytesIO()
    XlsxExporter().export(template, out, export_context())
    return out.getvalue()


def fill(data: bytes, ticks: dict[str, str], other: str = "", date: str | None = "2026-09-20") -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Survey"]
    ws["B6"] = date
    ws["B7"] = "A parent or carer"
    for row in range(11, ws.max_row + 1):
        reference = ws.cell(row, 3).value
        if reference in ticks:
            ws.cell(row, 2).value = ticks[reference]
        if reference == "other-1" and other:
            ws.cell(row, 1).value = other
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def read(data: bytes) -> c.BarriersReturn:
    return XlsxExporter().read_barriers_return(io.BytesIO(data), export_context())


def test_the_sheet_is_protected_with_drop_downs_and_a_hidden_stamp() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(written()))
    ws = wb["Survey"]
    assert ws.protection.sheet and wb["Survey metadata"].sheet_state == "hidden"
    lists = [v.formula1 for v in ws.data_validations.dataValidation]
    assert '"Yes"' in lists and '"A parent or carer,School staff"' in lists
    assert ws["C11"].value == CATALOGUE.barriers()[0].id and ws["B11"].protection.locked is False
    assert ws["A11"].protection.locked is not False


def test_a_filled_survey_reads_back() -> None:
    found = read(fill(written(), {"work": "Yes", "no-transport": "yes"}, other="Hospital visits"))
    assert found.met == ("no-transport", "work") and found.other == ("Hospital visits",)
    assert found.cohort == "Reception, September 2026" and found.perspective is c.Perspective.PARENT_CARERS


def test_errors_name_the_cell() -> None:
    with pytest.raises(c.InvalidDocumentError) as caught:
        read(fill(written(), {"work": "perhaps"}, date=None))
    assert sorted((p.path, p.code) for p in caught.value.problems) == [
        ("Survey!B26", "unknown-tick"),
        ("Survey!B6", "missing-date"),
    ]


def test_a_workbook_that_is_not_a_survey_is_refused() -> None:
    wb = openpyxl.Workbook()
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(c.UnreadableFileError, match="not a coproduction barriers survey"):
        read(out.getvalue())


def test_every_word_a_parent_carer_reads_is_plain() -> None:
    checker = c.PlainEnglishChecker(CATALOGUE.glossary())
    ws = openpyxl.load_workbook(io.BytesIO(written()))["Survey"]
    texts = [
        str(cell.value) for row in ws.iter_rows() for cell in row if isinstance(cell.value, str) and cell.column != 3
    ]
    assert texts and [f for text in texts for f in checker.check_text(text, "survey")] == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_re_saved_survey_reads_back_the_same(tmp_path: Path) -> None:
    filled = fill(written(), {"work": "Yes"}, other="Hospital visits")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "return.xlsx").write_bytes(filled)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xlsx",
         "--outdir", str(tmp_path / "out"), str(tmp_path / "in" / "return.xlsx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    assert read((tmp_path / "out" / "return.xlsx").read_bytes()) == read(filled)


SURVEY = written()
_IDS = [barrier.id for barrier in CATALOGUE.barriers()]


@settings(max_examples=10, deadline=None)
@given(st.sets(st.sampled_from(_IDS)), st.lists(st.text(alphabet="abcdefghij klm", min_size=1, max_size=20)))
def test_any_ticks_and_words_read_back(ticked: set[str], lines: list[str]) -> None:
    wanted = [line.strip() for line in lines if line.strip()]
    found = read(fill(SURVEY, dict.fromkeys(ticked, "Yes"), other="\n".join(wanted)))
    assert found.met == tuple(barrier for barrier in _IDS if barrier in ticked)
    assert found.other == tuple(wanted)


def test_a_word_file_renamed_is_refused() -> None:
    docx = pytest.importorskip("docx")
    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(c.UnreadableFileError):
        read(out.getvalue())


def test_the_summary_workbook_reads_as_written() -> None:
    first = read(fill(SURVEY, {"work": "Yes"}))
    returns = [attrs.evolve(first, other=("=SUM(A1)",)), read(fill(SURVEY, {}))]
    summary = c.summarise_barriers(
        returns, CATALOGUE.barriers(), CATALOGUE.approaches(), CATALOGUE.help_links(), minimum_group=2
    )
    out = io.BytesIO()
    XlsxExporter().export(summary, out, export_context())
    wb = openpyxl.load_workbook(io.BytesIO(out.getvalue()))
    rows = list(wb["Barriers"].iter_rows(min_row=5, max_row=5, values_only=True))
    assert rows == [("Work", "work", 1, 2, 0.5)]
    own = wb["Own words"]["A2"]
    assert own.value == "=SUM(A1)" and own.data_type == "s", "families' words are text, never a formula"
    assert wb["Approaches"]["A2"].value and wb["Approaches"].max_row == 1 + len(summary.suggestions)


def test_school_staff_are_asked_what_families_told_them_and_families_about_themselves() -> None:
    staff = openpyxl.load_workbook(io.BytesIO(written(attrs.evolve(TEMPLATE, perspective=c.Perspective.SCHOOL_STAFF))))
    families = openpyxl.load_workbook(io.BytesIO(written()))
    staff_text = " ".join(str(cell.value) for row in staff["Survey"].iter_rows() for cell in row if cell.value)
    family_text = " ".join(str(cell.value) for row in families["Survey"].iter_rows() for cell in row if cell.value)
    assert "a family tells you makes it hard for them" in staff_text and "the family's own words" in staff_text
    assert "your child's name" not in staff_text
    assert "makes it hard for you" in family_text and "in your own words" in family_text
    assert "Oak School" in staff_text and "Oak School" in family_text
    assert staff.sheetnames[-1] == families.sheetnames[-1] == "Words used"
