"""`coproduction import` over a folder: every good file imported, every bad one listed, a killed run resumed.

The batch is 300 files (JSON audits, filled Word and Excel templates), 20 of
them broken in 20 different ways. The command runs as a real process, as a
council officer would run it, so it can be killed outright mid-way.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest
from bad_inputs import Broken, broken_inputs, json_audit, ratings_for
from office_files import filled

import coproduction as cp
from coproduction.cli import _batch, main

pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")

GOOD_JSON, GOOD_DOCX, GOOD_XLSX = 240, 20, 20
WORCESTERSHIRE = "worcestershire-seven-quality-standards"


@attrs.frozen
class Batch:
    folder: Path
    broken: list[Broken]
    ratings: dict[str, dict[str, str]]  # expected ratings of some office inputs, by output name


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("batch")
    folder = root / "in"
    folder.mkdir()
    framework = cp.default_catalogue().framework(WORCESTERSHIRE)
    for index in range(GOOD_JSON):
        (folder / f"school-{index:03d}.json").write_text(json_audit(framework, index), "utf-8")
    ratings: dict[str, dict[str, str]] = {}
    for exporter, count in (("docx", GOOD_DOCX), ("xlsx", GOOD_XLSX)):
        for index in range(count - 1):
            chosen = ratings_for(framework, 1000 + index)
            name = f"{exporter}-{index:02d}"
            (folder / f"{name}.{exporter}").write_bytes(filled(framework, exporter, f"{exporter} {index}", chosen))
            ratings[f"{name}.json"] = chosen
        # one pair shares a name apart from the suffix: each keeps its suffix in the audit's name
        chosen = ratings_for(framework, 2000)
        (folder / f"twin.{exporter}").write_bytes(filled(framework, exporter, "Twin School", chosen))
        ratings[f"twin.{exporter}.json"] = chosen
    broken = broken_inputs(framework)
    for item in broken:
        (folder / item.name).write_bytes(item.content)
    (folder / "~$docx-00.docx").write_bytes(b"an office lock file, skipped")
    (folder / "notes.txt").write_text("not an input, skipped")
    assert len(list(folder.glob("*.json")) + list(folder.glob("*.docx")) + list(folder.glob("*.xlsx"))) == 301
    return Batch(folder, broken, ratings)


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coproduction", "import", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def clean_run(batch: Batch) -> subprocess.CompletedProcess[str]:
    """An uninterrupted run over the batch: in/ -> clean/, report clean-report.json."""
    return _run(batch.folder.parent, "in", "-o", "clean", "--errors", "clean-report.json", "--jobs", "2")


def test_every_good_file_is_imported_and_every_bad_one_listed(
    batch: Batch, clean_run: subprocess.CompletedProcess[str]
) -> None:
    root = batch.folder.parent
    assert clean_run.returncode == 1, clean_run.stderr
    assert "Traceback" not in clean_run.stdout + clean_run.stderr
    assert "imported 280 of 300 files into clean" in clean_run.stdout
    assert "20 of 300 files could not be imported" in clean_run.stderr
    outputs = sorted(path.name for path in (root / "clean").iterdir())
    assert len(outputs) == 280
    assert not any(name.startswith(".") or name.endswith(".part") for name in outputs)
    assert "twin.docx.json" in outputs and "twin.xlsx.json" in outputs and "school-000.json" in outputs
    catalogue = cp.default_catalogue()
    for name in outputs:
        cp.load(root / "clean" / name, cp.Audit, catalogue=catalogue)
    for name, ratings in batch.ratings.items():
        audit = cp.load(root / "clean" / name, cp.Audit)
        assert {r.criterion: r.rating for r in audit.responses if r.rating} == ratings, name
    source = cp.load(batch.folder / "school-123.json", cp.Audit)
    assert cp.load(root / "clean" / "school-123.json", cp.Audit) == source

    report = json.loads((root / "clean-report.json").read_text("utf-8"))
    assert report["format"] == "coproduction-import-report" and report["format_version"] == 1
    assert report["counts"] == {"files": 300, "imported": 280, "failed": 20}
    assert [entry["output"] for entry in report["imported"]] == [f"clean/{name}" for name in sorted(outputs)]
    errors = report["errors"]
    reasons: set[str] = set()
    assert [entry["file"] for entry in errors] == [f"in/{item.name}" for item in batch.broken]
    for entry, item in zip(errors, batch.broken, strict=True):
        assert entry["code"] == item.code, entry
        said = " ".join([entry["message"], *(f"{p['code']} {p['message']}" for p in entry["problems"])])
        assert item.reason in said, (item.name, said)
        assert set(entry) == {"file", "code", "message", "problems"}
        # a problem in a file's text also gives its line and column (fields added; the format version is kept)
        assert all(
            set(problem) in ({"place", "code", "message"}, {"place", "code", "message", "line", "column"})
            for problem in entry["problems"]
        )
        placed = next((problem for problem in entry["problems"] if "line" in problem), None)
        where = f", line {placed['line']}, column {placed['column']}" if placed else ""
        assert f"in/{item.name}{where}: {entry['message']}" in clean_run.stderr  # and on screen
        reasons.add(said)
    assert len(reasons) == 20  # twenty different reasons


def _without_progress(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith("files: "))


def _running_in_group(group: int) -> bool:
    """Whether a process of the group still runs (zombies waiting for init to reap them do not count)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if fields and int(fields[2]) == group and fields[0] != "Z":
            return True
    return False


def _group_gone(group: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _running_in_group(group):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_a_killed_run_leaves_only_whole_files_and_a_rerun_gives_the_same_result(
    batch: Batch, clean_run: subprocess.CompletedProcess[str]
) -> None:
    root = batch.folder.parent
    out = root / "resumed"
    command = [sys.executable, "-m", "coproduction", "import", "in", "-o", "resumed", "--errors", "resumed-report.json"]
    with open(root / "killed.log", "w") as log:
        process = subprocess.Popen([*command, "--jobs", "2"], cwd=root, stdout=log, stderr=log, start_new_session=True)
        try:
            deadline = time.monotonic() + 120
            while len(list(out.glob("*.json"))) < 10:
                assert process.poll() is None, "the run finished before it could be killed"
                assert time.monotonic() < deadline, "the run wrote nothing"
                time.sleep(0.002)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
    # The workers notice their parent has gone, finish the file in hand and stop.
    assert _group_gone(process.pid, timeout=20), "worker processes outlived the killed command"
    left = sorted(path.name for path in out.iterdir())
    assert 10 <= len(left) < 280, "the run was not killed mid-way"
    assert not [name for name in left if name.startswith(".") or not name.endswith(".json")]
    for name in left:
        cp.load(out / name, cp.Audit)  # every file there is whole
    assert not (root / "resumed-report.json").exists()
    assert not [path.name for path in root.iterdir() if path.name.endswith(".part")]

    again = _run(root, "in", "-o", "resumed", "--errors", "resumed-report.json", "--jobs", "2")
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert _without_progress(again.stderr) == _without_progress(clean_run.stderr).replace(
        "clean-report", "resumed-report"
    )
    clean = {path.name: path.read_bytes() for path in (root / "clean").iterdir()}
    resumed = {path.name: path.read_bytes() for path in out.iterdir()}
    assert resumed == clean
    report = (root / "resumed-report.json").read_text("utf-8")
    assert report == (root / "clean-report.json").read_text("utf-8").replace('"clean/', '"resumed/')


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ctrl_c_stops_cleanly(batch: Batch) -> None:
    root = batch.folder.parent
    out = root / "stopped"
    process = subprocess.Popen(
        [sys.executable, "-m", "coproduction", "import", "in", "-o", "stopped", "--errors", "stopped.json"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.json"))) < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal sends Ctrl-C to the whole job
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "stopped; no partial output was left behind" in err and "Traceback" not in err
    assert _group_gone(process.pid, timeout=20)
    left = sorted(path.name for path in out.iterdir())
    assert 10 <= len(left) < 280
    assert all(name.endswith(".json") and not name.startswith(".") for name in left)
    for name in left:
        cp.load(out / name, cp.Audit)
    assert not (root / "stopped.json").exists()


def test_output_names_are_stable_and_never_collide() -> None:
    files = [Path(p) for p in ("a/oak.docx", "a/oak.xlsx", "b/oak.docx", "a/ash.json", "b/OAK.json", "c/elm.xlsx")]
    names = _batch.output_names(files)
    assert names == ["oak.docx.json", "oak.xlsx.json", "oak.docx-2.json", "ash.json", "OAK.json.json", "elm.json"]
    assert _batch.output_names(files) == names
    assert len({name.casefold() for name in names}) == len(names)


def test_one_file_still_imports_to_the_file_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    source = tmp_path / "oak.xlsx"
    source.write_bytes(filled(worcestershire, "xlsx", "Oak", {"staff-1": "developing"}))
    code = main(["import", str(source), "-o", str(tmp_path / "audit.json")])
    out, err = capsys.readouterr()
    assert code == 0 and f"wrote {tmp_path / 'audit.json'}: Oak, 1 criteria rated" in out and not err
    assert cp.load(tmp_path / "audit.json", cp.Audit).response("staff-1") == cp.Response("staff-1", "developing")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["audit.json", "oak.xlsx"]


def test_a_small_batch_in_this_process_with_a_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    first = tmp_path / "first.json"
    first.write_text(json_audit(worcestershire, 1))
    second = tmp_path / "second.docx"
    second.write_bytes(b"PK\x03\x04 cut short")
    missing = tmp_path / "missing.json"
    report = tmp_path / "reports" / "errors.json"
    (tmp_path / "out").mkdir()
    leftover = tmp_path / "out" / ".first.json.abcd_123.part"
    leftover.write_text("left by a run killed outright")
    code = main(
        [
            "import",
            str(first),
            str(second),
            str(missing),
            "--output-dir",
            str(tmp_path / "out"),
            "--errors",
            str(report),
            "--jobs",
            "1",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["first.json"]
    data = json.loads(report.read_text("utf-8"))
    assert data["counts"] == {"files": 3, "imported": 1, "failed": 2}
    assert [(entry["file"], entry["code"]) for entry in data["errors"]] == [
        (str(second), "unreadable-file"),
        (str(missing), "unreadable-file"),
    ]
    assert "does not exist" in data["errors"][1]["message"] and f"{missing}: the file does not exist" in err


def test_a_successful_batch_exits_0_and_still_writes_the_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"s{index}.json").write_text(json_audit(worcestershire, index))
    code = main(["import", str(folder), "-o", str(tmp_path / "out"), "--errors", str(tmp_path / "r.json")])
    out, _ = capsys.readouterr()
    assert code == 0 and "imported 3 of 3 files" in out
    assert json.loads((tmp_path / "r.json").read_text())["errors"] == []


@pytest.mark.parametrize("case", ["output-is-input-folder", "output-replaces-input", "no-inputs", "jobs"])
def test_batches_that_would_lose_data_are_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework, case: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "oak.json").write_text(json_audit(worcestershire, 1))
    (folder / "oak.docx").write_bytes(b"")
    args = {
        "output-is-input-folder": [str(folder), "-o", str(folder)],
        "output-replaces-input": [str(folder / "oak.json"), str(tmp_path / "x.docx"), "-o", str(tmp_path / "in")],
        "no-inputs": [str(tmp_path / "in"), "-o", str(tmp_path / "out")],
        "jobs": [str(folder), "-o", str(tmp_path / "out"), "--jobs", "0"],
    }[case]
    if case == "no-inputs":
        for path in folder.iterdir():
            path.unlink()
    before = sorted(tmp_path.rglob("*"))
    code = main(["import", *args])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err, err
    assert sorted(tmp_path.rglob("*")) == before
