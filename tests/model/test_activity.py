"""A co-production activity and the level of participation: the model's own rules and the source's words."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from helpers import ROOT

import coproduction as cp

EXAMPLE = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
SEEDS = ROOT.parent.parent / "staging" / "practice"


def activity(**changes: object) -> cp.Activity:
    return attrs.evolve(cp.load(EXAMPLE), **changes)


def test_the_example_holds_durhams_seven_answers_and_six_steps() -> None:
    made = activity()
    assert [answer.question for answer in made.planning] == list(cp.PlanningQuestion)
    assert [step.step for step in made.steps] == list(cp.ActivityStep)
    assert made.answer(cp.PlanningQuestion.BUDGET) == "Fifty pounds for refreshments and printing."
    assert attrs.evolve(made, planning=()).answer(cp.PlanningQuestion.BUDGET) is None
    assert made.total_taking_part == 16
    assert made.evaluation[0].rating(cp.EvaluationQuestion.LISTENED_TO) == 5
    assert made.evaluation[2].rating(cp.EvaluationQuestion.QUALITY_OF_DISCUSSION) is None


def test_the_questions_steps_and_levels_are_the_sources_words() -> None:
    assert cp.PlanningQuestion.METHODS.question == "Which methods should be use?"  # the source's spelling
    assert cp.PlanningQuestion.HOW_TO_CONTACT.question == "How will we contact parents & carers?"
    assert cp.ActivityStep.FEED_BACK.text == "Feedback to parents and carers"
    assert [step.position for step in cp.ActivityStep] == [1, 2, 3, 4, 5, 6]
    assert cp.EvaluationQuestion.LISTENED_TO.question == "Are you being listened to?"
    assert cp.EvaluationQuestion.QUALITY_OF_DISCUSSION.question == "Quality of discussion?"
    assert cp.ParticipationLevel.SERVICE.label == "Service level"
    assert cp.ParticipationLevel.INDIVIDUAL.description.startswith("children, young people and parents/carers are")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the staged seed data is not on this machine")
def test_the_wording_matches_the_staged_seed_data_word_for_word() -> None:
    checklist = json.loads((SEEDS / "coproduction-checklist.json").read_text("utf-8"))
    levels = json.loads((SEEDS / "levels.json").read_text("utf-8"))
    assert {q["id"]: q["text"] for q in checklist["planning_questions"]["items"]} == {
        q.value: q.question for q in cp.PlanningQuestion
    }
    assert [s["text"] for s in checklist["steps"]["items"]] == [s.text for s in cp.ActivityStep]
    assert {i["id"]: (i["label"], i["description"]) for i in levels["levels"]["items"]} == {
        level.value: (level.label, level.description) for level in cp.ParticipationLevel
    }
    assert levels["meeting_evaluation"]["questions"] == [q.question for q in cp.EvaluationQuestion]


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"with_whom": ()}, "say who the activity is with"),
        ({"approaches": ("website", "website")}, "two approaches"),
        ({"reached": "Not A Rung"}, "must be an identifier"),
        ({"planning": (cp.PlanningAnswer("why", "a"), cp.PlanningAnswer("why", "b"))}, "two planning answers"),
        ({"taking_part": (cp.TakingPart("governors", 1), cp.TakingPart("governors", 2))}, "counts of who took part"),
    ],
)
def test_an_activity_refuses_what_makes_no_sense(changes: dict[str, object], words: str) -> None:
    with pytest.raises(ValueError, match=words):
        activity(**changes)


@pytest.mark.parametrize("count", [-1, 1.5, True])
def test_a_count_is_a_whole_number(count: object) -> None:
    with pytest.raises(ValueError, match="whole number"):
        cp.TakingPart(cp.Group.PARENT_CARERS, count)  # type: ignore[arg-type]


@pytest.mark.parametrize("rating", [0, 6, 2.5, False])
def test_a_rating_runs_from_one_to_five(rating: object) -> None:
    with pytest.raises(ValueError, match="from 1 to 5"):
        cp.EvaluationSlip(listened_to=rating)  # type: ignore[arg-type]


def test_a_step_needs_a_date() -> None:
    with pytest.raises(TypeError):
        cp.PlannedStep(cp.ActivityStep.IMPLEMENT, cp.StepStatus.DONE, "2026-01-01")  # type: ignore[arg-type]
    assert cp.PlannedStep("implement", "done", dt.date(2026, 1, 1)).status is cp.StepStatus.DONE
