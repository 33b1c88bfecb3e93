"""Every example in examples/ runs, and every example document is valid."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

import coproduction as cp
from coproduction import export_context

SCRIPTS = sorted((ROOT / "examples").glob("*.py"))
DOCUMENTS = sorted((ROOT / "examples").glob("**/*.json"))


def test_there_are_examples() -> None:
    assert SCRIPTS and DOCUMENTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), f"{script.name} printed nothing"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_example_document_is_valid(document: Path) -> None:
    loaded = cp.load(document)
    assert cp.dumps(loaded) == document.read_text("utf-8"), "example documents are stored in canonical form"


def test_the_co_production_cycle_writes_a_valid_document_for_every_step(tmp_path: Path) -> None:
    from coproduction.exporters import default_registry

    script = ROOT / "examples" / "co_production_cycle.py"
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    kinds = {
        "1-comparison-2025": cp.Comparison,
        "2-action-plan-draft": cp.ActionPlan,
        "3-action-plan-2025": cp.ActionPlan,
        "4-you-said-we-did": cp.FeedbackLog,
        "5-charter": cp.Charter,
        "6-action-plan-2026": cp.ActionPlan,
        "7-comparison-2026": cp.Comparison,
        "8-progress-school-staff": cp.Progress,
        "8-progress-parent-carers": cp.Progress,
    }
    written = {path.name for path in tmp_path.iterdir()}
    for stem, kind in kinds.items():
        document = cp.load(tmp_path / f"{stem}.json", kind)  # the schema and every rule, or an error
        assert cp.dumps(document) == (tmp_path / f"{stem}.json").read_text("utf-8")
    assert (tmp_path / "4-you-said-we-did.txt").read_text("utf-8") == cp.you_said_we_did(
        cp.load(tmp_path / "4-you-said-we-did.json"), as_of=dt.date(2026, 3, 1)
    )
    installed = default_registry().names()
    offices = {
        "docx": [stem for stem in kinds if stem not in ("2-action-plan-draft",)],
        "xlsx": [stem for stem in kinds if stem not in ("2-action-plan-draft", "5-charter")],
        "html": [stem for stem in kinds if kinds[stem] is not cp.Progress and stem != "2-action-plan-draft"],
    }
    for name, stems in offices.items():
        expected = {f"{stem}.{name}" for stem in stems} if name in installed else set()
        assert {file for file in written if file.endswith(f".{name}")} == expected
    if "xlsx" in installed:
        from openpyxl import load_workbook

        for stem in offices["xlsx"]:
            assert load_workbook(tmp_path / f"{stem}.xlsx").sheetnames
        reader = default_registry().action_plan_reader("xlsx")
        for stem in ("3-action-plan-2025", "6-action-plan-2026"):
            with open(tmp_path / f"{stem}.xlsx", "rb") as workbook:
                assert reader.read_action_plan(workbook, export_context()) == cp.load(tmp_path / f"{stem}.json")
    if "html" in installed:
        for stem in offices["html"]:
            page = (tmp_path / f"{stem}.html").read_text("utf-8")
            assert page.startswith('<!DOCTYPE html>\n<html lang="en-GB">') and "Oak Primary School" in page
            assert "Content-Security-Policy" in page and "<script" not in page
    if "docx" in installed:
        from docx import Document

        for stem in offices["docx"]:
            document = Document(str(tmp_path / f"{stem}.docx"))
            assert document.core_properties.language == "en-GB"
            assert any("Oak Primary School" in paragraph.text for paragraph in document.paragraphs)


def test_the_whole_practice_calendar_opens_in_an_independent_parser_with_every_date(tmp_path: Path) -> None:
    vobject = pytest.importorskip("vobject")
    script = ROOT / "examples" / "whole_practice.py"
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    activities = [cp.load(path) for path in sorted(tmp_path.glob("*.json"))]
    assert {activity.level for activity in activities} == {
        cp.ParticipationLevel.INDIVIDUAL,
        cp.ParticipationLevel.STRATEGIC,
    }
    assert any(activity.evaluation for activity in activities)
    ical = vobject.readOne((tmp_path / "key-consultations.ics").read_text("utf-8"))
    assert ical.version.value == "2.0" and ical.calscale.value == "GREGORIAN" and ical.prodid.value
    found = sorted((event.uid.value, event.dtstart.value) for event in ical.vevent_list)
    expected = sorted(
        (f"activity/999901/{activity.id}/{step.step.value}@coproduction.invalid", step.date)
        for activity in activities
        for step in activity.steps
    )
    assert found == expected
    assert all(type(event.dtstart.value) is dt.date for event in ical.vevent_list)
