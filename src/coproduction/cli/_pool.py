"""The ``pool`` command: many respondents' returns (JSON, Word, Excel mixed) combined into one pooled view."""

from __future__ import annotations

import argparse
from pathlib import Path

from coproduction.cli import _batch
from coproduction.cli._command import Command
from coproduction.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    UsageError,
    chosen_catalogue,
    err,
    installed_exporters,
    out,
    write_bytes,
)
from coproduction.cli._reading import named_files
from coproduction.contract.serialization import dumps
from coproduction.errors import CoproductionError, InvalidDocumentError
from coproduction.model.audit import Audit
from coproduction.model.pooled import DEFAULT_MINIMUM_GROUP
from coproduction.rules.pooling import pool

__all__ = ["POOL_COMMANDS"]


def _pool_arguments(parser: argparse.ArgumentParser) -> None:
    """``pool FILES|FOLDER -o pooled.json [--minimum-group N]``."""
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="AUDIT",
        help="returns (JSON, or filled Word or Excel templates), or folders",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the pooled view to write (.json)")
    parser.add_argument(
        "--minimum-group",
        type=int,
        default=DEFAULT_MINIMUM_GROUP,
        metavar="N",
        help=f"withhold a criterion's counts and comments when fewer than N respondents rated it "
        f"(default {DEFAULT_MINIMUM_GROUP})",
    )
    parser.add_argument("--jobs", type=int, default=1, help="processes reading the files")


def _pool(args: argparse.Namespace) -> int:
    if args.minimum_group < 1:
        raise UsageError("--minimum-group must be at least 1")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.output.suffix.lower() != ".json":
        raise UsageError(f"write the pooled view as .json (got {args.output.name})")
    catalogue = chosen_catalogue(args)
    registry = installed_exporters()
    suffixes = _batch.readable_suffixes(registry)
    files = _batch.input_files(args.files, suffixes)
    if not files:
        raise UsageError(f"no returns given (folders are searched for {', '.join(sorted(suffixes))} files)")
    audits: list[Audit] = []
    names: list[str] = []
    failures: list[CoproductionError] = []
    for outcome in _batch.read_audits(files, catalogue, registry, processes=args.jobs):
        if outcome.audit is not None:
            audits.append(outcome.audit)
            names.append(outcome.file)
        elif outcome.error is not None:
            failures.append(outcome.error)
    for error in failures:
        err(f"{error}")
    if not audits:
        raise InvalidDocumentError(f"none of the {len(files)} files could be read (see above); nothing was written")
    framework = catalogue.framework(audits[0].framework, audits[0].framework_version)
    try:
        view = pool(audits, framework, minimum_group=args.minimum_group)
    except CoproductionError as error:
        raise named_files(error, names) from None
    written = write_bytes(args.output, dumps(view).encode("utf-8"), inputs=files if len(files) <= 3 else ())
    withheld = sum(1 for entry in view.criteria if entry.withheld)
    out(
        f"wrote {written}: {view.respondents} {view.perspective.label} returns about {view.organisation.name} pooled"
        + (
            f"; {withheld} of {len(view.criteria)} criteria withheld (fewer than {view.minimum_group} rated them)"
            if withheld
            else ""
        )
    )
    if failures:
        err(f"{len(failures)} of {len(files)} files could not be read and were left out; the reasons are above")
        return EXIT_INVALID
    return EXIT_OK


POOL_COMMANDS = (
    Command(
        "pool",
        "combine many returns of one viewpoint (thirty parent carers, say) into one anonymous pooled view",
        _pool,
        _pool_arguments,
    ),
)
