"""A filled template of an earlier framework version still imports, and says what changed since."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from helpers import make_audit

import coproduction as cp
from coproduction import export_context
from coproduction.cli import main
from coproduction.exporters import default_registry


def version_2(framework: cp.Framework) -> cp.Framework:
    first, *rest = framework.sections
    criteria = list(first.criteria[1:])
    criteria[0] = attrs.evolve(criteria[0], text=criteria[0].text + " (reworded)")
    criteria.append(cp.Criterion(id="new-in-version-2", text="We publish what changed."))
    return attrs.evolve(framework, version="2.0", sections=(attrs.evolve(first, criteria=tuple(criteria)), *rest))


@pytest.fixture
def council_catalogue(tmp_path: Path, worcestershire: cp.Framework) -> Path:
    return cp.dump(version_2(worcestershire), tmp_path / "worcestershire-2.json")


def notices_of(stdout: str, file: Path) -> list[str]:
    return [line.removeprefix(f"{file}: ") for line in stdout.splitlines() if line.startswith(f"{file}: ")]


def expected_notices(worcestershire: cp.Framework) -> list[str]:
    return [
        f"This answers version {worcestershire.version} of the {worcestershire.title}; the latest is version 2.0, "
        f"and the audit stays one of version {worcestershire.version}.",
        "Version 2.0 adds 1 criterion: new-in-version-2.",
        "Version 2.0 no longer has 1 criterion: shared-values-1.",
        "Version 2.0 rewords 1 criterion: shared-values-2.",
    ]


@pytest.mark.parametrize("suffix", [".json", ".docx", ".xlsx"])
def test_an_earlier_version_imports_and_says_what_changed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    council_catalogue: Path,
    worcestershire: cp.Framework,
    suffix: str,
) -> None:
    registry = default_registry()
    if suffix != ".json" and suffix.lstrip(".") not in registry.names():
        pytest.skip(f"the {suffix} exporter is installed by scripts/test")
    filled = tmp_path / f"oak{suffix}"
    if suffix == ".json":
        cp.dump(make_audit(worcestershire, {"shared-values-1": "embedded"}), filled)
    else:
        template = cp.AuditTemplate(
            worcestershire, cp.Perspective.SCHOOL_STAFF, organisation=cp.Organisation("Oak"), date=dt.date(2025, 5, 13)
        )
        registry.export(template, filled, context=export_context())
    out = tmp_path / "oak-audit.json"
    code = main(["--catalogue", str(council_catalogue), "import", str(filled), "-o", str(out)])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    assert cp.load(out).framework_version == worcestershire.version
    assert notices_of(stdout, filled) == expected_notices(worcestershire)


def test_the_batch_report_carries_the_notices(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, council_catalogue: Path, worcestershire: cp.Framework
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    old = cp.dump(make_audit(worcestershire, {}), inputs / "old.json")
    latest = version_2(worcestershire)
    cp.dump(make_audit(latest, {"new-in-version-2": "developing"}), inputs / "new.json")
    errors = tmp_path / "report.json"
    code = main(
        [
            "--catalogue",
            str(council_catalogue),
            "import",
            str(inputs),
            "-o",
            str(tmp_path / "out"),
            "--errors",
            str(errors),
        ]
    )
    capsys.readouterr()
    assert code == 0
    imported = {
        Path(entry["file"]).name: entry["notices"] for entry in json.loads(errors.read_text("utf-8"))["imported"]
    }
    assert imported == {"new.json": [], "old.json": expected_notices(worcestershire)}
    assert old.exists()
