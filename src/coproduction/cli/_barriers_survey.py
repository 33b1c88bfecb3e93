"""The ``barriers-survey`` commands: ``template`` (a survey to tick) and ``summary`` (across returns)."""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli import _batch
from coproduction.cli._arguments import date
from coproduction.cli._command import Command
from coproduction.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    chosen_catalogue,
    context_for,
    err,
    exporter_name,
    installed_exporters,
    open_input,
    out,
    write_bytes,
    write_document,
    write_requested,
)
from coproduction.contract.serialization import check_input_file, load
from coproduction.errors import CoproductionError, InvalidDocumentError, Problem, UnreadableFileError
from coproduction.exporters._practice_protocol import BarriersSurveyReader
from coproduction.exporters._registry import ExporterRegistry
from coproduction.exporters.practice_documents import BarriersSurveyTemplate, survey_text
from coproduction.model.barriers_survey import BarriersReturn, BarriersSummary
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.pooled import DEFAULT_MINIMUM_GROUP
from coproduction.rules.barriers_survey import DEFAULT_TOP, summarise_barriers
from coproduction.rules.wording import plural

__all__ = ["BARRIERS_SURVEY_COMMANDS", "SUMMARY_FORMAT", "SUMMARY_FORMAT_VERSION", "summary_json"]

SUMMARY_FORMAT = "coproduction-barriers-summary"
"""The ``format`` of the JSON summary ``coproduction barriers-survey summary -o`` writes."""

SUMMARY_FORMAT_VERSION = 1
"""Its version; a field added keeps the version, a field changed or removed raises it."""

_FILLED_BY = {"parent-carers": Perspective.PARENT_CARERS, "school-staff": Perspective.SCHOOL_STAFF}


def _survey_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True, help="the survey to write (.docx or .xlsx)")
    parser.add_argument("--format", help="the exporter to use (default: from the output's suffix)")
    parser.add_argument(
        "--list",
        action="append",
        default=[],
        metavar="ID",
        dest="lists",
        help="list only the barriers of this list (may be repeated; default: every list in the catalogue)",
    )
    parser.add_argument("--organisation", metavar="NAME", help="the school or setting asking")
    parser.add_argument("--cohort", metavar="TEXT", help='the cohort asked, such as "Reception, September 2026"')
    parser.add_argument("--date", type=date, metavar="DATE", help="a date to pre-fill, as YYYY-MM-DD")
    parser.add_argument(
        "--by",
        choices=sorted(_FILLED_BY),
        default="parent-carers",
        help="who fills it in (default: parent-carers; school-staff to record what families said)",
    )


def survey_barriers(catalogue: Catalogue, lists: Sequence[str]) -> list[Any]:
    """The catalogue's barriers, or those of the lists named, in catalogue order.

    Raises:
        UsageError: If a list named is not in the catalogue, naming those there are.
    """
    known = [item.id for collection in catalogue.barrier_collections() for item in collection.lists]
    unknown = [name for name in lists if name not in known]
    if unknown:
        raise UsageError(f"there is no barrier list {unknown[0]!r}; the lists are: {', '.join(known)}")
    return [barrier for barrier in catalogue.barriers() if not lists or barrier.list in lists]


def _survey(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    if args.organisation is not None and not args.organisation.strip():
        raise UsageError("--organisation is empty; give the school's name, or leave it out")
    if args.cohort is not None and not args.cohort.strip():
        raise UsageError("--cohort is empty; give the cohort, or leave it out")
    template = BarriersSurveyTemplate(
        barriers=survey_barriers(catalogue, args.lists),
        perspective=_FILLED_BY[args.by],
        organisation=Organisation(args.organisation) if args.organisation else None,
        cohort=args.cohort,
        date=args.date,
    )
    written = write_requested(template, args, catalogue)
    out(f"wrote {written}: a barriers survey of {plural(len(template.barriers), 'barrier')}")
    return EXIT_OK


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="RETURN",
        help="returns (JSON, or filled Word or Excel surveys), or folders",
    )
    parser.add_argument("-o", "--output", type=Path, help="also write the summary: .json, or a report (.docx, .xlsx)")
    parser.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="ID",
        help="a priority group the school wants to reach; its approaches are suggested too (may be repeated)",
    )
    parser.add_argument(
        "--top",
        type=int,
        default=DEFAULT_TOP,
        metavar="N",
        help=f"suggest approaches for the N most common barriers (default {DEFAULT_TOP})",
    )
    parser.add_argument(
        "--minimum-group",
        type=int,
        default=DEFAULT_MINIMUM_GROUP,
        metavar="N",
        help=f"show families' own words only with at least N returns (default {DEFAULT_MINIMUM_GROUP})",
    )


def read_return(
    file: Path, catalogue: Catalogue, registry: ExporterRegistry, suffixes: dict[str, str]
) -> BarriersReturn:
    """Read one return: a JSON file, or a filled survey an installed exporter can read back.

    Raises:
        CoproductionError: Naming the file and why it cannot be read.
    """
    if file.suffix.lower() == ".json":
        document: BarriersReturn = load(file, BarriersReturn, catalogue=catalogue)
        return document
    name = suffixes.get(file.suffix.lower())
    reader = None if name is None else registry.get(name)
    if not isinstance(reader, BarriersSurveyReader):
        known = ", ".join(sorted({".json", *suffixes})) or ".json"
        raise UnreadableFileError(
            f"cannot read {file.suffix or 'a file without a suffix'} files as a barriers survey; returns are {known}",
            source=str(file),
        )
    check_input_file(file)
    try:
        with open(file, "rb") as stream:
            return reader.read_barriers_return(stream, context_for(catalogue))
    except OSError as error:
        raise UnreadableFileError(f"the file cannot be read ({error.strerror or error})", source=str(file)) from None


def _survey_suffixes(registry: ExporterRegistry) -> dict[str, str]:
    suffixes: dict[str, str] = {}
    for name in registry.names():
        try:
            exporter = registry.get(name)
        except Exception:  # a broken plugin must not stop the others being used
            continue
        if isinstance(exporter, BarriersSurveyReader):
            suffixes.setdefault(exporter.suffix.lower(), name)
    return suffixes


def _summary(args: argparse.Namespace) -> int:
    if args.top < 1 or args.minimum_group < 1:
        raise UsageError("--top and --minimum-group must be at least 1")
    catalogue = chosen_catalogue(args)
    registry = installed_exporters()
    if args.output is not None and args.output.suffix.lower() != ".json":
        exporter_name(registry, None, args.output)
    for group in args.group:
        catalogue.priority_group(group)
    suffixes = _survey_suffixes(registry)
    files = _batch.input_files(args.files, {".json", *suffixes})
    if not files:
        raise UsageError(f"no returns given (folders are searched for {', '.join(sorted({'.json', *suffixes}))} files)")
    returns: list[BarriersReturn] = []
    names: list[Path] = []
    failures: list[CoproductionError] = []
    seen: dict[str, Path] = {}
    for file in files:
        try:
            found = read_return(file, catalogue, registry, suffixes)
            with open_input(file) as stream:
                digest = hashlib.sha256(stream.read()).hexdigest()
            if digest in seen:
                raise InvalidDocumentError(
                    "this return is the same file as another given; it is counted once",
                    [Problem("", "return-twice", f"it is the same as {seen[digest]}")],
                )
            seen[digest] = file
            returns.append(found)
            names.append(file)
        except CoproductionError as error:
            failures.append(error if error.source else error.with_source(str(file)))
    for failure in failures:
        err(f"{failure}")
    if not returns:
        raise InvalidDocumentError(f"none of the {len(files)} files could be read (see above); nothing was written")
    try:
        summary = summarise_barriers(
            returns,
            catalogue.barriers(),
            catalogue.approaches(),
            catalogue.help_links(),
            groups=args.group,
            top=args.top,
            minimum_group=args.minimum_group,
        )
    except CoproductionError as error:
        raise _named(error, names) from None
    _print(summary, catalogue)
    if args.output is not None and args.output.suffix.lower() == ".json":
        data = json.dumps(summary_json(summary, catalogue), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        out(f"wrote {write_bytes(args.output, data.encode('utf-8'))}")
    elif args.output is not None:
        out(f"wrote {write_document(registry, summary, args.output, None, context_for(catalogue))}")
    if failures:
        err(f"{len(failures)} of {len(files)} files could not be read and were left out; the reasons are above")
        return EXIT_INVALID
    return EXIT_OK


def _named(error: CoproductionError, files: Sequence[Path]) -> CoproductionError:
    for index, problem in enumerate(error.problems):
        head, _, rest = problem.path.partition("]")
        if head.startswith("returns[") and head[8:].isdigit() and int(head[8:]) < len(files):
            error.problems[index] = Problem(
                f"{files[int(head[8:])]} ({rest.lstrip('.')})", problem.code, problem.message
            )
    return error


def _print(summary: BarriersSummary, catalogue: Catalogue) -> None:
    out(f"{plural(summary.returns, 'return')} from {', '.join(summary.organisations)} ({', '.join(summary.cohorts)}):")
    for count in summary.counts:
        if count.met:
            shown = survey_text(catalogue.barrier(count.barrier))
            out(f"  {count.met} of {count.asked}: {shown} ({count.barrier})")
    unmet = sum(1 for count in summary.counts if not count.met)
    if unmet:
        out(f"  Nobody ticked the other {plural(unmet, 'barrier')}.")
    if summary.other_withheld:
        out(f"Other barriers in families' own words are not shown: fewer than {summary.minimum_group} returns.")
    elif summary.other:
        out("Other barriers, in families' own words:")
        for text in summary.other:
            out(f"  - {text}")
    if summary.suggestions:
        out("Approaches that help with the most common barriers:")
        for suggestion in summary.suggestions:
            bases = ", ".join(sorted({link.basis.value for link in suggestion.links}))
            out(f"  {suggestion.approach.name} ({suggestion.approach.id}; {bases})")
    elif summary.most_common:
        out("No approach in the catalogue is linked to the most common barriers.")


def summary_json(summary: BarriersSummary, catalogue: Catalogue) -> dict[str, Any]:
    """The summary as JSON data: ``format``, ``format_version``, counts with each barrier's words, suggestions."""
    return {
        "format": SUMMARY_FORMAT,
        "format_version": SUMMARY_FORMAT_VERSION,
        "returns": summary.returns,
        "organisations": list(summary.organisations),
        "cohorts": list(summary.cohorts),
        "counts": [
            {
                "barrier": count.barrier,
                "text": survey_text(catalogue.barrier(count.barrier)),
                "met": count.met,
                "asked": count.asked,
            }
            for count in summary.counts
        ],
        "most_common": list(summary.most_common),
        "suggestions": [
            {
                "approach": suggestion.approach.id,
                "name": suggestion.approach.name,
                "helps_with": [link.target for link in suggestion.links],
                "basis": sorted({link.basis.value for link in suggestion.links}),
            }
            for suggestion in summary.suggestions
        ],
        "other": list(summary.other),
        "other_withheld": summary.other_withheld,
        "minimum_group": summary.minimum_group,
    }


BARRIERS_SURVEY_COMMANDS = (
    Command(
        "barriers-survey",
        "make a barriers survey for families to tick with each new cohort, and sum up the returns",
        None,
        subcommand_title="what to do",
        subcommands=(
            Command(
                "template",
                "make a barriers survey (Word or Excel) for families to tick with each new cohort",
                _survey,
                _survey_arguments,
                description="Make a barriers survey listing the catalogue's barriers (a council's own too, with "
                "--catalogue) for a family to tick, with room for others in their own words. It is read back by "
                "'coproduction barriers-survey summary'.",
            ),
            Command(
                "summary",
                "sum up barriers survey returns: how many met each barrier, and approaches for the most common",
                _summary,
                _summary_arguments,
                description="Read barriers survey returns (JSON, filled Word or Excel surveys, or folders of them) "
                "and say how many met each barrier, most common first, with the approaches that help with the most "
                "common. A file that cannot be read is named with its reason and left out (exit code 1).",
            ),
        ),
    ),
)
"""The command table's rows for the barriers survey."""
