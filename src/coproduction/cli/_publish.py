"""The ``publish`` command: a folder of many schools' JSON documents becomes a static site for the Local Offer.

Every file is read first. If any cannot be read, every such file is listed
with its reason and nothing is published: a council's site must not silently
miss a school. A document of a kind no page shows (a framework, an activity)
is named and left out, and the rest is published.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import cast

import attrs

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli._arguments import date
from coproduction.cli._command import Command
from coproduction.cli._common import (
    EXIT_OK,
    UsageError,
    chosen_catalogue,
    context_for,
    err,
    installed_exporters,
    out,
    printable,
)
from coproduction.contract.kinds import kind_of_class
from coproduction.contract.serialization import load
from coproduction.errors import CoproductionError, InvalidDocumentError, Problem
from coproduction.exporters.documents import AuditReport
from coproduction.model.audit import Audit
from coproduction.model.ladder import LadderAssessment

__all__ = ["PUBLISH_COMMANDS"]

PUBLISHER = "html"
"""The exporter that publishes a site unless ``--format`` names another."""


def _publish_arguments(parser: argparse.ArgumentParser) -> None:
    """``publish FOLDER... -o SITE [--on DATE] [--catalogue FILE] [--format NAME]``."""
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="FOLDER",
        help="JSON documents (charters, feedback logs, action plans, comparisons, pooled views, audits and their "
        "ladder assessments), or folders searched for them, sub-folders included",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="SITE",
        help="the site's folder: made if missing, replaced whole if it holds a site published before",
    )
    parser.add_argument(
        "--on", type=date, metavar="DATE", help="the date the pages report on, as YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--catalogue",
        dest="publish_catalogue",
        action="append",
        default=[],
        metavar="FILE",
        help="add a council's own framework, ladder or glossary from a JSON file (may be repeated)",
    )
    parser.add_argument(
        "--format",
        default=PUBLISHER,
        metavar="NAME",
        help=f"the exporter that publishes the site (default: {PUBLISHER})",
    )


@attrs.frozen
class _Read:
    """A document read from a file, ready for the site (an audit already made an audit report)."""

    file: Path
    document: object


def _publish(args: argparse.Namespace) -> int:
    args.catalogue = [*args.catalogue, *args.publish_catalogue]
    catalogue = chosen_catalogue(args)
    output = args.output.absolute()
    files = list(_json_files(args.paths, output))
    if not files:
        raise UsageError("no JSON documents found in " + ", ".join(printable(str(path)) for path in args.paths))
    registry = installed_exporters()
    exporter = registry.get(args.format)
    publisher = registry.publisher(args.format)
    read, failures = _read_all(files, catalogue)
    # A document of a kind with no page (a framework, an activity) is data, not a school's page: it is named and
    # left out, and the rest is published. A file that cannot be read stops everything.
    for item in read:
        if not exporter.supports(item.document):
            kind = kind_of_class(type(item.document))
            name = kind.name if kind is not None else type(item.document).__name__
            err(
                f"{printable(str(item.file))}: not published: a document of kind {name!r} has no web page; "
                f"the {args.format} exporter publishes charters, feedback logs, action plans, comparisons, "
                "pooled views and audits"
            )
    read = [item for item in read if exporter.supports(item.document)]
    if failures:
        for error in failures:
            err(str(error))
        raise InvalidDocumentError(
            f"{len(failures)} of {len(files)} files could not be published (each is listed above); "
            "nothing was published, so that no school is missed"
        )
    context = context_for(catalogue, args.on)
    documents = [item.document for item in read]
    try:
        folder = publisher.publish(documents, output, context)
    except CoproductionError as error:
        raise _named(error, [item.file for item in read]) from None
    out(
        f"published {folder}: {len(documents)} {'page' if len(documents) == 1 else 'pages'} from {len(files)} "
        f"{'file' if len(files) == 1 else 'files'}, with index.html and feed.json"
    )
    return EXIT_OK


def _json_files(paths: Sequence[Path], output: Path) -> Iterator[Path]:
    """Each file as given, and every ``.json`` file in each folder and its sub-folders, by name; never the output."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(
                (
                    file
                    for file in path.rglob("*.json")
                    if not any(part.startswith((".", "~$")) for part in file.relative_to(path).parts)
                    and not file.absolute().is_relative_to(output)
                ),
                key=lambda file: file.relative_to(path).parts,
            )
        else:
            found = [path]
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _read_all(files: list[Path], catalogue: Catalogue) -> tuple[list[_Read], list[CoproductionError]]:
    """Read every file; audits become audit reports, and each ladder assessment joins its audit's report."""
    read: list[_Read] = []
    assessments: list[tuple[Path, LadderAssessment]] = []
    failures: list[CoproductionError] = []
    for file in files:
        try:
            document = load(file, catalogue=catalogue)
        except CoproductionError as error:
            failures.append(error if error.source else error.with_source(str(file)))
            continue
        if isinstance(document, LadderAssessment):
            assessments.append((file, document))
        elif isinstance(document, Audit):
            framework = catalogue.framework(document.framework, document.framework_version)
            read.append(_Read(file, AuditReport(document, framework)))
        else:
            read.append(_Read(file, document))
    joined: dict[int, Path] = {}
    for file, assessment in assessments:
        index = _audit_of(read, assessment)
        if index is None:
            failures.append(
                InvalidDocumentError(
                    f"a ladder assessment is published beside an audit of the same school and viewpoint, and no "
                    f"audit of {assessment.organisation.name} by {assessment.perspective.label} was given",
                    source=str(file),
                )
            )
        elif index in joined:
            failures.append(
                InvalidDocumentError(
                    f"{printable(str(joined[index]))} is already shown beside the audit in "
                    f"{printable(str(read[index].file))}; give one ladder assessment for each audit",
                    source=str(file),
                )
            )
        else:
            joined[index] = file
            audit_report = cast(AuditReport, read[index].document)  # _audit_of finds audit reports only
            ladder = catalogue.ladder(assessment.ladder)
            joined_report = attrs.evolve(audit_report, ladder=ladder, ladder_assessment=assessment)
            read[index] = _Read(read[index].file, joined_report)
    return read, failures


def _audit_of(read: list[_Read], assessment: LadderAssessment) -> int | None:
    """The audit report of the same school and viewpoint whose date is nearest the assessment's (earlier on a tie)."""
    candidates = [
        (abs((item.document.audit.date - assessment.date).days), item.document.audit.date, index)
        for index, item in enumerate(read)
        if isinstance(item.document, AuditReport)
        and item.document.audit.organisation == assessment.organisation
        and item.document.audit.perspective is assessment.perspective
    ]
    return min(candidates)[2] if candidates else None


def _named(error: CoproductionError, files: list[Path]) -> CoproductionError:
    """Name the file of each problem placed at ``documents[n]``."""
    for index, problem in enumerate(error.problems):
        head, _, rest = problem.path.partition("]")
        if head.startswith("documents[") and head[10:].isdigit() and int(head[10:]) < len(files):
            where = str(files[int(head[10:])]) + (f" ({rest.lstrip('.')})" if rest.strip(".") else "")
            error.problems[index] = Problem(where, problem.code, problem.message)
    return error


PUBLISH_COMMANDS = (
    Command(
        "publish",
        "publish many schools' documents as a static web site for the Local Offer: a page each, "
        "an index by school and by theme, and a JSON feed",
        _publish,
        _publish_arguments,
    ),
)
