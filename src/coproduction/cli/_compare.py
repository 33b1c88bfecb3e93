"""The ``compare`` command: audits of one organisation from different perspectives, side by side (private)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._arguments import output_options
from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_OK, UsageError, chosen_catalogue, out, write_requested
from coproduction.cli._ladder_compare import ladder_comparison_text, read_ladder_comparison
from coproduction.cli._reading import audit_or_pool, named_files, read_each
from coproduction.cli._text import audits_named, capital, level_names, percent, plural, table
from coproduction.contract.serialization import dumps, load
from coproduction.errors import CoproductionError
from coproduction.exporters.documents import LadderComparisonReport
from coproduction.model._excerpt import excerpt_text
from coproduction.model.comparison import Comparison, CriterionComparison
from coproduction.model.framework import Framework
from coproduction.model.ladder import LadderAssessment
from coproduction.model.organisation import Perspective
from coproduction.rules import wording
from coproduction.rules.comparing import compare_perspectives

__all__ = ["COMPARE_COMMANDS", "read_comparison"]


def _compare_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="two or more audits or pooled views (JSON), one per perspective; or two ladder assessments (JSON) "
        "of one organisation on one ladder, from different viewpoints",
    )
    output_options(parser, "the comparison to write: .json, .docx or .xlsx")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON instead of a table")


def _compare(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    documents = _read_documents(args.files, catalogue)
    if any(isinstance(document, LadderAssessment) for document in documents):
        return _compare_ladders(args, read_ladder_comparison(documents, args.files, catalogue), catalogue)
    comparison = _comparison_of(documents, args.files, catalogue)
    if args.output:
        written = write_requested(comparison, args, catalogue)
        if not args.json:  # the JSON printed must be all that is printed
            out(
                f"wrote {written}: "
                f"{excerpt_text(comparison.organisation.name)}, {plural(len(comparison.audits), 'perspective')}"
            )
    if args.json:
        sys.stdout.write(dumps(comparison))
    elif not args.output:
        framework = catalogue.framework(comparison.framework, comparison.framework_version)
        out(_comparison_text(comparison, framework))
    return EXIT_OK


def _compare_ladders(args: argparse.Namespace, report: LadderComparisonReport, catalogue: Catalogue) -> int:
    if args.json:
        raise UsageError("--json prints a comparison of audits; for ladder assessments, use -o with .docx or .xlsx")
    if args.output:
        written = write_requested(report, args, catalogue)
        out(f"wrote {written}: {excerpt_text(report.comparison.organisation.name)}, two views of the ladder")
    else:
        out(ladder_comparison_text(report))
    return EXIT_OK


def _read_documents(files: Sequence[Path], catalogue: Catalogue) -> list[object]:
    if len(files) < 2:
        raise UsageError("give two or more audits to compare, one per perspective (or two ladder assessments)")
    return read_each(files, lambda file: load(file, catalogue=catalogue))


def read_comparison(files: Sequence[Path], catalogue: Catalogue) -> Comparison:
    """Compare the audits (or pooled views) in these files, naming the file of each problem."""
    return _comparison_of(_read_documents(files, catalogue), files, catalogue)


def _comparison_of(documents: Sequence[object], files: Sequence[Path], catalogue: Catalogue) -> Comparison:
    by_file = dict(zip(files, documents, strict=True))
    loaded = read_each(files, lambda file: audit_or_pool(by_file[file], file, catalogue))
    try:
        return compare_perspectives([audit for audit, _ in loaded], loaded[0][1])
    except CoproductionError as error:
        raise named_files(error, files) from None


def _comparison_text(comparison: Comparison, framework: Framework) -> str:
    names = level_names(comparison.scale)
    perspectives = comparison.perspectives
    lines = [
        f"{comparison.organisation.name}: {framework.title}, version {framework.version}",
        f"Comparing {audits_named(comparison.audits)}.",
        "",
        "Scores",
    ]
    head = ("section", *(p.label for p in perspectives), "widest gap")
    rows = []
    for index, section in enumerate(framework.sections):
        values = [entry.sections[index].score.value for entry in comparison.scores]
        rows.append((section.title, *(percent(v) for v in values), _points(values)))
    overall = [entry.overall.value for entry in comparison.scores]
    rows.append(("Overall", *(percent(v) for v in overall), _points(overall)))
    lines += [table(head, rows, separator_before_last=True), "", "How far they agree"]
    for agreement in comparison.agreement:
        first, second = agreement.first.label, agreement.second.label
        if agreement.compared == 0:
            lines.append(f"{capital(first)} and {second}: no criterion was rated by both.")
            continue
        kappa = (
            f"weighted kappa {agreement.kappa:.2f}"
            if agreement.kappa is not None
            else f"no weighted kappa ({agreement.kappa_note})"
        )
        lines.append(
            f"{capital(first)} and {second}: {plural(agreement.compared, 'criterion', 'criteria')} rated by both; "
            f"{agreement.exact} at the same level ({percent(agreement.exact_share)}); {kappa}."
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
        f"{plural(count, 'criterion', 'criteria')} {higher.label} rate higher than {lower.label} do."
        if count
        else f"no criterion that {higher.label} rate higher than {lower.label} do."
    )
    if (higher, lower) == (Perspective.SCHOOL_STAFF, Perspective.PARENT_CARERS):
        return f"Blind spots: {what}"
    if (higher, lower) == (Perspective.PARENT_CARERS, Perspective.SCHOOL_STAFF):
        return f"Hidden strengths: {what}"
    return capital(what)


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
                plural(abs(gap or 0), "level"),
            )
        )
    return table(head, rows)


COMPARE_COMMANDS = (
    Command(
        "compare",
        "compare audits of one organisation from different perspectives, side by side",
        _compare,
        _compare_arguments,
    ),
)
