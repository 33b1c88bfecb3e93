"""Loading wordings and marks of the library's words: every problem named by its JSON path."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

import coproduction as cp

FRAMEWORK: dict[str, Any] = {
    "kind": "framework",
    "schema_version": 1,
    "id": "shire",
    "version": "1",
    "title": "Shire standards",
    "scale": {
        "id": "rag",
        "name": "RAG",
        "levels": [{"id": "red", "name": "Red", "value": 1}, {"id": "green", "name": "Green", "value": 2}],
    },
    "sections": [
        {
            "id": "voice",
            "title": "Voice",
            "criteria": [
                {
                    "id": "voice-1",
                    "text": "Your school hears parents.",
                    "examples": ["forums"],
                    "wording": [
                        {"viewpoint": "parent-carers", "field": "text", "text": "My child's school hears me."},
                        {"viewpoint": "parent-carers", "field": "examples[0]", "text": "meetings for parents"},
                    ],
                    "library_authored": ["examples[0]"],
                }
            ],
        }
    ],
}


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data)
    return [(problem.path, problem.code) for problem in caught.value.problems]


def test_a_framework_with_wording_round_trips() -> None:
    framework = cp.from_dict(FRAMEWORK, cp.Framework)
    assert cp.wording_for(framework.criteria[0], cp.Perspective.PARENT_CARERS) == "My child's school hears me."
    assert cp.loads(cp.dumps(framework)) == framework
    assert json.loads(cp.dumps(framework))["sections"][0]["criteria"][0]["library_authored"] == ["examples[0]"]


def test_wording_of_a_missing_example_and_a_repeated_wording_are_named() -> None:
    data = copy.deepcopy(FRAMEWORK)
    wording = data["sections"][0]["criteria"][0]["wording"]
    wording.append({"viewpoint": "parent-carers", "field": "examples[3]", "text": "more"})
    wording.append({"viewpoint": "parent-carers", "field": "text", "text": "again"})
    data["sections"][0]["wording"] = [{"viewpoint": "joint", "field": "summary", "text": "No summary to reword"}]
    assert sorted(problems(data)) == [
        ("sections[0].criteria[0].wording[2].field", "nothing-to-reword"),
        ("sections[0].criteria[0].wording[3]", "duplicate-wording"),
        ("sections[0].wording[0].field", "nothing-to-reword"),
    ]


def test_a_wording_whose_viewpoint_is_not_text_is_refused_by_the_schema_not_a_crash() -> None:
    data = copy.deepcopy(FRAMEWORK)
    data["sections"][0]["criteria"][0]["wording"][0]["viewpoint"] = ["parent-carers"]
    assert problems(data) == [("sections[0].criteria[0].wording[0].viewpoint", "not-allowed-value")]


def test_a_mark_on_an_empty_field_is_named() -> None:
    data = copy.deepcopy(FRAMEWORK)
    data["library_authored"] = ["evidence_prompt"]
    data["sections"][0]["criteria"][0]["library_authored"] = ["guidance", "examples[2]"]
    assert sorted(problems(data)) == [
        ("library_authored[0]", "nothing-marked"),
        ("sections[0].criteria[0].library_authored[0]", "nothing-marked"),
        ("sections[0].criteria[0].library_authored[1]", "nothing-marked"),
    ]


def test_the_schema_refuses_a_mark_of_a_field_an_item_does_not_have() -> None:
    data = copy.deepcopy(FRAMEWORK)
    data["sections"][0]["library_authored"] = ["text"]
    assert problems(data)[0][0] == "sections[0].library_authored[0]"


def test_a_glossary_mark_on_a_missing_expansion_is_named() -> None:
    glossary = {
        "kind": "glossary",
        "schema_version": 1,
        "id": "words",
        "name": "Words",
        "terms": [
            {
                "term": "Carer",
                "expansion": None,
                "definition": "",
                "plain": "a carer",
                "library_authored": ["expansion", "plain"],
            }
        ],
    }
    assert problems(glossary) == [("terms[0].library_authored[0]", "nothing-marked")]
    glossary["terms"][0]["library_authored"] = ["plain"]  # type: ignore[index]
    assert cp.from_dict(glossary, cp.Glossary).terms[0].library_authored == ("plain",)
