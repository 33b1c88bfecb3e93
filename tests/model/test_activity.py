"""A co-production activity and the level of participation: the model's own rules and the source's words."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import attrs
import pytest
from helpers import ROOT

import coproduction as cp

EXAMPLE = ROOT / "examples" / "activities" / "oak-primary-homework-coffee-morning.json"
SEEDS = Path(os.environ.get("COPRODUCTION_SEEDS") or ROOT.parent / "shared" / "seeds")


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


def _seeds() -> str:
    if not SEEDS.is_dir():
        pytest.fail(
            f"the source documents are not in {SEEDS}: this test checks the activity's wording word for word "
            "against them, which CI puts in ../shared/seeds beside the clone (or set COPRODUCTION_SEEDS)"
        )
    return " ".join(re.sub(r"\s+", " ", path.read_text("utf-8")) for path in sorted(SEEDS.glob("*.txt")))


def test_the_wording_is_the_seeds_word_for_word() -> None:
    seeds = _seeds()
    texts = [
        *(question.question for question in cp.PlanningQuestion),
        *(step.text for step in cp.ActivityStep),
        *(level.label for level in cp.ParticipationLevel),
        *(level.description for level in cp.ParticipationLevel),
        *(question.question for question in cp.EvaluationQuestion),
    ]
    assert len(texts) == 7 + 6 + 3 + 3 + 2
    assert [text for text in texts if text not in seeds] == []


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
