"""``coproduction checklist``: list the checklists, write one filled with a school's details, refuse bad details."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from helpers import ROOT

from coproduction.cli import main

DETAILS = ROOT / "tests" / "fixtures" / "school-local-details.json"


def test_without_an_id_the_checklists_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist"]) == 0
    shown = capsys.readouterr().out
    for identifier in (
        "assess-plan-do-review",
        "first-meeting-guidance",
        "first-meeting-checklist",
        "people-you-may-meet",
    ):
        assert identifier in shown
    assert "parent carers" in shown


def test_a_checklist_is_written_filled_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "people.docx"
    assert main(["checklist", "people-you-may-meet", "--details", str(DETAILS), "-o", str(output)]) == 0
    assert "wrote" in capsys.readouterr().out
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(output)).paragraphs)
    assert "Ms A. Example" in text and "Example Primary School" in text


def test_without_output_the_text_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "first-meeting-checklist"]) == 0
    shown = capsys.readouterr().out
    assert "1. What are their needs?" in shown and "[ ] Physiotherapist" in shown


def test_bad_details_name_the_json_path_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(DETAILS.read_text("utf-8"))
    data["contacts"]["senco"]["names"] = "Ms A. Example"
    data["contacts"]["head_teacher"] = {"names": ["Mr D. Example"]}
    data["contacts"]["camhs"] = {"names": []}
    bad = tmp_path / "school.json"
    bad.write_text(json.dumps(data), "utf-8")
    output = tmp_path / "out.docx"
    assert main(["checklist", "people-you-may-meet", "--details", str(bad), "-o", str(output)]) == 1
    message = capsys.readouterr().err
    assert "contacts.senco.names" in message
    assert "head_teacher" in message
    assert "Traceback" not in message
    assert not output.exists() and list(tmp_path.iterdir()) == [bad]


def test_a_contact_with_nothing_to_print_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(DETAILS.read_text("utf-8"))
    data["contacts"]["camhs"] = {"names": [], "phone": None}
    bad = tmp_path / "school.json"
    bad.write_text(json.dumps(data), "utf-8")
    assert main(["checklist", "people-you-may-meet", "--details", str(bad)]) == 1
    assert "contacts.camhs: gives no name and no way to reach them" in capsys.readouterr().err


def test_an_unknown_checklist_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "last-meeting"]) == 2
    assert "choose one of: assess-plan-do-review" in capsys.readouterr().err


def test_details_without_an_id_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "--details", str(DETAILS)]) == 2
    assert "name the checklist" in capsys.readouterr().err
