from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import coproduction as cp


def test_worcestershire_has_seven_standards_and_31_criteria(worcestershire: cp.Framework) -> None:
    assert [s.title for s in worcestershire.sections] == [
        "Shared values",
        "Strategies",
        "Structures",
        "Systems",
        "Staff",
        "Skills and knowledge",
        "Leadership",
    ]
    assert [len(s.criteria) for s in worcestershire.sections] == [6, 5, 2, 4, 4, 4, 6]
    assert all(s.headline and s.summary for s in worcestershire.sections)
    assert [level.name for level in worcestershire.scale.levels] == ["Emerging", "Developing", "Embedded"]
    assert not worcestershire.allows_not_applicable
    assert worcestershire.source is not None and worcestershire.source.publisher == "Worcestershire County Council"


def test_durham_audit_tool(durham: cp.Framework) -> None:
    assert [level.name for level in durham.scale.levels] == ["Not started", "In progress", "Embedded"]
    assert durham.allows_not_applicable
    assert durham.evidence_prompt and "evidence" in durham.evidence_prompt
    assert len(durham.criteria) == 20
    assert (
        durham.criterion(durham.criteria[0].id).text
        == "All staff have an understanding of parent engagement and coproduction"
    )


@pytest.mark.parametrize(
    ("ladder_id", "rungs", "bands"),
    [
        (
            "durham-degrees-of-participation",
            ["No engagement", "Information", "Consultation", "Engagement", "Co-production"],
            None,
        ),
        (
            "tlap-ladder-of-coproduction",
            ["Coercion", "Educating", "Informing", "Consultation", "Engagement", "Co-design", "Co-production"],
            ["doing-to", "doing-to", "doing-for", "doing-for", "doing-for", "doing-with", "doing-with"],
        ),
        ("hart-ladder-of-participation", None, ["non-participation"] * 3 + ["participation"] * 5),
        (
            "arnstein-ladder-of-citizen-participation",
            None,
            ["non-participation"] * 2 + ["tokenism"] * 3 + ["citizen-power"] * 3,
        ),
    ],
)
def test_ladders(catalogue: cp.Catalogue, ladder_id: str, rungs: list[str] | None, bands: list[str] | None) -> None:
    ladder = catalogue.ladder(ladder_id)
    if rungs is not None:
        assert [r.name for r in ladder.rungs] == rungs
    if bands is not None:
        assert [r.band for r in ladder.rungs] == bands
    assert ladder.source is not None and ladder.source.year > 1900


def test_every_item_is_attributed(catalogue: cp.Catalogue) -> None:
    items = [*catalogue.frameworks(), *catalogue.ladders(), *catalogue.glossaries()]
    assert len(items) == 7
    for item in items:
        assert item.source is not None and item.source.publisher and item.source.title and item.source.year


def test_glossary_spells_out_acronyms(catalogue: cp.Catalogue) -> None:
    glossary = catalogue.glossary()
    sendiass = glossary.lookup("sendiass")
    assert sendiass is not None and sendiass.expansion and "Information" in sendiass.expansion


def test_unknown_ids_list_what_there_is(catalogue: cp.Catalogue) -> None:
    with pytest.raises(cp.UnknownFrameworkError, match="known frameworks: durham-audit-tool-for-participation"):
        catalogue.framework("nope")
    with pytest.raises(LookupError, match="known ladders"):
        catalogue.ladder("nope")


@pytest.mark.parametrize(
    ("look_up", "error", "code"),
    [
        (lambda c: c.framework("nope"), cp.UnknownFrameworkError, "unknown-framework"),
        (
            lambda c: c.framework("worcestershire-seven-quality-standards", "0.0"),
            cp.UnknownFrameworkError,
            "unknown-framework",
        ),
        (lambda c: c.ladder("nope"), cp.UnknownLadderError, "unknown-ladder"),
        (lambda c: c.glossary("nope"), cp.UnknownGlossaryError, "unknown-glossary"),
    ],
)
def test_each_kind_of_miss_has_its_own_error(
    catalogue: cp.Catalogue, look_up: Callable[[cp.Catalogue], object], error: type[Exception], code: str
) -> None:
    with pytest.raises(error) as raised:
        look_up(catalogue)
    assert isinstance(raised.value, cp.UnknownCatalogueItemError)
    assert isinstance(raised.value, LookupError)
    assert raised.value.code == code
    kinds = {cp.UnknownFrameworkError, cp.UnknownLadderError, cp.UnknownGlossaryError}
    assert [kind for kind in kinds if isinstance(raised.value, kind)] == [error]


def test_a_council_loads_its_own_framework(tmp_path: Path, catalogue: cp.Catalogue) -> None:
    own = {
        "kind": "framework",
        "schema_version": 1,
        "id": "shire-standards",
        "version": "2025",
        "title": "Shire standards",
        "scale": {
            "id": "rag",
            "name": "RAG",
            "levels": [
                {"id": "red", "name": "Red", "value": 1},
                {"id": "amber", "name": "Amber", "value": 2},
                {"id": "green", "name": "Green", "value": 3},
            ],
        },
        "sections": [{"id": "voice", "title": "Voice", "criteria": [{"id": "voice-1", "text": "Parents are heard."}]}],
    }
    path = tmp_path / "own.json"
    path.write_text(json.dumps(own))
    bigger = catalogue.including_file(path)
    assert bigger.framework("shire-standards").scale.names() == "Red, Amber or Green"
    assert len(bigger.frameworks()) == len(catalogue.frameworks()) + 1
    own["sections"] = []
    path.write_text(json.dumps(own))
    with pytest.raises(cp.InvalidDocumentError) as caught:
        catalogue.including_file(path)
    assert caught.value.problems[0].path == "sections" and str(path) in str(caught.value)


def test_an_inconsistent_ladder_names_the_places(tmp_path: Path) -> None:
    ladder = {
        "kind": "ladder",
        "schema_version": 1,
        "id": "mine",
        "name": "Mine",
        "bands": [{"id": "low", "name": "Low"}],
        "rungs": [{"id": "a", "name": "A", "band": "low"}, {"id": "a", "name": "B", "band": "high"}],
    }
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(ladder)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("rungs[1].band", "unknown-band"),
        ("rungs[1].id", "duplicate-id"),
    ]
