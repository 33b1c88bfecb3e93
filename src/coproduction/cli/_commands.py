"""The commands for frameworks, ladders, schemas, audits, templates, reports and summaries (private)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

import attrs

from coproduction.catalogue._catalogue import Catalogue, default_catalogue
from coproduction.cli import _batch
from coproduction.cli._activity import add_activity_commands
from coproduction.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    _catalogue,
    _context,
    _err,
    _out,
    _percent,
    _registry,
    _table,
    _UsageError,
    _write,
    open_input,
    write_output,
)
from coproduction.cli._cycle import add_cycle_commands
from coproduction.cli._glossary import add_glossary_commands, describe_glossary, marked
from coproduction.cli._pool import add_pool_command
from coproduction.cli._practice import PRACTICE_ITEMS, add_practice_commands, show_practice_item
from coproduction.cli._progress import ProgressBar
from coproduction.contract.schemas import kinds, schema
from coproduction.contract.serialization import MAX_DOCUMENT_BYTES, dumps, load
from coproduction.errors import CoproductionError, UnknownCatalogueItemError, UnreadableFileError
from coproduction.exporters._registry import ExporterRegistry, default_registry
from coproduction.exporters.documents import AuditReport, AuditTemplate, CouncilSummary
from coproduction.model._excerpt import excerpt
from coproduction.model.audit import Audit
from coproduction.model.framework import Criterion, Framework, Level, Section
from coproduction.model.glossary import Glossary
from coproduction.model.ladder import Ladder, LadderAssessment
from coproduction.model.organisation import Organisation, Perspective
from coproduction.model.scores import ScoreReport
from coproduction.rules.duplicates import Duplicate, screen_returns
from coproduction.rules.scoring import score
from coproduction.rules.viewpoints import is_library_authored, worded


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments, without the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit code.
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except _UsageError as error:
        _err(f"coproduction: {error}")
        return EXIT_USAGE
    except CoproductionError as error:
        _err(f"coproduction: {error}")
        return EXIT_INVALID
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        _err(f"coproduction: cannot use{where}: {error.strerror or error}")
        return EXIT_INVALID
    except KeyboardInterrupt:
        _err("coproduction: stopped; no partial output was left behind")
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coproduction",
        description="Audit how a school or service works with parent carers: list frameworks and ladders, "
        "make templates, validate, score, import filled templates and write reports.",
    )
    parser.add_argument("--version", action="version", version=f"coproduction {version('coproduction')}")
    parser.add_argument(
        "--catalogue",
        action="append",
        default=[],
        metavar="FILE",
        help="add a council's own framework, ladder, glossary, approaches or barriers from a JSON file "
        "(may be repeated)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_, description=help_)
        sub.set_defaults(handler=handler)
        return sub

    command("frameworks", _frameworks, "list the frameworks (quality standards) available")
    command("ladders", _ladders, "list the participation ladders available")
    show = command(
        "show", _show, "show a framework, ladder or glossary in full, or `show approach ID`, `show barrier ID`"
    )
    show.add_argument(
        "id", help="the framework, ladder or glossary id, as `coproduction frameworks` or `ladders` lists it"
    )
    show.add_argument("item_id", nargs="?", metavar="ID", help="after `approach` or `barrier`: its id")
    show.add_argument("--version", dest="framework_version", help="the framework version (default: latest)")
    show.add_argument("--json", action="store_true", help="print the JSON document instead of text")
    show.add_argument(
        "--viewpoint",
        choices=[p.value for p in Perspective],
        help="show a framework in the words for this viewpoint, such as parent-carers, where it has them",
    )
    show.add_argument(
        "--source", action="store_true", help="with --viewpoint, also show the source's own words beneath each text"
    )

    schema_ = command("schema", _schema, "print the JSON Schema of a document kind")
    schema_.add_argument("kind", help=f"one of: {', '.join(kinds())}")

    validate = command("validate", _validate, "check JSON documents and list every problem")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")

    score_ = command("score", _score, "score an audit: section scores, bands, level counts, coverage")
    score_.add_argument("file", type=Path, metavar="AUDIT")
    score_.add_argument("--json", action="store_true", help="print the score report as JSON")
    score_.add_argument("-o", "--output", type=Path, help="also write the score report JSON to this file")

    template = command("template", _template, "make blank audit templates to send out")
    template.add_argument("framework", help="the framework id, as `coproduction frameworks` lists it")
    template.add_argument("--version", dest="framework_version", help="the framework version (default: latest)")
    template.add_argument(
        "--perspective",
        default=Perspective.SCHOOL_STAFF.value,
        choices=[p.value for p in Perspective],
        help="whose viewpoint the template asks for (default: school-staff)",
    )
    template.add_argument("--format", default=None, help="exporter name (default: from the output suffix)")
    template.add_argument("--organisation", help="the organisation's name, printed on the template")
    template.add_argument(
        "--organisations",
        type=Path,
        metavar="LIST",
        help="make one template per organisation named in this text file (one per line) or CSV (a 'name' column)",
    )
    template.add_argument("--ladder", help="a ladder id to explain in the instructions")
    template.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for batches")
    template.add_argument(
        "-o", "--output", type=Path, required=True, help="the file to write, or a folder with --organisations"
    )

    import_ = command("import", _import, "read filled-in templates (Word, Excel or JSON) back into audits")
    import_.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILLED",
        help="filled-in .docx, .xlsx or .json files, or folders of them",
    )
    where = import_.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the audit JSON file to write; with several files or a folder, the folder to write the audits into",
    )
    where.add_argument("--output-dir", type=Path, metavar="FOLDER", help="the folder to write one audit per file into")
    import_.add_argument(
        "--errors", type=Path, metavar="REPORT", help="also write what was imported and every failure to this JSON file"
    )
    import_.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for batches")

    report = command("report", _report, "write a readable report of an audit, or of many (Word, Excel or JSON)")
    report.add_argument(
        "files", nargs="+", type=Path, metavar="AUDIT", help="an audit JSON file; or several, or folders of them"
    )
    report.add_argument("--ladder-assessment", type=Path, help="a ladder assessment to draw beside it (one audit)")
    report.add_argument(
        "--format", default=None, help="exporter name (default: from the output suffix; docx for a folder)"
    )
    report.add_argument(
        "-o", "--output", type=Path, required=True, help="the report to write; a folder when there are many audits"
    )
    report.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for batches")

    summary = command("summary", _summary, "summarise many audits in one workbook for a council")
    summary.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="AUDIT",
        help="audits (JSON, or filled Word or Excel templates), or folders",
    )
    summary.add_argument("--format", default=None, help="exporter name (default: from the output suffix)")
    summary.add_argument("-o", "--output", type=Path, required=True, help="the summary to write, such as council.xlsx")
    summary.add_argument(
        "--errors", type=Path, metavar="REPORT", help="also write a JSON report of every file read and every failure"
    )
    summary.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes reading the files")

    add_cycle_commands(command)
    add_practice_commands(command)
    add_glossary_commands(command)
    add_pool_command(command)
    add_activity_commands(command)

    command("exporters", _exporters, "list the installed exporters")
    return parser


# -- commands ----------------------------------------------------------------------------------


def _frameworks(args: argparse.Namespace) -> int:
    rows = [
        (f.id, f.version, str(len(f.sections)), str(len(f.criteria)), f.scale.names(), f.title)
        for f in _catalogue(args).frameworks()
    ]
    _out(_table(("id", "version", "sections", "criteria", "scale", "title"), rows))
    return EXIT_OK


def _ladders(args: argparse.Namespace) -> int:
    rows = [
        (ladder.id, str(len(ladder.rungs)), " < ".join(r.name for r in ladder.rungs), ladder.name)
        for ladder in _catalogue(args).ladders()
    ]
    _out(_table(("id", "rungs", "lowest to highest", "name"), rows))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    if args.item_id is not None:
        if args.id not in PRACTICE_ITEMS:
            raise _UsageError(
                f"`show {args.id} {args.item_id}`: say `show ID`, or `show approach ID` or `show barrier ID`"
            )
        return show_practice_item(args, args.id, args.item_id)
    catalogue = _catalogue(args)
    item: Framework | Ladder | Glossary
    if any(f.id == args.id for f in catalogue.frameworks()):
        item = catalogue.framework(args.id, args.framework_version)
    elif any(ladder.id == args.id for ladder in catalogue.ladders()):
        item = catalogue.ladder(args.id)
    elif any(glossary.id == args.id for glossary in catalogue.glossaries()):
        item = catalogue.glossary(args.id)
    else:
        frameworks = ", ".join(f.id for f in catalogue.frameworks())
        ladders = ", ".join(ladder.id for ladder in catalogue.ladders())
        glossaries = ", ".join(glossary.id for glossary in catalogue.glossaries())
        raise UnknownCatalogueItemError(
            f"there is no framework or ladder {excerpt(args.id)}, and no glossary of that id; "
            f"frameworks: {frameworks}; ladders: {ladders}; glossaries: {glossaries}"
        )
    if args.source and not args.viewpoint:
        raise _UsageError("--source shows the source's words beside a viewpoint's: give --viewpoint too")
    if args.json:
        sys.stdout.write(dumps(item))
        return EXIT_OK
    viewpoint = Perspective(args.viewpoint) if args.viewpoint else None
    if isinstance(item, Framework):
        _out(_describe_framework(item, viewpoint, with_source=args.source))
    else:
        _out(_describe_ladder(item) if isinstance(item, Ladder) else describe_glossary(item))
    return EXIT_OK


_Worded = Framework | Section | Level | Criterion


def _text(item: _Worded, field: str, viewpoint: Perspective | None, indent: str, *, with_source: bool) -> list[str]:
    """A text for the viewpoint, marked when the library's words, and the source's words beneath on request."""
    shown = worded(item, field, viewpoint)
    lines = [indent + marked(shown.text, shown.by_library)]
    if with_source and shown.adapted:
        lines.append(f"{indent}  Source: {marked(shown.source_text, is_library_authored(item, field))}")
    return lines


def _describe_framework(
    framework: Framework, viewpoint: Perspective | None = None, *, with_source: bool = False
) -> str:
    lines = [framework.title, f"id {framework.id}, version {framework.version}"]
    if framework.source:
        lines.append(f"Source: {framework.source}")
    if viewpoint is not None:
        lines.append(f"In the words for {viewpoint.label}, where the framework has them.")
    if framework.description:
        lines += ["", *_text(framework, "description", viewpoint, "", with_source=with_source)]
    lines += ["", f"Rated {framework.scale.names()}."]
    for level in framework.scale.levels:
        if level.description:
            shown = _text(level, "description", viewpoint, "", with_source=with_source)
            lines += [f"  {level.name}: {shown[0]}", *(f"  {line}" for line in shown[1:])]
    if framework.allows_not_applicable:
        lines.append('A criterion may be marked "not applicable".')
    for section in framework.sections:
        lines += ["", marked(section.title, is_library_authored(section, "title"))]
        for field in ("headline", "summary"):
            if getattr(section, field):
                lines += _text(section, field, viewpoint, "  ", with_source=with_source)
        for criterion in section.criteria:
            text = _text(criterion, "text", viewpoint, "", with_source=with_source)
            lines += [f"  [{criterion.id}] {text[0]}", *(f"  {line}" for line in text[1:])]
            for index in range(len(criterion.examples)):
                example = _text(criterion, f"examples[{index}]", viewpoint, "", with_source=with_source)
                lines += [f"      e.g. {example[0]}", *(f"      {line}" for line in example[1:])]
    return "\n".join(lines)


def _describe_ladder(ladder: Ladder) -> str:
    bands = {band.id: band.name for band in ladder.bands}
    lines = [ladder.name, f"id {ladder.id}"]
    if ladder.source:
        lines.append(f"Source: {ladder.source}")
    lines.append("")
    for height, rung in reversed(list(enumerate(ladder.rungs, start=1))):
        band = f" ({bands[rung.band]})" if rung.band in bands else ""
        lines.append(f"{height}. {rung.name}{band}: {rung.description}")
    return "\n".join(lines)


def _schema(args: argparse.Namespace) -> int:
    try:
        document = schema(args.kind)
    except KeyError:
        raise _UsageError(f"there is no schema for {excerpt(args.kind)}; choose one of: {', '.join(kinds())}") from None
    _out(json.dumps(document, indent=2, ensure_ascii=False))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    failed = 0
    for file in args.files:
        try:
            document = load(file, catalogue=catalogue)
        except CoproductionError as error:
            failed += 1
            _err(f"{error}")
        else:
            _out(f"{file}: valid {type(document).__name__}")
    if failed:
        _err(f"{failed} of {len(args.files)} file{'s' if len(args.files) != 1 else ''} invalid")
    return EXIT_INVALID if failed else EXIT_OK


def _load_audit(file: Path, catalogue: Catalogue) -> tuple[Audit, Framework]:
    audit: Audit = load(file, Audit, catalogue=catalogue)
    return audit, catalogue.framework(audit.framework, audit.framework_version)


def _score(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    audit, framework = _load_audit(args.file, catalogue)
    report = score(audit, framework)
    if args.output:
        data = dumps(report).encode("utf-8")
        write_output(args.output, lambda out: _write_bytes(out, data), inputs=[args.file])
    if args.json:
        sys.stdout.write(dumps(report))
    else:
        _out(_score_table(report, framework))
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
                _percent(result.value),
                names.get(result.band or "", "-"),
                *(str(result.level_counts[level.id]) for level in scale.levels),
                str(result.not_applicable),
                str(result.unanswered),
                _percent(result.coverage),
            )
        )
    status = "complete" if report.complete else "incomplete"
    intro = (
        f"{report.organisation.name}: {framework.title}, version {framework.version}\n"
        f"From the viewpoint of {report.perspective.label}, {report.date.isoformat()} ({status})\n"
    )
    return intro + "\n" + _table(head, rows, separator_before_last=True)


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


def _make_template(job: tuple[AuditTemplate, Path, str]) -> str:
    template, path, exporter = job
    default_registry().export(template, path, name=exporter, context=_context(default_catalogue()))
    return str(path)


def _template(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    framework = catalogue.framework(args.framework, args.framework_version)
    ladder = catalogue.ladder(args.ladder) if args.ladder else None
    perspective = Perspective(args.perspective)
    registry = _registry()
    if not args.organisations:
        organisation = Organisation(args.organisation) if args.organisation else None
        template = AuditTemplate(framework, perspective, organisation=organisation, ladder=ladder)
        written = _write(registry, template, args.output, args.format, _context(catalogue))
        _out(f"wrote {written}")
        return EXIT_OK
    names = _organisations(args.organisations)
    exporter = args.format or "docx"
    suffix = registry.get(exporter).suffix
    args.output.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[AuditTemplate, Path, str]] = []
    used: set[str] = set()
    for name in names:
        stem = _safe_file_name(name)
        while stem.lower() in used:
            stem += "-2"
        used.add(stem.lower())
        template = AuditTemplate(framework, perspective, organisation=Organisation(name), ladder=ladder)
        jobs.append((template, args.output / f"{stem}{suffix}", exporter))
    registry.for_document(exporter, jobs[0][0])
    progress = ProgressBar("templates", len(jobs))
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            for _ in pool.map(_make_template, jobs, chunksize=max(1, len(jobs) // (args.jobs * 8))):
                progress.advance()
    else:
        for job in jobs:
            _make_template(job)
            progress.advance()
    _out(f"wrote {len(jobs)} templates to {args.output}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    registry = _registry()
    if args.jobs < 1:
        raise _UsageError("--jobs must be at least 1")
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
        _err(f"{error}")
    for outcome in outcomes:
        for notice in outcome.notices:
            _out(f"{outcome.file}: {notice}")
    if args.errors is not None:
        data = (json.dumps(_batch.report(outcomes), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8", "backslashreplace"
        )
        write_output(args.errors, lambda out: _write_bytes(out, data))
    if folder is None:
        if not failures:
            _out(f"wrote {outcomes[0].output}: {outcomes[0].organisation}, {outcomes[0].answered} criteria rated")
    else:
        _out(f"imported {len(outcomes) - len(failures)} of {len(outcomes)} files into {folder}")
        if failures:
            where = f"; the reasons are above and in {args.errors}" if args.errors else "; the reasons are above"
            _err(f"{len(failures)} of {len(outcomes)} files could not be imported{where}")
    return EXIT_INVALID if failures else EXIT_OK


def _write_bytes(out: BinaryIO, data: bytes) -> None:
    out.write(data)


def _import_jobs(
    paths: Sequence[Path], folder: Path, errors: Path | None, registry: ExporterRegistry
) -> list[_batch.ImportJob]:
    suffixes = _batch.readable_suffixes(registry)
    files = _batch.input_files(paths, suffixes)
    if not files:
        raise _UsageError(f"no files to import (folders are searched for {', '.join(sorted(suffixes))} files)")
    target = folder.resolve()
    if any(path.is_dir() and path.resolve() == target for path in paths):
        raise _UsageError(
            f"{folder} is both an input folder and the output folder; the audits written there would be read as "
            "inputs next time. Choose another output folder"
        )
    jobs = [_batch.ImportJob(file, folder / name) for file, name in zip(files, _batch.output_names(files), strict=True)]
    inputs = {file.resolve(): file for file in files}
    for job in jobs:
        replaced = inputs.get(job.output.resolve())
        if replaced is not None:
            raise _UsageError(f"the audit of {job.source} would replace the input {replaced}; choose another folder")
        if errors is not None and errors.resolve() == job.output.resolve():
            raise _UsageError(f"the error report {errors} would replace the audit of {job.source}; name it otherwise")
    folder.mkdir(parents=True, exist_ok=True)
    return jobs


def _report(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    if len(args.files) == 1 and not args.files[0].is_dir():
        audit, framework = _load_audit(args.files[0], catalogue)
        assessment: LadderAssessment | None = None
        ladder: Ladder | None = None
        if args.ladder_assessment:
            assessment = load(args.ladder_assessment, LadderAssessment, catalogue=catalogue)
            ladder = catalogue.ladder(assessment.ladder)
        report = AuditReport(audit, framework, ladder=ladder, ladder_assessment=assessment)
        written = _write(_registry(), report, args.output, args.format, _context(catalogue), inputs=args.files)
        _out(f"wrote {written}")
        return EXIT_OK
    if args.ladder_assessment:
        raise _UsageError("--ladder-assessment goes with a single audit, not a batch")
    return _report_batch(args, catalogue)


def _report_batch(args: argparse.Namespace, catalogue: Catalogue) -> int:
    files = _audit_files(args.files)
    if not files:
        raise _UsageError("no audit files given (folders are searched for *.json)")
    if args.jobs < 1:
        raise _UsageError(f"--jobs must be 1 or more, not {args.jobs}")
    registry = _registry()
    exporter = args.format or "docx"
    suffix = registry.get(exporter).suffix
    if args.output.exists() and not args.output.is_dir():
        raise _UsageError(f"{args.output} is a file; for many audits, -o names a folder to write the reports into")
    args.output.mkdir(parents=True, exist_ok=True)
    names = _batch.output_names(files)
    jobs = [
        (file, args.output / f"{Path(name).stem}{suffix}", exporter) for file, name in zip(files, names, strict=True)
    ]
    _use_catalogue(catalogue)
    progress = ProgressBar("reports", len(jobs))
    # The first report is written here, before the workers start, so they inherit the loaded
    # exporter and its warm caches instead of each building them again.
    outcomes = [_make_report(jobs[0])]
    progress.advance()
    rest = jobs[1:]
    if args.jobs > 1 and len(rest) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs, initializer=_use_catalogue, initargs=(catalogue,)) as pool:
            for outcome in pool.map(_make_report, rest, chunksize=max(1, len(rest) // (args.jobs * 8))):
                outcomes.append(outcome)
                progress.advance()
    else:
        for job in rest:
            outcomes.append(_make_report(job))
            progress.advance()
    failures = [message for message in outcomes if message is not None]
    for message in failures:
        _err(message)
    good = len(jobs) - len(failures)
    _out(f"wrote {good} report{'s' if good != 1 else ''} to {args.output}")
    if failures:
        _err(f"{len(failures)} of {len(jobs)} audits could not be reported and were left out")
        return EXIT_INVALID
    return EXIT_OK


_batch_catalogue: list[Catalogue] = []


def _use_catalogue(catalogue: Catalogue) -> None:
    """Give this process the catalogue a batch's jobs use, once, rather than with every job."""
    _batch_catalogue[:] = [catalogue]


def _make_report(job: tuple[Path, Path, str]) -> str | None:
    """Write one report of a batch; return None, or what went wrong in plain words."""
    file, output, exporter = job
    try:
        audit, framework = _load_audit(file, _batch_catalogue[0])
        default_registry().export(
            AuditReport(audit, framework), output, name=exporter, context=_context(_batch_catalogue[0])
        )
    except CoproductionError as error:
        return str(error if error.source else error.with_source(str(file)))
    except OSError as error:
        return f"{file}: cannot write {output}: {error.strerror or error}"
    return None


def _audit_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return files


def _summary(args: argparse.Namespace) -> int:
    catalogue = _catalogue(args)
    registry = _registry()
    if args.jobs < 1:
        raise _UsageError("--jobs must be at least 1")
    suffixes = _batch.readable_suffixes(registry)
    files = _batch.input_files(args.files, suffixes)
    if not files:
        raise _UsageError(f"no audit files given (folders are searched for {', '.join(sorted(suffixes))} files)")
    outcomes: list[_batch.Outcome] = []
    progress = ProgressBar("audits", len(files))

    duplicates: list[Duplicate] = []

    def returns() -> Iterator[tuple[str, Audit]]:
        for outcome in _batch.read_audits(files, catalogue, registry, processes=args.jobs):
            progress.advance()
            audit = outcome.audit
            outcomes.append(attrs.evolve(outcome, audit=None))
            if audit is not None:
                yield outcome.file, audit

    def audits() -> Iterator[tuple[Audit, Framework]]:
        for _, audit, duplicate in screen_returns(returns()):
            if duplicate is not None:
                duplicates.append(duplicate)
                continue
            yield audit, catalogue.framework(audit.framework, audit.framework_version)

    read = list(audits())
    failures = [outcome.error for outcome in outcomes if outcome.error is not None]
    if not read:
        for error in failures:
            _err(f"{error}")
        _err(f"none of the {len(files)} files could be read; nothing was written and {args.output} was left as it was")
        return EXIT_INVALID
    document = CouncilSummary(iter(read), catalogue=catalogue)
    written = _write(
        registry, document, args.output, args.format, _context(catalogue), inputs=files if len(files) <= 3 else ()
    )
    for error in failures:
        _err(f"{error}")
    if args.errors is not None:
        outcomes = [attrs.evolve(o, output=str(written)) if o.error is None else o for o in outcomes]
        data = (json.dumps(_batch.report(outcomes), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8", "backslashreplace"
        )
        args.errors.parent.mkdir(parents=True, exist_ok=True)
        write_output(args.errors, lambda out: _write_bytes(out, data))
    for duplicate in duplicates:
        _out(f"duplicate: {duplicate.reason}")
    good = len(files) - len(failures) - len(duplicates)
    _out(f"wrote {written}: {good} audit{'s' if good != 1 else ''} summarised")
    if failures:
        where = f"; the reasons are above and in {args.errors}" if args.errors else "; the reasons are above"
        _err(f"{len(failures)} of {len(files)} files could not be read and were left out{where}")
        return EXIT_INVALID
    return EXIT_OK


def _exporters(args: argparse.Namespace) -> int:
    rows: list[tuple[str, ...]] = [(i.name, i.distribution, i.target) for i in _registry().available()]
    _out(_table(("name", "distribution", "where"), rows))
    return EXIT_OK
