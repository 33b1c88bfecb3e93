"""``coproduction calendar``: the calendar of key consultations, its format chosen by the output's suffix."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from helpers import ROOT
from openpyxl import load_workbook

from coproduction.cli import main

ACTIVITY = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
CHARTER = ROOT / "tests" / "fixtures" / "schema-v1" / "charter.json"
PLAN = ROOT / "tests" / "fixtures" / "schema-v1" / "action-plan.json"


@pytest.mark.parametrize("suffix", [".ics", ".docx", ".xlsx"])
def test_the_format_comes_from_the_suffix(suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / f"calendar{suffix}"
    assert main(["calendar", str(ACTIVITY), str(CHARTER), str(PLAN), "-o", str(output)]) == 0
    assert "wrote" in capsys.readouterr().out
    data = output.read_bytes()
    if suffix == ".ics":
        assert data.startswith(b"BEGIN:VCALENDAR") and b"Coffee morning on homework" in data
    elif suffix == ".docx":
        assert docx.Document(str(output)).tables[0].rows[0].cells[0].text == "Date"
    else:
        assert load_workbook(str(output))["Calendar"]["A3"].value == "Date"


def test_without_output_the_dates_are_shown_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", str(ACTIVITY), str(CHARTER), "--title", "Oak: key dates"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0] == "Oak: key dates"
    dates = [line[:10] for line in shown[3:] if line[:4].isdigit()]
    assert dates == sorted(dates) and len(dates) == 7


def test_a_document_with_no_dates_is_refused_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "calendar.ics"
    framework = ROOT / "src" / "coproduction" / "catalogue" / "data" / "hart-ladder-of-participation.ladder.json"
    assert main(["calendar", str(ACTIVITY), str(framework), "-o", str(output)]) == 1
    message = capsys.readouterr().err
    assert "is not an action plan, a charter or a co-production activity" in message
    assert not output.exists()


def test_a_broken_document_names_its_path_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(CHARTER.read_text("utf-8"))
    data["review_date"] = "someday"
    broken = tmp_path / "charter.json"
    broken.write_text(json.dumps(data), "utf-8")
    output = tmp_path / "calendar.docx"
    assert main(["calendar", str(ACTIVITY), str(broken), "-o", str(output)]) == 1
    message = capsys.readouterr().err
    assert "review_date" in message and "Traceback" not in message
    assert sorted(path.name for path in tmp_path.iterdir()) == ["charter.json"]
