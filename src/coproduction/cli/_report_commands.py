"""The report commands: ``report`` (one audit or a batch) and ``summary`` (many audits for a council) (private)."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from coproduction.catalogue._catalogue import Catalogue
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
    out,
    write_bytes,
    write_document,
)
from coproduction.cli._progress_bar import ProgressBar
from coproduction.cli._reading import audit_or_pool, load_audit
from coproduction.contract.serialization import load
from coproduction.errors import CoproductionError
from coproduction.exporters._registry import default_registry
from coproduction.exporters.documents import AuditReport, CouncilSummary
from coproduction.model.audit import Audit
from coproduction.model.framework import Framework
from coproduction.model.ladder import Ladder, LadderAssessment
from coproduction.model.pooled import PooledView
from coproduction.rules.duplicates import Duplicate, screen_returns

__all__ = ["REPORT_COMMANDS"]


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="AUDIT",
        help="an audit JSON file, or a pooled view (`coproduction pool` writes one); or several audits, or folders",
    )
    parser.add_argument("--ladder-assessment", type=Path, help="a ladder assessment to draw beside it (one audit)")
    parser.add_argument(
        "--format", default=None, help="exporter name (default: from the output suffix; docx for a folder)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="the report to write; a folder when there are many audits"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for batches")


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="AUDIT",
        help="audits (JSON, or filled Word or Excel templates), or folders",
    )
    parser.add_argument("--format", default=None, help="exporter name (default: from the output suffix)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the summary to write, such as council.xlsx")
    parser.add_argument(
        "--errors", type=Path, metavar="REPORT", help="also write a JSON report of every file read and every failure"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes reading the files")


def _report(args: argparse.Namespace) -> int:
    catalogue = chosen_catalogue(args)
    if len(args.files) == 1 and not args.files[0].is_dir():
        audit, framework = audit_or_pool(load(args.files[0], catalogue=catalogue), args.files[0], catalogue)
        if isinstance(audit, PooledView):
            return _report_pool(args, audit, catalogue)
        assessment: LadderAssessment | None = None
        ladder: Ladder | None = None
        if args.ladder_assessment:
            assessment = load(args.ladder_assessment, LadderAssessment, catalogue=catalogue)
            ladder = catalogue.ladder(assessment.ladder)
        report = AuditReport(audit, framework, ladder=ladder, ladder_assessment=assessment)
        written = write_document(
            installed_exporters(), report, args.output, args.format, context_for(catalogue), inputs=args.files
        )
        out(f"wrote {written}")
        return EXIT_OK
    if args.ladder_assessment:
        raise UsageError("--ladder-assessment goes with a single audit, not a batch")
    return _report_batch(args, catalogue)


def _report_pool(args: argparse.Namespace, view: PooledView, catalogue: Catalogue) -> int:
    if args.ladder_assessment:
        raise UsageError("--ladder-assessment goes with an audit, not a pooled view")
    written = write_document(
        installed_exporters(), view, args.output, args.format, context_for(catalogue), inputs=args.files
    )
    out(f"wrote {written}: the pooled view of {view.respondents} {view.perspective.label} returns")
    return EXIT_OK


def _report_batch(args: argparse.Namespace, catalogue: Catalogue) -> int:
    files = _audit_files(args.files)
    if not files:
        raise UsageError("no audit files given (folders are searched for *.json)")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {args.jobs}")
    registry = installed_exporters()
    exporter = args.format or "docx"
    suffix = registry.get(exporter).suffix
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output} is a file; for many audits, -o names a folder to write the reports into")
    args.output.mkdir(parents=True, exist_ok=True)
    names = _batch.output_names(files)
    jobs = [
        (file, args.output / f"{Path(name).stem}{suffix}", exporter) for file, name in zip(files, names, strict=True)
    ]
    _batch.remove_leftovers(output for _, output, _ in jobs)
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
        err(message)
    good = len(jobs) - len(failures)
    out(f"wrote {good} report{'s' if good != 1 else ''} to {args.output}")
    if failures:
        err(f"{len(failures)} of {len(jobs)} audits could not be reported and were left out")
        return EXIT_INVALID
    return EXIT_OK


_batch_catalogue: list[Catalogue] = []


def _use_catalogue(catalogue: Catalogue) -> None:
    """Give this process the catalogue a batch's jobs use, once, rather than with every job."""
    _batch_catalogue[:] = [catalogue]


def _make_report(job: tuple[Path, Path, str]) -> str | None:
    """Write one report of a batch; return None, or what went wrong in plain words."""
    file, output, exporter = job
    catalogue = _batch_catalogue[0]
    try:
        audit, framework = load_audit(file, catalogue)
        write_document(
            default_registry(),
            AuditReport(audit, framework),
            output,
            exporter,
            context_for(catalogue),
            inputs=[file],
            clean_leftovers=False,
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
    catalogue = chosen_catalogue(args)
    registry = installed_exporters()
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    suffixes = _batch.readable_suffixes(registry)
    files = _batch.input_files(args.files, suffixes)
    if not files:
        raise UsageError(f"no audit files given (folders are searched for {', '.join(sorted(suffixes))} files)")
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
            err(f"{error}")
        err(f"none of the {len(files)} files could be read; nothing was written and {args.output} was left as it was")
        return EXIT_INVALID
    document = CouncilSummary(iter(read), catalogue=catalogue)
    written = write_document(
        registry, document, args.output, args.format, context_for(catalogue), inputs=files if len(files) <= 3 else ()
    )
    for error in failures:
        err(f"{error}")
    if args.errors is not None:
        outcomes = [attrs.evolve(o, output=str(written)) if o.error is None else o for o in outcomes]
        data = (json.dumps(_batch.report(outcomes), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8", "backslashreplace"
        )
        args.errors.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(args.errors, data)
    for duplicate in duplicates:
        out(f"duplicate: {duplicate.reason}")
    good = len(files) - len(failures) - len(duplicates)
    out(f"wrote {written}: {good} audit{'s' if good != 1 else ''} summarised")
    if failures:
        where = f"; the reasons are above and in {args.errors}" if args.errors else "; the reasons are above"
        err(f"{len(failures)} of {len(files)} files could not be read and were left out{where}")
        return EXIT_INVALID
    return EXIT_OK


REPORT_COMMANDS = (
    Command(
        "report",
        "write a readable report of an audit, or of many (Word, Excel or JSON)",
        _report,
        _report_arguments,
    ),
    Command("summary", "summarise many audits in one workbook for a council", _summary, _summary_arguments),
)
