"""The template commands: ``template`` (blank audits to send out) and ``import`` (filled ones read back) (private)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from coproduction.catalogue._catalogue import default_catalogue
from coproduction.cli import _batch
from coproduction.cli._command import Command
from coproduction.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    chosen_catalogue,
    context_for,
    err,
    installed_exporters,
    open_input,
    out,
    write_bytes,
    write_document,
)
from coproduction.cli._ladder_files import chosen_ladder
from coproduction.cli._ladder_import import import_ladder_assessments
from coproduction.cli._progress_bar import ProgressBar
from coproduction.contract.serialization import MAX_DOCUMENT_BYTES
from coproduction.errors import UnreadableFileError
from coproduction.exporters._registry import ExporterRegistry, default_registry
from coproduction.exporters.documents import AuditTemplate, LadderAssessmentTemplate
from coproduction.model.organisation import Organisation, Perspective

__all__ = ["TEMPLATE_COMMANDS"]


def _template_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "framework",
        nargs="?",
        help="the framework id, as `coproduction frameworks` lists it; leave it out, and give --ladder, "
        "for a ladder assessment template",
    )
    parser.add_argument("--version", dest="framework_version", help="the framework version (default: latest)")
    parser.add_argument(
        "--perspective",
        default=Perspective.SCHOOL_STAFF.value,
        choices=[p.value for p in Perspective],
        help="whose viewpoint the template asks for (default: school-staff)",
    )
    parser.add_argument("--format", default=None, help="exporter name (default: from the output suffix)")
    parser.add_argument("--organisation", help="the organisation's name, printed on the template")
    parser.add_argument(
        "--organisations",
        type=Path,
        metavar="LIST",
        help="make one template per organisation named in this text file (one per line) or CSV (a 'name' column)",
    )
    parser.add_argument(
        "--ladder",
        metavar="ID|FILE",
        help="a ladder id, or a council's ladder JSON file: with a framework, the ladder explained in the "
        "instructions; without one, a ladder assessment template (doing / not doing and evidence for each rung)",
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for batches")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="the file to write, or a folder with --organisations"
    )


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILLED",
        help="filled-in .docx, .xlsx or .json files, or folders of them",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the audit JSON file to write; with several files or a folder, the folder to write the audits into",
    )
    where.add_argument("--output-dir", type=Path, metavar="FOLDER", help="the folder to write one audit per file into")
    parser.add_argument(
        "--errors", type=Path, metavar="REPORT", help="also write what was imported and every failure to this JSON file"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for batches")
    parser.add_argument(
        "--ladder-assessment",
        action="store_true",
        help="the files are filled-in ladder assessment templates (Word or Excel): write ladder assessment JSON; "
        "a council's own ladder must be given with --catalogue",
    )


def _organisations(file: Path) -> list[str]:
    try:
        with open_input(file) as stream:
            text = stream.read(MAX_DOCUMENT_BYTES + 1).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFileError("the list is not UTF-8 text; save it as UTF-8", source=str(file)) from None
    if file.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        fields = {name.strip().lower(): name for name in reader.fieldnames or []}
        column = fields.get("name") or fields.get("organisation") or fields.get("school")
        if column is None:
            raise UnreadableFileError(
                "the CSV needs a column headed 'name' (or 'organisation' or 'school')", source=str(file)
            )
        names = [(row.get(column) or "").strip() for row in reader]
    else:
        names = [line.strip() for line in text.splitlines()]
    names = [name for name in names if name]
    if not names:
        raise UnreadableFileError("the list names no organisations", source=str(file))
    return names


def _safe_file_name(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in name).strip().replace(" ", "-")
    return cleaned[:80] or "organisation"


def _make_template(job: tuple[AuditTemplate | LadderAssessmentTemplate, Path, str]) -> str:
    """Write one template of a batch (in a worker process, or this one)."""
    template, path, exporter = job
    write_document(
        default_registry(), template, path, exporter, context_for(default_catalogue()), clean_leftovers=False
    )
    return str(path)


def _template(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    if args.framework is None and not args.ladder:
        raise UsageError("give a framework id, or --ladder ID|FILE (and no framework) for a ladder assessment template")
    if args.framework is None and args.framework_version:
        raise UsageError("--version is a framework's version; a ladder assessment template takes no --version")
    ladder = chosen_ladder(args.ladder, catalogue) if args.ladder else None
    perspective = Perspective(args.perspective)
    registry = installed_exporters()

    def template_for(organisation: Organisation | None) -> AuditTemplate | LadderAssessmentTemplate:
        if args.framework is None:
            assert ladder is not None
            return LadderAssessmentTemplate(ladder, perspective, organisation=organisation)
        framework = catalogue.framework(args.framework, args.framework_version)
        return AuditTemplate(framework, perspective, organisation=organisation, ladder=ladder)

    if not args.organisations:
        template = template_for(Organisation(args.organisation) if args.organisation else None)
        written = write_document(registry, template, args.output, args.format, context_for(catalogue))
        ladder_template = isinstance(template, LadderAssessmentTemplate)
        out(
            f"wrote {written}: a ladder assessment template for {perspective.label}"
            if ladder_template
            else f"wrote {written}"
        )
        return EXIT_OK
    names = _organisations(args.organisations)
    exporter = args.format or "docx"
    suffix = registry.get(exporter).suffix
    args.output.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[AuditTemplate | LadderAssessmentTemplate, Path, str]] = []
    used: set[str] = set()
    for name in names:
        stem = _safe_file_name(name)
        while stem.lower() in used:
            stem += "-2"
        used.add(stem.lower())
        jobs.append((template_for(Organisation(name)), args.output / f"{stem}{suffix}", exporter))
    registry.for_document(exporter, jobs[0][0])
    _batch.remove_leftovers(path for _, path, _ in jobs)
    progress = ProgressBar("templates", len(jobs))
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            for _ in pool.map(_make_template, jobs, chunksize=max(1, len(jobs) // (args.jobs * 8))):
                progress.advance()
    else:
        for job in jobs:
            _make_template(job)
            progress.advance()
    out(f"wrote {len(jobs)} templates to {args.output}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    registry = installed_exporters()
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.ladder_assessment:
        return import_ladder_assessments(args, catalogue, registry)
    folder: Path | None = args.output_dir
    if folder is None and (len(args.files) > 1 or args.output.is_dir() or any(path.is_dir() for path in args.files)):
        folder = args.output
    if folder is None:
        jobs = [_batch.ImportJob(args.files[0], args.output)]
    else:
        jobs = _import_jobs(args.files, folder, args.errors, registry)
    if args.errors is not None:
        args.errors.parent.mkdir(parents=True, exist_ok=True)
    _batch.remove_leftovers([job.output for job in jobs] + ([args.errors] if args.errors else []))
    progress = ProgressBar("files", len(jobs), enabled=folder is not None)
    outcomes = _batch.run_imports(jobs, catalogue, registry, processes=args.jobs, advance=progress.advance)
    failures = [outcome.error for outcome in outcomes if outcome.error is not None]
    for error in failures:
        err(f"{error}")
    for outcome in outcomes:
        for notice in outcome.notices:
            out(f"{outcome.file}: {notice}")
    if args.errors is not None:
        data = (json.dumps(_batch.report(outcomes), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8", "backslashreplace"
        )
        write_bytes(args.errors, data)
    if folder is None:
        if not failures:
            out(f"wrote {outcomes[0].output}: {outcomes[0].organisation}, {outcomes[0].answered} criteria rated")
    else:
        out(f"imported {len(outcomes) - len(failures)} of {len(outcomes)} files into {folder}")
        if failures:
            where = f"; the reasons are above and in {args.errors}" if args.errors else "; the reasons are above"
            err(f"{len(failures)} of {len(outcomes)} files could not be imported{where}")
    return EXIT_INVALID if failures else EXIT_OK


def _import_jobs(
    paths: Sequence[Path], folder: Path, errors: Path | None, registry: ExporterRegistry
) -> list[_batch.ImportJob]:
    suffixes = _batch.readable_suffixes(registry)
    files = _batch.input_files(paths, suffixes)
    if not files:
        raise UsageError(f"no files to import (folders are searched for {', '.join(sorted(suffixes))} files)")
    target = folder.resolve()
    if any(path.is_dir() and path.resolve() == target for path in paths):
        raise UsageError(
            f"{folder} is both an input folder and the output folder; the audits written there would be read as "
            "inputs next time. Choose another output folder"
        )
    jobs = [_batch.ImportJob(file, folder / name) for file, name in zip(files, _batch.output_names(files), strict=True)]
    inputs = {file.resolve(): file for file in files}
    for job in jobs:
        replaced = inputs.get(job.output.resolve())
        if replaced is not None:
            raise UsageError(f"the audit of {job.source} would replace the input {replaced}; choose another folder")
        if errors is not None and errors.resolve() == job.output.resolve():
            raise UsageError(f"the error report {errors} would replace the audit of {job.source}; name it otherwise")
    folder.mkdir(parents=True, exist_ok=True)
    return jobs


TEMPLATE_COMMANDS = (
    Command("template", "make blank audit templates to send out", _template, _template_arguments),
    Command("import", "read filled-in templates (Word, Excel or JSON) back into audits", _import, _import_arguments),
)
