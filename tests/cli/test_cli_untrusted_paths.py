"""Issue 13 at the command line: inputs that are not files, odd file names, outputs that cannot be written."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from helpers import ROOT

from coproduction.cli import main

EXAMPLES = ROOT / "examples" / "audits"
AUDIT = EXAMPLES / "worcestershire-oak-primary-school-staff.json"
OTHER = EXAMPLES / "worcestershire-oak-primary-parent-carers.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    started = time.perf_counter()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert time.perf_counter() - started < 20  # a pipe or /dev/zero would hang or exhaust memory
    return code, out, err


def no_leftovers(folder: Path) -> None:
    assert not [path.name for path in folder.iterdir() if path.name.endswith(".part")]


@pytest.fixture(params=["zero", "pipe", "folder"])
def not_a_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / f"{request.param}.json"
    if request.param == "zero":
        path.symlink_to("/dev/zero")
    elif request.param == "pipe":
        os.mkfifo(path)
    else:
        path.mkdir()
    return path


COMMANDS = [
    ("validate", "{}"),
    ("score", "{}"),
    ("--catalogue", "{}", "frameworks"),
    ("report", "{}", "-o", "{out}/r.json"),
    ("compare", "{}", str(OTHER), "-o", "{out}/c.json"),
    ("plan", "propose", "{}", "-o", "{out}/p.json"),
    ("charter", "check", "{}"),
    ("feedback", "summary", "{}"),
    ("import", "{}", "-o", "{out}/a.json"),
    ("summary", "{}", "-o", "{out}/s.json"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: command[0] + "-" + command[1])
def test_an_input_that_is_not_a_regular_file_is_refused_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, not_a_file: Path, command: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [part.replace("{}", str(not_a_file)).replace("{out}", str(out)) for part in command]
    code, _, err = run(capsys, *args)
    assert code in (1, 2), err
    if not (not_a_file.is_dir() and command[0] in ("import", "summary", "report")):  # a folder of inputs there
        assert str(not_a_file) in err
        assert any(word in err for word in ("device", "pipe", "folder")), err
    assert list(out.iterdir()) == []


def test_a_file_name_that_is_not_utf8_is_printed_safely(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"Ysgol-caf\xe9.json")
    with open(name, "wb") as stream:
        stream.write(AUDIT.read_bytes())
    code, out, _ = run(capsys, "validate", os.fsdecode(name))
    assert code == 0 and "Ysgol-caf\\xe9.json: valid Audit" in out
    with open(name, "wb") as stream:
        stream.write(b'{"kind": NaN}')
    code, _, err = run(capsys, "validate", os.fsdecode(name))
    assert code == 1 and "Ysgol-caf\\xe9.json, line 1, column 10:" in err


def test_output_errors_name_the_path_typed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    code, _, err = run(capsys, "score", str(AUDIT), "-o", str(folder))
    assert code == 1 and f"{folder} is a folder" in err and ".part" not in err
    missing = tmp_path / "no-such-folder" / "scores.json"
    code, _, err = run(capsys, "score", str(AUDIT), "-o", str(missing))
    assert code == 1 and f"the folder {missing.parent} does not exist" in err and ".part" not in err
    code, _, err = run(capsys, "report", str(AUDIT), "-o", str(missing))
    assert code == 1 and "does not exist" in err and ".part" not in err
    no_leftovers(tmp_path)


def test_a_summary_of_only_unreadable_files_leaves_the_existing_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", "utf-8")
    summary = tmp_path / "council.json"
    summary.write_bytes(b"the summary of last week")
    code, _, err = run(capsys, "summary", str(bad), "--jobs", "1", "-o", str(summary))
    assert code == 1 and "nothing was written" in err and str(bad) in err
    assert summary.read_bytes() == b"the summary of last week"
    no_leftovers(tmp_path)


def test_leftover_temporary_files_of_a_killed_run_are_removed_by_the_next(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    scores = tmp_path / "scores.json"
    leftover = tmp_path / ".scores.json.ab12_x9z.part"
    leftover.write_bytes(b"half")
    unrelated = [tmp_path / ".other.json.ab12_x9z.part", tmp_path / ".scores.json.part", tmp_path / "scores.json.part"]
    for path in unrelated:
        path.write_bytes(b"keep")
    code, _, _ = run(capsys, "score", str(AUDIT), "-o", str(scores))
    assert code == 0 and json.loads(scores.read_text("utf-8"))["kind"] == "score-report"
    assert not leftover.exists()
    assert all(path.read_bytes() == b"keep" for path in unrelated)


def test_a_307_character_organisation_name_in_a_word_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("coproduction_docx")
    data = json.loads(AUDIT.read_text("utf-8"))
    data["organisation"]["name"] = "Ysgol " * 51 + "A"
    audit = tmp_path / "long-name.json"
    audit.write_text(json.dumps(data), "utf-8")
    report = tmp_path / "report.docx"
    code, out, err = run(capsys, "report", str(audit), "-o", str(report))
    if code == 0:
        assert report.stat().st_size > 0 and "wrote" in out
    else:
        assert code == 1 and str(audit) in err and str(report) in err and not report.exists()
    no_leftovers(tmp_path)
