"""The benchmark harness itself: its target rule, and the scaling figures it draws."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from helpers import ROOT

BENCHMARKS = ROOT / "benchmarks"


def module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec.loader.exec_module(loaded)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return loaded


def step(ratio: float, target: float, direction: str) -> dict[str, object]:
    return {"ratio": ratio, "target": target, "direction": direction}


def test_a_step_misses_only_beyond_the_noise_allowance() -> None:
    run = module("run")
    results = {
        "fine": step(5.4, 5.0, "at most"),
        "slow": step(5.6, 5.0, "at most"),
        "fast_enough": step(1.7, 1.8, "at least"),
        "not_fast_enough": step(1.6, 1.8, "at least"),
    }
    assert run.missed(results) == ["slow", "not_fast_enough"]


def test_every_step_of_the_issue_has_a_target() -> None:
    run = module("run")
    assert run.TARGETS == {
        "load_valid_audit": ("at most", 5.0),
        "score_audit": ("at most", 0.5),
        "load_invalid_audit": ("at most", 1.5),
        "word_report": ("at most", 1.25),
        "excel_summary_300": ("at most", 1.3),
        "excel_import_300": ("at most", 1.3),
        "word_reports_2_cores": ("at least", 1.8),
        "html_site_300": ("at most", 0.5),
    }


def test_the_scaling_run_writes_its_figures(tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--scale",
            "--scale-counts",
            "1",
            "4",
            "--scale-output",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    svg = ET.parse(tmp_path / "scaling.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert len(svg.findall("{http://www.w3.org/2000/svg}polyline")) == 6  # three steps in each of two charts
    table = (tmp_path / "scaling.txt").read_text("utf-8")
    assert table.startswith(".. list-table::")
    assert table.count("   * - ") == 1 + 2 * 3


def test_the_docs_show_the_figures_the_benchmark_produced() -> None:
    page = (ROOT / "docs" / "performance.rst").read_text("utf-8")
    assert ".. image:: _static/scaling.svg" in page
    assert ".. include:: _static/scaling.txt" in page
    table = (ROOT / "docs" / "_static" / "scaling.txt").read_text("utf-8")
    for count in ("1", "300", "24,000"):
        for name in ("load", "score", "summary"):
            assert f"   * - {count}\n     - {name}\n" in table
