"""The ``progress`` command: audits of one organisation from one perspective, followed over time (private)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coproduction.cli._arguments import output_options
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, UsageError, chosen_catalogue, out, write_requested
from coproduction.cli._reading import load_audit, named_files, read_each
from coproduction.cli._text import and_list, capital, level_names, long_date, percent, plural, table
from coproduction.contract.serialization import dumps
from coproduction.errors import CoproductionError
from coproduction.model._excerpt import excerpt_text
from coproduction.model.framework import Framework
from coproduction.model.progress import Progress
from coproduction.rules.progress import track_progress

__all__ = ["PROGRESS_COMMANDS"]


def _progress_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="AUDIT", help="two or more audit JSON files, one per date"
    )
    output_options(parser, "the progress report to write: .json, .docx or .xlsx")
    parser.add_argument("--json", action="store_true", help="print the progress report as JSON instead of a table")


def _progress(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    if len(args.files) < 2:
        raise UsageError("give two or more audits to follow over time, one per date")
    loaded = read_each(args.files, lambda file: load_audit(file, catalogue))
    first = loaded[0][0].framework
    versions = {framework.version: framework for _, framework in loaded if framework.id == first}
    try:
        progress = track_progress([audit for audit, _ in loaded], list(versions.values()))
    except CoproductionError as error:
        raise named_files(error, args.files) from None
    if args.output:
        written = write_requested(progress, args, catalogue)
        if not args.json:  # the JSON printed must be all that is printed
            out(f"wrote {written}: {excerpt_text(progress.organisation.name)}, {plural(len(progress.cycles), 'audit')}")
    if args.json:
        sys.stdout.write(dumps(progress))
    elif not args.output:
        out(_progress_text(progress, versions))
    return EXIT_OK


def _progress_text(progress: Progress, versions: dict[str, Framework]) -> str:
    latest = versions[progress.cycles[-1].framework_version]
    dates = [cycle.date.isoformat() for cycle in progress.cycles]
    lines = [
        f"{progress.organisation.name}: {latest.title}, from the viewpoint of {progress.perspective.label}",
        "Audits: "
        + ", ".join(f"{long_date(cycle.date)} (version {cycle.framework_version})" for cycle in progress.cycles)
        + ".",
        "",
    ]
    head = ("section", *dates, "since the last audit")
    rows = [
        (section.title, *(percent(value) for value in section.scores), section.movements[-1].label)
        for section in progress.sections
    ]
    rows.append(("Overall", *(percent(value) for value in progress.scores), progress.overall[-1].label))
    lines.append(table(head, rows, separator_before_last=True))
    change = progress.change
    trend = progress.trend.label
    lines += ["", f"Overall, from the first audit to the latest, the score {trend}"]
    if change is not None and abs(change) >= 0.005:
        lines[-1] += f" ({'+' if change > 0 else '-'}{abs(change) * 100:.0f} points)"
    lines[-1] += "."
    counts = progress.movement_counts()
    moved = [f"{count} {movement.label}" for movement, count in counts.items() if count]
    since = long_date(progress.cycles[-2].date)
    lines.append(f"Criteria since the audit of {since}: {and_list(moved)}.")
    scales = {version: level_names(framework.scale) for version, framework in versions.items()}
    for movement in counts:
        changed = progress.criteria_that(movement)
        if not changed or movement.value in ("same", "not-rated"):
            continue
        lines += ["", f"{capital(movement.label)} ({len(changed)}):"]
        rows = []
        for criterion in changed:
            shown = []
            for cycle, rating in zip(progress.cycles[-2:], criterion.ratings[-2:], strict=True):
                if rating.rating is not None:
                    shown.append(scales.get(cycle.framework_version, {}).get(rating.rating, rating.rating))
                else:
                    shown.append("not applicable" if rating.not_applicable else "not rated")
            rows.append((criterion.criterion, latest.section_of(criterion.criterion).title, *shown))
        lines.append(table(("criterion", "section", *dates[-2:]), rows))
    for entry in progress.unshared:
        lines += [
            "",
            f"Not compared: version {entry.framework_version} has "
            f"{plural(len(entry.criteria), 'criterion', 'criteria')} not in every version audited: "
            f"{', '.join(entry.criteria)}.",
        ]
    return "\n".join(lines)


PROGRESS_COMMANDS = (
    Command(
        "progress",
        "follow audits of one organisation from one perspective over time",
        _progress,
        _progress_arguments,
    ),
)
