"""The activity commands: check and status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT

from coproduction.cli import main

EXAMPLE = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_describes_a_valid_activity(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "activity", "check", str(EXAMPLE))
    assert code == 0 and err == ""
    assert "a valid co-production activity of Oak Primary School" in out and "service level" in out
    assert "16 people taking part" in out and "not answered" not in out


def test_check_lists_the_planning_questions_not_answered(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["planning"] = data["planning"][:5]
    file = tmp_path / "partial.json"
    file.write_text(json.dumps(data), "utf-8")
    code, out, _ = run(capsys, "activity", "check", str(file))
    assert code == 0
    assert "Planning questions not answered yet (2):" in out and "What is the budget?" in out


def test_check_names_the_place_of_an_unknown_approach(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["approaches"][0] = "carrier-pigeon"
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(data), "utf-8")
    code, out, err = run(capsys, "activity", "check", str(file))
    assert code == 1 and out == ""
    assert "approaches[0]" in err and "carrier-pigeon" in err and "Traceback" not in err


def test_status_on_a_date(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "activity", "status", str(EXAMPLE), "--on", "2026-03-12")
    assert code == 0
    assert "3. Develop an action plan: in progress, 25 February 2026 - overdue" in out
    assert "5. Implement actions: not started, 20 April 2026\n" in out
    assert "Next: Develop an action plan (25 February 2026)" in out and "Overdue: 2 steps." in out
    assert '"Are you being listened to?" 4.0 out of 5 on average (3 answers)' in out


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("activity",), 2, "say what to do"),
        (("activity", "status", "missing.json"), 1, "does not exist"),
        (("activity", "status", str(EXAMPLE), "--on", "12/03/2026"), 2, "is not a date"),
    ],
)
def test_mistakes_are_plain_errors(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int, words: str
) -> None:
    got, _, err = run(capsys, *args)
    assert got == code and words in err and "Traceback" not in err
