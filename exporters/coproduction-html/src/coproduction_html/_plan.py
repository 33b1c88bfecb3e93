"""The action plan's progress: where the actions have got to, the late ones, every action, statements with none."""

from __future__ import annotations

import datetime as dt

from coproduction import (
    Action,
    ActionPlan,
    ActionStatus,
    InvalidDocumentError,
    PlanStatus,
    Problem,
    RungTarget,
    StatementIndex,
    check_plan,
    plan_status,
)
from coproduction_html._chart import bar_chart
from coproduction_html._context import PageContext
from coproduction_html._page import Page, Part, Table
from coproduction_html._wording import count_of, join_words, long_date, percent, sentence_case

__all__ = ["plan_page"]


def _date(value: dt.date | None) -> str:
    return "Not set" if value is None else long_date(value)


def _target(target: RungTarget | None, context: PageContext) -> str:
    if target is None:
        return "Not set"
    ladder = context.catalogue.find_ladder(target.ladder)
    if ladder is None or target.rung not in {rung.id for rung in ladder.rungs}:
        return target.rung
    rung = ladder.rung(target.rung)
    return f"{rung.name} (step {ladder.position(rung.id) + 1} of {len(ladder.rungs)} on the {ladder.name})"


def _action(action: Action, statements: StatementIndex, context: PageContext, late: bool) -> dict[str, object]:
    facts = [
        ("Where it has got to", sentence_case(action.status.label) + (" (late)" if late else "")),
        ("Who is doing it", action.owner or "Not set"),
        ("Planned with", join_words([str(partner) for partner in action.co_produced_with]) or "Not set"),
        ("Start", _date(action.start_date)),
        ("Due", _date(action.due_date)),
        ("Review", _date(action.review_date)),
        ("Aiming for", _target(action.target, context)),
        ("How we will know it worked", action.success_measure.strip() or "Not set"),
        ("Statements it improves", join_words([statements.reference(c) for c in action.criteria]) or "The whole plan"),
    ]
    if action.status is ActionStatus.DROPPED and action.dropped_reason:
        facts.insert(1, ("Why it was dropped", action.dropped_reason))
    if action.notes.strip():
        facts.append(("Notes", action.notes))
    return {"what": action.what, "status": action.status.value, "facts": facts, "late": late}


def plan_page(document: ActionPlan | PlanStatus, context: PageContext) -> Page:
    """The page of an action plan on the context's date, or of a plan's status on its own date."""
    plan = document.plan if isinstance(document, PlanStatus) else document
    framework = context.catalogue.find_framework(plan.framework, plan.framework_version)
    if framework is None:
        raise InvalidDocumentError(
            "the action plan's framework is not in the catalogue, so nothing was written (for a council's own "
            "framework, export with a context whose catalogue includes it: coproduction.export_context(catalogue=...))",
            [
                Problem(
                    "framework",
                    "unknown-framework",
                    f"the catalogue has no framework {plan.framework!r} version {plan.framework_version!r}",
                )
            ],
        )
    problems = check_plan(plan, framework)
    if problems:
        raise InvalidDocumentError(
            "the action plan names a statement its framework does not have, so nothing was written", problems
        )
    status = document if isinstance(document, PlanStatus) else plan_status(plan, framework, on=context.as_of)
    statements = StatementIndex(framework)
    counts = status.counts
    total = len(plan.actions)
    late = {action.id for action in status.overdue}
    introduction = [
        f"This is the action plan of {plan.organisation.name}: what it will do, with parent carers, to improve "
        f"against the {framework.title}. It shows where each action had got to on {long_date(status.on)}."
    ]
    if plan.audits:
        filled_in = [f"by {reference.perspective.label} on {long_date(reference.date)}" for reference in plan.audits]
        introduction.append(f"It follows the checklist filled in {join_words(filled_in)}.")
    share = status.done_share
    glance = [
        f"The plan has {count_of(total, 'action')}: "
        f"{join_words([f'{counts[s]} {s.label}' for s in ActionStatus])}."
        + (
            f" {percent(share)} of the actions still planned are done."
            if share is not None and counts[ActionStatus.DONE]
            else ""
        )
    ]
    if status.next_review is not None:
        glance.append(f"The whole plan will next be reviewed on {long_date(status.next_review)}.")
    by_status = Table(
        id="by-status-table",
        caption="Actions by where they have got to",
        headers=["Where the actions have got to", "Actions"],
        rows=[[sentence_case(s.label), str(counts[s])] for s in ActionStatus]
        + [[f"Late on {long_date(status.on)}", str(len(status.overdue))]],
        total=["All actions", str(total)],
    )
    chart = bar_chart(
        "status-chart",
        "Actions by where they have got to",
        "Bar chart of how many actions have got to each stage. "
        + "; ".join(f"{sentence_case(s.label)}: {counts[s]}" for s in ActionStatus)
        + ".",
        ["Actions"],
        [(sentence_case(s.label), [(counts[s], str(counts[s]))]) for s in ActionStatus],
        maximum=max([*counts.values(), 1]),
    )
    overdue = Table(
        id="late-table",
        caption="Late actions, the earliest due first",
        headers=["What will be done", "Who is doing it", "Due", "Where it has got to"],
        rows=[[a.what, a.owner or "Not set", _date(a.due_date), sentence_case(a.status.label)] for a in status.overdue],
        row_headers=False,
    )
    groups = [
        {
            "heading": f"{sentence_case(s.label)} ({counts[s]})",
            "actions": [_action(a, statements, context, a.id in late) for a in status.by_status[s]],
        }
        for s in (ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED, ActionStatus.DONE, ActionStatus.DROPPED)
        if counts[s]
    ]
    uncovered = Table(
        id="uncovered-table",
        caption="Statements with no action",
        headers=["Statement", "What it says"],
        rows=[[statements.reference(c), statements.text(c)] for c in status.uncovered],
    )
    which = "rated below the top level in the checklist" if status.against_gaps else "of the framework"
    parts = [
        Part("glance", "Progress at a glance", {"paragraphs": glance, "table": by_status, "chart": chart}),
        Part(
            "late",
            "Late actions",
            {
                "paragraphs": [
                    f"These actions were due before {long_date(status.on)} and are not done yet."
                    if status.overdue
                    else f"No action was late on {long_date(status.on)}."
                ],
                "table": overdue if status.overdue else None,
            },
        ),
        Part("actions", "The actions", {"groups": groups}),
        Part(
            "no-action",
            "Statements with no action",
            {
                "paragraphs": [
                    f"No action improves these statements {which} yet. Actions that were dropped do not count."
                    if status.uncovered
                    else f"Every statement {which} has an action."
                ],
                "table": uncovered if status.uncovered else None,
            },
        ),
    ]
    return Page(
        kind="action-plan",
        title=f"{plan.organisation.name}: action plan",
        organisation=plan.organisation,
        date=status.on,
        summary=f"Where the {count_of(total, 'action')} of the plan of {plan.organisation.name} had got to on "
        f"{long_date(status.on)}.",
        template="plan.html.j2",
        parts=parts,
        introduction=introduction,
    )
