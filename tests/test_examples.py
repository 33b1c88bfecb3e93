"""Every example in examples/ runs, and every example document is valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

import coproduction as cp

SCRIPTS = sorted((ROOT / "examples").glob("*.py"))
DOCUMENTS = sorted((ROOT / "examples").glob("**/*.json"))


def test_there_are_examples() -> None:
    assert SCRIPTS and DOCUMENTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_example_runs(script: Path, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), f"{script.name} printed nothing"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_example_document_is_valid(document: Path) -> None:
    loaded = cp.load(document)
    assert cp.dumps(loaded) == document.read_text("utf-8"), "example documents are stored in canonical form"
