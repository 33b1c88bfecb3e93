"""The ``activity slip`` and ``activity evaluate`` actions: hand out an evaluation slip, add the filled slips back."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import attrs

from coproduction.cli._command import Command
from coproduction.cli._common import (
    EXIT_OK,
    UsageError,
    chosen_catalogue,
    context_for,
    installed_exporters,
    open_input,
    out,
    write_bytes,
    write_requested,
)
from coproduction.cli._reading import read_each
from coproduction.contract.serialization import dumps, load
from coproduction.errors import CoproductionError, InvalidDocumentError, Problem, UnreadableFileError
from coproduction.exporters._practice_protocol import EvaluationSlipReader
from coproduction.exporters.practice_documents import EvaluationSlipTemplate
from coproduction.model.activity import Activity, EvaluationSlip
from coproduction.rules.wording import plural

__all__ = ["EVALUATION_SLIP_ACTIONS"]


def _slip_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="ACTIVITY", help="the activity JSON file")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the slip to write (.docx)")
    parser.add_argument("--format", help="the exporter to use (default: from the output's suffix)")


def _slip(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    activity: Activity = load(args.file, Activity, catalogue=catalogue)
    written = write_requested(EvaluationSlipTemplate(activity), args, catalogue)
    out(f"wrote {written}: an evaluation slip for {activity.title}; print one for each person taking part")
    return EXIT_OK


def _evaluate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="ACTIVITY", help="the activity JSON file")
    parser.add_argument("slips", nargs="+", type=Path, metavar="SLIP", help="the filled-in slips (.docx)")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="the activity to write, with the slips added (.json)"
    )


def _evaluate(args: argparse.Namespace) -> int:
    if args.output.suffix.lower() != ".json":
        raise UsageError(f"write the activity as .json (got {args.output.name})")
    catalogue = chosen_catalogue(args)
    activity: Activity = load(args.file, Activity, catalogue=catalogue)
    registry = installed_exporters()
    context = context_for(catalogue)
    seen: dict[str, Path] = {}

    def read(file: Path) -> EvaluationSlip:
        try:
            reader = registry.get(registry.by_suffix(file.suffix))
        except CoproductionError as error:
            raise UnreadableFileError(f"cannot read this as an evaluation slip ({error.message})") from None
        if not isinstance(reader, EvaluationSlipReader):
            raise UnreadableFileError(f"{file.suffix or 'a file without a suffix'} files are not evaluation slips")
        with open_input(file) as source:
            data = source.read()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            raise InvalidDocumentError(
                "this slip is the same file as another given",
                [Problem("", "slip-twice", f"it is the same as {seen[digest]}; give each slip once")],
            )
        seen[digest] = file
        with open_input(file) as source:
            return reader.read_evaluation_slip(source, activity, context)

    slips = read_each(args.slips, read)
    updated = attrs.evolve(activity, evaluation=(*activity.evaluation, *slips))
    written = write_bytes(args.output, dumps(updated).encode("utf-8"), inputs=[args.file])
    out(
        f"wrote {written}: {plural(len(slips), 'slip')} added to {activity.title} "
        f"({plural(len(updated.evaluation), 'slip')} in all)"
    )
    return EXIT_OK


EVALUATION_SLIP_ACTIONS = (
    Command(
        "slip",
        "make a one-page evaluation slip (Word) to hand out at the activity",
        _slip,
        _slip_arguments,
        description='Make a one-page evaluation slip for an activity: "Are you being listened to?" and '
        '"Quality of discussion?", each rated 1 to 5, and a comment; anonymous, filled in on paper or on screen.',
    ),
    Command(
        "evaluate",
        "add filled-in evaluation slips to the activity's evaluation",
        _evaluate,
        _evaluate_arguments,
        description="Read filled-in evaluation slips and write the activity with them added to its evaluation. "
        "If any slip cannot be read, each is named with its reason and nothing is written.",
    ),
)
"""The evaluation slip's actions of ``coproduction activity``."""
