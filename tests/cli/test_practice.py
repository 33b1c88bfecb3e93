"""The practice commands: approaches, barriers, show approach, show barrier."""

from __future__ import annotations

import json

import pytest

from coproduction.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_lists_the_26_approaches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "approaches")
    assert code == 0 and out.count("\n") == 28 and "walk-in-wednesdays" in out


def test_approaches_for_a_barrier_say_why(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "approaches", "--barrier", "work", "--group", "fathers")
    assert code == 0
    assert "Approaches that help with: Work; fathers" in out and "social-events" in out and "library" in out


def test_an_unknown_barrier_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "approaches", "--barrier", "weather")
    assert code == 1 and out == "" and "there is no barrier 'weather'" in err and "Traceback" not in err


def test_show_approach_in_plain_english_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "approach", "working-document")
    assert code == 0 and "Case study: " in out and "Source: Worcestershire County Council" in out
    code, out, _ = run(capsys, "show", "approach", "working-document", "--json")
    assert code == 0 and json.loads(out)["id"] == "working-document"


def test_show_barrier_lists_what_helps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "barrier", "work")
    assert code == 0 and "Approaches that help:" in out and "the source says" in out


def test_show_with_two_words_that_are_not_an_item_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "ladder", "hart")
    assert code == 2 and "show approach ID" in err


def test_barriers_lists_barriers_and_groups(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "barriers")
    assert code == 0 and "lack-of-time" in out and "Priority groups:" in out and "fathers" in out
