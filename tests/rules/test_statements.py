"""Naming a framework's statements in documents: by section and number, worded for the reader, or by reference."""

from __future__ import annotations

import coproduction as cp

WORCESTERSHIRE = "worcestershire-seven-quality-standards"


def _framework() -> cp.Framework:
    return cp.default_catalogue().framework(WORCESTERSHIRE)


def test_a_statement_is_named_by_its_section_and_number() -> None:
    framework = _framework()
    first = framework.sections[0].criteria[3]
    index = cp.StatementIndex(framework)
    assert index.reference(first.id) == f"{framework.sections[0].title}, statement 4"
    assert index.wording(first.id) == index.text(first.id) == first.text


def test_parent_carers_read_their_own_wording_with_the_source_kept() -> None:
    framework = _framework()
    criterion = framework.criteria[0]
    index = cp.StatementIndex(framework, cp.Perspective.PARENT_CARERS)
    assert index.wording(criterion.id) == cp.wording_for(criterion, cp.Perspective.PARENT_CARERS)
    assert index.wording(criterion.id) != criterion.text


def test_without_the_framework_a_statement_reads_by_its_reference() -> None:
    index = cp.StatementIndex(None)
    assert index.reference("voice-9") == index.text("voice-9") == "voice-9"
    assert index.wording("voice-9") is None
    assert cp.StatementIndex(_framework()).text("not-a-statement") == "not-a-statement"


def test_level_names_fall_back_to_the_id() -> None:
    index = cp.StatementIndex(_framework())
    level = _framework().scale.levels[-1]
    assert index.level_name(level.id) == level.name
    assert index.level_name("purple") == "purple"
    assert index.level_name(None) == ""


def test_find_returns_none_where_the_lookup_raises() -> None:
    catalogue = cp.default_catalogue()
    assert catalogue.find_framework(WORCESTERSHIRE) == catalogue.framework(WORCESTERSHIRE)
    assert catalogue.find_framework("nowhere") is None
    assert catalogue.find_framework(WORCESTERSHIRE, "99") is None
    ladder = catalogue.ladders()[0]
    assert catalogue.find_ladder(ladder.id) == ladder
    assert catalogue.find_ladder("nowhere") is None
