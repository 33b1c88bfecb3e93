"""What every command shares: exit codes, the catalogue and exporters chosen, output, one write path (private)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from coproduction.catalogue._catalogue import Catalogue, default_catalogue, load_item
from coproduction.exporters._protocol import ExportContext
from coproduction.exporters._registry import ExporterRegistry, default_registry
from coproduction.rules import wording

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class _UsageError(Exception):
    """The command was called wrong (exit 2)."""


# -- helpers -----------------------------------------------------------------------------------


def _catalogue(args: argparse.Namespace) -> Catalogue:
    catalogue = default_catalogue()
    for file in args.catalogue:
        catalogue = catalogue.including(load_item(file, catalogue))
    return catalogue


def _context(catalogue: Catalogue, on: dt.date | None = None) -> ExportContext:
    """What the exporters are told: the command's catalogue, and its date (today unless given)."""
    return ExportContext(catalogue=catalogue, as_of=dt.date.today() if on is None else on)


def _out(text: str, stream: TextIO | None = None) -> None:
    print(text, file=stream or sys.stdout)


def _registry() -> ExporterRegistry:
    return default_registry()


def _exporter_name(registry: ExporterRegistry, name: str | None, output: Path) -> str:
    if name:
        return name
    if not output.suffix:
        raise _UsageError(f"cannot tell the format of {output}: give it a suffix such as .docx, or use --format")
    return registry.by_suffix(output.suffix)


def _write(
    registry: ExporterRegistry, document: object, output: Path, name: str | None, context: ExportContext
) -> Path:
    exporter = _exporter_name(registry, name, output)
    return registry.export(document, output, name=exporter, context=context)


def _percent(value: float | None) -> str:
    return wording.percent(value, "-")


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], *, separator_before_last: bool = False) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(head, *rows, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()

    rule = "  ".join("-" * width for width in widths)
    body = [line(row) for row in rows]
    if separator_before_last and len(body) > 1:
        body.insert(len(body) - 1, rule)
    return "\n".join([line(head), rule, *body])
