"""The command line with the Word and Excel exporters installed (as the README's commands install them)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from helpers import ROOT

import coproduction as cp
from coproduction.cli import main

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx exporter is installed by scripts/test")
pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")

AUDITS = ROOT / "examples" / "audits"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def first_cell(workbook: object, name: str) -> object:
    (sheet, reference), *_ = list(workbook.defined_names[name].destinations)  # type: ignore[attr-defined]
    return workbook[sheet][reference.replace("$", "").split(":")[0]]  # type: ignore[index]


def fill_rating(path: Path, row_value: str) -> None:
    workbook = openpyxl.load_workbook(path)
    first_cell(workbook, "coproduction_rating").value = row_value  # type: ignore[attr-defined]
    first_cell(workbook, "coproduction_date").value = __import__("datetime").date(2025, 5, 13)  # type: ignore[attr-defined]
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())


def test_excel_template_filled_and_imported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    template = tmp_path / "oak.xlsx"
    code, _, _ = run(
        capsys, "template", "worcestershire-seven-quality-standards", "--organisation", "Oak", "-o", str(template)
    )
    assert code == 0
    fill_rating(template, "Developing")
    code, _, _ = run(capsys, "import", str(template), "-o", str(tmp_path / "oak.json"))
    assert code == 0
    audit = cp.load(tmp_path / "oak.json", cp.Audit)
    assert audit.response("shared-values-1") == cp.Response("shared-values-1", "developing")
    fill_rating(template, "Embeded")
    code, _, err = run(capsys, "import", str(template), "-o", str(tmp_path / "bad.json"))
    assert code == 1 and "'Embeded' is not a level" in err and str(template) in err
    assert not (tmp_path / "bad.json").exists()


def test_an_unfilled_word_template_is_refused_naming_the_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    template = tmp_path / "riverside.docx"
    code, _, _ = run(
        capsys, "template", "durham-audit-tool-for-participation", "--organisation", "Riverside", "-o", str(template)
    )
    assert code == 0
    code, _, err = run(capsys, "import", str(template), "-o", str(tmp_path / "riverside.json"))
    assert code == 1 and "Date completed" in err and str(template) in err
    assert not (tmp_path / "riverside.json").exists()


def test_a_renamed_file_is_refused_and_nothing_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"this is not a Word document")
    code, _, err = run(capsys, "import", str(fake), "-o", str(tmp_path / "out.json"))
    assert code == 1 and str(fake) in err
    assert not (tmp_path / "out.json").exists()


def test_reports_in_word_and_excel(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    audit = AUDITS / "worcestershire-oak-primary-parent-carers.json"
    for suffix in (".docx", ".xlsx"):
        code, _, _ = run(capsys, "report", str(audit), "-o", str(tmp_path / f"report{suffix}"))
        assert code == 0 and (tmp_path / f"report{suffix}").stat().st_size > 0


def test_council_summary_lists_bad_files_and_keeps_the_good(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    out = tmp_path / "council.xlsx"
    code, stdout, err = run(capsys, "summary", str(AUDITS), str(broken), "-o", str(out))
    assert code == 1 and "4 audits summarised" in stdout and "broken.json" in err
    workbook = openpyxl.load_workbook(out, read_only=True)
    names = [
        row[0]
        for sheet in workbook.sheetnames
        if sheet.startswith("Audits")
        for row in workbook[sheet].iter_rows(min_row=2, values_only=True)
        if row and row[0]
    ]
    assert sorted(names) == ["Oak Primary School", "Oak Primary School", "Riverside Academy", "Riverside Academy"]
