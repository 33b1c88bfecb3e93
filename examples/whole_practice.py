"""The whole practice: barriers, approaches, two co-production activities, an evaluation and a calendar.

A school records the barriers its families met (each family ticks the
catalogue's barriers on the barriers survey), picks approaches for the most common ones, plans two
activities at different levels (one about a single child's support, one about
the school's policy), records how one went, and publishes the dates as a
calendar of key consultations that opens in Outlook and Google Calendar.

Run it from the repository root::

    python examples/whole_practice.py
    python examples/whole_practice.py --out out   # keep the activities and the .ics file
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

import attrs

import coproduction as cp
from coproduction.exporters import default_registry

SCHOOL = cp.Organisation("Oak Primary School", identifier="999901")
LADDER = "durham-degrees-of-participation"

# What each of eight families ticked on the barriers survey this September (ids from `coproduction barriers`).
RETURNS = [
    ["work", "lack-of-time"],
    ["work", "family-or-caring-commitments"],
    ["anxiety-about-formal-meetings", "too-much-jargon"],
    ["work", "too-much-jargon"],
    ["confidence-in-english"],
    ["family-or-caring-commitments", "no-transport"],
    ["work", "anxiety-about-formal-meetings"],
    ["too-much-jargon", "lack-of-time"],
]


def steps(first: dt.date, every_weeks: int) -> list[cp.PlannedStep]:
    """Durham's six steps, the first on ``first`` and each after the one before, none started."""
    return [
        cp.PlannedStep(step, cp.StepStatus.NOT_STARTED, first + dt.timedelta(weeks=every_weeks * index))
        for index, step in enumerate(cp.ActivityStep)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write into (default: a temporary folder)")
    args = parser.parse_args(argv)
    catalogue = cp.default_catalogue()

    # 1. The barriers families met, most common first: one anonymous return per family for this cohort
    #    (`coproduction barriers-survey template` makes the survey they fill in; `summary` reads them back).
    returns = [
        cp.BarriersReturn(
            organisation=SCHOOL,
            cohort="Reception, September 2025",
            date=dt.date(2025, 9, 19),
            perspective=cp.Perspective.PARENT_CARERS,
            asked=[barrier.id for barrier in catalogue.barriers()],
            met=ticked,
        )
        for ticked in RETURNS
    ]
    summary = cp.summarise_barriers(
        returns, catalogue.barriers(), catalogue.approaches(), catalogue.help_links(), top=2
    )
    print(f"Barriers met by {summary.returns} families:")
    for count in summary.counts:
        if count.met:
            print(f"  {count.met}  {cp.survey_text(catalogue.barrier(count.barrier))}")
    common = list(summary.most_common)

    # 2. Approaches for the most common barriers, those that help with most of them first.
    suggestions = list(summary.suggestions)
    chosen = [suggestion.approach.id for suggestion in suggestions[:3]]
    print(f"\nApproaches for {', '.join(common)}:")
    for suggestion in suggestions[:3]:
        bases = sorted({link.basis.value for link in suggestion.links})
        print(f"  {suggestion.approach.name} (helps with {len(suggestion.links)}; basis: {', '.join(bases)})")

    # 3. Two activities at different levels.
    review_meeting = cp.Activity(
        id="person-centred-review-meetings",
        organisation=SCHOOL,
        title="Person-centred review meetings at times that suit working parents",
        purpose="Agree outcomes for each child with their family, at a time and in a way the family can manage.",
        with_whom=[cp.Contributor(cp.Group.PARENT_CARERS), cp.Contributor(cp.Group.SCHOOL_STAFF, "class teachers")],
        level=cp.ParticipationLevel.INDIVIDUAL,
        ladder=LADDER,
        aims_at="co-production",
        planning=[
            cp.PlanningAnswer(cp.PlanningQuestion.WHY, "Working parents told us daytime meetings are hard to get to."),
            cp.PlanningAnswer(cp.PlanningQuestion.WHAT, "Every family chooses the time of its review meeting."),
            cp.PlanningAnswer(cp.PlanningQuestion.WHO_DOES_IT, "The SENCo and class teachers."),
        ],
        steps=steps(dt.date(2025, 10, 6), 4),
        approaches=chosen[:2],
    )
    policy_group = cp.Activity(
        id="homework-policy-working-group",
        organisation=SCHOOL,
        title="Homework policy working group",
        purpose="Rewrite the homework policy with parent carers and pupils, in plain English.",
        with_whom=[
            cp.Contributor(cp.Group.PARENT_CARER_FORUM, "Oak parent carer group"),
            cp.Contributor(cp.Group.CHILDREN_AND_YOUNG_PEOPLE, "the school council"),
            cp.Contributor(cp.Group.GOVERNORS),
        ],
        level=cp.ParticipationLevel.STRATEGIC,
        ladder=LADDER,
        aims_at="co-production",
        planning=[
            cp.PlanningAnswer(q, answer)
            for q, answer in zip(
                cp.PlanningQuestion,
                [
                    "Families say homework causes stress at home.",
                    "A homework policy agreed with families by the spring term.",
                    "Parent carers, pupils, governors and teachers.",
                    "A personal letter, a text message and a word in the playground.",
                    "Three evening meetings, and a short survey for those who cannot come.",
                    "Fifty pounds for refreshments and printing.",
                    "The deputy head, with two parent carer volunteers.",
                ],
                strict=True,
            )
        ],
        steps=steps(dt.date(2025, 11, 12), 3),
        approaches=chosen,
    )

    # 4. The working group's first meeting happened: who came, and how they rated it.
    policy_group = attrs.evolve(
        policy_group,
        reached="engagement",
        steps=[
            attrs.evolve(step, status=cp.StepStatus.DONE) if step.step is cp.ActivityStep.DO_AND_REVIEW else step
            for step in policy_group.steps
        ],
        taking_part=[
            cp.TakingPart(cp.Group.PARENT_CARERS, 9),
            cp.TakingPart(cp.Group.CHILDREN_AND_YOUNG_PEOPLE, 4),
            cp.TakingPart(cp.Group.GOVERNORS, 1),
        ],
        evaluation=[
            cp.EvaluationSlip(5, 4, "First time I felt the school wanted to hear it."),
            cp.EvaluationSlip(4, 5),
            cp.EvaluationSlip(3, 3, "Could we meet somewhere other than the hall?"),
        ],
    )
    for activity in (review_meeting, policy_group):
        cp.from_dict(
            cp.to_dict(activity), catalogue=catalogue
        )  # checked against the catalogue's ladders and approaches
        status = cp.activity_status(activity, dt.date(2025, 11, 20))
        following = status.next.step.text if status.next else "nothing"
        print(f"\n{activity.title} ({activity.level.label.lower()}): next {following!r}, {len(status.overdue)} overdue")
    for question in cp.EvaluationQuestion:
        ratings = [r for slip in policy_group.evaluation if (r := slip.rating(question)) is not None]
        print(f"  {question.question} {sum(ratings) / len(ratings):.1f} out of 5 ({len(ratings)} answers)")

    # 5. The calendar of key consultations, as an .ics file.
    calendar = cp.gather_calendar(activities=[review_meeting, policy_group], title="Oak Primary: key consultations")
    out = args.out or Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    for activity in (review_meeting, policy_group):
        cp.dump(activity, out / f"{activity.id}.json")
    context = cp.export_context(as_of=dt.date(2025, 11, 20))
    written = default_registry().export(calendar, out / "key-consultations.ics", context=context)
    print(f"\n{len(calendar.events)} events from {calendar.dates[0]} to {calendar.dates[-1]} written to {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
