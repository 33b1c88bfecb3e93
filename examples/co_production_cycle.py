"""The whole co-production cycle for one school, from the first audit to the re-audit a year later.

Oak Primary School and its parent carer group follow the cycle the
Worcestershire toolkit describes:

1. in March 2025 the school staff and the parent carers each rate the Seven
   Quality Standards from their own point of view (the two audits in
   ``examples/audits``);
2. they **compare** the two, and look first at the school's blind spots;
3. the library drafts an action plan from the gaps, and they **co-produce**
   it: an owner, a start and a due date for each action, the wording they
   agreed, one action dropped with a reason;
4. the school publishes **"you said, we did"**, linked to the plan, and they
   agree a **charter** (values after Barnsley's strategy);
5. in March 2026 both audit again (``examples/cycle``): the plan's progress,
   a new comparison, and each viewpoint's **progress** over the year.

Every step's document is written as JSON, as Word and Excel when the
``coproduction-docx`` and ``coproduction-xlsx`` exporters are installed, and
as a web page for families when ``coproduction-html`` is.

Run it from the repository root::

    python examples/co_production_cycle.py
    python examples/co_production_cycle.py --out cycle-out   # keep every document
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

import attrs

import coproduction as cp
from coproduction.exporters import ExporterRegistry, default_registry

HERE = Path(__file__).resolve().parent
FRAMEWORK = "worcestershire-seven-quality-standards"
LADDER = "tlap-ladder-of-coproduction"
FORUM = cp.Contributor(cp.Group.PARENT_CARER_FORUM, "Oak Primary parent carer group")

SUMMER = (dt.date(2025, 4, 22), dt.date(2025, 7, 18))
AUTUMN = (dt.date(2025, 9, 3), dt.date(2025, 12, 19))
SPRING = (dt.date(2026, 1, 5), dt.date(2026, 3, 27))
NEXT_SUMMER = (dt.date(2026, 4, 20), dt.date(2026, 7, 17))
# When the school and the parent carer group review the whole plan together.
REVIEWS = (dt.date(2025, 7, 14), dt.date(2025, 12, 8), dt.date(2026, 3, 23))

# What the school and the parent carer group agreed for each proposed action, at their
# meeting of 22 April 2025: owner, when, the wording they agreed (None keeps the draft's),
# and the ladder rung they aim for (None for none).
AGREED: dict[str, tuple[str, tuple[dt.date, dt.date], str | None, str | None]] = {
    "shared-values-1": (
        "Head teacher",
        SUMMER,
        "Rewrite the vision statement with the parent carer group so that it names co-production.",
        None,
    ),
    "shared-values-2": (
        "SENCo",
        AUTUMN,
        "Plan the next SEND information report with the parent carer group from the first meeting.",
        "co-production",
    ),
    "shared-values-3": (
        "SENCo",
        SUMMER,
        "Make a one-page leaflet with the parent carer group on every way to take part. "
        "Send invitations by text message as well as on paper.",
        None,
    ),
    "shared-values-4": ("SEND governor", SPRING, None, None),
    "shared-values-5": ("Head teacher", SPRING, None, "co-production"),
    "shared-values-6": (
        "SENCo",
        (dt.date(2025, 6, 2), dt.date(2025, 11, 28)),
        "Co-produce a parent carer charter with the parent carer group, based on the Ladder of Participation.",
        "co-production",
    ),
    "strategies-1": (
        "SENCo",
        SUMMER,
        "Write the parent carer engagement plan with the parent carer group and put it on the website.",
        "co-production",
    ),
    "strategies-2": ("SENCo", SPRING, None, "co-production"),
    "strategies-3": ("SENCo", NEXT_SUMMER, None, None),
    "strategies-4": ("Deputy head teacher", SPRING, None, None),
    "strategies-5": ("SENCo", SPRING, None, "co-design"),
    "structures-1": ("SENCo", SUMMER, "Offer every family a choice of three meeting times.", None),
    "structures-2": ("Deputy head teacher", AUTUMN, None, None),
    "systems-1": (
        "School business manager",
        AUTUMN,
        "Ask the finance committee to agree a budget for parent carer engagement.",
        None,
    ),
    "systems-2": (
        "School business manager",
        SPRING,
        "Agree with the parent carer group how the engagement budget is spent.",
        "co-design",
    ),
    "systems-3": (
        "SENCo",
        AUTUMN,
        "Invite parent carers to write part of the 'you said, we did' section of the newsletter.",
        None,
    ),
    "systems-4": ("Head teacher", AUTUMN, None, None),
    "staff-1": ("Head teacher", SPRING, None, None),
    "staff-2": (
        "Deputy head teacher",
        (dt.date(2025, 6, 2), dt.date(2025, 9, 30)),
        "Ask two parent carers to help deliver the September training for all staff.",
        None,
    ),
    "staff-3": ("Deputy head teacher", NEXT_SUMMER, None, None),
    "skills-and-knowledge-1": (
        "SENCo",
        SUMMER,
        "Send reports at least a week before every review meeting, and ask families what would make meetings easier.",
        None,
    ),
    "skills-and-knowledge-2": (
        "SENCo",
        AUTUMN,
        "Rewrite the review letter in plain English with the parent carer group.",
        None,
    ),
    "skills-and-knowledge-3": ("SENCo", SPRING, None, None),
    "skills-and-knowledge-4": ("SENCo", SUMMER, "Put parent carer views first on every review agenda.", None),
    "leadership-1": ("Head teacher", NEXT_SUMMER, None, None),
    "leadership-2": ("Head teacher", SPRING, None, None),
    "leadership-3": ("Head teacher", SPRING, None, None),
    "leadership-4": (
        "Head teacher",
        SUMMER,
        "Report back on every survey within four weeks, in the newsletter and by text message.",
        "engagement",
    ),
    "leadership-5": ("Head teacher", NEXT_SUMMER, None, None),
    "leadership-6": ("Head teacher", SUMMER, None, None),
}

# Where each action had got to on 1 March 2026, when the school updated the plan before the re-audit.
DONE = {
    "shared-values-1",
    "shared-values-2",
    "shared-values-3",
    "shared-values-6",
    "strategies-1",
    "structures-1",
    "structures-2",
    "systems-1",
    "systems-3",
    "staff-2",
    "skills-and-knowledge-1",
    "skills-and-knowledge-2",
    "skills-and-knowledge-4",
    "leadership-4",
    "leadership-6",
}
NOT_STARTED = {"strategies-3", "staff-3", "leadership-1"}
DROPPED = {
    "leadership-5": "The parent carer group asked us to put this time into feedback to families first "
    "(leadership-4). We will look at it again after the next audit."
}
PLAN_UPDATED = dt.date(2026, 3, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write into (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coproduction-cycle-") as temporary:
        out = args.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        run_cycle(out)
    return 0


def run_cycle(out: Path) -> None:
    """Run every step, write every document into ``out`` and print what happened."""
    catalogue = cp.default_catalogue()
    framework = catalogue.framework(FRAMEWORK)
    # A Word "you said, we did" says which promises are overdue, so every document is written as of the day the
    # plan was updated, not the day this script runs.
    writer = Writer(out, default_registry(), cp.export_context(as_of=PLAN_UPDATED))

    # 1. Two audits of March 2025, one from each viewpoint.
    school = cp.load(HERE / "audits" / "worcestershire-oak-primary-school-staff.json", cp.Audit)
    parents = cp.load(HERE / "audits" / "worcestershire-oak-primary-parent-carers.json", cp.Audit)
    print(f"{school.organisation.name}: the co-production cycle, {framework.title}.")

    # 2. Compare them.
    comparison = cp.compare_perspectives([school, parents], framework)
    writer.write(comparison, "1-comparison-2025", "json", "docx", "xlsx", "html")
    agreement = comparison.agreement_between(cp.Perspective.SCHOOL_STAFF, cp.Perspective.PARENT_CARERS)
    print(
        f"March 2025: school staff score {percent(comparison.scores_of('school-staff').overall.value)} overall, "
        f"parent carers {percent(comparison.scores_of('parent-carers').overall.value)}. They give the same level to "
        f"{agreement.exact} of the {agreement.compared} criteria both rated (weighted kappa {agreement.kappa:.2f}). "
        f"Blind spots, where the school rates itself higher: {len(comparison.blind_spots)}."
    )

    # 3. Draft the plan from the gaps, then co-produce it.
    proposal = cp.propose_plan(comparison, framework, co_produced_with=[FORUM])
    writer.write(proposal.plan, "2-action-plan-draft", "json")
    plan = co_produce(proposal.plan)
    problems = cp.check_plan(plan, framework)
    assert problems == [], problems
    writer.write(plan, "3-action-plan-2025", "json", "xlsx")
    writer.write(cp.plan_status(plan, framework, on=SUMMER[0], source=comparison), "3-action-plan-2025", "docx", "html")
    read_back = writer.read_plan_back("3-action-plan-2025")
    print(
        f"April 2025: the draft plan had {len(proposal.plan.actions)} actions, one for each criterion below "
        f"{framework.scale.highest.name}, lowest level first. With the parent carer group they agreed an owner and "
        f"dates for each, reworded {sum(1 for a in AGREED.values() if a[2])} and dropped {len(DROPPED)}."
        + (" The plan workbook reads back unchanged." if read_back else "")
    )

    # 4. "You said, we did", linked to the plan, and the charter.
    log = feedback_log(plan)
    assert cp.check_action_links(log, plan) == []
    writer.write(log, "4-you-said-we-did", "json", "docx", "xlsx", "html")
    text = out / "4-you-said-we-did.txt"
    text.write_text(cp.you_said_we_did(log, as_of=PLAN_UPDATED), "utf-8")
    writer.written.append(text)
    counts = log.summary(as_of=PLAN_UPDATED).counts
    print(
        f'"You said, we did": families told the school {counts.total} things; it did {counts.done}, '
        f"will do {counts.will_do}, cannot do {counts.cannot_do} (and says why), "
        f"and is still looking at {counts.not_yet_answered}."
    )
    charter = oak_charter()
    assert cp.check_charter(charter, catalogue) == []
    findings = cp.check_plain_english(charter)
    writer.write(charter, "5-charter", "json", "docx", "html")
    print(
        f"November 2025: they agreed a charter of {len(charter.values)} values, {len(charter.commitments)} "
        f"commitments and {len(charter.expectations)} things families can expect, and when. The plain-English "
        f"check found {len(findings) or 'nothing'}{' things' if len(findings) > 1 else ' thing' if findings else ''} "
        "to reword."
    )

    # 5. A year on: the plan's progress, the re-audits, and what moved.
    updated = carry_out(plan)
    status = cp.plan_status(updated, framework, on=PLAN_UPDATED, source=comparison)
    writer.write(updated, "6-action-plan-2026", "json", "xlsx")
    writer.write(status, "6-action-plan-2026", "docx", "html")
    done = len(status.by_status[cp.ActionStatus.DONE])
    print(
        f"March 2026: {done} of {len(updated.actions)} actions are done, "
        f"{len(status.by_status[cp.ActionStatus.IN_PROGRESS])} in progress and {len(status.overdue)} overdue."
    )
    school_2026 = cp.load(HERE / "cycle" / "worcestershire-oak-primary-school-staff-2026.json", cp.Audit)
    parents_2026 = cp.load(HERE / "cycle" / "worcestershire-oak-primary-parent-carers-2026.json", cp.Audit)
    comparison_2026 = cp.compare_perspectives([school_2026, parents_2026], framework)
    writer.write(comparison_2026, "7-comparison-2026", "json", "docx", "xlsx", "html")
    for name, audits in (("school-staff", [school, school_2026]), ("parent-carers", [parents, parents_2026])):
        progress = cp.track_progress(audits, framework)
        writer.write(progress, f"8-progress-{name}", "json", "docx", "xlsx")
        moved = progress.movement_counts()
        print(
            f"Re-audit, {progress.perspective.label}: {percent(progress.scores[0])} to "
            f"{percent(progress.scores[-1])} overall; {moved[cp.Movement.IMPROVED]} criteria improved, "
            f"{moved[cp.Movement.SAME]} stayed the same, {moved[cp.Movement.FELL_BACK]} fell back."
        )
    agreement_2026 = comparison_2026.agreement_between(cp.Perspective.SCHOOL_STAFF, cp.Perspective.PARENT_CARERS)
    print(
        f"The two viewpoints now agree on {agreement_2026.exact} of {agreement_2026.compared} criteria "
        f"(weighted kappa {agreement_2026.kappa:.2f}); blind spots: {len(comparison_2026.blind_spots)}."
    )
    print(f"Wrote {len(writer.written)} documents to {out}.")


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def co_produce(draft: cp.ActionPlan) -> cp.ActionPlan:
    """The draft plan as the school and the parent carer group agreed it on 22 April 2025."""
    actions = []
    for action in draft.actions:
        (criterion,) = action.criteria
        owner, (start, due), what, rung = AGREED[criterion]
        actions.append(
            attrs.evolve(
                action,
                what=what or action.what,
                owner=owner,
                start_date=start,
                due_date=due,
                review_date=next((date for date in REVIEWS if date >= start), due),
                target=cp.RungTarget(LADDER, rung) if rung else None,
            )
        )
    return attrs.evolve(draft, actions=actions, review_dates=REVIEWS)


def carry_out(plan: cp.ActionPlan) -> cp.ActionPlan:
    """The plan as the school updated it on 1 March 2026."""
    actions = []
    for action in plan.actions:
        (criterion,) = action.criteria
        if criterion in DONE:
            action = attrs.evolve(action, status=cp.ActionStatus.DONE)
        elif criterion in DROPPED:
            action = attrs.evolve(action, status=cp.ActionStatus.DROPPED, dropped_reason=DROPPED[criterion])
        elif criterion not in NOT_STARTED:
            action = attrs.evolve(action, status=cp.ActionStatus.IN_PROGRESS)
        actions.append(action)
    return attrs.evolve(plan, actions=actions)


def feedback_log(plan: cp.ActionPlan) -> cp.FeedbackLog:
    """What parent carers said in 2025-26, and the school's answers, linked to the plan's actions."""
    action = {criterion: a.id for a in plan.actions for criterion in a.criteria}
    parent_carers = cp.Contributor(cp.Group.PARENT_CARERS)
    return cp.FeedbackLog(
        organisation=plan.organisation,
        title="You said, we did",
        entries=[
            cp.FeedbackEntry(
                id="coffee-morning-invitations",
                said="We hear about coffee mornings too late, and working parents never hear about them.",
                said_by=parent_carers,
                channel="coffee-morning",
                date=dt.date(2025, 5, 8),
                theme="Hearing from the school",
                response=cp.FeedbackResponse.done(
                    "Every invitation now goes out two weeks ahead, by text message as well as on paper.",
                    dt.date(2025, 6, 2),
                ),
                actions=[action["shared-values-3"]],
            ),
            cp.FeedbackEntry(
                id="survey-results",
                said="We hear about survey results months later, if at all.",
                said_by=parent_carers,
                channel="survey",
                date=dt.date(2025, 6, 20),
                theme="Hearing from the school",
                response=cp.FeedbackResponse.done(
                    "We now report back on every survey within four weeks, in the newsletter and by text message.",
                    dt.date(2025, 7, 11),
                    due=dt.date(2025, 7, 18),
                ),
                actions=[action["leadership-4"]],
            ),
            cp.FeedbackEntry(
                id="reports-before-meetings",
                said="Reports arrive too late to read before review meetings.",
                said_by=FORUM,
                channel="forum",
                date=dt.date(2025, 5, 20),
                theme="Review meetings",
                response=cp.FeedbackResponse.done(
                    "Reports are now sent at least a week before every review meeting.", dt.date(2025, 9, 15)
                ),
                actions=[action["skills-and-knowledge-1"]],
            ),
            cp.FeedbackEntry(
                id="letters-in-plain-english",
                said="The review letters are full of jargon.",
                said_by=FORUM,
                channel="meeting",
                date=dt.date(2025, 6, 10),
                theme="Review meetings",
                response=cp.FeedbackResponse.done(
                    "We rewrote the review letter in plain English with the parent carer group.",
                    dt.date(2025, 10, 3),
                ),
                actions=[action["skills-and-knowledge-2"]],
            ),
            cp.FeedbackEntry(
                id="creche",
                said="Please could there be a creche during coffee mornings?",
                said_by=parent_carers,
                channel="coffee-morning",
                date=dt.date(2025, 5, 8),
                theme="Taking part",
                response=cp.FeedbackResponse.cannot_do(
                    "We do not have the staff or a registered room to run a creche. Children are now welcome "
                    "at coffee mornings, and we hold one each term in the evening."
                ),
            ),
            cp.FeedbackEntry(
                id="minibus",
                said="Could the school run a minibus to the evening meetings?",
                said_by=FORUM,
                channel="forum",
                date=dt.date(2025, 9, 30),
                theme="Taking part",
                response=cp.FeedbackResponse.cannot_do(
                    "The school minibus is not insured for evening trips and we cannot afford the cost. "
                    "The parent carer group now shares lifts through its group chat."
                ),
            ),
            cp.FeedbackEntry(
                id="budget",
                said="Tell us how the money for working with parent carers is spent.",
                said_by=parent_carers,
                channel="survey",
                date=dt.date(2025, 6, 20),
                theme="Money",
                response=cp.FeedbackResponse.will_do(
                    "We will share how the engagement budget is spent at the spring coffee morning, and plan "
                    "next year's spending with you.",
                    dt.date(2026, 3, 20),
                ),
                actions=[action["systems-1"], action["systems-2"]],
            ),
            cp.FeedbackEntry(
                id="summer-fair",
                said="We want to help plan the summer fair so that everyone can join in.",
                said_by=cp.Contributor(cp.Group.CHILDREN_AND_YOUNG_PEOPLE, "the school council"),
                channel="meeting",
                date=dt.date(2025, 11, 12),
                theme="Taking part",
                response=cp.FeedbackResponse.will_do(
                    "The school council and the parent carer group will plan the summer fair with us.",
                    dt.date(2026, 5, 22),
                ),
            ),
            cp.FeedbackEntry(
                id="online-meetings",
                said="Could review meetings be offered online as well?",
                said_by=cp.Contributor(cp.Group.PARENT_CARERS, "parents of children in Year 6"),
                channel="email",
                date=dt.date(2026, 2, 26),
                theme="Review meetings",
            ),
        ],
    )


def serves(*criteria: str) -> cp.CriteriaRef:
    return cp.CriteriaRef(FRAMEWORK, criteria)


def oak_charter() -> cp.Charter:
    """The charter Oak Primary School and its parent carer group agreed in November 2025."""
    return cp.Charter(
        organisation=cp.Organisation("Oak Primary School", "999901"),
        title="Our parent carer charter",
        introduction=(
            "This charter says how Oak Primary School works with parent carers of children with special "
            "educational needs and disabilities (SEND). We wrote it together with the parent carer group. "
            "It says what we believe, what we promise and what you can expect from us."
        ),
        values=[
            cp.CharterValue(
                "Listening", "Everyone has the right to be heard, to be listened to and to see their views acted on."
            ),
            cp.CharterValue("Honesty", "We are honest and clear about what we can do, what we cannot do, and why."),
            cp.CharterValue("Respect", "Parent carers are equal partners, and we value what they bring."),
            cp.CharterValue("Fairness", "We treat every family fairly and make it easy for everyone to take part."),
            cp.CharterValue("Working together", "We work with you to find solutions, not problems."),
        ],
        commitments=[
            cp.Commitment(
                id="plan-together",
                what="We plan changes to SEND support in school with parent carers from the start.",
                aims_at=cp.RungTarget(LADDER, "co-production"),
                measure="Each term we count the plans and policies we wrote with the parent carer group.",
                serves=serves("strategies-2", "strategies-5"),
            ),
            cp.Commitment(
                id="tell-you-what-changed",
                what="We tell you what we did with your views within four weeks of every survey or meeting.",
                aims_at=cp.RungTarget(LADDER, "engagement"),
                measure='We check the date of each "you said, we did" update against the date of the survey.',
                serves=serves("leadership-4", "systems-3"),
            ),
            cp.Commitment(
                id="partners-in-reviews",
                what="Parent carers are equal partners in every review of how the school works.",
                aims_at=cp.RungTarget(LADDER, "co-production"),
                measure="We count the review groups with parent carers on them.",
                serves=serves("shared-values-5"),
            ),
            cp.Commitment(
                id="clear-letters",
                what="We write to you in plain English, and we say who everyone is at meetings.",
                aims_at=cp.RungTarget(LADDER, "engagement"),
                measure="Each term the parent carer group reads some of our letters and tells us what to change.",
                serves=serves("skills-and-knowledge-2", "skills-and-knowledge-3"),
            ),
        ],
        expectations=[
            cp.Expectation(
                "We reply to your email or message", "within 5 school days", cp.TimeFrame(5, cp.TimeUnit.SCHOOL_DAYS)
            ),
            cp.Expectation("We send you reports before a review meeting", "at least a week before the meeting"),
            cp.Expectation(
                'We publish "you said, we did"', "within 4 weeks of each survey", cp.TimeFrame(4, cp.TimeUnit.WEEKS)
            ),
            cp.Expectation(
                "We hold a coffee morning for parent carers", "every half term, and one each term after work"
            ),
        ],
        co_produced_with=[
            FORUM,
            cp.Contributor(cp.Group.SCHOOL_STAFF, "the special needs lead and class teachers"),
            cp.Contributor(cp.Group.GOVERNORS, "the governor for special needs"),
        ],
        co_produced_on=dt.date(2025, 11, 20),
        review_date=dt.date(2026, 11, 20),
        signed_off=[
            cp.SignOff("Head teacher", dt.date(2025, 11, 27)),
            cp.SignOff("Chair of the parent carer group", dt.date(2025, 11, 27)),
        ],
    )


@attrs.define
class Writer:
    """Writes each document as JSON, and as Word, Excel and a web page when those exporters are installed."""

    out: Path
    registry: ExporterRegistry
    context: cp.ExportContext  # what every exporter is told: the catalogue and the date documents report on
    written: list[Path] = attrs.field(factory=list)

    def write(self, document: object, stem: str, *formats: str) -> None:
        for name in formats:
            if name in self.registry.names():
                path = self.registry.export(document, self.out / f"{stem}.{name}", name=name, context=self.context)
                self.written.append(path)

    def read_plan_back(self, stem: str) -> bool:
        """Read the plan workbook back, as after the school has updated it; check it is the plan written."""
        if "xlsx" not in self.registry.names():
            return False
        with open(self.out / f"{stem}.xlsx", "rb") as workbook:
            plan = self.registry.action_plan_reader("xlsx").read_action_plan(workbook, self.context)
        assert plan == cp.load(self.out / f"{stem}.json", cp.ActionPlan)
        return True


if __name__ == "__main__":
    sys.exit(main())
