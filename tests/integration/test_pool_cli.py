"""``coproduction pool`` over mixed JSON, Word and Excel returns; compare and plan with the pool; summary duplicates."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from bad_inputs import json_audit, ratings_for
from helpers import make_audit
from office_files import fill_docx, fill_xlsx

import coproduction as cp
from coproduction.cli import main
from coproduction.exporters import default_registry

pytest.importorskip("coproduction_docx", reason="the docx exporter is installed by scripts/test")
pytest.importorskip("coproduction_xlsx", reason="the xlsx exporter is installed by scripts/test")

OAK = cp.Organisation("Oak Primary School", "100001")
PARENTS = cp.Perspective.PARENT_CARERS


def _parent_template(framework: cp.Framework, exporter: str) -> bytes:
    document = cp.AuditTemplate(framework, PARENTS, organisation=OAK, date=dt.date(2025, 5, 13))
    out = io.BytesIO()
    default_registry().get(exporter).export(document, out, cp.export_context())
    return out.getvalue()


@pytest.fixture
def returns(tmp_path: Path, worcestershire: cp.Framework) -> Path:
    folder = tmp_path / "returns"
    folder.mkdir()
    first = worcestershire.criteria[0].id
    for index in range(8):
        ratings: dict[str, str | None] = dict(ratings_for(worcestershire, index))
        ratings[first] = "embedded" if index < 4 else None  # rated by four JSON returns only (and the Office ones)
        audit = make_audit(
            worcestershire,
            ratings,
            organisation=OAK,
            perspective=PARENTS,
            date=dt.date(2025, 5, index + 1),
            completed_by=f"Parent {index}",
        )
        (folder / f"parent-{index}.json").write_text(cp.dumps(audit), "utf-8")
    office_ratings = {c.id: "developing" for c in worcestershire.criteria[1:]}
    (folder / "parent-word.docx").write_bytes(
        fill_docx(_parent_template(worcestershire, "docx"), worcestershire, office_ratings)
    )
    (folder / "parent-excel.xlsx").write_bytes(
        fill_xlsx(_parent_template(worcestershire, "xlsx"), worcestershire, office_ratings, dt.date(2025, 5, 13))
    )
    (folder / "broken.json").write_text('{"kind": "audit",', "utf-8")
    (folder / "not-word.docx").write_bytes(b"this is not a Word document")
    return folder


def test_pool_compare_and_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, returns: Path, worcestershire: cp.Framework
) -> None:
    pooled = tmp_path / "pooled.json"
    code = main(["pool", str(returns), "-o", str(pooled)])
    stdout, stderr = capsys.readouterr()
    assert code == 1  # two files could not be read; the rest are pooled
    assert "Traceback" not in stdout + stderr
    assert "broken.json" in stderr and "not-word.docx" in stderr
    assert "10 parent carers returns" in stdout and "1 of 31 criteria withheld" in stdout
    text = pooled.read_text("utf-8")
    assert "Parent 0" not in text and "completed_by" not in text
    view = cp.load(pooled)
    assert isinstance(view, cp.PooledView) and view.respondents == 10
    first = view.criteria[0]
    assert first.withheld and first.counts is None  # rated by 4 of the 10
    assert json.loads(text)["criteria"][0]["counts"] is None

    school = tmp_path / "school.json"
    school.write_text(cp.dumps(make_audit(worcestershire, ratings_for(worcestershire, 99), organisation=OAK)), "utf-8")
    comparison = tmp_path / "comparison.json"
    assert main(["compare", str(school), str(pooled), "-o", str(comparison)]) == 0
    loaded = cp.load(comparison)
    assert isinstance(loaded, cp.Comparison) and loaded.audits[1].respondents == 10
    assert loaded.agreement[0].within_one_share is not None
    plan = tmp_path / "plan.json"
    assert main(["plan", "propose", str(pooled), "-o", str(plan)]) == 0
    assert isinstance(cp.load(plan), cp.ActionPlan)


def test_pool_refuses_two_viewpoints_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for index, perspective in enumerate([PARENTS, cp.Perspective.SCHOOL_STAFF]):
        audit = make_audit(worcestershire, {}, organisation=OAK, perspective=perspective)
        (folder / f"return-{index}.json").write_text(cp.dumps(audit), "utf-8")
    out = tmp_path / "pooled.json"
    assert main(["pool", str(folder), "-o", str(out)]) == 1
    _, stderr = capsys.readouterr()
    assert "return-1.json" in stderr and "viewpoint" in stderr and "Traceback" not in stderr
    assert not out.exists()


def test_summary_counts_a_duplicate_return_once_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    folder = tmp_path / "returns"
    folder.mkdir()
    for index in range(3):
        (folder / f"school-{index}.json").write_text(json_audit(worcestershire, index), "utf-8")
    (folder / "school-1-resent.json").write_text(json_audit(worcestershire, 1), "utf-8")
    out = tmp_path / "council.xlsx"
    assert main(["summary", str(folder), "-o", str(out), "--jobs", "1"]) == 0
    stdout, _ = capsys.readouterr()
    assert "duplicate:" in stdout and "school-1-resent.json" in stdout and "same answers" in stdout
    assert "3 audits summarised" in stdout


def test_thirty_mixed_returns_pooled_compared_planned_and_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, worcestershire: cp.Framework
) -> None:
    """Thirty parent carer returns (JSON, Word and Excel, two broken) pooled; the pool against the school's audit;
    a plan proposed; the pool reported in Word and Excel."""
    folder = tmp_path / "returns"
    folder.mkdir()
    levels = [level.id for level in worcestershire.scale.levels]
    word, excel = _parent_template(worcestershire, "docx"), _parent_template(worcestershire, "xlsx")
    for index in range(28):
        ratings = {c.id: levels[(index + n) % len(levels)] for n, c in enumerate(worcestershire.criteria)}
        if index % 3 == 0:
            audit = make_audit(
                worcestershire, dict(ratings), organisation=OAK, perspective=PARENTS, date=dt.date(2025, 5, 1 + index)
            )
            (folder / f"parent-{index:02}.json").write_text(cp.dumps(audit), "utf-8")
        elif index % 3 == 1:
            (folder / f"parent-{index:02}.docx").write_bytes(fill_docx(word, worcestershire, ratings))
        else:
            filled = fill_xlsx(excel, worcestershire, ratings, dt.date(2025, 5, 13))
            (folder / f"parent-{index:02}.xlsx").write_bytes(filled)
    (folder / "parent-28.json").write_text('{"kind": "audit", "schema_version": 1,', "utf-8")
    (folder / "parent-29.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    pooled = tmp_path / "pooled.json"
    assert main(["pool", str(folder), "-o", str(pooled)]) == 1  # two files could not be read; the rest are pooled
    stdout, stderr = capsys.readouterr()
    assert "parent-28.json" in stderr and "parent-29.xlsx" in stderr and "Traceback" not in stdout + stderr
    view = cp.load(pooled)
    assert isinstance(view, cp.PooledView) and view.respondents == 28
    assert not any(entry.withheld for entry in view.criteria)

    school = tmp_path / "school.json"
    school.write_text(cp.dumps(make_audit(worcestershire, ratings_for(worcestershire, 7), organisation=OAK)), "utf-8")
    comparison = tmp_path / "comparison.json"
    assert main(["compare", str(school), str(pooled), "-o", str(comparison)]) == 0
    compared = cp.load(comparison)
    assert isinstance(compared, cp.Comparison) and compared.audits[1].respondents == 28
    plan = tmp_path / "plan.json"
    assert main(["plan", "propose", str(school), str(pooled), "-o", str(plan)]) == 0
    assert isinstance(cp.load(plan), cp.ActionPlan)

    registry = default_registry()
    for name in ("docx", "xlsx"):
        written = registry.export(view, tmp_path / f"pooled.{name}", context=cp.export_context())
        assert written.stat().st_size > 5000
