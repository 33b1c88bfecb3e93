"""The audit commands: ``validate`` (any document, every problem listed) and ``score`` (private)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coproduction.cli._command import Command
from coproduction.cli._common import EXIT_INVALID, EXIT_OK, chosen_catalogue, err, out, write_bytes
from coproduction.cli._reading import load_audit
from coproduction.cli._text import percent, table
from coproduction.contract.serialization import dumps, load
from coproduction.errors import CoproductionError
from coproduction.model.framework import Framework
from coproduction.model.scores import ScoreReport
from coproduction.rules.scoring import score

__all__ = ["AUDIT_COMMANDS"]


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")


def _score_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="AUDIT")
    parser.add_argument("--json", action="store_true", help="print the score report as JSON")
    parser.add_argument("-o", "--output", type=Path, help="also write the score report JSON to this file")


def _validate(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    failed = 0
    for file in args.files:
        try:
            document = load(file, catalogue=catalogue)
        except CoproductionError as error:
            failed += 1
            err(f"{error}")
        else:
            out(f"{file}: valid {type(document).__name__}")
    if failed:
        err(f"{failed} of {len(args.files)} file{'s' if len(args.files) != 1 else ''} invalid")
    return EXIT_INVALID if failed else EXIT_OK


def _score(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    audit, framework = load_audit(args.file, catalogue)
    report = score(audit, framework)
    if args.output:
        data = dumps(report).encode("utf-8")
        write_bytes(args.output, data, inputs=[args.file])
    if args.json:
        sys.stdout.write(dumps(report))
    else:
        out(_score_table(report, framework))
    return EXIT_OK


def _score_table(report: ScoreReport, framework: Framework) -> str:
    scale = framework.scale
    names = {level.id: level.name for level in scale.levels}
    head = (
        "section",
        "score",
        "band",
        *(level.name for level in scale.levels),
        "not applicable",
        "unanswered",
        "coverage",
    )
    rows = []
    for entry in (*report.sections, None):
        title, result = ("Overall", report.overall) if entry is None else (entry.title, entry.score)
        rows.append(
            (
                title,
                percent(result.value),
                names.get(result.band or "", "-"),
                *(str(result.level_counts[level.id]) for level in scale.levels),
                str(result.not_applicable),
                str(result.unanswered),
                percent(result.coverage),
            )
        )
    status = "complete" if report.complete else "incomplete"
    intro = (
        f"{report.organisation.name}: {framework.title}, version {framework.version}\n"
        f"From the viewpoint of {report.perspective.label}, {report.date.isoformat()} ({status})\n"
    )
    return intro + "\n" + table(head, rows, separator_before_last=True)


AUDIT_COMMANDS = (
    Command("validate", "check JSON documents and list every problem", _validate, _validate_arguments),
    Command("score", "score an audit: section scores, bands, level counts, coverage", _score, _score_arguments),
)
