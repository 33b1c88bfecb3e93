"""The barriers survey commands: make a survey, sum up mixed returns, name every file that cannot be read."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

import coproduction as cp
from coproduction.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def a_return(met: list[str], other: tuple[str, ...] = ()) -> cp.BarriersReturn:
    return cp.BarriersReturn(
        organisation=cp.Organisation("Oak School"),
        cohort="Reception, September 2026",
        date=dt.date(2026, 9, 20),
        perspective=cp.Perspective.PARENT_CARERS,
        asked=[barrier.id for barrier in cp.default_catalogue().barriers()],
        met=met,
        other=other,
    )


def test_a_survey_in_word_and_in_excel(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "barriers-survey",
        "template",
        "-o",
        str(tmp_path / "s.docx"),
        "--organisation",
        "Oak School",
        "--cohort",
        "Y7",
    )
    assert code == 0 and "a barriers survey of 30 barriers" in out and (tmp_path / "s.docx").stat().st_size > 0
    code, out, _ = run(
        capsys, "barriers-survey", "template", "-o", str(tmp_path / "s.xlsx"), "--list", "durham-named-barriers"
    )
    assert code == 0 and "of 5 barriers" in out
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx")["Survey"]
    assert [sheet.cell(row, 3).value for row in range(11, 16)] == [
        barrier.id for barrier in cp.default_catalogue().barriers() if barrier.list == "durham-named-barriers"
    ]


def test_plain_barriers_still_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "barriers")
    assert code == 0 and "bad-past-experiences" in out and "Priority groups:" in out


def test_an_unknown_list_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "barriers-survey", "template", "-o", str(tmp_path / "s.docx"), "--list", "weather")
    assert code == 2 and "there is no barrier list 'weather'" in err and not (tmp_path / "s.docx").exists()


def test_a_summary_of_mixed_returns_names_the_file_it_cannot_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    for number, met in enumerate((["work", "no-transport"], ["work"], [], ["work"], ["too-much-jargon"]), start=1):
        (folder / f"r{number}.json").write_text(cp.dumps(a_return(met, other=(f"Note {number}",))), "utf-8")
    survey = tmp_path / "s.xlsx"
    assert (
        run(capsys, "barriers-survey", "template", "-o", str(survey), "--organisation", "Oak School", "--cohort", "Y7")[
            0
        ]
        == 0
    )
    workbook = openpyxl.load_workbook(survey)
    sheet = workbook["Survey"]
    sheet["B6"], sheet["B7"] = "2026-09-21", "School staff"
    for row in range(11, 41):
        if sheet.cell(row, 3).value == "work":
            sheet.cell(row, 2).value = "Yes"
    buffer = io.BytesIO()
    workbook.save(buffer)
    (folder / "r6.xlsx").write_bytes(buffer.getvalue())
    (folder / "r7.docx").write_bytes(b"not a Word file")
    output = tmp_path / "summary.json"
    code, out, err = run(capsys, "barriers-survey", "summary", str(folder), "-o", str(output), "--top", "1")
    assert code == 1
    assert "r7.docx" in err and "1 of 7 files could not be read" in err
    assert "6 returns from Oak School" in out and "4 of 6: Work (work)" in out
    assert "Note 1" in out and "Approaches that help" in out
    summary = json.loads(output.read_text("utf-8"))
    assert summary["format"] == "coproduction-barriers-summary" and summary["returns"] == 6
    assert summary["most_common"] == ["work"] and summary["counts"][0] == {
        "asked": 6,
        "barrier": "work",
        "met": 4,
        "text": "Work",
    }
    assert summary["cohorts"] == ["Reception, September 2026", "Y7"]


def test_nothing_is_written_when_no_return_can_be_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"kind": "barriers-return"}', "utf-8")
    output = tmp_path / "summary.json"
    code, _, err = run(capsys, "barriers-survey", "summary", str(bad), "-o", str(output))
    assert code == 1 and "bad.json" in err and "nothing was written" in err and not output.exists()
    assert "Traceback" not in err


def test_few_returns_keep_families_words_back(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(cp.dumps(a_return(["work"], other=("Only me",))), "utf-8")
    code, out, _ = run(capsys, "barriers-survey", "summary", str(one))
    assert code == 0 and "Only me" not in out and "fewer than 5 returns" in out


def _council_barriers(tmp_path: Path) -> Path:
    path = tmp_path / "our-barriers.json"
    path.write_text(
        json.dumps(
            {
                "kind": "barriers",
                "schema_version": 1,
                "id": "our-barriers",
                "name": "Our barriers",
                "sources": [{"id": "us", "source": {"title": "Our survey"}}],
                "lists": [{"id": "ours", "source": "us", "heading": "Ours", "intro": "Parents told us:"}],
                "barriers": [
                    {"id": "no-parking", "source": "us", "list": "ours", "position": 1, "wording": "No parking"},
                    {"id": "meetings-too-early", "source": "us", "list": "ours", "position": 2, "wording": "Too early"},
                ],
                "approach_helps_with": [
                    {
                        "approach": "out-of-hours-events",
                        "target_kind": "barrier",
                        "target": "no-parking",
                        "basis": "library",
                        "reason": "The car park is free after school.",
                    }
                ],
            }
        ),
        "utf-8",
    )
    return path


def test_a_council_s_own_barriers_go_round_and_need_their_catalogue(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ours = str(_council_barriers(tmp_path))
    survey = tmp_path / "ours.xlsx"
    code, out, _ = run(
        capsys, "--catalogue", ours, "barriers-survey", "template", "-o", str(survey), "--list", "ours",
        "--organisation", "Oak School", "--cohort", "Year 7",
    )  # fmt: skip
    assert code == 0 and "of 2 barriers" in out
    workbook = openpyxl.load_workbook(survey)
    sheet = workbook["Survey"]
    sheet["B6"], sheet["B7"], sheet["B11"] = "2026-09-21", "A parent or carer", "Yes"
    workbook.save(survey)
    code, out, _ = run(capsys, "--catalogue", ours, "barriers-survey", "summary", str(survey))
    assert code == 0 and "1 of 1: No parking (no-parking)" in out and "Out of hours events" in out
    code, _, err = run(capsys, "barriers-survey", "summary", str(survey))
    assert code == 1 and "no-parking" in err and "--catalogue" in err


def test_the_summary_as_a_word_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(cp.dumps(a_return(["work"])), "utf-8")
    code, out, _ = run(capsys, "barriers-survey", "summary", str(one), "-o", str(tmp_path / "summary.docx"))
    assert code == 0 and "summary.docx" in out and (tmp_path / "summary.docx").stat().st_size > 0
    code, _, err = run(capsys, "barriers-survey", "summary", str(one), "-o", str(tmp_path / "summary.pdf"))
    assert code == 1 and "no installed exporter writes .pdf" in err and not (tmp_path / "summary.pdf").exists()


def test_a_copied_return_is_counted_once_and_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = cp.dumps(a_return(["work"]))
    (tmp_path / "a.json").write_text(text, "utf-8")
    (tmp_path / "copy of a.json").write_text(text, "utf-8")
    code, out, err = run(capsys, "barriers-survey", "summary", str(tmp_path))
    assert code == 1 and "1 return from Oak School" in out
    assert "copy of a.json" in err and "the same as" in err and "a.json" in err
