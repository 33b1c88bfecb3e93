"""The command line for families' words: show with examples, marks and viewpoints; the glossary."""

from __future__ import annotations

import pytest

from coproduction.cli import main

WORCESTERSHIRE = "worcestershire-seven-quality-standards"
DURHAM = "durham-audit-tool-for-participation"
MARK = "(wording by this library)"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_show_prints_the_examples_and_marks_the_library_s_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", WORCESTERSHIRE)
    assert code == 0
    assert "e.g. " in out and "Your school has" in out
    assert f"Emerging: We have started on this but it is not yet routine. {MARK}" in out
    assert f"Shared values {MARK}" not in out  # Worcestershire's titles are its own
    code, out, _ = run(capsys, "show", DURHAM)
    assert f"Culture and first contact {MARK}" in out
    assert "[priorities-1-1] All staff have an understanding of parent engagement and coproduction\n" in out


def test_show_for_parent_carers_gives_their_wording_and_the_source_on_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "show", WORCESTERSHIRE, "--viewpoint", "parent-carers")
    assert code == 0 and "my child's school" in out.lower() and MARK in out
    assert "Your school has" not in out and "Source: Your school" not in out
    code, out, _ = run(capsys, "show", WORCESTERSHIRE, "--viewpoint", "parent-carers", "--source")
    assert code == 0 and "    Source: Your school has" in out
    code, out, _ = run(capsys, "show", WORCESTERSHIRE, "--viewpoint", "school-staff", "--source")
    assert code == 0 and "Source:" not in out.split("\n", 3)[3]  # no wording for school staff: the source is shown
    code, _, err = run(capsys, "show", WORCESTERSHIRE, "--source")
    assert code == 2 and "--viewpoint" in err


def test_show_send_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "send-glossary")
    assert code == 0 and "SENDIASS (Special Educational Needs and Disability Information" in out
    assert f"In plain words: the school's senior leaders {MARK}" in out
    code, out, _ = run(capsys, "show", "send-glossary", "--json")
    assert code == 0 and '"kind": "glossary"' in out
    code, _, err = run(capsys, "show", "nope")
    assert code == 1 and "glossaries: send-glossary" in err


def test_glossary_lists_every_term_or_explains_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "glossary")
    assert code == 0 and out.startswith("SEND glossary") and "\nEHCP: " in out and "\nSLT: " in out
    code, out, _ = run(capsys, "glossary", "slt")
    assert code == 0 and out.startswith("SLT (Senior leadership team)") and "head teacher" in out
    code, out, _ = run(capsys, "glossary", "SENDCO")
    assert code == 0 and out.startswith("SENCO or SENDCO")
    code, _, err = run(capsys, "glossary", "SENCOO")
    assert code == 1 and "does not explain 'SENCOO'" in err and "did you mean" in err
    code, _, err = run(capsys, "glossary", "EHCP", "--glossary", "nope")
    assert code == 1 and "known glossaries: send-glossary" in err
