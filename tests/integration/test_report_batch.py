"""``coproduction report`` over many audits: one report each, spread over the cores, bad ones listed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT

import coproduction as cp
from coproduction.cli import main

docx = pytest.importorskip("docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")

AUDITS = ROOT / "examples" / "audits"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def audits(tmp_path: Path) -> Path:
    folder = tmp_path / "audits"
    folder.mkdir()
    for file in sorted(AUDITS.glob("*.json")):
        shutil.copy(file, folder / file.name)
    return folder


def text_of(report: Path) -> str:
    return "\n".join(paragraph.text for paragraph in docx.Document(str(report)).paragraphs)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_audits_gives_one_report_each(
    capsys: pytest.CaptureFixture[str], audits: Path, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "reports"
    code, stdout, _ = run(capsys, "report", str(audits), "-o", str(out), "--jobs", jobs)
    assert code == 0
    inputs = sorted(audits.glob("*.json"))
    written = sorted(out.iterdir())
    assert [path.name for path in written] == [f"{path.stem}.docx" for path in inputs]
    assert f"wrote {len(inputs)} reports" in stdout
    for source, report in zip(inputs, written, strict=True):
        assert cp.load(source).organisation.name in text_of(report)


def test_bad_audits_are_listed_and_the_good_ones_still_reported(
    capsys: pytest.CaptureFixture[str], audits: Path, tmp_path: Path
) -> None:
    (audits / "broken.json").write_text('{"kind": "audit",', "utf-8")
    (audits / "zz-wrong-level.json").write_text(
        (AUDITS / "worcestershire-oak-primary-school-staff.json")
        .read_text("utf-8")
        .replace('"embedded"', '"Embeded"', 1),
        "utf-8",
    )
    out = tmp_path / "reports"
    code, _, stderr = run(capsys, "report", str(audits), "-o", str(out), "--jobs", "2")
    assert code == 1
    good = len(list(AUDITS.glob("*.json")))
    assert len(list(out.glob("*.docx"))) == good
    assert not (out / "broken.docx").exists() and not (out / "zz-wrong-level.docx").exists()
    assert "broken.json" in stderr and "not valid JSON" in stderr
    assert "zz-wrong-level.json" in stderr and "Embeded" in stderr
    assert "2 of" in stderr
    assert not list(out.glob(".*")), "no temporary files are left behind"


def test_a_batch_needs_a_folder_and_no_ladder_assessment(
    capsys: pytest.CaptureFixture[str], audits: Path, tmp_path: Path
) -> None:
    a_file = tmp_path / "report.docx"
    a_file.write_bytes(b"")
    code, _, stderr = run(capsys, "report", str(audits), "-o", str(a_file))
    assert code == 2 and "names a folder" in stderr
    assessment = ROOT / "examples" / "ladder-assessments"
    code, _, stderr = run(
        capsys, "report", str(audits), "-o", str(tmp_path / "r"), "--ladder-assessment", str(assessment)
    )
    assert code == 2 and "single audit" in stderr
    code, _, stderr = run(capsys, "report", str(audits), "-o", str(tmp_path / "r"), "--jobs", "0")
    assert code == 2 and "--jobs" in stderr


def test_one_audit_still_writes_one_named_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "oak.docx"
    code, stdout, _ = run(
        capsys, "report", str(AUDITS / "worcestershire-oak-primary-school-staff.json"), "-o", str(out)
    )
    assert code == 0 and out.is_file()
    assert f"wrote {out}" in stdout
