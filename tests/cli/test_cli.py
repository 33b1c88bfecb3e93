"""The command line: exit codes 0 / 1 / 2, every problem listed, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from documents import five_mistakes
from helpers import ROOT, make_audit

import coproduction as cp
from coproduction.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_lists_frameworks_and_ladders(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "frameworks")
    assert code == 0 and "worcestershire-seven-quality-standards" in out and "Emerging, Developing or Embedded" in out
    code, out, _ = run(capsys, "ladders")
    assert code == 0 and "Coercion < Educating < Informing" in out


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "worcestershire-seven-quality-standards")
    assert code == 0 and "[shared-values-1]" in out and "Leadership" in out
    code, out, _ = run(capsys, "show", "hart-ladder-of-participation", "--json")
    assert code == 0 and json.loads(out)["kind"] == "ladder"
    code, _, err = run(capsys, "show", "nope")
    assert code == 1 and "there is no framework or ladder" in err


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema", "audit")
    assert code == 0 and json.loads(out)["title"] == "Audit"
    code, _, err = run(capsys, "schema", "nope")
    assert code == 2 and "choose one of" in err


def test_five_mistakes_are_all_listed_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    path = tmp_path / "mistakes.json"
    path.write_text(five_mistakes(worcestershire))
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert str(path) in err and "has 5 problems" in err
    for where in (
        "date:",
        "organisation.name:",
        "responses[1].criterion:",
        "responses[4].rating:",
        "responses[12].criterion:",
    ):
        assert where in err


def test_score_prints_a_table_that_agrees_with_a_hand_calculation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    audit = make_audit(
        worcestershire,
        {
            "shared-values-1": "embedded",
            "shared-values-2": "developing",
            "shared-values-3": "emerging",
            "staff-1": "embedded",
        },
    )
    path = cp.dump(audit, tmp_path / "audit.json")
    code, out, _ = run(capsys, "score", str(path))
    assert code == 0
    lines = {line.split("  ")[0]: line.split() for line in out.splitlines() if line and not line.startswith("-")}
    # Shared values: (1 + 0.5 + 0) / 3 = 50%, band Developing, 1/1/1, 3 unanswered of 6, coverage 50%.
    assert lines["Shared values"][2:] == ["50%", "Developing", "1", "1", "1", "0", "3", "50%"]
    # Overall: (1 + 0.5 + 0 + 1) / 4 = 62.5% -> shown 63% (half away from zero, as Excel), band Developing.
    assert lines["Overall"][1:] == ["63%", "Developing", "1", "1", "2", "0", "27", "13%"]
    code, out, _ = run(capsys, "score", str(path), "--json", "-o", str(tmp_path / "report.json"))
    report = cp.loads(out, cp.ScoreReport)
    assert report.overall.value == pytest.approx(0.625)
    assert cp.load(tmp_path / "report.json") == report


def test_template_then_import_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "template.json"
    code, _, _ = run(
        capsys, "template", "durham-audit-tool-for-participation", "--organisation", "Riverside", "-o", str(out_file)
    )
    assert code == 0
    blank = cp.load(out_file)
    assert blank.organisation.name == "Riverside" and all(r.rating is None for r in blank.responses)
    code, _, _ = run(capsys, "import", str(out_file), "-o", str(tmp_path / "audit.json"))
    assert code == 0 and cp.load(tmp_path / "audit.json") == blank


def test_batch_templates_from_a_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    names = tmp_path / "schools.csv"
    names.write_text("name,urn\nOak Primary,100001\nRiverside Academy,100002\nOak Primary,100003\n")
    code, out, _ = run(
        capsys,
        "template",
        "worcestershire-seven-quality-standards",
        "--organisations",
        str(names),
        "--format",
        "json",
        "--jobs",
        "2",
        "-o",
        str(tmp_path / "out"),
    )
    assert code == 0 and "wrote 3 templates" in out
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["Oak-Primary-2.json", "Oak-Primary.json", "Riverside-Academy.json"]
    assert cp.load(tmp_path / "out" / "Riverside-Academy.json").organisation.name == "Riverside Academy"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "no-such-command")[0] == 2
    assert run(capsys)[0] == 2
    assert run(capsys, "score")[0] == 2
    code, _, err = run(capsys, "template", "worcestershire-seven-quality-standards", "-o", str(tmp_path / "noext"))
    assert code == 2 and "give it a suffix" in err


def test_user_mistakes_exit_1_without_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "score", str(tmp_path / "missing.json"))
    assert code == 1 and "does not exist" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _, err = run(capsys, "validate", str(bad))
    assert code == 1 and "not valid JSON" in err
    code, _, err = run(capsys, "template", "worcestershire-seven-quality-standards", "-o", str(tmp_path / "t.pdf"))
    assert code == 1 and "no installed exporter writes .pdf" in err
    assert not (tmp_path / "t.pdf").exists()
    code, _, err = run(
        capsys, "template", "worcestershire-seven-quality-standards", "--format", "odt", "-o", str(tmp_path / "t.odt")
    )
    assert code == 1 and "there is no exporter called 'odt'; installed exporters:" in err


def test_exporters_lists_installed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "exporters")
    assert code == 0 and "json" in out and "coproduction.exporters.json_exporter:JSONExporter" in out


def test_python_dash_m_and_the_script_work(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "coproduction", "frameworks"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "durham-audit-tool-for-participation" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "coproduction", "validate", str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr and "folder" in result.stderr


def test_score_of_an_example_agrees_with_a_hand_calculation(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "examples" / "audits" / "worcestershire-oak-primary-parent-carers.json"
    data = json.loads(path.read_text("utf-8"))
    value = {"emerging": 0.0, "developing": 0.5, "embedded": 1.0}  # (v - 1) / (3 - 1) for values 1, 2, 3
    rated = [value[r["rating"]] for r in data["responses"] if r.get("rating")]
    expected_overall = sum(rated) / len(rated)
    code, out, _ = run(capsys, "score", str(path))
    assert code == 0
    overall = next(line.split() for line in out.splitlines() if line.startswith("Overall"))
    assert overall[1] == f"{expected_overall * 100:.0f}%"
    assert overall[-1] == f"{len(rated) / 31 * 100:.0f}%"
    counts = [sum(1 for r in data["responses"] if r.get("rating") == level) for level in value]
    assert overall[3:6] == [str(c) for c in counts]
    assert int(overall[7]) == 31 - len(rated)


def test_show_an_unknown_id_lists_frameworks_and_ladders(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "worcestershire")
    assert code == 1 and "frameworks: durham-audit-tool-for-participation" in err and "ladders: arnstein" in err
