"""Every command, given each of twenty broken files: exit code 1, the file and its reason named, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bad_inputs import Broken, broken_inputs

import coproduction as cp
from coproduction.cli import main

pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")

ACTIVITY = str(
    Path(__file__).resolve().parents[2] / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
)
COMMANDS = {
    "validate": lambda file, out: ["validate", file],
    "score": lambda file, out: ["score", file],
    "report": lambda file, out: ["report", file, "-o", f"{out}/report.docx"],
    "import": lambda file, out: ["import", file, "-o", f"{out}/audit.json"],
    "import-batch": lambda file, out: ["import", file, "--output-dir", out, "--errors", f"{out}/errors.json"],
    "summary": lambda file, out: ["summary", file, "-o", f"{out}/summary.xlsx"],
    "catalogue": lambda file, out: ["--catalogue", file, "frameworks"],
    "barriers-survey-summary": lambda file, out: ["barriers-survey", "summary", file, "-o", f"{out}/summary.json"],
    "activity-evaluate": lambda file, out: ["activity", "evaluate", ACTIVITY, file, "-o", f"{out}/activity.json"],
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Broken]]:
    folder = tmp_path_factory.mktemp("broken")
    inputs = broken_inputs(cp.default_catalogue().framework("worcestershire-seven-quality-standards"))
    for item in inputs:
        (folder / item.name).write_bytes(item.content)
    return folder, inputs


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_command_shows_a_traceback_for_a_broken_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, broken: tuple[Path, list[Broken]], command: str
) -> None:
    folder, inputs = broken
    for item in inputs:
        if item.name == "b04-ladder.json" and command in ("validate", "catalogue"):
            continue  # a ladder is a good document and a good catalogue item; it is only a bad audit
        out = tmp_path / item.name
        out.mkdir()
        code = main(COMMANDS[command](str(folder / item.name), str(out)))
        stdout, stderr = capsys.readouterr()
        assert code == 1, (command, item.name, stdout, stderr)
        assert "Traceback" not in stdout + stderr
        assert item.name in stderr, (command, item.name, stderr)
        expected = {"import-batch": ["errors.json"]}.get(command, [])
        assert sorted(path.name for path in out.iterdir()) == expected  # a summary of nothing readable writes nothing
        if command == "import-batch":
            (entry,) = json.loads((out / "errors.json").read_text("utf-8"))["errors"]
            said = " ".join([entry["message"], *(f"{p['code']} {p['message']}" for p in entry["problems"])])
            assert entry["code"] == item.code and item.reason in said
            assert entry["message"] in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{missing}"],
        ["validate", "{folder}"],
        ["import", "{missing}", "-o", "{folder}/x.json"],
        ["import", "{folder}/notes.txt", "-o", "{folder}/x.json"],
        ["import", "{folder}/no-suffix", "-o", "{folder}/x.json"],
        ["score", "{folder}/notes.txt"],
        ["report", "{missing}", "-o", "{folder}/r.xlsx"],
        ["summary", "{missing}", "-o", "{folder}/s.xlsx"],
        ["--catalogue", "{missing}", "ladders"],
    ],
)
def test_missing_and_odd_files_exit_1_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str]
) -> None:
    (tmp_path / "notes.txt").write_text("minutes of the forum")
    (tmp_path / "no-suffix").write_bytes(b"\x00")
    filled = [arg.format(missing=tmp_path / "missing.json", folder=tmp_path) for arg in args]
    code = main(filled)
    stdout, stderr = capsys.readouterr()
    assert code == 1, stderr
    assert "Traceback" not in stdout + stderr and stderr.strip()


def test_the_installed_command_shows_no_traceback(broken: tuple[Path, list[Broken]], tmp_path: Path) -> None:
    folder, _ = broken
    result = subprocess.run(
        [sys.executable, "-m", "coproduction", "import", str(folder), "-o", str(tmp_path / "out"), "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "20 of 20 files could not be imported" in result.stderr
