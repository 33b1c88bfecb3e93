"""Co-production activities, as data: Durham's checklist, Barnsley's levels and the participants' evaluation."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from coproduction.model._excerpt import excerpt
from coproduction.model._metadata import NOT_PROSE
from coproduction.model._validators import non_blank, slug, to_tuple, unique
from coproduction.model.contributors import Contributor, Group
from coproduction.model.levels import ParticipationLevel
from coproduction.model.organisation import Organisation
from coproduction.model.source import CitedSource

__all__ = [
    "CHECKLIST_SOURCE",
    "EVALUATION_SOURCE",
    "MAX_RATING",
    "Activity",
    "ActivityStep",
    "EvaluationQuestion",
    "EvaluationSlip",
    "PlannedStep",
    "PlanningAnswer",
    "PlanningQuestion",
    "StepStatus",
    "TakingPart",
]

CHECKLIST_SOURCE = CitedSource(
    publisher="Durham County Council",
    title="SEND Participation Strategy: engaging and involving parents & carers",
    year=2018,
)
"""Where the planning questions and steps come from (its "co-production checklist")."""

EVALUATION_SOURCE = CitedSource(title="SEND Co-Production Event 29th October 2018", year=2018)
"""Where the evaluation questions come from (the event notes, "Invited to meetings")."""

MAX_RATING = 5
"""Ratings on an evaluation slip run from 1 (not at all) to this (completely)."""


class PlanningQuestion(enum.Enum):
    """Durham's seven questions to answer before co-producing something."""

    WHY = "why"
    WHAT = "what"
    WHO = "who"
    HOW_TO_CONTACT = "how-to-contact"
    METHODS = "methods"
    BUDGET = "budget"
    WHO_DOES_IT = "who-does-it"

    @property
    def question(self) -> str:
        """The question in the source's words (and spelling)."""
        return _QUESTIONS[self]


_QUESTIONS = {
    PlanningQuestion.WHY: "Why are we doing it?",
    PlanningQuestion.WHAT: "What do we want to achieve?",
    PlanningQuestion.WHO: "Who do we involve?",
    PlanningQuestion.HOW_TO_CONTACT: "How will we contact parents & carers?",
    PlanningQuestion.METHODS: "Which methods should be use?",
    PlanningQuestion.BUDGET: "What is the budget?",
    PlanningQuestion.WHO_DOES_IT: "Who is going to do it?",
}


class ActivityStep(enum.Enum):
    """Durham's six steps of co-producing something, in order."""

    DO_AND_REVIEW = "do-and-review"
    COLLECT_AND_ANALYSE_FEEDBACK = "collect-and-analyse-feedback"
    DEVELOP_ACTION_PLAN = "develop-action-plan"
    FEED_BACK = "feed-back"
    IMPLEMENT = "implement"
    KEEP_GOING = "keep-going"

    @property
    def text(self) -> str:
        """The step in the source's words."""
        return _STEPS[self]

    @property
    def position(self) -> int:
        """Its place in the source's order, from 1."""
        return list(ActivityStep).index(self) + 1


_STEPS = {
    ActivityStep.DO_AND_REVIEW: "Do it and review it",
    ActivityStep.COLLECT_AND_ANALYSE_FEEDBACK: "Collect and analyse feedback",
    ActivityStep.DEVELOP_ACTION_PLAN: "Develop an action plan",
    ActivityStep.FEED_BACK: "Feedback to parents and carers",
    ActivityStep.IMPLEMENT: "Implement actions",
    ActivityStep.KEEP_GOING: "Keep going!",
}


class StepStatus(enum.Enum):
    """Where a step has got to."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"

    @property
    def label(self) -> str:
        """The plain-English name, such as "in progress"."""
        return self.value.replace("-", " ")


class EvaluationQuestion(enum.Enum):
    """What participants are asked about a meeting, from the event notes."""

    LISTENED_TO = "listened-to"
    QUALITY_OF_DISCUSSION = "quality-of-discussion"

    @property
    def question(self) -> str:
        """The question in the source's words."""
        return _EVALUATION_QUESTIONS[self]


_EVALUATION_QUESTIONS = {
    EvaluationQuestion.LISTENED_TO: "Are you being listened to?",
    EvaluationQuestion.QUALITY_OF_DISCUSSION: "Quality of discussion?",
}


def _rating(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_RATING:
        raise ValueError(
            f"a rating of {attribute.name.replace('_', ' ')} is a whole number from 1 to {MAX_RATING}; "
            f"got {excerpt(value)}"
        )


@attrs.frozen
class PlanningAnswer:
    """The answer to one of Durham's planning questions.

    Attributes:
        question: Which question.
        answer: The answer, in plain English.
    """

    question: PlanningQuestion = attrs.field(converter=PlanningQuestion, metadata=NOT_PROSE)
    answer: str = attrs.field(validator=non_blank)


@attrs.frozen
class PlannedStep:
    """One of Durham's six steps, with where it has got to.

    Attributes:
        step: Which step.
        status: Where it has got to.
        date: When it is planned for, or when it was done.
    """

    step: ActivityStep = attrs.field(converter=ActivityStep, metadata=NOT_PROSE)
    status: StepStatus = attrs.field(converter=StepStatus, metadata=NOT_PROSE)
    date: dt.date = attrs.field(validator=attrs.validators.instance_of(dt.date))


@attrs.frozen
class TakingPart:
    """How many of a group took part: a number, never names.

    Attributes:
        group: The group.
        count: How many took part (0 when none came).

    Raises:
        ValueError: If the count is not a whole number of at least 0.
    """

    group: Group = attrs.field(converter=Group, metadata=NOT_PROSE)
    count: int = attrs.field()

    @count.validator
    def _ensure_count(self, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"the number of {self.group.label} taking part is a whole number; got {excerpt(value)}")


@attrs.frozen
class EvaluationSlip:
    """One participant's evaluation of the activity, anonymous.

    Attributes:
        listened_to: "Are you being listened to?", rated 1 (not at all) to 5
            (completely), or None when not answered.
        quality_of_discussion: "Quality of discussion?", rated 1 (poor) to 5
            (very good), or None when not answered.
        comment: Anything else they wrote (never a child's name).
    """

    listened_to: int | None = attrs.field(default=None, validator=_rating)
    quality_of_discussion: int | None = attrs.field(default=None, validator=_rating)
    comment: str = ""

    def rating(self, question: EvaluationQuestion) -> int | None:
        """The rating given to a question, or None."""
        return self.listened_to if question is EvaluationQuestion.LISTENED_TO else self.quality_of_discussion


@attrs.frozen(kw_only=True)
class Activity:
    """One co-production activity: a meeting, a survey, a working group.

    Attributes:
        id: Stable identifier, such as ``autumn-coffee-morning``.
        organisation: The school, setting or service that runs it.
        title: Its name, such as "Coffee morning on homework".
        purpose: What it is for, in plain English.
        with_whom: Who it is with: groups and roles, never named children.
        level: The level it works at: individual, service or strategic.
        ladder: The id of the participation ladder its rungs are on.
        aims_at: The id of the rung it aims for.
        reached: The id of the rung it reached, once that is known.
        planning: Answers to Durham's seven planning questions, each once.
        steps: Durham's six steps, each once, with status and date.
        approaches: Ids of the catalogue's approaches it uses.
        taking_part: How many of each group took part, each group once.
        evaluation: The participants' evaluation slips.

    Raises:
        ValueError: If nobody is named as taking part, or a question, step,
            approach or group is given twice.
    """

    id: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    organisation: Organisation = attrs.field(metadata=NOT_PROSE)
    title: str = attrs.field(validator=non_blank)
    purpose: str = attrs.field(validator=non_blank)
    with_whom: tuple[Contributor, ...] = attrs.field(converter=to_tuple)
    level: ParticipationLevel = attrs.field(converter=ParticipationLevel, metadata=NOT_PROSE)
    ladder: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    aims_at: str = attrs.field(validator=slug, metadata=NOT_PROSE)
    reached: str | None = attrs.field(default=None, metadata=NOT_PROSE)
    planning: tuple[PlanningAnswer, ...] = attrs.field(default=(), converter=to_tuple)
    steps: tuple[PlannedStep, ...] = attrs.field(default=(), converter=to_tuple)
    approaches: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=attrs.validators.deep_iterable(slug), metadata=NOT_PROSE
    )
    taking_part: tuple[TakingPart, ...] = attrs.field(default=(), converter=to_tuple)
    evaluation: tuple[EvaluationSlip, ...] = attrs.field(default=(), converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        if not self.with_whom:
            raise ValueError("say who the activity is with: at least one group, such as parent carers")
        if self.reached is not None:
            slug(self, attrs.fields(Activity).reached, self.reached)
        unique("planning answers", (answer.question.value for answer in self.planning))
        unique("steps", (step.step.value for step in self.steps))
        unique("approaches", self.approaches)
        unique("counts of who took part", (part.group.value for part in self.taking_part))

    def answer(self, question: PlanningQuestion) -> str | None:
        """The answer to a planning question, or None when it is not answered yet."""
        return next((a.answer for a in self.planning if a.question is question), None)

    @property
    def total_taking_part(self) -> int:
        """How many took part, all groups together."""
        return sum(part.count for part in self.taking_part)
