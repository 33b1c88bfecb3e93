"""The README's first command, exactly as written, works on a machine with no development tools.

It is run in a copy of the repository's files with a clean environment: it makes its own virtual environment,
builds and installs the wheels of the library and its Word and Excel exporters there, writes the template and prints
the scores, which must be the text in tests/fixtures/readme-score.txt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

EXPECTED_SCORES = ROOT / "tests" / "fixtures" / "readme-score.txt"


def readme_commands() -> list[str]:
    """The lines of the README's first code block: the two commands a new user runs."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```bash\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def repository_copy(destination: Path) -> Path:
    """The files a fresh clone has (tracked, or new and not ignored), copied without the work tree's clutter."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def clean_environment() -> dict[str, str]:
    """This process's environment without any active virtual environment, as a new user's shell would be."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"}}
    active = os.environ.get("VIRTUAL_ENV")
    if active:
        env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(active))
    return env


def test_the_readme_starts_with_the_two_commands() -> None:
    first, second = readme_commands()
    assert first.startswith("python3 -m venv .venv && ")
    assert second == "bash scripts/test"


@pytest.mark.slow
def test_the_readme_first_command_runs_on_a_machine_without_development_tools(tmp_path: Path) -> None:
    checkout = repository_copy(tmp_path / "checkout")
    first = readme_commands()[0]
    run = subprocess.run(
        ["bash", "-c", first],
        cwd=checkout,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    installed = subprocess.run(
        [str(checkout / ".venv" / "bin" / "python"), "-m", "pip", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    for tool in ("pytest", "hypothesis", "mypy", "ruff", "sphinx"):
        assert f"\n{tool}==" not in f"\n{installed}", f"{tool} is in the user's environment"
    expected = EXPECTED_SCORES.read_text(encoding="utf-8")
    assert "wrote oak-audit-template.docx\n" in run.stdout
    assert run.stdout.endswith(expected), run.stdout[-3000:]
    with zipfile.ZipFile(checkout / "oak-audit-template.docx") as template:
        document = template.read("word/document.xml").decode("utf-8")
    assert "Oak Primary School" in document
