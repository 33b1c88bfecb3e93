"""The commands of the co-production cycle: compare, progress, plan, charter and feedback (private).

:func:`add_cycle_commands` adds them to the ``coproduction`` command line
(:mod:`coproduction.cli`), whose conventions they follow: exit code 0 on
success, 1 for invalid input (every problem listed, nothing written), 2 for a
command typed wrongly; never a traceback for a user's mistake; every file
written atomically through the exporter registry, its format chosen by the
output's suffix or ``--format``; a readable plain-English table on screen
when no output file is named.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from coproduction.catalogue._catalogue import Catalogue, default_catalogue
from coproduction.cli._common import (
    EXIT_OK,
    _catalogue,
    _context,
    _err,
    _exporter_name,
    _out,
    _percent,
    _registry,
    _table,
    _UsageError,
    open_input,
    write_output,
)
from coproduction.contract.serialization import dumps, kind_of, load
from coproduction.errors import (
    CoproductionError,
    IncomparableAuditsError,
    InvalidDocumentError,
    Problem,
    UnreadableFileError,
)
from coproduction.exporters._registry import ExporterRegistry
from coproduction.model._excerpt import excerpt, excerpt_text
from coproduction.model.audit import Audit
from coproduction.model.charter import Charter
from coproduction.model.comparison import AuditReference, Comparison, CriterionComparison
from coproduction.model.contributors import Contributor, Group
from coproduction.model.feedback import FeedbackLog, FeedbackStatus
from coproduction.model.framework import Framework, RatingScale
from coproduction.model.organisation import Perspective
from coproduction.model.plan import Action, ActionPlan, ActionStatus
from coproduction.model.pooled import PooledView
from coproduction.model.progress import Progress
from coproduction.rules import wording
from coproduction.rules.comparing import compare_perspectives, same_organisation
from coproduction.rules.feedback import check_action_links, you_said_we_did
from coproduction.rules.plain_english import PlainEnglishChecker, check_plain_english
from coproduction.rules.planning import PlanStatus, plan_status, propose_plan
from coproduction.rules.progress import track_progress

__all__ = ["add_cycle_commands"]

T = TypeVar("T")
Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]

# The widest a free text is shown in a table on screen (the file written holds it whole).
_SHOWN = 60


# -- the parser ----------------------------------------------------------------------------------


def add_cycle_commands(command: AddCommand) -> None:
    """Add the commands ``compare``, ``progress``, ``plan``, ``charter`` and ``feedback``.

    Args:
        command: The command line's ``command(name, handler, help)``, which
            adds a sub-command whose handler is called with the parsed arguments.
    """
    compare = command(
        "compare", _compare, "compare audits of one organisation from different perspectives, side by side"
    )
    compare.add_argument(
        "files", nargs="+", type=Path, metavar="AUDIT", help="two or more audit JSON files, one per perspective"
    )
    _output_options(compare, "the comparison to write: .json, .docx or .xlsx")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON instead of a table")

    progress = command("progress", _progress, "follow audits of one organisation from one perspective over time")
    progress.add_argument(
        "files", nargs="+", type=Path, metavar="AUDIT", help="two or more audit JSON files, one per date"
    )
    _output_options(progress, "the progress report to write: .json, .docx or .xlsx")
    progress.add_argument("--json", action="store_true", help="print the progress report as JSON instead of a table")

    plan = command("plan", _needs_action("plan", "propose, status or import"), "draft, follow or read an action plan")
    plans = plan.add_subparsers(title="what to do with the plan", metavar="ACTION")

    propose = plans.add_parser(
        "propose",
        help="draft a plan from an audit's gaps, or from a comparison of several perspectives",
        description="Draft an action plan: one action for each criterion below the top level, lowest level "
        "first, then the widest gap between perspectives, then the framework's order.",
    )
    propose.set_defaults(handler=_plan_propose)
    propose.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="AUDIT",
        help="an audit JSON file; or several of one organisation from different perspectives",
    )
    propose.add_argument("--owner", help="an owner to give every proposed action, such as 'SENCo'")
    propose.add_argument(
        "--co-produced-with",
        action="append",
        default=[],
        type=_contributor,
        metavar="GROUP[:LABEL]",
        help="who every action is co-produced with (may be repeated), such as "
        "'parent-carer-forum:Oak parent carer group'; groups: " + ", ".join(g.value for g in Group),
    )
    propose.add_argument(
        "--review",
        action="append",
        default=[],
        type=_date,
        metavar="DATE",
        help="a date the whole plan will be reviewed, as YYYY-MM-DD (may be repeated)",
    )
    _output_options(propose, "the plan to write: .json, .xlsx (a workbook the school keeps up to date) or .docx")

    status = plans.add_parser(
        "status",
        help="report how a plan is going: actions by status, overdue actions, criteria with no action",
        description="Report how an action plan is going on a date.",
    )
    status.set_defaults(handler=_plan_status)
    status.add_argument(
        "plan",
        type=Path,
        metavar="PLAN",
        help="the plan: a .json file, or the .xlsx workbook as the school has updated it",
    )
    status.add_argument(
        "--on", type=_date, metavar="DATE", help="the date to report on, as YYYY-MM-DD (default: today)"
    )
    status.add_argument(
        "--audit",
        dest="audits",
        action="append",
        default=[],
        type=Path,
        metavar="AUDIT",
        help="an audit the plan answers (may be repeated); the criteria with no action are then its gaps",
    )
    _output_options(status, "the report to write: .docx (progress on the date), .json or .xlsx (the plan itself)")

    import_ = plans.add_parser(
        "import",
        help="read an action plan workbook the school has updated back into a plan",
        description="Read an action plan file (such as the .xlsx workbook the plan was exported to, as the "
        "school has since updated it) back into an action plan.",
    )
    import_.set_defaults(handler=_plan_import)
    import_.add_argument("plan", type=Path, metavar="PLAN", help="the updated plan, such as plan.xlsx")
    _output_options(import_, "the plan to write, such as plan.json", required=True)

    charter = command("charter", _needs_action("charter", "check or export"), "check or export a charter")
    charters = charter.add_subparsers(title="what to do with the charter", metavar="ACTION")
    check = charters.add_parser(
        "check",
        help="check a charter and list jargon, unexplained acronyms and long sentences",
        description="Check a charter. Plain-English findings are advice: they are listed, with a suggested "
        "rewording, and the exit code stays 0. An invalid charter gives exit code 1.",
    )
    check.set_defaults(handler=_charter_check)
    check.add_argument("file", type=Path, metavar="CHARTER", help="the charter JSON file")
    export = charters.add_parser(
        "export", help="write a charter as a readable document", description="Write a charter as a document."
    )
    export.set_defaults(handler=_charter_export)
    export.add_argument("file", type=Path, metavar="CHARTER", help="the charter JSON file")
    _output_options(export, "the document to write, such as charter.docx", required=True)

    feedback = command("feedback", _needs_action("feedback", "summary"), 'summarise a "you said, we did" log')
    logs = feedback.add_subparsers(title="what to do with the log", metavar="ACTION")
    summary = logs.add_parser(
        "summary",
        help='count a "you said, we did" log by answer and theme, and list overdue answers',
        description='Summarise a "you said, we did" log, or write it as a document to publish.',
    )
    summary.set_defaults(handler=_feedback_summary)
    summary.add_argument("file", type=Path, metavar="LOG", help="the feedback log JSON file")
    summary.add_argument(
        "--on", type=_date, metavar="DATE", help="the date to judge 'will do' answers overdue on (default: today)"
    )
    summary.add_argument(
        "--plan", type=Path, metavar="PLAN", help="an action plan (.json or .xlsx) whose actions the log links to"
    )
    summary.add_argument("--text", action="store_true", help='print the "you said, we did" text, ready to publish')
    _output_options(summary, "the document to write: .docx, .xlsx or .json")


def _output_options(parser: argparse.ArgumentParser, what: str, *, required: bool = False) -> None:
    parser.add_argument("-o", "--output", type=Path, required=required, help=what)
    parser.add_argument("--format", default=None, help="exporter name (default: from the output suffix)")


def _needs_action(name: str, actions: str) -> Handler:
    def handler(args: argparse.Namespace) -> int:
        raise _UsageError(f"say what to do: coproduction {name} {{{actions.replace(' or ', ', ')}}} ...")

    return handler


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{excerpt(text)} is not a date; write it as YYYY-MM-DD, for example 2025-06-01"
        ) from None


def _contributor(text: str) -> Contributor:
    group, _, label = text.partition(":")
    try:
        return Contributor(group.strip(), label.strip())
    except ValueError as error:
        known = ", ".join(g.value for g in Group)
        reason = str(error) if group.strip() == Group.OTHER.value else f"choose one of: {known}"
        raise argparse.ArgumentTypeError(f"{excerpt(group.strip())} is not a group of people; {reason}") from None


# -- reading and writing -----------------------------------------------------------------------


def _read_each(files: Sequence[Path], read: Callable[[Path], T]) -> list[T]:
    """Read every file; list every failure on the error output and refuse them all if one fails."""
    found: list[T] = []
    failed: list[CoproductionError] = []
    for file in files:
        try:
            found.append(read(file))
        except CoproductionError as error:
            failed.append(error if error.source else error.with_source(str(file)))
    if len(failed) == 1:
        raise failed[0]
    if failed:
        for failure in failed:
            _err(f"{failure}")
        raise InvalidDocumentError(
            f"{len(failed)} of {len(files)} files cannot be used (see above); nothing was written"
        )
    return found


def _read_audit(catalogue: Catalogue) -> Callable[[Path], tuple[Audit, Framework]]:
    def read(file: Path) -> tuple[Audit, Framework]:
        audit: Audit = load(file, Audit, catalogue=catalogue)
        return audit, catalogue.framework(audit.framework, audit.framework_version)

    return read


def _read_audit_or_pool(catalogue: Catalogue) -> Callable[[Path], tuple[Audit | PooledView, Framework]]:
    """Read an audit or a pooled view (``coproduction pool`` writes one) from a JSON file."""

    def read(file: Path) -> tuple[Audit | PooledView, Framework]:
        document = load(file, catalogue=catalogue)
        if not isinstance(document, (Audit, PooledView)):
            raise InvalidDocumentError(
                f"this is a {kind_of(document)}, not an audit or a pooled view",
                [Problem("kind", "wrong-kind", "give an audit or a pooled view here")],
            ).with_source(str(file))
        return document, catalogue.framework(document.framework, document.framework_version)

    return read


def _named_files(error: CoproductionError, files: Sequence[Path]) -> CoproductionError:
    """Name the file in each problem placed at ``audits[n]``, so the user sees which file is meant."""
    for index, problem in enumerate(error.problems):
        head, _, rest = problem.path.partition("]")
        if head.startswith("audits[") and head[7:].isdigit() and int(head[7:]) < len(files):
            where = str(files[int(head[7:])]) + (f" ({rest.lstrip('.')})" if rest.strip(".") else "")
            error.problems[index] = Problem(where, problem.code, problem.message)
    return error


def _read_plan(file: Path, catalogue: Catalogue, registry: ExporterRegistry) -> ActionPlan:
    """Read a plan: JSON, or a file an installed exporter wrote and can read back (such as .xlsx)."""
    if file.suffix.lower() == ".json":
        plan: ActionPlan = load(file, ActionPlan, catalogue=catalogue)
        return plan
    try:
        reader = registry.action_plan_reader(registry.by_suffix(file.suffix))
    except CoproductionError as error:
        raise UnreadableFileError(
            f"cannot read {file.suffix or 'a file without a suffix'} files as an action plan ({error.message}); "
            "give the plan's .json file, or the .xlsx workbook it was exported to",
            source=str(file),
        ) from None
    try:
        with open_input(file) as source:
            return reader.read_action_plan(source, _context(catalogue))
    except FileNotFoundError:
        raise UnreadableFileError("the file does not exist", source=str(file)) from None
    except IsADirectoryError:
        raise UnreadableFileError("this is a folder, not a file", source=str(file)) from None
    except CoproductionError as error:
        raise (error if error.source else error.with_source(str(file))) from None


def _write(
    document: object,
    args: argparse.Namespace,
    catalogue: Catalogue,
    *,
    on: dt.date | None = None,
    registry: ExporterRegistry | None = None,
) -> Path:
    registry = registry or _registry()
    output: Path = args.output
    exporter = registry.for_document(_exporter_name(registry, args.format, output), document)
    inputs = [path for name in ("file", "files", "plan") for path in _as_paths(getattr(args, name, None))]
    return write_output(output, lambda out: exporter.export(document, out, _context(catalogue, on)), inputs=inputs)


def _as_paths(value: object) -> list[Path]:
    if isinstance(value, Path):
        return [value]
    return [item for item in value if isinstance(item, Path)] if isinstance(value, list) else []


# -- words on screen -----------------------------------------------------------------------------


def _long_date(date: dt.date) -> str:
    return wording.long_date(date)


def _shown(text: str, width: int = _SHOWN) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3].rstrip() + "..."


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return wording.plural(count, word, plural)


def _and(parts: Sequence[str]) -> str:
    return wording.and_list(parts)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _level_names(scale: RatingScale) -> dict[str, str]:
    return {level.id: level.name for level in scale.levels}


def _audits_named(references: Iterable[AuditReference]) -> str:
    return _and([reference.label for reference in references])


# -- compare -------------------------------------------------------------------------------------


def _compare(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    comparison = _comparison(args.files, catalogue)
    if args.output:
        written = _write(comparison, args, catalogue)
        if not args.json:  # the JSON printed must be all that is printed
            _out(
                f"wrote {written}: "
                f"{excerpt_text(comparison.organisation.name)}, {_plural(len(comparison.audits), 'perspective')}"
            )
    if args.json:
        sys.stdout.write(dumps(comparison))
    elif not args.output:
        framework = catalogue.framework(comparison.framework, comparison.framework_version)
        _out(_comparison_text(comparison, framework))
    return EXIT_OK


def _comparison(files: Sequence[Path], catalogue: Catalogue) -> Comparison:
    if len(files) < 2:
        raise _UsageError("give two or more audits to compare, one per perspective")
    loaded = _read_each(files, _read_audit_or_pool(catalogue))
    try:
        return compare_perspectives([audit for audit, _ in loaded], loaded[0][1])
    except CoproductionError as error:
        raise _named_files(error, files) from None


def _comparison_text(comparison: Comparison, framework: Framework) -> str:
    names = _level_names(comparison.scale)
    perspectives = comparison.perspectives
    lines = [
        f"{comparison.organisation.name}: {framework.title}, version {framework.version}",
        f"Comparing {_audits_named(comparison.audits)}.",
        "",
        "Scores",
    ]
    head = ("section", *(p.label for p in perspectives), "widest gap")
    rows = []
    for index, section in enumerate(framework.sections):
        values = [entry.sections[index].score.value for entry in comparison.scores]
        rows.append((section.title, *(_percent(v) for v in values), _points(values)))
    overall = [entry.overall.value for entry in comparison.scores]
    rows.append(("Overall", *(_percent(v) for v in overall), _points(overall)))
    lines += [_table(head, rows, separator_before_last=True), "", "How far they agree"]
    for agreement in comparison.agreement:
        first, second = agreement.first.label, agreement.second.label
        if agreement.compared == 0:
            lines.append(f"{_capital(first)} and {second}: no criterion was rated by both.")
            continue
        kappa = (
            f"weighted kappa {agreement.kappa:.2f}"
            if agreement.kappa is not None
            else f"no weighted kappa ({agreement.kappa_note})"
        )
        lines.append(
            f"{_capital(first)} and {second}: {_plural(agreement.compared, 'criterion', 'criteria')} rated by both; "
            f"{agreement.exact} at the same level ({_percent(agreement.exact_share)}); {kappa}."
        )
        gap = agreement.mean_gap or 0.0
        if abs(gap) >= 0.005:
            above, below = (first, second) if gap > 0 else (second, first)
            lines.append(f"  On average {above} rate {abs(gap):.2f} levels higher than {below}.")
    lines.append(wording.KAPPA_EXPLAINED)
    for agreement in comparison.agreement:
        for higher, lower, ids in (
            (agreement.first, agreement.second, agreement.first_higher),
            (agreement.second, agreement.first, agreement.second_higher),
        ):
            lines += ["", _higher_heading(higher, lower, len(ids))]
            if ids:
                criteria = [comparison.criterion(criterion) for criterion in ids]
                lines.append(_criteria_table(criteria, framework, perspectives, names, (higher, lower)))
    return "\n".join(lines)


def _points(values: Sequence[float | None]) -> str:
    found = [value for value in values if value is not None]
    if len(found) < 2:
        return "-"
    return wording.percent_points(max(found) - min(found))


def _higher_heading(higher: Perspective, lower: Perspective, count: int) -> str:
    what = (
        f"{_plural(count, 'criterion', 'criteria')} {higher.label} rate higher than {lower.label} do."
        if count
        else f"no criterion that {higher.label} rate higher than {lower.label} do."
    )
    if (higher, lower) == (Perspective.SCHOOL_STAFF, Perspective.PARENT_CARERS):
        return f"Blind spots: {what}"
    if (higher, lower) == (Perspective.PARENT_CARERS, Perspective.SCHOOL_STAFF):
        return f"Hidden strengths: {what}"
    return _capital(what)


def _criteria_table(
    criteria: Sequence[CriterionComparison],
    framework: Framework,
    perspectives: Sequence[Perspective],
    names: dict[str, str],
    pair: tuple[Perspective, Perspective],
) -> str:
    head = ("criterion", "section", *(p.label for p in perspectives), "gap")
    rows = []
    for criterion in criteria:
        levels = []
        for rating in criterion.ratings:
            if rating.rating is not None:
                levels.append(names.get(rating.rating, rating.rating))
            else:
                levels.append("not applicable" if rating.not_applicable else "not rated")
        gap = criterion.gap(*pair)
        rows.append(
            (
                criterion.criterion,
                framework.section_of(criterion.criterion).title,
                *levels,
                _plural(abs(gap or 0), "level"),
            )
        )
    return _table(head, rows)


# -- progress ------------------------------------------------------------------------------------


def _progress(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    if len(args.files) < 2:
        raise _UsageError("give two or more audits to follow over time, one per date")
    loaded = _read_each(args.files, _read_audit(catalogue))
    first = loaded[0][0].framework
    versions = {framework.version: framework for _, framework in loaded if framework.id == first}
    try:
        progress = track_progress([audit for audit, _ in loaded], list(versions.values()))
    except CoproductionError as error:
        raise _named_files(error, args.files) from None
    if args.output:
        written = _write(progress, args, catalogue)
        if not args.json:  # the JSON printed must be all that is printed
            _out(
                f"wrote {written}: {excerpt_text(progress.organisation.name)}, {_plural(len(progress.cycles), 'audit')}"
            )
    if args.json:
        sys.stdout.write(dumps(progress))
    elif not args.output:
        _out(_progress_text(progress, versions))
    return EXIT_OK


def _progress_text(progress: Progress, versions: dict[str, Framework]) -> str:
    latest = versions[progress.cycles[-1].framework_version]
    dates = [cycle.date.isoformat() for cycle in progress.cycles]
    lines = [
        f"{progress.organisation.name}: {latest.title}, from the viewpoint of {progress.perspective.label}",
        "Audits: "
        + ", ".join(f"{_long_date(cycle.date)} (version {cycle.framework_version})" for cycle in progress.cycles)
        + ".",
        "",
    ]
    head = ("section", *dates, "since the last audit")
    rows = [
        (section.title, *(_percent(value) for value in section.scores), section.movements[-1].label)
        for section in progress.sections
    ]
    rows.append(("Overall", *(_percent(value) for value in progress.scores), progress.overall[-1].label))
    lines.append(_table(head, rows, separator_before_last=True))
    change = progress.change
    trend = progress.trend.label
    lines += ["", f"Overall, from the first audit to the latest, the score {trend}"]
    if change is not None and abs(change) >= 0.005:
        lines[-1] += f" ({'+' if change > 0 else '-'}{abs(change) * 100:.0f} points)"
    lines[-1] += "."
    counts = progress.movement_counts()
    moved = [f"{count} {movement.label}" for movement, count in counts.items() if count]
    since = _long_date(progress.cycles[-2].date)
    lines.append(f"Criteria since the audit of {since}: {_and(moved)}.")
    scales = {version: _level_names(framework.scale) for version, framework in versions.items()}
    for movement in counts:
        changed = progress.criteria_that(movement)
        if not changed or movement.value in ("same", "not-rated"):
            continue
        lines += ["", f"{_capital(movement.label)} ({len(changed)}):"]
        rows = []
        for criterion in changed:
            shown = []
            for cycle, rating in zip(progress.cycles[-2:], criterion.ratings[-2:], strict=True):
                if rating.rating is not None:
                    shown.append(scales.get(cycle.framework_version, {}).get(rating.rating, rating.rating))
                else:
                    shown.append("not applicable" if rating.not_applicable else "not rated")
            rows.append((criterion.criterion, latest.section_of(criterion.criterion).title, *shown))
        lines.append(_table(("criterion", "section", *dates[-2:]), rows))
    for entry in progress.unshared:
        lines += [
            "",
            f"Not compared: version {entry.framework_version} has "
            f"{_plural(len(entry.criteria), 'criterion', 'criteria')} not in every version audited: "
            f"{', '.join(entry.criteria)}.",
        ]
    return "\n".join(lines)


# -- plans ---------------------------------------------------------------------------------------


def _plan_source(files: Sequence[Path], catalogue: Catalogue) -> tuple[Audit | Comparison | PooledView, Framework]:
    if len(files) == 1:
        audit, framework = _read_each(files, _read_audit_or_pool(catalogue))[0]
        return audit, framework
    comparison = _comparison(files, catalogue)
    return comparison, catalogue.framework(comparison.framework, comparison.framework_version)


def _plan_propose(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    source, framework = _plan_source(args.files, catalogue)
    proposal = propose_plan(
        source, framework, owner=args.owner, co_produced_with=args.co_produced_with, review_dates=args.review
    )
    plan = proposal.plan
    if args.output:
        written = _write(plan, args, catalogue)
        _out(
            f"wrote {written}: "
            f"{_plural(len(plan.actions), 'proposed action')} for {excerpt_text(plan.organisation.name)}"
        )
    else:
        names = _level_names(framework.scale)
        lines = [
            f"Proposed action plan for {plan.organisation.name}: {framework.title}, version {framework.version}",
            f"From {_audits_named(plan.audits)}.",
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
                _plural(gap.spread, "level"),
                _shown(action.what),
            )
            for number, (action, gap) in enumerate(zip(plan.actions, proposal.gaps, strict=True), start=1)
        ]
        head = ("#", "action", "section", "lowest level", "gap", "what")
        lines.append(_table(head, rows) if rows else "No criterion is below the top level: there is nothing to plan.")
        _out("\n".join(lines))
    if proposal.unrated:
        _out(
            f"Not rated from any viewpoint, so no action is proposed (decide about these together): "
            f"{', '.join(proposal.unrated)}."
        )
    if proposal.not_applicable:
        _out(f"Not applicable, left out: {', '.join(proposal.not_applicable)}.")
    if not args.output:
        _out("Save the plan with -o plan.json, or -o plan.xlsx for a workbook the school can keep up to date.")
    return EXIT_OK


def _plan_status(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    registry = _registry()
    plan = _read_plan(args.plan, catalogue, registry)
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
        exporter = _exporter_name(registry, args.format, args.output)
        document: PlanStatus | ActionPlan = status if registry.get(exporter).supports(status) else plan
        written = _write(document, args, catalogue, on=on, registry=registry)
        _out(f"wrote {written}: {_plural(len(plan.actions), 'action')}, {len(status.overdue)} overdue on {on}")
    else:
        _out(_status_text(status, framework))
    return EXIT_OK


def _status_text(status: PlanStatus, framework: Framework) -> str:
    plan = status.plan
    on = _long_date(status.on)
    lines = [f"Action plan of {plan.organisation.name}: {framework.title}, version {framework.version}, on {on}"]
    if plan.audits:
        lines.append(f"It answers {_audits_named(plan.audits)}.")
    counts = [f"{count} {state.label}" for state, count in status.counts.items() if count]
    summary = f"{_plural(len(plan.actions), 'action')}" + (f": {_and(counts)}" if counts else "")
    if status.done_share is not None:
        summary += f"; {_percent(status.done_share)} of the actions not dropped are done"
    lines.append(summary + ".")
    lines.append(
        f"The whole plan is next reviewed on {_long_date(status.next_review)}."
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
                _shown(_what_or_why(action), 50),
            )
            for action in plan.actions
        ]
        lines.append(_table(("action", "status", "due", "owner", "criteria", "what (or why dropped)"), rows))
    against = "gaps of the audits it answers" if status.against_gaps else "criteria of the framework"
    if status.uncovered:
        lines += ["", f"{_capital(against)} that no action improves ({len(status.uncovered)}):"]
        lines.append(", ".join(status.uncovered))
    else:
        lines += ["", f"Every one of the {against} has an action."]
    return "\n".join(lines)


def _what_or_why(action: Action) -> str:
    if action.status is ActionStatus.DROPPED and action.dropped_reason:
        return f"dropped: {action.dropped_reason}"
    return action.what


def _plan_import(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    registry = _registry()
    plan = _read_plan(args.plan, catalogue, registry)
    written = _write(plan, args, catalogue, registry=registry)
    _out(
        f"wrote {written}: "
        f"{_plural(len(plan.actions), 'action')} of {excerpt_text(plan.organisation.name)} read from {args.plan}"
    )
    return EXIT_OK


# -- charter -------------------------------------------------------------------------------------


def _load_charter(args: argparse.Namespace, catalogue: Catalogue) -> Charter:
    charter: Charter = load(args.file, Charter, catalogue=catalogue)
    return charter


def _charter_check(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    charter = _load_charter(args, catalogue)
    signed = (
        f"signed off by {_plural(len(charter.signed_off), 'person', 'people')}" if charter.signed else "not signed off"
    )
    _out(
        f"{args.file}: a valid charter of {excerpt_text(charter.organisation.name)}, "
        f"{_plural(len(charter.commitments), 'commitment')} and {_plural(len(charter.expectations), 'expectation')}, "
        f"co-produced on {_long_date(charter.co_produced_on)}, to be reviewed by {_long_date(charter.review_date)}, "
        f"{signed}."
    )
    findings = check_plain_english(charter, checker=PlainEnglishChecker(default_catalogue().glossary()))
    if not findings:
        _out("Plain English: no jargon, unexplained acronyms or long sentences found.")
        return EXIT_OK
    _out(f"Plain English: {_plural(len(findings), 'thing')} to consider rewording (advice; the charter is valid):")
    for finding in findings:
        _out(f"  {finding.path}: {finding.message}.\n    Suggestion: {finding.suggestion}.")
    return EXIT_OK


def _charter_export(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    charter = _load_charter(args, catalogue)
    written = _write(charter, args, catalogue)
    _out(f"wrote {written}: the charter of {excerpt_text(charter.organisation.name)}")
    return EXIT_OK


# -- feedback ------------------------------------------------------------------------------------


def _feedback_summary(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    log: FeedbackLog = load(args.file, FeedbackLog, catalogue=catalogue)
    if args.plan:
        plan = _read_plan(args.plan, catalogue, _registry())
        problems = check_action_links(log, plan)
        if problems:
            raise InvalidDocumentError(
                f"the log links to {_plural(len(problems), 'action')} that the plan {args.plan} does not have",
                problems,
                source=str(args.file),
            )
    on: dt.date = args.on or dt.date.today()
    if args.output:
        written = _write(log, args, catalogue, on=on)
        if not args.text:  # the text printed must be ready to publish as it is
            _out(
                f"wrote {written}: "
                f"{_plural(len(log.entries), 'entry', 'entries')} of {excerpt_text(log.organisation.name)}"
            )
    if args.text:
        sys.stdout.write(you_said_we_did(log, as_of=on))
    if args.output or args.text:
        return EXIT_OK
    summary = log.summary(as_of=on)
    counts = summary.counts
    lines = [
        f"{summary.title}: {summary.organisation.name}, on {_long_date(on)}",
        f"{_plural(counts.total, 'thing')} said: {counts.done} done, {counts.will_do} will do, "
        f"{counts.cannot_do} cannot do, {counts.not_yet_answered} not yet answered.",
        "",
    ]
    statuses = list(FeedbackStatus)
    head = ("theme", "said", *(status.label for status in statuses))
    rows = [
        (theme.theme or "(no theme)", str(theme.counts.total), *(str(theme.counts.count(s)) for s in statuses))
        for theme in summary.themes
    ]
    rows.append(("All", str(counts.total), *(str(counts.count(s)) for s in statuses)))
    lines.append(_table(head, rows, separator_before_last=True))
    if summary.overdue:
        lines += ["", f"Overdue on {_long_date(on)} ({len(summary.overdue)}): the date promised has passed."]
        for entry_id in summary.overdue:
            entry = log.entry(entry_id)
            due = _long_date(entry.response.due) if entry.response.due else "-"
            lines.append(f"  {entry.id}: {_shown(entry.response.what)} (by {due})")
    else:
        lines += ["", f"No answer is overdue on {_long_date(on)}."]
    _out("\n".join(lines))
    return EXIT_OK
