"""``coproduction summary`` over mixed JSON, Word and Excel files, read in parallel, with an error report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bad_inputs import json_audit, ratings_for
from office_files import filled

import coproduction as cp
from coproduction.cli import main

openpyxl = pytest.importorskip("openpyxl", reason="the xlsx exporter is installed by scripts/test")
pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")


@pytest.fixture
def returns(tmp_path: Path, worcestershire: cp.Framework) -> Path:
    folder = tmp_path / "returns"
    folder.mkdir()
    for index in range(12):
        (folder / f"school-{index:02d}.json").write_text(json_audit(worcestershire, index), "utf-8")
    for index, exporter in enumerate(["docx", "xlsx", "docx", "xlsx"]):
        data = filled(worcestershire, exporter, f"Office School {index}", ratings_for(worcestershire, index))
        (folder / f"office-{index}.{exporter}").write_bytes(data)
    (folder / "broken.json").write_text('{"kind": "audit",', "utf-8")
    (folder / "not-word.docx").write_bytes(b"this is not a Word document")
    return folder


def organisations(workbook_path: Path) -> list[str]:
    workbook = openpyxl.load_workbook(workbook_path, read_only=True)
    try:
        names = []
        for sheet in workbook.worksheets:
            if sheet.title.startswith("Audits"):
                rows = list(sheet.iter_rows(values_only=True))
                column = rows[0].index("Organisation")
                names += [row[column] for row in rows[1:] if row[column]]
        return names
    finally:
        workbook.close()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_mixed_files_are_summarised_and_bad_ones_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, returns: Path, jobs: str
) -> None:
    out, errors = tmp_path / "council.xlsx", tmp_path / "errors.json"
    code = main(["summary", str(returns), "-o", str(out), "--errors", str(errors), "--jobs", jobs])
    stdout, stderr = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in stdout + stderr
    assert "wrote" in stdout and "16 audits summarised" in stdout
    assert "broken.json" in stderr and "not-word.docx" in stderr
    names = organisations(out)
    assert len(names) == 16
    assert {f"Office School {index}" for index in range(4)} <= set(names)
    report = json.loads(errors.read_text("utf-8"))
    assert report["counts"] == {"files": 18, "imported": 16, "failed": 2}
    assert [Path(entry["file"]).name for entry in report["errors"]] == ["broken.json", "not-word.docx"]
    assert {entry["output"] for entry in report["imported"]} == {str(out)}


def test_one_core_and_two_give_the_same_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, returns: Path
) -> None:
    one, two = tmp_path / "one.xlsx", tmp_path / "two.xlsx"
    main(["summary", str(returns), "-o", str(one), "--jobs", "1"])
    main(["summary", str(returns), "-o", str(two), "--jobs", "2"])
    capsys.readouterr()
    assert organisations(one) == organisations(two)
