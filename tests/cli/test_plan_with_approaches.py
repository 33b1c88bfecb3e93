"""``plan propose --with-approaches``: the approaches that help most with the school's barriers, on every action."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ROOT

from coproduction.cli import main

AUDIT = ROOT / "examples" / "audits" / "durham-riverside-academy-parent-carers.json"


def test_the_approaches_are_attached_to_every_action(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "plan.json"
    code = main(
        [
            "plan",
            "propose",
            str(AUDIT),
            "--with-approaches",
            "--barrier",
            "work",
            "--barrier",
            "lack-of-time",
            "-o",
            str(output),
        ]
    )
    assert code == 0
    assert "Approaches attached to each action: SEND coffee mornings; " in capsys.readouterr().out
    actions = json.loads(output.read_text("utf-8"))["actions"]
    assert actions and all(len(action["approaches"]) == 3 for action in actions)
    assert actions[0]["approaches"][0] == "send-coffee-mornings"
    assert main(["validate", str(output)]) == 0


def test_without_the_flag_the_plan_names_no_approach(tmp_path: Path) -> None:
    output = tmp_path / "plan.json"
    assert main(["plan", "propose", str(AUDIT), "-o", str(output)]) == 0
    assert all("approaches" not in action for action in json.loads(output.read_text("utf-8"))["actions"])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--with-approaches"], "--with-approaches needs the barriers"),
        (["--barrier", "work"], "add it"),
    ],
)
def test_the_flag_and_the_barriers_go_together(
    arguments: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "plan.json"
    assert main(["plan", "propose", str(AUDIT), *arguments, "-o", str(output)]) == 2
    assert message in capsys.readouterr().err
    assert not output.exists()


def test_an_unknown_barrier_names_the_known_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "plan.json"
    assert main(["plan", "propose", str(AUDIT), "--with-approaches", "--barrier", "moon", "-o", str(output)]) == 1
    assert "there is no barrier 'moon'; known barriers:" in capsys.readouterr().err
    assert not output.exists()
