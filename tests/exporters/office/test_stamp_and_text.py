"""The template stamp, the fingerprint and the storable-text check, shared by both Office plugins."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import coproduction as cp
from coproduction.exporters.office import FORBIDDEN_XML_CHARACTER, StorableText, TemplateStamp, excerpt, fingerprint


def test_the_fingerprint_follows_the_exact_text(catalogue: cp.Catalogue) -> None:
    framework = catalogue.framework("worcestershire-seven-quality-standards")
    edited = attrs.evolve(framework, title=framework.title + " (draft)")
    assert len(fingerprint(framework)) == 16 and fingerprint(framework) == fingerprint(framework)
    assert fingerprint(edited) != fingerprint(framework)
    stamp = TemplateStamp.of(framework, kind="coproduction-audit-template", layout_version="1")
    assert stamp.matches(framework) and not stamp.matches(edited)
    assert (stamp.framework, stamp.framework_version) == (framework.id, framework.version)


@pytest.mark.parametrize("plugin", ["coproduction_docx._layout", "coproduction_xlsx._layout"])
def test_both_plugins_use_the_one_fingerprint(plugin: str, catalogue: cp.Catalogue) -> None:
    layout = pytest.importorskip(plugin)
    for framework in catalogue.frameworks():
        assert layout.fingerprint(framework) == fingerprint(framework)


def test_every_problem_is_listed_with_its_place() -> None:
    checks = StorableText("an Excel workbook")
    checks.check("fine", "A1", max_chars=10)
    checks.check("x" * 11, "A2", max_chars=10, limit_name="a cell")
    checks.check("bell\x07", "A3")
    checks.check("\ud800", "A4")
    assert [(p.path, p.code) for p in checks.problems] == [
        ("A2", "text-too-long"),
        ("A3", "illegal-character"),
        ("A4", "illegal-character"),
    ]
    with pytest.raises(cp.ExportError, match="3 text"):
        checks.raise_if_any("the report")


@given(st.text())
def test_forbidden_characters_are_exactly_what_xml_cannot_hold(text: str) -> None:
    allowed = all(
        ch in "\t\n\r" or 0x20 <= ord(ch) <= 0xD7FF or 0xE000 <= ord(ch) <= 0xFFFD or ord(ch) > 0xFFFF for ch in text
    )
    assert (FORBIDDEN_XML_CHARACTER.search(text) is None) == allowed


@given(st.text(max_size=5000))
def test_excerpts_are_at_most_sixty_characters(text: str) -> None:
    assert len(excerpt(text)) <= 60
