"""``import --ladder-assessment``: filled-in ladder assessment templates read back into ladder assessments (private).

Each file is read and checked on its own, by the exporter that wrote it (Word
or Excel; a JSON ladder assessment is checked and written again). One file
becomes the JSON file named by ``-o``; several (or folders) become one JSON
file each in a folder, as ``coproduction import`` does for audits. A file
that cannot be read is listed with every problem, each naming its rung or
cell, and nothing is written for it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from coproduction.catalogue._catalogue import Catalogue
from coproduction.cli import _batch
from coproduction.cli._common import EXIT_INVALID, EXIT_OK, UsageError, context_for, err, open_input, out, write_bytes
from coproduction.contract.serialization import dumps, load
from coproduction.errors import CoproductionError, UnreadableFileError
from coproduction.exporters._registry import ExporterRegistry
from coproduction.model.ladder import LadderAssessment

__all__ = ["import_ladder_assessments", "ladder_suffixes"]


def ladder_suffixes(registry: ExporterRegistry) -> dict[str, str]:
    """Map each suffix an installed exporter reads ladder assessments back from to its name, and ``.json``."""
    suffixes = {".json": "json"}
    for name in registry.names():
        try:
            registry.ladder_assessment_reader(name)
            suffixes.setdefault(registry.get(name).suffix.lower(), name)
        except Exception:  # a broken or write-only plugin must not stop the others being used
            continue
    return suffixes


def read_ladder_assessment(
    file: Path, catalogue: Catalogue, registry: ExporterRegistry, suffixes: dict[str, str]
) -> LadderAssessment:
    """Read one filled-in ladder template (or ladder assessment JSON), naming the file in any error."""
    name = suffixes.get(file.suffix.lower())
    if name is None:
        raise UnreadableFileError(
            f"cannot read {file.suffix or 'a file without a suffix'} files as a ladder assessment; "
            f"filled-in ladder templates are {', '.join(sorted(suffixes))}",
            source=str(file),
        )
    if name == "json":
        assessment: LadderAssessment = load(file, LadderAssessment, catalogue=catalogue)
        return assessment
    reader = registry.ladder_assessment_reader(name)
    try:
        with open_input(file) as source:
            return reader.read_ladder_assessment(source, context_for(catalogue))
    except CoproductionError as error:
        raise (error if error.source else error.with_source(str(file))) from None


def import_ladder_assessments(args: argparse.Namespace, catalogue: Catalogue, registry: ExporterRegistry) -> int:
    """Run ``coproduction import --ladder-assessment``; return the exit code."""
    suffixes = ladder_suffixes(registry)
    folder: Path | None = args.output_dir
    if folder is None and (len(args.files) > 1 or args.output.is_dir() or any(path.is_dir() for path in args.files)):
        folder = args.output
    if folder is None:
        assessment = read_ladder_assessment(args.files[0], catalogue, registry, suffixes)
        written = write_bytes(args.output, dumps(assessment).encode("utf-8"), inputs=args.files)
        out(f"wrote {written}: {_described(assessment)}")
        return EXIT_OK
    files = _batch.input_files(args.files, suffixes)
    if not files:
        raise UsageError(f"no files to import (folders are searched for {', '.join(sorted(suffixes))} files)")
    if any(path.is_dir() and path.resolve() == folder.resolve() for path in args.files):
        raise UsageError(f"{folder} is both an input folder and the output folder; choose another output folder")
    targets = [folder / name for name in _batch.output_names(files)]
    inputs = {file.resolve() for file in files}
    clash = next((target for target in targets if target.resolve() in inputs), None)
    if clash is not None:
        raise UsageError(f"the ladder assessment written to {clash} would replace an input; choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    _batch.remove_leftovers([*targets, *([args.errors] if args.errors else [])])
    outcomes = []
    for file, target in zip(files, targets, strict=True):
        try:
            assessment = read_ladder_assessment(file, catalogue, registry, suffixes)
            write_bytes(target, dumps(assessment).encode("utf-8"), inputs=[file], clean_leftovers=False)
        except CoproductionError as error:
            err(f"{error}")
            outcomes.append(_batch.Outcome(str(file), error=error))
            continue
        answered = sum(1 for entry in assessment.rungs)
        outcomes.append(_batch.Outcome(str(file), str(target), assessment.organisation.name, answered))
    failures = [outcome for outcome in outcomes if outcome.error is not None]
    if args.errors is not None:
        data = json.dumps(_batch.report(outcomes), ensure_ascii=False, indent=2) + "\n"
        args.errors.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(args.errors, data.encode("utf-8", "backslashreplace"))
    out(f"imported {len(outcomes) - len(failures)} of {len(outcomes)} ladder assessments into {folder}")
    if failures:
        where = f"; the reasons are above and in {args.errors}" if args.errors else "; the reasons are above"
        err(f"{len(failures)} of {len(outcomes)} files could not be imported{where}")
        return EXIT_INVALID
    return EXIT_OK


def _described(assessment: LadderAssessment) -> str:
    count = len(assessment.rungs)
    return (
        f"{assessment.organisation.name}, {assessment.perspective.label}, "
        f"{count} rung{'s' if count != 1 else ''} answered on {assessment.ladder}"
    )
