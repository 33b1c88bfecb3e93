"""Packaging: wheels built from the repository work in a fresh virtual environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from helpers import ROOT

EXPORTERS = sorted(p for p in (ROOT / "exporters").glob("coproduction-*") if (p / "pyproject.toml").exists())

SCRIPT = r"""
import io, json, sys, tempfile, pathlib
import coproduction as cp
from coproduction.exporters import default_registry
cat = cp.default_catalogue()
fw = cat.framework("worcestershire-seven-quality-standards")
assert len(fw.criteria) == 31
audit = cp.Audit(framework=fw.id, framework_version=fw.version, organisation=cp.Organisation("Oak"),
                 perspective="parent-carers", date=__import__("datetime").date(2025, 1, 1),
                 responses=[cp.Response("leadership-1", "embedded")])
again = cp.loads(cp.dumps(audit))
assert again == audit
try:
    cp.loads(cp.dumps(audit).replace('"embedded"', '"Embeded"'))
except cp.InvalidDocumentError as error:
    assert error.problems[0].code in ("unknown-level", "bad-identifier"), error
else:
    raise SystemExit("a bad document validated")
assert cp.schemas.schema("audit")["$id"].endswith("audit.schema.json")
registry = default_registry()
names = registry.names()
out = pathlib.Path(tempfile.mkdtemp())
template, report = cp.AuditTemplate(fw, "school-staff"), cp.AuditReport(audit, fw)
event = cp.CalendarEvent("charter/oak/review@coproduction.invalid", audit.date, "charter-review", "Review: charter")
calendar = cp.Calendar("Oak: key consultations", [event])
for name in names:
    exporter = registry.get(name)
    document = next(d for d in (template, report, calendar) if exporter.supports(d))
    written = registry.export(document, out / f"t{exporter.suffix}", name=name, context=cp.export_context())
    assert written.stat().st_size > 0, name
if "html" in names:
    from coproduction_html import publish_site
    on = __import__("datetime").date(2025, 1, 2)
    site = publish_site([report], out / "site", context=cp.export_context(catalogue=cat, as_of=on))
    assert (out / "site" / site.pages[0].path).is_file() and site.feed.is_file()
print(json.dumps(names))
"""


@pytest.mark.slow
def test_wheels_install_and_work_in_a_fresh_virtual_environment(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    for project in [ROOT, *EXPORTERS]:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(project)],
            check=True,
            timeout=600,
        )
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    files = sorted(str(w) for w in wheels.glob("*.whl"))
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--find-links", str(wheels), *files], check=True, timeout=600
    )
    run = subprocess.run(
        [str(python), "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert set(json.loads(run.stdout.splitlines()[-1])) == {"json"} | {p.name.split("-", 1)[1] for p in EXPORTERS}
    cli = subprocess.run(
        [str(env_dir / "bin" / "coproduction"), "frameworks"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert cli.returncode == 0 and "worcestershire-seven-quality-standards" in cli.stdout
