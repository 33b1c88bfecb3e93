"""The ``plan`` commands: ``plan propose`` from gaps, ``plan status`` on a date, ``plan import`` (private)."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._arguments import date, output_options
from coproduction.cli._command import Command
from coproduction.cli._common import (
    EXIT_OK,
    UsageError,
    chosen_catalogue,
    exporter_name,
    installed_exporters,
    out,
    write_requested,
)
from coproduction.cli._compare import read_comparison
from coproduction.cli._reading import read_audit_or_pool, read_each, read_plan
from coproduction.cli._text import (
    and_list,
    audits_named,
    capital,
    level_names,
    long_date,
    percent,
    plural,
    shown,
    table,
)
from coproduction.errors import IncomparableAuditsError, Problem
from coproduction.model._excerpt import excerpt, excerpt_text
from coproduction.model.audit import Audit
from coproduction.model.barriers import Suggestion
from coproduction.model.comparison import Comparison
from coproduction.model.contributors import Contributor, Group
from coproduction.model.framework import Framework
from coproduction.model.plan import Action, ActionPlan, ActionStatus
from coproduction.model.pooled import PooledView
from coproduction.rules.comparing import same_organisation
from coproduction.rules.plan_approaches import MOST_APPROACHES, attach_approaches
from coproduction.rules.planning import PlanStatus, plan_status, propose_plan

__all__ = ["PLAN_COMMANDS"]


def _propose_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="AUDIT",
        help="an audit JSON file; or several of one organisation from different perspectives",
    )
    parser.add_argument("--owner", help="an owner to give every proposed action, such as 'SENCo'")
    parser.add_argument(
        "--co-produced-with",
        action="append",
        default=[],
        type=_contributor,
        metavar="GROUP[:LABEL]",
        help="who every action is co-produced with (may be repeated), such as "
        "'parent-carer-forum:Oak parent carer group'; groups: " + ", ".join(g.value for g in Group),
    )
    parser.add_argument(
        "--review",
        action="append",
        default=[],
        type=date,
        metavar="DATE",
        help="a date the whole plan will be reviewed, as YYYY-MM-DD (may be repeated)",
    )
    parser.add_argument(
        "--with-approaches",
        action="store_true",
        help="attach to each action the engagement approaches that help most with the barriers (--barrier) "
        "or priority groups (--group) given",
    )
    parser.add_argument(
        "--barrier",
        action="append",
        default=[],
        metavar="ID",
        help="a barrier the school recorded (may be repeated; see 'coproduction barriers')",
    )
    parser.add_argument(
        "--group", action="append", default=[], metavar="ID", help="a priority group to reach (may be repeated)"
    )
    output_options(parser, "the plan to write: .json, .xlsx (a workbook the school keeps up to date) or .docx")


def _status_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "plan",
        type=Path,
        metavar="PLAN",
        help="the plan: a .json file, or the .xlsx workbook as the school has updated it",
    )
    parser.add_argument("--on", type=date, metavar="DATE", help="the date to report on, as YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--audit",
        dest="audits",
        action="append",
        default=[],
        type=Path,
        metavar="AUDIT",
        help="an audit the plan answers (may be repeated); the criteria with no action are then its gaps",
    )
    output_options(parser, "the report to write: .docx (progress on the date), .json or .xlsx (the plan itself)")


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", type=Path, metavar="PLAN", help="the updated plan, such as plan.xlsx")
    output_options(parser, "the plan to write, such as plan.json", required=True)


def _contributor(text: str) -> Contributor:
    group, _, label = text.partition(":")
    try:
        return Contributor(group.strip(), label.strip())
    except ValueError as error:
        known = ", ".join(g.value for g in Group)
        reason = str(error) if group.strip() == Group.OTHER.value else f"choose one of: {known}"
        raise argparse.ArgumentTypeError(f"{excerpt(group.strip())} is not a group of people; {reason}") from None


def _plan_source(files: Sequence[Path], catalogue: Catalogue) -> tuple[Audit | Comparison | PooledView, Framework]:
    if len(files) == 1:
        audit, framework = read_each(files, read_audit_or_pool(catalogue))[0]
        return audit, framework
    comparison = read_comparison(files, catalogue)
    return comparison, catalogue.framework(comparison.framework, comparison.framework_version)


def _suggestions(args: argparse.Namespace, catalogue: Catalogue) -> list[Suggestion] | None:
    """The approaches suggested for the barriers and groups given, or None without --with-approaches."""
    if not args.with_approaches:
        if args.barrier or args.group:
            raise UsageError("--barrier and --group choose the approaches --with-approaches attaches; add it")
        return None
    if not args.barrier and not args.group:
        raise UsageError(
            "--with-approaches needs the barriers the school recorded (--barrier ID) or the priority groups to "
            "reach (--group ID); 'coproduction barriers' lists them"
        )
    return catalogue.suggest_approaches(barriers=args.barrier, groups=args.group)


def _approaches_attached(suggestions: Sequence[Suggestion], catalogue: Catalogue) -> str:
    if not suggestions:
        return "No approach in the catalogue is linked to those barriers or groups, so none was attached."
    names = [suggestion.approach.name for suggestion in suggestions[:MOST_APPROACHES]]
    return f"Approaches attached to each action: {'; '.join(names)}."


def _plan_propose(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    source, framework = _plan_source(args.files, catalogue)
    suggestions = _suggestions(args, catalogue)
    proposal = propose_plan(
        source, framework, owner=args.owner, co_produced_with=args.co_produced_with, review_dates=args.review
    )
    plan = proposal.plan if suggestions is None else attach_approaches(proposal.plan, suggestions)
    if args.output:
        written = write_requested(plan, args, catalogue)
        out(
            f"wrote {written}: "
            f"{plural(len(plan.actions), 'proposed action')} for {excerpt_text(plan.organisation.name)}"
        )
    else:
        names = level_names(framework.scale)
        lines = [
            f"Proposed action plan for {plan.organisation.name}: {framework.title}, version {framework.version}",
            f"From {audits_named(plan.audits)}.",
            f"One action for each criterion below {framework.scale.highest.name}: lowest level first, then the "
            "widest gap between viewpoints, then the framework's order.",
            "",
        ]
        rows = [
            (
                str(number),
                action.id,
                framework.section_of(gap.criterion).title,
                names[gap.level],
                plural(gap.spread, "level"),
                shown(action.what),
            )
            for number, (action, gap) in enumerate(zip(plan.actions, proposal.gaps, strict=True), start=1)
        ]
        head = ("#", "action", "section", "lowest level", "gap", "what")
        lines.append(table(head, rows) if rows else "No criterion is below the top level: there is nothing to plan.")
        out("\n".join(lines))
    if suggestions is not None:
        out(_approaches_attached(suggestions, catalogue))
    if proposal.unrated:
        out(
            f"Not rated from any viewpoint, so no action is proposed (decide about these together): "
            f"{', '.join(proposal.unrated)}."
        )
    if proposal.not_applicable:
        out(f"Not applicable, left out: {', '.join(proposal.not_applicable)}.")
    if not args.output:
        out("Save the plan with -o plan.json, or -o plan.xlsx for a workbook the school can keep up to date.")
    return EXIT_OK


def _plan_status(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    registry = installed_exporters()
    plan = read_plan(args.plan, catalogue, registry)
    framework = catalogue.framework(plan.framework, plan.framework_version)
    source: Audit | Comparison | PooledView | None = None
    if args.audits:
        source, _ = _plan_source(args.audits, catalogue)
        if not same_organisation(source.organisation, plan.organisation):
            raise IncomparableAuditsError(
                "the audits given with --audit are not the ones the plan answers",
                [
                    Problem(
                        str(args.audits[0]),
                        "different-organisation",
                        f"the audits are about {excerpt(source.organisation.name)}, but the plan is for "
                        f"{excerpt(plan.organisation.name)}; give the audits of {excerpt(plan.organisation.name)}",
                    )
                ],
            )
    on: dt.date = args.on or dt.date.today()
    status = plan_status(plan, framework, on=on, source=source)
    if args.output:
        exporter = exporter_name(registry, args.format, args.output)
        document: PlanStatus | ActionPlan = status if registry.get(exporter).supports(status) else plan
        written = write_requested(document, args, catalogue, on=on, registry=registry)
        out(f"wrote {written}: {plural(len(plan.actions), 'action')}, {len(status.overdue)} overdue on {on}")
    else:
        out(_status_text(status, framework))
    return EXIT_OK


def _status_text(status: PlanStatus, framework: Framework) -> str:
    plan = status.plan
    on = long_date(status.on)
    lines = [f"Action plan of {plan.organisation.name}: {framework.title}, version {framework.version}, on {on}"]
    if plan.audits:
        lines.append(f"It answers {audits_named(plan.audits)}.")
    counts = [f"{count} {state.label}" for state, count in status.counts.items() if count]
    summary = f"{plural(len(plan.actions), 'action')}" + (f": {and_list(counts)}" if counts else "")
    if status.done_share is not None:
        summary += f"; {percent(status.done_share)} of the actions not dropped are done"
    lines.append(summary + ".")
    lines.append(
        f"The whole plan is next reviewed on {long_date(status.next_review)}."
        if status.next_review
        else "No review of the whole plan is planned after this date."
    )
    overdue = {action.id for action in status.overdue}
    if plan.actions:
        lines += ["", f"Actions ({len(status.overdue)} overdue on {on}):"]
        rows = [
            (
                action.id,
                action.status.label + (" (overdue)" if action.id in overdue else ""),
                action.due_date.isoformat() if action.due_date else "-",
                action.owner or "-",
                ", ".join(action.criteria) or "-",
                shown(_what_or_why(action), 50),
            )
            for action in plan.actions
        ]
        lines.append(table(("action", "status", "due", "owner", "criteria", "what (or why dropped)"), rows))
    against = "gaps of the audits it answers" if status.against_gaps else "criteria of the framework"
    if status.uncovered:
        lines += ["", f"{capital(against)} that no action improves ({len(status.uncovered)}):"]
        lines.append(", ".join(status.uncovered))
    else:
        lines += ["", f"Every one of the {against} has an action."]
    return "\n".join(lines)


def _what_or_why(action: Action) -> str:
    if action.status is ActionStatus.DROPPED and action.dropped_reason:
        return f"dropped: {action.dropped_reason}"
    return action.what


def _plan_import(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    registry = installed_exporters()
    plan = read_plan(args.plan, catalogue, registry)
    written = write_requested(plan, args, catalogue, registry=registry)
    out(
        f"wrote {written}: "
        f"{plural(len(plan.actions), 'action')} of {excerpt_text(plan.organisation.name)} read from {args.plan}"
    )
    return EXIT_OK


PLAN_COMMANDS = (
    Command(
        "plan",
        "draft, follow or read an action plan",
        None,
        subcommand_title="what to do with the plan",
        subcommands=(
            Command(
                "propose",
                "draft a plan from an audit's gaps, or from a comparison of several perspectives",
                _plan_propose,
                _propose_arguments,
                description="Draft an action plan: one action for each criterion below the top level, lowest level "
                "first, then the widest gap between perspectives, then the framework's order.",
            ),
            Command(
                "status",
                "report how a plan is going: actions by status, overdue actions, criteria with no action",
                _plan_status,
                _status_arguments,
                description="Report how an action plan is going on a date.",
            ),
            Command(
                "import",
                "read an action plan workbook the school has updated back into a plan",
                _plan_import,
                _import_arguments,
                description="Read an action plan file (such as the .xlsx workbook the plan was exported to, as the "
                "school has since updated it) back into an action plan.",
            ),
        ),
    ),
)
