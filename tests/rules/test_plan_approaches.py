"""Suggested approaches attached to a plan's actions, and the approach named on a feedback entry, in and out of JSON."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from cycle_example import FRAMEWORK, OAK, parent_audit, school_audit
from hypothesis import given, settings
from hypothesis import strategies as st

import coproduction as cp
from coproduction import testing

CATALOGUE = cp.default_catalogue()
APPROACH_IDS = [approach.id for approach in CATALOGUE.approaches()]


def _plan() -> cp.ActionPlan:
    comparison = cp.compare_perspectives([school_audit(), parent_audit()], FRAMEWORK)
    return cp.propose_plan(comparison, FRAMEWORK).plan


def test_the_most_helpful_suggestions_are_attached_to_every_action() -> None:
    suggestions = CATALOGUE.suggest_approaches(barriers=["work", "lack-of-time"])
    plan = cp.attach_approaches(_plan(), suggestions)
    expected = tuple(suggestion.approach.id for suggestion in suggestions[: cp.MOST_APPROACHES])
    assert len(expected) == 3
    assert plan.actions and all(action.approaches == expected for action in plan.actions)
    assert [attrs.evolve(action, approaches=()) for action in plan.actions] == list(_plan().actions)


def test_an_actions_own_approaches_are_kept_first() -> None:
    plan = _plan()
    first = attrs.evolve(plan.actions[0], approaches=("emails",))
    plan = attrs.evolve(plan, actions=[first, *plan.actions[1:]])
    suggestions = CATALOGUE.suggest_approaches(barriers=["work"])
    attached = cp.attach_approaches(plan, suggestions, most=2)
    assert attached.actions[0].approaches[0] == "emails"
    assert len(attached.actions[0].approaches) == 2
    assert len(set(attached.actions[0].approaches)) == 2


@pytest.mark.parametrize("most", [0, -1, True, 1.5])
def test_most_must_be_a_whole_number_of_at_least_one(most: object) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        cp.attach_approaches(_plan(), [], most=most)  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(
    barriers=st.lists(st.sampled_from([barrier.id for barrier in CATALOGUE.barriers()]), max_size=4, unique=True),
    most=st.integers(1, 6),
)
def test_attaching_never_exceeds_most_nor_repeats_nor_drops(barriers: list[str], most: int) -> None:
    suggestions = CATALOGUE.suggest_approaches(barriers=barriers)
    plan = cp.attach_approaches(_plan(), suggestions, most=most)
    suggested = [suggestion.approach.id for suggestion in suggestions]
    for action in plan.actions:
        assert len(action.approaches) == min(most, len(suggested))
        assert list(action.approaches) == suggested[: len(action.approaches)]


def test_a_plan_without_approaches_writes_what_it_always_wrote() -> None:
    data = cp.to_dict(_plan())
    assert all("approaches" not in action for action in data["actions"])
    with_them = cp.to_dict(cp.attach_approaches(_plan(), CATALOGUE.suggest_approaches(barriers=["work"])))
    assert all(action["approaches"] for action in with_them["actions"])
    assert cp.from_dict(with_them, catalogue=CATALOGUE.including(FRAMEWORK)) == cp.attach_approaches(
        _plan(), CATALOGUE.suggest_approaches(barriers=["work"])
    )


def test_an_unknown_approach_on_an_action_is_named_with_its_path() -> None:
    data = cp.to_dict(_plan())
    data["actions"][1]["approaches"] = ["emails", "carrier-pigeons"]
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data, catalogue=CATALOGUE.including(FRAMEWORK))
    assert [(p.path, p.code) for p in caught.value.problems] == [("actions[1].approaches[1]", "unknown-approach")]


def _log(approach: str | None) -> cp.FeedbackLog:
    entry = cp.FeedbackEntry(
        id="parking",
        said="The car park is full at pick-up, so we cannot come to meetings.",
        said_by=cp.Contributor(cp.Group.PARENT_CARERS),
        channel=cp.Channel.COFFEE_MORNING,
        date=dt.date(2026, 1, 12),
        approach=approach,
    )
    return cp.FeedbackLog(organisation=OAK, entries=[entry])


def test_a_feedback_entry_names_the_approach_used_and_it_is_checked() -> None:
    data = cp.to_dict(_log("send-coffee-mornings"))
    assert data["entries"][0]["approach"] == "send-coffee-mornings"
    assert cp.from_dict(data, catalogue=CATALOGUE) == _log("send-coffee-mornings")
    assert "approach" not in cp.to_dict(_log(None))["entries"][0]
    data["entries"][0]["approach"] = "carrier-pigeons"
    with pytest.raises(cp.InvalidDocumentError) as caught:
        cp.from_dict(data, catalogue=CATALOGUE)
    assert [(p.path, p.code) for p in caught.value.problems] == [("entries[0].approach", "unknown-approach")]


def test_approach_name_falls_back_to_the_id() -> None:
    assert cp.approach_name(CATALOGUE, "send-coffee-mornings") == "SEND coffee mornings"
    assert cp.approach_name(CATALOGUE, "carrier-pigeons") == "carrier-pigeons"


@settings(max_examples=20, deadline=None)
@given(log=testing.feedback_logs(approaches=APPROACH_IDS))
def test_feedback_logs_naming_approaches_round_trip(log: cp.FeedbackLog) -> None:
    text = json.dumps(cp.to_dict(log))
    assert cp.loads(text, catalogue=CATALOGUE) == log
