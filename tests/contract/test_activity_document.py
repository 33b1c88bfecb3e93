"""An activity document: the cross-check against the catalogue, and the level added to plans, feedback and charters."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from helpers import ROOT
from hypothesis import given

import coproduction as cp
from coproduction.contract.checks.activity import check_activity_data
from coproduction.contract.serialization import make_converter
from coproduction.testing import action_plans, charters, feedback_logs, frameworks

EXAMPLE = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
V1 = ROOT / "tests" / "fixtures" / "schema-v1"
CONVERTER = make_converter()


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text("utf-8"))


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in check_activity_data(data, cp.default_catalogue())]


def test_the_example_has_no_problems() -> None:
    assert problems(example()) == []


def test_unknown_ladder_rung_and_approach_are_each_placed() -> None:
    data = example()
    data["aims_at"], data["reached"], data["approaches"][1] = "top", "bottom", "carrier-pigeon"
    assert problems(data) == [
        ("aims_at", "unknown-rung"),
        ("reached", "unknown-rung"),
        ("approaches[1]", "unknown-approach"),
    ]
    data["ladder"] = "no-such-ladder"
    assert ("ladder", "unknown-ladder") in problems(data)


def test_a_question_step_or_group_given_twice_is_placed() -> None:
    data = example()
    data["planning"].append(copy.deepcopy(data["planning"][0]))
    data["steps"].append(copy.deepcopy(data["steps"][2]))
    data["taking_part"].append(copy.deepcopy(data["taking_part"][0]))
    assert problems(data) == [
        ("planning[7].question", "duplicate-id"),
        ("steps[6].step", "duplicate-id"),
        ("taking_part[2].group", "duplicate-id"),
    ]


def test_loading_reports_every_problem_and_the_message_names_the_place() -> None:
    data = example()
    data["approaches"][0] = "carrier-pigeon"
    with pytest.raises(cp.InvalidDocumentError) as raised:
        cp.from_dict(data)
    assert [(p.path, p.code) for p in raised.value.problems] == [("approaches[0]", "unknown-approach")]
    assert "carrier-pigeon" in raised.value.problems[0].message


def test_a_wrong_kind_of_value_is_refused_by_the_schema() -> None:
    data = example()
    data["taking_part"][0]["count"] = -3
    data["evaluation"][0]["listened_to"] = 9
    data["taking_part"][1]["names"] = ["Sam"]
    with pytest.raises(cp.InvalidDocumentError) as raised:
        cp.from_dict(data)
    paths = {p.path for p in raised.value.problems}
    assert {"taking_part[0].count", "evaluation[0].listened_to", "taking_part[1].names"} <= paths


@pytest.mark.parametrize("kind", ["action-plan", "charter", "feedback-log"])
def test_a_version_1_document_without_levels_reads_back_exactly(kind: str) -> None:
    text = (V1 / f"{kind}.json").read_text("utf-8")
    assert "level" not in json.loads(text).get("actions", json.loads(text).get("entries", [{}]))[0]
    assert json.loads(cp.dumps(cp.load(V1 / f"{kind}.json"))) == json.loads(text)


def _with_level(data: dict[str, Any], field: str, level: str) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    changed[field][0]["level"] = level
    return changed


@pytest.mark.parametrize(
    ("kind", "field"), [("action-plan", "actions"), ("charter", "commitments"), ("feedback-log", "entries")]
)
def test_a_level_is_read_and_written_back(kind: str, field: str) -> None:
    data = _with_level(json.loads((V1 / f"{kind}.json").read_text("utf-8")), field, "strategic")
    loaded = cp.from_dict(data)
    assert getattr(loaded, field)[0].level is cp.ParticipationLevel.STRATEGIC
    assert json.loads(cp.dumps(loaded)) == data
    with pytest.raises(cp.InvalidDocumentError) as raised:
        cp.from_dict(_with_level(data, field, "national"))
    assert [p.path for p in raised.value.problems] == [f"{field}[0].level"]


@given(frameworks().flatmap(lambda framework: action_plans(framework, levels=True)))
def test_plans_with_levels_round_trip(plan: cp.ActionPlan) -> None:
    data = CONVERTER.unstructure(plan)
    assert all(("level" in action) == (plan.action(action["id"]).level is not None) for action in data["actions"])
    assert CONVERTER.structure(json.loads(json.dumps(data)), cp.ActionPlan) == plan


@given(charters(levels=True))
def test_charters_with_levels_round_trip(charter: cp.Charter) -> None:
    assert cp.loads(cp.dumps(charter)) == charter


@given(feedback_logs(levels=True))
def test_feedback_logs_with_levels_round_trip(log: cp.FeedbackLog) -> None:
    assert cp.loads(cp.dumps(log)) == log
