"""The action plan: progress at a glance, overdue actions, every action, and statements with no action."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import BinaryIO

from coproduction import (
    Action,
    ActionPlan,
    ActionStatus,
    Framework,
    InvalidDocumentError,
    Perspective,
    PlanStatus,
    Problem,
    RungTarget,
    StatementIndex,
    actions_done,
    check_document,
    plan_status,
    to_dict,
)
from coproduction_docx._cycle import (
    Builder,
    Settings,
    join_words,
    long_date,
    sentence_case,
    write_document,
)
from coproduction_docx._ooxml import Page, para, run
from coproduction_docx._text import ensure_storable_text

__all__ = ["write_plan"]

_PAGE = Page(landscape=True)

# Ten fields in seven columns: narrower columns would break words on an A4 page.
_COLUMNS = (
    ("What will be done", 0.22),
    ("Statements it improves", 0.13),
    ("Aiming for", 0.12),
    ("Who", 0.15),
    ("Dates", 0.13),
    ("Where it has got to", 0.11),
    ("How we will know it worked", 0.14),
)


def _date(value: dt.date | None, empty: str = "Not set") -> str:
    return empty if value is None else long_date(value)


class _Plan:
    def __init__(self, status: PlanStatus, framework: Framework, settings: Settings) -> None:
        self.status = status
        self.plan: ActionPlan = status.plan
        self.framework = framework
        # everyone reads a plan, families too: statements in the plain words written for parent carers
        self.statements = StatementIndex(framework, Perspective.PARENT_CARERS)
        self.settings = settings
        self.overdue = {action.id for action in status.overdue}

    def target(self, b: Builder, target: RungTarget | None) -> str:
        if target is None:
            return b.value("Not set")
        ladder = self.settings.catalogue.find_ladder(target.ladder)
        if ladder is None or target.rung not in {rung.id for rung in ladder.rungs}:
            return b.value(f"{target.rung} ({target.ladder})")
        rung = ladder.rung(target.rung)
        return b.value(rung.name, bold=True) + b.value(
            f"Rung {ladder.position(rung.id) + 1} of {len(ladder.rungs)} on the {ladder.name}"
        )

    def where(self, b: Builder, action: Action) -> str:
        parts = b.value(sentence_case(action.status.label), bold=True)
        if action.status is ActionStatus.DROPPED and action.dropped_reason:
            parts += b.labelled("Why: ", action.dropped_reason)
        if action.id in self.overdue:
            parts += b.value("Overdue", bold=True)
        return parts

    def body(self, b: Builder) -> Iterator[str]:
        yield from self.introduction(b)
        yield from self.glance(b)
        yield from self.overdue_actions(b)
        yield from self.actions(b)
        yield from self.statements_worked_on(b)
        yield from self.uncovered(b)

    def introduction(self, b: Builder) -> Iterator[str]:
        plan = self.plan
        yield b.p(
            f"This is the action plan of {plan.organisation.name}: what it will do, with parent carers, "
            f"to improve against the {self.framework.label}."
        )
        if plan.audits:
            ratings = [f"{reference.perspective.label} on {long_date(reference.date)}" for reference in plan.audits]
            yield b.p(f"It answers the ratings given by {join_words(ratings)}.")
        yield b.p(f"It shows where each action had got to on {long_date(self.status.on)}.")
        yield b.p("Each statement is shown in the plain words of the parent carers' checklist.")

    def glance(self, b: Builder) -> Iterator[str]:
        status = self.status
        counts = status.counts
        total = len(self.plan.actions)
        yield b.heading("Progress at a glance")
        parts = [f"{counts[s]} {s.label}" for s in ActionStatus]
        dropped = counts[ActionStatus.DROPPED]
        yield b.p(f"The plan has {total} action{'s' if total != 1 else ''}: {join_words(parts)}.")
        if total:
            yield b.p(actions_done(counts[ActionStatus.DONE], total - dropped, dropped, Perspective.PARENT_CARERS))
        rows = [[b.value(sentence_case(s.label)), b.value(str(counts[s]))] for s in ActionStatus]
        rows.append(
            [b.value(f"Overdue on {long_date(status.on)}", bold=True), b.value(str(len(status.overdue)), bold=True)]
        )
        rows.append([b.value("All actions"), b.value(str(total))])
        yield b.table(
            ["Where the actions have got to", "Actions"], [0.7, 0.3], rows, caption="Actions by where they have got to"
        )
        if status.next_review is not None:
            yield b.p(f"The whole plan will next be reviewed on {long_date(status.next_review)}.")
        elif self.plan.review_dates:
            yield b.p(f"No review of the whole plan is set after {long_date(status.on)}.")
        else:
            yield b.p("No date is set yet to review the whole plan.")

    def overdue_actions(self, b: Builder) -> Iterator[str]:
        status = self.status
        yield b.heading("Overdue actions")
        if not status.overdue:
            yield b.p(f"No action was overdue on {long_date(status.on)}.")
            return
        yield b.p(f"These actions were due before {long_date(status.on)} and are not done yet.")
        rows = [
            [
                b.p(action.what),
                b.p(action.owner) if action.owner else b.value("Not set"),
                b.value(_date(action.due_date)),
                b.value(sentence_case(action.status.label)),
            ]
            for action in status.overdue
        ]
        yield b.table(
            ["What will be done", "Owner", "Due", "Where it has got to"],
            [0.52, 0.18, 0.15, 0.15],
            rows,
            caption="Overdue actions, the earliest due first",
        )

    def actions(self, b: Builder) -> Iterator[str]:
        yield b.heading("The actions")
        if not self.plan.actions:
            yield b.p("The plan has no actions yet.")
            return
        rows = []
        for action in self.plan.actions:
            what = b.p(action.what)
            if action.notes.strip():
                what += b.labelled("Notes: ", action.notes)
            criteria = "".join(b.value(self.statements.reference(c)) for c in action.criteria) or b.value(
                "The whole plan"
            )
            who = b.labelled("Owner: ", action.owner or "not set") + b.labelled(
                "Co-produced with: ", join_words([str(partner) for partner in action.co_produced_with]) or "not set"
            )
            dates = "".join(
                para(run(label, bold=True) + run(_date(value, "not set")))
                for label, value in (
                    ("Start: ", action.start_date),
                    ("Due: ", action.due_date),
                    ("Review: ", action.review_date),
                )
            )
            rows.append(
                [
                    what,
                    criteria,
                    self.target(b, action.target),
                    who,
                    dates,
                    self.where(b, action),
                    b.p(action.success_measure) if action.success_measure.strip() else b.value("Not set"),
                ]
            )
        yield b.table(
            [name for name, _ in _COLUMNS],
            [share for _, share in _COLUMNS],
            rows,
            caption="Every action of the plan",
        )

    def statements_worked_on(self, b: Builder) -> Iterator[str]:
        used = {criterion for action in self.plan.actions for criterion in action.criteria}
        if not used:
            return
        yield b.heading("The statements the actions improve")
        rows = [
            [b.value(self.statements.reference(c.id)), b.statement(self.statements, c.id)]
            for c in self.framework.criteria
            if c.id in used
        ]
        yield b.table(["Statement", "What it says"], [0.25, 0.75], rows, caption="The statements the actions improve")

    def uncovered(self, b: Builder) -> Iterator[str]:
        status = self.status
        yield b.heading("Statements with no action")
        if not status.uncovered:
            which = "gap in the audit" if status.against_gaps else "statement"
            yield b.p(f"Every {which} has an action.")
            return
        if status.against_gaps:
            yield b.p(
                "These statements were rated below the top level, and no action improves them yet. "
                "Actions that were dropped do not count."
            )
        else:
            yield b.p(
                "No action improves these statements of the framework yet. Actions that were dropped do not count."
            )
        rows = [[b.value(self.statements.reference(c)), b.statement(self.statements, c)] for c in status.uncovered]
        yield b.table(["Statement", "What it says"], [0.25, 0.75], rows, caption="Statements with no action")


def write_plan(document: ActionPlan | PlanStatus, out: BinaryIO, settings: Settings) -> None:
    """Write an action plan, with how it is going, to ``out``.

    An :class:`~coproduction.plan.ActionPlan` is reported on the settings'
    date, with the criteria of the whole framework that no action improves; a
    :class:`~coproduction.plan.PlanStatus` on its own date, with its own
    list (the gaps of its source audit, when it had one).

    Args:
        document: The plan, or its status on a date.
        out: A binary stream.
        settings: The catalogue (which must hold the plan's framework and the
            ladders of its targets) and the date.

    Raises:
        ExportError: If any text holds a character Word cannot store.
        InvalidDocumentError: If the plan names a framework, criterion, ladder
            or rung the catalogue does not have; every one is listed.
    """
    plan = document.plan if isinstance(document, PlanStatus) else document
    ensure_storable_text({"plan": to_dict(plan)})
    problems = check_document(plan, settings.catalogue)
    framework = settings.catalogue.find_framework(plan.framework, plan.framework_version)
    if problems or framework is None:
        raise InvalidDocumentError(
            "the action plan names a framework, statement or ladder rung that the catalogue does not have, "
            "so nothing was written (for a council's own framework or ladder, use "
            "coproduction.export_context(catalogue=default_catalogue().including(...)))",
            problems
            or [Problem("framework", "unknown-framework", f"the catalogue has no framework {plan.framework!r}")],
        )
    status = document if isinstance(document, PlanStatus) else plan_status(plan, framework, on=settings.as_of)
    view = _Plan(status, framework, settings)
    write_document(
        out,
        settings=settings,
        page=_PAGE,
        title=f"{plan.organisation.name}: action plan",
        subject=f"Action plan against the {framework.label}",
        keywords="action plan; SEND; co-production",
        kind="coproduction-action-plan",
        properties={
            "coproduction.framework": plan.framework,
            "coproduction.framework_version": plan.framework_version,
            "coproduction.as_of": status.on.isoformat(),
        },
        body=view.body,
    )
